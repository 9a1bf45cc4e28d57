import { refuse, type CalendarDate } from '@tenderledger/domain-kit';
import { isCalendarDate } from './time';

/** The term of the contract an award concludes, in England's calendar dates (as the register keeps them). */
export type ContractTerm = { readonly startDate: CalendarDate; readonly endDate: CalendarDate };

export function requireContractTerm(term: ContractTerm): ContractTerm {
  // Valid ISO dates compare correctly as strings.
  if (!isCalendarDate(term?.startDate) || !isCalendarDate(term?.endDate) || term.endDate <= term.startDate)
    refuse('AWARD_CONTRACT_TERM_INVALID', 'The contract term needs a start date and an end date after it (YYYY-MM-DD).');
  return { startDate: term.startDate, endDate: term.endDate };
}

export function requirePence(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) refuse('AWARD_CONTRACT_TERM_INVALID', `${field} must be a whole number of pence, not negative.`, { field });
  return value;
}
