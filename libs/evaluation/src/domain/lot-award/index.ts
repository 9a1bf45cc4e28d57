/** Lot award optimisation (DESIGN §8 lot limits, §12 budget). Pure and dependency-free. */
export { optimiseLotAwards } from './optimise';
export { LotAwardInputError, type LotAwardErrorCode } from './errors';
export type {
  AwardRule, AwardedLot, BidderAwards, BidderId, BidderSpec, LotAwardInput, LotAwardOutcome, LotAwardResult,
  LotBid, LotId, LotSpec, UnawardedLot, UnawardedReason,
} from './types';
