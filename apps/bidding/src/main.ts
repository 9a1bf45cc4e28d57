import { BiddingModule } from '@tenderledger/bidding';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/** Sealed bids and consortia: submission, withdrawal, resubmission and opening after the deadline (needs SEALING_KEY). */
runDistributedProcess({ name: 'bidding', owns: 'bidding', contexts: ({ sealingKey }) => [BiddingModule.register({ sealingKey: sealingKey() })], httpEdge: false, sqlProjections: 'none', defaultPort: 3103 });
