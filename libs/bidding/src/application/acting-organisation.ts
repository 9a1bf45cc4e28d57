import type { CommandContext } from '@tenderledger/domain-kit';
import { asOrganisationId, type OrganisationId } from '../domain';

/** The organisation the caller acts for; the decider checks it is the bidder (or the consortium's lead). */
export const actingFor = (context: CommandContext): OrganisationId => asOrganisationId(context.actor.organisationId ?? '');
