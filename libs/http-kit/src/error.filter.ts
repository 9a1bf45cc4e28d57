import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@tenderledger/domain-kit';
import { ConcurrencyError } from '@tenderledger/event-store';
import type { ErrorBody } from './error-body';

export interface RefusalListener {
  onRefusal(code: string, status: number): void;
}

/**
 * Maps every failure to ErrorBody: DomainError → 409 (state forbids it now) or 422 (rule broken)
 * with its stable code; a lost race on a stream → 409; bad input stays 400. Every refusal is
 * logged with the actor. Anything else is a 500 and a bug, logged with its stack.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Refusals');

  constructor(private readonly listener?: RefusalListener) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { actor?: { userId: string; role: string; organisationId: string | null } }>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.url} failed: ${(exception as Error)?.message}`, (exception as Error)?.stack);
    } else {
      this.logger.warn(`${request.method} ${request.url} refused ${body.statusCode} ${body.code} actor=${JSON.stringify(request.actor ?? null)}: ${body.message}`);
    }
    this.listener?.onRefusal(body.code, body.statusCode);
    response.status(body.statusCode).json(body);
  }
}


const httpCode = (status: number): string =>
  ({ 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 413: 'BODY_TOO_LARGE', 422: 'UNPROCESSABLE', 429: 'TOO_MANY_REQUESTS' })[status] ?? `HTTP_${status}`;

const isBodyParserError = (e: unknown): e is { status: number; type: string } =>
  typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number' && typeof (e as { type?: unknown }).type === 'string';

/** The answer a failure becomes; shared with the idempotency interceptor, which stores it. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = exception.kind === 'conflict' ? HttpStatus.CONFLICT : exception.kind === 'not-found' ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
    return { statusCode, code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) };
  }
  if (exception instanceof ConcurrencyError) {
    return { statusCode: HttpStatus.CONFLICT, code: exception.code, message: 'Someone else changed this record at the same moment; reload it and try again.' };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const raw = exception.getResponse();
    if (typeof raw === 'object' && raw !== null && 'code' in raw) return { ...(raw as ErrorBody), statusCode };
    const message = typeof raw === 'string' ? raw : ((raw as { message?: string | string[] }).message ?? exception.message);
    return { statusCode, code: httpCode(statusCode), message: Array.isArray(message) ? message.join('; ') : String(message) };
  }
  if (isBodyParserError(exception)) {
    return { statusCode: exception.status, code: exception.status === 413 ? 'BODY_TOO_LARGE' : 'MALFORMED_BODY', message: exception.status === 413 ? 'The request body is larger than allowed.' : 'The request body is not valid JSON.' };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged.' };
}
