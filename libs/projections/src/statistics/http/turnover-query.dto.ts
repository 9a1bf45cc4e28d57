import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_TYPES } from '@tenderledger/registry';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_SHORT_TENDER_PERIOD_DAYS } from '../scope';

export const TURNOVER_FORMATS = ['json', 'csv'] as const;

/** Bad filters are a 400 naming the field (the global validation pipe). */
export class TurnoverQuery {
  @ApiPropertyOptional({ description: 'Calendar year in England. Default: the current year (which then runs to today).', example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole calendar year, e.g. 2027' })
  @Min(1948, { message: 'year must be 1948 (the NHS) or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ description: 'NHS England region, as on the contract (case-insensitive), e.g. "North East and Yorkshire".' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'region must not be empty' })
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IsOptional()
  @IsIn(CONTRACT_TYPES as unknown as string[], { message: `contractType must be one of ${CONTRACT_TYPES.join(', ')}` })
  contractType?: string;

  @ApiPropertyOptional({ enum: TURNOVER_FORMATS, description: 'csv: one row per figure (also chosen by `Accept: text/csv`).' })
  @IsOptional()
  @IsIn(TURNOVER_FORMATS as unknown as string[], { message: 'format must be json or csv' })
  format?: (typeof TURNOVER_FORMATS)[number];

  @ApiPropertyOptional({ description: `A tender period below this many whole days raises the short-tender-period red flag (as does one below the tender's own minimum). Default ${DEFAULT_SHORT_TENDER_PERIOD_DAYS}.`, example: DEFAULT_SHORT_TENDER_PERIOD_DAYS })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'shortTenderPeriodDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  shortTenderPeriodDays?: number;
}
