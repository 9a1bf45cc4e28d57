import { Module } from '@nestjs/common';

/** The tendering context: tenders, lots, clarifications, amendments, cancellation. */
@Module({})
export class TenderingModule {}
