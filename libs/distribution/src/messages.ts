import { DecideAwardFromEvaluation, DecideOnAward, DecideOnDirectAward } from '@tenderledger/award';
import { DecideBid, ResubmitSealedBid, SubmitSealedBid, WithdrawSealedBid } from '@tenderledger/bidding';
import { DecideEvaluation, OpenTenderEvaluation } from '@tenderledger/evaluation';
import { DecideContract, DecideOrganisation, ImportContractRegister } from '@tenderledger/registry';
import { DecideTender } from '@tenderledger/tendering';
import { COMMAND_OWNERS } from './topology';

type MessageClass = abstract new (...args: never[]) => object;

/** Every CQRS message class that may cross a process boundary, by name (the name travels on the wire). */
export const MESSAGE_CLASSES: Readonly<Record<string, MessageClass>> = {
  DecideOrganisation,
  DecideContract,
  ImportContractRegister,
  DecideTender,
  DecideBid,
  SubmitSealedBid,
  ResubmitSealedBid,
  WithdrawSealedBid,
  DecideEvaluation,
  OpenTenderEvaluation,
  DecideOnAward,
  DecideOnDirectAward,
  DecideAwardFromEvaluation,
};

// A message class without an owner would silently run nowhere in the distributed shape: fail at load.
for (const name of Object.keys(MESSAGE_CLASSES)) if (!COMMAND_OWNERS[name]) throw new Error(`message ${name} has no owning service`);
for (const name of Object.keys(COMMAND_OWNERS)) if (!MESSAGE_CLASSES[name]) throw new Error(`owned message ${name} is not a known class`);
