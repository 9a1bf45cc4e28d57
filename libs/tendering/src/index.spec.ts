import * as tendering from '@tenderledger/tendering';

describe('@tenderledger/tendering public surface', () => {
  it('exports the decider, profiles, lot split, criteria and the facts helper', () => {
    expect(typeof tendering.tenderDecider.decide).toBe('function');
    expect(tendering.tenderDecider.initialState()).toEqual({ status: 'none' });
    expect(tendering.PROCEDURE_PROFILES).toHaveLength(7);
    expect(typeof tendering.procedureProfile).toBe('function');
    expect(typeof tendering.proposeLotSplit).toBe('function');
    expect(tendering.defaultHealthServiceCriteria()).toHaveLength(5);
    expect(typeof tendering.tenderFactsForBidding).toBe('function');
    expect(tendering.tenderStreamId(tendering.tenderId('x'))).toBe('tender-x');
    expect(tendering.TENDER_REFUSAL_CODES).toContain('TENDER_WEIGHTS_NOT_100');
  });
});
