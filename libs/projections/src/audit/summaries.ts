import type { Actor, StoredEvent } from '@tenderledger/event-store';

/** Event data as the audit reads it: untyped JSON, read defensively (old shapes, other contexts). */
export type Data = Readonly<Record<string, unknown>>;

const str = (value: unknown, fallback = '?'): string => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : fallback);
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const obj = (value: unknown): Data => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {});
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const ids = (value: unknown): string => list(value).map((v) => str(v)).join(', ');

const bidderName = (bidder: unknown): string => {
  const b = obj(bidder);
  return b['kind'] === 'consortium' ? `the consortium ${str(b['name'])}` : str(b['organisationId']);
};

type Phrase = (data: Data) => string;

// What each decision did, in words a reader of the audit trail understands without the schema.
const PHRASES: Readonly<Record<string, Phrase>> = {
  TenderDrafted: (d) => `drafted the tender “${str(obj(d['terms'])['title'])}”`,
  DraftAmended: (d) => `amended the draft (${Object.keys(obj(d['changes'])).join(', ') || 'no field'})${d['lotsCleared'] ? ', clearing its lots' : ''}`,
  LotsDefined: (d) => `defined ${plural(list(d['lots']).length, 'lot')}`,
  LotSplitProposed: (d) => `proposed splitting the tender into ${plural(list(d['lots']).length, 'lot')}`,
  LotSplitProposalAccepted: (d) => `accepted the lot-split proposal (${plural(list(d['lots']).length, 'lot')}${d['edited'] ? ', edited' : ''})`,
  LotSplitProposalRejected: () => 'rejected the lot-split proposal',
  NoSplitReasonRecorded: () => 'kept the tender whole as a single lot and recorded why',
  LotLimitSet: (d) => `set the lot limit to ${str(d['lotLimit'])}`,
  TenderPublished: (d) =>
    `published the tender “${str(d['title'])}” with ${plural(list(d['lots']).length, 'lot')}, submissions due ${str(obj(d['timeline'])['submissionDeadline'])}`,
  ClarificationAsked: (d) => `asked clarification question ${str(d['clarificationId'])}`,
  ClarificationAnswered: (d) => `answered clarification question ${str(d['clarificationId'])}`,
  TenderAmended: (d) => `amended the published tender (${list(d['changes']).map((c) => str(obj(c)['field'])).join(', ')})`,
  TenderCancelled: () => 'cancelled the tender',
  SubmissionsClosed: (d) => `closed submissions at the deadline ${str(d['submissionDeadline'])}`,

  BidSubmitted: (d) => `submitted sealed bid ${str(d['bidId'])} for ${bidderName(d['bidder'])} on lots ${ids(d['lotIds'])} (commitment ${str(d['commitment']).slice(0, 12)}…)`,
  BidResubmitted: (d) => `resubmitted bid ${str(d['bidId'])} on lots ${ids(d['lotIds'])} with a new sealed content (commitment ${str(d['commitment']).slice(0, 12)}…)`,
  BidWithdrawn: (d) => `withdrew bid ${str(d['bidId'])}`,
  BidOpened: (d) => `opened bid ${str(d['bidId'])} and revealed its content`,
  BidOpeningFailed: (d) => `could not open bid ${str(d['bidId'])}: ${str(d['reason'])}`,
  BidExcludedAtOpening: (d) => `excluded bid ${str(d['bidId'])} at opening (${plural(list(d['problems']).length, 'problem')})`,

  EvaluationOpened: (d) => `opened the evaluation of ${plural(list(d['bids']).length, 'bid')}`,
  PanelAppointed: (d) => `appointed an evaluation panel: ${list(d['evaluators']).map((e) => str(obj(e)['name'])).join(', ')}`,
  ConflictDeclared: (d) => `declared for evaluator ${str(d['evaluatorId'])} a conflict of interest with ${str(d['organisationId'])}`,
  NoConflictsDeclared: (d) => `declared for evaluator ${str(d['evaluatorId'])} no conflict of interest`,
  BidsAssigned: (d) => `assigned ${plural(list(d['bidIds']).length, 'bid')} to evaluator ${str(d['evaluatorId'])}`,
  ScoresSubmitted: (d) => `submitted evaluator ${str(d['evaluatorId'])}'s scores for bid ${str(d['bidId'])}`,
  ScoreModerated: (d) => `moderated bid ${str(d['bidId'])}'s consensus score on ${str(d['criterionId'])} to ${str(d['consensusScore'])}`,
  ComplianceRecorded: (d) => `recorded bid ${str(d['bidId'])} as ${d['passed'] ? 'compliant' : 'non-compliant'}`,
  EvaluationCompleted: (d) => `completed the evaluation, recommending awards on ${plural(list(obj(d['recommendation'])['lots']).length, 'lot')}`,

  AwardDecided: (d) =>
    `decided the award: ${list(d['lots']).map((l) => `${str(obj(l)['lotId'])} to ${str(obj(obj(l)['winner'])['bidderName'], str(obj(obj(l)['winner'])['bidderId']))}`).join('; ')}`,
  StandstillStarted: (d) => `started the standstill on ${ids(d['lotIds'])}, ending ${str(d['endsAt'])}`,
  ChallengeLodged: (d) => `lodged a ${str(d['kind'], 'challenge')} against ${plural(list(d['against']).length, 'award')}`,
  ChallengeUpheld: (d) => `upheld challenge ${str(d['challengeId'])}`,
  ChallengeDismissed: (d) => `dismissed challenge ${str(d['challengeId'])}`,
  AwardCancelled: (d) => `cancelled the award of ${str(d['lotId'])} to ${str(d['bidderId'])}`,
  AwardReassigned: (d) => `reassigned ${str(d['lotId'])} to ${str(obj(d['winner'])['bidderName'], str(obj(d['winner'])['bidderId']))}`,
  LotLeftUnawarded: (d) => `left ${str(d['lotId'])} unawarded`,
  StandstillExtended: (d) => `extended the standstill on ${str(d['lotId'])} to ${str(d['endsAt'])}`,
  ContractConcluded: (d) => `concluded the contract for ${str(d['lotId'])} with ${str(d['winnerBidderId'])}, ${str(d['startDate'])} to ${str(d['endDate'])}`,

  DirectAwardDecided: (d) => {
    const provider = obj(d['provider']);
    const criteria = list(d['keyCriteriaAssessment']);
    const makers = list(d['decisionMakers']).map((m) => `${str(obj(m)['name'])} (${str(obj(m)['role'])})`);
    const conflicts = list(d['conflicts']).map((c) => `${str(obj(c)['decisionMaker'])}: ${str(obj(c)['interest'])}; ${str(obj(c)['handling'])}`);
    const incumbent = d['incumbentRetained'] === true ? ', keeping the incumbent' : d['incumbentRetained'] === false ? ', replacing the incumbent' : '';
    return (
      `decided a ${str(d['awardProcess'])} award (${str(d['route'])}) to ${str(provider['name'], str(provider['organisationId']))}${incumbent}` +
      `; key criteria assessed: ${criteria.length === 0 ? 'none (not required on this route)' : criteria.map((c) => str(obj(c)['criterion'])).join(', ')}` +
      `; decision-makers: ${makers.join(', ') || 'none'}; conflicts declared: ${conflicts.length === 0 ? 'none' : conflicts.join(' | ')}`
    );
  },
  IntentionNoticePublished: (d) => `published the intention to award to ${str(d['providerId'])} (${str(d['route'])})`,
  DirectAwardStandstillStarted: (d) => `started the standstill, ending ${str(d['endsAt'])}`,
  DirectAwardChallengeLodged: (d) => `lodged a ${str(d['kind'], 'challenge')} (${str(d['challengeId'])}) against the direct award for ${str(d['by'])}`,
  DirectAwardChallengeUpheld: (d) => `upheld challenge ${str(d['challengeId'])}`,
  DirectAwardChallengeDismissed: (d) => `dismissed challenge ${str(d['challengeId'])}`,
  DirectAwardCancelled: (d) => `cancelled the direct award after challenge ${str(d['challengeId'])} was upheld`,
  DirectAwardStandstillExtended: (d) => `extended the standstill to ${str(d['endsAt'])} after challenge ${str(d['challengeId'])}`,
  DirectAwardConcluded: (d) =>
    `concluded the ${str(d['awardProcess'])} contract with ${str(d['providerId'])}, ${str(obj(d['contract'])['startDate'])} to ${str(obj(d['contract'])['endDate'])}`,

  ContractRenewedWithoutCompetition: (d) => `renewed contract ${str(d['contractId'])} without competition${d['route'] ? ` (${str(d['route'])})` : ''} to ${str(d['newEndDate'])}`,
  ContractMarkedForReprocurement: (d) => `marked contract ${str(d['contractId'])} (held by ${str(d['holderId'])}) for re-procurement`,
  ContractAwarded: (d) =>
    `recorded on contract ${str(d['contractId'])} that ${str(d['newHolderId'])} won (${d['incumbentRetained'] ? 'incumbent retained' : 'provider changed'})`,
  ContractRegistered: (d) => `registered contract ${str(d['contractId'])} held by ${str(d['holderId'])}`,
};

const humanise = (type: string): string => type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export const actorLabel = (actor: Actor): string => `${actor.userId} (${[actor.role, actor.organisationId].filter(Boolean).join(', ')})`;

/** "jane (commissioner, org-icb-north) published the tender “…” with 3 lots, …" */
export function summarise(event: Pick<StoredEvent, 'type' | 'data' | 'actor'>): string {
  const phrase = PHRASES[event.type];
  return `${actorLabel(event.actor)} ${phrase ? phrase(obj(event.data)) : `recorded ${humanise(event.type)}`}`;
}

/** The reason the actor gave, under whichever name the event carries it. */
export function reasonOf(data: unknown): string | null {
  const d = obj(data);
  for (const key of ['reason', 'reasons', 'rationale', 'grounds']) {
    const value = d[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}
