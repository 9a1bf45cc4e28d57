import request from 'supertest';
import { FixedClock } from '@tenderledger/domain-kit';
import { openPgliteEventStore, type SqlEventStore } from '@tenderledger/event-store';
import { collect } from '../../libs/event-store/src/testing/contract';
import type { ScenarioTarget } from './scenario';
import { createPlatformApp, type PlatformApp } from '../../apps/platform/src/bootstrap';
import { platformConfigFromEnv } from '../../apps/platform/src/infrastructure/platform-config';
import { SqlProjectionRunner } from '../../libs/projections/src/runtime/sql-projection-runner';

export interface TestPlatform {
  readonly platform: PlatformApp;
  readonly store: SqlEventStore;
  readonly clock: FixedClock;
  http(): ReturnType<typeof request>;
  /** A dev token for an organisation and role, sent as a bearer header by `as(...)`. */
  token(role: string, organisationId: string, userId?: string): Promise<string>;
  as(token: string): AuthorisedClient;
  /** How many events the store holds now (all streams). */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AuthorisedClient = Record<Method, (url: string) => request.Test>;

/** The whole platform on an in-memory embedded store with a fixed clock, driven over real HTTP. */
export async function startTestPlatform(start = '2026-03-02T09:00:00.000Z'): Promise<TestPlatform> {
  const { store } = await openPgliteEventStore();
  const clock = new FixedClock(start);
  const platform = await createPlatformApp({ config: platformConfigFromEnv({ PORT: '0', AUTH_MODE: 'dev', TICK_INTERVAL_MS: '60000' }), store, clock });
  const server = platform.app.getHttpServer();
  const http = (): ReturnType<typeof request> => request(server);
  return {
    platform,
    store,
    clock,
    http,
    async token(role, organisationId, userId) {
      const res = await http().post('/api/dev/tokens').send({ role, organisationId, ...(userId ? { userId } : {}) });
      if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    as(token) {
      const client = {} as AuthorisedClient;
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as Method[]) {
        client[method] = (url: string) => http()[method](url).set('Authorization', `Bearer ${token}`);
      }
      return client;
    },
    async eventCount() {
      let count = 0;
      for await (const _ of store.readAll()) count++;
      return count;
    },
    close: () => platform.app.close(),
  };
}

/** Runs a refused request and checks its status, its stable code, and that nothing was appended. */
export async function expectRefusal(
  platform: TestPlatform,
  send: () => request.Test,
  status: number,
  code: string,
): Promise<request.Response> {
  const before = await platform.eventCount();
  const res = await send();
  if (res.status !== status || res.body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(typeof res.body.message).toBe('string');
  expect(await platform.eventCount()).toBe(before);
  return res;
}

/**
 * Lets time-driven process managers finish what the last clock move started, and the read
 * models (in memory and in SQL) catch up, before the test looks (or counts events).
 */
export async function settle(platform: TestPlatform): Promise<void> {
  const { DEADLINE_TICKER, PROJECTION_RUNNER } = await import('@tenderledger/domain-kit');
  await platform.platform.app.get<{ tick(): Promise<void> }>(DEADLINE_TICKER).tick();
  const head = await platform.store.headPosition();
  await platform.platform.app.get<{ waitFor(p: number): Promise<void> }>(PROJECTION_RUNNER).waitFor(head);
  // The checkpointed read models (audit index, OCDS, turnover statistics) run on their own loop.
  await platform.platform.app.get(SqlProjectionRunner, { strict: false }).waitFor(head);
}

/** The one-process platform on the embedded store with a fixed clock, as a ScenarioTarget. */
export function platformTarget(p: TestPlatform): ScenarioTarget {
  return {
    token: (role, organisationId, userId) => p.token(role, organisationId, userId),
    as: (token) => p.as(token),
    setClock: async (to) => p.clock.set(to),
    settle: () => settle(p),
    readStream: (streamId) => collect(p.store.readStream(streamId)),
    eventCount: () => p.eventCount(),
    patienceMs: 3_000,
  };
}
