import { ConflictException, Inject, Injectable, UnprocessableEntityException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { canonicalHash } from '@tenderledger/domain-kit';
import type { IdempotencyStore } from '@tenderledger/event-store';
import { toErrorBody } from './error.filter';

export const IDEMPOTENCY_STORE = Symbol.for('tenderledger.IdempotencyStore');
const HEADER = 'idempotency-key';
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Honours `Idempotency-Key` on every command route: the first answer (success or refusal) is
 * kept; a retry with the same key and body gets it back with `Idempotent-Replayed: true` and
 * appends nothing. The same key with a different body is refused. A 5xx releases the key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { actor?: { userId: string; organisationId: string } }>();
    const key = request.header(HEADER);
    if (!key || !COMMAND_METHODS.has(request.method)) return next.handle();
    return from(this.run(context, next, request, key));
  }

  private async run(context: ExecutionContext, next: CallHandler, request: Request & { actor?: { userId: string; organisationId: string } }, key: string): Promise<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    if (key.length > 200) throw new UnprocessableEntityException({ statusCode: 422, code: 'IDEMPOTENCY_KEY_TOO_LONG', message: 'An Idempotency-Key has at most 200 characters.' });
    const scope = `${request.actor?.organisationId ?? '-'}|${request.actor?.userId ?? '-'}|${request.method} ${request.baseUrl}${request.path}`;
    const fingerprint = canonicalHash(typeof request.body === 'string' ? request.body : (request.body ?? null));
    const claim = await this.store.claim(scope, key, fingerprint);
    if (claim.outcome === 'in-progress') {
      throw new ConflictException({ statusCode: 409, code: 'IDEMPOTENCY_IN_PROGRESS', message: 'A request with this Idempotency-Key is still being processed; retry shortly.' });
    }
    if (claim.outcome === 'answered') {
      if (claim.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED', message: 'This Idempotency-Key was already used with a different request body.' });
      }
      response.status(claim.answer.status).setHeader('Idempotent-Replayed', 'true');
      return claim.answer.body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.complete(scope, key, { status: response.statusCode, body: body ?? null });
      return body;
    } catch (error) {
      const answer = toErrorBody(error);
      if (answer.statusCode >= 500) await this.store.release(scope, key);
      else await this.store.complete(scope, key, { status: answer.statusCode, body: answer });
      throw error;
    }
  }
}
