import type { CommandBus } from '@nestjs/cqrs';
import type { CommandClient } from './command-client';
import { COMMAND_OWNERS, type ContextService } from './topology';

/**
 * Makes the one CommandBus every controller and process manager already uses route by owner:
 * a command whose owning service is this process runs on its local handler, as in the platform;
 * any other goes to its owner over Kafka. The contexts' code does not change between shapes.
 * (The CqrsModule's bus instance is wrapped rather than replaced: every module injects that instance.)
 */
export function routeCommands(bus: CommandBus, owned: ReadonlySet<ContextService>, client: CommandClient): void {
  const local = bus.execute.bind(bus) as (command: object, context?: unknown) => Promise<unknown>;
  const routed = (command: object, context?: unknown): Promise<unknown> => {
    const owner = COMMAND_OWNERS[command.constructor.name];
    if (!owner || owned.has(owner)) return local(command, context);
    return client.send(owner, command);
  };
  (bus as unknown as { execute: typeof routed }).execute = routed;
}
