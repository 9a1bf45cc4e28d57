import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Identity } from '@tenderledger/auth';
import { CLOCK, notFound, PROJECTION_RUNNER, type Clock, type CommandResult } from '@tenderledger/domain-kit';
import { commandContext, type CommandRequest } from '@tenderledger/http-kit';
import type { ProjectionRunner } from '@tenderledger/projections';
import { DecideTender } from '../application/messages';
import { TenderCatalogue, type CatalogueEntry } from '../application/tender-catalogue';
import type { TenderCommand } from '../domain/commands';
import type { TenderEvent } from '../domain/events';
import { organisationId, type OrganisationId } from '../domain/ids';
import type { TenderState } from '../domain/state';
import { isVisibleTo } from './tender-views';

export const notYours = (): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, code: 'TENDER_NOT_YOURS', message: 'A commissioner acts only on the tenders it drafted.' });

/** The controllers' shared steps: find a tender the actor may see or act on, decide, wait for the read model. */
@Injectable()
export class TenderAccess {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(TenderCatalogue) readonly catalogue: TenderCatalogue,
  ) {}

  /** 404 for a tender that does not exist or that this actor may not see (other commissioners' drafts). */
  visible(id: string, actor: Identity): CatalogueEntry {
    const entry = this.catalogue.get(id);
    if (!entry || !isVisibleTo(actor, entry)) return notFound('TENDER_NOT_FOUND', `There is no tender ${id} you can see.`, { tenderId: id });
    return entry;
  }

  /**
   * A commissioner acts only on its own tenders; an admin acts on behalf of the tender's commissioner.
   * Returns the commissioner id the decider should hear.
   */
  owned(id: string, actor: Identity): { entry: CatalogueEntry; commissionerId: OrganisationId } {
    const entry = this.catalogue.get(id);
    if (!entry) return notFound('TENDER_NOT_FOUND', `There is no tender ${id}.`, { tenderId: id });
    if (actor.role === 'commissioner' && actor.organisationId !== entry.tender.commissionerId) throw notYours();
    return { entry, commissionerId: organisationId(entry.tender.commissionerId) };
  }

  /** Decides with the clock's `now` and returns once the catalogue shows the result (read-your-writes). */
  async decide(request: CommandRequest, command: (now: string) => TenderCommand): Promise<CommandResult<TenderState, TenderEvent>> {
    const context = commandContext(request, this.clock);
    const result = await this.commands.execute(new DecideTender(command(context.now.toISOString()), context));
    await this.readModels.waitFor(result.lastPosition);
    return result;
  }

  /** The catalogue entry after a command (it exists: the command just succeeded on it). */
  entry(id: string): CatalogueEntry {
    return this.catalogue.get(id) ?? notFound('TENDER_NOT_FOUND', `There is no tender ${id}.`, { tenderId: id });
  }
}
