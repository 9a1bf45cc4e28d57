import type { ContractAwarded } from './events';
import type { RegisterContract } from './commands';

/**
 * Successor contracts, kept simple: when a tender's outcome names a `successorContractId`, the
 * old contract's ContractAwarded ends it as 'replaced', and the application then sends this
 * RegisterContract to the successor's own stream. The successor takes the awarded holder,
 * dates and value, keeps the commissioner, region and type, and points back to its
 * predecessor and tender, so the register and the statistics can follow the chain both ways.
 * Returns null when the award continues the same contract (no successor to register).
 */
export function successorRegistration(
  awarded: ContractAwarded,
  details: { readonly reference: string; readonly listSize: number; readonly services?: readonly string[]; readonly now: string },
): RegisterContract | null {
  const { data } = awarded;
  if (data.successorContractId === null) return null;
  return {
    type: 'RegisterContract',
    data: {
      contractId: data.successorContractId,
      reference: details.reference,
      contractType: data.contractType,
      holderId: data.newHolderId,
      commissionerId: data.commissionerId,
      region: data.region,
      listSize: details.listSize,
      annualValuePence: data.newAnnualValuePence,
      startDate: data.newStartDate,
      endDate: data.newEndDate,
      services: details.services,
      predecessor: { contractId: data.contractId, tenderId: data.tenderId },
      now: details.now,
    },
  };
}
