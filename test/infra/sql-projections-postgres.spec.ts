import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresEventStore } from '@tenderledger/event-store';
import { AuditIndexSqlProjection } from '../../libs/projections/src/audit/audit-index.projection';
import { sqlProjectionContract, untilVisible } from '../../libs/projections/src/runtime/sql-projection-contract';
import { SqlProjectionRunner } from '../../libs/projections/src/runtime/sql-projection-runner';
import { describeWithPostgres, PG_URL } from '../support/infra';

/** Every store gets its own schema (so every test starts empty); all are dropped at the end. */
const prefix = `tl_test_proj_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
const schemas: string[] = [];

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describeWithPostgres('SQL projections on PostgreSQL', () => {
  afterAll(() => admin(async (c) => {
    for (const schema of schemas) await c.query(`drop schema if exists ${schema} cascade`);
  }));

  const open = async () => {
    const schema = `${prefix}_${schemas.length}`;
    schemas.push(schema);
    await admin((c) => c.query(`create schema ${schema}`));
    return (await openPostgresEventStore({ connectionString: PG_URL, pool: { options: `-c search_path=${schema}` } })).store;
  };

  sqlProjectionContract('postgres', { open });

  it('the audit index lives in the events database and survives a rebuild unchanged', async () => {
    const store = await open();
    const runner = new SqlProjectionRunner(store, { pageSize: 50 });
    const index = new AuditIndexSqlProjection();
    runner.register(index);
    try {
      const actor = { userId: 'u', role: 'bidder', organisationId: 'org' };
      for (let i = 0; i < 120; i++) {
        await store.append(`bid-${randomUUID()}`, [{ eventId: randomUUID(), type: 'BidSubmitted', data: { tenderId: `tender-${i % 3}` }, occurredAt: '2026-01-01T00:00:00.000Z', actor, correlationId: 'c' }], 'no-stream');
      }
      await store.append('contract-1', [{ eventId: randomUUID(), type: 'ContractRegistered', data: { predecessor: { tenderId: 'tender-1' } }, occurredAt: '2026-01-01T00:00:00.000Z', actor, correlationId: 'c' }], 'no-stream');
      await untilVisible(store);
      await runner.start();
      await runner.waitFor(await store.headPosition());
      const query = <Row,>(sql: string, params?: readonly unknown[]) => store.executor.query<Row>(sql, params);
      const before = await index.lookup(query, 'tender-1');
      expect(before.bidStreams('tender-1')).toHaveLength(40);
      expect(before.contractStreams('tender-1')).toEqual(['contract-1']);
      await runner.rebuild('audit-index');
      const after = await index.lookup(query, 'tender-1');
      expect(after.bidStreams('tender-1')).toEqual(before.bidStreams('tender-1'));
      expect(after.contractStreams('tender-1')).toEqual(['contract-1']);
    } finally {
      await runner.stop();
      await store.close();
    }
  });
});
