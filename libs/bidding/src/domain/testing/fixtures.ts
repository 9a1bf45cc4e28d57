// Shared test data for the bid decider specs: one tender with three lots and two quality
// criteria, a single practice and a three-organisation federation, fixed instants around the deadline.
import type { BidContent } from '../bid-content';
import type { ConsortiumBidder, OrganisationBidder } from '../bidder';
import type { OpenBid, ResubmitBid, SubmitBid, WithdrawBid } from '../commands';
import { computeCommitment, type Commitment, type SealedContent } from '../commitment';
import type { BidOpened, BidResubmitted, BidSubmitted, BidWithdrawn } from '../events';
import { asBidId, asCriterionId, asLotId, asOrganisationId, asTenderId } from '../ids';
import type { TenderFacts } from '../tender-facts';

export const BID = asBidId('bid-0001');
export const TENDER = asTenderId('tender-nw-london-2026');
export const LOT_A = asLotId('lot-a-north');
export const LOT_B = asLotId('lot-b-south');
export const LOT_C = asLotId('lot-c-central');
export const QUALITY = asCriterionId('crit-quality-innovation');
export const ACCESS = asCriterionId('crit-access-inequalities');

export const PRACTICE = asOrganisationId('org-riverside-surgery');
export const LEAD = asOrganisationId('org-harrow-federation');
export const MEMBER_1 = asOrganisationId('org-elm-practice');
export const MEMBER_2 = asOrganisationId('org-oak-practice');
export const STRANGER = asOrganisationId('org-someone-else');
export const COMMISSIONER = asOrganisationId('org-nw-london-icb');

export const DEADLINE = '2026-03-02T12:00:00.000Z';
export const BEFORE = '2026-02-20T10:00:00.000Z';
export const LATER_BEFORE = '2026-03-01T16:30:00.000Z';
export const AT_DEADLINE = DEADLINE;
export const AFTER = '2026-03-02T12:00:01.000Z';

export const tender = (overrides: Partial<TenderFacts> = {}): TenderFacts => ({
  tenderId: TENDER,
  status: 'published',
  submissionDeadline: DEADLINE,
  lotIds: [LOT_A, LOT_B, LOT_C],
  criteriaIds: [QUALITY, ACCESS],
  ...overrides,
});
export const closedTender = (overrides: Partial<TenderFacts> = {}): TenderFacts => tender({ status: 'closed', ...overrides });

export const practice: OrganisationBidder = { kind: 'organisation', organisationId: PRACTICE };
export const federation: ConsortiumBidder = {
  kind: 'consortium',
  name: 'Harrow GP Federation',
  leadOrganisationId: LEAD,
  memberOrganisationIds: [MEMBER_1, MEMBER_2],
};

export const content: BidContent = {
  lots: [
    { lotId: LOT_A, price: 125_000_000, preference: 1 },
    { lotId: LOT_B, price: 98_500_000 },
  ],
  qualityResponses: [
    { criterionId: QUALITY, response: 'Extended hours hub with a same-day clinician triage model.' },
    { criterionId: ACCESS, response: 'Outreach clinics for housebound and homeless patients.' },
  ],
  socialValueCommitments: ['Two local apprenticeships per year', 'Net-zero estates plan by 2030'],
};
export const revisedContent: BidContent = { ...content, lots: [{ lotId: LOT_C, price: 70_000_000 }] };

export const NONCE = 'q2Vv7mB0o3m6T3YQn0cJm1zQ8a0x1u5GmHcB9fQ3JrA=';
export const NONCE_2 = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5=';
export const COMMITMENT: Commitment = computeCommitment(content, NONCE);
export const REVISED_COMMITMENT: Commitment = computeCommitment(revisedContent, NONCE_2);

export const sealed: SealedContent = {
  ciphertext: 'c2VhbGVkIGJpZCBjb250ZW50IGJ5dGVz',
  iv: 'AAECAwQFBgcICQoL',
  authTag: 'AAECAwQFBgcICQoLDA0ODw==',
  keyId: 'sealing-key-2026-01',
};
export const resealed: SealedContent = { ...sealed, ciphertext: 'cmVzdWJtaXR0ZWQgY29udGVudA==', iv: 'CwoJCAcGBQQDAgEA' };

export const submitBid = (overrides: Partial<SubmitBid['data']> = {}): SubmitBid => ({
  type: 'SubmitBid',
  data: {
    bidId: BID,
    tenderId: TENDER,
    bidder: practice,
    lotIds: [LOT_A, LOT_B],
    sealed,
    commitment: COMMITMENT,
    submittedBy: PRACTICE,
    tender: tender(),
    now: BEFORE,
    ...overrides,
  },
});

export const bidSubmitted = (overrides: Partial<BidSubmitted['data']> = {}): BidSubmitted => ({
  type: 'BidSubmitted',
  data: {
    bidId: BID,
    tenderId: TENDER,
    bidder: practice,
    lotIds: [LOT_A, LOT_B],
    sealed,
    commitment: COMMITMENT,
    submittedAt: BEFORE,
    submittedBy: PRACTICE,
    ...overrides,
  },
});

export const federationSubmitted = (): BidSubmitted => bidSubmitted({ bidder: federation, submittedBy: LEAD });

export const resubmitBid = (overrides: Partial<ResubmitBid['data']> = {}): ResubmitBid => ({
  type: 'ResubmitBid',
  data: {
    bidId: BID,
    lotIds: [LOT_C],
    sealed: resealed,
    commitment: REVISED_COMMITMENT,
    resubmittedBy: PRACTICE,
    tender: tender(),
    now: LATER_BEFORE,
    ...overrides,
  },
});

export const bidResubmitted = (overrides: Partial<BidResubmitted['data']> = {}): BidResubmitted => ({
  type: 'BidResubmitted',
  data: {
    bidId: BID,
    tenderId: TENDER,
    lotIds: [LOT_C],
    sealed: resealed,
    commitment: REVISED_COMMITMENT,
    previousCommitment: COMMITMENT,
    resubmittedAt: LATER_BEFORE,
    resubmittedBy: PRACTICE,
    ...overrides,
  },
});

export const withdrawBid = (overrides: Partial<WithdrawBid['data']> = {}): WithdrawBid => ({
  type: 'WithdrawBid',
  data: { bidId: BID, by: PRACTICE, tender: tender(), now: LATER_BEFORE, ...overrides },
});

export const bidWithdrawn = (overrides: Partial<BidWithdrawn['data']> = {}): BidWithdrawn => ({
  type: 'BidWithdrawn',
  data: { bidId: BID, tenderId: TENDER, withdrawnAt: LATER_BEFORE, by: PRACTICE, ...overrides },
});

export const openBid = (overrides: Partial<OpenBid['data']> = {}): OpenBid => ({
  type: 'OpenBid',
  data: { bidId: BID, opened: { content, nonce: NONCE }, tender: closedTender(), now: AFTER, ...overrides },
});

export const bidOpened = (overrides: Partial<BidOpened['data']> = {}): BidOpened => ({
  type: 'BidOpened',
  data: { bidId: BID, tenderId: TENDER, openedAt: AFTER, content, nonce: NONCE, commitment: COMMITMENT, ...overrides },
});
