/**
 * Min-cost max-flow by successive shortest paths (SPFA / queue-based Bellman–Ford), with exact bigint costs.
 *
 * Why this is correct here: augmenting along a cheapest s→t path keeps the residual graph free of
 * negative cycles, so after k augmentations the flow is a cheapest flow of value k; augmenting until no
 * path remains yields a MAXIMUM flow that is cheapest among maximum flows. Negative edge costs are fine
 * because the initial graph is acyclic (no negative cycles to start from), which is why we use
 * Bellman–Ford rather than plain Dijkstra. Deterministic: edges are scanned in insertion order.
 */
export class MinCostFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly next: number[] = [];
  private readonly residual: number[] = [];
  private readonly cost: bigint[] = [];

  constructor(private readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds from→to and its reverse residual edge; returns the forward edge's id. */
  addEdge(from: number, to: number, capacity: number, cost: bigint): number {
    const id = this.to.length;
    this.link(from, to, capacity, cost);
    this.link(to, from, 0, -cost);
    return id;
  }

  /** Flow currently on a forward edge (= residual capacity of its reverse edge). */
  flowOn(edge: number): number {
    return this.residual[edge ^ 1];
  }

  run(source: number, sink: number): { readonly flow: number; readonly cost: bigint } {
    let flow = 0;
    let cost = 0n;
    for (;;) {
      const path = this.cheapestPath(source, sink);
      if (path === undefined) return { flow, cost };
      let bottleneck = Infinity;
      for (let v = sink; v !== source; v = this.to[path.via[v] ^ 1]) bottleneck = Math.min(bottleneck, this.residual[path.via[v]]);
      for (let v = sink; v !== source; v = this.to[path.via[v] ^ 1]) {
        this.residual[path.via[v]] -= bottleneck;
        this.residual[path.via[v] ^ 1] += bottleneck;
      }
      flow += bottleneck;
      cost += path.cost * BigInt(bottleneck);
    }
  }

  private link(from: number, to: number, capacity: number, cost: bigint): void {
    this.to.push(to);
    this.residual.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  private cheapestPath(source: number, sink: number): { readonly via: readonly number[]; readonly cost: bigint } | undefined {
    const dist = new Array<bigint | undefined>(this.nodeCount).fill(undefined);
    const via = new Array<number>(this.nodeCount).fill(-1);
    const queued = new Array<boolean>(this.nodeCount).fill(false);
    const relaxations = new Array<number>(this.nodeCount).fill(0);
    const queue: number[] = [source];
    dist[source] = 0n;
    queued[source] = true;
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      queued[u] = false;
      const du = dist[u] as bigint;
      for (let e = this.head[u]; e !== -1; e = this.next[e]) {
        if (this.residual[e] <= 0) continue;
        const v = this.to[e];
        const candidate = du + this.cost[e];
        const dv = dist[v];
        if (dv === undefined || candidate < dv) {
          dist[v] = candidate;
          via[v] = e;
          if (!queued[v]) {
            // A node relaxed V times means a negative cycle: impossible by the invariant above, so a bug.
            if (++relaxations[v] > this.nodeCount) throw new Error('min-cost flow: negative cycle in residual graph');
            queued[v] = true;
            queue.push(v);
          }
        }
      }
    }
    const total = dist[sink];
    return total === undefined ? undefined : { via, cost: total };
  }
}
