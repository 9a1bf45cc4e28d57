import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { evaluationDecider, evaluationStreamId, refusal } from '../domain';
import { EvaluationFactsLoader } from './evaluation-facts.loader';
import { OpenTenderEvaluation } from './messages';

/** Loads the facts from the other contexts' streams, then decides like any other command. */
@CommandHandler(OpenTenderEvaluation)
export class OpenTenderEvaluationHandler implements ICommandHandler<OpenTenderEvaluation> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(EvaluationFactsLoader) private readonly facts: EvaluationFactsLoader,
  ) {}

  async execute({ tenderId, commissionerId, settings, context }: OpenTenderEvaluation) {
    const facts = await this.facts.load(tenderId, settings);
    // The controller answers 403 first; this keeps the handler safe for other callers (CLI, tests).
    if (facts.commissionerId !== commissionerId) refusal('EVALUATION_NOT_COMMISSIONER', 'Only the commissioner running this tender may open its evaluation.', { commissionerId });
    const command = { type: 'OpenEvaluation', data: { tenderId, commissionerId, tender: facts.tender, bids: facts.bids, now: context.now.toISOString() } } as const;
    return handleCommand(this.store, evaluationStreamId(tenderId), evaluationDecider, command, context, { ids: this.ids });
  }
}
