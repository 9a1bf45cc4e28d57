import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { CLOCK, ID_GENERATOR, PROJECTION_RUNNER, type Clock, type IdGenerator } from '@tenderledger/domain-kit';
import { commandContext, type CommandRequest } from '@tenderledger/http-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { asBidId, asTenderId, type BidEnvelope, type BidReceipt } from '../domain';
import { BidAccess, type BidView } from '../application/bid-access';
import { BidBook } from '../application/bid-book';
import { ResubmitSealedBid, SubmitSealedBid, WithdrawSealedBid } from '../application/messages';
import { toBidContent, toBidder } from './bid-mapping';
import { ListBidsQuery, ResubmitBidDto, SubmitBidDto, WithdrawBidDto } from './bid.dto';

const noSuchBid = (id: string): NotFoundException => new NotFoundException({ statusCode: 404, code: 'BID_NOT_FOUND', message: `There is no bid ${id} you can see.` });
const sealedBid = (id: string): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'BID_SEALED', message: `Bid ${id} is sealed: nobody, the commissioner included, can read it until the submission deadline has passed and bids are opened.` });

@ApiTags('bids')
@ApiBearerAuth()
@Controller('api/bids')
export class BidsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(BidBook) private readonly book: BidBook,
    @Inject(BidAccess) private readonly access: BidAccess,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('bidder')
  @ApiOperation({ summary: 'Submit a sealed bid for one or more lots, alone or as the lead of a consortium.' })
  @ApiCreatedResponse({ description: 'The receipt: bid id, tender, commitment (SHA-256 of the sealed content and a secret nonce), time. The content is never echoed.' })
  @ApiConflictResponse({ description: 'BID_DEADLINE_PASSED, BID_TENDER_NOT_OPEN, BID_ALREADY_SUBMITTED, BID_ALREADY_BIDDING (resubmit your existing bid instead)' })
  @ApiUnprocessableEntityResponse({ description: 'BID_CONTENT_INVALID (details.problems), BID_CONSORTIUM_INVALID, BID_ORGANISATION_UNKNOWN, BID_LOT_UNKNOWN' })
  @ApiNotFoundResponse({ description: 'BID_TENDER_NOT_FOUND' })
  async submit(@Body() body: SubmitBidDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<BidReceipt> {
    const bidId = asBidId(body.bidId ?? this.ids.next());
    const outcome = await this.commands.execute(
      new SubmitSealedBid(bidId, asTenderId(body.tenderId), toBidder(body.bidder, actor.organisationId), toBidContent(body.content), commandContext(request, this.clock)),
    );
    await this.readModels.waitFor(outcome.lastPosition);
    return outcome.receipt;
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('bidder')
  @ApiOperation({ summary: 'Resubmit: replace the content (and lots) before the deadline; a new commitment and receipt.' })
  @ApiOkResponse({ description: 'The new receipt.' })
  async resubmit(@Param('id') id: string, @Body() body: ResubmitBidDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<BidReceipt> {
    this.partyOnly(id, actor);
    const outcome = await this.commands.execute(new ResubmitSealedBid(asBidId(id), toBidContent(body.content), commandContext(request, this.clock)));
    await this.readModels.waitFor(outcome.lastPosition);
    return outcome.receipt;
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('bidder')
  @ApiOperation({ summary: 'Withdraw the bid before the deadline; a withdrawn bid is never opened (it may be resubmitted).' })
  @ApiOkResponse({ description: 'The bid envelope, now withdrawn.' })
  async withdraw(@Param('id') id: string, @Body() body: WithdrawBidDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<BidView> {
    this.partyOnly(id, actor);
    const result = await this.commands.execute(new WithdrawSealedBid(asBidId(id), body.reason, commandContext(request, this.clock)));
    await this.readModels.waitFor(result.lastPosition);
    return this.find(id, actor);
  }

  @Get()
  @Roles('bidder', 'commissioner', 'evaluator', 'auditor')
  @ApiOperation({ summary: "The bids you may see: a bidder its own; a commissioner its tenders' bids once opened; an auditor all. Envelopes only." })
  list(@Query() query: ListBidsQuery, @Actor() actor: Identity): BidEnvelope[] {
    const bids = query.tenderId ? this.book.forTender(query.tenderId) : this.book.all();
    return this.access.list(bids, actor);
  }

  @Get(':id')
  @Roles('bidder', 'commissioner', 'evaluator', 'auditor')
  @ApiOperation({ summary: 'One bid: the envelope (never the sealed bytes), plus the content and nonce once opened, for those allowed to read it.' })
  @ApiForbiddenResponse({ description: 'BID_SEALED: the tender\'s commissioner asked before the bids were opened.' })
  @ApiNotFoundResponse({ description: 'BID_NOT_FOUND: no such bid, or not one you can see.' })
  find(@Param('id') id: string, @Actor() actor: Identity): BidView {
    const bid = this.book.get(id);
    if (!bid) throw noSuchBid(id);
    const read = this.access.read(bid, actor);
    if ('view' in read) return read.view;
    throw read.refused === 'sealed' ? sealedBid(id) : noSuchBid(id);
  }

  /** Someone else's bid answers as if it did not exist; a member that is not the lead meets the decider's BID_NOT_BIDDER. */
  private partyOnly(id: string, actor: Identity): void {
    const bid = this.book.get(id);
    if (bid && !BidAccess.isParty(bid, actor.organisationId)) throw noSuchBid(id);
  }
}
