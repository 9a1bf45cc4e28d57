import { Inject, Injectable } from '@nestjs/common';
import { asOrganisationId, bidEnvelope, bidderOrganisations, canRead, type BidContent, type BidEnvelope, type ExistingBid, type Reader, type TenderAccessFacts } from '../domain';
import { BidBook } from './bid-book';

export interface ReaderIdentity {
  readonly userId: string;
  readonly role: Reader['role'];
  readonly organisationId: string;
}

/** What a reader gets: the envelope, plus the revealed content and nonce where allowed. */
export type BidView = BidEnvelope & { readonly content?: BidContent; readonly nonce?: string };

/**
 * The outcome of one read: the view, 'sealed' (a buyer-side reader of this tender asking before
 * opening: told so, since it knows the tender has bids) or 'hidden' (no business with the bid:
 * answered like a bid that does not exist, so competitors learn nothing).
 */
export type BidRead = { readonly view: BidView } | { readonly refused: 'sealed' | 'hidden' };

@Injectable()
export class BidAccess {
  constructor(@Inject(BidBook) private readonly book: BidBook) {}

  read(bid: ExistingBid, identity: ReaderIdentity): BidRead {
    const reader = toReader(identity);
    const tender = this.tenderFacts(bid);
    if (!canRead(bid, reader, { part: 'envelope', tender })) {
      const buyer = reader.role === 'commissioner' && tender?.commissionerOrganisationId === reader.organisationId;
      return { refused: buyer ? 'sealed' : 'hidden' };
    }
    const envelope = bidEnvelope(bid);
    if (bid.status !== 'opened' || !canRead(bid, reader, { part: 'content', tender })) return { view: envelope };
    return { view: { ...envelope, content: bid.content, nonce: bid.nonce } };
  }

  /** Envelopes only: content is read one bid at a time. */
  list(bids: readonly ExistingBid[], identity: ReaderIdentity): BidEnvelope[] {
    const reader = toReader(identity);
    return bids.filter((bid) => canRead(bid, reader, { part: 'envelope', tender: this.tenderFacts(bid) })).map(bidEnvelope);
  }

  /** Party to the bid (organisation, consortium lead or member): may act on or read it as a bidder. */
  static isParty(bid: ExistingBid, organisationId: string): boolean {
    return bidderOrganisations(bid.bidder).includes(asOrganisationId(organisationId));
  }

  // Panel membership lives in the evaluation context, not built yet: evaluators fail closed.
  private tenderFacts(bid: ExistingBid): TenderAccessFacts | undefined {
    const commissioner = this.book.commissionerOf(bid.tenderId);
    return commissioner ? { commissionerOrganisationId: commissioner } : undefined;
  }
}

const toReader = (identity: ReaderIdentity): Reader => ({ userId: identity.userId, role: identity.role, organisationId: asOrganisationId(identity.organisationId) });
