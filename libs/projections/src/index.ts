export type { Projection } from './runtime/projection';
export { ProjectionRunner, type EventListener } from './runtime/projection-runner';
