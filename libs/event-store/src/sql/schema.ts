/**
 * One schema for PGlite and PostgreSQL.
 *
 * Global order. Concurrent transactions commit out of order, so a plain sequence lets a reader
 * at position P later see a smaller position appear (the "skipped event" bug). We instead make
 * the position itself follow transaction ids: position = xid × 2^16 + index within the append.
 * Readers only read below pg_snapshot_xmin(pg_current_snapshot()) × 2^16: every transaction
 * with a smaller xid has finished, and every later one gets a larger xid, so what a reader has
 * seen is always a prefix of the final order — gap-safe without waiting or skipping. Positions
 * are therefore sparse (compare them, never count with them), one append holds at most 65,535
 * events per transaction, and appends sharing a transaction pass increasing index offsets.
 *
 * Appends are one round trip: `tl_append` locks the stream row (compare-and-set on version and
 * last hash together), skips an idempotent retry, chains the hashes and inserts all events with
 * one `unnest`. Several streams can be appended atomically in one transaction (a CSV import):
 * each call then gets an index offset so positions stay unique within the transaction.
 */
export const POSITION_SHIFT = 65536;
export const MAX_EVENTS_PER_APPEND = POSITION_SHIFT - 1;

export const SCHEMA_SQL = `
drop function if exists tl_append(text, text, text[], text[], integer[], text[], text[], text[], text[], text[], text[], text[]);

create table if not exists tl_streams (
  stream_id   text primary key,
  version     bigint not null,
  last_hash   text not null,
  updated_at  timestamptz not null default now()
);

create table if not exists tl_events (
  global_position bigint primary key,
  stream_id       text not null,
  stream_version  bigint not null,
  event_id        uuid not null,
  type            text not null,
  schema_version  integer not null,
  data            jsonb not null,
  occurred_at     timestamptz not null,
  recorded_at     timestamptz not null default now(),
  actor           jsonb not null,
  correlation_id  text not null,
  causation_id    text,
  hash            text not null,
  constraint tl_events_stream_version unique (stream_id, stream_version),
  constraint tl_events_stream_event unique (stream_id, event_id)
);

create or replace function tl_horizon() returns bigint language sql stable as $fn$
  select pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${POSITION_SHIFT}
$fn$;

create or replace function tl_append(
  p_stream_id text,
  p_expected text,
  p_event_ids text[],
  p_types text[],
  p_schema_versions integer[],
  p_data text[],
  p_occurred_at text[],
  p_actors text[],
  p_correlation_ids text[],
  p_causation_ids text[],
  p_heads text[],
  p_tails text[],
  p_index_offset integer default 0
) returns table (outcome text, stream_version bigint, first_position bigint, last_position bigint, last_hash text)
language plpgsql as $fn$
declare
  v_exists boolean;
  v_version bigint;
  v_hash text;
  v_count integer := cardinality(p_event_ids);
  v_known integer;
  v_rows integer;
  v_base bigint;
  v_position bigint;
  v_hashes text[] := array[]::text[];
begin
  select s.version, s.last_hash into v_version, v_hash
    from tl_streams s where s.stream_id = p_stream_id for update;
  v_exists := found;

  -- An idempotent retry resends the same ids: probing the first one is enough to spot it.
  -- A batch that only partly overlaps fails on the unique (stream, event id) constraint below.
  if v_exists and exists (select 1 from tl_events e where e.stream_id = p_stream_id and e.event_id = p_event_ids[1]::uuid) then
    select count(*) into v_known from tl_events e
     where e.stream_id = p_stream_id and e.event_id = any(p_event_ids::uuid[]);
    if v_known = v_count then
      return query select 'duplicate'::text, v_version, null::bigint, null::bigint, v_hash;
      return;
    else
      return query select 'partial-duplicate'::text, v_version, null::bigint, null::bigint, v_hash;
      return;
    end if;
  end if;

  if (p_expected = 'no-stream' and v_exists)
     or (p_expected = 'exists' and not v_exists)
     or (p_expected ~ '^[0-9]+$' and coalesce(v_version, 0) <> p_expected::bigint) then
    return query select 'conflict'::text, v_version, null::bigint, null::bigint, v_hash;
    return;
  end if;

  v_base := coalesce(v_version, 0);
  v_hash := coalesce(v_hash, repeat('0', 64));
  for i in 1..v_count loop
    v_hash := encode(sha256(convert_to(v_hash || p_heads[i] || (v_base + i)::text || p_tails[i], 'UTF8')), 'hex');
    v_hashes := array_append(v_hashes, v_hash);
  end loop;

  if v_exists then
    update tl_streams set version = v_base + v_count, last_hash = v_hash, updated_at = now()
     where stream_id = p_stream_id;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_hash)
      on conflict (stream_id) do nothing;
    get diagnostics v_rows = row_count;
    if v_rows = 0 then
      -- another writer created the stream between our read and our insert
      return query select (case when p_expected = 'any' then 'retry' else 'conflict' end)::text,
        null::bigint, null::bigint, null::bigint, null::text;
      return;
    end if;
  end if;

  v_position := pg_current_xact_id()::text::bigint * ${POSITION_SHIFT};
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  select v_position + p_index_offset + t.ord, p_stream_id, v_base + t.ord, t.eid::uuid, t.typ, t.sv,
         t.dat::jsonb, t.occ::timestamptz, t.act::jsonb, t.cor, t.cau, t.h
    from unnest(p_event_ids, p_types, p_schema_versions, p_data, p_occurred_at, p_actors,
                p_correlation_ids, p_causation_ids, v_hashes)
         with ordinality as t(eid, typ, sv, dat, occ, act, cor, cau, h, ord);

  return query select 'appended'::text, v_base + v_count, v_position + p_index_offset + 1, v_position + p_index_offset + v_count, v_hash;
end
$fn$;
`;

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, hash';
