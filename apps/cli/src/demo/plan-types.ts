import type { ContractType, Organisations } from './organisations';
import type { Scale } from './scale';

/** One row of the contract register as imported from CSV. Money in pence, dates YYYY-MM-DD. */
export interface PlannedContract {
  readonly reference: string;
  readonly contractType: ContractType;
  readonly holderId: string;
  readonly commissionerId: string;
  readonly region: string;
  readonly listSize: number;
  readonly annualValuePence: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly services: readonly string[];
}

/** A register decision taken by the commissioner on a contract (by its reference). */
export type RegisterAction =
  | { readonly kind: 'extension'; readonly reference: string; readonly newEndDate: string; readonly reason: string }
  | { readonly kind: 'renewal'; readonly reference: string; readonly newEndDate: string; readonly annualValuePence: number; readonly reason: string }
  | { readonly kind: 'termination'; readonly reference: string; readonly effectiveDate: string; readonly reason: string }
  | { readonly kind: 'buy-out'; readonly reference: string; readonly effectiveDate: string; readonly amountPence: number; readonly fund: 'central-buy-out-fund' | 'commissioner-budget'; readonly reason: string };

export interface PlannedLot {
  readonly id: string;
  readonly title: string;
  readonly localityId: string;
  readonly population: number;
  readonly annualValuePence: number;
}

export interface PlannedBid {
  readonly key: string;
  readonly bidderId: string;
  readonly bidderName: string;
  /** Set when a federation bids as a consortium with its member practices. */
  readonly consortium: { readonly name: string; readonly members: readonly string[] } | null;
  readonly prices: readonly { readonly lotIndex: number; readonly pricePence: number }[];
  /** Consensus scores (0–5): quality (pass mark 2) and access. */
  readonly quality: number;
  readonly access: number;
  readonly submitAt: number;
}

export interface PlannedTender {
  readonly id: string;
  readonly title: string;
  readonly icbId: string;
  readonly region: string;
  readonly procedureProfileId: 'psr-competitive' | 'pa23-open';
  readonly contractType: ContractType;
  readonly replaces: string;
  readonly incumbentId: string;
  readonly population: number;
  readonly annualValuePence: number;
  /** One lot per locality; a single lot (no split, with a reason on record) below 20,000 patients. */
  readonly lots: readonly PlannedLot[];
  readonly split: boolean;
  readonly publishAt: number;
  readonly clarificationDeadline: number;
  readonly deadline: number;
  readonly evaluateAt: number;
  readonly completeAt: number;
  readonly decideAt: number;
  readonly concludeBy: number;
  readonly termStart: string;
  readonly termMonths: number;
  readonly bids: readonly PlannedBid[];
  /** The bid key the evaluation must rank first on each lot (index = lot index). */
  readonly winners: readonly string[];
  readonly challenge: { readonly bidKey: string; readonly lodgeAt: number; readonly outcomeAt: number } | null;
}

export interface PlannedDirectAward {
  readonly id: string;
  readonly icbId: string;
  readonly route: 'psr-direct-award-c' | 'psr-most-suitable-provider';
  readonly providerId: string;
  readonly providerName: string;
  readonly incumbentReference: string | null;
  readonly decideAt: number;
  readonly concludeBy: number;
  readonly contract: { readonly startDate: string; readonly endDate: string; readonly annualValuePence: number };
  readonly representation: { readonly byId: string; readonly lodgeAt: number; readonly outcomeAt: number } | null;
}

type StepBody =
  | { readonly kind: 'register-organisations' }
  | { readonly kind: 'import-register' }
  | { readonly kind: 'register-action'; readonly action: RegisterAction }
  | { readonly kind: 'tender-publish' | 'tender-evaluate' | 'tender-complete' | 'tender-decide' | 'tender-concluded'; readonly tender: PlannedTender }
  | { readonly kind: 'tender-bid'; readonly tender: PlannedTender; readonly bid: PlannedBid }
  | { readonly kind: 'tender-challenge' | 'tender-challenge-outcome'; readonly tender: PlannedTender }
  | { readonly kind: 'direct-award' | 'direct-award-representation' | 'direct-award-representation-outcome' | 'direct-award-concluded'; readonly award: PlannedDirectAward }
  | { readonly kind: 'end' };

/** A step of the story at a moment; `seq` keeps the planned order among steps at the same moment. */
export type TimedStep = StepBody & { readonly at: number };
export type Step = TimedStep & { readonly seq: number };

export interface DemoPlan {
  readonly seed: number;
  readonly scale: Scale;
  readonly start: number;
  readonly end: number;
  readonly organisations: Organisations;
  readonly contracts: readonly PlannedContract[];
  readonly actions: readonly (RegisterAction & { readonly at: number })[];
  readonly tenders: readonly PlannedTender[];
  readonly directAwards: readonly PlannedDirectAward[];
  /** Everything above, in the order the story tells it (by time, then as planned). */
  readonly steps: readonly Step[];
}
