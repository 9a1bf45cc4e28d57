// The opening process manager on the embedded store with real handlers and a real CommandBus:
// honest bids open, a bid whose published commitment does not match its sealed content is
// recorded as BidOpeningFailed (and logged), withdrawn bids stay sealed, and repeats add nothing.
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { EVENT_STORE, ID_GENERATOR, handleCommand, uuidv7Generator, type CommandContext } from '@tenderledger/domain-kit';
import { openPgliteEventStore, type SqlEventStore, type StoredEvent } from '@tenderledger/event-store';
import { asBidId, asCriterionId, asLotId, asOrganisationId, asTenderId, bidDecider, bidStreamId, computeCommitment, lotIdsOf, type BidContent, type Commitment, type SealedContent } from '../domain';
import { BidBook } from './bid-book';
import { DecideBidHandler } from './decide-bid.handler';
import { BidOpeningProcessManager, OPENING_ACTOR } from './open-bids.process-manager';
import { SEALING_KEY } from './sealing-key';
import { BidSealer } from './sealing';
import { TenderFactsLoader } from './tender-facts.loader';
import { CRITERIA, LOT_CORE, publishTender } from './testing/published-tender';

const TENDER = 'tender-pm';
const PUBLISH = '2026-03-02T09:00:00.000Z';
const DEADLINE = '2026-04-10T12:00:00.000Z';
const BEFORE = new Date('2026-03-10T10:00:00.000Z');
const AFTER = new Date('2026-04-10T12:00:00.000Z'); // exactly at the deadline: due

const contentPriced = (price: number): BidContent => ({
  lots: [{ lotId: asLotId(LOT_CORE), price }],
  qualityResponses: CRITERIA.map((criterionId) => ({ criterionId: asCriterionId(criterionId), response: `Our answer on ${criterionId}.` })),
  socialValueCommitments: [],
});

describe('BidOpeningProcessManager', () => {
  let store: SqlEventStore;
  let moduleRef: TestingModule;
  let sealer: BidSealer;
  let book: BidBook;
  let manager: BidOpeningProcessManager;
  let fed = 0;

  const feed = async (): Promise<void> => {
    for await (const event of store.readAll({ fromPosition: fed })) {
      book.apply(event);
      fed = event.globalPosition;
    }
  };
  const streamOf = async (bidId: string): Promise<StoredEvent[]> => {
    const events: StoredEvent[] = [];
    for await (const event of store.readStream(bidStreamId(asBidId(bidId)))) events.push(event);
    return events;
  };
  const submit = async (bidId: string, organisation: string, sealed: SealedContent, commitment: Commitment, content: BidContent): Promise<void> => {
    const by = asOrganisationId(organisation);
    const context: CommandContext = { actor: { userId: organisation, role: 'bidder', organisationId: organisation }, correlationId: bidId, now: BEFORE };
    const tender = { tenderId: asTenderId(TENDER), status: 'published' as const, submissionDeadline: DEADLINE, lotIds: lotIdsOf(content), criteriaIds: [] };
    await handleCommand(store, bidStreamId(asBidId(bidId)), bidDecider, {
      type: 'SubmitBid',
      data: { bidId: asBidId(bidId), tenderId: asTenderId(TENDER), bidder: { kind: 'organisation', organisationId: by }, lotIds: lotIdsOf(content), sealed, commitment, submittedBy: by, tender, now: BEFORE.toISOString() },
    }, context);
  };

  beforeAll(async () => {
    ({ store } = await openPgliteEventStore());
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: ID_GENERATOR, useValue: uuidv7Generator },
        { provide: SEALING_KEY, useValue: { key: randomBytes(32), keyId: 'k-test' } },
        BidSealer,
        BidBook,
        TenderFactsLoader,
        DecideBidHandler,
        BidOpeningProcessManager,
      ],
    }).compile();
    await moduleRef.init();
    sealer = moduleRef.get(BidSealer);
    book = moduleRef.get(BidBook);
    manager = moduleRef.get(BidOpeningProcessManager);

    await publishTender(store, { tenderId: TENDER, commissionerId: 'org-icb', publishAt: PUBLISH, submissionDeadline: DEADLINE });
    const honest = contentPriced(700_000_000);
    const honestSeal = sealer.seal(honest);
    await submit('bid-honest', 'org-a', honestSeal.sealed, honestSeal.commitment, honest);
    // The published commitment is for a different content than the one sealed: opening must say so.
    const sealedContent = contentPriced(650_000_000);
    const tampered = computeCommitment(contentPriced(1), randomBytes(32).toString('base64'));
    await submit('bid-tampered', 'org-b', sealer.seal(sealedContent).sealed, tampered, sealedContent);
    // Sealed under another platform key (a lost or rotated key): undecryptable, also recorded.
    const foreign = new BidSealer({ key: randomBytes(32), keyId: 'k-lost' }).seal(honest);
    await submit('bid-foreign', 'org-c', foreign.sealed, foreign.commitment, honest);
    const withdrawn = sealer.seal(honest);
    await submit('bid-withdrawn', 'org-d', withdrawn.sealed, withdrawn.commitment, honest);
    await handleCommand(store, bidStreamId(asBidId('bid-withdrawn')), bidDecider, {
      type: 'WithdrawBid',
      data: { bidId: asBidId('bid-withdrawn'), by: asOrganisationId('org-d'), tender: { tenderId: asTenderId(TENDER), status: 'published', submissionDeadline: DEADLINE, lotIds: [], criteriaIds: [] }, now: BEFORE.toISOString() },
    }, { actor: { userId: 'd', role: 'bidder', organisationId: 'org-d' }, correlationId: 'w', now: BEFORE });
    await feed();
  });
  afterAll(async () => {
    await moduleRef.close();
    await store.close();
  });

  it('does nothing before the deadline', async () => {
    let count = 0;
    for await (const _ of store.readAll()) count++;
    await manager.run(BEFORE);
    let after = 0;
    for await (const _ of store.readAll()) after++;
    expect(after).toBe(count);
  });

  it('opens honest bids, records a commitment mismatch and an undecryptable bid as BidOpeningFailed, and logs them', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await manager.run(AFTER);
    await feed();

    const honest = await streamOf('bid-honest');
    expect(honest.map((e) => e.type)).toEqual(['BidSubmitted', 'BidOpened']);
    expect(honest[1]).toMatchObject({ actor: OPENING_ACTOR, correlationId: `open-${TENDER}`, occurredAt: AFTER.toISOString() });

    const tampered = await streamOf('bid-tampered');
    expect(tampered.map((e) => e.type)).toEqual(['BidSubmitted', 'BidOpeningFailed']);
    expect(tampered[1]!.data).toMatchObject({ reason: 'COMMITMENT_MISMATCH', expectedCommitment: (tampered[0]!.data as { commitment: string }).commitment });
    expect(tampered[1]!.actor).toEqual(OPENING_ACTOR);

    expect((await streamOf('bid-foreign')).map((e) => [e.type, (e.data as { reason?: string }).reason])).toEqual([['BidSubmitted', undefined], ['BidOpeningFailed', 'UNDECRYPTABLE']]);
    expect((await streamOf('bid-withdrawn')).map((e) => e.type)).toEqual(['BidSubmitted', 'BidWithdrawn']);

    const logged = errors.mock.calls.map(([message]) => String(message));
    expect(logged.filter((m) => m.includes('BID OPENING FAILED'))).toHaveLength(2);
    expect(logged.some((m) => m.includes('bid-tampered') && m.includes('COMMITMENT_MISMATCH'))).toBe(true);
    errors.mockRestore();

    expect(book.get('bid-honest')?.status).toBe('opened');
    expect(book.get('bid-tampered')?.status).toBe('openingFailed');
  });

  it('is idempotent: running again (as after a restart) appends nothing', async () => {
    let count = 0;
    for await (const _ of store.readAll()) count++;
    await manager.run(new Date(AFTER.getTime() + 60_000));
    let after = 0;
    for await (const _ of store.readAll()) after++;
    expect(after).toBe(count);
  });
});
