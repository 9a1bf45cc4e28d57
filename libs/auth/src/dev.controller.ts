import { Body, Controller, ForbiddenException, HttpCode, Inject, Optional, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { CLOCK, DEADLINE_TICKER, isAdjustable, type Clock } from '@tenderledger/domain-kit';
import { Public, Roles } from './decorators';
import { ROLES, type Role } from './identity';
import { TokenService } from './token-service';

export class IssueTokenDto {
  @ApiProperty({ enum: ROLES, example: 'commissioner' })
  @IsIn(ROLES as unknown as string[])
  role!: Role;

  @ApiProperty({ example: 'org-icb-north', description: 'The organisation the role is scoped to.' })
  @IsString()
  @Length(1, 200)
  organisationId!: string;

  @ApiPropertyOptional({ example: 'jane.doe' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  userId?: string;
}

export class AdvanceClockDto {
  @ApiPropertyOptional({ example: 86_400_000, description: 'Milliseconds to move forward.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  advanceByMs?: number;

  @ApiPropertyOptional({ example: '2026-02-01T12:00:00.000Z', description: 'Move forward to this instant (never back).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

const devOnly = (): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'DEV_MODE_ONLY', message: 'This route exists only when the platform runs with AUTH_MODE=dev.' });

/** Dev mode helpers: mint local tokens and move the platform's clock forward. Refused in every other mode. */
@ApiTags('dev')
@Controller('api/dev')
export class DevController {
  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(DEADLINE_TICKER) private readonly ticker?: { tick(): Promise<void> },
  ) {}

  @Post('tokens')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a local token for a named organisation and role (AUTH_MODE=dev only).' })
  async issue(@Body() body: IssueTokenDto): Promise<{ token: string; identity: { userId: string; role: Role; organisationId: string } }> {
    if (!this.tokens.devMode) throw devOnly();
    const identity = { userId: body.userId ?? `${body.role}@${body.organisationId}`, role: body.role, organisationId: body.organisationId };
    return { token: await this.tokens.issue(identity), identity };
  }

  @Post('clock')
  @Roles('admin')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the platform clock forward (admin, AUTH_MODE=dev only), e.g. past a submission deadline; answers once the time-driven process managers have run at the new time.' })
  async advance(@Body() body: AdvanceClockDto): Promise<{ now: string }> {
    if (!this.tokens.devMode || !isAdjustable(this.clock)) throw devOnly();
    const now = this.clock.now().getTime();
    const target = body.to ? Date.parse(body.to) : now + (body.advanceByMs ?? 0);
    if (body.advanceByMs === undefined && body.to === undefined) {
      throw new UnprocessableEntityException({ statusCode: 422, code: 'CLOCK_NOTHING_TO_DO', message: 'Give advanceByMs or to.' });
    }
    if (target < now) throw new UnprocessableEntityException({ statusCode: 422, code: 'CLOCK_CANNOT_GO_BACK', message: 'The clock only moves forward: events already recorded must stay in the past.' });
    const moved = this.clock.advance(target - now).toISOString();
    // Answer once the time-driven process managers (close submissions, open bids, conclude after
    // standstill, expire contracts) have looked at the new time, so a script that moves the clock
    // step by step sees each moment's effects recorded at that moment, not at a later one.
    await this.ticker?.tick();
    return { now: moved };
  }
}
