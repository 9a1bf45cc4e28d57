import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, loadState, type CommandContext } from '@tenderledger/domain-kit';
import type { EventStore, StoredEvent } from '@tenderledger/event-store';
import {
  contractId as registryContractId,
  DecideContract,
  OrganisationDirectory,
  organisationId as registryOrganisationId,
  successorRegistration,
  type ContractAwarded,
  type ContractCommand,
  type ContractId,
  type ContractType,
  type RegisterContract,
} from '@tenderledger/registry';
import { tenderDecider, tenderStreamId, tenderId as tenderingTenderId } from '@tenderledger/tendering';
import type { ContractConcluded } from '../domain/competitive/events';
import type { DirectAwardConcluded } from '../domain/direct/events';
import { directAwardContractId } from '../domain/ids';
import { readContract } from './contract-stream';

/** What a contract needs beyond the award itself: where it came from and what it covers. */
type Origin = {
  readonly awardRef: string;
  readonly reference: string;
  readonly contractType: ContractType;
  readonly region: string;
  readonly listSize: number;
  readonly services: readonly string[];
};

type Outcome = { readonly holderId: string; readonly commissionerId: string; readonly startDate: string; readonly endDate: string; readonly annualValuePence: number };

/**
 * Contract concluded → the register follows (DESIGN §7 "provider changed vs incumbent retained").
 *
 * Competitive award, lot by lot. Each lot's contract gets the deterministic id `{tenderId}.{lotId}`.
 * - The tender replaces a contract: the FIRST lot concluded records the award outcome on it
 *   (RecordAwardOutcome with that successor id: the old contract ends as 'replaced') and registers its
 *   successor with `successorRegistration`; every LATER lot registers its own contract pointing back to
 *   the same predecessor (the old contract can end only once). Should the old contract have ended some
 *   other way first, every lot registers a linked new contract.
 * - Nothing replaced: each lot registers a new contract.
 *
 * Direct award: provider = incumbent → RenewWithoutCompetition on the incumbent's contract with the
 * route; another provider → the incumbent's contract ends 'replaced' and the successor is registered;
 * no incumbent → a new contract. The route is in the new contract's reference (`{route}/{decisionId}`):
 * the register's RegisterContract has no route field.
 *
 * Fed by the projection runner, which replays every event at each start: the target contract streams
 * are the idempotency check. Errors are logged, never thrown: a throw would stop the runner for everyone.
 */
@Injectable()
export class RegisterAfterAward {
  static readonly actor = { userId: 'process-manager:register-after-award', role: 'system', organisationId: null } as const;
  private readonly logger = new Logger('RegisterAfterAward');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  async onEvent(stored: StoredEvent): Promise<void> {
    if (stored.type !== 'ContractConcluded' && stored.type !== 'DirectAwardConcluded') return;
    try {
      if (stored.type === 'ContractConcluded') await this.afterTender(stored.data as ContractConcluded['data'], stored);
      else await this.afterDirectAward(stored.data as DirectAwardConcluded['data'], stored);
    } catch (error) {
      this.logger.warn(`register not updated after ${stored.type} ${stored.eventId}: ${(error as Error).message}`);
    }
  }

  private async afterTender(data: ContractConcluded['data'], stored: StoredEvent): Promise<void> {
    const successorId = registryContractId(`${data.tenderId}.${data.lotId}`);
    const { state: tender } = await loadState(this.store, tenderStreamId(tenderingTenderId(data.tenderId)), tenderDecider);
    const lot = tender.status === 'none' ? undefined : tender.lots.find((l) => l.id === data.lotId);
    const origin: Origin = {
      awardRef: data.tenderId,
      reference: `${data.tenderId}/${data.lotId}`,
      contractType: tender.status === 'none' ? 'APMS' : tender.terms.contractType,
      region: (tender.status === 'none' ? null : tender.terms.region) ?? this.regionOf(data.commissionerId),
      listSize: lot?.population ?? 0,
      services: [lot?.title ?? String(data.lotId)],
    };
    const outcome: Outcome = { holderId: data.winnerBidderId, commissionerId: data.commissionerId, startDate: data.startDate, endDate: data.endDate, annualValuePence: data.annualValuePence };
    await this.replaceOrRegister(successorId, data.replacesContractId ? registryContractId(data.replacesContractId) : null, origin, outcome, stored);
  }

  private async afterDirectAward(data: DirectAwardConcluded['data'], stored: StoredEvent): Promise<void> {
    const { contract } = data;
    const outcome: Outcome = { holderId: data.providerId, commissionerId: data.commissionerId, startDate: contract.startDate, endDate: contract.endDate, annualValuePence: contract.annualValuePence };
    const incumbentContract = data.incumbent ? registryContractId(data.incumbent.contractId) : null;
    if (incumbentContract && data.incumbentRetained) {
      const { state } = await readContract(this.store, incumbentContract);
      // Renewed already (a replay), or no longer renewable: nothing to do.
      if (state.status !== 'active' || state.endDate >= contract.endDate) return;
      await this.send(stored, {
        type: 'RenewWithoutCompetition',
        data: {
          contractId: incumbentContract,
          newEndDate: contract.endDate,
          reason: `Direct award ${data.decisionId} (${data.route}) renews the contract with its current holder.`,
          route: data.route,
          ...(contract.annualValuePence > 0 ? { annualValuePence: contract.annualValuePence } : {}),
          now: stored.occurredAt,
        },
      });
      return;
    }
    const origin: Origin = {
      awardRef: data.decisionId,
      reference: `${data.route}/${data.decisionId}`,
      contractType: 'APMS', // a direct award names no contract type: APMS is how a commissioner lets to a new provider
      region: this.regionOf(data.commissionerId),
      listSize: 0,
      services: [],
    };
    await this.replaceOrRegister(registryContractId(directAwardContractId(data.decisionId)), incumbentContract, origin, outcome, stored);
  }

  private async replaceOrRegister(successorId: ContractId, replaced: ContractId | null, origin: Origin, outcome: Outcome, stored: StoredEvent): Promise<void> {
    if ((await readContract(this.store, successorId)).state.status !== 'unregistered') return; // done before
    const details = { reference: origin.reference, listSize: origin.listSize, services: origin.services, now: stored.occurredAt };
    if (!replaced) return this.register(stored, this.newContract(successorId, origin, outcome, null, stored.occurredAt));

    const old = await readContract(this.store, replaced);
    const recorded = old.awards.find((a) => a.data.tenderId === origin.awardRef && a.data.successorContractId === successorId);
    if (recorded) return this.register(stored, successorRegistration(recorded, details)); // outcome recorded, successor not yet
    const firstForThisAward = !old.awards.some((a) => a.data.tenderId === origin.awardRef);
    if (old.state.status === 'active' && firstForThisAward) {
      const result = await this.send(stored, {
        type: 'RecordAwardOutcome',
        data: {
          contractId: replaced,
          tenderId: origin.awardRef,
          newHolderId: registryOrganisationId(outcome.holderId),
          startDate: outcome.startDate,
          endDate: outcome.endDate,
          annualValuePence: outcome.annualValuePence,
          successorContractId: successorId,
          now: stored.occurredAt,
        },
      });
      const awarded = result.events.find((e): e is ContractAwarded => e.type === 'ContractAwarded');
      return this.register(stored, awarded ? successorRegistration(awarded, details) : null);
    }
    // A later lot of the same tender, or a predecessor that ended otherwise: a new contract linked to it.
    const facts = old.state.status === 'unregistered' ? null : old.state;
    const linked: Origin = facts ? { ...origin, contractType: facts.contractType, region: facts.region } : origin;
    return this.register(stored, this.newContract(successorId, linked, outcome, facts ? { contractId: replaced, tenderId: origin.awardRef } : null, stored.occurredAt));
  }

  private newContract(id: ContractId, origin: Origin, outcome: Outcome, predecessor: RegisterContract['data']['predecessor'] | null, now: string): RegisterContract {
    return {
      type: 'RegisterContract',
      data: {
        contractId: id,
        reference: origin.reference,
        contractType: origin.contractType,
        holderId: registryOrganisationId(outcome.holderId),
        commissionerId: registryOrganisationId(outcome.commissionerId),
        region: origin.region,
        listSize: origin.listSize,
        annualValuePence: outcome.annualValuePence,
        startDate: outcome.startDate,
        endDate: outcome.endDate,
        services: origin.services,
        ...(predecessor ? { predecessor } : {}),
        now,
      },
    };
  }

  private regionOf(commissionerId: string): string {
    return this.directory.get(commissionerId)?.commissioner?.region ?? 'England';
  }

  private async register(stored: StoredEvent, command: RegisterContract | null): Promise<void> {
    if (command) await this.send(stored, command);
  }

  private send(stored: StoredEvent, command: ContractCommand) {
    const context: CommandContext = { actor: RegisterAfterAward.actor, correlationId: stored.correlationId, causationId: stored.eventId, now: new Date(stored.occurredAt) };
    return this.commands.execute(new DecideContract(command, context));
  }
}
