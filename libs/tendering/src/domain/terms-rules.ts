import { refuse } from '@tenderledger/domain-kit';
import { criteriaShapeProblem } from './criteria';
import { requireProfile } from './guards';
import { effectiveMinimumTenderPeriodDays } from './procedure-profiles';
import { isPence, serviceLinesProblem } from './services';
import type { TenderTerms } from './terms';
import { contractTermProblem, deadlinesInOrder, unparseableTimelineFields } from './timeline';

/**
 * Checks a draft's terms (on DraftTender and after every AmendDraft). Weights summing to 100% and the
 * lots are publish-time rules: a draft may be incomplete, but what it holds must make sense.
 */
export function checkTerms(terms: TenderTerms): void {
  const profile = requireProfile(terms.procedureProfileId);
  if (terms.title.trim() === '') refuse('TENDER_TITLE_REQUIRED', 'A tender needs a title.');
  const services = serviceLinesProblem(terms.services);
  if (services !== null) refuse('TENDER_SERVICES_INVALID', services);
  if (!Number.isSafeInteger(terms.population) || terms.population < 1)
    refuse('TENDER_POPULATION_INVALID', 'The population covered must be a whole number of patients, at least one.');
  if (!isPence(terms.estimatedAnnualValuePence))
    refuse('TENDER_VALUE_INVALID', 'The estimated annual value must be a whole number of pence, not negative.');
  const term = contractTermProblem(terms.contractTerm);
  if (term !== null) refuse('TENDER_CONTRACT_TERM_INVALID', term);
  const criteria = criteriaShapeProblem(terms.criteria);
  if (criteria !== null) refuse('TENDER_CRITERIA_INVALID', criteria);
  const bad = unparseableTimelineFields(terms.timeline);
  if (bad.length > 0) refuse('TENDER_INVALID_DATE', `${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a date and time.`, { fields: bad });
  if (!deadlinesInOrder(terms.timeline))
    refuse('TENDER_DEADLINES_OUT_OF_ORDER', 'The clarification deadline must come before the submission deadline, and that before the planned award.');
  const override = terms.minimumTenderPeriodDays;
  if (override !== null && (!Number.isSafeInteger(override) || override < profile.minimumTenderPeriodDays))
    refuse(
      'TENDER_PERIOD_BELOW_PROFILE_MINIMUM',
      `${profile.name} needs a tender period of at least ${profile.minimumTenderPeriodDays} days; a tender may set a longer one, not a shorter one.`,
      { minimum: effectiveMinimumTenderPeriodDays(profile, null), requested: override },
    );
}
