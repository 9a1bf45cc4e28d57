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
 * Appends are one round trip: the function reads the stream row, skips an idempotent retry,
 * chains the hashes and writes the row back with a compare-and-set on version and last hash
 * together (no row lock; a lost race answers 'retry' and the client runs the append again), then
 * inserts the events. The client calls `tl_append_one` (scalar parameters) for one event and
 * `tl_append_json` (one jsonb array) for several; `tl_append` (ten text[]) stays for older
 * clients. Several streams can be appended atomically in one transaction (a CSV import): each
 * call then gets an index offset so positions stay unique within the transaction.
 * Every statement here is `create … if not exists` or `create or replace`: migrating an existing
 * database keeps its events, heads and hashes as they are.
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
  v_prev_hash text;
  v_hashes text[] := array[]::text[];
begin
  -- No row lock: the UPDATE below is a compare-and-set on (version, last hash).
  select s.version, s.last_hash into v_version, v_hash
    from tl_streams s where s.stream_id = p_stream_id;
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
  v_prev_hash := v_hash;
  for i in 1..v_count loop
    v_hash := encode(sha256(convert_to(v_hash || p_heads[i] || (v_base + i)::text || p_tails[i], 'UTF8')), 'hex');
    v_hashes := array_append(v_hashes, v_hash);
  end loop;

  if v_exists then
    -- Columns qualified: RETURNS TABLE makes last_hash a plpgsql variable too.
    update tl_streams s set version = v_base + v_count, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_base and s.last_hash = v_prev_hash;
    get diagnostics v_rows = row_count;
    if v_rows = 0 then
      -- another writer appended since our read: the caller runs the append again, then sees the
      -- conflict or (same ids) the duplicate
      return query select 'retry'::text, null::bigint, null::bigint, null::bigint, null::text;
      return;
    end if;
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

-- One event, scalar parameters: no arrays to parse, expand and unnest (the single-append
-- client path; docs/PERFORMANCE.md measured −20 % server CPU). The data travels once: the
-- client sends its canonical JSON, which is both the stored jsonb and the hashed bytes
-- (prev ‖ head ‖ data ‖ mid ‖ version ‖ tail is the canonical envelope, as in tl_append).
create or replace function tl_append_one(
  p_stream_id text,
  p_expected text,
  p_event_id text,
  p_type text,
  p_schema_version integer,
  p_data text,
  p_occurred_at text,
  p_actor text,
  p_correlation_id text,
  p_causation_id text,
  p_head text,
  p_mid text,
  p_tail text,
  p_index_offset integer default 0,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text
) language plpgsql as $fn$
declare
  v_exists boolean;
  v_version bigint;
  v_hash text;
  v_prev_hash text;
  v_rows integer;
  v_position bigint;
begin
  select s.version, s.last_hash into v_version, v_hash from tl_streams s where s.stream_id = p_stream_id;
  v_exists := found;
  if v_exists and exists (select 1 from tl_events e where e.stream_id = p_stream_id and e.event_id = p_event_id::uuid) then
    outcome := 'duplicate'; stream_version := v_version; last_hash := v_hash;
    return;
  end if;
  if (case p_expected
        when 'any' then false
        when 'no-stream' then v_exists
        when 'exists' then not v_exists
        else coalesce(v_version, 0) <> p_expected::bigint end) then
    outcome := 'conflict'; stream_version := v_version; last_hash := v_hash;
    return;
  end if;

  v_version := coalesce(v_version, 0);
  v_prev_hash := coalesce(v_hash, repeat('0', 64));
  v_hash := encode(sha256(convert_to(v_prev_hash || p_head || p_data || p_mid || (v_version + 1)::text || p_tail, 'UTF8')), 'hex');
  if v_exists then
    -- compare-and-set on (version, last hash): no row lock held between read and write
    update tl_streams s set version = v_version + 1, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_version and s.last_hash = v_prev_hash;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, 1, v_hash)
      on conflict (stream_id) do nothing;
  end if;
  get diagnostics v_rows = row_count;
  if v_rows = 0 then
    -- lost a race: the client runs the append again and then sees the conflict or the duplicate
    outcome := 'retry';
    return;
  end if;

  v_position := pg_current_xact_id()::text::bigint * ${POSITION_SHIFT} + p_index_offset + 1;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  values (v_position, p_stream_id, v_version + 1, p_event_id::uuid, p_type, p_schema_version,
          p_data::jsonb, p_occurred_at::timestamptz, p_actor::jsonb, p_correlation_id, p_causation_id, v_hash);
  outcome := 'appended';
  stream_version := v_version + 1;
  first_position := v_position;
  last_position := v_position;
  last_hash := v_hash;
end
$fn$;

-- Several events as ONE jsonb array instead of ten text[] parameters (no array literals to
-- escape in the client, one parse on the server):
--   [{"id","type","sv","data":"<canonical JSON text>","occ","actor":{…},"cor","cau","head","mid","tail"}, …]
-- The data stays text inside the array because its exact bytes are hashed.
create or replace function tl_append_json(
  p_stream_id text,
  p_expected text,
  p_events jsonb,
  p_index_offset integer default 0,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text
) language plpgsql as $fn$
declare
  v_exists boolean;
  v_version bigint;
  v_hash text;
  v_prev_hash text;
  v_count integer;
  v_known integer;
  v_rows integer;
  v_base bigint;
  v_position bigint;
  v_ids uuid[];
  v_pieces text[];
  v_hashes text[];
begin
  select array_agg(t.id order by t.ord), array_agg(t.head || t.data || t.mid order by t.ord), array_agg(t.tail order by t.ord)
    into v_ids, v_pieces, v_hashes
    from rows from (jsonb_to_recordset(p_events) as (id uuid, head text, data text, mid text, tail text))
         with ordinality as t(id, head, data, mid, tail, ord);
  v_count := cardinality(v_ids);

  select s.version, s.last_hash into v_version, v_hash from tl_streams s where s.stream_id = p_stream_id;
  v_exists := found;
  -- An idempotent retry resends the same ids: probing the first one is enough to spot it.
  -- A batch that only partly overlaps is refused.
  if v_exists and exists (select 1 from tl_events e where e.stream_id = p_stream_id and e.event_id = v_ids[1]) then
    select count(*) into v_known from tl_events e where e.stream_id = p_stream_id and e.event_id = any(v_ids);
    outcome := case when v_known = v_count then 'duplicate' else 'partial-duplicate' end;
    stream_version := v_version; last_hash := v_hash;
    return;
  end if;
  if (case p_expected
        when 'any' then false
        when 'no-stream' then v_exists
        when 'exists' then not v_exists
        else coalesce(v_version, 0) <> p_expected::bigint end) then
    outcome := 'conflict'; stream_version := v_version; last_hash := v_hash;
    return;
  end if;

  v_base := coalesce(v_version, 0);
  v_prev_hash := coalesce(v_hash, repeat('0', 64));
  v_hash := v_prev_hash;
  -- v_hashes held the tails; each slot becomes that event's hash
  for i in 1..v_count loop
    v_hash := encode(sha256(convert_to(v_hash || v_pieces[i] || (v_base + i)::text || v_hashes[i], 'UTF8')), 'hex');
    v_hashes[i] := v_hash;
  end loop;

  if v_exists then
    update tl_streams s set version = v_base + v_count, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_base and s.last_hash = v_prev_hash;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_hash)
      on conflict (stream_id) do nothing;
  end if;
  get diagnostics v_rows = row_count;
  if v_rows = 0 then
    outcome := 'retry';
    return;
  end if;

  v_position := pg_current_xact_id()::text::bigint * ${POSITION_SHIFT} + p_index_offset;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  select v_position + t.ord, p_stream_id, v_base + t.ord, t.id, t.type, t.sv,
         t.data::jsonb, t.occ, t.actor, t.cor, t.cau, v_hashes[t.ord]
    from rows from (jsonb_to_recordset(p_events)
           as (id uuid, type text, sv integer, data text, occ timestamptz, actor jsonb, cor text, cau text))
         with ordinality as t(id, type, sv, data, occ, actor, cor, cau, ord);
  outcome := 'appended';
  stream_version := v_base + v_count;
  first_position := v_position + 1;
  last_position := v_position + v_count;
  last_hash := v_hash;
end
$fn$;

-- Chained in the client (the caller knew the stream's last hash, AppendOptions.previousHash):
-- the hashes arrive computed over exactly the bytes above, and the stream row is a plain
-- compare-and-set on (version, last hash). Expected version 0 creates the stream from the
-- genesis hash. Zero rows means a stale version, a wrong hint or a retry: the answer 'fallback'
-- sends the client to tl_append_one/tl_append_json, which sort out conflict and duplicate.
create or replace function tl_append_one_chained(
  p_stream_id text,
  p_expected bigint,
  p_prev_hash text,
  p_event_id text,
  p_type text,
  p_schema_version integer,
  p_data text,
  p_occurred_at text,
  p_actor text,
  p_correlation_id text,
  p_causation_id text,
  p_hash text,
  p_index_offset integer default 0,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text
) language plpgsql as $fn$
declare
  v_rows integer;
  v_position bigint;
begin
  if p_expected = 0 then
    insert into tl_streams (stream_id, version, last_hash) select p_stream_id, 1, p_hash
     where p_prev_hash = repeat('0', 64)
      on conflict (stream_id) do nothing;
  else
    update tl_streams s set version = p_expected + 1, last_hash = p_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = p_expected and s.last_hash = p_prev_hash;
  end if;
  get diagnostics v_rows = row_count;
  if v_rows = 0 then
    outcome := 'fallback';
    return;
  end if;
  v_position := pg_current_xact_id()::text::bigint * ${POSITION_SHIFT} + p_index_offset + 1;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  values (v_position, p_stream_id, p_expected + 1, p_event_id::uuid, p_type, p_schema_version,
          p_data::jsonb, p_occurred_at::timestamptz, p_actor::jsonb, p_correlation_id, p_causation_id, p_hash);
  outcome := 'appended';
  stream_version := p_expected + 1;
  first_position := v_position;
  last_position := v_position;
  last_hash := p_hash;
end
$fn$;

-- The same for several events: [{"id","type","sv","data":{…},"occ","actor":{…},"cor","cau","hash"}, …]
-- (data embedded as JSON: nothing is hashed here, so its bytes need not survive).
create or replace function tl_append_json_chained(
  p_stream_id text,
  p_expected bigint,
  p_prev_hash text,
  p_last_hash text,
  p_count integer,
  p_events jsonb,
  p_index_offset integer default 0,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text
) language plpgsql as $fn$
declare
  v_rows integer;
  v_position bigint;
begin
  if p_expected = 0 then
    insert into tl_streams (stream_id, version, last_hash) select p_stream_id, p_count, p_last_hash
     where p_prev_hash = repeat('0', 64)
      on conflict (stream_id) do nothing;
  else
    update tl_streams s set version = p_expected + p_count, last_hash = p_last_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = p_expected and s.last_hash = p_prev_hash;
  end if;
  get diagnostics v_rows = row_count;
  if v_rows = 0 then
    outcome := 'fallback';
    return;
  end if;
  v_position := pg_current_xact_id()::text::bigint * ${POSITION_SHIFT} + p_index_offset;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  -- jsonb_to_recordset turns a JSON null into SQL NULL: an event whose data is null stores JSON null.
  select v_position + t.ord, p_stream_id, p_expected + t.ord, t.id, t.type, t.sv,
         coalesce(t.data, 'null'::jsonb), t.occ, t.actor, t.cor, t.cau, t.hash
    from rows from (jsonb_to_recordset(p_events)
           as (id uuid, type text, sv integer, data jsonb, occ timestamptz, actor jsonb, cor text, cau text, hash text))
         with ordinality as t(id, type, sv, data, occ, actor, cor, cau, hash, ord);
  get diagnostics v_rows = row_count;
  if v_rows <> p_count then
    raise exception 'tl_append_json_chained: % events sent, % announced', v_rows, p_count;
  end if;
  outcome := 'appended';
  stream_version := p_expected + p_count;
  first_position := v_position + 1;
  last_position := v_position + p_count;
  last_hash := p_last_hash;
end
$fn$;
`;

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, recorded_at, actor, correlation_id, causation_id, hash';
