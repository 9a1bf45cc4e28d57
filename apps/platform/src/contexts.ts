import type { DynamicModule } from '@nestjs/common';
import { BiddingModule, type SealingKey } from '@tenderledger/bidding';
import { AwardModule } from '@tenderledger/award';
import { EvaluationModule } from '@tenderledger/evaluation';
import { AuditModule, OcdsModule, StatisticsModule } from '@tenderledger/projections';
import { RegistryModule } from '@tenderledger/registry';
import { TenderingModule } from '@tenderledger/tendering';

/** Every bounded context the one-process platform runs. */
export function platformContexts(options: { sealingKey: SealingKey }): NonNullable<DynamicModule['imports']> {
  return [RegistryModule, TenderingModule, BiddingModule.register({ sealingKey: options.sealingKey }), EvaluationModule, AwardModule, AuditModule, OcdsModule, StatisticsModule];
}
