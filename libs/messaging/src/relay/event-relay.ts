import type { EventStore, SqlExecutor } from '@tenderledger/event-store';
import type { EventPublisher } from '../event-publisher.port';
import { errorFields, pause, silentLogger, type MessagingLogger } from '../messaging-logger';
import { allTopics, DEFAULT_TOPIC_PREFIX, messageOf, type SerialisedEvent } from '../wire-format';
import { RelayCheckpoints } from './relay-checkpoints';
import { sqlRelayReader, storeRelayReader, type RelayReader } from './relay-readers';

/** What the relay reads: the store's gap-safe global order, and its database for the checkpoint. */
export type RelaySource = Pick<EventStore, 'readAll' | 'ping'> & { readonly executor: SqlExecutor };

export interface EventRelayOptions {
  /** Checkpoint row name; run one relay process per name. Default `relay`. */
  readonly name?: string;
  readonly topicPrefix?: string;
  /** Events per read and per sendBatch. Default 1000. */
  readonly pageSize?: number;
  /** How often to look for new events once caught up. Default 200 ms. */
  readonly pollIntervalMs?: number;
  /** For the topics the relay creates at start (existing topics are left alone). Default 3 and 1. */
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** First wait before reconnecting after a failure; doubles up to 30 s. Default 1 s. */
  readonly reconnectDelayMs?: number;
  /**
   * Who serialises the events: `process` (default) reads StoredEvents through store.readAll (the
   * port) and JSON.stringifies them here; `database` has PostgreSQL build each record's JSON in
   * the read query (sqlRelayReader). Same records either way; on the loaded bench machine neither
   * was faster (docs/PERFORMANCE.md, "Relay").
   */
  readonly serialiseIn?: 'database' | 'process';
  readonly logger?: MessagingLogger;
}

export type RelayState = 'idle' | 'connecting' | 'running' | 'reconnecting' | 'stopping' | 'stopped';

export interface RelayStatus {
  readonly name: string;
  readonly state: RelayState;
  /** Position of the last event the broker acknowledged and the checkpoint holds. */
  readonly position: number;
  /** Events published by this process (re-sends after a failure count again). */
  readonly published: number;
  readonly batches: number;
  readonly failures: number;
  readonly lastError: string | null;
}

export interface RelayProgress extends RelayStatus {
  /** Events committed after `position` and visible at the gap-safe horizon (bounded count). */
  readonly lagEvents: number;
  /** True when the count hit LAG_COUNT_BOUND and the backlog may be larger. */
  readonly lagEventsAtLeast: boolean;
}

/** Counting the backlog stops here, so /health stays cheap whatever the backlog. */
export const RELAY_LAG_COUNT_BOUND = 100_000;
const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * Publishes every committed event to Kafka (DESIGN §6). It tails the store's gap-safe global
 * order from its checkpoint, page by page: each page is one `publish` (one sendBatch), and the
 * checkpoint moves to the page's last position only after the broker acknowledged the page.
 * A crash re-sends at most the page in flight: at-least-once, in per-stream order, never a dual
 * write. Any failure (the producer gave up, the database went away) is logged, the producer is
 * replaced and the relay resumes from the stored checkpoint after a backoff: it never dies of it.
 * The next page is read while the current one is being sent, so reading and sending overlap.
 */
export class EventRelay {
  readonly name: string;
  private readonly prefix: string;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly logger: MessagingLogger;
  private readonly checkpoints: RelayCheckpoints;
  private readonly reader: RelayReader;
  private readonly stopSignal = new AbortController();
  private state: RelayState = 'idle';
  private position = 0;
  private published = 0;
  private batches = 0;
  private failures = 0;
  private lastError: string | null = null;
  private loop: Promise<void> | null = null;
  private readonly listeners = new Set<(status: RelayStatus) => void>();

  constructor(
    private readonly source: RelaySource,
    private readonly publisher: EventPublisher,
    private readonly options: EventRelayOptions = {},
  ) {
    this.name = options.name ?? 'relay';
    this.prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.logger = options.logger ?? silentLogger;
    this.checkpoints = new RelayCheckpoints(source.executor);
    this.reader = options.serialiseIn === 'database' ? sqlRelayReader(source.executor) : storeRelayReader(source);
  }

  /**
   * Installs the checkpoint table, loads the checkpoint and starts relaying in the background.
   * Resolves once started (not once connected: a broker that is down at start is retried).
   */
  async start(): Promise<void> {
    if (this.loop) throw new Error(`relay ${this.name} already started`);
    await this.checkpoints.install();
    this.position = await this.checkpoints.load(this.name);
    this.logger.info({ relay: this.name, position: this.position, topicPrefix: this.prefix, pageSize: this.pageSize }, 'relay starting from its checkpoint');
    this.loop = this.run();
  }

  /** Finishes the batch in flight (sent, acknowledged, checkpoint stored), then disconnects. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.setState('stopping');
    this.stopSignal.abort();
    await this.loop;
    await this.publisher.disconnect().catch(() => undefined);
    this.setState('stopped');
    this.logger.info({ relay: this.name, position: this.position, published: this.published }, 'relay stopped');
  }

  status(): RelayStatus {
    return { name: this.name, state: this.state, position: this.position, published: this.published, batches: this.batches, failures: this.failures, lastError: this.lastError };
  }

  /** status() plus the backlog, counted in the store (for /health and metrics). */
  async progress(): Promise<RelayProgress> {
    const status = this.status();
    const [row] = await this.source.executor.query<{ n: string | number }>(
      'select count(*) as n from (select 1 from tl_events where global_position > $1 and global_position < tl_horizon() limit $2) backlog',
      [status.position, RELAY_LAG_COUNT_BOUND],
    );
    const lagEvents = Number(row?.n ?? 0);
    return { ...status, lagEvents, lagEventsAtLeast: lagEvents >= RELAY_LAG_COUNT_BOUND };
  }

  /** Called after every acknowledged batch whose checkpoint is stored. */
  onBatch(listener: (status: RelayStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get stopping(): boolean {
    return this.stopSignal.signal.aborted;
  }

  private setState(state: RelayState): void {
    if (this.state !== 'stopped') this.state = state;
  }

  private async run(): Promise<void> {
    let connected = false;
    let delay = this.options.reconnectDelayMs ?? 1000;
    let prefetched: Promise<SerialisedEvent[]> | null = null;
    while (!this.stopping) {
      try {
        if (!connected) {
          this.setState(this.failures === 0 ? 'connecting' : 'reconnecting');
          await this.publisher.connect();
          await this.publisher.ensureTopics(allTopics(this.prefix), { partitions: this.options.partitions ?? 3, replicationFactor: this.options.replicationFactor ?? 1 });
          connected = true;
          if (this.failures > 0) this.logger.info({ relay: this.name, position: this.position }, 'relay reconnected, resuming from its checkpoint');
          this.setState('running');
        }
        const page = await (prefetched ?? this.reader.readPage(this.position, this.pageSize));
        prefetched = null;
        if (page.length === 0) {
          await pause(this.pollIntervalMs, this.stopSignal.signal);
          continue;
        }
        const last = page[page.length - 1]!.globalPosition;
        if (page.length === this.pageSize) {
          prefetched = this.reader.readPage(last, this.pageSize);
          prefetched.catch(() => undefined); // awaited on the next turn; a failure surfaces there
        }
        // Once a batch is on its way it is finished even if stop() arrives: sent, acknowledged, checkpointed.
        await this.publisher.publish(page.map((event) => messageOf(event, this.prefix)));
        await this.checkpoints.save(this.name, last);
        this.position = last;
        this.published += page.length;
        this.batches++;
        delay = this.options.reconnectDelayMs ?? 1000;
        this.logger.debug({ relay: this.name, position: last, events: page.length, published: this.published }, 'batch published');
        const status = this.status();
        for (const listener of this.listeners) listener(status);
      } catch (error) {
        this.failures++;
        this.lastError = error instanceof Error ? error.message : String(error);
        prefetched = null;
        connected = false;
        this.setState('reconnecting');
        this.logger.error({ relay: this.name, position: this.position, retryInMs: delay, ...errorFields(error) }, 'relay batch failed; reconnecting and resuming from the checkpoint');
        await this.publisher.disconnect().catch(() => undefined);
        await pause(delay, this.stopSignal.signal);
        delay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
      }
    }
  }
}
