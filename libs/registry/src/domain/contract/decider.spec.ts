import { deciderSpec } from '@tenderledger/domain-kit/testing';
import { contractId, organisationId } from '../ids';
import type { ContractCommand, RegisterContract } from './commands';
import { contractDecider } from './decider';
import type { ContractEvent, ContractFacts, ContractRegistered } from './events';
import { successorRegistration } from './successor';

const spec = deciderSpec(contractDecider);
const NOW = '2026-03-02T10:00:00.000Z';
const C1 = contractId('contract-1');
const HOLDER = organisationId('org-riverside');
const RIVAL = organisationId('org-rival');
const ICB = organisationId('org-icb');

const registerData: RegisterContract['data'] = {
  contractId: C1,
  reference: 'APMS-NE-0042',
  contractType: 'APMS',
  holderId: HOLDER,
  commissionerId: ICB,
  region: 'North East and Yorkshire',
  listSize: 8_250,
  annualValuePence: 125_000_050,
  startDate: '2021-04-01',
  endDate: '2026-03-31',
  services: ['essential', 'extended-access'],
  now: NOW,
};
const register = (data: Partial<RegisterContract['data']> = {}): RegisterContract => ({ type: 'RegisterContract', data: { ...registerData, ...data } });

const registered: ContractRegistered = {
  type: 'ContractRegistered',
  data: {
    contractId: C1,
    reference: 'APMS-NE-0042',
    contractType: 'APMS',
    holderId: HOLDER,
    commissionerId: ICB,
    region: 'North East and Yorkshire',
    listSize: 8_250,
    annualValuePence: 125_000_050,
    startDate: '2021-04-01',
    endDate: '2026-03-31',
    services: ['essential', 'extended-access'],
    predecessor: null,
    registeredOn: '2026-03-02',
  },
};

const facts: ContractFacts = {
  contractId: C1,
  contractType: 'APMS',
  holderId: HOLDER,
  commissionerId: ICB,
  region: 'North East and Yorkshire',
  annualValuePence: 125_000_050,
};

const terminated: ContractEvent = {
  type: 'ContractTerminated',
  data: { ...facts, effectiveDate: '2025-09-30', scheduledEndDate: '2026-03-31', reason: 'Practice closure', decidedOn: '2025-06-01' },
};

const mark: ContractCommand = { type: 'MarkForReprocurement', data: { contractId: C1, reason: 'Contract ends; test the market', tenderId: 'tender-7', now: NOW } };
const extend: ContractCommand = { type: 'ExtendContract', data: { contractId: C1, newEndDate: '2026-09-30', reason: 'Tender still running', now: NOW } };
const renew: ContractCommand = {
  type: 'RenewWithoutCompetition',
  data: { contractId: C1, newEndDate: '2031-03-31', reason: 'Existing provider satisfactory', route: 'psr-direct-award-c', now: NOW },
};
const terminate: ContractCommand = { type: 'TerminateContract', data: { contractId: C1, effectiveDate: '2025-12-31', reason: 'Breach of contract', now: NOW } };
const buyOut: ContractCommand = {
  type: 'BuyOutContract',
  data: { contractId: C1, effectiveDate: '2025-12-31', amountPence: 50_000_000, fund: 'central-buy-out-fund', reason: 'Hand back to NHS provision', now: NOW },
};
const expire = (now = '2026-04-01T08:00:00.000Z'): ContractCommand => ({ type: 'ExpireContract', data: { contractId: C1, now } });
const award = (data: Partial<Extract<ContractCommand, { type: 'RecordAwardOutcome' }>['data']> = {}): ContractCommand => ({
  type: 'RecordAwardOutcome',
  data: { contractId: C1, tenderId: 'tender-7', newHolderId: RIVAL, startDate: '2026-04-01', endDate: '2031-03-31', annualValuePence: 130_000_000, now: NOW, ...data },
});

/** Replaces one field of a command's data, for the refusal tables below. */
const withData = (command: ContractCommand, data: Record<string, unknown>): ContractCommand => ({ ...command, data: { ...command.data, ...data } }) as ContractCommand;

describe('contract decider: RegisterContract', () => {
  it('puts a contract on the register', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('trims text, lists each service once and records a predecessor', () => {
    spec
      .given([])
      .when(register({ reference: ' APMS-NE-0042 ', region: ' North East and Yorkshire', services: [' essential', 'essential'], predecessor: { contractId: contractId('contract-0'), tenderId: 'tender-1' } }))
      .thenMatches(([event]) =>
        expect(event!.data).toMatchObject({
          reference: 'APMS-NE-0042',
          region: 'North East and Yorkshire',
          services: ['essential'],
          predecessor: { contractId: 'contract-0', tenderId: 'tender-1' },
        }),
      );
  });

  it('registers with no services as an empty list', () => {
    spec.given([]).when(register({ services: undefined })).thenMatches(([event]) => expect(event!.data).toMatchObject({ services: [] }));
  });

  it('refuses a contract already on the register (409)', () => {
    expect(spec.given([registered]).when(register()).thenRefuses('CONTRACT_ALREADY_REGISTERED', /already on the register/).kind).toBe('conflict');
  });

  it.each([
    ['CONTRACT_REFERENCE_REQUIRED', { reference: ' ' }, /reference/],
    ['CONTRACT_TYPE_UNKNOWN', { contractType: 'SPMS' }, /GMS, PMS, APMS, outcomes-based/],
    ['CONTRACT_HOLDER_REQUIRED', { holderId: '' }, /holds it/],
    ['CONTRACT_COMMISSIONER_REQUIRED', { commissionerId: '' }, /commissioner/],
    ['CONTRACT_PARTIES_SAME', { holderId: ICB }, /own commissioner/],
    ['CONTRACT_REGION_REQUIRED', { region: '' }, /region/],
    ['CONTRACT_LIST_SIZE_INVALID', { listSize: -5 }, /list size/],
    ['CONTRACT_LIST_SIZE_INVALID', { listSize: 10.5 }, /whole number/],
    ['CONTRACT_VALUE_INVALID', { annualValuePence: 0 }, /positive/],
    ['CONTRACT_VALUE_INVALID', { annualValuePence: 12.5 }, /whole pence/],
    ['CONTRACT_DATES_INVALID', { startDate: '2021-02-30' }, /start date/],
    ['CONTRACT_DATES_INVALID', { endDate: '31/03/2026' }, /YYYY-MM-DD/],
    ['CONTRACT_DATES_INVALID', { endDate: '2021-04-01' }, /after the start date/],
    ['CONTRACT_DATES_INVALID', { endDate: '2020-04-01' }, /after the start date/],
    ['CONTRACT_SERVICES_INVALID', { services: ['essential', ' '] }, /service/],
    ['REGISTRY_NOW_INVALID', { now: '' }, /ISO 8601/],
  ])('refuses %s (%j)', (code, data, message) => {
    const error = spec.given([]).when(register(data as Partial<RegisterContract['data']>)).thenRefuses(code, message);
    expect(error.kind).toBe('rule');
  });
});

describe('contract decider: lifecycle decisions', () => {
  it('marks an active contract for re-procurement', () => {
    spec
      .given([registered])
      .when(mark)
      .then([
        {
          type: 'ContractMarkedForReprocurement',
          data: { ...facts, reason: 'Contract ends; test the market', tenderId: 'tender-7', endDate: '2026-03-31', decidedOn: '2026-03-02' },
        },
      ]);
  });

  it('marks without a tender yet', () => {
    spec
      .given([registered])
      .when(withData(mark, { tenderId: undefined }))
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ tenderId: null }));
  });

  it('refuses to mark a contract twice (409)', () => {
    const marked = contractDecider.decide(mark, contractDecider.evolve(contractDecider.initialState(), registered));
    expect(spec.given([registered, ...marked]).when(mark).thenRefuses('CONTRACT_ALREADY_MARKED_FOR_REPROCUREMENT').kind).toBe('conflict');
  });

  it('extends a contract to a later end date', () => {
    spec
      .given([registered])
      .when(extend)
      .then([
        {
          type: 'ContractExtended',
          data: { ...facts, previousEndDate: '2026-03-31', newEndDate: '2026-09-30', reason: 'Tender still running', decidedOn: '2026-03-02' },
        },
      ]);
  });

  it('applies an extension: a second one must go beyond the first', () => {
    const extended = contractDecider.decide(extend, contractDecider.evolve(contractDecider.initialState(), registered));
    spec.given([registered, ...extended]).when(withData(extend, { newEndDate: '2026-06-30' })).thenRefuses('CONTRACT_EXTENSION_NOT_LATER', /past 2026-09-30/);
  });

  it('renews without competition, recording the route and keeping the value unless changed', () => {
    spec
      .given([registered])
      .when(renew)
      .then([
        {
          type: 'ContractRenewedWithoutCompetition',
          data: {
            ...facts,
            previousEndDate: '2026-03-31',
            newEndDate: '2031-03-31',
            newAnnualValuePence: 125_000_050,
            route: 'psr-direct-award-c',
            reason: 'Existing provider satisfactory',
            decidedOn: '2026-03-02',
          },
        },
      ]);
    spec
      .given([registered])
      .when(withData(renew, { route: undefined, annualValuePence: 140_000_000 }))
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ route: null, newAnnualValuePence: 140_000_000, annualValuePence: 125_000_050 }));
  });

  it('a renewal clears the re-procurement mark and carries the new value into later events', () => {
    const [marked] = contractDecider.decide(mark, contractDecider.evolve(contractDecider.initialState(), registered));
    const renewed: ContractEvent = {
      type: 'ContractRenewedWithoutCompetition',
      data: { ...facts, previousEndDate: '2026-03-31', newEndDate: '2031-03-31', newAnnualValuePence: 140_000_000, route: null, reason: 'r', decidedOn: '2026-03-02' },
    };
    spec
      .given([registered, marked!, renewed])
      .when(mark)
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ annualValuePence: 140_000_000, endDate: '2031-03-31' }));
  });

  it('terminates a contract early, keeping the end it would have had', () => {
    spec
      .given([registered])
      .when(terminate)
      .then([
        {
          type: 'ContractTerminated',
          data: { ...facts, effectiveDate: '2025-12-31', scheduledEndDate: '2026-03-31', reason: 'Breach of contract', decidedOn: '2026-03-02' },
        },
      ]);
  });

  it('buys a contract out from the central fund proposed by the Hewitt review', () => {
    spec
      .given([registered])
      .when(buyOut)
      .then([
        {
          type: 'ContractBoughtOut',
          data: {
            ...facts,
            effectiveDate: '2025-12-31',
            scheduledEndDate: '2026-03-31',
            amountPence: 50_000_000,
            fund: 'central-buy-out-fund',
            reason: 'Hand back to NHS provision',
            decidedOn: '2026-03-02',
          },
        },
      ]);
  });

  it.each([mark, extend, renew, terminate, buyOut, award()])('refuses $type on a contract not on the register (404)', (command) => {
    expect(spec.given([]).when(command).thenRefuses('CONTRACT_NOT_FOUND', /no contract with this id/).kind).toBe('not-found');
  });

  it.each([mark, extend, renew, terminate, buyOut, award()])('refuses $type on an ended contract (409)', (command) => {
    expect(spec.given([registered, terminated]).when(command).thenRefuses('CONTRACT_ENDED', /terminated on 2025-09-30/).kind).toBe('conflict');
  });

  it.each([mark, extend, renew, terminate, buyOut])('refuses $type without a reason', (command) => {
    spec.given([registered]).when(withData(command, { reason: '  ' })).thenRefuses('CONTRACT_REASON_REQUIRED', /reason/);
  });

  it.each([
    ['an extension', extend],
    ['a renewal', renew],
  ])('refuses %s that does not move the end date later', (_name, command) => {
    spec.given([registered]).when(withData(command, { newEndDate: '2026-03-31' })).thenRefuses('CONTRACT_EXTENSION_NOT_LATER', /past 2026-03-31/);
    spec.given([registered]).when(withData(command, { newEndDate: '2026-13-01' })).thenRefuses('CONTRACT_DATES_INVALID', /new end date/);
  });

  it('refuses an unknown renewal route or value', () => {
    spec.given([registered]).when(withData(renew, { route: 'handshake' })).thenRefuses('CONTRACT_RENEWAL_ROUTE_UNKNOWN', /psr-direct-award-a/);
    spec.given([registered]).when(withData(renew, { annualValuePence: -1 })).thenRefuses('CONTRACT_VALUE_INVALID');
  });

  it.each([
    ['before the start', '2021-03-31'],
    ['after the end', '2026-04-01'],
    ['not a date', 'soon'],
  ])('refuses a termination or buy-out effective %s', (_name, effectiveDate) => {
    for (const command of [terminate, buyOut]) {
      spec.given([registered]).when(withData(command, { effectiveDate })).thenRefuses('CONTRACT_EFFECTIVE_DATE_INVALID', /from 2021-04-01 to 2026-03-31/);
    }
  });

  it('accepts a termination effective on the first or last day', () => {
    for (const effectiveDate of ['2021-04-01', '2026-03-31']) {
      spec.given([registered]).when(withData(terminate, { effectiveDate })).thenMatches((events) => expect(events).toHaveLength(1));
    }
  });

  it('refuses a buy-out with no positive amount or an unknown fund', () => {
    spec.given([registered]).when(withData(buyOut, { amountPence: 0 })).thenRefuses('CONTRACT_BUY_OUT_AMOUNT_INVALID', /buy-out amount/);
    spec.given([registered]).when(withData(buyOut, { fund: 'lottery' })).thenRefuses('CONTRACT_BUY_OUT_FUND_UNKNOWN', /central-buy-out-fund/);
  });

  it.each([mark, extend, renew, terminate, buyOut, expire(), award()])('refuses $type without a readable time', (command) => {
    spec.given([registered]).when(withData(command, { now: 'not a time' })).thenRefuses('REGISTRY_NOW_INVALID');
  });
});

describe('contract decider: ExpireContract (process manager)', () => {
  it('expires an active contract once its end date is reached in England', () => {
    // 23:30 UTC on 30 March is 00:30 BST on 31 March: the end date has come.
    spec
      .given([registered])
      .when(expire('2026-03-30T23:30:00.000Z'))
      .then([{ type: 'ContractExpired', data: { ...facts, expiredOn: '2026-03-31' } }]);
  });

  it('refuses to expire a contract before its end date (409)', () => {
    expect(spec.given([registered]).when(expire('2026-03-30T22:30:00.000Z')).thenRefuses('CONTRACT_NOT_YET_EXPIRED', /until 2026-03-31/).kind).toBe('conflict');
  });

  it('expires on the extended end date, not the original one', () => {
    const extended = contractDecider.decide(extend, contractDecider.evolve(contractDecider.initialState(), registered));
    spec.given([registered, ...extended]).when(expire()).thenRefuses('CONTRACT_NOT_YET_EXPIRED', /2026-09-30/);
  });

  it('does nothing for a contract that has already ended (idempotent)', () => {
    spec.given([registered, terminated]).when(expire()).then([]);
    spec.given([registered, { type: 'ContractExpired', data: { ...facts, expiredOn: '2026-03-31' } }]).when(expire()).then([]);
  });

  it('refuses a contract not on the register', () => {
    spec.given([]).when(expire()).thenRefuses('CONTRACT_NOT_FOUND');
  });
});

describe('contract decider: RecordAwardOutcome', () => {
  const awarded = (data: Record<string, unknown> = {}): ContractEvent =>
    ({
      type: 'ContractAwarded',
      data: {
        ...facts,
        tenderId: 'tender-7',
        newHolderId: RIVAL,
        incumbentRetained: false,
        newStartDate: '2026-04-01',
        newEndDate: '2031-03-31',
        newAnnualValuePence: 130_000_000,
        successorContractId: null,
        decidedOn: '2026-03-02',
        ...data,
      },
    }) as ContractEvent;

  it('records a change of provider', () => {
    spec.given([registered]).when(award()).then([awarded()]);
  });

  it('records the incumbent retained', () => {
    spec
      .given([registered])
      .when(award({ newHolderId: HOLDER }))
      .thenMatches(([event]) => expect(event!.data).toMatchObject({ holderId: HOLDER, newHolderId: HOLDER, incumbentRetained: true }));
  });

  it('continues the same contract under the new holder and terms', () => {
    spec
      .given([registered, awarded()])
      .when(expire('2031-03-31T12:00:00.000Z'))
      .then([{ type: 'ContractExpired', data: { ...facts, holderId: RIVAL, annualValuePence: 130_000_000, expiredOn: '2031-03-31' } }]);
  });

  it('ends the contract as replaced when a successor is named', () => {
    const successor = contractId('contract-2');
    spec.given([registered]).when(award({ successorContractId: successor })).then([awarded({ successorContractId: successor })]);
    spec.given([registered, awarded({ successorContractId: successor })]).when(extend).thenRefuses('CONTRACT_ENDED', /replaced on 2026-04-01/);
  });

  it('ignores the same tender outcome delivered twice', () => {
    spec.given([registered, awarded()]).when(award()).then([]);
    spec.given([registered, awarded({ successorContractId: 'contract-2' })]).when(award()).then([]);
  });

  it.each([
    ['CONTRACT_TENDER_REQUIRED', { tenderId: ' ' }],
    ['CONTRACT_HOLDER_REQUIRED', { newHolderId: '' }],
    ['CONTRACT_PARTIES_SAME', { newHolderId: ICB }],
    ['CONTRACT_DATES_INVALID', { endDate: '2026-04-01' }],
    ['CONTRACT_VALUE_INVALID', { annualValuePence: 0 }],
    ['CONTRACT_SUCCESSOR_INVALID', { successorContractId: C1 }],
  ])('refuses an award outcome with %s', (code, data) => {
    spec.given([registered]).when(award(data as never)).thenRefuses(code);
  });
});

describe('successorRegistration', () => {
  it('builds the successor registration from an award that names one', () => {
    const successor = contractId('contract-2');
    const [event] = contractDecider.decide(award({ successorContractId: successor }), contractDecider.evolve(contractDecider.initialState(), registered));
    const command = successorRegistration(event as Extract<ContractEvent, { type: 'ContractAwarded' }>, { reference: 'APMS-NE-0042/2', listSize: 8_400, now: NOW });
    expect(command).toEqual({
      type: 'RegisterContract',
      data: {
        contractId: successor,
        reference: 'APMS-NE-0042/2',
        contractType: 'APMS',
        holderId: RIVAL,
        commissionerId: ICB,
        region: 'North East and Yorkshire',
        listSize: 8_400,
        annualValuePence: 130_000_000,
        startDate: '2026-04-01',
        endDate: '2031-03-31',
        services: undefined,
        predecessor: { contractId: C1, tenderId: 'tender-7' },
        now: NOW,
      },
    });
    spec.given([]).when(command!).thenMatches(([registeredSuccessor]) => expect(registeredSuccessor!.data).toMatchObject({ predecessor: { contractId: C1 } }));
  });

  it('returns null when the award continues the same contract', () => {
    const [event] = contractDecider.decide(award(), contractDecider.evolve(contractDecider.initialState(), registered));
    expect(successorRegistration(event as Extract<ContractEvent, { type: 'ContractAwarded' }>, { reference: 'x', listSize: 1, now: NOW })).toBeNull();
  });
});
