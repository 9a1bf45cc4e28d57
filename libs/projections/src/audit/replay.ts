import { awardDecider, directAwardDecider, type AwardEvent, type DirectAwardEvent } from '@tenderledger/award';
import { bidDecider, bidEnvelope, type BidEvent } from '@tenderledger/bidding';
import { fold, type DomainEvent } from '@tenderledger/domain-kit';
import type { StoredEvent } from '@tenderledger/event-store';
import { evaluationDecider, type EvaluationEvent } from '@tenderledger/evaluation';
import { tenderDecider, type TenderEvent } from '@tenderledger/tendering';
import type { AuditReader } from './audit-access';
import type { CutDirectAward, CutHistory } from './audit-trail';
import { toAuditJson, type Json } from './redaction';

/** The envelope part of a stored event, as the deciders' evolve expects it. */
export const domainEvents = <E extends DomainEvent>(events: readonly StoredEvent[]): E[] => events.map((e) => ({ type: e.type, data: e.data }) as E);

export interface ReplayedStates {
  readonly tender: Json;
  readonly bids: Json[];
  readonly evaluation: Json;
  readonly award: Json;
}

/**
 * Each aggregate folded with its own context's decider from the events up to the cut: the
 * state a command would have been decided against then, not a snapshot of any read model.
 */
export function replay(history: CutHistory, reader: AuditReader): ReplayedStates {
  const json = (value: unknown) => toAuditJson(value, { content: reader.content });
  const tender = fold(tenderDecider, domainEvents<TenderEvent>(history.tender));
  const bids: Json[] = [];
  for (const events of history.bids.values()) {
    const bid = fold(bidDecider, domainEvents<BidEvent>(events));
    if (bid.status === 'none') continue; // every bid stream the cut kept nothing of did not exist yet
    // Built from the envelope, field by field, so the sealed envelope can never be part of it.
    const opened = bid.status === 'opened' && reader.content ? { content: bid.content, nonce: bid.nonce } : {};
    bids.push(json({ ...bidEnvelope(bid), ...opened }));
  }
  return {
    tender: tender.status === 'none' ? null : json(tender),
    bids,
    evaluation: history.evaluation.length === 0 ? null : json(fold(evaluationDecider, domainEvents<EvaluationEvent>(history.evaluation))),
    award: history.award.length === 0 ? null : json(fold(awardDecider, domainEvents<AwardEvent>(history.award))),
  };
}

export interface ReplayedDirectAward {
  /** Null when the cut falls before the decision: at that moment nothing had been decided. */
  readonly directAward: Json;
}

/** The direct award folded with its own decider from the events up to the cut. */
export function replayDirectAward(history: CutDirectAward, reader: AuditReader): ReplayedDirectAward {
  const state = fold(directAwardDecider, domainEvents<DirectAwardEvent>(history.directAward));
  return { directAward: state.status === 'none' ? null : toAuditJson(state, { content: reader.content }) };
}
