import { AuditModule } from '@tenderledger/projections';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/**
 * Keeps the SQL projections (the audit index today) current from the store's global order, with the
 * checkpoint in the same transaction; the gateway reads those tables. The in-memory read models
 * (statistics, OCDS and the contexts') are rebuilt by the gateway from the store at its start.
 */
runDistributedProcess({ name: 'projector', contexts: () => [AuditModule], httpEdge: false, sqlProjections: 'write', defaultPort: 3106 });
