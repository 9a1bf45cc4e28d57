import type { DynamicModule } from '@nestjs/common';

/** Every bounded context the one-process platform runs. */
export function platformContexts(): NonNullable<DynamicModule['imports']> {
  return [];
}
