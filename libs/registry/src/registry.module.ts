import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DEADLINE_TICKER, PROJECTION_RUNNER, type DeadlineTicker } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { ContractExpiryProcess } from './application/contract-expiry.process';
import { ContractRegister } from './application/contract-register';
import { DecideContractHandler } from './application/decide-contract.handler';
import { DecideOrganisationHandler } from './application/decide-organisation.handler';
import { ImportContractRegisterHandler } from './application/import-contract-register.handler';
import { OrganisationDirectory } from './application/organisation-directory';
import { ContractsController } from './http/contracts.controller';
import { OrganisationsController } from './http/organisations.controller';

/** The registry context: organisations and the contract register. */
@Module({
  controllers: [OrganisationsController, ContractsController],
  providers: [OrganisationDirectory, ContractRegister, DecideOrganisationHandler, DecideContractHandler, ImportContractRegisterHandler, ContractExpiryProcess],
  exports: [OrganisationDirectory, ContractRegister],
})
export class RegistryModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(ContractRegister) private readonly register: ContractRegister,
    @Inject(DEADLINE_TICKER) private readonly ticker: DeadlineTicker,
    @Inject(ContractExpiryProcess) private readonly expiry: ContractExpiryProcess,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.directory);
    this.runner.register(this.register);
    // The ticker runs at start (catch-up after a restart), on its interval, and when the clock is moved.
    this.ticker.register('expire-contracts', (now) => this.expiry.run(now));
  }
}
