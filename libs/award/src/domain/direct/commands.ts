import type { Command } from '@tenderledger/domain-kit';
import type { ChallengeKind, ChallengeOutcome } from '../challenges';
import type { ContractTerm } from '../contract-term';
import type { DecisionMaker } from '../decision-makers';
import type { ChallengeId, ContractId, DirectAwardId, OrganisationId } from '../ids';
import type { StandstillRule } from '../standstill';
import type { KeyCriteriaAssessment } from './key-criteria';

/** A declared interest and how it was handled (excluded from the decision, mitigated, …). */
export type DeclaredConflict = { readonly decisionMaker: string; readonly interest: string; readonly handling: string };

export type DirectAwardProvider = { readonly organisationId: OrganisationId; readonly name: string };

/** The existing holder of the contract being re-awarded. */
export type Incumbent = { readonly organisationId: OrganisationId; readonly contractId: ContractId };

export type DirectAwardTerms = ContractTerm & { readonly annualValuePence: number };

/** A decision without bids. `route` is checked against the route table, so it is plain text here. */
export type DecideDirectAward = Command<
  'DecideDirectAward',
  {
    readonly decisionId: DirectAwardId;
    readonly commissionerId: OrganisationId;
    readonly route: string;
    readonly provider: DirectAwardProvider;
    readonly incumbent?: Incumbent;
    readonly keyCriteriaAssessment?: KeyCriteriaAssessment;
    readonly decisionMakers: readonly DecisionMaker[];
    /** Empty when no decision-maker declared an interest. */
    readonly conflicts: readonly DeclaredConflict[];
    readonly reasons: string;
    readonly contract: DirectAwardTerms;
    /** The route's procedure profile standstill rule; null for direct award A and B. */
    readonly standstill: StandstillRule | null;
    readonly now: string;
  }
>;

export type RecordDirectAwardChallenge = Command<
  'RecordDirectAwardChallenge',
  {
    readonly decisionId: DirectAwardId;
    readonly challengeId: ChallengeId;
    readonly kind: ChallengeKind;
    readonly by: OrganisationId;
    readonly grounds: string;
    readonly now: string;
  }
>;

export type RecordDirectAwardChallengeOutcome = Command<
  'RecordDirectAwardChallengeOutcome',
  {
    readonly decisionId: DirectAwardId;
    readonly challengeId: ChallengeId;
    readonly commissionerId: OrganisationId;
    readonly outcome: ChallengeOutcome;
    readonly reasons: string;
    readonly now: string;
  }
>;

/** Sent by the conclusion process manager (see `directAwardDueForConclusion`). */
export type ConcludeDirectAward = Command<'ConcludeDirectAward', { readonly decisionId: DirectAwardId; readonly now: string }>;

export type DirectAwardCommand = DecideDirectAward | RecordDirectAwardChallenge | RecordDirectAwardChallengeOutcome | ConcludeDirectAward;
