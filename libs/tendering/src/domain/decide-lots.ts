import { conflict, refuse } from '@tenderledger/domain-kit';
import type { AcceptLotSplitProposal, DefineLots, ProposeLotSplit, RecordNoSplitReason, RejectLotSplitProposal, SetLotLimit } from './commands';
import { checkLotLimitShape } from './decide-draft';
import type {
  LotLimitSet,
  LotSplitProposalAccepted,
  LotSplitProposalRejected,
  LotSplitProposed,
  LotsDefined,
  NoSplitReasonRecorded,
} from './events';
import { requireDraft, requireOwner, requireProfile, requireTender, requireText } from './guards';
import { lotCeilingProblem, proposeLotSplit } from './lot-split';
import { lotFromProposal, lotsProblem, wholeContractLot, type Lot } from './lots';
import type { OrganisationId } from './ids';
import type { Tender, TenderState } from './state';

/** Every lot command: the tender exists, the caller owns it, and it is still a draft. */
function draftOwnedBy(state: TenderState, commissionerId: OrganisationId): Tender {
  const tender = requireTender(state);
  requireOwner(tender, commissionerId);
  requireDraft(tender);
  return tender;
}

function checkLots(tender: Tender, lots: readonly Lot[]): void {
  if (!requireProfile(tender.terms.procedureProfileId).lotsAllowed && lots.length > 1)
    refuse('TENDER_PROFILE_NO_LOTS', 'This procedure does not use lots: define a single lot.');
  const problem = lotsProblem(lots, tender.terms.services);
  if (problem !== null) refuse('TENDER_LOTS_INVALID', problem);
}

export function decideDefineLots(command: DefineLots, state: TenderState): LotsDefined[] {
  const tender = draftOwnedBy(state, command.data.commissionerId);
  checkLots(tender, command.data.lots);
  return [{ type: 'LotsDefined', data: { tenderId: tender.tenderId, definedBy: command.data.commissionerId, lots: command.data.lots } }];
}

export function decideProposeLotSplit(command: ProposeLotSplit, state: TenderState): LotSplitProposed[] {
  const tender = draftOwnedBy(state, command.data.commissionerId);
  if (!requireProfile(tender.terms.procedureProfileId).lotsAllowed)
    refuse('TENDER_PROFILE_NO_LOTS', 'This procedure does not use lots, so there is nothing to split.');
  const problem = lotCeilingProblem(command.data.ceiling);
  if (problem !== null) refuse('TENDER_LOT_CEILING_INVALID', problem);
  const proposal = proposeLotSplit({ services: tender.terms.services, ceiling: command.data.ceiling });
  return [
    {
      type: 'LotSplitProposed',
      data: { tenderId: tender.tenderId, proposedBy: command.data.commissionerId, ceiling: proposal.ceiling, lots: proposal.lots },
    },
  ];
}

export function decideAcceptLotSplitProposal(command: AcceptLotSplitProposal, state: TenderState): LotSplitProposalAccepted[] {
  const tender = draftOwnedBy(state, command.data.commissionerId);
  const proposal = tender.pendingProposal;
  if (proposal === null) return conflict('TENDER_NO_LOT_SPLIT_PROPOSAL', 'There is no lot split proposal waiting for a decision.');
  const edited = command.data.editedLots !== undefined;
  const lots = command.data.editedLots ?? proposal.lots.map(lotFromProposal);
  checkLots(tender, lots);
  const acceptedAboveCeiling = edited ? [] : proposal.lots.filter((lot) => lot.exceedsCeiling).map((lot) => lot.lotId);
  return [
    {
      type: 'LotSplitProposalAccepted',
      data: { tenderId: tender.tenderId, acceptedBy: command.data.commissionerId, edited, lots, acceptedAboveCeiling },
    },
  ];
}

export function decideRejectLotSplitProposal(command: RejectLotSplitProposal, state: TenderState): LotSplitProposalRejected[] {
  const tender = draftOwnedBy(state, command.data.commissionerId);
  if (tender.pendingProposal === null) conflict('TENDER_NO_LOT_SPLIT_PROPOSAL', 'There is no lot split proposal waiting for a decision.');
  const reason = requireText(command.data.reason, 'TENDER_REASON_REQUIRED', 'Say why the lot split proposal is rejected.');
  return [{ type: 'LotSplitProposalRejected', data: { tenderId: tender.tenderId, rejectedBy: command.data.commissionerId, reason } }];
}

export function decideRecordNoSplitReason(command: RecordNoSplitReason, state: TenderState): NoSplitReasonRecorded[] {
  const tender = draftOwnedBy(state, command.data.commissionerId);
  const reason = requireText(command.data.reason, 'TENDER_REASON_REQUIRED', 'Say why the tender is not split into lots.');
  return [
    {
      type: 'NoSplitReasonRecorded',
      data: { tenderId: tender.tenderId, recordedBy: command.data.commissionerId, reason, lot: wholeContractLot({ ...tender.terms }) },
    },
  ];
}

export function decideSetLotLimit(command: SetLotLimit, state: TenderState): LotLimitSet[] {
  const tender = draftOwnedBy(state, command.data.commissionerId);
  const { lotLimit } = command.data;
  checkLotLimitShape(lotLimit);
  // With no lots yet the upper bound cannot be known; publishing checks it again.
  if (tender.lots.length > 0 && lotLimit > tender.lots.length)
    refuse('TENDER_LOT_LIMIT_INVALID', `The lot limit (${lotLimit}) cannot be more than the number of lots (${tender.lots.length}).`, {
      lotLimit,
      lots: tender.lots.length,
    });
  return [{ type: 'LotLimitSet', data: { tenderId: tender.tenderId, setBy: command.data.commissionerId, lotLimit } }];
}
