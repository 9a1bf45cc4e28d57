/**
 * Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql), the peer a TypeScript
 * team would pick instead. Loaded only in its own child process: its driver layer (dumbo)
 * installs process-wide `pg` type parsers for json/jsonb, which must not touch the other systems.
 */
import { dumbo } from '@event-driven-io/dumbo';
import { Client } from 'pg';
import type { AnyEvent } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, readMessagesBatch, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import type { BenchAdapter } from './adapters';
import type { BenchEvent } from './fixtures';

type DumboPool = ReturnType<typeof dumbo>;

export class EmmettAdapter implements BenchAdapter {
  readonly name = 'emmett';
  readonly readNote =
    'Emmett has no global read on its store object; read with its exported readMessagesBatch(execute, { after, batchSize: 1000 }), ' +
    'the call its own consumer (postgreSQLEventStoreMessageBatchPuller) loops on, minus the consumer\'s sleeps between batches';
  private pool!: DumboPool;
  private store!: PostgresEventStore;

  constructor(private readonly url: string) {}

  async open(): Promise<void> {
    // Our own dumbo pool (a pg.Pool, default max 10) handed to the store, so the replay can use
    // the same pool's executor for readMessagesBatch.
    this.pool = dumbo({ connectionString: this.url });
    this.store = getPostgreSQLEventStore(this.url, { connectionOptions: { dumbo: this.pool } as never });
    await this.store.schema.migrate();
  }

  async append(streamId: string, events: readonly BenchEvent[], expectedVersion: number): Promise<void> {
    // The same information as our row: the event id as Emmett's messageId, the envelope fields in its metadata.
    const messages = events.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: {
        messageId: e.eventId,
        schemaVersion: e.schemaVersion ?? 1,
        occurredAt: e.occurredAt,
        actor: e.actor,
        correlationId: e.correlationId,
        causationId: e.causationId ?? null,
      },
    })) as unknown as AnyEvent[];
    await this.store.appendToStream(streamId, messages, { expectedStreamVersion: BigInt(expectedVersion) });
  }

  async replay(limit: number, pageSize: number, touch: (data: unknown) => void): Promise<number> {
    let after = 0n;
    let n = 0;
    while (n < limit) {
      const batch = await readMessagesBatch(this.pool.execute, { after, batchSize: Math.min(pageSize, limit - n) });
      for (const message of batch.messages) touch(message.data);
      n += batch.messages.length;
      if (batch.messages.length === 0) break;
      after = batch.currentGlobalPosition;
    }
    return n;
  }

  async settle(): Promise<void> {
    await this.rawQuery('vacuum analyze emt_messages');
    await this.rawQuery('vacuum analyze emt_streams');
  }

  async count(): Promise<number> {
    const rows = await this.rawQuery('select count(*)::int as n from emt_messages');
    return Number((rows[0] as { n: number }).n);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private async rawQuery(sql: string): Promise<unknown[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
}
