import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { AuditService, type AuditReplay, type AuditTrail, type DirectAwardAuditReplay, type DirectAwardAuditTrail } from './audit.service';
import type { VerificationReport } from './verification';

/** DESIGN §9 `audit/tenders/:id?asOf=`, `audit/direct-awards/:id?asOf=` and `audit/verify`: read-only, for auditors above all. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get('tenders/:id')
  @Roles('auditor', 'admin', 'commissioner')
  @ApiOperation({
    summary:
      'Every decision of one procurement in commit order, across its tender, bids, evaluation, award and register streams: who (user, role, organisation), when, what, why, linked by correlation ids. With asOf, also the tender, each bid’s public state, the evaluation and the award folded from the events as they stood then. Sealed content never appears; opened content only to auditors and the tender’s commissioner.',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'A global position (whole number) or an ISO 8601 timestamp compared with occurredAt.' })
  @ApiOkResponse({ description: '{ tenderId, asOf, timeline, correlations } and, with asOf, { tender, bids, evaluation, award }.' })
  @ApiBadRequestResponse({ description: 'AUDIT_AS_OF_INVALID' })
  @ApiForbiddenResponse({ description: 'AUDIT_NOT_YOUR_TENDER, ROLE_NOT_ALLOWED' })
  @ApiNotFoundResponse({ description: 'AUDIT_TENDER_NOT_FOUND' })
  trail(@Param('id') id: string, @Query('asOf') asOf: string | undefined, @Actor() actor: Identity): Promise<AuditTrail | AuditReplay> {
    return this.audit.trail(id, actor, asOf);
  }

  @Get('direct-awards/:id')
  @Roles('auditor', 'admin', 'commissioner')
  @ApiOperation({
    summary:
      'Every decision of one PSR direct award (A, B, C) or most-suitable-provider award in commit order: the decision with its key-criteria assessment, decision-makers, conflicts and reasons, the challenges and their outcomes, the conclusion and the register events it caused; who, when, why, linked by correlation ids. With asOf, also the decision folded from the events as they stood then (null before it was taken).',
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'A global position (whole number) or an ISO 8601 timestamp compared with occurredAt.' })
  @ApiOkResponse({ description: '{ decisionId, asOf, timeline, correlations } and, with asOf, { directAward }.' })
  @ApiBadRequestResponse({ description: 'AUDIT_AS_OF_INVALID' })
  @ApiForbiddenResponse({ description: 'AUDIT_NOT_YOUR_DIRECT_AWARD, ROLE_NOT_ALLOWED' })
  @ApiNotFoundResponse({ description: 'AUDIT_DIRECT_AWARD_NOT_FOUND' })
  directAward(@Param('id') id: string, @Query('asOf') asOf: string | undefined, @Actor() actor: Identity): Promise<DirectAwardAuditTrail | DirectAwardAuditReplay> {
    return this.audit.directAwardTrail(id, actor, asOf);
  }

  @Get('verify')
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: "Recomputes every stream's hash chain and every opened bid's commitment, naming the first event of each stream that does not match." })
  @ApiOkResponse({ description: '{ ok, streams, events, eventsPerSecond, breaks, commitmentMismatches }' })
  @ApiForbiddenResponse({ description: 'ROLE_NOT_ALLOWED' })
  verify(): Promise<VerificationReport> {
    return this.audit.verify();
  }
}
