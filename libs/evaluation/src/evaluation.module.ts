import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { RegistryModule } from '@tenderledger/registry';
import { DecideEvaluationHandler } from './application/decide-evaluation.handler';
import { EvaluationFactsLoader } from './application/evaluation-facts.loader';
import { EvaluationResults } from './application/evaluation-results';
import { OpenTenderEvaluationHandler } from './application/open-evaluation.handler';
import { TenderBidIndex } from './application/tender-bid-index';
import { EvaluationAccess } from './http/evaluation-access';
import { EvaluationQueriesController } from './http/evaluation-queries.controller';
import { EvaluationController } from './http/evaluation.controller';

/** The evaluation context: panels, conflicts, scoring, moderation, ranking, lot award recommendation. */
@Module({
  // The organisation directory: bidders' registered names for the recommendation's sentences.
  imports: [RegistryModule],
  controllers: [EvaluationController, EvaluationQueriesController],
  providers: [EvaluationResults, TenderBidIndex, EvaluationFactsLoader, DecideEvaluationHandler, OpenTenderEvaluationHandler, EvaluationAccess],
  exports: [EvaluationResults],
})
export class EvaluationModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EvaluationResults) private readonly results: EvaluationResults,
    @Inject(TenderBidIndex) private readonly bidIndex: TenderBidIndex,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.results);
    this.runner.register(this.bidIndex);
  }
}
