import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '../runtime/projection';
import { ocidOf } from './build-release';
import { foldOcds, OCDS_EVENT_TYPES, type OcdsState } from './ocds-fold';
import { directAwardProcessId } from './direct-award-release';
import type { OcdsDirectAwardRelease, OcdsRelease } from './ocds-types';

/** The tender id behind an ocid of the publisher's prefix, or null. */
export const tenderIdOfOcid = (prefix: string, ocid: string): string | null => {
  const start = `${prefix}-`;
  return ocid.startsWith(start) ? ocid.slice(start.length) : null;
};

/**
 * OCDS releases per tender, folded in memory from a history at hand (tests, tools). The platform
 * keeps the same fold in SQL, checkpointed (`OcdsSqlProjection`). Each release is frozen at its
 * moment, so a later event never rewrites what was published earlier.
 */
export class OcdsProjection implements Projection {
  readonly name = 'ocds';
  readonly handles: readonly string[] = OCDS_EVENT_TYPES;
  private readonly state: OcdsState = { tenders: new Map(), organisations: new Map(), directAwards: new Map() };
  private readonly releases = new Map<string, OcdsRelease[]>();
  private readonly directAwardReleases = new Map<string, OcdsDirectAwardRelease[]>();

  constructor(private readonly prefix: string) {}

  apply(stored: StoredEvent): void {
    const made = foldOcds(this.state, stored, this.prefix);
    if (made?.kind === 'tender') this.releases.set(made.processId, [...(this.releases.get(made.processId) ?? []), made.release]);
    if (made?.kind === 'direct-award') this.directAwardReleases.set(made.processId, [...(this.directAwardReleases.get(made.processId) ?? []), made.release]);
  }

  /** A direct award's releases, by its decision id. */
  directAwardReleasesOf(decisionId: string): readonly OcdsDirectAwardRelease[] {
    return this.directAwardReleases.get(directAwardProcessId(decisionId)) ?? [];
  }

  releasesOf(tenderId: string): readonly OcdsRelease[] {
    return this.releases.get(tenderId) ?? [];
  }

  /** The tender id behind an ocid of this publisher's prefix, or null. */
  tenderIdOf(ocid: string): string | null {
    return tenderIdOfOcid(this.prefix, ocid);
  }

  ocidOf(tenderId: string): string {
    return ocidOf(this.prefix, tenderId);
  }
}
