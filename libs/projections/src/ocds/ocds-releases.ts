import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import { OcdsSqlProjection } from './ocds.sql-projection';
import { tenderIdOfOcid } from './ocds-projection';
import type { AnyOcdsRelease } from './ocds-types';

/** Reads the OCDS releases from SQL; a request first lets the read model reach what the store has committed (read-your-writes). */
@Injectable()
export class OcdsReleases {
  constructor(
    @Inject(SqlProjectionRunner) private readonly runner: SqlProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OcdsSqlProjection) private readonly projection: OcdsSqlProjection,
  ) {}

  /** A contracting process's releases: a tender id, or `direct-award-{decisionId}`. */
  async releasesOf(tenderId: string): Promise<readonly AnyOcdsRelease[]> {
    await this.runner.waitForProjection(this.projection.name, await this.store.headPosition());
    return this.projection.releasesOf(this.runner.query, tenderId);
  }

  /** The tender id behind an ocid of this publisher's prefix, or null. */
  tenderIdOf(ocid: string): string | null {
    return tenderIdOfOcid(this.projection.prefix, ocid);
  }
}
