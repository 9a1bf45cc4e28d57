import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { verifyRecordedEvaluation, type EvaluationResult, type LotAwardRecommendation } from '../domain';
import { loadEvaluationEvents } from '../application/evaluation-stream';
import { EvaluationAccess } from './evaluation-access';
import { evaluationView, type EvaluationView } from './evaluation-views';

export type RankingView = {
  readonly tenderId: string;
  readonly completedAt: string | null;
  /** As recorded in EvaluationCompleted. */
  readonly ranking: EvaluationResult | null;
  readonly recommendation: LotAwardRecommendation | null;
  /** True when recomputing from the events before EvaluationCompleted gives exactly what it recorded. */
  readonly verified: boolean;
  readonly verification: { readonly rankingMatches: boolean; readonly recommendationMatches: boolean };
};

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/tenders/:id/evaluation')
export class EvaluationQueriesController {
  constructor(
    @Inject(EvaluationAccess) private readonly access: EvaluationAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('commissioner', 'evaluator', 'auditor')
  @ApiOperation({ summary: 'The evaluation as you may see it: evaluators see colleagues’ scores for a bid only after submitting their own; the commissioner sees the ranking and recommendation once completed; auditors see all.' })
  @ApiOkResponse({ description: 'The evaluation view.' })
  @ApiNotFoundResponse({ description: 'EVALUATION_NOT_FOUND: not opened.' })
  @ApiForbiddenResponse({ description: 'EVALUATION_NOT_YOURS, EVALUATION_NOT_VISIBLE (not on the panel), ROLE_NOT_ALLOWED (bidders, admins)' })
  find(@Param('id') id: string, @Actor() actor: Identity): EvaluationView {
    return evaluationView(this.access.readable(id, actor), actor);
  }

  @Get('ranking')
  @Roles('commissioner', 'auditor')
  @ApiOperation({ summary: 'The recorded ranking per lot and recommendation, recomputed from the events and compared (verified).' })
  @ApiConflictResponse({ description: 'EVALUATION_NOT_COMPLETED' })
  async ranking(@Param('id') id: string, @Actor() actor: Identity): Promise<RankingView> {
    const evaluation = this.access.completed(id, actor);
    // From the store, not the read model: verification must rest on the events themselves.
    const { rankingMatches, recommendationMatches } = verifyRecordedEvaluation(await loadEvaluationEvents(this.store, id));
    return {
      tenderId: evaluation.tenderId,
      completedAt: evaluation.completedAt,
      ranking: evaluation.result,
      recommendation: evaluation.recommendation,
      verified: rankingMatches && recommendationMatches,
      verification: { rankingMatches, recommendationMatches },
    };
  }
}
