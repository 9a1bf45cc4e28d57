import type { PsrKeyCriterion } from '@tenderledger/tendering';

/** The five PSR key criteria (reg. 5), in the regulations' order; the Record makes the list exhaustive. */
const ORDER: Readonly<Record<PsrKeyCriterion, number>> = {
  'quality-and-innovation': 1,
  value: 2,
  'integration-collaboration-and-service-sustainability': 3,
  'improving-access-reducing-health-inequalities-and-facilitating-choice': 4,
  'social-value': 5,
};

export const PSR_KEY_CRITERIA = (Object.keys(ORDER) as PsrKeyCriterion[]).sort((a, b) => ORDER[a] - ORDER[b]);

/** The decision-makers' written assessment of the provider against each key criterion. */
export type KeyCriteriaAssessment = Readonly<Partial<Record<PsrKeyCriterion, string>>>;

export type AssessedCriterion = { readonly criterion: PsrKeyCriterion; readonly assessment: string };

/** The criteria with no written assessment. */
export const missingKeyCriteria = (assessment: KeyCriteriaAssessment | undefined): PsrKeyCriterion[] =>
  PSR_KEY_CRITERIA.filter((criterion) => {
    const text = assessment?.[criterion];
    return typeof text !== 'string' || text.trim() === '';
  });

/** The assessment as recorded: the criteria in order, trimmed; unknown keys are dropped. */
export const assessedCriteria = (assessment: KeyCriteriaAssessment | undefined): AssessedCriterion[] =>
  PSR_KEY_CRITERIA.flatMap((criterion) => {
    const text = assessment?.[criterion];
    return typeof text === 'string' && text.trim() !== '' ? [{ criterion, assessment: text.trim() }] : [];
  });
