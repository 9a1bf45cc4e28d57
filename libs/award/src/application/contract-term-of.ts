import { londonDate } from '@tenderledger/domain-kit';
import type { ContractTerm as TenderContractTerm } from '@tenderledger/tendering';
import type { ContractTerm } from '../domain/contract-term';

/** A tender's date or timestamp as the register's calendar date in England. */
const dateOf = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : londonDate(value));

/**
 * The tender's contract term as start and end dates. A term given in months ends the day before the
 * same day-of-month that many months on (1 July 2026 + 60 months → 30 June 2031).
 */
export function contractTermOf(term: TenderContractTerm): ContractTerm {
  const startDate = dateOf(term.startDate);
  if (term.endDate !== undefined) return { startDate, endDate: dateOf(term.endDate) };
  const end = new Date(`${startDate}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + term.months);
  end.setUTCDate(end.getUTCDate() - 1);
  return { startDate, endDate: end.toISOString().slice(0, 10) };
}
