import { Logger } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { firstValueFrom, timeout } from 'rxjs';
import type { DistributionConfig } from './distribution-config';
import { CONTEXT_SERVICES, commandsTopic, repliesTopic, type ContextService } from './topology';
import { fromWireError, decode, toWireCommand, type WireReply } from './wire';

/**
 * Sends commands to the services that own them: Kafka request–reply through Nest's ClientKafka.
 *
 * Scaling out: ClientKafka's reply-partition assigner shares a reply topic's partitions among the
 * members of the caller's consumer group, so a second instance of a caller in the same group gets no
 * reply partition ("Could not find reply partition") or steals the first one's replies. Each caller
 * instance therefore has its own group: it reads the (one-partition) reply topic whole and keeps
 * the replies whose correlation id it knows; the others' replies it ignores.
 */
export class CommandClient {
  private readonly logger = new Logger('CommandClient');
  private readonly client: ClientKafka;
  private connected = false;

  constructor(private readonly config: DistributionConfig) {
    this.client = new ClientKafka({
      client: { clientId: `${config.prefix}-${config.instanceId}`, brokers: config.brokers, retry: { retries: 8, initialRetryTime: 300 } },
      consumer: { groupId: `${config.prefix}-${config.instanceId}`, sessionTimeout: 10_000, heartbeatInterval: 1_000 },
      producer: { createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false },
      subscribe: { fromBeginning: false },
    });
    for (const service of CONTEXT_SERVICES) this.client.subscribeToResponseOf(commandsTopic(config.prefix, service));
  }

  async connect(): Promise<void> {
    await this.client.connect();
    // connect() resolves before the group join hands out the reply partitions; a send before that fails.
    const deadline = Date.now() + 60_000;
    const wanted = CONTEXT_SERVICES.map((s) => repliesTopic(this.config.prefix, s));
    while (!wanted.every((topic) => this.client.getConsumerAssignments()[topic] !== undefined)) {
      if (Date.now() > deadline) throw new Error(`no reply partitions assigned after 60 s (${wanted.join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.connected = true;
    this.logger.log(`command client ready (group ${this.config.prefix}-${this.config.instanceId})`);
  }

  get ready(): boolean {
    return this.connected;
  }

  /** Runs the command on its owner and returns its result, or throws the owner's error as the same class. */
  async send<Result>(owner: ContextService, command: object): Promise<Result> {
    const wire = toWireCommand(command);
    const reply = await firstValueFrom(this.client.send<WireReply>(commandsTopic(this.config.prefix, owner), wire).pipe(timeout(this.config.commandTimeoutMs))).catch((error: unknown) => {
      throw new Error(`${wire.type} to ${owner} (correlation ${wire.correlationId}) got no reply: ${(error as Error)?.message ?? String(error)}`);
    });
    if (!reply.ok) throw fromWireError(reply.error);
    return decode<Result>(reply.body);
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.client.close();
  }
}
