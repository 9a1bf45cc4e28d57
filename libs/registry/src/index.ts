// Public surface of the registry context: other contexts and the application layer import from here only.
export * from './domain/ids';
export { isIsoDate, londonDateOf, type IsoDate } from './domain/calendar';

export * from './domain/organisation/commands';
export * from './domain/organisation/events';
export { sizeBand, DEFAULT_SIZE_THRESHOLDS, type SizeBand, type SizeMeasures, type SizeThresholds } from './domain/organisation/size-band';
export {
  organisationDecider,
  createOrganisationDecider,
  type OrganisationState,
  type OrganisationDeciderOptions,
} from './domain/organisation/decider';

export * from './domain/contract/commands';
export * from './domain/contract/events';
export { contractDecider, type ContractState, type ContractEndedBy } from './domain/contract/decider';
export { termsProblems, type TermsProblem, type TermsField } from './domain/contract/terms';
export { successorRegistration } from './domain/contract/successor';
export { parseCsv, type CsvRecord, type CsvParseResult, type CsvSyntaxError } from './domain/contract/csv';
export {
  validateContractCsv,
  rowToRegisterContract,
  poundsToPence,
  DEFAULT_MAX_IMPORT_ROWS,
  type ValidContractRow,
  type ContractHolderRef,
  type ImportError,
  type ContractImportReport,
  type ContractImportOptions,
} from './domain/contract/csv-import';

// Application and edge: read models other contexts may consult, and the Nest module.
export { OrganisationDirectory, type OrganisationView } from './application/organisation-directory';
export { ContractRegister, type ContractView } from './application/contract-register';
export { DecideOrganisation, DecideContract, ImportContractRegister, type ContractImportResult } from './application/messages';
export { ContractExpiryProcess } from './application/contract-expiry.process';
export { RegistryModule } from './registry.module';
