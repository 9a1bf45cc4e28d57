import type { Decider } from '@tenderledger/domain-kit';
import type { DirectAwardCommand } from './commands';
import { decideConcludeDirectAward, decideRecordDirectAwardChallenge, decideRecordDirectAwardChallengeOutcome } from './decide-after-decision';
import { decideDirectAward } from './decide-direct-award';
import type { DirectAwardEvent } from './events';
import { evolveDirectAward, initialDirectAwardState, type DirectAwardState } from './state';

/** The `direct-award-{decisionId}` stream's decider. */
export function decideDirectAwardCommand(command: DirectAwardCommand, state: DirectAwardState): DirectAwardEvent[] {
  switch (command.type) {
    case 'DecideDirectAward':
      return decideDirectAward(command, state);
    case 'RecordDirectAwardChallenge':
      return decideRecordDirectAwardChallenge(command, state);
    case 'RecordDirectAwardChallengeOutcome':
      return decideRecordDirectAwardChallengeOutcome(command, state);
    case 'ConcludeDirectAward':
      return decideConcludeDirectAward(command, state);
  }
}

export const directAwardDecider: Decider<DirectAwardState, DirectAwardCommand, DirectAwardEvent> = {
  decide: decideDirectAwardCommand,
  evolve: evolveDirectAward,
  initialState: initialDirectAwardState,
};
