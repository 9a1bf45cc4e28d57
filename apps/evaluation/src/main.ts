import { EvaluationModule } from '@tenderledger/evaluation';
import { runDistributedProcess } from '../../platform/src/shapes/distributed';

/** Panels, conflicts, scoring, moderation, ranking and the lot award recommendation. */
runDistributedProcess({ name: 'evaluation', owns: 'evaluation', contexts: () => [EvaluationModule], httpEdge: false, sqlProjections: 'none', defaultPort: 3104 });
