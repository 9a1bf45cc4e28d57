import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import { SqlProjectionRunner } from '../runtime/sql-projection-runner';
import type { StatisticsFacts } from './facts';
import type { TurnoverFilter } from './scope';
import { TurnoverFactsSqlProjection } from './turnover-facts.sql-projection';
import { computeTurnover, type TurnoverReport } from './turnover';

/**
 * Answers turnover questions from the SQL facts. Read-your-writes: a request first lets the facts
 * reach what the store has committed. The facts are loaded once per checkpoint (generation and
 * position): repeated questions between two commits compute from the same load.
 */
@Injectable()
export class TurnoverReader {
  private cached: { key: string; facts: Promise<StatisticsFacts> } | null = null;

  constructor(
    @Inject(SqlProjectionRunner) private readonly runner: SqlProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TurnoverFactsSqlProjection) private readonly projection: TurnoverFactsSqlProjection,
  ) {}

  async turnover(filter: TurnoverFilter): Promise<TurnoverReport> {
    return computeTurnover(await this.facts(), filter);
  }

  /** The facts as of everything committed now. */
  async facts(): Promise<StatisticsFacts> {
    await this.runner.waitForProjection(this.projection.name, await this.store.headPosition());
    const { suffix, position } = await this.runner.generation(this.projection.name);
    const key = `${suffix}@${position}`;
    if (this.cached?.key !== key) {
      const facts = this.projection.facts(this.runner.query);
      this.cached = { key, facts };
      facts.catch(() => this.cached?.facts === facts && (this.cached = null));
    }
    return this.cached.facts;
  }
}
