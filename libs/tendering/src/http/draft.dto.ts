import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PROCEDURE_PROFILE_IDS } from '../domain/procedure-profiles';
import { ID_MESSAGE, ID_PATTERN } from './dto-patterns';
import { CONTRACT_TYPES, ContractTermDto, CriterionDto, MAX_PENCE, ServiceLineDto, TimelineDto } from './terms.dto';

export class DraftTenderDto {
  @ApiPropertyOptional({ example: 'tender-riverside-2026', description: 'Chosen by the caller, or minted by the platform.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `tenderId ${ID_MESSAGE}` })
  tenderId?: string;

  @ApiPropertyOptional({ example: 'org-icb-north', description: 'A commissioner drafts for its own organisation (may be omitted); an admin must name one.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `commissionerId ${ID_MESSAGE}` })
  commissionerId?: string;

  @ApiProperty({ example: 'Riverside primary care re-procurement' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 'Core general practice and extended access for 84,000 registered patients.' })
  @IsString()
  @Length(0, 20_000)
  description!: string;

  @ApiProperty({ enum: PROCEDURE_PROFILE_IDS, example: 'psr-competitive' })
  @IsIn(PROCEDURE_PROFILE_IDS as unknown as string[])
  procedureProfileId!: string;

  @ApiProperty({ enum: CONTRACT_TYPES, example: 'APMS' })
  @IsIn(CONTRACT_TYPES as unknown as string[])
  contractType!: (typeof CONTRACT_TYPES)[number];

  @ApiPropertyOptional({ example: 'contract-hilltop-pms', nullable: true, description: 'The register contract this tender re-procures: it must be your own.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `replacesContractId ${ID_MESSAGE}` })
  replacesContractId?: string | null;

  @ApiProperty({ type: [ServiceLineDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ServiceLineDto)
  services!: ServiceLineDto[];

  @ApiProperty({ example: 84_000, description: 'Registered patients the contract serves.' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  population!: number;

  @ApiProperty({ example: 900_000_000, description: 'Estimated annual value in integer pence (£9,000,000).' })
  @IsInt()
  @Min(0)
  @Max(MAX_PENCE)
  estimatedAnnualValuePence!: number;

  @ApiProperty({ type: ContractTermDto })
  @ValidateNested()
  @Type(() => ContractTermDto)
  contractTerm!: ContractTermDto;

  @ApiPropertyOptional({ type: [CriterionDto], description: 'Omit for the PSR five key criteria at 2,000 basis points (20%) each.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria?: CriterionDto[];

  @ApiProperty({ type: TimelineDto })
  @ValidateNested()
  @Type(() => TimelineDto)
  timeline!: TimelineDto;

  @ApiPropertyOptional({ example: 'North East and Yorkshire', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  region?: string | null;

  @ApiPropertyOptional({ example: 2, description: 'The most lots one bidder may be awarded; default: every lot.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  lotLimit?: number;

  @ApiPropertyOptional({ example: 35, nullable: true, description: 'A longer minimum tender period (days) than the procedure’s; never shorter.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3_650)
  minimumTenderPeriodDays?: number | null;
}

/** Any term of a draft; `null` clears replacesContractId, region and minimumTenderPeriodDays. */
export class AmendDraftDto extends PartialType(OmitType(DraftTenderDto, ['tenderId', 'commissionerId', 'lotLimit'] as const)) {}
