import { Body, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { CLOCK, ID_GENERATOR, PROJECTION_RUNNER, type Clock, type IdGenerator } from '@tenderledger/domain-kit';
import { commandContext, type CommandRequest } from '@tenderledger/http-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import type { ContractCommand } from '../domain/contract/commands';
import type { IsoDate } from '../domain/calendar';
import { contractId as asContractId, organisationId } from '../domain/ids';
import { ContractRegister, type ContractView } from '../application/contract-register';
import { DecideContract, ImportContractRegister, type ContractImportResult } from '../application/messages';
import { BuyOutContractDto, ExtendContractDto, ListContractsQuery, MarkForReprocurementDto, RegisterContractDto, RenewContractDto, TerminateContractDto } from './contract.dto';

const notYours = (): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'CONTRACT_NOT_YOURS', message: 'A commissioner manages only the contracts it commissions.' });

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('api/contracts')
export class ContractsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(ContractRegister) private readonly register: ContractRegister,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'Register an existing contract (GMS, PMS, APMS, outcomes-based) on the register.' })
  @ApiCreatedResponse({ description: 'The contract as the register now shows it.' })
  async registerContract(@Body() body: RegisterContractDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractView> {
    if (actor.role === 'commissioner' && body.commissionerId !== actor.organisationId) throw notYours();
    const id = body.contractId ?? this.ids.next();
    const context = commandContext(request, this.clock);
    const { contractId: _ignored, ...terms } = body;
    await this.decide(
      {
        type: 'RegisterContract',
        data: { ...terms, contractId: asContractId(id), holderId: organisationId(body.holderId), commissionerId: organisationId(body.commissionerId), startDate: body.startDate as IsoDate, endDate: body.endDate as IsoDate, now: context.now.toISOString() },
      },
      request,
    );
    return this.find(id);
  }

  @Post('import')
  @HttpCode(201)
  @Roles('admin', 'commissioner')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'CSV with header: reference, contract_type, holder_id (or holder_ods_code), commissioner_id, region, list_size, annual_value (pounds), start_date, end_date, services (semicolon-separated).',
    schema: { type: 'string', example: 'reference,contract_type,holder_id,commissioner_id,region,list_size,annual_value,start_date,end_date,services\nGMS-A81001,GMS,org-riverside,org-icb-north,North East and Yorkshire,8400,1250000.00,2021-04-01,2027-03-31,core;extended access\n' },
  })
  @ApiOperation({ summary: 'Import a contract register from CSV: all rows or none, with a per-row error report.' })
  @ApiUnprocessableEntityResponse({ description: 'CONTRACT_IMPORT_REFUSED with details.errors: [{line, column?, code, message}]' })
  async importCsv(@Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractImportResult> {
    if (typeof body !== 'string' || !/^text\/(csv|plain)/.test(contentType ?? '')) {
      throw new UnsupportedMediaTypeException({ statusCode: 415, code: 'CSV_EXPECTED', message: 'Send the register as text/csv.' });
    }
    const result = await this.commands.execute(new ImportContractRegister(body, commandContext(request, this.clock), actor.role === 'commissioner' ? actor.organisationId : null));
    await this.readModels.waitFor(result.lastPosition);
    return result;
  }

  @Get()
  @ApiOperation({ summary: 'The contract register.' })
  list(@Query() query: ListContractsQuery): ContractView[] {
    return this.register.list(query);
  }

  @Get(':id')
  find(@Param('id') id: string): ContractView {
    const found = this.register.get(id);
    if (!found) throw new NotFoundException({ statusCode: 404, code: 'CONTRACT_NOT_FOUND', message: `There is no contract ${id} on the register.` });
    return found;
  }

  @Post(':id/reprocurement')
  @HttpCode(200)
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'Mark the contract for re-procurement.' })
  async markForReprocurement(@Param('id') id: string, @Body() body: MarkForReprocurementDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractView> {
    this.ownedBy(id, actor);
    return this.lifecycle(id, request, (now) => ({ type: 'MarkForReprocurement', data: { contractId: asContractId(id), reason: body.reason, tenderId: body.tenderId, now } }));
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'Extend the contract to a later end date.' })
  async extend(@Param('id') id: string, @Body() body: ExtendContractDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractView> {
    this.ownedBy(id, actor);
    return this.lifecycle(id, request, (now) => ({ type: 'ExtendContract', data: { contractId: asContractId(id), newEndDate: body.newEndDate as IsoDate, reason: body.reason, now } }));
  }

  @Post(':id/renewal')
  @HttpCode(200)
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'Renew the contract without competition (recorded as such for the statistics).' })
  async renew(@Param('id') id: string, @Body() body: RenewContractDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractView> {
    this.ownedBy(id, actor);
    return this.lifecycle(id, request, (now) => ({
      type: 'RenewWithoutCompetition',
      data: { contractId: asContractId(id), newEndDate: body.newEndDate as IsoDate, reason: body.reason, route: body.route, annualValuePence: body.annualValuePence, now },
    }));
  }

  @Post(':id/termination')
  @HttpCode(200)
  @Roles('admin', 'commissioner')
  async terminate(@Param('id') id: string, @Body() body: TerminateContractDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractView> {
    this.ownedBy(id, actor);
    return this.lifecycle(id, request, (now) => ({ type: 'TerminateContract', data: { contractId: asContractId(id), effectiveDate: body.effectiveDate as IsoDate, reason: body.reason, now } }));
  }

  @Post(':id/buy-out')
  @HttpCode(200)
  @Roles('admin', 'commissioner')
  @ApiOperation({ summary: 'Buy the contract out (e.g. from the central buy-out fund proposed by the Hewitt review).' })
  async buyOut(@Param('id') id: string, @Body() body: BuyOutContractDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<ContractView> {
    this.ownedBy(id, actor);
    return this.lifecycle(id, request, (now) => ({
      type: 'BuyOutContract',
      data: { contractId: asContractId(id), effectiveDate: body.effectiveDate as IsoDate, amountPence: body.amountPence, fund: body.fund, reason: body.reason, now },
    }));
  }

  private ownedBy(id: string, actor: Identity): void {
    const contract = this.register.get(id);
    if (contract && actor.role === 'commissioner' && contract.commissionerId !== actor.organisationId) throw notYours();
  }

  private async lifecycle(id: string, request: CommandRequest, command: (now: string) => ContractCommand): Promise<ContractView> {
    await this.decide(command(this.clock.now().toISOString()), request);
    return this.find(id);
  }

  private async decide(command: ContractCommand, request: CommandRequest): Promise<void> {
    const context = commandContext(request, this.clock);
    const result = await this.commands.execute(new DecideContract(command, context));
    await this.readModels.waitFor(result.lastPosition);
  }
}
