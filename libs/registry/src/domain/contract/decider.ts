import { conflict, notFound, refuse, type Decider } from '@tenderledger/domain-kit';
import { isIsoDate, londonDateOf, type IsoDate } from '../calendar';
import type { ContractId } from '../ids';
import {
  BUY_OUT_FUNDS,
  RENEWAL_ROUTES,
  type BuyOutContract,
  type ContractCommand,
  type ExpireContract,
  type ExtendContract,
  type MarkForReprocurement,
  type RecordAwardOutcome,
  type RegisterContract,
  type RenewWithoutCompetition,
  type TerminateContract,
} from './commands';
import type { ContractEvent, ContractFacts } from './events';
import { isPositivePence, normaliseTerms, termsProblems, type TermsProblem } from './terms';

type ContractRecord = ContractFacts & {
  readonly reference: string;
  readonly listSize: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly markedForReprocurement: boolean;
  /** Tenders whose outcome is already recorded: a redelivered outcome changes nothing. */
  readonly awardedTenderIds: readonly string[];
};

export type ContractEndedBy = 'terminated' | 'bought-out' | 'expired' | 'replaced';

/** 'ended' means no further change is accepted; `endedOn` is when it stops running (possibly later than the decision). */
export type ContractState =
  | { readonly status: 'unregistered' }
  | (ContractRecord & { readonly status: 'active' })
  | (ContractRecord & { readonly status: 'ended'; readonly endedBy: ContractEndedBy; readonly endedOn: IsoDate });

type Active = Extract<ContractState, { status: 'active' }>;

export const contractDecider: Decider<ContractState, ContractCommand, ContractEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterContract':
        return register(command, state);
      case 'MarkForReprocurement':
        return markForReprocurement(command, activeContract(state, command.data.contractId));
      case 'ExtendContract':
        return extend(command, activeContract(state, command.data.contractId));
      case 'RenewWithoutCompetition':
        return renew(command, activeContract(state, command.data.contractId));
      case 'TerminateContract':
        return terminate(command, activeContract(state, command.data.contractId));
      case 'BuyOutContract':
        return buyOut(command, activeContract(state, command.data.contractId));
      case 'ExpireContract':
        return expire(command, state);
      case 'RecordAwardOutcome':
        return recordAward(command, state);
    }
  },
  evolve,
};

function evolve(state: ContractState, event: ContractEvent): ContractState {
  if (event.type === 'ContractRegistered') {
    const { services: _services, predecessor: _predecessor, registeredOn: _registeredOn, ...record } = event.data;
    return { ...record, status: 'active', markedForReprocurement: false, awardedTenderIds: [] };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'ContractMarkedForReprocurement':
      return { ...state, markedForReprocurement: true };
    case 'ContractExtended':
      return { ...state, endDate: event.data.newEndDate };
    case 'ContractRenewedWithoutCompetition':
      return {
        ...state,
        endDate: event.data.newEndDate,
        annualValuePence: event.data.newAnnualValuePence,
        markedForReprocurement: false,
      };
    case 'ContractTerminated':
      return { ...state, status: 'ended', endedBy: 'terminated', endedOn: event.data.effectiveDate };
    case 'ContractBoughtOut':
      return { ...state, status: 'ended', endedBy: 'bought-out', endedOn: event.data.effectiveDate };
    case 'ContractExpired':
      return { ...state, status: 'ended', endedBy: 'expired', endedOn: event.data.expiredOn };
    case 'ContractAwarded': {
      const { data } = event;
      const awarded = { ...state, awardedTenderIds: [...state.awardedTenderIds, data.tenderId], markedForReprocurement: false };
      if (data.successorContractId !== null) {
        return { ...awarded, status: 'ended', endedBy: 'replaced', endedOn: data.newStartDate };
      }
      return {
        ...awarded,
        holderId: data.newHolderId,
        startDate: data.newStartDate,
        endDate: data.newEndDate,
        annualValuePence: data.newAnnualValuePence,
      };
    }
  }
}

function register({ data }: RegisterContract, state: ContractState): ContractEvent[] {
  if (state.status !== 'unregistered') {
    return conflict('CONTRACT_ALREADY_REGISTERED', 'A contract with this id is already on the register.', {
      contractId: data.contractId,
    });
  }
  const registeredOn = londonDateOf(data.now);
  refuseFirst(termsProblems(data));
  const terms = normaliseTerms(data);
  return [
    {
      type: 'ContractRegistered',
      data: {
        contractId: data.contractId,
        reference: terms.reference,
        contractType: terms.contractType,
        holderId: terms.holderId,
        commissionerId: terms.commissionerId,
        region: terms.region,
        listSize: terms.listSize,
        annualValuePence: terms.annualValuePence,
        startDate: terms.startDate,
        endDate: terms.endDate,
        services: terms.services,
        predecessor: data.predecessor ?? null,
        registeredOn,
      },
    },
  ];
}

function markForReprocurement({ data }: MarkForReprocurement, contract: Active): ContractEvent[] {
  const decidedOn = londonDateOf(data.now);
  const reason = requireReason(data.reason);
  if (contract.markedForReprocurement) {
    return conflict('CONTRACT_ALREADY_MARKED_FOR_REPROCUREMENT', 'This contract is already marked for re-procurement.');
  }
  const tenderId = data.tenderId?.trim() || null;
  return [
    {
      type: 'ContractMarkedForReprocurement',
      data: { ...factsOf(contract), reason, tenderId, endDate: contract.endDate, decidedOn },
    },
  ];
}

function extend({ data }: ExtendContract, contract: Active): ContractEvent[] {
  const decidedOn = londonDateOf(data.now);
  const reason = requireReason(data.reason);
  const newEndDate = laterEndDate(data.newEndDate, contract, 'An extension');
  return [
    {
      type: 'ContractExtended',
      data: { ...factsOf(contract), previousEndDate: contract.endDate, newEndDate, reason, decidedOn },
    },
  ];
}

function renew({ data }: RenewWithoutCompetition, contract: Active): ContractEvent[] {
  const decidedOn = londonDateOf(data.now);
  const reason = requireReason(data.reason);
  const newEndDate = laterEndDate(data.newEndDate, contract, 'A renewal');
  if (data.route !== undefined && !RENEWAL_ROUTES.includes(data.route)) {
    refuse('CONTRACT_RENEWAL_ROUTE_UNKNOWN', `The renewal route must be one of: ${RENEWAL_ROUTES.join(', ')}.`, {
      route: data.route,
    });
  }
  if (data.annualValuePence !== undefined && !isPositivePence(data.annualValuePence)) {
    refuse('CONTRACT_VALUE_INVALID', 'The annual value must be a positive amount in whole pence.');
  }
  return [
    {
      type: 'ContractRenewedWithoutCompetition',
      data: {
        ...factsOf(contract),
        previousEndDate: contract.endDate,
        newEndDate,
        newAnnualValuePence: data.annualValuePence ?? contract.annualValuePence,
        route: data.route ?? null,
        reason,
        decidedOn,
      },
    },
  ];
}

function terminate({ data }: TerminateContract, contract: Active): ContractEvent[] {
  const decidedOn = londonDateOf(data.now);
  const reason = requireReason(data.reason);
  const effectiveDate = effectiveDateWithinTerm(data.effectiveDate, contract);
  return [
    {
      type: 'ContractTerminated',
      data: { ...factsOf(contract), effectiveDate, scheduledEndDate: contract.endDate, reason, decidedOn },
    },
  ];
}

function buyOut({ data }: BuyOutContract, contract: Active): ContractEvent[] {
  const decidedOn = londonDateOf(data.now);
  const reason = requireReason(data.reason);
  const effectiveDate = effectiveDateWithinTerm(data.effectiveDate, contract);
  if (!isPositivePence(data.amountPence)) {
    refuse('CONTRACT_BUY_OUT_AMOUNT_INVALID', 'The buy-out amount must be a positive amount in whole pence.');
  }
  if (!BUY_OUT_FUNDS.includes(data.fund)) {
    refuse('CONTRACT_BUY_OUT_FUND_UNKNOWN', `The buy-out fund must be one of: ${BUY_OUT_FUNDS.join(', ')}.`, { fund: data.fund });
  }
  return [
    {
      type: 'ContractBoughtOut',
      data: {
        ...factsOf(contract),
        effectiveDate,
        scheduledEndDate: contract.endDate,
        amountPence: data.amountPence,
        fund: data.fund,
        reason,
        decidedOn,
      },
    },
  ];
}

/** Idempotent: the process manager may fire twice, or after a termination; neither is an error. */
function expire({ data }: ExpireContract, state: ContractState): ContractEvent[] {
  if (state.status === 'unregistered') return contractNotFound(data.contractId);
  if (state.status === 'ended') return [];
  const today = londonDateOf(data.now);
  if (today < state.endDate) {
    return conflict('CONTRACT_NOT_YET_EXPIRED', `This contract runs until ${state.endDate}; it cannot expire before then.`, {
      endDate: state.endDate,
    });
  }
  return [{ type: 'ContractExpired', data: { ...factsOf(state), expiredOn: state.endDate } }];
}

function recordAward({ data }: RecordAwardOutcome, state: ContractState): ContractEvent[] {
  if (state.status === 'unregistered') return contractNotFound(data.contractId);
  // Outcomes arrive from another context, at least once: the same tender twice is a no-op.
  if (state.awardedTenderIds.includes(data.tenderId)) return [];
  const contract = activeContract(state, data.contractId);
  const decidedOn = londonDateOf(data.now);
  if (typeof data.tenderId !== 'string' || data.tenderId.trim() === '') {
    refuse('CONTRACT_TENDER_REQUIRED', 'An award outcome must name the tender it concluded.');
  }
  refuseFirst(
    termsProblems({
      ...contract,
      holderId: data.newHolderId,
      startDate: data.startDate,
      endDate: data.endDate,
      annualValuePence: data.annualValuePence,
    }),
  );
  const successorContractId = data.successorContractId ?? null;
  if (successorContractId !== null && (successorContractId.trim() === '' || successorContractId === contract.contractId)) {
    refuse('CONTRACT_SUCCESSOR_INVALID', 'A successor contract needs an id of its own.');
  }
  return [
    {
      type: 'ContractAwarded',
      data: {
        ...factsOf(contract),
        tenderId: data.tenderId,
        newHolderId: data.newHolderId,
        incumbentRetained: data.newHolderId === contract.holderId,
        newStartDate: data.startDate,
        newEndDate: data.endDate,
        newAnnualValuePence: data.annualValuePence,
        successorContractId,
        decidedOn,
      },
    },
  ];
}

function factsOf(contract: ContractRecord): ContractFacts {
  const { contractId, contractType, holderId, commissionerId, region, annualValuePence } = contract;
  return { contractId, contractType, holderId, commissionerId, region, annualValuePence };
}

function activeContract(state: ContractState, contractId: ContractId): Active {
  if (state.status === 'unregistered') return contractNotFound(contractId);
  if (state.status === 'ended') {
    return conflict('CONTRACT_ENDED', `This contract has ended (${state.endedBy} on ${state.endedOn}) and can no longer change.`, {
      endedBy: state.endedBy,
      endedOn: state.endedOn,
    });
  }
  return state;
}

const contractNotFound = (contractId: ContractId): never =>
  notFound('CONTRACT_NOT_FOUND', 'There is no contract with this id on the register.', { contractId });

function refuseFirst(problems: TermsProblem[]): void {
  const [first] = problems;
  if (first) refuse(first.code, first.message, { field: first.field });
}

function requireReason(reason: unknown): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  return trimmed !== '' ? trimmed : refuse('CONTRACT_REASON_REQUIRED', 'Give the reason for this decision; it is kept on the record.');
}

function laterEndDate(newEndDate: unknown, contract: Active, what: string): IsoDate {
  if (!isIsoDate(newEndDate)) return refuse('CONTRACT_DATES_INVALID', 'The new end date must be a real date written YYYY-MM-DD.');
  if (newEndDate <= contract.endDate) {
    return refuse('CONTRACT_EXTENSION_NOT_LATER', `${what} must move the end date past ${contract.endDate}.`, {
      endDate: contract.endDate,
      newEndDate,
    });
  }
  return newEndDate;
}

/** A contract can be ended early from its first day up to its last, not after it would have ended anyway. */
function effectiveDateWithinTerm(effectiveDate: unknown, contract: Active): IsoDate {
  if (!isIsoDate(effectiveDate) || effectiveDate < contract.startDate || effectiveDate > contract.endDate) {
    return refuse(
      'CONTRACT_EFFECTIVE_DATE_INVALID',
      `The effective date must be a date written YYYY-MM-DD from ${contract.startDate} to ${contract.endDate}.`,
      { effectiveDate },
    );
  }
  return effectiveDate;
}
