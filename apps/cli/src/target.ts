import { createPlatformApp } from '../../platform/src/bootstrap';
import { platformConfigFromEnv, type PlatformConfig } from '../../platform/src/infrastructure/platform-config';
import { platformContexts } from '../../platform/src/contexts';
import { resolveSealingKey } from '../../platform/src/infrastructure/sealing-key';
import type { Clock } from '@tenderledger/domain-kit';
import { currentHolder, describeEventStore, lockDataFolder, openEventStore, type SqlEventStore } from '@tenderledger/event-store';

/**
 * Where the CLI's questions go. If a platform holds the embedded data folder, over HTTP to it
 * (PGlite allows one process per folder). Otherwise the CLI opens the store itself — the data
 * folder or PostgreSQL, by the same configuration as the platform — and runs the platform
 * in-process on a loopback port, so every command has one code path. It always says which.
 */
export interface Target {
  readonly description: string;
  /** The platform's base URL (loopback when the CLI runs it in-process). */
  readonly url: string;
  /** GET a platform route as an auditor; returns the raw response. */
  get(path: string, accept?: string): Promise<Response>;
  /** POST to a platform route as an admin (operator commands such as `projections rebuild`); returns the raw response. */
  post(path: string, body?: unknown): Promise<Response>;
  /** The store itself, when the CLI opened it (null when talking to a running platform). */
  readonly store: SqlEventStore | null;
  close(): Promise<void>;
}

export async function openTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const config = platformConfigFromEnv({ ...env, PORT: '0', HOST: '127.0.0.1' });
  const dataDir = config.eventStore.kind === 'pglite' ? config.eventStore.dataDir : undefined;
  const holder = dataDir ? currentHolder(dataDir) : null;
  if (holder?.url) return remoteTarget(holder.url, config, `the running platform at ${holder.url} (pid ${holder.pid}), which holds ${dataDir}`);
  if (holder) throw new Error(`the data folder ${dataDir} is held by pid ${holder.pid} (${holder.kind}), which does not answer HTTP`);
  if (env.TENDERLEDGER_URL) return remoteTarget(env.TENDERLEDGER_URL, config, `the platform at ${env.TENDERLEDGER_URL}`);
  return localTarget(config, dataDir);
}

async function remoteTarget(url: string, config: PlatformConfig, description: string): Promise<Target> {
  const token = process.env.CLI_TOKEN ?? (config.auth.mode === 'dev' ? await devToken(url) : undefined);
  if (!token) throw new Error('the platform runs AUTH_MODE=jwt: set CLI_TOKEN to an auditor token');
  // Operator commands need an admin: CLI_TOKEN must then carry that role (in dev mode the CLI asks for one).
  const adminToken = process.env.CLI_TOKEN ? async () => token : lazyAdminToken(url);
  return {
    description,
    url,
    store: null,
    get: (path, accept = 'application/json') => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}`, accept } }),
    post: async (path, body) => post(url, path, await adminToken(), body),
    close: async () => undefined,
  };
}

/**
 * Locks the folder and runs the platform in-process on a loopback port. `clock` lets a caller that
 * writes a history (seed-demo) start the platform's clock at a past moment and move it forward
 * through the dev clock route; by default the platform keeps its own clock.
 */
export async function localTarget(config: PlatformConfig, dataDir: string | undefined, clock?: Clock): Promise<Target> {
  const release = dataDir ? lockDataFolder(dataDir, { kind: 'cli' }) : () => undefined;
  try {
    const store = await openEventStore(config.eventStore);
    // Bids sealed here must open under `npm start` later: the same key as the platform (the data folder's key file, or SEALING_KEY).
    const sealingKey = resolveSealingKey(process.env, { dataDir, durableStore: config.eventStore.kind === 'postgres' });
    const { app } = await createPlatformApp({ config: { ...config, auth: { ...config.auth, mode: 'dev' } }, store, contexts: platformContexts({ sealingKey }), ...(clock ? { clock } : {}) });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://127.0.0.1:${address.port}`;
    const token = await devToken(url);
    const adminToken = lazyAdminToken(url);
    return {
      description: `${describeEventStore(config.eventStore)}, opened by the CLI itself (no platform holds it)`,
      url,
      store,
      get: (path, accept = 'application/json') => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}`, accept } }),
      post: async (path, body) => post(url, path, await adminToken(), body),
      close: async () => {
        await app.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function post(url: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function lazyAdminToken(url: string): () => Promise<string> {
  let token: Promise<string> | null = null;
  return () => (token ??= devToken(url, 'admin'));
}

async function devToken(url: string, role = 'auditor'): Promise<string> {
  const res = await fetch(`${url}/api/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, organisationId: 'tenderledger-cli', userId: 'cli' }) });
  if (!res.ok) throw new Error(`could not get a dev token from ${url}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
