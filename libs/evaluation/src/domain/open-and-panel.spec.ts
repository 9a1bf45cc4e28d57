import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { evaluationDecider } from './decider';
import { evaluationStreamId } from './ids';
import {
  ANNA,
  ICB,
  LEAD,
  MEMBER_2,
  OPENED_AT,
  OTHER_ICB,
  TENDER,
  anna,
  appointPanel,
  ben,
  bids,
  cara,
  history,
  openEvaluation,
  stateOf,
  tenderFacts,
} from './testing/fixtures';

const spec = deciderSpec(evaluationDecider);

describe('OpenEvaluation', () => {
  it('records the tender facts and the opened bids, so the ranking can later be recomputed from this stream alone', () => {
    spec
      .given([])
      .when(openEvaluation())
      .then([{ type: 'EvaluationOpened', data: { tenderId: TENDER, openedBy: ICB, openedAt: OPENED_AT, tender: tenderFacts(), bids } }]);
  });

  it('lives in the evaluation-{tenderId} stream', () => {
    expect(evaluationStreamId(TENDER)).toBe('evaluation-tender-riverside-2026');
  });

  it('accepts a 0–100 scale in steps of 5 and the proportional-difference formula', () => {
    const tender = tenderFacts({
      scoringScale: { step: 5 },
      priceFormula: 'proportional-difference',
      criteria: tenderFacts().criteria.map((c) => (c.kind === 'price' ? c : { ...c, maxScore: 100, passMark: c.passMark === null ? null : 40 })),
    });
    spec.given([]).when(openEvaluation({ tender })).thenMatches(([event]) => expect(event).toMatchObject({ data: { tender } }));
  });

  it('opens once (EVALUATION_ALREADY_OPEN)', () => {
    spec.given(history(openEvaluation())).when(openEvaluation()).thenRefuses('EVALUATION_ALREADY_OPEN');
  });

  it('needs at least one bid (EVALUATION_NO_BIDS)', () => {
    spec.given([]).when(openEvaluation({ bids: [] })).thenRefuses('EVALUATION_NO_BIDS', /nothing to evaluate/);
  });

  it('needs a time with a zone (EVALUATION_TIME_INVALID)', () => {
    spec.given([]).when(openEvaluation({ now: '2026-03-03 09:00' })).thenRefuses('EVALUATION_TIME_INVALID', /now/);
  });

  describe('refuses facts that cannot be evaluated (EVALUATION_FACTS_INVALID)', () => {
    const price = tenderFacts().criteria[2]!;
    const cases: Array<[string, Parameters<typeof openEvaluation>[0], RegExp]> = [
      ['weights that do not add up to 100%', { tender: tenderFacts({ criteria: tenderFacts().criteria.slice(0, 2) }) }, /60%, not 100%/],
      ['two price criteria', { tender: tenderFacts({ criteria: [...tenderFacts().criteria.slice(0, 2), { ...price, weightBasisPoints: 2_000 }, { ...price, id: price.id + '-2' as typeof price.id, weightBasisPoints: 2_000 }] }) }, /more than one price/],
      ['a maximum score that is not a whole number of steps', { tender: tenderFacts({ scoringScale: { step: 2 } }) }, /steps of 2/],
      ['an unknown price formula', { tender: { ...tenderFacts(), priceFormula: 'cheapest-wins' as never } }, /price formula/],
      ['an unknown tie-break rule', { tender: { ...tenderFacts(), tieBreakRule: 'coin-toss' as never } }, /tie-break/],
      ['a lot limit above the number of lots', { tender: tenderFacts({ lotLimit: 3 }) }, /lot limit/],
      ['a threshold of 100% or more', { tender: tenderFacts({ abnormallyLowThresholdBasisPoints: 10_000 }) }, /abnormally low/],
      ['a bid pricing a lot of another tender', { bids: [{ ...bids[0]!, lots: [{ lotId: 'lot-z' as never, price: 1 }] }] }, /lot-z/],
      ['a price that is not whole pence', { bids: [{ ...bids[0]!, lots: [{ lotId: bids[0]!.lots[0]!.lotId, price: 10.5 }] }] }, /whole number of pence/],
      ['the same bid twice', { bids: [bids[0]!, bids[0]!] }, /listed twice/],
    ];
    it.each(cases)('%s', (_name, overrides, message) => {
      spec.given([]).when(openEvaluation(overrides)).thenRefuses('EVALUATION_FACTS_INVALID', message);
    });
  });
});

describe('AppointPanel', () => {
  it('appoints commissioner staff and an independent clinician', () => {
    spec
      .given(history(openEvaluation()))
      .when(appointPanel([anna, ben]))
      .then([{ type: 'PanelAppointed', data: { tenderId: TENDER, appointedBy: ICB, appointedAt: OPENED_AT, evaluators: [anna, ben] } }]);
  });

  it('adds more evaluators later', () => {
    const state = stateOf(history(openEvaluation(), appointPanel([anna]), appointPanel([cara])));
    expect(state.status !== 'none' && state.panel.map((m) => m.evaluatorId)).toEqual([ANNA, cara.evaluatorId]);
  });

  it('refuses before the evaluation is open (EVALUATION_NOT_OPEN)', () => {
    spec.given([]).when(appointPanel()).thenRefuses('EVALUATION_NOT_OPEN');
  });

  it('refuses another commissioner (EVALUATION_NOT_COMMISSIONER)', () => {
    spec.given(history(openEvaluation())).when(appointPanel([anna], OTHER_ICB)).thenRefuses('EVALUATION_NOT_COMMISSIONER');
  });

  it('refuses an empty panel, a nameless evaluator, an unknown role and a duplicate (PANEL_INVALID)', () => {
    const opened = history(openEvaluation());
    spec.given(opened).when(appointPanel([])).thenRefuses('PANEL_INVALID', /at least one/);
    spec.given(opened).when(appointPanel([{ ...anna, name: ' ' }])).thenRefuses('PANEL_INVALID', /name/);
    spec.given(opened).when(appointPanel([{ ...anna, role: 'bidder' as never }])).thenRefuses('PANEL_INVALID', /role/);
    spec.given(opened).when(appointPanel([anna, anna])).thenRefuses('PANEL_INVALID', /twice/);
  });

  it('refuses someone already on the panel (EVALUATOR_ALREADY_ON_PANEL)', () => {
    spec.given(history(openEvaluation(), appointPanel([anna]))).when(appointPanel([anna])).thenRefuses('EVALUATOR_ALREADY_ON_PANEL');
  });

  it('refuses someone who works for a bidder or any consortium member (PANEL_MEMBER_FROM_BIDDER)', () => {
    const opened = history(openEvaluation());
    spec.given(opened).when(appointPanel([{ ...ben, organisationId: MEMBER_2 }])).thenRefuses('PANEL_MEMBER_FROM_BIDDER', /Harrow GP Federation/);
    spec.given(opened).when(appointPanel([{ ...ben, organisationId: LEAD }])).thenRefuses('PANEL_MEMBER_FROM_BIDDER');
  });
});
