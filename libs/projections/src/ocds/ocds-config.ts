/**
 * Publisher settings, read from the environment when the module starts. The defaults are
 * deliberately fake: `ocds-tl0000` is NOT a prefix registered with the Open Contracting Partnership
 * (a real publisher requests one), and `.invalid` (RFC 2606) can never resolve.
 */
export type OcdsConfig = {
  readonly prefix: string;
  readonly baseUrl: string;
  readonly publisherName: string;
  readonly license: string;
  readonly publicationPolicy: string;
};

export const OCDS_CONFIG = Symbol.for('tenderledger.OcdsConfig');

export const DEFAULT_OCDS_PREFIX = 'ocds-tl0000';

export function ocdsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OcdsConfig {
  const baseUrl = (env['OCDS_BASE_URL'] ?? 'https://tenderledger.invalid').replace(/\/+$/, '');
  return {
    prefix: env['OCDS_PREFIX'] ?? DEFAULT_OCDS_PREFIX,
    baseUrl,
    publisherName: env['OCDS_PUBLISHER_NAME'] ?? 'TenderLedger (NHS England primary-care commissioning)',
    // Open Government Licence v3.0: the default for UK public-sector information.
    license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    publicationPolicy: env['OCDS_PUBLICATION_POLICY_URL'] ?? `${baseUrl}/ocds/publication-policy`,
  };
}

/**
 * The extensions the releases use, at the v1.1.5 tags that ../shared/ocds holds. Their extension.json
 * files carry no URL of their own, so these are the canonical raw GitHub addresses of the
 * open-contracting-extensions repositories (the lots extension's testDependencies use the same form).
 */
export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
] as const;
