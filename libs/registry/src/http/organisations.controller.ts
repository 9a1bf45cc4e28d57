import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, Roles, type Identity } from '@tenderledger/auth';
import { CLOCK, ID_GENERATOR, PROJECTION_RUNNER, type Clock, type IdGenerator } from '@tenderledger/domain-kit';
import { commandContext, type CommandRequest } from '@tenderledger/http-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { organisationId } from '../domain/ids';
import { DecideOrganisation } from '../application/messages';
import { OrganisationDirectory, type OrganisationView } from '../application/organisation-directory';
import { ChangeMembersDto, RegisterOrganisationDto } from './organisation.dto';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'commissioner', 'bidder')
  @ApiOperation({ summary: 'Register a commissioner, practice, federation or network (with member practices), or company.' })
  @ApiCreatedResponse({ description: 'Registered; the organisation as the directory now shows it.' })
  @ApiConflictResponse({ description: 'ORGANISATION_ALREADY_REGISTERED' })
  @ApiUnprocessableEntityResponse({ description: 'A rule refused it, e.g. ORGANISATION_FEDERATION_NEEDS_MEMBERS, ORGANISATION_MEMBER_UNKNOWN.' })
  async register(@Body() body: RegisterOrganisationDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<OrganisationView> {
    // A bidder speaks only for its own organisation; commissioners and admins register others.
    const id = body.organisationId ?? (actor.role === 'bidder' ? actor.organisationId : this.ids.next());
    if (actor.role === 'bidder' && id !== actor.organisationId) {
      throw new ForbiddenException({ statusCode: 403, code: 'ORGANISATION_NOT_YOURS', message: 'A bidder may register only its own organisation (the organisation of its token).' });
    }
    const context = commandContext(request, this.clock);
    const result = await this.commands.execute(
      new DecideOrganisation(
        {
          type: 'RegisterOrganisation',
          data: {
            organisationId: organisationId(id),
            name: body.name,
            kind: body.kind,
            commissioner: body.commissioner,
            odsCode: body.odsCode,
            listSize: body.listSize,
            staff: body.staff,
            members: body.members?.map(organisationId),
            now: context.now.toISOString(),
          },
        },
        context,
      ),
    );
    await this.readModels.waitFor(result.lastPosition);
    return this.find(id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Roles('admin', 'commissioner', 'bidder')
  @ApiOperation({ summary: 'Practices join or leave a federation or network.' })
  async changeMembers(@Param('id') id: string, @Body() body: ChangeMembersDto, @Actor() actor: Identity, @Req() request: CommandRequest): Promise<OrganisationView> {
    if (actor.role === 'bidder' && id !== actor.organisationId) {
      throw new ForbiddenException({ statusCode: 403, code: 'ORGANISATION_NOT_YOURS', message: 'A federation or network changes only its own membership.' });
    }
    const context = commandContext(request, this.clock);
    const result = await this.commands.execute(
      new DecideOrganisation(
        { type: 'UpdateOrganisationMembers', data: { organisationId: organisationId(id), joined: body.joined?.map(organisationId), left: body.left?.map(organisationId), now: context.now.toISOString() } },
        context,
      ),
    );
    await this.readModels.waitFor(result.lastPosition);
    return this.find(id);
  }

  @Get()
  @ApiOperation({ summary: 'The organisation directory.' })
  @ApiQuery({ name: 'kind', required: false, enum: ['commissioner', 'practice', 'federation', 'network', 'company'] })
  list(@Query('kind') kind?: string): OrganisationView[] {
    return this.directory.list({ kind });
  }

  @Get(':id')
  find(@Param('id') id: string): OrganisationView {
    const found = this.directory.get(id);
    if (!found) throw new NotFoundException({ statusCode: 404, code: 'ORGANISATION_NOT_FOUND', message: `There is no registered organisation ${id}.` });
    return found;
  }
}
