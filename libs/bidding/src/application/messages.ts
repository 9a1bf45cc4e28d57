import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@tenderledger/domain-kit';
import type { BidCommand, BidContent, BidEvent, BidId, BidReceipt, BidState, Bidder, TenderId } from '../domain';

/** A ready-made bid command (the opening process manager sends OpenBid this way). */
export class DecideBid extends Command<CommandResult<BidState, BidEvent>> {
  constructor(
    readonly command: BidCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A (re)submission's answer: the receipt, and where read models must reach before reading. */
export interface SubmissionOutcome {
  readonly receipt: BidReceipt;
  readonly lastPosition: number | null;
}

/** Plain content in; the handler validates it against the tender, seals it and submits. */
export class SubmitSealedBid extends Command<SubmissionOutcome> {
  constructor(
    readonly bidId: BidId,
    readonly tenderId: TenderId,
    readonly bidder: Bidder,
    readonly content: BidContent,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Replaces the content: a new nonce, a new commitment, a new receipt. */
export class ResubmitSealedBid extends Command<SubmissionOutcome> {
  constructor(
    readonly bidId: BidId,
    readonly content: BidContent,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class WithdrawSealedBid extends Command<CommandResult<BidState, BidEvent>> {
  constructor(
    readonly bidId: BidId,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
