import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type CommandContext } from '@tenderledger/domain-kit';
import type { EventStore, StoredEvent } from '@tenderledger/event-store';
import { contractDecider, contractStreamId, DecideContract, type ContractEvent, type ContractState } from '@tenderledger/registry';
import type { TenderPublished } from '../domain/events';
import type { ContractId } from '../domain/ids';
import { TenderCatalogue } from './tender-catalogue';

/**
 * Tender published → the register contract it replaces is marked for re-procurement, so the
 * register and the turnover statistics show it as tendered. Fed by the projection runner, which
 * replays every event at each start: the contract's own stream is the idempotency check (marked
 * for this tender already, or marked / ended at all → nothing to do), never the lagging read model.
 */
@Injectable()
export class ReprocurementOnPublish {
  static readonly actor = { userId: 'process-manager:reprocurement-on-publish', role: 'system', organisationId: null } as const;
  private readonly logger = new Logger('ReprocurementOnPublish');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TenderCatalogue) private readonly catalogue: TenderCatalogue,
  ) {}

  async onEvent(stored: StoredEvent): Promise<void> {
    if (stored.type !== 'TenderPublished') return;
    const { tenderId } = stored.data as TenderPublished['data'];
    const contractId = this.catalogue.get(tenderId)?.tender.terms.replacesContractId;
    if (!contractId) return;
    try {
      if (!(await this.needsMarking(contractId, tenderId))) return;
      const context: CommandContext = { actor: ReprocurementOnPublish.actor, correlationId: stored.correlationId, causationId: stored.eventId, now: new Date(stored.occurredAt) };
      await this.commands.execute(
        new DecideContract({ type: 'MarkForReprocurement', data: { contractId, tenderId, reason: `Tender ${tenderId} was published to re-procure this contract.`, now: stored.occurredAt } }, context),
      );
    } catch (error) {
      // A throw here would stop the projection runner for everyone: log and carry on.
      this.logger.warn(`contract ${contractId} not marked for tender ${tenderId}: ${(error as Error).message}`);
    }
  }

  private async needsMarking(contractId: ContractId, tenderId: string): Promise<boolean> {
    let state: ContractState = contractDecider.initialState();
    let markedForThisTender = false;
    for await (const event of this.store.readStream(contractStreamId(contractId))) {
      const contractEvent = { type: event.type, data: event.data } as ContractEvent;
      if (contractEvent.type === 'ContractMarkedForReprocurement' && contractEvent.data.tenderId === tenderId) markedForThisTender = true;
      state = contractDecider.evolve(state, contractEvent);
    }
    return !markedForThisTender && state.status === 'active' && !state.markedForReprocurement;
  }
}
