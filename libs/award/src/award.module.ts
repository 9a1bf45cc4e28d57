import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DEADLINE_TICKER, PROJECTION_RUNNER, type DeadlineTicker } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { RegistryModule } from '@tenderledger/registry';
import { AwardBook } from './application/award-book';
import { ConcludeContractsProcess } from './application/conclude-contracts.process';
import { DecideAwardFromEvaluationHandler } from './application/decide-award-from-evaluation.handler';
import { DecideOnAwardHandler } from './application/decide-on-award.handler';
import { DecideOnDirectAwardHandler } from './application/decide-on-direct-award.handler';
import { DirectAwardBook } from './application/direct-award-book';
import { RegisterAfterAward } from './application/register-after-award.process';
import { AwardAccess } from './http/award-access';
import { AwardController } from './http/award.controller';
import { DirectAwardsController } from './http/direct-awards.controller';

/** The award context: award decisions, standstill, challenges, conclusion, direct awards. */
@Module({
  // The registry's read models: organisation names and regions, the contract register.
  imports: [RegistryModule],
  controllers: [AwardController, DirectAwardsController],
  providers: [
    AwardBook,
    DirectAwardBook,
    AwardAccess,
    DecideOnAwardHandler,
    DecideOnDirectAwardHandler,
    DecideAwardFromEvaluationHandler,
    ConcludeContractsProcess,
    RegisterAfterAward,
  ],
  exports: [AwardBook, DirectAwardBook],
})
export class AwardModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DEADLINE_TICKER) private readonly ticker: DeadlineTicker,
    @Inject(AwardBook) private readonly awards: AwardBook,
    @Inject(DirectAwardBook) private readonly directAwards: DirectAwardBook,
    @Inject(ConcludeContractsProcess) private readonly conclusion: ConcludeContractsProcess,
    @Inject(RegisterAfterAward) private readonly registerAfterAward: RegisterAfterAward,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.awards);
    this.runner.register(this.directAwards);
    // Listeners run after the projections saw the event; the target contract streams are the idempotency check.
    this.runner.onEvent((event) => this.registerAfterAward.onEvent(event));
    // The ticker runs at start (catch-up after a restart), on its interval, and when the clock is moved.
    this.ticker.register('conclude-contracts', (now) => this.conclusion.run(now));
  }
}
