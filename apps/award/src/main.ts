import { AwardModule } from '@tenderledger/award';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/**
 * Award decisions, standstill, challenges, direct awards; concludes contracts when standstill is over
 * and, hearing ContractConcluded / DirectAwardConcluded from Kafka, updates the register (registry commands over Kafka).
 */
runDistributedProcess({ name: 'award', owns: 'award', contexts: () => [AwardModule], httpEdge: false, sqlProjections: 'none', defaultPort: 3105 });
