import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DIRECT_AWARD_ROUTES, type DirectAwardRoute } from '../domain/direct/routes';
import { DecisionMakerDto, ID_PATTERN } from './award.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ROUTES = Object.keys(DIRECT_AWARD_ROUTES) as DirectAwardRoute[];

export class ProviderDto {
  @ApiProperty({ example: 'org-riverside' })
  @Matches(ID_PATTERN)
  organisationId!: string;

  @ApiProperty({ example: 'Riverside Medical Practice' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class IncumbentDto {
  @ApiProperty({ example: 'org-riverside' })
  @Matches(ID_PATTERN)
  organisationId!: string;

  @ApiProperty({ example: 'contract-gms-a81001', description: 'The register contract it holds now.' })
  @Matches(ID_PATTERN)
  contractId!: string;
}

/** The five PSR key criteria (reg. 5): a written assessment each; all five for direct award C and most suitable provider. */
export class KeyCriteriaAssessmentDto {
  @ApiPropertyOptional({ example: 'CQC good; patient survey above the ICB average.' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  'quality-and-innovation'?: string;

  @ApiPropertyOptional({ example: 'Price unchanged in real terms; within the budget.' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  value?: string;

  @ApiPropertyOptional({ example: 'Active member of the primary care network.' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  'integration-collaboration-and-service-sustainability'?: string;

  @ApiPropertyOptional({ example: 'Extended hours and a branch surgery in the most deprived ward.' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  'improving-access-reducing-health-inequalities-and-facilitating-choice'?: string;

  @ApiPropertyOptional({ example: 'Local employment and apprenticeships.' })
  @IsOptional()
  @IsString()
  @Length(1, 5_000)
  'social-value'?: string;
}

export class DeclaredConflictDto {
  @ApiProperty({ example: 'Sam Patel', description: 'One of the decision-makers.' })
  @IsString()
  @Length(1, 200)
  decisionMaker!: string;

  @ApiProperty({ example: 'Registered patient at Riverside Medical Practice.' })
  @IsString()
  @Length(1, 2_000)
  interest!: string;

  @ApiProperty({ example: 'Took no part in the value assessment.' })
  @IsString()
  @Length(1, 2_000)
  handling!: string;
}

export class DirectAwardContractDto {
  @ApiProperty({ example: '2027-04-01' })
  @Matches(DATE, { message: 'startDate must be a date as YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ example: '2032-03-31' })
  @Matches(DATE, { message: 'endDate must be a date as YYYY-MM-DD' })
  endDate!: string;

  @ApiProperty({ example: 125_000_000, description: 'Annual value in pence (integer).' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  annualValuePence!: number;
}

export class DecideDirectAwardDto {
  @ApiPropertyOptional({ example: 'da-2026-017', description: 'Minted by the server when absent.' })
  @IsOptional()
  @Matches(ID_PATTERN)
  decisionId?: string;

  @ApiPropertyOptional({ example: 'org-icb-north', description: 'Required for an admin acting for a commissioner; a commissioner decides for its own organisation.' })
  @IsOptional()
  @Matches(ID_PATTERN)
  commissionerId?: string;

  @ApiProperty({ enum: ROUTES, example: 'psr-direct-award-c', description: "The PSR route; its procedure profile sets the standstill." })
  @IsIn(ROUTES)
  route!: DirectAwardRoute;

  @ApiProperty({ type: ProviderDto })
  @ValidateNested()
  @Type(() => ProviderDto)
  provider!: ProviderDto;

  @ApiPropertyOptional({ type: IncumbentDto, description: 'The current holder and its contract (required for direct award C).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IncumbentDto)
  incumbent?: IncumbentDto;

  @ApiPropertyOptional({ type: KeyCriteriaAssessmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => KeyCriteriaAssessmentDto)
  keyCriteriaAssessment?: KeyCriteriaAssessmentDto;

  @ApiProperty({ type: [DecisionMakerDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionMakerDto)
  decisionMakers!: DecisionMakerDto[];

  @ApiProperty({ type: [DeclaredConflictDto], description: 'Declared interests and how each was handled; [] when none was declared.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DeclaredConflictDto)
  conflicts!: DeclaredConflictDto[];

  @ApiProperty({ example: 'The incumbent is satisfying the existing contract and is likely to satisfy the new one.' })
  @IsString()
  @Length(1, 10_000)
  reasons!: string;

  @ApiProperty({ type: DirectAwardContractDto })
  @ValidateNested()
  @Type(() => DirectAwardContractDto)
  contract!: DirectAwardContractDto;
}

export class ListDirectAwardsQuery {
  @ApiPropertyOptional({ example: 'org-icb-north' })
  @IsOptional()
  @Matches(ID_PATTERN)
  commissionerId?: string;
}
