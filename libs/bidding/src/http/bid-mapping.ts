import { asCriterionId, asLotId, asOrganisationId, type BidContent, type Bidder } from '../domain';
import type { BidContentDto, BidderDto } from './bid.dto';

/**
 * Field by field into plain domain objects: the commitment is a hash of canonical JSON, so
 * exactly these fields (and no DTO artefacts) must be sealed.
 */
export function toBidContent(dto: BidContentDto): BidContent {
  return {
    lots: dto.lots.map((lot) => ({ lotId: asLotId(lot.lotId), price: lot.price, ...(lot.preference !== undefined ? { preference: lot.preference } : {}) })),
    qualityResponses: dto.qualityResponses.map((r) => ({ criterionId: asCriterionId(r.criterionId), response: r.response })),
    socialValueCommitments: [...dto.socialValueCommitments],
  };
}

/** The caller's organisation is the bidder, or the consortium's lead: nobody bids in another's name. */
export function toBidder(dto: BidderDto, actorOrganisationId: string): Bidder {
  const acting = asOrganisationId(actorOrganisationId);
  if (dto.kind === 'organisation') return { kind: 'organisation', organisationId: acting };
  return { kind: 'consortium', name: dto.name ?? '', leadOrganisationId: acting, memberOrganisationIds: (dto.memberOrganisationIds ?? []).map(asOrganisationId) };
}
