/** Criteria weights are integer basis points (10,000 = 100%), as in the tendering context. */
export const WEIGHTS_TOTAL_BASIS_POINTS = 10_000;
