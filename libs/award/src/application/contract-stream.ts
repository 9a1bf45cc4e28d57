import type { EventStore } from '@tenderledger/event-store';
import { contractDecider, contractStreamId, type ContractAwarded, type ContractEvent, type ContractId, type ContractState } from '@tenderledger/registry';

export type ContractHistory = { readonly state: ContractState; readonly awards: readonly ContractAwarded[] };

/**
 * A register contract as its own stream has it: the idempotency check of the register reactions
 * (never the read model, which lags and is rebuilt at every start while the reactions replay).
 */
export async function readContract(store: EventStore, id: ContractId): Promise<ContractHistory> {
  let state: ContractState = contractDecider.initialState();
  const awards: ContractAwarded[] = [];
  for await (const stored of store.readStream(contractStreamId(id))) {
    const event = { type: stored.type, data: stored.data } as ContractEvent;
    if (event.type === 'ContractAwarded') awards.push(event);
    state = contractDecider.evolve(state, event);
  }
  return { state, awards };
}
