import type { StoredEvent } from '@tenderledger/event-store';
import { AuditIndex, auditIndexEntry } from './audit-index.projection';

const event = (type: string, streamId: string, data: object): StoredEvent =>
  ({ type, data, streamId, eventId: `${type}-${streamId}`, globalPosition: 1, streamVersion: 1, occurredAt: '2026-12-21T10:00:00.000Z' }) as unknown as StoredEvent;

describe('audit index: which streams belong to a procurement', () => {
  it('keys a direct award’s register contracts by its decision, apart from tenders of the same id', () => {
    const decided = event('DirectAwardDecided', 'direct-award-x', { decisionId: 'x', incumbent: { organisationId: 'p', contractId: 'gms-1' } });
    const replaced = event('DirectAwardConcluded', 'direct-award-x', { decisionId: 'x', incumbent: { organisationId: 'p', contractId: 'gms-1' }, incumbentRetained: false });
    const renewed = event('DirectAwardConcluded', 'direct-award-y', { decisionId: 'y', incumbent: { organisationId: 'p', contractId: 'gms-2' }, incumbentRetained: true });
    const bid = event('BidSubmitted', 'bid-1', { tenderId: 'x' });
    expect(auditIndexEntry(decided)).toEqual({ procurementKind: 'direct-award', procurementId: 'x', kind: 'contract', streamId: 'contract-gms-1' });
    expect(auditIndexEntry(replaced)).toEqual({ procurementKind: 'direct-award', procurementId: 'x', kind: 'contract', streamId: 'contract-x.contract' });
    expect(auditIndexEntry(renewed)).toBeNull(); // the renewal is on the incumbent's contract, indexed at the decision
    expect(auditIndexEntry(event('DirectAwardDecided', 'direct-award-z', { decisionId: 'z', incumbent: null }))).toBeNull();

    const index = new AuditIndex();
    [decided, replaced, bid].forEach((e) => index.apply(e));
    expect(index.contractStreams('x', 'direct-award')).toEqual(['contract-gms-1', 'contract-x.contract']);
    expect(index.contractStreams('x')).toEqual([]);
    expect(index.bidStreams('x')).toEqual(['bid-1']);
  });
});
