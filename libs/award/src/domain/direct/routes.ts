import type { AwardProcess, ProcedureProfileId } from '@tenderledger/tendering';

export type DirectAwardRoute = Extract<ProcedureProfileId, 'psr-direct-award-a' | 'psr-direct-award-b' | 'psr-direct-award-c' | 'psr-most-suitable-provider'>;

/**
 * What each PSR route asks of a decision without bids, as data the decider reads (the standstill comes
 * from the procedure profile on the command). Health Care Services (Provider Selection Regime)
 * Regulations 2023: direct award A (reg. 6(3)) and B (reg. 6(4)) rest on there being one capable
 * provider or on patient choice, so no key-criteria assessment is required; direct award C (reg. 9)
 * assesses the incumbent, and most suitable provider (reg. 10) the chosen provider, against the five
 * key criteria. C renews the existing contract, so the provider must be the incumbent.
 */
export type DirectAwardRouteRules = {
  readonly awardProcess: AwardProcess;
  readonly keyCriteriaAssessmentRequired: boolean;
  readonly mustKeepIncumbent: boolean;
};

export const DIRECT_AWARD_ROUTES: Readonly<Record<DirectAwardRoute, DirectAwardRouteRules>> = {
  'psr-direct-award-a': { awardProcess: 'direct-award-a', keyCriteriaAssessmentRequired: false, mustKeepIncumbent: false },
  'psr-direct-award-b': { awardProcess: 'direct-award-b', keyCriteriaAssessmentRequired: false, mustKeepIncumbent: false },
  'psr-direct-award-c': { awardProcess: 'direct-award-c', keyCriteriaAssessmentRequired: true, mustKeepIncumbent: true },
  'psr-most-suitable-provider': { awardProcess: 'most-suitable-provider', keyCriteriaAssessmentRequired: true, mustKeepIncumbent: false },
};

export const directAwardRouteRules = (route: string): DirectAwardRouteRules | undefined =>
  Object.prototype.hasOwnProperty.call(DIRECT_AWARD_ROUTES, route) ? DIRECT_AWARD_ROUTES[route as DirectAwardRoute] : undefined;
