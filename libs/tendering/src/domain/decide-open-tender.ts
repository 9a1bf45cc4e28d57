import { conflict, notFound, refuse } from '@tenderledger/domain-kit';
import type { AmendPublishedTender, AnswerClarification, AskClarification, CancelTender, CloseSubmissions, PublishedTenderChanges } from './commands';
import type { ClarificationAnswered, ClarificationAsked, SubmissionsClosed, TenderAmended, TenderCancelled, TenderChange } from './events';
import { requireInstant, requireNotCancelled, requireOwner, requirePublished, requireTender, requireText } from './guards';
import type { Tender, TenderState } from './state';
import { deadlinesInOrder, instant, type Timeline } from './timeline';

// Commands on a published tender: clarifications, amendments, cancellation, closing submissions.

function requireBeforeSubmissionDeadline(tender: Tender, now: string): void {
  if (tender.status === 'submissions-closed' || instant(now) >= instant(tender.terms.timeline.submissionDeadline))
    conflict('TENDER_SUBMISSION_DEADLINE_PASSED', 'The submission deadline has passed.', {
      submissionDeadline: tender.terms.timeline.submissionDeadline,
    });
}

export function decideAskClarification(command: AskClarification, state: TenderState): ClarificationAsked[] {
  const tender = requireTender(state);
  const { clarificationId, askedBy, now } = command.data;
  requirePublished(tender);
  requireInstant(now, 'now');
  const deadline = tender.terms.timeline.clarificationDeadline;
  if (tender.status === 'submissions-closed' || instant(now) >= instant(deadline))
    conflict('CLARIFICATION_DEADLINE_PASSED', `Clarification questions closed at ${deadline}.`, { clarificationDeadline: deadline });
  if (askedBy === tender.commissionerId)
    refuse('CLARIFICATION_FROM_COMMISSIONER', 'The commissioner answers clarification questions; it does not ask them.');
  const question = requireText(command.data.question, 'CLARIFICATION_QUESTION_REQUIRED', 'A clarification needs a question.');
  if (tender.clarifications[clarificationId]) conflict('CLARIFICATION_ALREADY_EXISTS', 'A clarification with this id has already been asked.');
  return [{ type: 'ClarificationAsked', data: { tenderId: tender.tenderId, clarificationId, askedBy, question, askedAt: now } }];
}

export function decideAnswerClarification(command: AnswerClarification, state: TenderState): ClarificationAnswered[] {
  const tender = requireTender(state);
  const { clarificationId, commissionerId, now } = command.data;
  requireOwner(tender, commissionerId);
  requirePublished(tender);
  requireInstant(now, 'now');
  requireBeforeSubmissionDeadline(tender, now);
  const asked = tender.clarifications[clarificationId];
  if (!asked) return notFound('CLARIFICATION_NOT_FOUND', 'No clarification with this id was asked on this tender.');
  if (asked.answer !== null) conflict('CLARIFICATION_ALREADY_ANSWERED', 'This clarification has already been answered.');
  const answer = requireText(command.data.answer, 'CLARIFICATION_ANSWER_REQUIRED', 'An answer needs some text.');
  const question =
    command.data.publishedQuestion === undefined
      ? asked.question
      : requireText(command.data.publishedQuestion, 'CLARIFICATION_QUESTION_REQUIRED', 'The question as published cannot be empty.');
  return [
    { type: 'ClarificationAnswered', data: { tenderId: tender.tenderId, clarificationId, question, answer, answeredBy: commissionerId, answeredAt: now } },
  ];
}

const DEADLINES = ['clarificationDeadline', 'submissionDeadline', 'plannedAwardDate'] as const;

/**
 * Deadlines only move later, so bidders never lose time they were promised; the minimum tender period
 * measured at publication therefore still holds after any accepted amendment.
 */
export function decideAmendPublishedTender(command: AmendPublishedTender, state: TenderState): TenderAmended[] {
  const tender = requireTender(state);
  const { commissionerId, changes, now } = command.data;
  requireOwner(tender, commissionerId);
  requirePublished(tender);
  requireInstant(now, 'now');
  requireBeforeSubmissionDeadline(tender, now);
  const reason = requireText(command.data.reason, 'TENDER_AMENDMENT_NEEDS_REASON', 'An amendment to a published tender needs a reason.');
  const current = tender.terms.timeline;
  const list = changeList(tender, changes);
  if (list.length === 0) refuse('TENDER_AMENDMENT_EMPTY', 'The amendment changes nothing.');
  for (const change of list) {
    if (change.field === 'description') continue;
    requireInstant(change.to, change.field);
    if (instant(change.to) < instant(change.from))
      refuse('TENDER_DEADLINE_CANNOT_MOVE_EARLIER', `The ${change.field} may only move later, not earlier than ${change.from}.`, { field: change.field });
  }
  const timeline: Timeline = { ...current, ...definedDeadlines(changes) };
  const reopensClarifications = changes.clarificationDeadline !== undefined;
  if (!deadlinesInOrder(timeline, reopensClarifications ? now : undefined))
    refuse('TENDER_DEADLINES_OUT_OF_ORDER', 'The clarification deadline must stay after now and before the submission deadline, and that before the planned award.');
  return [{ type: 'TenderAmended', data: { tenderId: tender.tenderId, amendedBy: commissionerId, amendedAt: now, reason, changes: list } }];
}

function changeList(tender: Tender, changes: PublishedTenderChanges): TenderChange[] {
  const list: TenderChange[] = [];
  for (const field of DEADLINES) {
    const to = changes[field];
    if (to !== undefined && to !== tender.terms.timeline[field]) list.push({ field, from: tender.terms.timeline[field], to });
  }
  if (changes.description !== undefined && changes.description !== tender.terms.description)
    list.push({ field: 'description', from: tender.terms.description, to: changes.description });
  return list;
}

function definedDeadlines(changes: PublishedTenderChanges): Partial<Timeline> {
  const out: { -readonly [K in keyof Timeline]?: string } = {};
  for (const field of DEADLINES) if (changes[field] !== undefined) out[field] = changes[field];
  return out;
}

/** A draft or a published tender may be cancelled; an award (another context) is the point of no return. */
export function decideCancelTender(command: CancelTender, state: TenderState): TenderCancelled[] {
  const tender = requireTender(state);
  const { commissionerId, now } = command.data;
  requireOwner(tender, commissionerId);
  requireNotCancelled(tender);
  requireInstant(now, 'now');
  const reason = requireText(command.data.reason, 'TENDER_CANCELLATION_NEEDS_REASON', 'Cancelling a tender needs a reason.');
  return [
    {
      type: 'TenderCancelled',
      data: { tenderId: tender.tenderId, cancelledBy: commissionerId, cancelledAt: now, reason, statusWhenCancelled: tender.status },
    },
  ];
}

/** Sent by the deadline process manager; closing twice is a no-op so retries are safe. */
export function decideCloseSubmissions(command: CloseSubmissions, state: TenderState): SubmissionsClosed[] {
  const tender = requireTender(state);
  if (tender.status === 'submissions-closed') return [];
  requirePublished(tender);
  requireInstant(command.data.now, 'now');
  const deadline = tender.terms.timeline.submissionDeadline;
  if (instant(command.data.now) < instant(deadline))
    conflict('TENDER_SUBMISSION_DEADLINE_NOT_REACHED', `Submissions stay open until ${deadline}.`, { submissionDeadline: deadline });
  return [{ type: 'SubmissionsClosed', data: { tenderId: tender.tenderId, closedAt: command.data.now, submissionDeadline: deadline } }];
}
