/**
 * Prototype variants of `tl_append` (libs/event-store/src/sql/schema.ts, the version with
 * p_index_offset), measured by investigate.ts and checked against the contract suite by
 * tl-append-variants.contract.spec.ts. Installed under other names; same result columns, and the
 * same parameters except tl_append_one (scalars) and tl_append_json (one jsonb array).
 *
 * Candidates:
 *   tl_append_cas      only one change: optimistic compare-and-set (plain SELECT, then
 *                      UPDATE … WHERE version = read AND last_hash = read) instead of
 *                      SELECT … FOR UPDATE; a lost race returns 'retry' and the caller runs again.
 *                      (Recommended: RECOMMENDED_TL_APPEND below.)
 *   tl_append_fast     tl_append_cas, plus (measured: no gain, not recommended): the
 *                      idempotency probe only when the expected version does not already
 *                      prove the append is new (numeric and equal to the current
 *                      version: a retry of a committed append always carries a stale version),
 *                      one result row through OUT parameters instead of a set-returning
 *                      RETURNS TABLE/RETURN QUERY, no regular expression, pre-sized hash array.
 *   tl_append_one      tl_append_fast for exactly one event, with scalar parameters (no arrays to
 *                      parse, expand and unnest): what a client would call for 1-event appends.
 *   tl_append_json     tl_append_fast taking all events as one jsonb array of objects instead of
 *                      ten text[] parameters (data and actor embedded as JSON, not escaped text).
 * Ablations (not for production; each prices one piece):
 *   tl_append_nohash   tl_append_fast with a constant hash instead of the SHA-256 chain
 *   tl_append_bare     the events INSERT alone inside plpgsql (no stream row, no probe, no hash)
 */
const PARAMS = `
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
  p_index_offset integer default 0`;

const RETURNS_TABLE = `returns table (outcome text, stream_version bigint, first_position bigint, last_position bigint, last_hash text)`;
const OUT_PARAMS = `,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text`;

const INSERT_EVENTS = `
  v_position := pg_current_xact_id()::text::bigint * 65536 + p_index_offset;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  select v_position + t.ord, p_stream_id, v_base + t.ord, t.eid::uuid, t.typ, t.sv,
         t.dat::jsonb, t.occ::timestamptz, t.act::jsonb, t.cor, t.cau, t.h
    from unnest(p_event_ids, p_types, p_schema_versions, p_data, p_occurred_at, p_actors,
                p_correlation_ids, p_causation_ids, v_hashes)
         with ordinality as t(eid, typ, sv, dat, occ, act, cor, cau, h, ord);`;

const HASH_CHAIN = `
  v_hashes := array_fill(null::text, array[v_count]);
  for i in 1..v_count loop
    v_hash := encode(sha256(convert_to(v_hash || p_heads[i] || (v_base + i)::text || p_tails[i], 'UTF8')), 'hex');
    v_hashes[i] := v_hash;
  end loop;`;

const NO_HASH_CHAIN = `
  v_hash := md5(p_event_ids[v_count]) || md5(p_stream_id);
  v_hashes := array_fill(v_hash, array[v_count]);`;

/** tl_append_cas: the original line for line, except the compare-and-set. */
const casFunction = (name: string): string => `
create or replace function ${name}(${PARAMS}
) ${RETURNS_TABLE}
language plpgsql as $fn$
declare
  v_exists boolean;
  v_version bigint;
  v_hash text;
  v_prev_hash text;
  v_count integer := cardinality(p_event_ids);
  v_known integer;
  v_rows integer;
  v_base bigint;
  v_position bigint;
  v_hashes text[] := array[]::text[];
begin
  select s.version, s.last_hash into v_version, v_hash
    from tl_streams s where s.stream_id = p_stream_id;
  v_exists := found;

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
    -- compare-and-set: only if nobody appended since our read (version and hash unchanged)
    update tl_streams s set version = v_base + v_count, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_base and s.last_hash = v_prev_hash;
    get diagnostics v_rows = row_count;
    if v_rows = 0 then
      -- lost the race: the caller runs the append again and then sees the conflict or the duplicate
      return query select 'retry'::text, null::bigint, null::bigint, null::bigint, null::text;
      return;
    end if;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_hash)
      on conflict (stream_id) do nothing;
    get diagnostics v_rows = row_count;
    if v_rows = 0 then
      return query select (case when p_expected = 'any' then 'retry' else 'conflict' end)::text,
        null::bigint, null::bigint, null::bigint, null::text;
      return;
    end if;
  end if;

  v_position := pg_current_xact_id()::text::bigint * 65536;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  select v_position + p_index_offset + t.ord, p_stream_id, v_base + t.ord, t.eid::uuid, t.typ, t.sv,
         t.dat::jsonb, t.occ::timestamptz, t.act::jsonb, t.cor, t.cau, t.h
    from unnest(p_event_ids, p_types, p_schema_versions, p_data, p_occurred_at, p_actors,
                p_correlation_ids, p_causation_ids, v_hashes)
         with ordinality as t(eid, typ, sv, dat, occ, act, cor, cau, h, ord);

  return query select 'appended'::text, v_base + v_count, v_position + p_index_offset + 1, v_position + p_index_offset + v_count, v_hash;
end
$fn$;`;

interface FastOptions {
  readonly probe: 'lazy' | 'never'; // 'never' prices the probe; in these workloads 'lazy' never probes anyway
  readonly hash: boolean;
}

/** tl_append_fast and its ablations: one result row through OUT parameters. */
function fastFunction(name: string, options: FastOptions): string {
  const probe =
    options.probe === 'never'
      ? ''
      : `
  -- An idempotent retry resends the same events with the same expected version. Once the first
  -- try has committed, that version is stale, so a numeric expected version equal to the current
  -- one proves the append is new and the probe is skipped; 'any', 'exists', 'no-stream' and stale
  -- versions probe the first id. (Ids stored by some other append still fail the unique index.)
  if v_exists and not v_current then
    if exists (select 1 from tl_events e where e.stream_id = p_stream_id and e.event_id = p_event_ids[1]::uuid) then
      select count(*) into v_known from tl_events e
       where e.stream_id = p_stream_id and e.event_id = any(p_event_ids::uuid[]);
      outcome := case when v_known = v_count then 'duplicate' else 'partial-duplicate' end;
      stream_version := v_version;
      last_hash := v_hash;
      return;
    end if;
  end if;`;
  return `
create or replace function ${name}(${PARAMS}${OUT_PARAMS}
) language plpgsql as $fn$
declare
  v_exists boolean;
  v_current boolean;
  v_version bigint;
  v_hash text;
  v_prev_hash text;
  v_count integer := cardinality(p_event_ids);
  v_known integer;
  v_rows integer;
  v_base bigint;
  v_position bigint;
  v_hashes text[];
begin
  select s.version, s.last_hash into v_version, v_hash from tl_streams s where s.stream_id = p_stream_id;
  v_exists := found;
  v_current := case p_expected
    when 'any' then false when 'exists' then false when 'no-stream' then false
    else coalesce(v_version, 0) = p_expected::bigint end;
${probe}
  if (case p_expected
        when 'any' then false
        when 'no-stream' then v_exists
        when 'exists' then not v_exists
        else not v_current end) then
    outcome := 'conflict';
    stream_version := v_version;
    last_hash := v_hash;
    return;
  end if;

  v_base := coalesce(v_version, 0);
  v_hash := coalesce(v_hash, repeat('0', 64));
  v_prev_hash := v_hash;
${options.hash ? HASH_CHAIN : NO_HASH_CHAIN}

  if v_exists then
    -- compare-and-set: only if nobody appended since our read (version and hash unchanged)
    update tl_streams s set version = v_base + v_count, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_base and s.last_hash = v_prev_hash;
    get diagnostics v_rows = row_count;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_hash)
      on conflict (stream_id) do nothing;
    get diagnostics v_rows = row_count;
  end if;
  if v_rows = 0 then
    -- lost a race: the caller runs the append again and then sees the conflict or the duplicate
    outcome := 'retry';
    return;
  end if;
${INSERT_EVENTS}
  outcome := 'appended';
  stream_version := v_base + v_count;
  first_position := v_position + 1;
  last_position := v_position + v_count;
  last_hash := v_hash;
end
$fn$;`;
}

/** tl_append_fast for one event, scalar parameters. */
const ONE = `
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
  p_tail text,
  p_index_offset integer default 0,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text
) language plpgsql as $fn$
declare
  v_exists boolean;
  v_current boolean;
  v_version bigint;
  v_hash text;
  v_prev_hash text;
  v_rows integer;
  v_position bigint;
begin
  select s.version, s.last_hash into v_version, v_hash from tl_streams s where s.stream_id = p_stream_id;
  v_exists := found;
  v_current := case p_expected
    when 'any' then false when 'exists' then false when 'no-stream' then false
    else coalesce(v_version, 0) = p_expected::bigint end;
  if v_exists and not v_current
     and exists (select 1 from tl_events e where e.stream_id = p_stream_id and e.event_id = p_event_id::uuid) then
    outcome := 'duplicate';
    stream_version := v_version;
    last_hash := v_hash;
    return;
  end if;
  if (case p_expected
        when 'any' then false
        when 'no-stream' then v_exists
        when 'exists' then not v_exists
        else not v_current end) then
    outcome := 'conflict';
    stream_version := v_version;
    last_hash := v_hash;
    return;
  end if;

  v_version := coalesce(v_version, 0);
  v_prev_hash := coalesce(v_hash, repeat('0', 64));
  v_hash := encode(sha256(convert_to(v_prev_hash || p_head || (v_version + 1)::text || p_tail, 'UTF8')), 'hex');
  if v_exists then
    update tl_streams s set version = v_version + 1, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_version and s.last_hash = v_prev_hash;
    get diagnostics v_rows = row_count;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, 1, v_hash)
      on conflict (stream_id) do nothing;
    get diagnostics v_rows = row_count;
  end if;
  if v_rows = 0 then
    outcome := 'retry';
    return;
  end if;

  v_position := pg_current_xact_id()::text::bigint * 65536 + p_index_offset + 1;
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
$fn$;`;


/**
 * tl_append_json: tl_append_fast taking the events as ONE jsonb array of objects
 *   [{"id", "type", "sv", "data": {…}, "occ", "actor": {…}, "cor", "cau", "head", "tail"}, …]
 * instead of ten text[] parameters. The client embeds the data and actor JSON as they are (no
 * escaping them into array literals), PostgreSQL parses the whole batch once (jsonb_in) and
 * jsonb_to_recordset hands the columns out already typed (data and actor stay jsonb).
 */
const JSON_FN = `
create or replace function tl_append_json(
  p_stream_id text,
  p_expected text,
  p_events jsonb,
  p_index_offset integer default 0,
  out outcome text, out stream_version bigint, out first_position bigint, out last_position bigint, out last_hash text
) language plpgsql as $fn$
declare
  v_exists boolean;
  v_current boolean;
  v_version bigint;
  v_hash text;
  v_prev_hash text;
  v_count integer := jsonb_array_length(p_events);
  v_known integer;
  v_rows integer;
  v_base bigint;
  v_position bigint;
  v_heads text[];
  v_tails text[];
  v_ids uuid[];
  v_hashes text[];
begin
  select array_agg(t.head order by t.ord), array_agg(t.tail order by t.ord), array_agg(t.id order by t.ord)
    into v_heads, v_tails, v_ids
    from rows from (jsonb_to_recordset(p_events) as (id uuid, head text, tail text)) with ordinality as t(id, head, tail, ord);

  select s.version, s.last_hash into v_version, v_hash from tl_streams s where s.stream_id = p_stream_id;
  v_exists := found;
  v_current := case p_expected
    when 'any' then false when 'exists' then false when 'no-stream' then false
    else coalesce(v_version, 0) = p_expected::bigint end;
  if v_exists and not v_current then
    if exists (select 1 from tl_events e where e.stream_id = p_stream_id and e.event_id = v_ids[1]) then
      select count(*) into v_known from tl_events e where e.stream_id = p_stream_id and e.event_id = any(v_ids);
      outcome := case when v_known = v_count then 'duplicate' else 'partial-duplicate' end;
      stream_version := v_version;
      last_hash := v_hash;
      return;
    end if;
  end if;
  if (case p_expected
        when 'any' then false
        when 'no-stream' then v_exists
        when 'exists' then not v_exists
        else not v_current end) then
    outcome := 'conflict';
    stream_version := v_version;
    last_hash := v_hash;
    return;
  end if;

  v_base := coalesce(v_version, 0);
  v_hash := coalesce(v_hash, repeat('0', 64));
  v_prev_hash := v_hash;
  v_hashes := array_fill(null::text, array[v_count]);
  for i in 1..v_count loop
    v_hash := encode(sha256(convert_to(v_hash || v_heads[i] || (v_base + i)::text || v_tails[i], 'UTF8')), 'hex');
    v_hashes[i] := v_hash;
  end loop;

  if v_exists then
    update tl_streams s set version = v_base + v_count, last_hash = v_hash, updated_at = now()
     where s.stream_id = p_stream_id and s.version = v_base and s.last_hash = v_prev_hash;
    get diagnostics v_rows = row_count;
  else
    insert into tl_streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_hash)
      on conflict (stream_id) do nothing;
    get diagnostics v_rows = row_count;
  end if;
  if v_rows = 0 then
    outcome := 'retry';
    return;
  end if;

  v_position := pg_current_xact_id()::text::bigint * 65536 + p_index_offset;
  insert into tl_events (global_position, stream_id, stream_version, event_id, type, schema_version,
                         data, occurred_at, actor, correlation_id, causation_id, hash)
  select v_position + t.ord, p_stream_id, v_base + t.ord, t.id, t.type, t.sv,
         t.data, t.occ, t.actor, t.cor, t.cau, v_hashes[t.ord]
    from rows from (jsonb_to_recordset(p_events)
           as (id uuid, type text, sv integer, data jsonb, occ timestamptz, actor jsonb, cor text, cau text))
         with ordinality as t(id, type, sv, data, occ, actor, cor, cau, ord);
  outcome := 'appended';
  stream_version := v_base + v_count;
  first_position := v_position + 1;
  last_position := v_position + v_count;
  last_hash := v_hash;
end
$fn$;`;

const BARE = `
create or replace function tl_append_bare(${PARAMS}${OUT_PARAMS}
) language plpgsql as $fn$
declare
  v_count integer := cardinality(p_event_ids);
  v_base bigint := case p_expected when 'any' then 0 when 'exists' then 0 when 'no-stream' then 0 else p_expected::bigint end;
  v_position bigint;
  v_hashes text[] := array_fill(md5(p_stream_id) || md5(p_stream_id), array[v_count]);
begin
${INSERT_EVENTS}
  outcome := 'appended';
  stream_version := v_base + v_count;
  first_position := v_position + 1;
  last_position := v_position + v_count;
  last_hash := v_hashes[v_count];
end
$fn$;`;

export const VARIANTS_SQL = [
  casFunction('tl_append_cas'),
  fastFunction('tl_append_fast', { probe: 'lazy', hash: true }),
  ONE,
  JSON_FN,
  fastFunction('tl_append_nohash', { probe: 'lazy', hash: false }),
  BARE,
].join('\n');

/**
 * What to put in schema.ts: tl_append with the compare-and-set (same parameters and result type as
 * today, so `create or replace` replaces it in place), plus the new scalar tl_append_one that the
 * client calls for one-event appends. tl_append_json is the batch format worth adopting together
 * with the client-side changes (see docs/PERFORMANCE.md).
 */
export const RECOMMENDED_TL_APPEND = casFunction('tl_append');
/** The scalar one-event function, for a client that calls it for 1-event appends. */
export const RECOMMENDED_TL_APPEND_ONE = ONE;
/** The jsonb-batch function, for a client that sends the events as one jsonb array. */
export const RECOMMENDED_TL_APPEND_JSON = JSON_FN;

/** Functions with the tl_append parameter list (investigate.ts swaps them in for tl_append). */
export const VARIANT_NAMES = ['tl_append', 'tl_append_cas', 'tl_append_fast', 'tl_append_one', 'tl_append_json', 'tl_append_nohash', 'tl_append_bare'] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];
