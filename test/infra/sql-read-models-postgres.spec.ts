import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresEventStore } from '@tenderledger/event-store';
import { sqlReadModelsContract } from '../../libs/projections/src/testing/sql-read-models-contract';
import { describeWithPostgres, PG_URL } from '../support/infra';

/** Every store gets its own schema (so every test starts empty); all are dropped at the end. */
const prefix = `tl_test_models_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
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

describeWithPostgres('turnover statistics and OCDS read models on PostgreSQL', () => {
  afterAll(() => admin(async (c) => {
    for (const schema of schemas) await c.query(`drop schema if exists ${schema} cascade`);
  }));

  sqlReadModelsContract('postgres', {
    open: async () => {
      const schema = `${prefix}_${schemas.length}`;
      schemas.push(schema);
      await admin((c) => c.query(`create schema ${schema}`));
      return (await openPostgresEventStore({ connectionString: PG_URL, pool: { options: `-c search_path=${schema}` } })).store;
    },
  });
});
