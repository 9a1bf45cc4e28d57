import { compileReleases } from './merge-releases';
import { OCDS_EXTENSIONS, type OcdsConfig } from './ocds-config';
import type { JsonObject, OcdsRelease } from './ocds-types';

export type PackageMetadata = {
  readonly uri: string;
  readonly publishedDate: string;
  readonly publisher: { readonly name: string; readonly uri: string };
  readonly license: string;
  readonly publicationPolicy: string;
  readonly version: '1.1';
  readonly extensions: readonly string[];
};

export type ReleasePackage = PackageMetadata & { readonly releases: readonly OcdsRelease[] };
export type OcdsRecord = { readonly ocid: string; readonly releases: readonly OcdsRelease[]; readonly compiledRelease: JsonObject };
export type RecordPackage = PackageMetadata & { readonly packages: readonly string[]; readonly records: readonly OcdsRecord[] };

export const releasePackageUri = (config: OcdsConfig, tenderId: string): string =>
  `${config.baseUrl}/api/ocds/releases?tenderId=${encodeURIComponent(tenderId)}`;

export const recordPackageUri = (config: OcdsConfig, ocid: string): string => `${config.baseUrl}/api/ocds/records/${encodeURIComponent(ocid)}`;

/** "Generated on demand": the date of the latest release, i.e. of the last change to the contents. */
const latestDate = (releases: readonly OcdsRelease[]): string =>
  releases.reduce((latest, r) => (Date.parse(r.date) > Date.parse(latest) ? r.date : latest), releases[0]!.date);

function metadata(config: OcdsConfig, uri: string, releases: readonly OcdsRelease[]): PackageMetadata {
  return {
    uri,
    publishedDate: latestDate(releases),
    publisher: { name: config.publisherName, uri: config.baseUrl },
    license: config.license,
    publicationPolicy: config.publicationPolicy,
    version: '1.1',
    extensions: [...OCDS_EXTENSIONS],
  };
}

/** Callers pass at least one release: the schema requires a non-empty list. */
export function releasePackage(config: OcdsConfig, tenderId: string, releases: readonly OcdsRelease[]): ReleasePackage {
  return { ...metadata(config, releasePackageUri(config, tenderId), releases), releases };
}

const asJson = (release: OcdsRelease): JsonObject => JSON.parse(JSON.stringify(release)) as JsonObject;

/** One record, releases embedded (self-contained for auditors), and the compiled release. */
export function recordPackage(config: OcdsConfig, tenderId: string, ocid: string, releases: readonly OcdsRelease[]): RecordPackage {
  return {
    ...metadata(config, recordPackageUri(config, ocid), releases),
    packages: [releasePackageUri(config, tenderId)],
    records: [{ ocid, releases, compiledRelease: compileReleases(releases.map(asJson)) }],
  };
}
