import type { Command } from '@tenderledger/domain-kit';
import type { IsoDate } from '../calendar';
import type { ContractId, OrganisationId } from '../ids';

/** General Medical Services, Personal Medical Services, Alternative Provider Medical Services, or outcomes-based. */
export const CONTRACT_TYPES = ['GMS', 'PMS', 'APMS', 'outcomes-based'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * How a contract was renewed without a competition, kept so that the statistics can compare
 * competition with renewal (DESIGN §8). PSR = Health Care Services (Provider Selection Regime)
 * Regulations 2023; 'contract-option' = an extension option written into the contract itself.
 */
export const RENEWAL_ROUTES = [
  'psr-direct-award-a',
  'psr-direct-award-b',
  'psr-direct-award-c',
  'psr-most-suitable-provider',
  'contract-option',
  'other',
] as const;
export type RenewalRoute = (typeof RENEWAL_ROUTES)[number];

/** 'central-buy-out-fund': the centrally held fund proposed by the Hewitt review (2023) to buy out contracts. */
export const BUY_OUT_FUNDS = ['central-buy-out-fund', 'commissioner-budget', 'other'] as const;
export type BuyOutFund = (typeof BUY_OUT_FUNDS)[number];

/** (Type aliases, not interfaces: command data must fit `Record<string, unknown>`.) The terms shared by a registration and a CSV row. Money is integer pence; dates are ISO `YYYY-MM-DD`. */
export type ContractTerms = {
  readonly reference: string;
  readonly contractType: ContractType;
  readonly holderId: OrganisationId;
  readonly commissionerId: OrganisationId;
  readonly region: string;
  readonly listSize: number;
  readonly annualValuePence: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly services?: readonly string[];
};

/** Every command names its contract (the application picks the stream `contract-{id}` from it) and carries `now`, an ISO 8601 timestamp. */
type OnContract = {
  readonly contractId: ContractId;
  readonly now: string;
};

export type RegisterContract = Command<
  'RegisterContract',
  OnContract &
    ContractTerms & {
      /** Set when this contract is the successor of another after a tender (see successor.ts). */
      readonly predecessor?: { readonly contractId: ContractId; readonly tenderId: string };
    }
>;

export type MarkForReprocurement = Command<
  'MarkForReprocurement',
  OnContract & { readonly reason: string; readonly tenderId?: string }
>;

export type ExtendContract = Command<'ExtendContract', OnContract & { readonly newEndDate: IsoDate; readonly reason: string }>;

export type RenewWithoutCompetition = Command<
  'RenewWithoutCompetition',
  OnContract & {
    readonly newEndDate: IsoDate;
    readonly reason: string;
    readonly route?: RenewalRoute;
    /** The annual value from the renewal on; unchanged when absent. */
    readonly annualValuePence?: number;
  }
>;

export type TerminateContract = Command<
  'TerminateContract',
  OnContract & { readonly effectiveDate: IsoDate; readonly reason: string }
>;

export type BuyOutContract = Command<
  'BuyOutContract',
  OnContract & { readonly effectiveDate: IsoDate; readonly amountPence: number; readonly fund: BuyOutFund; readonly reason: string }
>;

/** Sent by the expiry process manager once the end date is reached. */
export type ExpireContract = Command<'ExpireContract', OnContract>;

/**
 * The outcome of a concluded tender for this contract. Without `successorContractId` the same
 * contract continues under the awarded holder, dates and value; with it this contract ends as
 * 'replaced' and the application registers the successor (see successor.ts).
 */
export type RecordAwardOutcome = Command<
  'RecordAwardOutcome',
  OnContract & {
    readonly tenderId: string;
    readonly newHolderId: OrganisationId;
    readonly startDate: IsoDate;
    readonly endDate: IsoDate;
    readonly annualValuePence: number;
    readonly successorContractId?: ContractId;
  }
>;

export type ContractCommand =
  | RegisterContract
  | MarkForReprocurement
  | ExtendContract
  | RenewWithoutCompetition
  | TerminateContract
  | BuyOutContract
  | ExpireContract
  | RecordAwardOutcome;
