import { isIsoDate } from '../calendar';
import { CONTRACT_TYPES, type ContractTerms } from './commands';

/**
 * The rules for a contract's terms, written once: the decider refuses with the first problem,
 * the CSV import reports every problem of every row.
 */
export type TermsField = keyof ContractTerms;

export interface TermsProblem {
  readonly code: string;
  readonly field: TermsField;
  readonly message: string;
}

/** A positive whole number of pence that JSON and JavaScript both carry exactly. */
export const isPositivePence = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

export function termsProblems(terms: ContractTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const problem = (code: string, field: TermsField, message: string) => problems.push({ code, field, message });

  if (isBlank(terms.reference)) problem('CONTRACT_REFERENCE_REQUIRED', 'reference', 'A contract needs its reference.');
  if (!CONTRACT_TYPES.includes(terms.contractType)) {
    problem('CONTRACT_TYPE_UNKNOWN', 'contractType', `The contract type must be one of: ${CONTRACT_TYPES.join(', ')}.`);
  }
  if (isBlank(terms.holderId)) problem('CONTRACT_HOLDER_REQUIRED', 'holderId', 'A contract needs the organisation that holds it.');
  if (isBlank(terms.commissionerId)) {
    problem('CONTRACT_COMMISSIONER_REQUIRED', 'commissionerId', 'A contract needs the commissioner that let it.');
  } else if (terms.holderId === terms.commissionerId) {
    problem('CONTRACT_PARTIES_SAME', 'holderId', 'The holder of a contract cannot be its own commissioner.');
  }
  if (isBlank(terms.region)) problem('CONTRACT_REGION_REQUIRED', 'region', 'A contract needs the NHS England region it serves.');
  if (!Number.isSafeInteger(terms.listSize) || terms.listSize < 0) {
    problem('CONTRACT_LIST_SIZE_INVALID', 'listSize', 'The list size must be a whole number of patients, zero or more.');
  }
  if (!isPositivePence(terms.annualValuePence)) {
    problem('CONTRACT_VALUE_INVALID', 'annualValuePence', 'The annual value must be a positive amount in whole pence.');
  }
  if (!isIsoDate(terms.startDate)) {
    problem('CONTRACT_DATES_INVALID', 'startDate', 'The start date must be a real date written YYYY-MM-DD.');
  }
  if (!isIsoDate(terms.endDate)) {
    problem('CONTRACT_DATES_INVALID', 'endDate', 'The end date must be a real date written YYYY-MM-DD.');
  } else if (isIsoDate(terms.startDate) && terms.endDate <= terms.startDate) {
    problem('CONTRACT_DATES_INVALID', 'endDate', 'The end date must be after the start date.');
  }
  if (terms.services !== undefined && (!Array.isArray(terms.services) || terms.services.some(isBlank))) {
    problem('CONTRACT_SERVICES_INVALID', 'services', 'Each service must be named.');
  }
  return problems;
}

/** Trimmed text and services listed once each, in the order given. */
export function normaliseTerms(terms: ContractTerms): ContractTerms & { services: string[] } {
  return {
    ...terms,
    reference: terms.reference.trim(),
    region: terms.region.trim(),
    services: [...new Set((terms.services ?? []).map((service) => service.trim()))],
  };
}
