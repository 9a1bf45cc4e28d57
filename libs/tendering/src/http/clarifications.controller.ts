import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { ID_GENERATOR, type IdGenerator } from '@tenderledger/domain-kit';
import type { CommandRequest } from '@tenderledger/http-kit';
import { clarificationId, organisationId, tenderId } from '../domain/ids';
import { AnswerClarificationDto, AskClarificationDto } from './open-tender.dto';
import { TenderAccess } from './tender-access';
import { clarificationsView, type ClarificationView } from './tender-views';

/** Bidders ask, the tender's commissioner answers, everyone reads the answers; askers stay anonymous. */
@ApiTags('clarifications')
@ApiBearerAuth()
@Controller('api/tenders/:id/clarifications')
export class ClarificationsController {
  constructor(
    @Inject(TenderAccess) private readonly access: TenderAccess,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('bidder')
  @ApiOperation({ summary: 'Ask a clarification question before the clarification deadline. Other bidders never learn who asked.' })
  @ApiCreatedResponse({ description: 'The question, flagged as yours.' })
  @ApiConflictResponse({ description: 'CLARIFICATION_DEADLINE_PASSED, TENDER_NOT_PUBLISHED' })
  async ask(@Param('id') id: string, @Body() body: AskClarificationDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ClarificationView> {
    this.access.visible(id, actor);
    const cid = clarificationId(this.ids.next());
    await this.access.decide(request, (now) => ({
      type: 'AskClarification',
      data: { tenderId: tenderId(id), clarificationId: cid, askedBy: organisationId(actor.organisationId), question: body.question, now },
    }));
    return this.one(id, cid, actor);
  }

  @Post(':cid/answer')
  @HttpCode(200)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: 'Answer a clarification; optionally publish the question reworded to remove identifying detail.' })
  @ApiOkResponse({ description: 'The clarification as the commissioner sees it.' })
  @ApiConflictResponse({ description: 'CLARIFICATION_ALREADY_ANSWERED, TENDER_SUBMISSION_DEADLINE_PASSED' })
  async answer(@Param('id') id: string, @Param('cid') cid: string, @Body() body: AnswerClarificationDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ClarificationView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, (now) => ({
      type: 'AnswerClarification',
      data: { tenderId: tenderId(id), clarificationId: clarificationId(cid), commissionerId, answer: body.answer, ...(body.publishedQuestion ? { publishedQuestion: body.publishedQuestion } : {}), now },
    }));
    return this.one(id, cid, actor);
  }

  @Get()
  @ApiOperation({ summary: 'The clarification log: answered questions as published, for everyone; your own questions flagged "yours"; askers only for auditors.' })
  list(@Param('id') id: string, @Actor() actor: Identity): ClarificationView[] {
    return clarificationsView(actor, this.access.visible(id, actor));
  }

  private one(id: string, cid: string, actor: Identity): ClarificationView {
    const found = clarificationsView(actor, this.access.entry(id)).find((c) => c.clarificationId === cid);
    if (!found) throw new Error(`clarification ${cid} missing from the catalogue after it was decided`);
    return found;
  }
}
