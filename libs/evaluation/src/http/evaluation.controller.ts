import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import type { CommandRequest } from '@tenderledger/http-kit';
import { asBidId, asCriterionId, asEvaluatorId, asOrganisationId, asTenderId } from '../domain';
import { DEFAULT_EVALUATION_SETTINGS, type EvaluationSettings } from '../application/evaluation-settings';
import { EvaluationAccess } from './evaluation-access';
import { evaluationView, type EvaluationView } from './evaluation-views';
import { AppointPanelDto, AssignBidsDto, ComplianceCheckDto, DeclarationDto, ModerateScoreDto, OpenEvaluationDto, SubmitScoresDto } from './evaluation.dto';

/** Evaluation commands (DESIGN §9): the commissioner runs the evaluation; panel evaluators declare and score. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('api/tenders/:id/evaluation')
export class EvaluationController {
  constructor(@Inject(EvaluationAccess) private readonly access: EvaluationAccess) {}

  @Post()
  @HttpCode(201)
  @Roles('commissioner')
  @ApiOperation({ summary: 'Open the evaluation once submissions closed and bids are opened; states the scoring scale, price formula, tie-break, abnormally-low threshold and award rule.' })
  @ApiCreatedResponse({ description: 'The evaluation as opened: the tender’s criteria and lots, the rules stated, the opened bids.' })
  @ApiConflictResponse({ description: 'EVALUATION_SUBMISSIONS_NOT_CLOSED, EVALUATION_BIDS_NOT_OPENED, EVALUATION_ALREADY_OPEN' })
  @ApiUnprocessableEntityResponse({ description: 'EVALUATION_FACTS_INVALID, EVALUATION_NO_BIDS' })
  @ApiForbiddenResponse({ description: 'EVALUATION_NOT_YOURS, ROLE_NOT_ALLOWED' })
  async open(@Param('id') id: string, @Body() body: OpenEvaluationDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const commissionerId = await this.access.commissioner(id, actor);
    return evaluationView(await this.access.open(request, id, commissionerId, settingsOf(body)), actor);
  }

  @Post('panel')
  @HttpCode(201)
  @Roles('commissioner')
  @ApiOperation({ summary: 'Appoint evaluators (user ids) to the panel; nobody working for a party to a bid may sit on it.' })
  @ApiUnprocessableEntityResponse({ description: 'PANEL_INVALID, PANEL_MEMBER_FROM_BIDDER' })
  @ApiConflictResponse({ description: 'EVALUATOR_ALREADY_ON_PANEL, EVALUATION_NOT_OPEN, EVALUATION_COMPLETED' })
  async appoint(@Param('id') id: string, @Body() body: AppointPanelDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const commissionerId = await this.access.commissioner(id, actor);
    const evaluators = body.evaluators.map((m) => ({ ...m, evaluatorId: asEvaluatorId(m.evaluatorId), organisationId: asOrganisationId(m.organisationId) }));
    const evaluation = await this.access.decide(request, (now) => ({ type: 'AppointPanel', data: { tenderId: asTenderId(id), commissionerId, evaluators, now } }));
    return evaluationView(evaluation, actor);
  }

  @Post('conflicts')
  @HttpCode(201)
  @Roles('evaluator')
  @ApiOperation({ summary: 'As a panel evaluator, declare a conflict of interest with an organisation, or `{ "none": true }`; required before assignment and scoring.' })
  @ApiUnprocessableEntityResponse({ description: 'EVALUATOR_NOT_ON_PANEL, CONFLICT_NATURE_MISSING' })
  @ApiConflictResponse({ description: 'CONFLICT_DECLARED_AFTER_SCORING' })
  async declare(@Param('id') id: string, @Body() body: DeclarationDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const tenderId = asTenderId(id);
    const evaluatorId = asEvaluatorId(actor.userId);
    const evaluation = await this.access.decide(request, (now) =>
      body.none === true
        ? { type: 'DeclareNoConflicts', data: { tenderId, evaluatorId, now } }
        : { type: 'DeclareConflict', data: { tenderId, evaluatorId, organisationId: asOrganisationId(body.organisationId ?? ''), nature: body.nature ?? '', now } },
    );
    return evaluationView(evaluation, actor);
  }

  @Post('assignments')
  @HttpCode(201)
  @Roles('commissioner')
  @ApiOperation({ summary: 'Assign bids to a panel evaluator who has declared; never a bid any party to which they are conflicted with.' })
  @ApiUnprocessableEntityResponse({ description: 'EVALUATION_ASSIGNMENT_CONFLICT, EVALUATOR_NOT_ON_PANEL, ASSIGNMENT_EMPTY' })
  @ApiConflictResponse({ description: 'EVALUATOR_DECLARATION_MISSING, ASSIGNMENT_AFTER_MODERATION' })
  async assign(@Param('id') id: string, @Body() body: AssignBidsDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const commissionerId = await this.access.commissioner(id, actor);
    const evaluation = await this.access.decide(request, (now) => ({
      type: 'AssignBids',
      data: { tenderId: asTenderId(id), commissionerId, evaluatorId: asEvaluatorId(body.evaluatorId), bidIds: body.bidIds.map(asBidId), now },
    }));
    return evaluationView(evaluation, actor);
  }

  @Post('scores')
  @HttpCode(201)
  @Roles('evaluator')
  @ApiOperation({ summary: 'As a panel evaluator, score an assigned bid on every quality criterion, each with a justification; once per bid.' })
  @ApiUnprocessableEntityResponse({ description: 'EVALUATOR_NOT_ON_PANEL, BID_NOT_ASSIGNED, EVALUATION_ASSIGNMENT_CONFLICT, SCORE_OUT_OF_SCALE, SCORE_JUSTIFICATION_MISSING, SCORE_CRITERION_MISSING, PRICE_IS_COMPUTED' })
  @ApiConflictResponse({ description: 'SCORES_ALREADY_SUBMITTED, EVALUATOR_DECLARATION_MISSING' })
  async score(@Param('id') id: string, @Body() body: SubmitScoresDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const scores = body.scores.map((s) => ({ criterionId: asCriterionId(s.criterionId), score: s.score, justification: s.justification }));
    const evaluation = await this.access.decide(request, (now) => ({
      type: 'SubmitScores',
      data: { tenderId: asTenderId(id), evaluatorId: asEvaluatorId(actor.userId), bidId: asBidId(body.bidId), scores, now },
    }));
    return evaluationView(evaluation, actor);
  }

  @Post('moderation')
  @HttpCode(201)
  @Roles('commissioner')
  @ApiOperation({ summary: 'Record the panel’s consensus score and rationale for one bid and criterion, once every assigned evaluator has scored it.' })
  @ApiUnprocessableEntityResponse({ description: 'SCORE_OUT_OF_SCALE, MODERATION_RATIONALE_MISSING, PRICE_IS_COMPUTED' })
  @ApiConflictResponse({ description: 'MODERATION_BEFORE_ALL_SCORES' })
  async moderate(@Param('id') id: string, @Body() body: ModerateScoreDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const commissionerId = await this.access.commissioner(id, actor);
    const evaluation = await this.access.decide(request, (now) => ({
      type: 'ModerateScore',
      data: { tenderId: asTenderId(id), commissionerId, bidId: asBidId(body.bidId), criterionId: asCriterionId(body.criterionId), consensusScore: body.consensusScore, rationale: body.rationale, now },
    }));
    return evaluationView(evaluation, actor);
  }

  @Post('compliance')
  @HttpCode(201)
  @Roles('commissioner')
  @ApiOperation({ summary: 'Record a compliance check (mandatory requirements, exclusion grounds) for a bid; a failed bid is not ranked.' })
  @ApiUnprocessableEntityResponse({ description: 'COMPLIANCE_REASON_MISSING' })
  async compliance(@Param('id') id: string, @Body() body: ComplianceCheckDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const commissionerId = await this.access.commissioner(id, actor);
    const evaluation = await this.access.decide(request, (now) => ({
      type: 'RecordComplianceCheck',
      data: { tenderId: asTenderId(id), commissionerId, bidId: asBidId(body.bidId), passed: body.passed, reason: body.reason, now },
    }));
    return evaluationView(evaluation, actor);
  }

  @Post('complete')
  @HttpCode(200)
  @Roles('commissioner')
  @ApiOperation({ summary: 'Complete: records the ranking per lot and the lot award recommendation (lot limit, award rule) with an explanation per lot.' })
  @ApiOkResponse({ description: 'The completed evaluation with its ranking and recommendation.' })
  @ApiConflictResponse({ description: 'EVALUATION_INCOMPLETE, EVALUATION_COMPLETED' })
  async complete(@Param('id') id: string, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<EvaluationView> {
    const commissionerId = await this.access.commissioner(id, actor);
    const evaluation = await this.access.decide(request, (now) => ({ type: 'CompleteEvaluation', data: { tenderId: asTenderId(id), commissionerId, now } }));
    return evaluationView(evaluation, actor);
  }
}

const settingsOf = (body: OpenEvaluationDto): EvaluationSettings => ({
  scoringScale: { step: body.scoringScaleStep ?? DEFAULT_EVALUATION_SETTINGS.scoringScale.step },
  priceFormula: body.priceFormula ?? DEFAULT_EVALUATION_SETTINGS.priceFormula,
  tieBreakRule: body.tieBreakRule ?? DEFAULT_EVALUATION_SETTINGS.tieBreakRule,
  abnormallyLowThresholdBasisPoints: body.abnormallyLowThresholdBasisPoints ?? DEFAULT_EVALUATION_SETTINGS.abnormallyLowThresholdBasisPoints,
  awardRule: body.awardRule ?? DEFAULT_EVALUATION_SETTINGS.awardRule,
});
