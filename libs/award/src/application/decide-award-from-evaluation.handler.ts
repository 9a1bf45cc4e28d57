import { ForbiddenException, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { conflict, EVENT_STORE, ID_GENERATOR, handleCommand, loadState, notFound, type IdGenerator } from '@tenderledger/domain-kit';
import { loadEvaluationOutcome } from '@tenderledger/evaluation';
import type { EventStore } from '@tenderledger/event-store';
import { OrganisationDirectory } from '@tenderledger/registry';
import { procedureProfile, tenderDecider, tenderStreamId, type Tender, tenderId as tenderingTenderId } from '@tenderledger/tendering';
import type { DecideAward, LotDecisionInput } from '../domain/competitive/commands';
import { awardDecider } from '../domain/competitive/decider';
import { awardStreamId, contractId, organisationId, tenderId } from '../domain/ids';
import { contractTermOf } from './contract-term-of';
import { lotOutcomes } from './evaluation-outcome';
import { DecideAwardFromEvaluation } from './messages';

export const notYourTender = (): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'AWARD_NOT_YOUR_TENDER', message: 'A commissioner decides and manages awards only on the tenders it drafted.' });

@CommandHandler(DecideAwardFromEvaluation)
export class DecideAwardFromEvaluationHandler implements ICommandHandler<DecideAwardFromEvaluation> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  async execute({ request, context }: DecideAwardFromEvaluation) {
    const tender = await this.tender(request.tenderId);
    if (request.actingCommissionerId !== null && request.actingCommissionerId !== tender.commissionerId) throw notYourTender();
    const command = await this.decideAward(tender, request.decisionMakers, request.reasons, context.now.toISOString());
    return handleCommand(this.store, awardStreamId(command.data.tenderId), awardDecider, command, context, { ids: this.ids });
  }

  /** The tender as its own stream has it now (not the catalogue, which may lag a moment). */
  private async tender(id: string): Promise<Tender> {
    const { state } = await loadState(this.store, tenderStreamId(tenderingTenderId(id)), tenderDecider);
    if (state.status === 'none') return notFound('AWARD_TENDER_NOT_FOUND', `There is no tender ${id}.`, { tenderId: id });
    if (state.status === 'cancelled') return conflict('AWARD_TENDER_CANCELLED', 'This tender was cancelled; it cannot be awarded.', { tenderId: id });
    return state;
  }

  private async decideAward(tender: Tender, decisionMakers: DecideAward['data']['decisionMakers'], reasons: string, now: string): Promise<DecideAward> {
    // The evaluation context's outcome, folded from its stream (the truth, not a read model that may lag).
    const evaluation = await loadEvaluationOutcome(this.store, tender.tenderId);
    if (!evaluation)
      return conflict('AWARD_EVALUATION_NOT_COMPLETED', 'The evaluation of this tender is not completed yet; the award follows a completed evaluation.', { tenderId: tender.tenderId });
    const outcome = lotOutcomes(evaluation, (id) => this.directory.get(id)?.name ?? id);
    const replaces = tender.terms.replacesContractId;
    const awarded = outcome.filter((lot) => lot.winnerBidId !== null);
    // Lots the evaluation recommends nobody for are not part of the decision; when none is awarded, every lot
    // goes to the decider so it refuses with the lot that has no compliant bid.
    const lots: LotDecisionInput[] = (awarded.length > 0 ? awarded : outcome).map((lot) => ({
      lotId: lot.lotId,
      ranking: lot.ranking,
      winnerBidId: lot.winnerBidId ?? lot.ranking[0]!.bidId,
      explanation: lot.explanation,
      ...(replaces ? { replacesContractId: contractId(replaces) } : {}),
    }));
    return {
      type: 'DecideAward',
      data: {
        tenderId: tenderId(tender.tenderId),
        commissionerId: organisationId(tender.commissionerId),
        standstill: procedureProfile(tender.terms.procedureProfileId)?.standstill ?? null,
        lots,
        contractTerm: contractTermOf(tender.terms.contractTerm),
        decisionMakers,
        reasons,
        now,
      },
    };
  }
}
