import type { OrganisationId } from './ids';

/** Who bids: one organisation, or a consortium (a federation, a network) led by one of its organisations. */
export type Bidder =
  | { readonly kind: 'organisation'; readonly organisationId: OrganisationId }
  | {
      readonly kind: 'consortium';
      readonly name: string;
      readonly leadOrganisationId: OrganisationId;
      readonly memberOrganisationIds: readonly OrganisationId[];
    };

export type OrganisationBidder = Extract<Bidder, { kind: 'organisation' }>;
export type ConsortiumBidder = Extract<Bidder, { kind: 'consortium' }>;

/** The organisation that acts for the bid: submits, withdraws, resubmits. */
export const actingOrganisation = (bidder: Bidder): OrganisationId =>
  bidder.kind === 'organisation' ? bidder.organisationId : bidder.leadOrganisationId;

/** Every organisation that is party to the bid (for "a bidder reads only its own bids" and conflict checks). */
export const bidderOrganisations = (bidder: Bidder): OrganisationId[] =>
  bidder.kind === 'organisation' ? [bidder.organisationId] : [bidder.leadOrganisationId, ...bidder.memberOrganisationIds];

/** Problems with a consortium's make-up; empty when valid (organisations are always valid here). */
export function consortiumProblems(bidder: Bidder): string[] {
  if (bidder.kind !== 'consortium') return [];
  const problems: string[] = [];
  if (typeof bidder.name !== 'string' || bidder.name.trim() === '') problems.push('A consortium needs a name.');
  if (typeof bidder.leadOrganisationId !== 'string' || bidder.leadOrganisationId.trim() === '') problems.push('A consortium needs a lead organisation.');
  const members = Array.isArray(bidder.memberOrganisationIds) ? bidder.memberOrganisationIds : [];
  if (members.length === 0) problems.push('A consortium needs at least one member besides its lead.');
  if (members.some((member) => typeof member !== 'string' || member.trim() === '')) problems.push('Every consortium member must be an organisation.');
  if (members.includes(bidder.leadOrganisationId)) problems.push('The lead organisation cannot also be listed as a member.');
  if (new Set(members).size !== members.length) problems.push('A member organisation is listed more than once.');
  return problems;
}
