import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { COMMISSIONER_TYPES, ORGANISATION_KINDS, type CommissionerType, type OrganisationKind } from '../domain/organisation/commands';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const ID_MESSAGE = 'must be 1–100 letters, digits, dots, dashes, colons or underscores';

export class CommissionerDetailsDto {
  @ApiProperty({ enum: COMMISSIONER_TYPES, example: 'ICB' })
  @IsIn(COMMISSIONER_TYPES as unknown as string[])
  type!: CommissionerType;

  @ApiProperty({ example: 'North East and Yorkshire' })
  @IsString()
  @Length(1, 120)
  region!: string;
}

export class RegisterOrganisationDto {
  @ApiPropertyOptional({ example: 'org-riverside-practice', description: 'Chosen by the caller, or minted by the platform. A bidder registers its own organisation: the id of its token.' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `organisationId ${ID_MESSAGE}` })
  organisationId?: string;

  @ApiProperty({ example: 'Riverside Medical Practice' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'practice' })
  @IsIn(ORGANISATION_KINDS as unknown as string[])
  kind!: OrganisationKind;

  @ApiPropertyOptional({ type: CommissionerDetailsDto, description: 'Required for commissioners.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommissionerDetailsDto)
  commissioner?: CommissionerDetailsDto;

  @ApiPropertyOptional({ example: 'A81001', description: 'NHS Organisation Data Service code.' })
  @IsOptional()
  @IsString()
  @Length(3, 6)
  odsCode?: string;

  @ApiPropertyOptional({ example: 8400, description: 'Registered patients (practices).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  listSize?: number;

  @ApiPropertyOptional({ example: 22 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  staff?: number;

  @ApiPropertyOptional({ type: [String], example: ['org-riverside-practice', 'org-hilltop-surgery'], description: 'Member practices of a federation or network.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true, message: `each member ${ID_MESSAGE}` })
  members?: string[];
}

export class ChangeMembersDto {
  @ApiPropertyOptional({ type: [String], example: ['org-valley-practice'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true, message: `each joining member ${ID_MESSAGE}` })
  joined?: string[];

  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true, message: `each leaving member ${ID_MESSAGE}` })
  left?: string[];
}
