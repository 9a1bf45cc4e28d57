import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { ID_GENERATOR, type IdGenerator } from '@tenderledger/domain-kit';
import type { CommandRequest } from '@tenderledger/http-kit';
import { DecideAwardFromEvaluation, DecideOnAward } from '../application/messages';
import { challengeId, lotId, organisationId, tenderId } from '../domain/ids';
import { ChallengeOutcomeDto, DecideAwardDto, LodgeChallengeDto } from './award.dto';
import { AwardAccess } from './award-access';
import { awardView, type AwardView, type ChallengeView } from './award-views';

const notABidder = (): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'AWARD_NOT_A_BIDDER', message: 'Only a bidder on this tender (for a consortium, its lead) may challenge its award.' });

/** DESIGN §9 `tenders/:id/award`: the decision, standstill, challenges and conclusion of a competitive award. */
@ApiTags('award')
@ApiBearerAuth()
@Controller('api/tenders/:id/award')
export class AwardController {
  constructor(
    @Inject(AwardAccess) private readonly access: AwardAccess,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('decision')
  @HttpCode(201)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: "Decide the award from the completed evaluation (ranking and recommended winner per lot) and publish the award notice; the tender's procedure profile sets the standstill." })
  @ApiCreatedResponse({ description: 'The decision, with each lot’s standstill and its end.' })
  @ApiConflictResponse({ description: 'AWARD_ALREADY_DECIDED, AWARD_EVALUATION_NOT_COMPLETED, AWARD_TENDER_CANCELLED' })
  @ApiUnprocessableEntityResponse({ description: 'AWARD_REASONS_REQUIRED, AWARD_DECISION_MAKERS_REQUIRED, AWARD_NO_COMPLIANT_BID, …' })
  @ApiForbiddenResponse({ description: 'AWARD_NOT_YOUR_TENDER' })
  async decide(@Param('id') id: string, @Body() body: DecideAwardDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<AwardView> {
    const acting = actor.role === 'commissioner' ? actor.organisationId : null;
    await this.access.send(request, (context) => new DecideAwardFromEvaluation({ tenderId: id, actingCommissionerId: acting, decisionMakers: body.decisionMakers, reasons: body.reasons }, context));
    return awardView(actor, this.access.award(id));
  }

  @Get()
  @ApiOperation({ summary: 'The award decision. A bidder sees only its own assessment summary (and its own challenges); the commissioner and auditors see everything.' })
  @ApiOkResponse({ description: 'The decision as this caller may see it.' })
  @ApiNotFoundResponse({ description: 'AWARD_NOT_DECIDED' })
  find(@Param('id') id: string, @Actor() actor: Identity): AwardView {
    return awardView(actor, this.access.award(id));
  }

  @Post('challenges')
  @HttpCode(201)
  @Roles('bidder')
  @ApiOperation({ summary: "A bidder's representation or challenge during standstill, with grounds: it suspends conclusion of the awards it is against until an outcome is recorded." })
  @ApiCreatedResponse({ description: 'The challenge as recorded, with the awards it is against.' })
  @ApiConflictResponse({ description: 'STANDSTILL_OVER, CHALLENGE_ALREADY_EXISTS' })
  @ApiForbiddenResponse({ description: 'AWARD_NOT_A_BIDDER' })
  async challenge(@Param('id') id: string, @Body() body: LodgeChallengeDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ChallengeView> {
    const { award } = this.access.award(id);
    const bidders = new Set(Object.values(award.lots).flatMap((lot) => lot.ranking.map((bid) => bid.bidderId as string)));
    if (!bidders.has(actor.organisationId)) throw notABidder();
    const cid = challengeId(this.ids.next());
    await this.access.send(request, (context, now) =>
      new DecideOnAward(
        {
          type: 'RecordChallenge',
          data: { tenderId: tenderId(id), challengeId: cid, kind: body.kind, ...(body.lotId ? { lotId: lotId(body.lotId) } : {}), by: organisationId(actor.organisationId), grounds: body.grounds, now },
        },
        context,
      ),
    );
    const recorded = this.access.award(id).award.challenges[cid];
    if (!recorded) throw new Error(`challenge ${cid} missing from the award book after it was recorded`);
    return recorded;
  }

  @Post('challenges/:cid/outcome')
  @HttpCode(200)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: 'Record the outcome: upheld cancels the challenged award (it passes to the next-ranked compliant bid); dismissed lets it go ahead, under PSR after a further 5 working days.' })
  @ApiOkResponse({ description: 'The award after the outcome.' })
  @ApiConflictResponse({ description: 'CHALLENGE_ALREADY_DECIDED' })
  @ApiNotFoundResponse({ description: 'AWARD_NOT_DECIDED, CHALLENGE_NOT_FOUND' })
  async outcome(@Param('id') id: string, @Param('cid') cid: string, @Body() body: ChallengeOutcomeDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<AwardView> {
    const { award } = this.access.ownedAward(id, actor);
    await this.access.send(request, (context, now) =>
      new DecideOnAward(
        { type: 'RecordChallengeOutcome', data: { tenderId: tenderId(id), challengeId: challengeId(cid), commissionerId: award.commissionerId, outcome: body.outcome, reasons: body.reasons, now } },
        context,
      ),
    );
    return awardView(actor, this.access.award(id));
  }

  @Post('conclude')
  @HttpCode(200)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: 'Conclude the contracts whose standstill is over and that no open challenge suspends (the process manager does this on its own when the standstill ends).' })
  @ApiOkResponse({ description: 'The award after conclusion.' })
  @ApiConflictResponse({ description: 'STANDSTILL_NOT_OVER, AWARD_SUSPENDED_BY_CHALLENGE' })
  async conclude(@Param('id') id: string, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<AwardView> {
    this.access.ownedAward(id, actor);
    await this.access.send(request, (context, now) => new DecideOnAward({ type: 'ConcludeContract', data: { tenderId: tenderId(id), now } }, context));
    return awardView(actor, this.access.award(id));
  }
}
