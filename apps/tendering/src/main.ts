import { TenderingModule } from '@tenderledger/tendering';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/**
 * Tenders, lots, clarifications: the tender commands (checked against the registry's read models,
 * composed here for reading), closing submissions at the deadline, and marking the replaced contract
 * for re-procurement when a tender is published (a registry command, sent over Kafka).
 */
runDistributedProcess({ name: 'tendering', owns: 'tendering', contexts: () => [TenderingModule], httpEdge: false, sqlProjections: 'none', defaultPort: 3102 });
