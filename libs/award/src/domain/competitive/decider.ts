import type { Decider } from '@tenderledger/domain-kit';
import type { AwardCommand } from './commands';
import { decideAward } from './decide-award';
import { decideRecordChallenge, decideRecordChallengeOutcome } from './decide-challenges';
import { decideConcludeContract } from './decide-conclusion';
import type { AwardEvent } from './events';
import { evolveAward, initialAwardState, type AwardState } from './state';

/** The `award-{tenderId}` stream's decider: pure, so the handler may re-run it after a concurrent write. */
export function decideAwardCommand(command: AwardCommand, state: AwardState): AwardEvent[] {
  switch (command.type) {
    case 'DecideAward':
      return decideAward(command, state);
    case 'RecordChallenge':
      return decideRecordChallenge(command, state);
    case 'RecordChallengeOutcome':
      return decideRecordChallengeOutcome(command, state);
    case 'ConcludeContract':
      return decideConcludeContract(command, state);
  }
}

export const awardDecider: Decider<AwardState, AwardCommand, AwardEvent> = {
  decide: decideAwardCommand,
  evolve: evolveAward,
  initialState: initialAwardState,
};
