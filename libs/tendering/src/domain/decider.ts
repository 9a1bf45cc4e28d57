import type { Decider } from '@tenderledger/domain-kit';
import type { TenderCommand } from './commands';
import { decideAmendDraft, decideDraftTender } from './decide-draft';
import {
  decideAcceptLotSplitProposal,
  decideDefineLots,
  decideProposeLotSplit,
  decideRecordNoSplitReason,
  decideRejectLotSplitProposal,
  decideSetLotLimit,
} from './decide-lots';
import {
  decideAmendPublishedTender,
  decideAnswerClarification,
  decideAskClarification,
  decideCancelTender,
  decideCloseSubmissions,
} from './decide-open-tender';
import { decidePublishTender } from './decide-publish';
import type { TenderEvent } from './events';
import { evolveTender, initialTenderState, type TenderState } from './state';

/** The `tender-{id}` stream's decider: pure, so the handler may re-run it after a concurrent write. */
export function decideTender(command: TenderCommand, state: TenderState): TenderEvent[] {
  switch (command.type) {
    case 'DraftTender':
      return decideDraftTender(command, state);
    case 'AmendDraft':
      return decideAmendDraft(command, state);
    case 'DefineLots':
      return decideDefineLots(command, state);
    case 'ProposeLotSplit':
      return decideProposeLotSplit(command, state);
    case 'AcceptLotSplitProposal':
      return decideAcceptLotSplitProposal(command, state);
    case 'RejectLotSplitProposal':
      return decideRejectLotSplitProposal(command, state);
    case 'RecordNoSplitReason':
      return decideRecordNoSplitReason(command, state);
    case 'SetLotLimit':
      return decideSetLotLimit(command, state);
    case 'PublishTender':
      return decidePublishTender(command, state);
    case 'AskClarification':
      return decideAskClarification(command, state);
    case 'AnswerClarification':
      return decideAnswerClarification(command, state);
    case 'AmendPublishedTender':
      return decideAmendPublishedTender(command, state);
    case 'CancelTender':
      return decideCancelTender(command, state);
    case 'CloseSubmissions':
      return decideCloseSubmissions(command, state);
  }
}

export const tenderDecider: Decider<TenderState, TenderCommand, TenderEvent> = {
  decide: decideTender,
  evolve: evolveTender,
  initialState: initialTenderState,
};
