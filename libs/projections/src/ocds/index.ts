// The OCDS export's public surface (the CLI's `export ocds` and the platform wiring use these).
export { OcdsModule } from './ocds.module';
export { OcdsProjection, tenderIdOfOcid } from './ocds-projection';
export { OcdsSqlProjection, ocdsProjectionVersion } from './ocds.sql-projection';
export { OcdsReleases } from './ocds-releases';
export { foldOcds, OCDS_EVENT_TYPES, type OcdsState, type OcdsTenderEntry, type OcdsDirectAwardEntry, type OcdsReleaseMade } from './ocds-fold';
export { OCDS_CONFIG, OCDS_EXTENSIONS, DEFAULT_OCDS_PREFIX, ocdsConfigFromEnv, type OcdsConfig } from './ocds-config';
export { releasePackage, recordPackage, type ReleasePackage, type RecordPackage, type OcdsRecord } from './ocds-packages';
export { compileReleases } from './merge-releases';
export { jsonMergePatch } from './json-merge-patch';
export { OCDS_CODES } from './codes';
export type { OcdsRelease, OcdsDirectAwardRelease, AnyOcdsRelease } from './ocds-types';
export { directAwardProcessId } from './direct-award-release';
