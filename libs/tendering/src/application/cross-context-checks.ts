import { refuse } from '@tenderledger/domain-kit';
import type { ContractRegister, OrganisationDirectory } from '@tenderledger/registry';

// Facts that live in other contexts' streams: the tender decider cannot see them, so the
// application checks them against the registry's read models before deciding.

export function checkCommissioner(directory: OrganisationDirectory, commissionerId: string): void {
  const organisation = directory.get(commissionerId);
  if (!organisation) refuse('TENDER_COMMISSIONER_UNKNOWN', `The commissioner ${commissionerId} is not a registered organisation.`, { commissionerId });
  if (organisation && organisation.kind !== 'commissioner')
    refuse('TENDER_COMMISSIONER_NOT_COMMISSIONER', `${organisation.name} is a ${organisation.kind}, not a commissioner: only commissioners draft tenders.`, { commissionerId });
}

/** A tender may re-procure only a contract on the register that its own commissioner commissions. */
export function checkReplacedContract(register: ContractRegister, contractId: string, commissionerId: string): void {
  const contract = register.get(contractId);
  if (!contract) return refuse('TENDER_REPLACED_CONTRACT_UNKNOWN', `There is no contract ${contractId} on the register to re-procure.`, { replacesContractId: contractId });
  if (contract.commissionerId !== commissionerId)
    refuse('TENDER_REPLACED_CONTRACT_NOT_YOURS', `Contract ${contract.reference} is commissioned by another organisation; a tender re-procures only its own commissioner's contracts.`, {
      replacesContractId: contractId,
    });
}
