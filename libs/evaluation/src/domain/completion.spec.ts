import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { evaluationDecider } from './decider';
import type { EvaluationCompleted, EvaluationEvent } from './events';
import {
  ACCESS,
  BID_COMPANY,
  BID_FEDERATION,
  BID_PRACTICE,
  COMPLETED_AT,
  ICB,
  LOT_A,
  LOT_B,
  NOW,
  OTHER_ICB,
  QUALITY,
  TENDER,
  allModerated,
  allScored,
  completeEvaluation,
  history,
  moderate,
  openEvaluation,
  recordCompliance,
  tenderFacts,
} from './testing/fixtures';

const spec = deciderSpec(evaluationDecider);

const resultOf = (events: EvaluationEvent[]): EvaluationCompleted['data']['result'] => {
  const [event] = events;
  if (event?.type !== 'EvaluationCompleted') throw new Error('expected EvaluationCompleted');
  return event.data.result;
};
const row = (events: EvaluationEvent[], lotId: string, bidId: string) =>
  resultOf(events).lots.find((lot) => lot.lotId === lotId)!.results.find((r) => r.bidId === bidId)!;

describe('RecordComplianceCheck', () => {
  it('records a failed compliance gate with its reason', () => {
    spec
      .given(history(openEvaluation()))
      .when(recordCompliance(BID_COMPANY, false, 'No CQC registration for the service.'))
      .then([
        {
          type: 'ComplianceRecorded',
          data: { tenderId: TENDER, bidId: BID_COMPANY, passed: false, reason: 'No CQC registration for the service.', recordedBy: ICB, recordedAt: NOW },
        },
      ]);
  });

  it('refuses a check without a reason (COMPLIANCE_REASON_MISSING) and an unknown bid (BID_NOT_IN_EVALUATION)', () => {
    spec.given(history(openEvaluation())).when(recordCompliance(BID_COMPANY, false, ' ')).thenRefuses('COMPLIANCE_REASON_MISSING', /fails/);
    spec.given(history(openEvaluation())).when(recordCompliance('bid-nope' as never, true)).thenRefuses('BID_NOT_IN_EVALUATION');
  });
});

describe('CompleteEvaluation', () => {
  // Consensus (quality 40%, access 20%, both 0–5): practice 4/3 → 32 + 12 = 44; federation 5/4 → 40 + 16 = 56;
  // company 3/5 → 24 + 20 = 44. Price 40%, lowest ÷ price × 40.
  it('computes every number and ranks each lot (lowest-price ratio)', () => {
    spec
      .given(history(...allModerated()))
      .when(completeEvaluation())
      .thenMatches((events) => {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ type: 'EvaluationCompleted', data: { tenderId: TENDER, completedBy: ICB, completedAt: COMPLETED_AT } });
        const result = resultOf(events);
        expect(result).toMatchObject({ priceFormula: 'lowest-price-ratio', abnormallyLowThresholdBasisPoints: 2_000 });
        const [lotA, lotB] = result.lots;
        // Lot A: practice £800k (lowest) → 40 price points, total 84; federation £1m → 32, total 88.
        expect(lotA).toMatchObject({ lotId: LOT_A, priceBasis: 'qualifying-bids', lowestPricePence: 80_000_000, medianPricePence: 90_000_000, abnormallyLowBelowPence: 72_000_000 });
        expect(lotA!.results.map((r) => [r.bidId, r.rank, r.qualityPoints, r.pricePoints, r.totalPoints, r.placedBelowPreviousBy])).toEqual([
          [BID_FEDERATION, 1, 56, 32, 88, null],
          [BID_PRACTICE, 2, 44, 40, 84, 'total-points'],
        ]);
        // Lot B: company £400k (lowest) → 40, total 84; federation £500k → 32, total 88.
        expect(lotB!.results.map((r) => [r.bidId, r.rank, r.totalPoints])).toEqual([
          [BID_FEDERATION, 1, 88],
          [BID_COMPANY, 2, 84],
        ]);
        expect(row(events, LOT_A, BID_PRACTICE).criteria).toEqual([
          { criterionId: QUALITY, consensusScore: 4, maxScore: 5, weightBasisPoints: 4_000, points: 32, passMark: 2, passed: true },
          { criterionId: ACCESS, consensusScore: 3, maxScore: 5, weightBasisPoints: 2_000, points: 12, passMark: null, passed: true },
        ]);
        expect(row(events, LOT_A, BID_PRACTICE)).toMatchObject({ compliant: true, passedPassMarks: true, qualifies: true, exclusionReasons: [], abnormallyLow: false, pricePence: 80_000_000 });
      });
  });

  it('uses the tender’s proportional-difference formula when it states it', () => {
    const commands = allModerated();
    commands[0] = openEvaluation({ tender: tenderFacts({ priceFormula: 'proportional-difference' }) });
    spec.given(history(...commands)).when(completeEvaluation()).thenMatches((events) => {
      // Federation is 25% above the lowest on both lots: 40 × (1 − 0.25) = 30.
      expect(row(events, LOT_A, BID_FEDERATION)).toMatchObject({ pricePoints: 30, totalPoints: 86, rank: 1 });
      expect(row(events, LOT_B, BID_FEDERATION)).toMatchObject({ pricePoints: 30, totalPoints: 86, rank: 1 });
      expect(row(events, LOT_B, BID_COMPANY)).toMatchObject({ pricePoints: 40, totalPoints: 84, rank: 2 });
    });
  });

  it('does not rank a bid below a pass mark, and scores prices against the qualifying bids only', () => {
    const commands = [...allModerated(), moderate(BID_FEDERATION, QUALITY, 1, 'Mobilisation plan missing.')];
    spec.given(history(...commands)).when(completeEvaluation()).thenMatches((events) => {
      const federation = row(events, LOT_B, BID_FEDERATION);
      expect(federation).toMatchObject({ rank: null, qualifies: false, passedPassMarks: false, compliant: true });
      expect(federation.exclusionReasons).toEqual(['Quality and innovation scored 1 of 5, below the pass mark of 2.']);
      expect(row(events, LOT_B, BID_COMPANY)).toMatchObject({ rank: 1, pricePoints: 40 });
      expect(resultOf(events).lots[1]).toMatchObject({ lowestPricePence: 40_000_000, medianPricePence: 40_000_000 });
    });
  });

  it('does not rank a bid that failed compliance, and needs no moderation for it', () => {
    const commands = [...allScored(), recordCompliance(BID_COMPANY, false, 'No CQC registration.'), ...[BID_PRACTICE, BID_FEDERATION].flatMap((b) => [moderate(b, QUALITY, 4), moderate(b, ACCESS, 4)])];
    spec.given(history(...commands)).when(completeEvaluation()).thenMatches((events) => {
      const company = row(events, LOT_B, BID_COMPANY);
      expect(company).toMatchObject({ compliant: false, qualifies: false, rank: null, exclusionReasons: ['Failed compliance: No CQC registration.'] });
      expect(company.criteria.map((c) => c.consensusScore)).toEqual([null, null]);
      // The federation is now the only qualifying bid on lot B, so its price is the lowest there.
      expect(row(events, LOT_B, BID_FEDERATION)).toMatchObject({ rank: 1, pricePoints: 40 });
      // The company's cheaper price is capped at the full weight, never above it.
      expect(company.pricePoints).toBe(40);
    });
  });

  it('a later passing check reinstates a bid', () => {
    const commands = [...allModerated(), recordCompliance(BID_COMPANY, false), recordCompliance(BID_COMPANY, true, 'Registration certificate supplied.')];
    spec.given(history(...commands)).when(completeEvaluation()).thenMatches((events) => expect(row(events, LOT_B, BID_COMPANY)).toMatchObject({ compliant: true, rank: 2 }));
  });

  it('refuses while a compliant bid lacks a consensus on any quality criterion (EVALUATION_INCOMPLETE)', () => {
    const error = spec.given(history(...allScored(), moderate(BID_PRACTICE, QUALITY, 4))).when(completeEvaluation()).thenRefuses('EVALUATION_INCOMPLETE', /5 consensus scores/);
    expect(error.details?.['missing']).toContainEqual({ bidId: BID_COMPANY, criterionId: ACCESS });
    expect(error.kind).toBe('conflict');
  });

  it('is the commissioner’s (EVALUATION_NOT_COMMISSIONER)', () => {
    spec.given(history(...allModerated())).when(completeEvaluation(OTHER_ICB)).thenRefuses('EVALUATION_NOT_COMMISSIONER');
  });

  it('closes the record: every later command is refused with 409 (EVALUATION_COMPLETED)', () => {
    const completed = history(...allModerated(), completeEvaluation());
    const error = spec.given(completed).when(moderate(BID_PRACTICE, QUALITY, 5)).thenRefuses('EVALUATION_COMPLETED', /can no longer change/);
    expect(error.kind).toBe('conflict');
    spec.given(completed).when(completeEvaluation()).thenRefuses('EVALUATION_COMPLETED');
    spec.given(completed).when(recordCompliance(BID_PRACTICE, false)).thenRefuses('EVALUATION_COMPLETED');
    spec.given(completed).when(openEvaluation()).thenRefuses('EVALUATION_ALREADY_OPEN');
  });
});
