import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN, ISO_MESSAGE, ISO_OPTIONS } from './dto-patterns';

export class AskClarificationDto {
  @ApiProperty({ example: 'Is TUPE expected to apply to the current practice staff?' })
  @IsString()
  @Length(1, 5_000)
  question!: string;
}

export class AnswerClarificationDto {
  @ApiProperty({ example: 'Yes: TUPE is expected to apply; staff lists are in annex C.' })
  @IsString()
  @Length(1, 10_000)
  answer!: string;

  @ApiPropertyOptional({ example: 'Is TUPE expected to apply?', description: 'The question as published to every bidder, with identifying detail removed; default: as asked.' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  publishedQuestion?: string;
}

export class AmendPublishedTenderDto {
  @ApiProperty({ example: 'Bidders asked for more time after the TUPE clarification.' })
  @IsString()
  @Length(1, 5_000)
  reason!: string;

  @ApiPropertyOptional({ example: '2026-03-27T12:00:00Z', description: 'May only move later.' })
  @IsOptional()
  @IsISO8601(ISO_OPTIONS, { message: `clarificationDeadline ${ISO_MESSAGE}` })
  clarificationDeadline?: string;

  @ApiPropertyOptional({ example: '2026-04-13T12:00:00Z', description: 'May only move later.' })
  @IsOptional()
  @IsISO8601(ISO_OPTIONS, { message: `submissionDeadline ${ISO_MESSAGE}` })
  submissionDeadline?: string;

  @ApiPropertyOptional({ example: '2026-05-08T12:00:00Z', description: 'May only move later.' })
  @IsOptional()
  @IsISO8601(ISO_OPTIONS, { message: `plannedAwardDate ${ISO_MESSAGE}` })
  plannedAwardDate?: string;

  @ApiPropertyOptional({ example: 'Core general practice and extended access; staff lists added in annex C.' })
  @IsOptional()
  @IsString()
  @Length(0, 20_000)
  description?: string;
}

export const TENDER_STATUSES = ['draft', 'published', 'submissions-closed', 'cancelled'] as const;

export class ListTendersQuery {
  @ApiPropertyOptional({ enum: TENDER_STATUSES, example: 'published' })
  @IsOptional()
  @IsIn(TENDER_STATUSES as unknown as string[])
  status?: (typeof TENDER_STATUSES)[number];

  @ApiPropertyOptional({ example: 'org-icb-north' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `commissionerId ${ID_MESSAGE}` })
  commissionerId?: string;
}
