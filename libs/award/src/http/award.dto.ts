import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { ChallengeKind, ChallengeOutcome } from '../domain/challenges';

/** Ids as the other contexts take them. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const CHALLENGE_KINDS: readonly ChallengeKind[] = ['representation', 'challenge'];
export const CHALLENGE_OUTCOMES: readonly ChallengeOutcome[] = ['upheld', 'dismissed'];

export class DecisionMakerDto {
  @ApiProperty({ example: 'Dr Ada Okafor' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'ICB Director of Primary Care' })
  @IsString()
  @Length(1, 200)
  role!: string;
}

export class DecideAwardDto {
  @ApiProperty({ type: [DecisionMakerDto], description: 'Who took the decision (at least one), for the audit trail.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DecisionMakerDto)
  decisionMakers!: DecisionMakerDto[];

  @ApiProperty({ example: 'Highest-scoring compliant bids under the published criteria, within the lot limit.' })
  @IsString()
  @Length(1, 10_000)
  reasons!: string;
}

export class LodgeChallengeDto {
  @ApiProperty({ enum: CHALLENGE_KINDS, example: 'representation', description: 'PSR representation or Procurement Act 2023 challenge: either suspends conclusion until its outcome.' })
  @IsIn(CHALLENGE_KINDS as string[])
  kind!: ChallengeKind;

  @ApiPropertyOptional({ example: 'lot-north', description: "One lot's award; absent = every lot still in standstill." })
  @IsOptional()
  @Matches(ID_PATTERN)
  lotId?: string;

  @ApiProperty({ example: 'The access criterion was scored against a requirement not in the published specification.' })
  @IsString()
  @Length(1, 10_000)
  grounds!: string;
}

export class ChallengeOutcomeDto {
  @ApiProperty({ enum: CHALLENGE_OUTCOMES, example: 'dismissed', description: 'Upheld cancels the challenged award; dismissed lets it go ahead (under PSR after a further 5 working days).' })
  @IsIn(CHALLENGE_OUTCOMES as string[])
  outcome!: ChallengeOutcome;

  @ApiProperty({ example: 'The access score was applied as published; the panel notes are attached.' })
  @IsString()
  @Length(1, 10_000)
  reasons!: string;
}
