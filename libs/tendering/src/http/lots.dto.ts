import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from './dto-patterns';

export class LotScopeDto {
  @ApiProperty({ example: 'core-gms' })
  @Matches(ID_PATTERN, { message: `serviceLineId ${ID_MESSAGE}` })
  serviceLineId!: string;

  @ApiProperty({ type: [String], example: ['north', 'east'], description: 'Empty = the whole service line.' })
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID_PATTERN, { each: true, message: `each locality id ${ID_MESSAGE}` })
  localityIds!: string[];
}

export class LotDto {
  @ApiProperty({ example: 'lot-core-north-east' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: 'Core general practice – North and East' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 'Core GMS for the North and East localities.' })
  @IsString()
  @Length(0, 5_000)
  description!: string;

  @ApiProperty({ type: [LotScopeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LotScopeDto)
  scope!: LotScopeDto[];

  @ApiProperty({ example: 48_000 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population!: number;

  @ApiProperty({ example: 480_000_000, description: 'Integer pence (£4,800,000).' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  estimatedAnnualValuePence!: number;
}

export class DefineLotsDto {
  @ApiProperty({ type: [LotDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LotDto)
  lots!: LotDto[];
}

export class LotCeilingDto {
  @ApiProperty({ example: 60_000, description: 'The most registered patients one lot should cover.' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  maxPopulation!: number;

  @ApiProperty({ example: 500_000_000, description: 'The most one lot should be worth a year, in integer pence (£5,000,000).' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  maxAnnualValuePence!: number;
}

export class ProposeLotSplitDto {
  @ApiProperty({ type: LotCeilingDto, description: 'What a small practice or federation could deliver.' })
  @ValidateNested()
  @Type(() => LotCeilingDto)
  ceiling!: LotCeilingDto;
}

export class AcceptLotSplitDto {
  @ApiPropertyOptional({ type: [LotDto], description: 'Omit to accept the proposal as it stands; give lots to accept an edited version.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LotDto)
  editedLots?: LotDto[];
}

export class TenderReasonDto {
  @ApiProperty({ example: 'The two services share one workforce and premises; splitting would make neither viable.' })
  @IsString()
  @Length(1, 5_000)
  reason!: string;
}

export class LotLimitDto {
  @ApiProperty({ example: 2, description: 'The most lots one bidder may be awarded.' })
  @IsInt()
  @Min(1)
  @Max(1_000)
  lotLimit!: number;
}
