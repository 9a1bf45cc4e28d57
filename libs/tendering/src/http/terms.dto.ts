import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN, ISO_MESSAGE, ISO_OPTIONS } from './dto-patterns';

// The parts a draft is made of: service lines and localities, award criteria, timeline, contract term.

export const CONTRACT_TYPES = ['GMS', 'PMS', 'APMS', 'outcomes-based'] as const;
const CRITERION_KINDS = ['psr-key-criterion', 'quality', 'price', 'social-value'] as const;
const PSR_KEY_CRITERIA = [
  'quality-and-innovation',
  'value',
  'integration-collaboration-and-service-sustainability',
  'improving-access-reducing-health-inequalities-and-facilitating-choice',
  'social-value',
] as const;
export const MAX_PENCE = Number.MAX_SAFE_INTEGER;

export class LocalityDto {
  @ApiProperty({ example: 'north' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: 'North' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 30_000, description: 'Registered patients in this locality.' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population!: number;
}

export class ServiceLineDto {
  @ApiProperty({ example: 'core-gms' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: 'Core general practice' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 84_000 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population!: number;

  @ApiProperty({ example: 840_000_000, description: 'Annual value in integer pence (£8,400,000).' })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  annualValuePence!: number;

  @ApiPropertyOptional({ type: [LocalityDto], description: 'Omit for a service line that is one area; otherwise populations add up to the line’s.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LocalityDto)
  localities?: LocalityDto[];
}

export class CriterionDto {
  @ApiProperty({ example: 'quality-and-innovation' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: 'Quality and innovation' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'PSR key criterion: quality and innovation.' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ enum: CRITERION_KINDS, example: 'psr-key-criterion' })
  @IsIn(CRITERION_KINDS as unknown as string[])
  kind!: (typeof CRITERION_KINDS)[number];

  @ApiPropertyOptional({ enum: PSR_KEY_CRITERIA, example: 'quality-and-innovation', description: 'Required exactly when kind is psr-key-criterion.' })
  @IsOptional()
  @IsIn(PSR_KEY_CRITERIA as unknown as string[])
  psrKeyCriterion?: (typeof PSR_KEY_CRITERIA)[number];

  @ApiProperty({ example: 2_000, description: 'Weight in basis points: 10,000 = 100%. All weights add up to 10,000 at publication.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  weightBasisPoints!: number;

  @ApiProperty({ example: 5, description: 'Top of the scoring scale (0–5 here).' })
  @IsInt()
  @Min(1)
  @Max(1_000)
  maxScore!: number;

  @ApiPropertyOptional({ example: 2, nullable: true, description: 'Lowest score a bid must reach on this criterion; omit or null for none.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  passMark?: number | null;
}

export class TimelineDto {
  @ApiProperty({ example: '2026-03-20T12:00:00Z' })
  @IsISO8601(ISO_OPTIONS, { message: `clarificationDeadline ${ISO_MESSAGE}` })
  clarificationDeadline!: string;

  @ApiProperty({ example: '2026-04-06T12:00:00Z' })
  @IsISO8601(ISO_OPTIONS, { message: `submissionDeadline ${ISO_MESSAGE}` })
  submissionDeadline!: string;

  @ApiProperty({ example: '2026-05-01T12:00:00Z' })
  @IsISO8601(ISO_OPTIONS, { message: `plannedAwardDate ${ISO_MESSAGE}` })
  plannedAwardDate!: string;
}

/** Either `endDate` or `months`: the controller refuses both or neither, naming the field. */
export class ContractTermDto {
  @ApiProperty({ example: '2026-07-01' })
  @IsISO8601(ISO_OPTIONS, { message: `startDate ${ISO_MESSAGE}` })
  startDate!: string;

  @ApiPropertyOptional({ example: '2031-06-30' })
  @IsOptional()
  @IsISO8601(ISO_OPTIONS, { message: `endDate ${ISO_MESSAGE}` })
  endDate?: string;

  @ApiPropertyOptional({ example: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  months?: number;
}

