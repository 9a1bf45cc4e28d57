import { RegistryModule } from '@tenderledger/registry';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/** Organisations and the contract register: their commands, read models and the contract-expiry job. */
runDistributedProcess({ name: 'registry', owns: 'registry', contexts: () => [RegistryModule], httpEdge: false, sqlProjections: 'none', defaultPort: 3101 });
