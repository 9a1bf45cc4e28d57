import { Inject, Injectable } from '@nestjs/common';
import { asBidId, bidDecider, bidStreamId, type BidState, type Bidder } from '@tenderledger/bidding';
import { conflict, EVENT_STORE, loadState, notFound, PROJECTION_RUNNER } from '@tenderledger/domain-kit';
import type { EventStore } from '@tenderledger/event-store';
import type { ProjectionRunner } from '@tenderledger/projections';
import { OrganisationDirectory } from '@tenderledger/registry';
import { tenderDecider, tenderId as asTendering, tenderStreamId, type Tender } from '@tenderledger/tendering';
import { asOrganisationId, type EvaluatedBid, type OrganisationId, type TenderFactsForEvaluation } from '../domain';
import type { EvaluationSettings } from './evaluation-settings';
import { TenderBidIndex } from './tender-bid-index';

export type EvaluationFacts = {
  readonly commissionerId: OrganisationId;
  readonly tender: TenderFactsForEvaluation;
  readonly bids: readonly EvaluatedBid[];
};

type OpenedBid = Extract<BidState, { status: 'opened' }>;

/** Loads what OpenEvaluation needs from the tendering and bidding streams, through their public exports. */
@Injectable()
export class EvaluationFactsLoader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly readModels: ProjectionRunner,
    @Inject(TenderBidIndex) private readonly index: TenderBidIndex,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  /** The tender as its own stream has it, or 404 TENDER_NOT_FOUND. */
  async tender(id: string): Promise<Tender> {
    const { state } = await loadState(this.store, tenderStreamId(asTendering(id)), tenderDecider);
    return state.status === 'none' ? notFound('TENDER_NOT_FOUND', `There is no tender ${id}.`, { tenderId: id }) : state;
  }

  async load(id: string, settings: EvaluationSettings): Promise<EvaluationFacts> {
    const tender = await this.tender(id);
    if (tender.status !== 'submissions-closed')
      conflict('EVALUATION_SUBMISSIONS_NOT_CLOSED', `Tender ${id} is ${tender.status}; evaluation starts once submissions have closed and the bids are opened.`, {
        tenderId: id,
        status: tender.status,
      });
    // The bid index is a read model: make sure it has seen every bid committed so far.
    await this.readModels.waitFor(await this.store.headPosition());
    const states = await Promise.all(this.index.bidIds(id).map(async (bidId) => (await loadState(this.store, bidStreamId(asBidId(bidId)), bidDecider)).state));
    const unopened = states.flatMap((bid) => (bid.status === 'submitted' ? [bid.bidId] : []));
    if (unopened.length > 0)
      conflict('EVALUATION_BIDS_NOT_OPENED', `Bids ${unopened.join(', ')} of tender ${id} are not opened yet; try again once opening has run.`, { bidIds: unopened });
    // Withdrawn bids were never opened; bids excluded at opening (or whose opening failed) are not evaluated.
    const bids = states.filter((bid): bid is OpenedBid => bid.status === 'opened' && bid.exclusion === null).map((bid) => this.evaluatedBid(bid));
    return { commissionerId: asOrganisationId(tender.commissionerId), tender: this.tenderFacts(tender, settings), bids };
  }

  private tenderFacts(tender: Tender, settings: EvaluationSettings): TenderFactsForEvaluation {
    return {
      criteria: tender.terms.criteria.map(({ id, name, kind, weightBasisPoints, maxScore, passMark }) => ({ id, name, kind, weightBasisPoints, maxScore, passMark })),
      lots: tender.lots.map((lot) => ({ lotId: lot.id, title: lot.title })),
      // No limit set: a bidder may win every lot.
      lotLimit: tender.lotLimit ?? tender.lots.length,
      ...settings,
    };
  }

  private evaluatedBid(bid: OpenedBid): EvaluatedBid {
    return {
      bidId: bid.bidId,
      bidder: bid.bidder,
      lots: bid.content.lots,
      // The latest (re)submission is the one opened, so it is the tie-break time.
      submittedAt: bid.lastSubmittedAt,
      bidderName: this.nameOf(bid.bidder),
    };
  }

  private nameOf(bidder: Bidder): string {
    return bidder.kind === 'consortium' ? bidder.name : (this.directory.get(bidder.organisationId)?.name ?? bidder.organisationId);
  }
}
