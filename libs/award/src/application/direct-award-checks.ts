import { refuse } from '@tenderledger/domain-kit';
import type { ContractRegister, OrganisationDirectory } from '@tenderledger/registry';
import type { DecideDirectAward } from '../domain/direct/commands';

/**
 * Facts in other contexts' streams the direct-award decider cannot see: the provider is a registered
 * provider, and the incumbent's contract is on the register, held by it and let by this commissioner.
 */
export function checkDirectAwardParties({ data }: DecideDirectAward, directory: OrganisationDirectory, register: ContractRegister): void {
  const provider = directory.get(data.provider.organisationId);
  if (!provider) refuse('DIRECT_AWARD_PROVIDER_UNKNOWN', `The provider ${data.provider.organisationId} is not a registered organisation.`, { providerId: data.provider.organisationId });
  if (provider?.kind === 'commissioner') refuse('DIRECT_AWARD_PROVIDER_IS_COMMISSIONER', `${provider.name} is a commissioner; a contract is awarded to a provider.`);
  if (!data.incumbent) return;
  const contract = register.get(data.incumbent.contractId);
  if (!contract) return refuse('DIRECT_AWARD_INCUMBENT_CONTRACT_UNKNOWN', `There is no contract ${data.incumbent.contractId} on the register.`, { contractId: data.incumbent.contractId });
  if (contract.commissionerId !== data.commissionerId)
    refuse('DIRECT_AWARD_INCUMBENT_CONTRACT_NOT_YOURS', `Contract ${contract.reference} is let by another commissioner.`, { contractId: contract.contractId });
  if (contract.holderId !== data.incumbent.organisationId)
    refuse('DIRECT_AWARD_INCUMBENT_NOT_HOLDER', `Contract ${contract.reference} is held by ${contract.holderId}, not ${data.incumbent.organisationId}.`, { contractId: contract.contractId });
  if (contract.status !== 'active') refuse('DIRECT_AWARD_INCUMBENT_CONTRACT_ENDED', `Contract ${contract.reference} has ended; there is nothing to renew or replace.`, { contractId: contract.contractId });
}
