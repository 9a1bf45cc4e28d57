import type { Command } from '@tenderledger/domain-kit';
import type { ChallengeKind, ChallengeOutcome } from '../challenges';
import type { ContractTerm } from '../contract-term';
import type { DecisionMaker } from '../decision-makers';
import type { BidId, ChallengeId, ContractId, LotId, OrganisationId, TenderId } from '../ids';
import type { StandstillRule } from '../standstill';

// Commands carry everything the decision needs: the application loads the ranking from the evaluation
// results and the standstill rule from the tender's procedure profile. Data shapes are type aliases
// (not interfaces) so they satisfy Command's Record<string, unknown> bound. `now` is ISO 8601.

/** One bid in a lot's ranking, best first, as the evaluation moderated it. */
export type RankedBid = {
  readonly bidId: BidId;
  /** The bidding organisation (for a consortium, its lead). */
  readonly bidderId: OrganisationId;
  readonly bidderName: string;
  readonly totalScore: number;
  readonly qualityPoints: number;
  readonly pricePoints: number;
  /** The bid's priced annual value: the contract value if it wins. */
  readonly annualValuePence: number;
  /** Met the tender's mandatory requirements. */
  readonly compliant: boolean;
  /** Reached every criterion's pass mark. */
  readonly passedPassMarks: boolean;
  /** The evaluators' moderated feedback: strengths, weaknesses, why it was excluded. */
  readonly feedback: readonly string[];
};

export type LotDecisionInput = {
  readonly lotId: LotId;
  readonly ranking: readonly RankedBid[];
  /** From the lot award optimiser: not always the top bid when a bidder reached the tender's lot limit. */
  readonly winnerBidId: BidId;
  /** The optimiser's explanation, shown to bidders that out-scored the winner. */
  readonly explanation: string;
  /** The register contract this lot's award replaces, when it re-procures one. */
  readonly replacesContractId?: ContractId;
};

/** Decides the award and publishes the award notice (intention to award under PSR) at `now`. */
export type DecideAward = Command<
  'DecideAward',
  {
    readonly tenderId: TenderId;
    readonly commissionerId: OrganisationId;
    /** The tender's procedure profile's standstill rule; null where the profile has none. */
    readonly standstill: StandstillRule | null;
    readonly lots: readonly LotDecisionInput[];
    readonly contractTerm: ContractTerm;
    readonly decisionMakers: readonly DecisionMaker[];
    readonly reasons: string;
    readonly now: string;
  }
>;

/** A representation or challenge from a bidder: on one lot's award, or on all of them when lotId is absent. */
export type RecordChallenge = Command<
  'RecordChallenge',
  {
    readonly tenderId: TenderId;
    readonly challengeId: ChallengeId;
    readonly kind: ChallengeKind;
    readonly lotId?: LotId;
    readonly by: OrganisationId;
    readonly grounds: string;
    readonly now: string;
  }
>;

export type RecordChallengeOutcome = Command<
  'RecordChallengeOutcome',
  {
    readonly tenderId: TenderId;
    readonly challengeId: ChallengeId;
    readonly commissionerId: OrganisationId;
    readonly outcome: ChallengeOutcome;
    readonly reasons: string;
    readonly now: string;
  }
>;

/**
 * Sent by the conclusion process manager (see `dueForConclusion`). Concludes every lot whose standstill
 * is over and that no open challenge suspends. `contractTerm` overrides the decided term, e.g. when a
 * challenge delayed the start.
 */
export type ConcludeContract = Command<
  'ConcludeContract',
  { readonly tenderId: TenderId; readonly now: string; readonly contractTerm?: ContractTerm }
>;

export type AwardCommand = DecideAward | RecordChallenge | RecordChallengeOutcome | ConcludeContract;
