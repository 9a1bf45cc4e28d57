export type { ErrorBody, FieldProblem } from './error-body';
export { createValidationPipe } from './validation';
export { ErrorFilter, type RefusalListener } from './error.filter';
