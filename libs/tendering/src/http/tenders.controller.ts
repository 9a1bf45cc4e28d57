import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { ID_GENERATOR, type IdGenerator } from '@tenderledger/domain-kit';
import type { CommandRequest } from '@tenderledger/http-kit';
import { organisationId, tenderId } from '../domain/ids';
import { AmendDraftDto, DraftTenderDto } from './draft.dto';
import { badField, toDraftChanges, toDraftTerms } from './draft.mapping';
import { ListTendersQuery } from './open-tender.dto';
import { notYours, TenderAccess } from './tender-access';
import { isVisibleTo, tenderView, type TenderView } from './tender-views';

@ApiTags('tenders')
@ApiBearerAuth()
@Controller('api/tenders')
export class TendersController {
  constructor(
    @Inject(TenderAccess) private readonly access: TenderAccess,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: 'Draft a tender: services, population, value (pence), term, criteria (basis points; default the five PSR key criteria), timeline.' })
  @ApiCreatedResponse({ description: 'The draft as the catalogue now shows it.' })
  @ApiForbiddenResponse({ description: 'TENDER_NOT_YOURS: a commissioner drafts only for its own organisation.' })
  @ApiUnprocessableEntityResponse({ description: 'e.g. TENDER_DEADLINES_OUT_OF_ORDER, TENDER_REPLACED_CONTRACT_UNKNOWN, TENDER_REPLACED_CONTRACT_NOT_YOURS.' })
  @ApiConflictResponse({ description: 'TENDER_ALREADY_EXISTS' })
  async draft(@Body() body: DraftTenderDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const commissioner = body.commissionerId ?? (actor.role === 'commissioner' ? actor.organisationId : undefined);
    if (commissioner === undefined) throw badField('commissionerId', 'an admin names the commissioner the tender is drafted for');
    if (actor.role === 'commissioner' && commissioner !== actor.organisationId) throw notYours();
    const id = tenderId(body.tenderId ?? this.ids.next());
    await this.access.decide(request, () => ({ type: 'DraftTender', data: { ...toDraftTerms(body), tenderId: id, commissionerId: organisationId(commissioner) } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Patch(':id')
  @Roles('commissioner', 'admin')
  @ApiOperation({ summary: 'Amend a draft: any term; changing the services clears the lots drawn from them.' })
  @ApiOkResponse({ description: 'The amended draft.' })
  @ApiConflictResponse({ description: 'TENDER_NOT_DRAFT: once published, use /amendments with a reason.' })
  async amend(@Param('id') id: string, @Body() body: AmendDraftDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<TenderView> {
    const { commissionerId } = this.access.owned(id, actor);
    await this.access.decide(request, () => ({ type: 'AmendDraft', data: { tenderId: tenderId(id), commissionerId, changes: toDraftChanges(body) } }));
    return tenderView(actor, this.access.entry(id));
  }

  @Get()
  @ApiOperation({ summary: 'Tender notices: published tenders for everyone; drafts only for their commissioner, admins and auditors.' })
  @ApiOkResponse({ description: 'Tenders the caller may see, by title.' })
  list(@Query() query: ListTendersQuery, @Actor() actor: Identity): TenderView[] {
    return this.access.catalogue
      .list(query)
      .filter((entry) => isVisibleTo(actor, entry))
      .map((entry) => tenderView(actor, entry));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One tender: the public notice, or the full record for its commissioner, admins and auditors.' })
  @ApiNotFoundResponse({ description: 'TENDER_NOT_FOUND (also for a draft you may not see).' })
  find(@Param('id') id: string, @Actor() actor: Identity): TenderView {
    return tenderView(actor, this.access.visible(id, actor));
  }
}
