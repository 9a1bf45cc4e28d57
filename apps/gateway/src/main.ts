import { runDistributedProcess } from '../../platform/src/shapes/distributed';
import { platformContexts } from '../../platform/src/contexts';

/**
 * The distributed shape's only HTTP edge (DESIGN §3, §9, §10): the same API as the platform — auth,
 * validation, Idempotency-Key, OpenAPI at /docs — over every context's controllers and read models
 * (fed from PostgreSQL). It owns no command: each goes over Kafka to the service that owns it. It
 * runs no process manager and no deadline job, and reads the SQL projections the projector writes.
 */
runDistributedProcess({ name: 'gateway', contexts: ({ sealingKey }) => platformContexts({ sealingKey: sealingKey() }), httpEdge: true, sqlProjections: 'follow', defaultPort: 3000 });
