import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@tenderledger/domain-kit';
import { londonDateOf } from '@tenderledger/registry';
import type { Response } from 'express';
import { TURNOVER_CSV_HEADER, turnoverCsv } from '../csv';
import { DEFAULT_SHORT_TENDER_PERIOD_DAYS } from '../scope';
import type { TurnoverReport } from '../turnover';
import { TurnoverReader } from '../turnover-reader';
import { TurnoverQuery } from './turnover-query.dto';
import { TurnoverReportSchema } from './turnover-response.schema';

/** Turnover statistics for policy and audit: any authenticated role may read them (no @Roles). */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/statistics')
export class StatisticsController {
  constructor(
    @Inject(TurnoverReader) private readonly statistics: TurnoverReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('turnover')
  @ApiOperation({ summary: 'Turnover statistics by year, region and contract type (DESIGN §7): every figure with its definition. JSON, or CSV with ?format=csv or Accept: text/csv.' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: TurnoverReportSchema, description: `JSON report; as CSV: header ${TURNOVER_CSV_HEADER.join(',')} and one row per figure.` })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field (year, region, contractType, format, shortTenderPeriodDays).' })
  async turnover(@Query() query: TurnoverQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response): Promise<TurnoverReport | string> {
    const today = londonDateOf(this.clock.now().toISOString());
    const report = await this.statistics.turnover({
      year: query.year ?? Number(today.slice(0, 4)),
      ...(query.region !== undefined ? { region: query.region } : {}),
      ...(query.contractType !== undefined ? { contractType: query.contractType } : {}),
      shortTenderPeriodDays: query.shortTenderPeriodDays ?? DEFAULT_SHORT_TENDER_PERIOD_DAYS,
      today,
    });
    const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!csv) return report;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="turnover-${report.filter.year}.csv"`);
    return turnoverCsv(report);
  }
}
