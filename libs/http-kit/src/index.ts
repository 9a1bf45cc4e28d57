export type { ErrorBody, FieldProblem } from './error-body';
export { createValidationPipe } from './validation';
export { ErrorFilter, toErrorBody, type RefusalListener } from './error.filter';
export { IdempotencyInterceptor, IDEMPOTENCY_STORE } from './idempotency.interceptor';
export { correlationIds } from './correlation';
export { rateLimit, type RateLimitOptions } from './rate-limit';
export { commandContext, type CommandRequest } from './command-context';
