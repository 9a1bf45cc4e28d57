import { refuse } from '@tenderledger/domain-kit';
import type { OrganisationDirectory } from '@tenderledger/registry';
import { bidderOrganisations, type Bidder } from '../domain';

/**
 * Every party to a bid lives in an organisation stream the bid decider cannot see, so the
 * application checks them: each must be registered, and a commissioner cannot bid.
 */
export function checkBidderParties(bidder: Bidder, directory: OrganisationDirectory): void {
  for (const organisationId of bidderOrganisations(bidder)) {
    const found = directory.get(organisationId);
    if (!found) refuse('BID_ORGANISATION_UNKNOWN', `${organisationId} is not a registered organisation; register it before bidding.`, { organisationId });
    if (found?.kind === 'commissioner') refuse('BID_ORGANISATION_IS_COMMISSIONER', `${found.name} is a commissioner and cannot be party to a bid.`, { organisationId });
  }
}
