import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ID_GENERATOR, handleCommand, refuse, type IdGenerator } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { organisationStreamId } from '../domain/ids';
import { organisationDecider } from '../domain/organisation/decider';
import { DecideOrganisation } from './messages';
import { OrganisationDirectory } from './organisation-directory';

@CommandHandler(DecideOrganisation)
export class DecideOrganisationHandler implements ICommandHandler<DecideOrganisation> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  execute({ command, context }: DecideOrganisation) {
    // Members live in other streams: the decider cannot see them, so they are checked here.
    const joining = command.type === 'RegisterOrganisation' ? (command.data.members ?? []) : (command.data.joined ?? []);
    for (const member of joining) {
      const found = this.directory.get(member);
      if (!found) refuse('ORGANISATION_MEMBER_UNKNOWN', `The member ${member} is not a registered organisation.`, { member });
      if (found && found.kind !== 'practice') refuse('ORGANISATION_MEMBER_NOT_PRACTICE', `The member ${found.name} is a ${found.kind}, not a practice: federations and networks are made of practices.`, { member });
    }
    return handleCommand(this.store, organisationStreamId(command.data.organisationId), organisationDecider, command, context, { ids: this.ids });
  }
}
