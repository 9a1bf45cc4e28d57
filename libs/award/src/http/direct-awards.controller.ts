import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { ID_GENERATOR, type IdGenerator } from '@tenderledger/domain-kit';
import type { CommandRequest } from '@tenderledger/http-kit';
import { procedureProfile } from '@tenderledger/tendering';
import { DecideOnDirectAward } from '../application/messages';
import type { ChallengeRecord } from '../domain/challenges';
import type { DecideDirectAward } from '../domain/direct/commands';
import { challengeId, contractId, directAwardId, organisationId } from '../domain/ids';
import { ChallengeOutcomeDto, LodgeChallengeDto } from './award.dto';
import { AwardAccess } from './award-access';
import { DecideDirectAwardDto, ListDirectAwardsQuery } from './direct-award.dto';
import { directAwardView, type DirectAwardView } from './direct-award-views';

/** PSR direct awards A, B and C and most suitable provider: decisions without bids, recorded in full. */
@ApiTags('direct-awards')
@ApiBearerAuth()
@Controller('api/direct-awards')
export class DirectAwardsController {
  constructor(
    @Inject(AwardAccess) private readonly access: AwardAccess,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: "Decide a direct award (PSR A, B, C) or a most-suitable-provider award, with the key-criteria assessment, decision-makers, conflicts and reasons; the route's procedure profile sets the standstill." })
  @ApiCreatedResponse({ description: 'The decision as recorded, with its standstill (none for A and B).' })
  @ApiUnprocessableEntityResponse({ description: 'DIRECT_AWARD_C_MUST_KEEP_INCUMBENT, DIRECT_AWARD_INCUMBENT_REQUIRED, DIRECT_AWARD_KEY_CRITERIA_MISSING, DIRECT_AWARD_CONFLICT_INCOMPLETE, …' })
  @ApiConflictResponse({ description: 'DIRECT_AWARD_ALREADY_DECIDED' })
  async decide(@Body() body: DecideDirectAwardDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<DirectAwardView> {
    const commissionerId = actor.role === 'commissioner' ? actor.organisationId : body.commissionerId;
    if (!commissionerId)
      throw new BadRequestException({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'commissionerId: an admin names the commissioner it acts for', fields: [{ field: 'commissionerId', problems: ['required for an admin'] }] });
    const decisionId = directAwardId(body.decisionId ?? this.ids.next());
    const { incumbent, keyCriteriaAssessment, provider } = body;
    const data: Omit<DecideDirectAward['data'], 'now'> = {
      decisionId,
      commissionerId: organisationId(commissionerId),
      route: body.route,
      provider: { organisationId: organisationId(provider.organisationId), name: provider.name },
      ...(incumbent ? { incumbent: { organisationId: organisationId(incumbent.organisationId), contractId: contractId(incumbent.contractId) } } : {}),
      ...(keyCriteriaAssessment ? { keyCriteriaAssessment: { ...keyCriteriaAssessment } } : {}),
      decisionMakers: body.decisionMakers,
      conflicts: body.conflicts,
      reasons: body.reasons,
      contract: body.contract,
      // Procedures are data: the route's own profile carries its standstill rule (none for A and B).
      standstill: procedureProfile(body.route)?.standstill ?? null,
    };
    await this.access.send(request, (context, now) => new DecideOnDirectAward({ type: 'DecideDirectAward', data: { ...data, now } }, context));
    return directAwardView(actor, this.access.directAward(decisionId));
  }

  @Get()
  @ApiOperation({ summary: 'Direct award decisions, oldest first.' })
  list(@Query() query: ListDirectAwardsQuery, @Actor() actor: Identity): DirectAwardView[] {
    return this.access.directAwards.list(query).map((award) => directAwardView(actor, award));
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The decision; challenges are shown to the commissioner and auditors, and to a provider only its own.' })
  @ApiNotFoundResponse({ description: 'DIRECT_AWARD_NOT_FOUND' })
  find(@Param('id') id: string, @Actor() actor: Identity): DirectAwardView {
    return directAwardView(actor, this.access.directAward(id));
  }

  @Post(':id/challenges')
  @HttpCode(201)
  @Roles('bidder')
  @ApiOperation({ summary: "A provider's representation or challenge during the standstill: it suspends conclusion until its outcome is recorded." })
  @ApiConflictResponse({ description: 'STANDSTILL_OVER, DIRECT_AWARD_CANCELLED' })
  async challenge(@Param('id') id: string, @Body() body: LodgeChallengeDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ChallengeRecord<string>> {
    this.access.directAward(id);
    if (body.lotId !== undefined)
      throw new BadRequestException({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'lotId: a direct award has no lots', fields: [{ field: 'lotId', problems: ['a direct award has no lots'] }] });
    const cid = challengeId(this.ids.next());
    await this.access.send(request, (context, now) =>
      new DecideOnDirectAward(
        { type: 'RecordDirectAwardChallenge', data: { decisionId: directAwardId(id), challengeId: cid, kind: body.kind, by: organisationId(actor.organisationId), grounds: body.grounds, now } },
        context,
      ),
    );
    const recorded = this.access.directAward(id).challenges[cid];
    if (!recorded) throw new Error(`challenge ${cid} missing from the direct award book after it was recorded`);
    return recorded;
  }

  @Post(':id/challenges/:cid/outcome')
  @HttpCode(200)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: 'Record the outcome: upheld cancels the decision (a new one is needed); dismissed lets it go ahead after a further 5 working days.' })
  @ApiNotFoundResponse({ description: 'DIRECT_AWARD_NOT_FOUND, CHALLENGE_NOT_FOUND' })
  async outcome(@Param('id') id: string, @Param('cid') cid: string, @Body() body: ChallengeOutcomeDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<DirectAwardView> {
    const award = this.access.ownedDirectAward(id, actor);
    await this.access.send(request, (context, now) =>
      new DecideOnDirectAward(
        { type: 'RecordDirectAwardChallengeOutcome', data: { decisionId: award.decisionId, challengeId: challengeId(cid), commissionerId: award.commissionerId, outcome: body.outcome, reasons: body.reasons, now } },
        context,
      ),
    );
    return directAwardView(actor, this.access.directAward(id));
  }
}
