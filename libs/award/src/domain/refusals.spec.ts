import { DomainError, type DomainErrorKind } from '@tenderledger/domain-kit';
import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { CH2, LOT_1, OTHER_ICB, RANKING_1, bid, challenge, conclude, decideAward, history, outcome } from './competitive/award.fixtures';
import type { AwardCommand } from './competitive/commands';
import { awardDecider } from './competitive/decider';
import type { AwardEvent } from './competitive/events';
import type { DirectAwardCommand } from './direct/commands';
import { directAwardDecider } from './direct/decider';
import { ASSESSMENT, NEWCOMER, concludeDirect, decideDirect, directChallenge, directHistory, directOutcome } from './direct/direct-award.fixtures';
import type { DirectAwardEvent } from './direct/events';
import { bidId, lotId } from './ids';
import { AWARD_REFUSAL_CODES, type AwardRefusalCode } from './refusal-codes';

// One row per refusal: the code, the history, the command, the HTTP kind and a part of the sentence a
// person reads. The last test checks that every code in AWARD_REFUSAL_CODES has a row.

type Row<Evt, Cmd> = { code: AwardRefusalCode; rule: string; given: () => Evt[]; when: Cmd; kind: DomainErrorKind; says: RegExp };

const PSR_END = '2027-01-06T00:00:00.000Z';
const decided = () => history(decideAward());
const lot1 = (extra: object) => ({ lotId: LOT_1, ranking: RANKING_1, winnerBidId: bidId('bid-a1'), explanation: '', ...extra });

const AWARD_ROWS: Row<AwardEvent, AwardCommand>[] = [
  { code: 'AWARD_INVALID_DATE', rule: 'now must be an instant', given: () => [], when: decideAward({ now: '21/12/2026' }), kind: 'rule', says: /now is not a date/ },
  { code: 'AWARD_CONTRACT_TERM_INVALID', rule: 'the contract ends after it starts', given: () => [], when: decideAward({ contractTerm: { startDate: '2027-04-01', endDate: '2027-03-31' } }), kind: 'rule', says: /end date after it/ },
  { code: 'AWARD_STANDSTILL_RULE_INVALID', rule: 'a standstill counts whole working days', given: () => [], when: decideAward({ standstill: { workingDays: 0, counting: 'day-after-notice' } }), kind: 'rule', says: /whole number of working days/ },
  { code: 'AWARD_ALREADY_DECIDED', rule: 'one decision per tender', given: decided, when: decideAward(), kind: 'conflict', says: /already been decided/ },
  { code: 'AWARD_REASONS_REQUIRED', rule: 'a decision gives reasons', given: () => [], when: decideAward({ reasons: '  ' }), kind: 'rule', says: /give its reasons/ },
  { code: 'AWARD_DECISION_MAKERS_REQUIRED', rule: 'a decision names who took it', given: () => [], when: decideAward({ decisionMakers: [{ name: 'Dr Okafor', role: '' }] }), kind: 'rule', says: /decision-maker/ },
  { code: 'AWARD_NO_LOTS', rule: 'a decision covers a lot', given: () => [], when: decideAward({ lots: [] }), kind: 'rule', says: /at least one lot/ },
  { code: 'AWARD_LOTS_INVALID', rule: 'a lot appears once', given: () => [], when: decideAward({ lots: [lot1({}), lot1({})] }), kind: 'rule', says: /only once/ },
  { code: 'AWARD_RANKING_INVALID', rule: 'a ranking lists each bid once with finite scores', given: () => [], when: decideAward({ lots: [lot1({ ranking: [...RANKING_1, RANKING_1[0]!] })] }), kind: 'rule', says: /each bid once/ },
  {
    code: 'AWARD_NO_COMPLIANT_BID',
    rule: 'a lot needs a compliant bid that passed',
    given: () => [],
    when: decideAward({ lots: [lot1({ ranking: [bid('bid-a1', 'org-a', 80, { compliant: false }), bid('bid-b1', 'org-b', 70, { passedPassMarks: false })] })] }),
    kind: 'rule',
    says: /no compliant bid/,
  },
  { code: 'AWARD_WINNER_NOT_IN_RANKING', rule: 'the winner is a ranked bid', given: () => [], when: decideAward({ lots: [lot1({ winnerBidId: bidId('bid-zz') })] }), kind: 'rule', says: /not in that lot's ranking/ },
  { code: 'AWARD_WINNER_NOT_COMPLIANT', rule: 'the winner is compliant and passed', given: () => [], when: decideAward({ lots: [lot1({ winnerBidId: bidId('bid-b1') })] }), kind: 'rule', says: /not compliant or missed a pass mark/ },
  { code: 'AWARD_NOT_DECIDED', rule: 'nothing to challenge before a decision', given: () => [], when: challenge(), kind: 'not-found', says: /No award has been decided/ },
  { code: 'AWARD_LOT_NOT_FOUND', rule: 'a challenged lot is part of the award', given: decided, when: challenge({ lotId: lotId('lot-east') }), kind: 'not-found', says: /not part of this award/ },
  { code: 'STANDSTILL_OVER', rule: 'challenges only during standstill', given: decided, when: challenge({ now: PSR_END }), kind: 'conflict', says: /not in its standstill period/ },
  { code: 'CHALLENGE_ALREADY_EXISTS', rule: 'challenge ids are unique', given: () => history(decideAward(), challenge()), when: challenge(), kind: 'conflict', says: /already on record/ },
  { code: 'CHALLENGE_GROUNDS_REQUIRED', rule: 'a challenge states its grounds', given: decided, when: challenge({ grounds: '' }), kind: 'rule', says: /state its grounds/ },
  { code: 'CHALLENGE_NOT_FOUND', rule: 'an outcome is for a lodged challenge', given: decided, when: outcome({ challengeId: CH2 }), kind: 'not-found', says: /no such challenge/ },
  { code: 'CHALLENGE_ALREADY_DECIDED', rule: 'an outcome is recorded once', given: () => history(decideAward(), challenge(), outcome()), when: outcome({ outcome: 'upheld' }), kind: 'conflict', says: /already dismissed/ },
  { code: 'CHALLENGE_OUTCOME_REASONS_REQUIRED', rule: 'an outcome gives reasons', given: () => history(decideAward(), challenge()), when: outcome({ reasons: '' }), kind: 'rule', says: /give its reasons/ },
  { code: 'AWARD_NOT_OWNER', rule: 'only the deciding commissioner records outcomes', given: () => history(decideAward(), challenge()), when: outcome({ commissionerId: OTHER_ICB }), kind: 'rule', says: /Only the commissioner/ },
  { code: 'STANDSTILL_NOT_OVER', rule: 'no conclusion before the end of the last working day', given: decided, when: conclude('2027-01-05T23:59:59.999Z'), kind: 'conflict', says: /ends at 2027-01-06T00:00:00.000Z/ },
  { code: 'AWARD_SUSPENDED_BY_CHALLENGE', rule: 'an open challenge suspends conclusion', given: () => history(decideAward(), challenge({ lotId: undefined })), when: conclude('2027-02-01T00:00:00.000Z'), kind: 'conflict', says: /suspended until the open challenge/ },
];

const decidedC = () => directHistory(decideDirect('psr-direct-award-c'));
const DIRECT_ROWS: Row<DirectAwardEvent, DirectAwardCommand>[] = [
  { code: 'DIRECT_AWARD_ALREADY_DECIDED', rule: 'one decision per stream', given: decidedC, when: decideDirect('psr-direct-award-c'), kind: 'conflict', says: /already been decided/ },
  { code: 'DIRECT_AWARD_ROUTE_UNKNOWN', rule: 'the route is a PSR direct route', given: () => [], when: decideDirect('psr-direct-award-c', { route: 'pa23-open' }), kind: 'rule', says: /not a PSR direct award/ },
  { code: 'DIRECT_AWARD_PROVIDER_REQUIRED', rule: 'a provider is named', given: () => [], when: decideDirect('psr-direct-award-a', { provider: { organisationId: NEWCOMER, name: ' ' } }), kind: 'rule', says: /names the provider/ },
  { code: 'DIRECT_AWARD_INCUMBENT_REQUIRED', rule: 'C names the incumbent', given: () => [], when: decideDirect('psr-direct-award-c', { incumbent: undefined }), kind: 'rule', says: /current holder/ },
  { code: 'DIRECT_AWARD_C_MUST_KEEP_INCUMBENT', rule: 'C keeps the incumbent', given: () => [], when: decideDirect('psr-direct-award-c', { provider: { organisationId: NEWCOMER, name: 'Hillside Health' } }), kind: 'rule', says: /cannot award to another provider/ },
  {
    code: 'DIRECT_AWARD_KEY_CRITERIA_MISSING',
    rule: 'C and most suitable provider assess all five key criteria',
    given: () => [],
    when: decideDirect('psr-most-suitable-provider', { keyCriteriaAssessment: { ...ASSESSMENT, 'social-value': '' } }),
    kind: 'rule',
    says: /missing: social-value/,
  },
  { code: 'DIRECT_AWARD_DECISION_MAKERS_REQUIRED', rule: 'a decision names who took it', given: () => [], when: decideDirect('psr-direct-award-c', { decisionMakers: [] }), kind: 'rule', says: /decision-maker/ },
  {
    code: 'DIRECT_AWARD_CONFLICT_INCOMPLETE',
    rule: 'a conflict names a decision-maker, the interest and its handling',
    given: () => [],
    when: decideDirect('psr-direct-award-c', { conflicts: [{ decisionMaker: 'Someone Else', interest: 'Shareholder.', handling: 'Stepped out.' }] }),
    kind: 'rule',
    says: /how it was handled/,
  },
  { code: 'DIRECT_AWARD_REASONS_REQUIRED', rule: 'a decision gives reasons', given: () => [], when: decideDirect('psr-direct-award-c', { reasons: '' }), kind: 'rule', says: /reasons for the decision/ },
  { code: 'DIRECT_AWARD_NOT_FOUND', rule: 'conclusion needs a decision', given: () => [], when: concludeDirect(PSR_END), kind: 'not-found', says: /no such direct award/ },
  {
    code: 'DIRECT_AWARD_CANCELLED',
    rule: 'a cancelled decision is not concluded',
    given: () => directHistory(decideDirect('psr-direct-award-c'), directChallenge(), directOutcome({ outcome: 'upheld' })),
    when: concludeDirect('2027-03-01T00:00:00.000Z'),
    kind: 'conflict',
    says: /cancelled after a challenge was upheld/,
  },
];

// Codes also used by the direct decider, checked there too.
const DIRECT_SHARED_ROWS: Row<DirectAwardEvent, DirectAwardCommand>[] = [
  { code: 'STANDSTILL_OVER', rule: 'A and B have no standstill to challenge in', given: () => directHistory(decideDirect('psr-direct-award-a')), when: directChallenge(), kind: 'conflict', says: /not in its standstill/ },
  { code: 'STANDSTILL_OVER', rule: 'challenges only during standstill', given: decidedC, when: directChallenge({ now: PSR_END }), kind: 'conflict', says: /not in its standstill/ },
  { code: 'STANDSTILL_NOT_OVER', rule: 'no conclusion before the end', given: decidedC, when: concludeDirect('2027-01-05T12:00:00.000Z'), kind: 'conflict', says: /ends at 2027-01-06T00:00:00.000Z/ },
  { code: 'AWARD_SUSPENDED_BY_CHALLENGE', rule: 'an open representation suspends conclusion', given: () => directHistory(decideDirect('psr-direct-award-c'), directChallenge()), when: concludeDirect('2027-03-01T00:00:00.000Z'), kind: 'conflict', says: /suspended/ },
  { code: 'CHALLENGE_NOT_FOUND', rule: 'an outcome is for a lodged challenge', given: decidedC, when: directOutcome(), kind: 'not-found', says: /no such challenge/ },
  { code: 'CHALLENGE_ALREADY_DECIDED', rule: 'an outcome is recorded once', given: () => directHistory(decideDirect('psr-direct-award-c'), directChallenge(), directOutcome()), when: directOutcome(), kind: 'conflict', says: /already dismissed/ },
  { code: 'AWARD_NOT_OWNER', rule: 'only the deciding commissioner records outcomes', given: () => directHistory(decideDirect('psr-direct-award-c'), directChallenge()), when: directOutcome({ commissionerId: OTHER_ICB }), kind: 'rule', says: /Only the commissioner/ },
  { code: 'AWARD_INVALID_DATE', rule: 'now must be an instant', given: () => [], when: decideDirect('psr-direct-award-c', { now: 'tomorrow' }), kind: 'rule', says: /not a date/ },
  { code: 'AWARD_CONTRACT_TERM_INVALID', rule: 'the value is whole pence', given: () => [], when: decideDirect('psr-direct-award-c', { contract: { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 12.5 } }), kind: 'rule', says: /whole number of pence/ },
  { code: 'CHALLENGE_ALREADY_EXISTS', rule: 'challenge ids are unique', given: () => directHistory(decideDirect('psr-direct-award-c'), directChallenge()), when: directChallenge(), kind: 'conflict', says: /already on record/ },
];

const awardSpec = deciderSpec(awardDecider);
const directSpec = deciderSpec(directAwardDecider);

const checkKind = (error: DomainError, kind: DomainErrorKind): void => {
  expect(error).toBeInstanceOf(DomainError);
  expect(error.kind).toBe(kind);
};

describe('award refusals', () => {
  it.each(AWARD_ROWS.map((row) => [row.code, row.rule, row] as const))('%s: %s', (_code, _rule, row) => {
    checkKind(awardSpec.given(row.given()).when(row.when).thenRefuses(row.code, row.says), row.kind);
  });
});

describe('direct award refusals', () => {
  it.each([...DIRECT_ROWS, ...DIRECT_SHARED_ROWS].map((row) => [row.code, row.rule, row] as const))('%s: %s', (_code, _rule, row) => {
    checkKind(directSpec.given(row.given()).when(row.when).thenRefuses(row.code, row.says), row.kind);
  });

  it('A and B need no key-criteria assessment, but one recorded anyway must be complete', () => {
    directSpec
      .given([])
      .when(decideDirect('psr-direct-award-b', { keyCriteriaAssessment: { value: 'Tariff price.' } }))
      .thenRefuses('DIRECT_AWARD_KEY_CRITERIA_MISSING', /quality-and-innovation/);
  });
});

it('every refusal code has a row, and every row uses a listed code', () => {
  const used = new Set<string>([...AWARD_ROWS, ...DIRECT_ROWS, ...DIRECT_SHARED_ROWS].map((row) => row.code));
  expect([...used].sort()).toEqual([...AWARD_REFUSAL_CODES].sort());
});

it('a refused command appends nothing: the decider throws before returning events', () => {
  expect(() => awardDecider.decide(challenge({ now: PSR_END }), history(decideAward()).reduce(awardDecider.evolve, awardDecider.initialState()))).toThrow(DomainError);
});
