import { decisionIdOfProcess } from './direct-award-release';
import { compileReleases } from './merge-releases';
import { OCDS_EXTENSIONS, type OcdsConfig } from './ocds-config';
import type { JsonObject, AnyOcdsRelease } from './ocds-types';

export type PackageMetadata = {
  readonly uri: string;
  readonly publishedDate: string;
  readonly publisher: { readonly name: string; readonly uri: string };
  readonly license: string;
  readonly publicationPolicy: string;
  readonly version: '1.1';
  readonly extensions: readonly string[];
};

export type ReleasePackage = PackageMetadata & { readonly releases: readonly AnyOcdsRelease[] };
export type OcdsRecord = { readonly ocid: string; readonly releases: readonly AnyOcdsRelease[]; readonly compiledRelease: JsonObject };
export type RecordPackage = PackageMetadata & { readonly packages: readonly string[]; readonly records: readonly OcdsRecord[] };

/** `processId`: a tender id, or a direct award's `direct-award-{decisionId}`. */
export const releasePackageUri = (config: OcdsConfig, processId: string): string => {
  const decisionId = decisionIdOfProcess(processId);
  const query = decisionId === null ? `tenderId=${encodeURIComponent(processId)}` : `directAwardId=${encodeURIComponent(decisionId)}`;
  return `${config.baseUrl}/api/ocds/releases?${query}`;
};

export const recordPackageUri = (config: OcdsConfig, ocid: string): string => `${config.baseUrl}/api/ocds/records/${encodeURIComponent(ocid)}`;

/** "Generated on demand": the date of the latest release, i.e. of the last change to the contents. */
const latestDate = (releases: readonly AnyOcdsRelease[]): string =>
  releases.reduce((latest, r) => (Date.parse(r.date) > Date.parse(latest) ? r.date : latest), releases[0]!.date);

function metadata(config: OcdsConfig, uri: string, releases: readonly AnyOcdsRelease[]): PackageMetadata {
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
export function releasePackage(config: OcdsConfig, tenderId: string, releases: readonly AnyOcdsRelease[]): ReleasePackage {
  return { ...metadata(config, releasePackageUri(config, tenderId), releases), releases };
}

const asJson = (release: AnyOcdsRelease): JsonObject => JSON.parse(JSON.stringify(release)) as JsonObject;

/** One record, releases embedded (self-contained for auditors), and the compiled release. */
export function recordPackage(config: OcdsConfig, tenderId: string, ocid: string, releases: readonly AnyOcdsRelease[]): RecordPackage {
  return {
    ...metadata(config, recordPackageUri(config, ocid), releases),
    packages: [releasePackageUri(config, tenderId)],
    records: [{ ocid, releases, compiledRelease: compileReleases(releases.map(asJson)) }],
  };
}
