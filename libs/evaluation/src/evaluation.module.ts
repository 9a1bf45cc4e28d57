import { Module } from '@nestjs/common';

/** The evaluation context: panels, conflicts, scoring, moderation, ranking, lot award recommendation. */
@Module({})
export class EvaluationModule {}
