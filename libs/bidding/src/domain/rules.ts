import { conflict, refuse } from '@tenderledger/domain-kit';
import { actingOrganisation, type Bidder } from './bidder';
import { isCommitment, isSealedContent, type Commitment, type SealedContent } from './commitment';
import type { LotId, OrganisationId, TenderId } from './ids';
import type { TenderFacts } from './tender-facts';

// Guards shared by the bid commands. Each throws a DomainError with a stable code (errors.ts).

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO instant with an explicit zone; a date-only or zone-less string would shift deadlines. */
export function instant(iso: string, field: string): number {
  const ms = typeof iso === 'string' && ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) refuse('BID_TIME_INVALID', `${field} must be an ISO 8601 instant with a time zone, got "${String(iso)}".`, { field });
  return ms;
}

/** The handler loaded the tender this bid belongs to, not another one. */
export function requireSameTender(tender: TenderFacts, tenderId: TenderId): void {
  if (tender.tenderId !== tenderId) {
    refuse('BID_TENDER_MISMATCH', `The tender facts given are for tender ${tender.tenderId}, but the bid is for tender ${tenderId}.`, {
      expected: tenderId,
      given: tender.tenderId,
    });
  }
}

/**
 * Submissions, resubmissions and withdrawals: only on a published tender, strictly before the deadline.
 * The deadline is checked before 'closed': tendering closes submissions when the deadline passes, and
 * a late bidder must hear that it was late, not merely that the tender is closed.
 */
export function requireOpenForBids(tender: TenderFacts, now: string, action: string): void {
  const notOpen = (): never =>
    conflict('BID_TENDER_NOT_OPEN', `Tender ${tender.tenderId} is ${tender.status}, not published, so a bid cannot be ${action}.`, {
      status: tender.status,
    });
  if (tender.status === 'draft' || tender.status === 'cancelled') notOpen();
  const deadline = instant(tender.submissionDeadline, 'submissionDeadline');
  if (instant(now, 'now') >= deadline) {
    conflict('BID_DEADLINE_PASSED', `Late submission: the submission deadline (${tender.submissionDeadline}) has passed, so the bid cannot be ${action}.`, {
      submissionDeadline: tender.submissionDeadline,
      now,
    });
  }
  if (tender.status !== 'published') notOpen();
}

export function requireActingFor(bidder: Bidder, organisationId: OrganisationId): void {
  const acting = actingOrganisation(bidder);
  if (organisationId !== acting) {
    refuse(
      'BID_NOT_BIDDER',
      bidder.kind === 'consortium'
        ? `Only the consortium's lead organisation (${acting}) can act for this bid, not ${organisationId}.`
        : `Only the bidding organisation (${acting}) can act for this bid, not ${organisationId}.`,
      { organisationId },
    );
  }
}

export function requireLots(lotIds: readonly LotId[], tender: TenderFacts): void {
  if (!Array.isArray(lotIds) || lotIds.length === 0) refuse('BID_NO_LOTS', 'A bid must be for at least one lot.');
  const unknown = lotIds.filter((lotId) => !tender.lotIds.includes(lotId));
  if (unknown.length > 0) {
    refuse('BID_LOT_UNKNOWN', `Lot ${unknown.join(', ')} is not a lot of tender ${tender.tenderId}.`, { lotIds: unknown });
  }
  const duplicates = lotIds.filter((lotId, i) => lotIds.indexOf(lotId) !== i);
  if (duplicates.length > 0) refuse('BID_LOT_DUPLICATE', `Lot ${[...new Set(duplicates)].join(', ')} is listed more than once.`, { lotIds: duplicates });
}

export function requireCommitment(commitment: string): Commitment {
  if (!isCommitment(commitment)) refuse('BID_COMMITMENT_INVALID', 'The commitment must be a SHA-256 hash: 64 lower-case hexadecimal characters.');
  return commitment as Commitment;
}

export function requireSealed(sealed: SealedContent): SealedContent {
  if (!isSealedContent(sealed)) {
    refuse('BID_SEALED_INVALID', 'The sealed content must have a base64 ciphertext, iv and authTag, and a key id.');
  }
  return sealed;
}
