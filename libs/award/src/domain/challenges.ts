import { conflict, notFound } from '@tenderledger/domain-kit';
import type { ChallengeId, OrganisationId } from './ids';
import { requireText } from './text';

/**
 * Representations (PSR reg. 12) and challenges (Procurement Act 2023 Part 9) behave alike here: each
 * suspends conclusion until the commissioner records an outcome. The kind is kept for the statistics.
 */
export type ChallengeKind = 'representation' | 'challenge';
export type ChallengeOutcome = 'upheld' | 'dismissed';

export type ChallengeDecision = {
  readonly outcome: ChallengeOutcome;
  readonly reasons: string;
  readonly decidedAt: string;
};

export type ChallengeRecord<Target> = {
  readonly id: ChallengeId;
  readonly kind: ChallengeKind;
  readonly by: OrganisationId;
  readonly grounds: string;
  /** What it is against (a lot's award as it stood when lodged, or the direct award itself). */
  readonly against: Target;
  readonly lodgedAt: string;
  readonly decision: ChallengeDecision | null;
};

export type Challenges<Target> = Readonly<Record<string, ChallengeRecord<Target>>>;

export const isOpen = <T>(challenge: ChallengeRecord<T>): boolean => challenge.decision === null;

export const openChallenges = <T>(challenges: Challenges<T>): ChallengeRecord<T>[] => Object.values(challenges).filter(isOpen);

export function requireNewChallenge<T>(challenges: Challenges<T>, id: ChallengeId, grounds: string): string {
  if (challenges[id]) conflict('CHALLENGE_ALREADY_EXISTS', 'A challenge with this id is already on record.', { challengeId: id });
  return requireText(grounds, 'CHALLENGE_GROUNDS_REQUIRED', 'A challenge or representation must state its grounds.');
}

/** The open challenge an outcome is for; its reasons are checked last so the 404/409 come first. */
export function requireOpenChallenge<T>(challenges: Challenges<T>, id: ChallengeId, reasons: string): { challenge: ChallengeRecord<T>; reasons: string } {
  const challenge = challenges[id];
  if (!challenge) return notFound('CHALLENGE_NOT_FOUND', 'There is no such challenge or representation on this award.', { challengeId: id });
  if (challenge.decision)
    conflict('CHALLENGE_ALREADY_DECIDED', `This challenge was already ${challenge.decision.outcome} on ${challenge.decision.decidedAt}.`, { challengeId: id });
  return {
    challenge,
    reasons: requireText(reasons, 'CHALLENGE_OUTCOME_REASONS_REQUIRED', 'The outcome of a challenge must give its reasons.'),
  };
}

export const withDecision = <T>(challenges: Challenges<T>, id: ChallengeId, decision: ChallengeDecision): Challenges<T> => {
  const challenge = challenges[id];
  return challenge ? { ...challenges, [id]: { ...challenge, decision } } : challenges;
};
