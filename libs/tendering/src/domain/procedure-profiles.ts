/**
 * Procedures are data, not code paths (DESIGN §8, as ProZorro's per-tender `config`): a tender names
 * one profile and the decider reads its fields (`acceptsBids`, `lotsAllowed`, ...), never its id.
 *
 * Sources for the values:
 * - Procurement Act 2023 s.54 and the Procurement Regulations 2024: the minimum tender period for an
 *   open or competitive flexible procedure is 25 days when tender documents are available electronically
 *   from the tender notice (30 otherwise; shorter only with a qualifying planned procurement notice,
 *   which TenderLedger does not model). Standstill (s.51) is 8 working days *beginning with* the day the
 *   contract award notice is published.
 * - Health Care Services (Provider Selection Regime) Regulations 2023: no statutory minimum tender period
 *   for the competitive process (reg. 11 asks for a period that is reasonable), so 30 calendar days is a
 *   TenderLedger default that a tender may raise. Standstill (reg. 12) is 8 working days from the day
 *   *after* the intention-to-award notice; representations make the commissioner review and, if it goes
 *   ahead, wait a further 5 working days. Direct award A and B have no standstill (award confirmed by
 *   notice); direct award C and most suitable provider publish an intention to award and stand still.
 */

export type Regime = 'procurement-act-2023' | 'provider-selection-regime';

export type NoticeKind =
  | 'tender-notice'
  | 'intention-to-award'
  | 'contract-award-notice'
  | 'contract-details-notice'
  | 'procurement-termination-notice';

/** How the award process is classed in the turnover statistics (DESIGN §7). */
export type AwardProcess = 'competitive' | 'most-suitable-provider' | 'direct-award-a' | 'direct-award-b' | 'direct-award-c';

export interface StandstillRule {
  readonly workingDays: number;
  /** PA23 counts the day the notice is published as day one; PSR starts the day after. */
  readonly counting: 'beginning-with-notice-day' | 'day-after-notice';
  /** PSR only: after representations are reviewed, the decision stands still this many more working days. */
  readonly furtherDaysAfterRepresentations?: number;
}

export const PROCEDURE_PROFILE_IDS = [
  'pa23-open',
  'pa23-competitive-flexible',
  'psr-competitive',
  'psr-most-suitable-provider',
  'psr-direct-award-a',
  'psr-direct-award-b',
  'psr-direct-award-c',
] as const;

export type ProcedureProfileId = (typeof PROCEDURE_PROFILE_IDS)[number];

export interface ProcedureProfile {
  readonly id: ProcedureProfileId;
  readonly name: string;
  readonly regime: Regime;
  readonly awardProcess: AwardProcess;
  /** Calendar days from publication to submission deadline; a tender may ask for more, never fewer. */
  readonly minimumTenderPeriodDays: number;
  /** False for direct awards and most suitable provider: there is no call for bids, so no publish-for-bids flow. */
  readonly acceptsBids: boolean;
  readonly lotsAllowed: boolean;
  readonly clarificationsAllowed: boolean;
  /** Notices this route publishes, in the order they appear in its life. */
  readonly notices: readonly NoticeKind[];
  /** Null where the route has no standstill (PSR direct award A and B). */
  readonly standstill: StandstillRule | null;
  readonly legalBasis: string;
}

const PA23_STANDSTILL: StandstillRule = { workingDays: 8, counting: 'beginning-with-notice-day' };
const PSR_STANDSTILL: StandstillRule = { workingDays: 8, counting: 'day-after-notice', furtherDaysAfterRepresentations: 5 };

export const PROCEDURE_PROFILES: readonly ProcedureProfile[] = [
  {
    id: 'pa23-open',
    name: 'Procurement Act 2023 open procedure',
    regime: 'procurement-act-2023',
    awardProcess: 'competitive',
    minimumTenderPeriodDays: 25,
    acceptsBids: true,
    lotsAllowed: true,
    clarificationsAllowed: true,
    notices: ['tender-notice', 'contract-award-notice', 'contract-details-notice'],
    standstill: PA23_STANDSTILL,
    legalBasis: 'Procurement Act 2023 s.20(2)(a), s.54, s.51',
  },
  {
    id: 'pa23-competitive-flexible',
    name: 'Procurement Act 2023 competitive flexible procedure',
    regime: 'procurement-act-2023',
    awardProcess: 'competitive',
    minimumTenderPeriodDays: 25,
    acceptsBids: true,
    lotsAllowed: true,
    clarificationsAllowed: true,
    notices: ['tender-notice', 'contract-award-notice', 'contract-details-notice'],
    standstill: PA23_STANDSTILL,
    legalBasis: 'Procurement Act 2023 s.20(2)(b), s.54, s.51',
  },
  {
    id: 'psr-competitive',
    name: 'Provider Selection Regime competitive process',
    regime: 'provider-selection-regime',
    awardProcess: 'competitive',
    minimumTenderPeriodDays: 30,
    acceptsBids: true,
    lotsAllowed: true,
    clarificationsAllowed: true,
    notices: ['tender-notice', 'intention-to-award', 'contract-award-notice'],
    standstill: PSR_STANDSTILL,
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg. 11, 12',
  },
  {
    id: 'psr-most-suitable-provider',
    name: 'Provider Selection Regime most suitable provider process',
    regime: 'provider-selection-regime',
    awardProcess: 'most-suitable-provider',
    minimumTenderPeriodDays: 0,
    acceptsBids: false,
    lotsAllowed: false,
    clarificationsAllowed: false,
    notices: ['intention-to-award', 'contract-award-notice'],
    standstill: PSR_STANDSTILL,
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg. 6(6), 10, 12',
  },
  {
    id: 'psr-direct-award-a',
    name: 'Provider Selection Regime direct award process A',
    regime: 'provider-selection-regime',
    awardProcess: 'direct-award-a',
    minimumTenderPeriodDays: 0,
    acceptsBids: false,
    lotsAllowed: false,
    clarificationsAllowed: false,
    notices: ['contract-award-notice'],
    standstill: null,
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg. 6(3), 8',
  },
  {
    id: 'psr-direct-award-b',
    name: 'Provider Selection Regime direct award process B',
    regime: 'provider-selection-regime',
    awardProcess: 'direct-award-b',
    minimumTenderPeriodDays: 0,
    acceptsBids: false,
    lotsAllowed: false,
    clarificationsAllowed: false,
    notices: ['contract-award-notice'],
    standstill: null,
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg. 6(4), 8',
  },
  {
    id: 'psr-direct-award-c',
    name: 'Provider Selection Regime direct award process C',
    regime: 'provider-selection-regime',
    awardProcess: 'direct-award-c',
    minimumTenderPeriodDays: 0,
    acceptsBids: false,
    lotsAllowed: false,
    clarificationsAllowed: false,
    notices: ['intention-to-award', 'contract-award-notice'],
    standstill: PSR_STANDSTILL,
    legalBasis: 'Health Care Services (Provider Selection Regime) Regulations 2023 reg. 6(5), 9, 12',
  },
];

const BY_ID: ReadonlyMap<string, ProcedureProfile> = new Map(PROCEDURE_PROFILES.map((profile) => [profile.id, profile]));

export const isProcedureProfileId = (id: string): id is ProcedureProfileId => BY_ID.has(id);

/** The profile for an id, or undefined: the decider turns undefined into TENDER_PROFILE_UNKNOWN. */
export const procedureProfile = (id: string): ProcedureProfile | undefined => BY_ID.get(id);

/** A tender may lengthen its minimum tender period beyond the profile's, never shorten it. */
export const effectiveMinimumTenderPeriodDays = (profile: ProcedureProfile, override: number | null): number =>
  Math.max(profile.minimumTenderPeriodDays, override ?? 0);
