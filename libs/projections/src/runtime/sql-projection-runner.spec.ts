import { openPgliteEventStore } from '@tenderledger/event-store';
import { sqlProjectionContract } from './sql-projection-contract';

sqlProjectionContract('pglite', { open: async () => (await openPgliteEventStore()).store });
