import { contractTermOf } from '@tenderledger/award';
import { PROCEDURE_PROFILES, type AwardCriterion, type ProcedureProfileId, type Tender } from '@tenderledger/tendering';
import type { MethodCode, PartyRole, ReleaseTag, TenderStatusCode } from './codes';
import { londonDayEnd, londonDayStart } from './london-dates';
import type { OcdsAmendment, OcdsAward, OcdsBid, OcdsBidStatistic, OcdsContract, OcdsLot, OcdsParty, OcdsPeriod, OcdsRelease, OcdsTender, OcdsValue, OrganizationReference } from './ocds-types';
import type { PublicBid, TenderFacts } from './tender-facts';

/** What the export knows of an organisation (from the registry's events). */
export type OrganisationFacts = { readonly name: string; readonly odsCode: string | null };
export type Organisations = ReadonlyMap<string, OrganisationFacts>;

export type ReleaseMoment = {
  readonly tag: ReleaseTag;
  readonly date: string;
  /** The store's global position of the event: makes release ids unique and stable across rebuilds. */
  readonly position: number;
};

// Open for anyone to bid → open; competitive flexible may shortlist → selective; most suitable
// provider: the commissioner approaches providers of its choice → limited; direct awards → direct.
const METHOD_OF: Readonly<Record<ProcedureProfileId, MethodCode>> = {
  'pa23-open': 'open',
  'pa23-competitive-flexible': 'selective',
  'psr-competitive': 'open',
  'psr-most-suitable-provider': 'limited',
  'psr-direct-award-a': 'direct',
  'psr-direct-award-b': 'direct',
  'psr-direct-award-c': 'direct',
};

export const pounds = (pence: number): OcdsValue => ({ amount: pence / 100, currency: 'GBP' });

/** org-id.guide's scheme for NHS Organisation Data Service codes. */
const ODS_SCHEME = 'GB-NHS';

export const ocidOf = (prefix: string, tenderId: string): string => `${prefix}-${tenderId}`;

/** A consortium is one tenderer of its own (one per bid), besides its member organisations. */
const consortiumPartyId = (bidId: string): string => `consortium-${bidId}`;

function bidderReference(bid: PublicBid, orgs: Organisations): OrganizationReference {
  if (bid.bidder.kind === 'consortium') return { id: consortiumPartyId(bid.bidId), name: bid.bidder.name };
  const id = bid.bidder.organisationId;
  return { id, name: orgs.get(id)?.name ?? id };
}

const bidderMembers = (bid: PublicBid): readonly string[] =>
  bid.bidder.kind === 'consortium' ? [bid.bidder.leadOrganisationId, ...bid.bidder.memberOrganisationIds] : [];

function awardCriteriaOf(criteria: readonly AwardCriterion[]): Pick<OcdsTender, 'awardCriteria' | 'awardCriteriaDetails'> {
  const weighted = criteria.filter((c) => c.weightBasisPoints > 0);
  const hasPrice = weighted.some((c) => c.kind === 'price');
  const awardCriteria = !hasPrice ? 'qualityOnly' : weighted.every((c) => c.kind === 'price') ? 'priceOnly' : 'ratedCriteria';
  const details = weighted.map((c) => `${c.name} ${c.weightBasisPoints / 100}%${c.passMark !== null ? ` (pass mark ${c.passMark} of ${c.maxScore})` : ''}`).join('; ');
  return { awardCriteria, awardCriteriaDetails: details };
}

/** The award context's reading of the term (months → calendar end date), so tender and award agree. */
function contractPeriodOf(tender: Tender): OcdsPeriod {
  const { startDate, endDate } = contractTermOf(tender.terms.contractTerm);
  return { startDate: londonDayStart(startDate), endDate: londonDayEnd(endDate) };
}

/** Bids that stood at the close: withdrawn ones were never received as far as the process goes. */
const standingBids = (facts: TenderFacts): PublicBid[] => Object.values(facts.bids).filter((bid) => !bid.withdrawn);

function lotStatus(facts: TenderFacts, lotId: string): TenderStatusCode {
  if (facts.tender.status === 'cancelled') return 'cancelled';
  if (facts.awards.some((a) => a.lotId === lotId && a.status !== 'cancelled')) return 'complete';
  if (facts.unsuccessfulLots.includes(lotId) || facts.awards.length > 0) return 'unsuccessful';
  return 'active';
}

/** The lots extension's rule: active if any lot is, else complete if any is, else unsuccessful, else cancelled. */
function tenderStatus(lots: readonly OcdsLot[]): TenderStatusCode {
  for (const status of ['active', 'complete', 'unsuccessful'] as const) if (lots.some((lot) => lot.status === status)) return status;
  return 'cancelled';
}

function partiesOf(facts: TenderFacts, tender: Tender, orgs: Organisations, afterAward: boolean): OcdsParty[] {
  const roles = new Map<string, { ref: OrganizationReference; roles: Set<PartyRole> }>();
  const add = (ref: OrganizationReference, ...extra: PartyRole[]): void => {
    const entry = roles.get(ref.id) ?? { ref, roles: new Set<PartyRole>() };
    extra.forEach((role) => entry.roles.add(role));
    roles.set(ref.id, entry);
  };
  const buyer = { id: tender.commissionerId, name: orgs.get(tender.commissionerId)?.name ?? tender.commissionerId };
  add(buyer, 'buyer', 'procuringEntity');
  // Tenderers are named only once the award is decided: before that, who bid is not published.
  if (afterAward) {
    const winners = new Set(facts.awards.filter((a) => a.status !== 'cancelled').map((a) => a.bidId));
    for (const bid of standingBids(facts)) {
      const bidRoles: PartyRole[] = winners.has(bid.bidId) ? ['tenderer', 'supplier'] : ['tenderer'];
      add(bidderReference(bid, orgs), ...bidRoles);
      // Consortium members carry the consortium's roles, so a reader can see who stands behind it.
      for (const member of bidderMembers(bid)) add({ id: member, name: orgs.get(member)?.name ?? member }, ...bidRoles);
    }
  }
  return [...roles.values()].map(({ ref, roles: set }) => partyOf(ref, [...set], orgs));
}

/** A party with its ODS code as identifier when the registry knows one. */
export function partyOf(ref: OrganizationReference, roles: readonly PartyRole[], orgs: Organisations): OcdsParty {
  const odsCode = orgs.get(ref.id)?.odsCode;
  return { ...ref, ...(odsCode ? { identifier: { scheme: ODS_SCHEME, id: odsCode, legalName: ref.name } } : {}), roles };
}

function bidsOf(facts: TenderFacts, tender: Tender, orgs: Organisations, afterAward: boolean): OcdsRelease['bids'] {
  if (tender.closedAt === null) return undefined; // counts before the deadline would tell bidders about each other
  const standing = standingBids(facts);
  const statistic = (id: string, value: number, relatedLot?: string): OcdsBidStatistic => ({ id, measure: 'bids', value, date: tender.closedAt!, ...(relatedLot ? { relatedLot } : {}) });
  const statistics = [
    statistic('bids', standing.length),
    ...tender.lots.map((lot) => statistic(`bids-${lot.id}`, standing.filter((bid) => bid.lotIds.includes(lot.id)).length, lot.id)),
  ];
  if (!afterAward) return { statistics };
  const excluded = new Set(facts.awards.flatMap((a) => a.excludedBidIds));
  const details: OcdsBid[] = standing.map((bid) => ({
    id: bid.bidId,
    date: bid.submittedAt,
    status: bid.excludedAtOpening || excluded.has(bid.bidId) ? 'disqualified' : 'valid',
    tenderers: [bidderReference(bid, orgs)],
    relatedLots: bid.lotIds,
  }));
  return { statistics, details };
}

function amendmentsOf(facts: TenderFacts, releaseIds: readonly string[], amendmentReleaseIds: readonly string[]): OcdsAmendment[] {
  return facts.amendments.map((amendment, i) => {
    const releaseID = amendmentReleaseIds[i]!;
    const amends = releaseIds[releaseIds.indexOf(releaseID) - 1];
    return { id: `amendment-${i + 1}`, date: amendment.date, rationale: amendment.reason, description: amendment.changes, releaseID, ...(amends ? { amendsReleaseID: amends } : {}) };
  });
}

export type ReleaseContext = {
  readonly ocid: string;
  readonly releaseId: string;
  readonly moment: ReleaseMoment;
  /** Ids of this tender's releases so far, this one included, and those of its amendments in order. */
  readonly releaseIds: readonly string[];
  readonly amendmentReleaseIds: readonly string[];
};

/**
 * A release is a full snapshot of what is public at its moment (OCDS allows repeating earlier data),
 * so the compiled record never depends on which release said what first.
 */
export function buildRelease(facts: TenderFacts, tender: Tender, orgs: Organisations, context: ReleaseContext): OcdsRelease {
  const afterAward = facts.awards.length > 0;
  const profile = PROCEDURE_PROFILES.find((p) => p.id === tender.terms.procedureProfileId);
  const contractPeriod = contractPeriodOf(tender);
  const lots: OcdsLot[] = tender.lots.map((lot) => ({
    id: lot.id,
    title: lot.title,
    description: lot.description,
    status: lotStatus(facts, lot.id),
    value: pounds(lot.estimatedAnnualValuePence),
    contractPeriod,
  }));
  const parties = partiesOf(facts, tender, orgs, afterAward);
  const buyer = { id: parties[0]!.id, name: parties[0]!.name };
  const bids = bidsOf(facts, tender, orgs, afterAward);
  const { timeline } = tender.terms;
  const amendments = amendmentsOf(facts, context.releaseIds, context.amendmentReleaseIds);
  const ocdsTender: OcdsTender = {
    id: tender.tenderId,
    title: tender.terms.title,
    description: tender.terms.description,
    status: tenderStatus(lots),
    procuringEntity: buyer,
    value: pounds(tender.terms.estimatedAnnualValuePence),
    procurementMethod: METHOD_OF[tender.terms.procedureProfileId],
    procurementMethodDetails: profile?.name ?? tender.terms.procedureProfileId,
    mainProcurementCategory: 'services',
    ...awardCriteriaOf(tender.terms.criteria),
    submissionMethod: ['electronicSubmission'],
    tenderPeriod: { startDate: tender.publishedAt!, endDate: timeline.submissionDeadline },
    enquiryPeriod: { startDate: tender.publishedAt!, endDate: timeline.clarificationDeadline },
    awardPeriod: { endDate: timeline.plannedAwardDate },
    contractPeriod,
    hasEnquiries: Object.keys(tender.clarifications).length > 0,
    lots,
    lotDetails: { maximumLotsAwardedPerSupplier: tender.lotLimit ?? lots.length },
    ...(tender.closedAt !== null ? { numberOfTenderers: standingBids(facts).length } : {}),
    ...(afterAward ? { tenderers: standingBids(facts).map((bid) => bidderReference(bid, orgs)) } : {}),
    ...(amendments.length > 0 ? { amendments } : {}),
  };
  const awards: OcdsAward[] = facts.awards.map((award) => {
    const bid = facts.bids[award.bidId];
    const supplier = bid ? bidderReference(bid, orgs) : { id: award.bidderId, name: award.bidderName };
    const term = facts.contractTerm;
    return {
      id: award.awardId,
      title: `Award of ${tender.lots.find((lot) => lot.id === award.lotId)?.title ?? award.lotId}`,
      description: 'The value is the annual contract value.',
      status: award.status,
      date: award.decidedAt,
      value: pounds(award.valuePence),
      suppliers: [supplier],
      relatedLots: [award.lotId],
      relatedBid: award.bidId,
      contractPeriod: term ? { startDate: londonDayStart(term.startDate), endDate: londonDayEnd(term.endDate) } : contractPeriod,
    };
  });
  const contracts: OcdsContract[] = facts.contracts.map((contract) => ({
    id: contract.contractId,
    awardID: contract.awardId,
    title: `Contract for ${tender.lots.find((lot) => lot.id === contract.lotId)?.title ?? contract.lotId}`,
    status: 'active',
    period: { startDate: londonDayStart(contract.startDate), endDate: londonDayEnd(contract.endDate) },
    value: pounds(contract.valuePence),
    dateSigned: contract.concludedAt,
  }));
  return {
    ocid: context.ocid,
    id: context.releaseId,
    date: context.moment.date,
    tag: [context.moment.tag],
    initiationType: 'tender',
    language: 'en',
    parties,
    buyer,
    tender: ocdsTender,
    ...(bids ? { bids } : {}),
    ...(awards.length > 0 ? { awards } : {}),
    ...(contracts.length > 0 ? { contracts } : {}),
  };
}
