import { Module } from '@nestjs/common';

/** The award context: award decisions, standstill, challenges, conclusion, direct awards. */
@Module({})
export class AwardModule {}
