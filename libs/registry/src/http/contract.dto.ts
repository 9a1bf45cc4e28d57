import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { BUY_OUT_FUNDS, CONTRACT_TYPES, RENEWAL_ROUTES, type BuyOutFund, type ContractType, type RenewalRoute } from '../domain/contract/commands';
import { ID_PATTERN } from './organisation.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date as YYYY-MM-DD';

export class RegisterContractDto {
  @ApiPropertyOptional({ example: 'contract-gms-a81001' })
  @IsOptional()
  @Matches(ID_PATTERN)
  contractId?: string;

  @ApiProperty({ example: 'GMS-A81001' })
  @IsString()
  @Length(1, 100)
  reference!: string;

  @ApiProperty({ enum: CONTRACT_TYPES, example: 'GMS' })
  @IsIn(CONTRACT_TYPES as unknown as string[])
  contractType!: ContractType;

  @ApiProperty({ example: 'org-riverside-practice' })
  @Matches(ID_PATTERN)
  holderId!: string;

  @ApiProperty({ example: 'org-icb-north' })
  @Matches(ID_PATTERN)
  commissionerId!: string;

  @ApiProperty({ example: 'North East and Yorkshire' })
  @IsString()
  @Length(1, 120)
  region!: string;

  @ApiProperty({ example: 8400 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  listSize!: number;

  @ApiProperty({ example: 125_000_000, description: 'Annual value in pence (integer).' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  annualValuePence!: number;

  @ApiProperty({ example: '2021-04-01' })
  @Matches(DATE, { message: `startDate ${DATE_MESSAGE}` })
  startDate!: string;

  @ApiProperty({ example: '2027-03-31' })
  @Matches(DATE, { message: `endDate ${DATE_MESSAGE}` })
  endDate!: string;

  @ApiPropertyOptional({ type: [String], example: ['core general practice', 'extended access'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  services?: string[];
}

export class ReasonDto {
  @ApiProperty({ example: 'Contract end approaching; the ICB board agreed to re-procure in lots.' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class MarkForReprocurementDto extends ReasonDto {
  @ApiPropertyOptional({ example: 'tender-2026-001' })
  @IsOptional()
  @Matches(ID_PATTERN)
  tenderId?: string;
}

export class ExtendContractDto extends ReasonDto {
  @ApiProperty({ example: '2028-03-31' })
  @Matches(DATE, { message: `newEndDate ${DATE_MESSAGE}` })
  newEndDate!: string;
}

export class RenewContractDto extends ExtendContractDto {
  @ApiPropertyOptional({ enum: RENEWAL_ROUTES })
  @IsOptional()
  @IsIn(RENEWAL_ROUTES as unknown as string[])
  route?: RenewalRoute;

  @ApiPropertyOptional({ example: 130_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  annualValuePence?: number;
}

export class TerminateContractDto extends ReasonDto {
  @ApiProperty({ example: '2026-09-30' })
  @Matches(DATE, { message: `effectiveDate ${DATE_MESSAGE}` })
  effectiveDate!: string;
}

export class BuyOutContractDto extends TerminateContractDto {
  @ApiProperty({ example: 25_000_000, description: 'Pence.' })
  @IsInt()
  @Min(1)
  amountPence!: number;

  @ApiProperty({ enum: BUY_OUT_FUNDS, example: 'central-buy-out-fund' })
  @IsIn(BUY_OUT_FUNDS as unknown as string[])
  fund!: BuyOutFund;
}

export class ListContractsQuery {
  @ApiPropertyOptional({ enum: ['active', 'ended'] })
  @IsOptional()
  @IsIn(['active', 'ended'])
  status?: 'active' | 'ended';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN)
  commissionerId?: string;
}

