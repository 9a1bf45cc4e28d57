import type { DomainEvent } from '@tenderledger/domain-kit';
import type { IsoDate } from '../calendar';
import type { ContractId, OrganisationId } from '../ids';
import type { BuyOutFund, ContractType, RenewalRoute } from './commands';

/**
 * Who and what the contract was just before the event (what changes is named `new…`).
 * Every event carries it so that the
 * turnover statistics (by year, region, contract type, holder; DESIGN §7) can count from one
 * event without keeping contract state of their own.
 */
export type ContractFacts = {
  readonly contractId: ContractId;
  readonly contractType: ContractType;
  readonly holderId: OrganisationId;
  readonly commissionerId: OrganisationId;
  readonly region: string;
  readonly annualValuePence: number;
};

export type ContractRegistered = DomainEvent<
  'ContractRegistered',
  ContractFacts & {
    readonly reference: string;
    readonly listSize: number;
    readonly startDate: IsoDate;
    readonly endDate: IsoDate;
    readonly services: string[];
    readonly predecessor: { readonly contractId: ContractId; readonly tenderId: string } | null;
    readonly registeredOn: IsoDate;
  }
>;

export type ContractMarkedForReprocurement = DomainEvent<
  'ContractMarkedForReprocurement',
  ContractFacts & { readonly reason: string; readonly tenderId: string | null; readonly endDate: IsoDate; readonly decidedOn: IsoDate }
>;

export type ContractExtended = DomainEvent<
  'ContractExtended',
  ContractFacts & { readonly previousEndDate: IsoDate; readonly newEndDate: IsoDate; readonly reason: string; readonly decidedOn: IsoDate }
>;

export type ContractRenewedWithoutCompetition = DomainEvent<
  'ContractRenewedWithoutCompetition',
  ContractFacts & {
    readonly previousEndDate: IsoDate;
    readonly newEndDate: IsoDate;
    /** Equal to `annualValuePence` when the renewal keeps the value. */
    readonly newAnnualValuePence: number;
    readonly route: RenewalRoute | null;
    readonly reason: string;
    readonly decidedOn: IsoDate;
  }
>;

export type ContractTerminated = DomainEvent<
  'ContractTerminated',
  ContractFacts & { readonly effectiveDate: IsoDate; readonly scheduledEndDate: IsoDate; readonly reason: string; readonly decidedOn: IsoDate }
>;

export type ContractBoughtOut = DomainEvent<
  'ContractBoughtOut',
  ContractFacts & {
    readonly effectiveDate: IsoDate;
    readonly scheduledEndDate: IsoDate;
    readonly amountPence: number;
    readonly fund: BuyOutFund;
    readonly reason: string;
    readonly decidedOn: IsoDate;
  }
>;

/** `expiredOn` is the contract's end date, not the day the process manager noticed. */
export type ContractExpired = DomainEvent<'ContractExpired', ContractFacts & { readonly expiredOn: IsoDate }>;

/**
 * A concluded tender's outcome. The facts hold the holder and value before the award.
 * `incumbentRetained` answers "provider changed vs incumbent retained". `successorContractId`
 * null: this contract continues on the new terms; set: this contract ends ('replaced') and the
 * successor, registered on its own stream, runs from `newStartDate`.
 */
export type ContractAwarded = DomainEvent<
  'ContractAwarded',
  ContractFacts & {
    readonly tenderId: string;
    readonly newHolderId: OrganisationId;
    readonly incumbentRetained: boolean;
    readonly newStartDate: IsoDate;
    readonly newEndDate: IsoDate;
    readonly newAnnualValuePence: number;
    readonly successorContractId: ContractId | null;
    readonly decidedOn: IsoDate;
  }
>;

export type ContractEvent =
  | ContractRegistered
  | ContractMarkedForReprocurement
  | ContractExtended
  | ContractRenewedWithoutCompetition
  | ContractTerminated
  | ContractBoughtOut
  | ContractExpired
  | ContractAwarded;
