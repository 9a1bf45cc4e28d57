import type { FigureUnit } from './figure';

/**
 * Every turnover figure's label, unit and definition (DESIGN §7): the response, the CSV and the
 * OpenAPI description all read them from here, so the three can never disagree. "In the year"
 * means the calendar year in England; the current year runs to today.
 */
export const AWARD_PROCESSES = ['competitive', 'direct-award-a', 'direct-award-b', 'direct-award-c', 'most-suitable-provider'] as const;
export type AwardProcessKey = (typeof AWARD_PROCESSES)[number];

type Entry = { readonly label: string; readonly unit: FigureUnit; readonly definition: string };

const ACTIVE = 'contracts on the register (matching the region and contract type filters) that ran on at least one day of the year: started on or before its last day and had not ended (scheduled end, or the earlier termination, buy-out, expiry or replacement date) before 1 January';
const DECIDED_AWARDS = 'award decisions made in the year: competitive (AwardDecided, one per tender) and direct (DirectAwardDecided)';
const CONCLUDED_LOTS = 'tender lots whose contract was concluded in the year (ContractConcluded)';
const SMALL = "the winner (a consortium's lead organisation) has size band 'small' (set at registration; by default list size below 10,000 and staff below 25)";
const CONSORTIUM = 'the winning bid was made as a consortium, or the winner is a federation or network';
const ASSESSED = 'tenders whose first award decision was made in the year';

const processEntries = Object.fromEntries(
  AWARD_PROCESSES.flatMap((process) => [
    [`awardsByProcess.${process}.count`, { label: `Awards by ${process}`, unit: 'count', definition: `Number of contracts concluded in the year through ${process}: competitive = tender lots concluded (ContractConcluded); direct routes = DirectAwardConcluded with that award process.` }],
    [`awardsByProcess.${process}.value`, { label: `Annual value awarded by ${process}`, unit: 'pence', definition: `Sum of the annual contract value (pence) of the contracts counted in awardsByProcess.${process}.count.` }],
  ]),
) as Record<`awardsByProcess.${AwardProcessKey}.${'count' | 'value'}`, Entry>;

export const DEFINITIONS = {
  activeContracts: { label: 'Active contracts', unit: 'count', definition: `Number of ${ACTIVE}.` },
  contractsTendered: {
    label: 'Share of active contracts tendered',
    unit: 'share',
    definition: `Active contracts whose re-procurement tender (a tender naming it in replacesContractId, or named when it was marked for re-procurement) was published in the year ÷ active contracts (${ACTIVE}). The "1.3%" figure.`,
  },
  renewedOrExtendedWithoutCompetition: {
    label: 'Share of active contracts renewed or extended without competition',
    unit: 'share',
    definition: 'Active contracts with at least one ContractRenewedWithoutCompetition (any route, direct award C included) or ContractExtended decided in the year ÷ active contracts.',
  },
  renewedWithoutCompetition: { label: 'Renewals without competition', unit: 'count', definition: 'Number of ContractRenewedWithoutCompetition decided in the year on matching contracts (a direct award C that keeps the incumbent appears here).' },
  extendedWithoutCompetition: { label: 'Extensions', unit: 'count', definition: 'Number of ContractExtended decided in the year on matching contracts.' },
  providerChanged: {
    label: 'Re-procurements that changed provider',
    unit: 'share',
    definition: 'Re-procurement outcomes recorded in the year (ContractAwarded on the replaced contract; DirectAwardConcluded keeping the incumbent) where the incumbent holds none of the resulting contracts (every lot of the tender counted) ÷ all such outcomes.',
  },
  incumbentRetained: { label: 'Re-procurements that retained the incumbent', unit: 'share', definition: 'Re-procurement outcomes recorded in the year where the incumbent holds at least one resulting contract ÷ all such outcomes (the complement of providerChanged).' },
  newEntrants: {
    label: 'New entrants among winners',
    unit: 'share',
    definition: 'Distinct providers that won a contract concluded in the year (ContractConcluded winner, DirectAwardConcluded provider) and held no contract anywhere on the register on any day before the conclusion ÷ distinct winners.',
  },
  newProviders: { label: 'New providers', unit: 'count', definition: 'Providers whose first spell holding a matching contract on the register starts in the year (to today in the current year).' },
  providersNoLongerHoldingContracts: {
    label: 'Providers that no longer hold any contract (PSR regulation 25)',
    unit: 'count',
    definition: "Providers that held a matching contract on at least one day of the year and hold none on the year's last day (today in the current year).",
  },
  lotsWonBySmallProviders: { label: 'Share of lots won by small providers', unit: 'share', definition: `Lots where ${SMALL} ÷ ${CONCLUDED_LOTS}.` },
  valueWonBySmallProviders: { label: 'Share of value won by small providers', unit: 'share', definition: `Annual value (pence) of lots where ${SMALL} ÷ annual value of ${CONCLUDED_LOTS}.` },
  lotsWonByConsortia: { label: 'Share of lots won by consortia', unit: 'share', definition: `Lots where ${CONSORTIUM} ÷ ${CONCLUDED_LOTS}.` },
  valueWonByConsortia: { label: 'Share of value won by consortia', unit: 'share', definition: `Annual value of lots where ${CONSORTIUM} ÷ annual value of ${CONCLUDED_LOTS}.` },
  singleBidLots: {
    label: 'Single-bid lot rate',
    unit: 'share',
    definition: 'Lots that received exactly one bid (submitted and not withdrawn) ÷ all lots, over tenders whose submissions closed in the year. Lots with no bid count in the denominator.',
  },
  bidsPerLot: { label: 'Mean bids per lot', unit: 'mean', definition: 'Bids (submitted, not withdrawn) counted once per lot they cover ÷ lots, over tenders whose submissions closed in the year.' },
  tendersSplitIntoLots: { label: 'Share of tenders split into lots', unit: 'share', definition: 'Tenders published in the year with more than one lot ÷ tenders published in the year.' },
  medianDaysPublicationToAward: {
    label: 'Median days from publication to award',
    unit: 'median-days',
    definition: `Median, over ${ASSESSED}, of the whole days (24-hour periods, rounded down) from publication (TenderPublished) to the first award decision (AwardDecided). Denominator = tenders measured.`,
  },
  ...processEntries,
  challengesPerAward: { label: 'Challenges per award', unit: 'mean', definition: `Challenges and representations lodged against ${DECIDED_AWARDS} ÷ those award decisions.` },
  challengesUpheld: { label: 'Share of challenges upheld', unit: 'share', definition: `Challenges and representations against ${DECIDED_AWARDS} that were upheld ÷ those with an outcome recorded (open ones are left out).` },
  'redFlags.singleBid': { label: 'Tenders flagged: single bid', unit: 'share', definition: `Tenders with at least one lot that received exactly one bid ÷ ${ASSESSED}.` },
  'redFlags.shortTenderPeriod': {
    label: 'Tenders flagged: short tender period',
    unit: 'share',
    definition: `Tenders whose period from publication to the submission deadline in force at closing (whole days) is below the configured threshold (shortTenderPeriodDays) or below the tender's own minimum ÷ ${ASSESSED}.`,
  },
  'redFlags.allButWinnerDisqualified': {
    label: "Tenders flagged: all bids but the winner's disqualified",
    unit: 'share',
    definition: `Tenders with a lot that had two or more bids where the winning bid was the only one to qualify in the completed evaluation (the others failed compliance or a pass mark, or were excluded at opening) ÷ ${ASSESSED}.`,
  },
  'redFlags.lateBidWon': {
    label: 'Tenders flagged: late bid won',
    unit: 'share',
    definition: `Tenders where a winning bid's last submission or resubmission is after the submission deadline in force at closing ÷ ${ASSESSED}. The platform refuses late bids, so this flag checks the record rather than expecting hits.`,
  },
  redFlagsPerTender: { label: 'Red flags per tender', unit: 'mean', definition: `Red flags raised (single bid, short tender period, all but the winner disqualified, late bid won; at most one of each per tender) ÷ ${ASSESSED}.` },
} satisfies Record<string, Entry>;

export type FigureKey = keyof typeof DEFINITIONS;

export const FIGURE_KEYS = Object.keys(DEFINITIONS) as FigureKey[];
