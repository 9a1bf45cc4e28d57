import type { NextFunction, Request, Response } from 'express';
import { uuidv7 } from '@tenderledger/domain-kit';

/** Every request gets a correlation id (the caller's `X-Correlation-Id` if sane), echoed back and put on every event it causes. */
export function correlationIds(request: Request & { correlationId?: string }, response: Response, next: NextFunction): void {
  const given = request.header('x-correlation-id');
  request.correlationId = given && /^[\w.:-]{1,100}$/.test(given) ? given : uuidv7();
  response.setHeader('X-Correlation-Id', request.correlationId);
  next();
}
