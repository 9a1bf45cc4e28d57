import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AWARD_PROCESSES, DEFINITIONS, FIGURE_KEYS } from '../definitions';
import { RED_FLAGS } from '../figures/red-flags';

// OpenAPI only: the response's shape, with every figure's definition in the description of `key`.

const keyDescription = ['The figure. Definitions:', ...FIGURE_KEYS.map((key) => `- ${key} (${DEFINITIONS[key].unit}): ${DEFINITIONS[key].definition}`)].join('\n');

export class FigureSchema {
  @ApiProperty({ enum: FIGURE_KEYS, description: keyDescription })
  key!: string;
  @ApiProperty({ description: 'A short human label.' })
  label!: string;
  @ApiProperty({ enum: ['count', 'share', 'mean', 'median-days', 'pence'], description: 'share: a fraction 0–1 (0.013 = 1.3%); pence: annual contract value.' })
  unit!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Null when there is no basis (a share or mean over nothing).' })
  value!: number | null;
  @ApiPropertyOptional({ description: 'For shares and means: what was counted.' })
  numerator?: number;
  @ApiPropertyOptional({ description: 'For shares and means: what it was counted out of; for a median, how many values.' })
  denominator?: number;
  @ApiProperty({ description: 'What exactly the figure counts: the same text as in the key description.' })
  definition!: string;
}

class FilterSchema {
  @ApiProperty() year!: number;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, nullable: true }) contractType!: string | null;
  @ApiProperty() shortTenderPeriodDays!: number;
}

class PeriodSchema {
  @ApiProperty({ description: '1 January of the year.' }) from!: string;
  @ApiProperty({ description: '31 December, or today within the current year.' }) to!: string;
}

class TenderRedFlagsSchema {
  @ApiProperty() tenderId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: RED_FLAGS, isArray: true }) flags!: string[];
  @ApiProperty({ type: [String], description: 'Lots that received exactly one bid.' }) singleBidLots!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Whole days from publication to the submission deadline in force at closing.' }) tenderPeriodDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minimumTenderPeriodDays!: number | null;
  @ApiProperty({ type: [String] }) allButWinnerDisqualifiedLots!: string[];
  @ApiProperty({ type: [String], description: 'Winning bids submitted after the deadline.' }) lateWinningBids!: string[];
}

class PointSchema {
  @ApiProperty() x!: string;
  @ApiProperty({ type: Number, nullable: true }) y!: number | null;
}

class SeriesSchema {
  @ApiProperty({ description: `Chart id, e.g. awardsByProcessCount (x: ${AWARD_PROCESSES.join(', ')}).` }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: [PointSchema] }) points!: PointSchema[];
}

export class TurnoverReportSchema {
  @ApiProperty({ type: FilterSchema }) filter!: FilterSchema;
  @ApiProperty({ type: PeriodSchema }) period!: PeriodSchema;
  @ApiProperty({ type: [FigureSchema] }) figures!: FigureSchema[];
  @ApiProperty({ type: [TenderRedFlagsSchema], description: 'Tenders whose first award decision was in the year, with the red flags each raised.' }) redFlags!: TenderRedFlagsSchema[];
  @ApiProperty({ type: [SeriesSchema], description: 'Chart-ready series drawn from the figures.' }) series!: SeriesSchema[];
  @ApiProperty({ type: [String], description: 'What the figures cannot tell.' }) limitations!: string[];
}
