import type { AwardCriterion } from './criteria';
import type { ContractId } from './ids';
import type { ProcedureProfileId } from './procedure-profiles';
import type { Pence, ServiceLine } from './services';
import type { ContractTerm, Timeline } from './timeline';

export type ContractType = 'GMS' | 'PMS' | 'APMS' | 'outcomes-based';

/** What the commissioner drafts: the content of the tender before lots and publication. */
export type TenderTerms = {
  readonly title: string;
  readonly description: string;
  readonly procedureProfileId: ProcedureProfileId;
  readonly contractType: ContractType;
  /** The register contract this tender re-procures, if any (for the turnover statistics). */
  readonly replacesContractId: ContractId | null;
  readonly services: readonly ServiceLine[];
  /** Registered patients the contract serves (service lines may overlap, so this is not their sum). */
  readonly population: number;
  readonly estimatedAnnualValuePence: Pence;
  readonly contractTerm: ContractTerm;
  readonly criteria: readonly AwardCriterion[];
  readonly timeline: Timeline;
  readonly region: string | null;
  /** A longer minimum tender period than the profile's; null = the profile's. */
  readonly minimumTenderPeriodDays: number | null;
};

/** Fields AmendDraft may change: any term, with the profile id still unchecked text until decided. */
export type DraftChanges = Partial<Omit<TenderTerms, 'procedureProfileId'> & { readonly procedureProfileId: string }>;
