import { Body, Controller, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import type { CommandRequest } from '@tenderledger/http-kit';
import { tenderId } from '../domain/ids';
import type { LotSplitProposal } from '../domain/lot-split';
import { toLots } from './draft.mapping';
import { AcceptLotSplitDto, DefineLotsDto, LotLimitDto, ProposeLotSplitDto, TenderReasonDto } from './lots.dto';
import { TenderAccess } from './tender-access';
import { tenderView, type TenderView } from './tender-views';

/** Lots on a draft: by hand, from a proposed split (accepted, edited or rejected), or whole with a reason. */
@ApiTags('tenders')
@ApiBearerAuth()
@Controller('api/tenders/:id')
@Roles('commissioner', 'admin')
export class TenderLotsController {
  constructor(@Inject(TenderAccess) private readonly access: TenderAccess) {}

  @Put('lots')
  @ApiOperation({ summary: 'Define the lots by hand (each names service lines and, optionally, localities).' })
  @ApiUnprocessableEntityResponse({ description: 'TENDER_LOTS_INVALID, TENDER_PROFILE_NO_LOTS' })
  async defineLots(@Param('id') id: string, @Body() body: DefineLotsDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, () => ({ type: 'DefineLots', data: { tenderId: tenderId(id), commissionerId, lots: toLots(body.lots) } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Post('lot-split-proposal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose lots a small provider could deliver under a population and value (pence) ceiling; each lot says why it is shaped so.' })
  @ApiOkResponse({ description: 'The proposal: { ceiling, lots: [{ lotId, title, serviceLineId, localityIds, population, annualValuePence, exceedsCeiling, reason }] }.' })
  async propose(@Param('id') id: string, @Body() body: ProposeLotSplitDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<LotSplitProposal> {
    const { commissionerId } = this.access.owned(id, actor);
    const ceiling = { maxPopulation: body.ceiling.maxPopulation, maxAnnualValuePence: body.ceiling.maxAnnualValuePence };
    const { events } = await this.access.decide(request, () => ({ type: 'ProposeLotSplit', data: { tenderId: tenderId(id), commissionerId, ceiling } }));
    const proposed = events.find((event) => event.type === 'LotSplitProposed');
    if (!proposed) throw new Error('ProposeLotSplit decided no LotSplitProposed event');
    return { ceiling: proposed.data.ceiling, lots: proposed.data.lots };
  }

  @Post('lot-split-proposal/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the pending proposal, as it stands or with edited lots.' })
  @ApiConflictResponse({ description: 'TENDER_NO_LOT_SPLIT_PROPOSAL' })
  async accept(@Param('id') id: string, @Body() body: AcceptLotSplitDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    const editedLots = body.editedLots === undefined ? {} : { editedLots: toLots(body.editedLots) };
    await this.access.decide(request, () => ({ type: 'AcceptLotSplitProposal', data: { tenderId: tenderId(id), commissionerId, ...editedLots } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Post('lot-split-proposal/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the pending proposal, with a reason.' })
  async reject(@Param('id') id: string, @Body() body: TenderReasonDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, () => ({ type: 'RejectLotSplitProposal', data: { tenderId: tenderId(id), commissionerId, reason: body.reason } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Post('no-split-reason')
  @HttpCode(200)
  @ApiOperation({ summary: 'Keep the tender whole: one "whole contract" lot, with the reason for not splitting on record.' })
  async noSplit(@Param('id') id: string, @Body() body: TenderReasonDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, () => ({ type: 'RecordNoSplitReason', data: { tenderId: tenderId(id), commissionerId, reason: body.reason } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Put('lot-limit')
  @ApiOperation({ summary: 'The most lots one bidder may be awarded.' })
  @ApiUnprocessableEntityResponse({ description: 'TENDER_LOT_LIMIT_INVALID: more than the number of lots.' })
  async lotLimit(@Param('id') id: string, @Body() body: LotLimitDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, () => ({ type: 'SetLotLimit', data: { tenderId: tenderId(id), commissionerId, lotLimit: body.lotLimit } }));
    return tenderView(actor, this.access.entry(id));
  }
}
