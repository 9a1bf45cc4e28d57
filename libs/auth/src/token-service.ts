import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isRole, type Identity } from './identity';

export type AuthMode = 'dev' | 'jwt';

export interface AuthConfig {
  readonly mode: AuthMode;
  readonly issuer: string;
  readonly audience: string;
  /** HS256 shared secret (dev: random per process unless given). */
  readonly secret?: string;
  /** Production: the identity provider's JWKS. */
  readonly jwksUrl?: string;
  /** Lifetime of dev tokens. */
  readonly devTokenTtl?: string;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = (env.AUTH_MODE ?? 'dev') as AuthMode;
  if (mode !== 'dev' && mode !== 'jwt') throw new Error(`AUTH_MODE=${env.AUTH_MODE}: use dev or jwt`);
  if (mode === 'jwt' && !env.JWT_JWKS_URL && !env.JWT_SECRET) throw new Error('AUTH_MODE=jwt needs JWT_JWKS_URL (or JWT_SECRET for a shared key)');
  return {
    mode,
    issuer: env.JWT_ISSUER ?? 'tenderledger-dev',
    audience: env.JWT_AUDIENCE ?? 'tenderledger',
    secret: env.JWT_SECRET,
    jwksUrl: env.JWT_JWKS_URL,
    devTokenTtl: env.DEV_TOKEN_TTL ?? '12h',
  };
}

export class InvalidTokenError extends Error {}

/** Verifies bearer tokens with `jose`; in dev mode it also issues them. */
export class TokenService {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly secret?: Uint8Array;

  constructor(readonly config: AuthConfig) {
    if (config.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(config.jwksUrl));
    } else {
      this.secret = new TextEncoder().encode(config.secret ?? randomBytes(32).toString('hex'));
      this.key = this.secret;
    }
  }

  get devMode(): boolean {
    return this.config.mode === 'dev';
  }

  async verify(token: string): Promise<Identity> {
    let payload: JWTPayload;
    try {
      const result = typeof this.key === 'function'
        ? await jwtVerify(token, this.key, { issuer: this.config.issuer, audience: this.config.audience })
        : await jwtVerify(token, this.key, { issuer: this.config.issuer, audience: this.config.audience });
      payload = result.payload;
    } catch (error) {
      throw new InvalidTokenError(`the bearer token is not valid: ${(error as Error).message}`);
    }
    const role = payload.role;
    const organisationId = payload.org;
    if (!payload.sub || !isRole(role) || typeof organisationId !== 'string' || !organisationId) {
      throw new InvalidTokenError('the bearer token lacks sub, role or org');
    }
    return { userId: payload.sub, role, organisationId };
  }

  /** Dev mode only: a local token for a named organisation and role. */
  async issue(identity: Identity): Promise<string> {
    if (!this.devMode || !this.secret) throw new Error('tokens are only issued locally in AUTH_MODE=dev');
    return new SignJWT({ role: identity.role, org: identity.organisationId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(identity.userId)
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setIssuedAt()
      .setExpirationTime(this.config.devTokenTtl ?? '12h')
      .sign(this.secret);
  }
}
