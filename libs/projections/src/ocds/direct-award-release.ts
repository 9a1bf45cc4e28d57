import type { DirectAwardDecided } from '@tenderledger/award';
import { PROCEDURE_PROFILES } from '@tenderledger/tendering';
import { partyOf, pounds, type Organisations, type ReleaseContext } from './build-release';
import type { AwardStatusCode, TenderStatusCode } from './codes';
import { londonDayEnd, londonDayStart } from './london-dates';
import type { OcdsContract, OcdsDirectAward, OcdsDirectAwardRelease, OcdsPeriod } from './ocds-types';

/** What the export keeps of one direct award between events: the decision as published and where it went. */
export type DirectAwardFacts = {
  readonly decision: DirectAwardDecided['data'];
  readonly status: 'decided' | 'cancelled' | 'concluded';
  readonly concludedAt: string | null;
};

/** A direct award's process id in the release table and its ocid: the stream's name, so it cannot collide with a tender id. */
export const directAwardProcessId = (decisionId: string): string => `direct-award-${decisionId}`;

/** The decision id behind a direct award's process id, or null for a tender's. */
export const decisionIdOfProcess = (processId: string): string | null => (processId.startsWith('direct-award-') ? processId.slice('direct-award-'.length) : null);

const TENDER_STATUS: Readonly<Record<DirectAwardFacts['status'], TenderStatusCode>> = { decided: 'complete', concluded: 'complete', cancelled: 'cancelled' };
// Pending through the standstill (OCDS: "not yet in force ... a cooling off period"), active once concluded.
const AWARD_STATUS: Readonly<Record<DirectAwardFacts['status'], AwardStatusCode>> = { decided: 'pending', concluded: 'active', cancelled: 'cancelled' };

/**
 * A release of a direct award: a full snapshot of what is public at its moment. The decision,
 * its reasons and the key criteria assessed are published (PSR reg. 12 intention notice); the
 * challenges are not (a representation is between the provider and the commissioner).
 */
export function buildDirectAwardRelease(facts: DirectAwardFacts, orgs: Organisations, context: ReleaseContext): OcdsDirectAwardRelease {
  const { decision } = facts;
  const profile = PROCEDURE_PROFILES.find((p) => p.id === decision.route);
  const method = profile?.name ?? decision.route;
  const buyer = { id: decision.commissionerId, name: orgs.get(decision.commissionerId)?.name ?? decision.commissionerId };
  const supplier = { id: decision.provider.organisationId, name: orgs.get(decision.provider.organisationId)?.name ?? decision.provider.name };
  const value = pounds(decision.contract.annualValuePence);
  const period: OcdsPeriod = { startDate: londonDayStart(decision.contract.startDate), endDate: londonDayEnd(decision.contract.endDate) };
  const criteria = decision.keyCriteriaAssessment.map((c) => c.criterion);
  const awardId = `${decision.decisionId}-award`;
  const award: OcdsDirectAward = {
    id: awardId,
    title: `Award to ${supplier.name}`,
    description: 'The value is the annual contract value.',
    status: AWARD_STATUS[facts.status],
    date: decision.decidedAt,
    value,
    suppliers: [supplier],
    contractPeriod: period,
  };
  const contracts: OcdsContract[] =
    facts.status === 'concluded' && facts.concludedAt
      ? [{ id: `${decision.decisionId}-contract`, awardID: awardId, title: `Contract with ${supplier.name}`, status: 'active', period, value, dateSigned: facts.concludedAt }]
      : [];
  return {
    ocid: context.ocid,
    id: context.releaseId,
    date: context.moment.date,
    tag: [context.moment.tag],
    initiationType: 'tender',
    language: 'en',
    parties: [partyOf(buyer, ['buyer', 'procuringEntity'], orgs), partyOf(supplier, ['supplier'], orgs)],
    buyer,
    tender: {
      id: decision.decisionId,
      title: `${method}: ${supplier.name}`,
      description: `${method}, decided without competition${decision.incumbentRetained === true ? ', keeping the incumbent provider' : ''}. The value is the annual contract value.`,
      status: TENDER_STATUS[facts.status],
      procuringEntity: buyer,
      value,
      // Every route here awards to one provider chosen without competition (no bids were invited), which is
      // OCDS 'direct'; a most-suitable-provider *tender* that invites chosen providers to bid is 'limited'.
      procurementMethod: 'direct',
      procurementMethodDetails: method,
      procurementMethodRationale: decision.reasons,
      mainProcurementCategory: 'services',
      ...(criteria.length > 0 ? { awardCriteriaDetails: `Assessed against the PSR key criteria: ${criteria.join(', ')}` } : {}),
      contractPeriod: period,
    },
    awards: [award],
    ...(contracts.length > 0 ? { contracts } : {}),
  };
}
