import { deciderSpec } from '@tenderledger/domain-kit/testing';
import type { TenderCommand } from './commands';
import { tenderDecider } from './decider';
import type { LotSplitProposed } from './events';
import { localityId, lotId, serviceLineId } from './ids';
import type { LotCeiling } from './lot-split';
import { WHOLE_CONTRACT_LOT_ID, type Lot } from './lots';
import { ICB, OTHER_ICB, SERVICES, TENDER, TWO_LOTS, defineLots, draftTender, history, publishedTender, readyToPublish, stateOf } from './tender.fixtures';

const spec = deciderSpec(tenderDecider);
const drafted = () => history(draftTender());
const CEILING: LotCeiling = { maxPopulation: 30_000, maxAnnualValuePence: 350_000_000 };

const proposeSplit = (ceiling: LotCeiling = CEILING, commissionerId = ICB): TenderCommand => ({
  type: 'ProposeLotSplit',
  data: { tenderId: TENDER, commissionerId, ceiling },
});
const accept = (editedLots?: Lot[], commissionerId = ICB): TenderCommand => ({
  type: 'AcceptLotSplitProposal',
  data: { tenderId: TENDER, commissionerId, ...(editedLots ? { editedLots } : {}) },
});
const reject = (reason: string, commissionerId = ICB): TenderCommand => ({
  type: 'RejectLotSplitProposal',
  data: { tenderId: TENDER, commissionerId, reason },
});
const noSplit = (reason: string, commissionerId = ICB): TenderCommand => ({
  type: 'RecordNoSplitReason',
  data: { tenderId: TENDER, commissionerId, reason },
});
const setLotLimit = (lotLimit: number, commissionerId = ICB): TenderCommand => ({
  type: 'SetLotLimit',
  data: { tenderId: TENDER, commissionerId, lotLimit },
});

describe('DefineLots', () => {
  it('defines lots by hand', () => {
    spec.given(drafted()).when(defineLots()).then([{ type: 'LotsDefined', data: { tenderId: TENDER, definedBy: ICB, lots: TWO_LOTS } }]);
  });

  it('replaces earlier lots', () => {
    const state = stateOf(history(draftTender(), defineLots(), defineLots([TWO_LOTS[0]!])));
    expect(state.status !== 'none' && state.lots.map((l) => l.id)).toEqual([lotId('lot-core')]);
  });

  it('refuses on a tender that does not exist (TENDER_NOT_FOUND)', () => {
    spec.given([]).when(defineLots()).thenRefuses('TENDER_NOT_FOUND');
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(drafted()).when(defineLots(TWO_LOTS, OTHER_ICB)).thenRefuses('TENDER_NOT_OWNER');
  });
  it('refuses after publication (TENDER_NOT_DRAFT)', () => {
    spec.given(publishedTender()).when(defineLots()).thenRefuses('TENDER_NOT_DRAFT');
  });
  it('refuses a cancelled tender (TENDER_CANCELLED)', () => {
    const cancelled = history(draftTender(), { type: 'CancelTender', data: { tenderId: TENDER, commissionerId: ICB, reason: 'Merged with another tender.', now: '2026-01-02T09:00:00Z' } });
    spec.given(cancelled).when(defineLots()).thenRefuses('TENDER_CANCELLED');
  });

  const invalid: Array<[string, Lot[]]> = [
    ['an empty list', []],
    ['duplicate ids', [TWO_LOTS[0]!, { ...TWO_LOTS[1]!, id: TWO_LOTS[0]!.id }]],
    ['a service line the tender does not buy', [{ ...TWO_LOTS[0]!, scope: [{ serviceLineId: serviceLineId('dental'), localityIds: [] }] }]],
    ['a locality the service line does not cover', [{ ...TWO_LOTS[0]!, scope: [{ serviceLineId: serviceLineId('core-gms'), localityIds: [localityId('mars')] }] }]],
    [
      'the same locality in two lots',
      [
        { ...TWO_LOTS[0]!, scope: [{ serviceLineId: serviceLineId('core-gms'), localityIds: [localityId('north')] }] },
        { ...TWO_LOTS[1]!, scope: [{ serviceLineId: serviceLineId('core-gms'), localityIds: [localityId('north'), localityId('south')] }] },
      ],
    ],
    ['a whole service line in two lots', [TWO_LOTS[0]!, { ...TWO_LOTS[1]!, scope: TWO_LOTS[0]!.scope }]],
    ['a lot with no population', [{ ...TWO_LOTS[0]!, population: 0 }]],
    ['a lot with a negative value', [{ ...TWO_LOTS[0]!, estimatedAnnualValuePence: -5 }]],
    ['a lot without a title', [{ ...TWO_LOTS[0]!, title: '' }]],
  ];
  it.each(invalid)('refuses %s (TENDER_LOTS_INVALID)', (_what, lots) => {
    spec.given(drafted()).when(defineLots(lots)).thenRefuses('TENDER_LOTS_INVALID');
  });

  it('refuses several lots under a profile without lots (TENDER_PROFILE_NO_LOTS)', () => {
    spec.given(history(draftTender({ procedureProfileId: 'psr-direct-award-c' }))).when(defineLots()).thenRefuses('TENDER_PROFILE_NO_LOTS');
  });
  it('allows a single lot under a profile without lots', () => {
    spec.given(history(draftTender({ procedureProfileId: 'psr-direct-award-c' }))).when(defineLots([TWO_LOTS[0]!])).thenMatches((events) =>
      expect(events.map((e) => e.type)).toEqual(['LotsDefined']),
    );
  });
});

describe('ProposeLotSplit', () => {
  it('records the proposal, with a reason on every lot', () => {
    spec.given(drafted()).when(proposeSplit()).thenMatches((events) => {
      expect(events).toHaveLength(1);
      const event = events[0] as LotSplitProposed;
      expect(event.type).toBe('LotSplitProposed');
      expect(event.data.ceiling).toEqual(CEILING);
      expect(event.data.proposedBy).toBe(ICB);
      expect(event.data.lots.map((l) => l.title)).toEqual([
        'Core general practice – North',
        'Core general practice – South',
        'Core general practice – East and West',
        'Extended access',
      ]);
      expect(event.data.lots.every((l) => l.reason.length > 0)).toBe(true);
      expect(event.data.lots[3]!.exceedsCeiling).toBe(true);
    });
  });
  it('refuses a ceiling of zero (TENDER_LOT_CEILING_INVALID)', () => {
    spec.given(drafted()).when(proposeSplit({ maxPopulation: 0, maxAnnualValuePence: 1 })).thenRefuses('TENDER_LOT_CEILING_INVALID');
  });
  it('refuses under a profile without lots (TENDER_PROFILE_NO_LOTS)', () => {
    spec.given(history(draftTender({ procedureProfileId: 'psr-most-suitable-provider' }))).when(proposeSplit()).thenRefuses('TENDER_PROFILE_NO_LOTS');
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(drafted()).when(proposeSplit(CEILING, OTHER_ICB)).thenRefuses('TENDER_NOT_OWNER');
  });
  it('refuses after publication (TENDER_NOT_DRAFT)', () => {
    spec.given(publishedTender()).when(proposeSplit()).thenRefuses('TENDER_NOT_DRAFT');
  });
});

describe('AcceptLotSplitProposal', () => {
  const proposed = () => history(draftTender(), proposeSplit());

  it('accepts the proposal as it stands: the lots are the proposed lots, and lots still above a ceiling are named', () => {
    spec.given(proposed()).when(accept()).thenMatches((events) => {
      expect(events).toMatchObject([
        { type: 'LotSplitProposalAccepted', data: { tenderId: TENDER, acceptedBy: ICB, edited: false, acceptedAboveCeiling: [lotId('lot-4')] } },
      ]);
      const event = events[0]!;
      if (event.type !== 'LotSplitProposalAccepted') throw new Error('expected an acceptance');
      const lots = event.data.lots;
      expect(lots.map((l) => l.id)).toEqual(['lot-1', 'lot-2', 'lot-3', 'lot-4']);
      expect(lots[2]).toMatchObject({
        title: 'Core general practice – East and West',
        scope: [{ serviceLineId: 'core-gms', localityIds: ['east', 'west'] }],
        population: 30_000,
        estimatedAnnualValuePence: 300_000_000,
      });
      expect(lots[2]!.description).toMatch(/East and West are grouped/);
    });
  });

  it('accepts an edited lot list and says it was edited', () => {
    const edited: Lot[] = [
      { ...TWO_LOTS[0]!, title: 'Core general practice, whole area' },
      TWO_LOTS[1]!,
    ];
    spec.given(proposed()).when(accept(edited)).then([
      { type: 'LotSplitProposalAccepted', data: { tenderId: TENDER, acceptedBy: ICB, edited: true, lots: edited, acceptedAboveCeiling: [] } },
    ]);
  });

  it('refuses when no proposal is waiting (TENDER_NO_LOT_SPLIT_PROPOSAL)', () => {
    spec.given(drafted()).when(accept()).thenRefuses('TENDER_NO_LOT_SPLIT_PROPOSAL');
  });
  it('refuses once the proposal was already decided (TENDER_NO_LOT_SPLIT_PROPOSAL)', () => {
    spec.given(history(draftTender(), proposeSplit(), accept())).when(accept()).thenRefuses('TENDER_NO_LOT_SPLIT_PROPOSAL');
  });
  it('refuses an edited list that breaks the lot rules (TENDER_LOTS_INVALID)', () => {
    spec.given(proposed()).when(accept([TWO_LOTS[0]!, TWO_LOTS[0]!])).thenRefuses('TENDER_LOTS_INVALID');
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(proposed()).when(accept(undefined, OTHER_ICB)).thenRefuses('TENDER_NOT_OWNER');
  });
});

describe('RejectLotSplitProposal', () => {
  it('rejects the proposal with a reason', () => {
    spec.given(history(draftTender(), proposeSplit())).when(reject('  Localities do not match PCN boundaries.  ')).then([
      { type: 'LotSplitProposalRejected', data: { tenderId: TENDER, rejectedBy: ICB, reason: 'Localities do not match PCN boundaries.' } },
    ]);
  });
  it('refuses without a reason (TENDER_REASON_REQUIRED)', () => {
    spec.given(history(draftTender(), proposeSplit())).when(reject(' ')).thenRefuses('TENDER_REASON_REQUIRED');
  });
  it('refuses when no proposal is waiting (TENDER_NO_LOT_SPLIT_PROPOSAL)', () => {
    spec.given(drafted()).when(reject('No.')).thenRefuses('TENDER_NO_LOT_SPLIT_PROPOSAL');
  });
  it('leaves no proposal waiting', () => {
    const state = stateOf(history(draftTender(), proposeSplit(), reject('Wrong boundaries.')));
    expect(state.status !== 'none' && state.pendingProposal).toBeNull();
  });
});

describe('RecordNoSplitReason', () => {
  const reason = 'A single provider must hold the list to keep continuity of care across the one practice site.';

  it('records the reason and makes one whole-contract lot from the tender', () => {
    spec.given(drafted()).when(noSplit(reason)).then([
      {
        type: 'NoSplitReasonRecorded',
        data: {
          tenderId: TENDER,
          recordedBy: ICB,
          reason,
          lot: {
            id: WHOLE_CONTRACT_LOT_ID,
            title: 'Riverside primary care re-procurement',
            description: 'The whole contract as one lot: the commissioner recorded why it is not split.',
            scope: SERVICES.map((s) => ({ serviceLineId: s.id, localityIds: [] })),
            population: 84_000,
            estimatedAnnualValuePence: 900_000_000,
          },
        },
      },
    ]);
  });
  it('refuses without a reason (TENDER_REASON_REQUIRED)', () => {
    spec.given(drafted()).when(noSplit('')).thenRefuses('TENDER_REASON_REQUIRED', /not split/);
  });
  it('refuses after publication (TENDER_NOT_DRAFT)', () => {
    spec.given(publishedTender()).when(noSplit(reason)).thenRefuses('TENDER_NOT_DRAFT');
  });
  it('settles a waiting proposal', () => {
    const state = stateOf(history(draftTender(), proposeSplit(), noSplit(reason)));
    expect(state.status !== 'none' && [state.pendingProposal, state.lotsOrigin, state.lots.length]).toEqual([null, 'whole-contract', 1]);
  });
});

describe('SetLotLimit', () => {
  it('sets the most lots one bidder may be awarded', () => {
    spec.given(readyToPublish()).when(setLotLimit(1)).then([{ type: 'LotLimitSet', data: { tenderId: TENDER, setBy: ICB, lotLimit: 1 } }]);
  });
  it('may be set before lots exist (checked again at publication)', () => {
    spec.given(drafted()).when(setLotLimit(3)).then([{ type: 'LotLimitSet', data: { tenderId: TENDER, setBy: ICB, lotLimit: 3 } }]);
  });
  it.each([0, -1, 1.5])('refuses %p (TENDER_LOT_LIMIT_INVALID)', (limit) => {
    spec.given(readyToPublish()).when(setLotLimit(limit)).thenRefuses('TENDER_LOT_LIMIT_INVALID');
  });
  it('refuses more than the number of lots (TENDER_LOT_LIMIT_INVALID)', () => {
    spec.given(readyToPublish()).when(setLotLimit(3)).thenRefuses('TENDER_LOT_LIMIT_INVALID', /cannot be more than the number of lots \(2\)/);
  });
  it('refuses another commissioner (TENDER_NOT_OWNER)', () => {
    spec.given(readyToPublish()).when(setLotLimit(1, OTHER_ICB)).thenRefuses('TENDER_NOT_OWNER');
  });
});
