import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { AWARD_RULES, EVALUATOR_ROLES, PRICE_FORMULAS, TIE_BREAK_RULES, type AwardRule, type EvaluatorRole, type PriceFormula, type TieBreakRule } from '../domain';

// Shapes and types are checked here (400 naming the field); the rules (scale, justification, conflicts)
// are the decider's (422/409 with a stable code), so blank text passes here and is refused there.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
const ID_MESSAGE = 'must be 1–100 letters, digits, dots, dashes, colons, @ or underscores';

export class OpenEvaluationDto {
  @ApiPropertyOptional({ example: 1, description: 'Scores run from 0 to each criterion’s maximum in this step (1 = whole numbers, 0.5 = halves). Default 1.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  scoringScaleStep?: number;

  @ApiPropertyOptional({ enum: PRICE_FORMULAS, example: 'lowest-price-ratio', description: 'How price points are computed. Default lowest-price-ratio.' })
  @IsOptional()
  @IsIn(PRICE_FORMULAS as readonly string[])
  priceFormula?: PriceFormula;

  @ApiPropertyOptional({ enum: TIE_BREAK_RULES, example: TIE_BREAK_RULES[0] })
  @IsOptional()
  @IsIn(TIE_BREAK_RULES as readonly string[])
  tieBreakRule?: TieBreakRule;

  @ApiPropertyOptional({ example: 2_000, description: 'A price more than this far below the lot’s median (basis points) is flagged abnormally low. Default 2,000 (20%).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9_999)
  abnormallyLowThresholdBasisPoints?: number;

  @ApiPropertyOptional({ enum: AWARD_RULES, example: 'maximise-lots-then-score', description: 'How lots are recommended across the rankings under the lot limit. Default maximise-lots-then-score.' })
  @IsOptional()
  @IsIn(AWARD_RULES as readonly string[])
  awardRule?: AwardRule;
}

export class PanelMemberDto {
  @ApiProperty({ example: 'anna.shah', description: 'The evaluator’s user id (their token’s userId).' })
  @Matches(ID_PATTERN, { message: `evaluatorId ${ID_MESSAGE}` })
  evaluatorId!: string;

  @ApiProperty({ example: 'Anna Shah' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: EVALUATOR_ROLES, example: 'commissioner-staff' })
  @IsIn(EVALUATOR_ROLES as readonly string[])
  role!: EvaluatorRole;

  @ApiProperty({ example: 'org-icb-north', description: 'The organisation the evaluator works for; it must not be party to any bid.' })
  @Matches(ID_PATTERN, { message: `organisationId ${ID_MESSAGE}` })
  organisationId!: string;
}

export class AppointPanelDto {
  @ApiProperty({ type: [PanelMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PanelMemberDto)
  evaluators!: PanelMemberDto[];
}

export class DeclarationDto {
  @ApiPropertyOptional({ example: true, description: 'Declare no (further) conflicts of interest. Omit to declare one conflict.' })
  @IsOptional()
  @Equals(true, { message: 'none must be true when given' })
  none?: true;

  @ApiPropertyOptional({ example: 'org-brook', description: 'The organisation the conflict is with (a bidder or any consortium member).' })
  @ValidateIf((o: DeclarationDto) => o.none !== true)
  @Matches(ID_PATTERN, { message: `organisationId ${ID_MESSAGE}` })
  organisationId?: string;

  @ApiPropertyOptional({ example: 'Partner at Brook Lane Practice until 2024.' })
  @ValidateIf((o: DeclarationDto) => o.none !== true)
  @IsString()
  @Length(0, 2_000)
  nature?: string;
}

export class AssignBidsDto {
  @ApiProperty({ example: 'anna.shah' })
  @Matches(ID_PATTERN, { message: `evaluatorId ${ID_MESSAGE}` })
  evaluatorId!: string;

  @ApiProperty({ type: [String], example: ['bid-valley-2026-001'] })
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true, message: `each bid id ${ID_MESSAGE}` })
  bidIds!: string[];
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'quality' })
  @Matches(ID_PATTERN, { message: `criterionId ${ID_MESSAGE}` })
  criterionId!: string;

  @ApiProperty({ example: 4, description: 'On the tender’s scale: 0 to the criterion’s maximum, in the scale’s steps.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score!: number;

  @ApiProperty({ example: 'Clear same-day access model with evidence from the pilot (section 3.2).' })
  @IsString()
  @Length(0, 10_000)
  justification!: string;
}

export class SubmitScoresDto {
  @ApiProperty({ example: 'bid-valley-2026-001' })
  @Matches(ID_PATTERN, { message: `bidId ${ID_MESSAGE}` })
  bidId!: string;

  @ApiProperty({ type: [CriterionScoreDto], description: 'Every quality criterion, once; price is computed, never scored.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
}

export class ModerateScoreDto {
  @ApiProperty({ example: 'bid-valley-2026-001' })
  @Matches(ID_PATTERN, { message: `bidId ${ID_MESSAGE}` })
  bidId!: string;

  @ApiProperty({ example: 'quality' })
  @Matches(ID_PATTERN, { message: `criterionId ${ID_MESSAGE}` })
  criterionId!: string;

  @ApiProperty({ example: 4 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  consensusScore!: number;

  @ApiProperty({ example: 'Panel agreed 4: strong model, staffing plan thinner than the best.' })
  @IsString()
  @Length(0, 10_000)
  rationale!: string;
}

export class ComplianceCheckDto {
  @ApiProperty({ example: 'bid-carecorp-2026-001' })
  @Matches(ID_PATTERN, { message: `bidId ${ID_MESSAGE}` })
  bidId!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: 'CQC registration and indemnity certificates supplied.' })
  @IsString()
  @Length(0, 5_000)
  reason!: string;
}
