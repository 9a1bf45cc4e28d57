import { refuse } from '@tenderledger/domain-kit';
import type { AwardRefusalCode } from './refusal-codes';

/** Free text a person must write (reasons, grounds): blank is refused with the given code. */
export function requireText(value: string | undefined, code: AwardRefusalCode, sentence: string): string {
  if (typeof value !== 'string' || value.trim() === '') return refuse(code, sentence);
  return value.trim();
}
