import type { NextFunction, Request, Response } from 'express';
import type { PlatformMetrics } from '../infrastructure/metrics';

/** Times every request by its route pattern (not its URL, so ids do not explode the label set). */
export const requestMetrics =
  (metrics: PlatformMetrics) =>
  (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpRequests.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? (response.statusCode === 404 ? 'unmatched' : request.path);
      stop({ method: request.method, route: `${request.baseUrl ?? ''}${route}`, status: String(response.statusCode) });
    });
    next();
  };
