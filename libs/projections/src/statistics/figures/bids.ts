import type { StatisticsFacts, TenderFact } from '../facts';

/** Bids that stand for each of the tender's lots: submitted and not withdrawn (excluded ones still count as received). */
export function bidsByLot(facts: StatisticsFacts, tender: TenderFact): Map<string, string[]> {
  const byLot = new Map<string, string[]>(tender.lotIds.map((lotId) => [lotId, []]));
  for (const bid of facts.bids.values()) {
    if (bid.tenderId !== tender.tenderId || bid.withdrawn) continue;
    for (const lotId of bid.lotIds) byLot.get(lotId)?.push(bid.bidId);
  }
  return byLot;
}
