import type { DynamicModule } from '@nestjs/common';
import { RegistryModule } from '@tenderledger/registry';

/** Every bounded context the one-process platform runs. */
export function platformContexts(): NonNullable<DynamicModule['imports']> {
  return [RegistryModule];
}
