/**
 * The platform's HTTP API as the demo drives it: the same routes and bodies as real use, a dev
 * token per identity (cached), and any refusal stops the story with what was refused.
 */
export type Json = Record<string, unknown>;

export class DemoClient {
  private readonly tokens = new Map<string, Promise<string>>();
  requests = 0;

  constructor(private readonly url: string) {}

  token(role: string, organisationId: string, userId?: string): Promise<string> {
    const key = `${role}|${organisationId}|${userId ?? ''}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.send('POST', '/api/dev/tokens', null, { role, organisationId, ...(userId ? { userId } : {}) }, [201]).then((body) => String((body as Json).token));
      this.tokens.set(key, token);
    }
    return token;
  }

  get<T>(token: string, path: string): Promise<T> {
    return this.send('GET', path, token, undefined, [200]) as Promise<T>;
  }

  /** The status code alone (e.g. whether a contract is on the register yet). */
  async status(token: string, path: string): Promise<number> {
    this.requests++;
    const res = await fetch(`${this.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    await res.arrayBuffer();
    return res.status;
  }

  post<T>(token: string, path: string, body: unknown, expect: readonly number[] = [200, 201]): Promise<T> {
    return this.send('POST', path, token, body, expect) as Promise<T>;
  }

  put<T>(token: string, path: string, body: unknown): Promise<T> {
    return this.send('PUT', path, token, body, [200]) as Promise<T>;
  }

  csv<T>(token: string, path: string, csv: string): Promise<T> {
    return this.send('POST', path, token, csv, [201], 'text/csv') as Promise<T>;
  }

  /** Moves the platform's clock forward through the dev route; it answers once the time-driven process managers have run. */
  async moveClock(adminToken: string, to: number): Promise<void> {
    await this.send('POST', '/api/dev/clock', adminToken, { to: new Date(to).toISOString() }, [200]);
  }

  /** Asks until `check` returns a value (the register's reactions to an award run just after it). */
  async until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async send(method: string, path: string, token: string | null, body: unknown, expect: readonly number[], contentType = 'application/json'): Promise<unknown> {
    this.requests++;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    const res = await fetch(`${this.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 600)}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }
}
