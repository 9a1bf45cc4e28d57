import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import type { CommandRequest } from '@tenderledger/http-kit';
import type { PublishedTenderChanges } from '../domain/commands';
import { tenderId } from '../domain/ids';
import { TenderReasonDto } from './lots.dto';
import { AmendPublishedTenderDto } from './open-tender.dto';
import { TenderAccess } from './tender-access';
import { tenderView, type TenderView } from './tender-views';

/** Publication, amendments of a published tender (with a reason), cancellation. */
@ApiTags('tenders')
@ApiBearerAuth()
@Controller('api/tenders/:id')
@Roles('commissioner', 'admin')
export class TenderLifecycleController {
  constructor(@Inject(TenderAccess) private readonly access: TenderAccess) {}

  @Post('publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the tender notice: weights add up to 10,000 basis points, ≥ 1 lot (one only with a no-split reason), deadlines in order, minimum tender period met.' })
  @ApiOkResponse({ description: 'The tender as published, with its content hash.' })
  @ApiUnprocessableEntityResponse({ description: 'TENDER_WEIGHTS_NOT_100, TENDER_NO_LOTS, TENDER_NO_SPLIT_REASON, TENDER_PERIOD_TOO_SHORT, TENDER_DEADLINES_OUT_OF_ORDER, …' })
  @ApiConflictResponse({ description: 'TENDER_NOT_DRAFT, TENDER_LOT_SPLIT_PROPOSAL_PENDING' })
  async publish(@Param('id') id: string, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, (now) => ({ type: 'PublishTender', data: { tenderId: tenderId(id), commissionerId, now } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Post('amendments')
  @HttpCode(201)
  @ApiOperation({ summary: 'Amend a published tender before its submission deadline: deadlines only move later, and a reason is required.' })
  @ApiUnprocessableEntityResponse({ description: 'TENDER_DEADLINE_CANNOT_MOVE_EARLIER, TENDER_AMENDMENT_EMPTY, TENDER_DEADLINES_OUT_OF_ORDER' })
  @ApiConflictResponse({ description: 'TENDER_NOT_PUBLISHED, TENDER_SUBMISSION_DEADLINE_PASSED' })
  async amend(@Param('id') id: string, @Body() body: AmendPublishedTenderDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    const { reason, ...fields } = body;
    const changes: PublishedTenderChanges = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    await this.access.decide(request, (now) => ({ type: 'AmendPublishedTender', data: { tenderId: tenderId(id), commissionerId, changes, reason, now } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or published tender, with a reason.' })
  @ApiConflictResponse({ description: 'TENDER_CANCELLED' })
  async cancel(@Param('id') id: string, @Body() body: TenderReasonDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, (now) => ({ type: 'CancelTender', data: { tenderId: tenderId(id), commissionerId, reason: body.reason, now } }));
    return tenderView(actor, this.access.entry(id));
  }
}
