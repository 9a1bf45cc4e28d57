import type { SqlExecutor } from '@tenderledger/event-store';

/**
 * The consumer's bookkeeping, in the same database (and so the same transaction) as the read
 * model it feeds:
 *
 *   tl_consumed_events    one row per (consumer, event) dealt with: `applied` when the handler
 *                         committed, `failed` when it kept throwing and the consumer moved on
 *   tl_consumer_failures  why: the error, attempts, where the message was and its value, so an
 *                         operator can look, fix and re-drive (delete both rows, replay offsets)
 */
export const CONSUMER_SCHEMA_SQL = `
create table if not exists tl_consumed_events (
  consumer_name  text not null,
  event_id       uuid not null,
  outcome        text not null default 'applied' check (outcome in ('applied', 'failed')),
  consumed_at    timestamptz not null default now(),
  primary key (consumer_name, event_id)
);

create table if not exists tl_consumer_failures (
  id             bigserial primary key,
  consumer_name  text not null,
  event_id       uuid,
  event_type     text,
  stream_id      text,
  topic          text not null,
  kafka_partition integer not null,
  kafka_offset   text not null,
  attempts       integer not null,
  error          text not null,
  message_value  text,
  failed_at      timestamptz not null default now()
);
create index if not exists tl_consumer_failures_consumer on tl_consumer_failures (consumer_name, failed_at);
`;

export async function installConsumerSchema(sql: SqlExecutor): Promise<void> {
  await sql.runScript(CONSUMER_SCHEMA_SQL);
}
