import type { DynamicModule } from '@nestjs/common';
import { BiddingModule, type SealingKey } from '@tenderledger/bidding';
import { AwardModule } from '@tenderledger/award';
import { EvaluationModule } from '@tenderledger/evaluation';
import { AuditModule, OcdsModule } from '@tenderledger/projections';
import { RegistryModule } from '@tenderledger/registry';
import { TenderingModule } from '@tenderledger/tendering';
// TEMPORARY (statistics e2e): the lead wires StatisticsModule here for good.
import { StatisticsModule } from '../../../libs/projections/src/statistics';

/** Every bounded context the one-process platform runs. */
export function platformContexts(options: { sealingKey: SealingKey }): NonNullable<DynamicModule['imports']> {
  return [RegistryModule, TenderingModule, BiddingModule.register({ sealingKey: options.sealingKey }), EvaluationModule, AwardModule, AuditModule, StatisticsModule];
}
