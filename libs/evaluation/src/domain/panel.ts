import type { CriterionId, EvaluatorId, OrganisationId } from './ids';

/** Who sits on the panel: the commissioner's staff, and optionally people from outside it. */
export type EvaluatorRole = 'commissioner-staff' | 'independent-clinician' | 'finance-adviser' | 'patient-representative';
export const EVALUATOR_ROLES: readonly EvaluatorRole[] = ['commissioner-staff', 'independent-clinician', 'finance-adviser', 'patient-representative'];

export type PanelMember = {
  readonly evaluatorId: EvaluatorId;
  readonly name: string;
  readonly role: EvaluatorRole;
  /** The organisation the evaluator works for: it must not be party to any bid. */
  readonly organisationId: OrganisationId;
};

/** One score an evaluator gives a bid on one quality criterion, with the reasons for it. */
export type CriterionScore = {
  readonly criterionId: CriterionId;
  readonly score: number;
  readonly justification: string;
};
