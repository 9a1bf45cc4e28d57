import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './error-body';

export interface RateLimitOptions {
  /** Sustained requests per second per client; 0 turns the limit off. */
  readonly perSecond: number;
  /** How many requests a quiet client may send at once before the sustained rate applies. */
  readonly burst: number;
  /** Clients remembered at most (oldest forgotten first), so a flood of new keys cannot grow memory. */
  readonly maxClients?: number;
  /** Monotonic milliseconds; tests pass their own. */
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token bucket per client on the HTTP edge (DESIGN §10). A client is its bearer token when it
 * sends one (people behind one NAT are not one client), else its address. Refusals are 429 with
 * the stable code RATE_LIMITED and Retry-After, like every other refusal body.
 */
export function rateLimit(options: RateLimitOptions): (request: Request, response: Response, next: NextFunction) => void {
  const now = options.now ?? (() => performance.now());
  const maxClients = options.maxClients ?? 50_000;
  const buckets = new Map<string, Bucket>();
  return (request, response, next) => {
    if (options.perSecond <= 0) return next();
    const key = clientKey(request);
    const t = now();
    const previous = buckets.get(key);
    const bucket = previous ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
    bucket.at = t;
    // Re-inserting keeps the Map in least-recently-seen order, so eviction drops idle clients.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return next();
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    const body: ErrorBody = {
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests from this client: at most ${options.perSecond} a second (bursts of ${options.burst}). Try again in ${retryAfter} s.`,
    };
    response.setHeader('Retry-After', String(retryAfter));
    response.status(429).json(body);
  };
}

function clientKey(request: Request): string {
  const authorization = request.header('authorization');
  // Hashed so the limiter never keeps bearer tokens in memory.
  if (authorization) return `token:${createHash('sha256').update(authorization).digest('base64url')}`;
  return `ip:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
}
