import { AuditModule, OcdsModule, StatisticsModule } from '@tenderledger/projections';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/**
 * Keeps the SQL projections (audit index, turnover statistics, OCDS) current from the store's
 * global order, with the checkpoint in the same transaction as the rows; the gateway follows those
 * checkpoints and reads the same tables. The contexts' in-memory read models are rebuilt by each
 * process that needs them from the store at its start.
 */
runDistributedProcess({ name: 'projector', contexts: () => [AuditModule, OcdsModule, StatisticsModule], httpEdge: false, sqlProjections: 'write', defaultPort: 3106 });
