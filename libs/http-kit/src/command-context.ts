import type { Request } from 'express';
import type { Clock, CommandContext } from '@tenderledger/domain-kit';

export type CommandRequest = Request & {
  actor?: { userId: string; role: string; organisationId: string };
  correlationId?: string;
};

/** Who, when and which conversation: what every event a request causes records. */
export function commandContext(request: CommandRequest, clock: Clock): CommandContext {
  if (!request.actor) throw new Error('a command needs an authenticated actor');
  return {
    actor: { userId: request.actor.userId, role: request.actor.role, organisationId: request.actor.organisationId },
    correlationId: request.correlationId ?? 'uncorrelated',
    causationId: null,
    now: clock.now(),
  };
}
