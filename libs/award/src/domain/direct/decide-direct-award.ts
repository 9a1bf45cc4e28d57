import { conflict, refuse } from '@tenderledger/domain-kit';
import { requireContractTerm, requirePence } from '../contract-term';
import { completeDecisionMakers } from '../decision-makers';
import { requireStandstillRule, standstillFrom } from '../standstill';
import { requireText } from '../text';
import { requireInstant } from '../time';
import type { DecideDirectAward, DeclaredConflict } from './commands';
import type { DirectAwardEvent } from './events';
import { assessedCriteria, missingKeyCriteria } from './key-criteria';
import { directAwardRouteRules, type DirectAwardRoute } from './routes';
import type { DirectAwardState } from './state';

/** DecideDirectAward → DirectAwardDecided (+ IntentionNoticePublished and a standstill where the profile has one). */
export function decideDirectAward(command: DecideDirectAward, state: DirectAwardState): DirectAwardEvent[] {
  const { decisionId, commissionerId, route, provider, incumbent, keyCriteriaAssessment, decisionMakers, now } = command.data;
  if (state.status !== 'none') conflict('DIRECT_AWARD_ALREADY_DECIDED', 'This direct award has already been decided.', { decisionId });
  requireInstant(now);
  const rules = directAwardRouteRules(route);
  if (!rules) return refuse('DIRECT_AWARD_ROUTE_UNKNOWN', `"${route}" is not a PSR direct award or most suitable provider route.`, { route });
  const standstillRule = requireStandstillRule(command.data.standstill);
  if (!provider || typeof provider.organisationId !== 'string' || provider.organisationId.trim() === '' || typeof provider.name !== 'string' || provider.name.trim() === '')
    refuse('DIRECT_AWARD_PROVIDER_REQUIRED', 'A direct award names the provider it awards to.');

  if (rules.mustKeepIncumbent) {
    if (!incumbent) refuse('DIRECT_AWARD_INCUMBENT_REQUIRED', 'This route renews an existing contract: name its current holder and the contract.');
    else if (incumbent.organisationId !== provider.organisationId)
      refuse('DIRECT_AWARD_C_MUST_KEEP_INCUMBENT', 'Direct award process C renews the existing contract with its current holder; it cannot award to another provider.', {
        provider: provider.organisationId,
        incumbent: incumbent.organisationId,
      });
  }
  // A and B need no key-criteria assessment; when one is recorded anyway it must be complete.
  const missing = missingKeyCriteria(keyCriteriaAssessment);
  const assessmentGiven = keyCriteriaAssessment !== undefined && missing.length < 5;
  if ((rules.keyCriteriaAssessmentRequired || assessmentGiven) && missing.length > 0)
    refuse('DIRECT_AWARD_KEY_CRITERIA_MISSING', `The provider must be assessed against every PSR key criterion; missing: ${missing.join(', ')}.`, { missing });

  if (!completeDecisionMakers(decisionMakers))
    refuse('DIRECT_AWARD_DECISION_MAKERS_REQUIRED', 'A direct award must name at least one decision-maker, with a name and a role.');
  const conflicts = requireConflicts(command.data.conflicts, decisionMakers.map((p) => p.name.trim()));
  const reasons = requireText(command.data.reasons, 'DIRECT_AWARD_REASONS_REQUIRED', 'A direct award must give the reasons for the decision.');
  const term = requireContractTerm(command.data.contract);
  const annualValuePence = requirePence(command.data.contract.annualValuePence, 'The annual value');

  const decided: DirectAwardEvent = {
    type: 'DirectAwardDecided',
    data: {
      decisionId,
      commissionerId,
      route: route as DirectAwardRoute,
      awardProcess: rules.awardProcess,
      provider: { organisationId: provider.organisationId, name: provider.name.trim() },
      incumbent: incumbent ?? null,
      incumbentRetained: incumbent ? incumbent.organisationId === provider.organisationId : null,
      keyCriteriaAssessment: assessedCriteria(keyCriteriaAssessment),
      decisionMakers: decisionMakers.map(({ name, role }) => ({ name: name.trim(), role: role.trim() })),
      conflicts,
      reasons,
      contract: { ...term, annualValuePence },
      standstillRule,
      decidedAt: now,
    },
  };
  if (!standstillRule) return [decided];
  return [
    decided,
    { type: 'IntentionNoticePublished', data: { decisionId, route: route as DirectAwardRoute, providerId: provider.organisationId, publishedAt: now } },
    { type: 'DirectAwardStandstillStarted', data: { decisionId, ...standstillFrom(standstillRule, now) } },
  ];
}

/** Each declared interest names one of the decision-makers, the interest and how it was handled. */
function requireConflicts(conflicts: readonly DeclaredConflict[] | undefined, names: readonly string[]): DeclaredConflict[] {
  const list = Array.isArray(conflicts) ? conflicts : [];
  const filled = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
  const bad = list.find((c) => !filled(c?.interest) || !filled(c.handling) || !filled(c.decisionMaker) || !names.includes(c.decisionMaker.trim()));
  if (bad || !Array.isArray(conflicts))
    refuse(
      'DIRECT_AWARD_CONFLICT_INCOMPLETE',
      'Each declared conflict of interest must name one of the decision-makers, the interest and how it was handled (an empty list means none was declared).',
    );
  return list.map((c) => ({ decisionMaker: c.decisionMaker.trim(), interest: c.interest.trim(), handling: c.handling.trim() }));
}
