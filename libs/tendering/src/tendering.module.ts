import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DEADLINE_TICKER, PROJECTION_RUNNER, type DeadlineTicker } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { RegistryModule } from '@tenderledger/registry';
import { CloseSubmissionsProcess } from './application/close-submissions.process';
import { DecideTenderHandler } from './application/decide-tender.handler';
import { ReprocurementOnPublish } from './application/reprocurement-on-publish.process';
import { TenderCatalogue } from './application/tender-catalogue';
import { ClarificationsController } from './http/clarifications.controller';
import { TenderAccess } from './http/tender-access';
import { TenderLifecycleController } from './http/tender-lifecycle.controller';
import { TenderLotsController } from './http/tender-lots.controller';
import { TendersController } from './http/tenders.controller';

/** The tendering context: tenders, lots, clarifications, amendments, cancellation, closing at the deadline. */
@Module({
  // The registry's read models: a tender names its commissioner and the contract it re-procures.
  imports: [RegistryModule],
  controllers: [TendersController, TenderLotsController, TenderLifecycleController, ClarificationsController],
  providers: [TenderCatalogue, DecideTenderHandler, TenderAccess, CloseSubmissionsProcess, ReprocurementOnPublish],
  exports: [TenderCatalogue],
})
export class TenderingModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DEADLINE_TICKER) private readonly ticker: DeadlineTicker,
    @Inject(TenderCatalogue) private readonly catalogue: TenderCatalogue,
    @Inject(CloseSubmissionsProcess) private readonly closeSubmissions: CloseSubmissionsProcess,
    @Inject(ReprocurementOnPublish) private readonly reprocurement: ReprocurementOnPublish,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.catalogue);
    // Listeners run after the projections saw the event, so the catalogue already knows the tender.
    this.runner.onEvent((event) => this.reprocurement.onEvent(event));
    // The ticker runs at start (catch-up after a restart), on its interval, and when the clock is moved.
    this.ticker.register('close-submissions', (now) => this.closeSubmissions.run(now));
  }
}
