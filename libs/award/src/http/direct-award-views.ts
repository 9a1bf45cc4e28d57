import type { Identity } from '@tenderledger/auth';
import type { ChallengeRecord } from '../domain/challenges';
import type { DirectAwardDecided } from '../domain/direct/events';
import type { DirectAward, DirectAwardStatus } from '../domain/direct/state';
import type { StandstillPeriod } from '../domain/standstill';
import { shows, visibilityOf } from './viewer';

/** The decision as published (PSR requires the assessment, decision-makers and conflicts to be on record). */
export type DirectAwardView = DirectAwardDecided['data'] & {
  readonly status: DirectAwardStatus;
  readonly standstill: StandstillPeriod | null;
  /** Every challenge for the commissioner and auditors; a provider sees only its own. */
  readonly challenges: readonly ChallengeRecord<string>[];
};

export function directAwardView(actor: Identity, award: DirectAward): DirectAwardView {
  const visibility = visibilityOf(actor, award.commissionerId);
  return {
    ...award.decision,
    status: award.status,
    standstill: award.standstill,
    challenges: Object.values(award.challenges).filter((challenge) => shows(visibility, actor, challenge.by)),
  };
}
