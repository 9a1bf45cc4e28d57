import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
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
  providers: [OrganisationDirectory, ContractRegister, DecideOrganisationHandler, DecideContractHandler, ImportContractRegisterHandler],
  exports: [OrganisationDirectory, ContractRegister],
})
export class RegistryModule implements OnModuleInit {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
    @Inject(ContractRegister) private readonly register: ContractRegister,
  ) {}

  onModuleInit(): void {
    this.runner.register(this.directory);
    this.runner.register(this.register);
  }
}
