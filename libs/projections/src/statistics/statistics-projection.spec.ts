import type { StoredEvent } from '@tenderledger/event-store';
import { TurnoverStatistics } from './statistics-projection';

// The recorders turn events into facts: checked here on the events that change a contract's story.

let position = 0;
const event = (type: string, data: Record<string, unknown>): StoredEvent => ({
  eventId: `e${++position}`, type, schemaVersion: 1, data, streamId: 's', streamVersion: position, globalPosition: position,
  occurredAt: '2027-01-15T08:00:00.000Z', recordedAt: '2027-01-15T08:00:00.000Z', actor: { userId: 'u', role: 'system', organisationId: null },
  correlationId: 'c', causationId: null, hash: 'h',
});
const facts = { contractType: 'APMS', commissionerId: 'icb', region: 'North', annualValuePence: 100 };
const registered = (contractId: string, holderId: string, extra: Record<string, unknown> = {}) =>
  event('ContractRegistered', { ...facts, contractId, holderId, reference: contractId, listSize: 1, startDate: '2017-04-01', endDate: '2027-03-31', services: [], predecessor: null, registeredOn: '2017-01-01', ...extra });

describe('TurnoverStatistics projection', () => {
  it('ends a replaced contract the day before its successor starts and collects every lot’s holder for the outcome', () => {
    const stats = new TurnoverStatistics();
    stats.apply(registered('old', 'meadow'));
    stats.apply(event('ContractAwarded', { ...facts, contractId: 'old', holderId: 'meadow', tenderId: 't', newHolderId: 'riverside', incumbentRetained: false, newStartDate: '2027-04-01', newEndDate: '2032-03-31', newAnnualValuePence: 50, successorContractId: 't.north', decidedOn: '2027-01-15' }));
    stats.apply(registered('t.north', 'riverside', { startDate: '2027-04-01', endDate: '2032-03-31', predecessor: { contractId: 'old', tenderId: 't' } }));
    stats.apply(registered('t.south', 'meadow', { startDate: '2027-04-01', endDate: '2032-03-31', predecessor: { contractId: 'old', tenderId: 't' } }));
    expect(stats.facts.contracts.get('old')).toMatchObject({ endedOn: '2027-03-31', holders: [{ holderId: 'meadow', from: '2017-04-01' }] });
    // Meadow kept the South lot: the incumbent is retained.
    expect(stats.facts.outcomes.get('old|t')).toEqual({ contractId: 'old', awardRef: 't', incumbentId: 'meadow', newHolderIds: ['riverside', 'meadow'], decidedOn: '2027-01-15' });
  });

  it('records a direct award keeping the incumbent as a retained outcome, and a renewal on the contract', () => {
    const stats = new TurnoverStatistics();
    stats.apply(registered('gms', 'riverside'));
    const terms = { startDate: '2027-04-01', endDate: '2032-03-31', annualValuePence: 130 };
    const incumbent = { organisationId: 'riverside', contractId: 'gms' };
    stats.apply(event('DirectAwardDecided', { decisionId: 'da', commissionerId: 'icb', route: 'psr-direct-award-c', awardProcess: 'direct-award-c', provider: { organisationId: 'riverside', name: 'R' }, incumbent, incumbentRetained: true, contract: terms, decidedAt: '2026-12-21T10:00:00.000Z' }));
    stats.apply(event('DirectAwardConcluded', { decisionId: 'da', commissionerId: 'icb', route: 'psr-direct-award-c', awardProcess: 'direct-award-c', providerId: 'riverside', incumbent, incumbentRetained: true, contract: terms, concludedAt: '2027-01-06T00:00:00.000Z' }));
    stats.apply(event('ContractRenewedWithoutCompetition', { ...facts, contractId: 'gms', holderId: 'riverside', previousEndDate: '2027-03-31', newEndDate: '2032-03-31', newAnnualValuePence: 130, route: 'psr-direct-award-c', reason: 'r', decidedOn: '2027-01-06' }));
    expect(stats.facts.outcomes.get('gms|da')).toEqual({ contractId: 'gms', awardRef: 'da', incumbentId: 'riverside', newHolderIds: ['riverside'], decidedOn: '2027-01-06' });
    expect(stats.facts.directAwards.get('da')).toMatchObject({ awardProcess: 'direct-award-c', concludedAt: '2027-01-06T00:00:00.000Z' });
    expect(stats.facts.contracts.get('gms')).toMatchObject({ endDate: '2032-03-31', renewals: [{ on: '2027-01-06', route: 'psr-direct-award-c' }] });
  });

  it('keeps bids without their sealed content, and follows withdrawal', () => {
    const stats = new TurnoverStatistics();
    const bidder = { kind: 'consortium', name: 'Valley', leadOrganisationId: 'fed', memberOrganisationIds: ['a', 'b'] };
    stats.apply(event('BidSubmitted', { bidId: 'b1', tenderId: 't', bidder, lotIds: ['l1'], sealed: { secret: 'x' }, commitment: 'c', submittedAt: '2026-10-05T09:00:00.000Z', submittedBy: 'fed' }));
    stats.apply(event('BidWithdrawn', { bidId: 'b1', tenderId: 't', withdrawnAt: '2026-10-06T09:00:00.000Z', by: 'fed' }));
    expect(stats.facts.bids.get('b1')).toEqual({ bidId: 'b1', tenderId: 't', consortium: true, bidderId: 'fed', lotIds: ['l1'], lastSubmittedAt: '2026-10-05T09:00:00.000Z', withdrawn: true, excludedAtOpening: false });
  });
});
