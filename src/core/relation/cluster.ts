/**
 * Stories: groups of articles joined by strong edges (duplicate, republication, translation
 * variant), without chaining.
 *
 * Plain union-find would merge A and D through a roundup R that reprints both (A–R and R–D are
 * edges, A–D is not). Here edges are taken strongest first, and two groups merge only when at
 * least `minLinkedShare` of the pairs across them are edges themselves (average-linkage on a 0/1
 * graph). A roundup then joins one of its sources' stories, not both.
 *
 * The default share is 0.6, i.e. more than half: with 0.5, {A, R} and {D} joined by R–D alone
 * have 1 linked pair of 2, exactly the share, and the chain A–R–D would merge.
 *
 * A copy family is often a star: a preview and a copy that starts later both come from the
 * original, but share no passage with each other. A `compatible` pair (the caller's test: the same
 * vocabulary) counts in favour of a merge like an edge, so the star joins; the two sources of a
 * roundup, which share neither passages nor vocabulary, still do not.
 */

export interface StoryEdge {
  /** Indexes into the document list. */
  a: number;
  b: number;
  /** Larger is stronger; ties broken by indexes, so the result is deterministic. */
  strength: number;
}

export interface ClusterOptions {
  /** Share of cross pairs that must be edges for two groups to merge, in (0, 1]. Default 0.6. */
  minLinkedShare?: number;
  /**
   * How many documents each item stands for (default 1 each): identical copies folded into one
   * item (core/candidates/identical.ts). An edge between items of weights p and q counts as p·q
   * linked pairs, so the groups are those the unfolded documents would form.
   */
  weights?: readonly number[];
  /**
   * Whether two documents that are not joined by an edge still count in favour of a merge (see
   * `stories.ts`: the same vocabulary). Default: never.
   */
  compatible?: (a: number, b: number) => boolean;
  /** Told how many edges were taken so far (every 1,024 and at the end), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_MIN_LINKED_SHARE = 0.6;

/** Each item's linked items, every edge once (an edge listed twice, or both ways, counts once). */
function linkedNeighbours(count: number, edges: readonly StoryEdge[]): number[][] {
  const seen = new Set<number>();
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const e of edges) {
    const lo = Math.min(e.a, e.b);
    const hi = Math.max(e.a, e.b);
    if (lo === hi || seen.has(lo * count + hi)) continue;
    seen.add(lo * count + hi);
    (out[lo] as number[]).push(hi);
    (out[hi] as number[]).push(lo);
  }
  return out;
}

/**
 * Whether the edges and the compatible pairs across two groups reach `minShare` of their pairs.
 * Pairs are asked in order and the count stops as soon as the answer is known (reached, or out of
 * reach with the pairs left): the same answer as counting all |ma|·|mb| pairs, without asking the
 * caller's test (a cross-language alignment) more often than it must.
 */
function enoughCompatible(
  ma: readonly number[],
  mb: readonly number[],
  edgeLinks: number,
  total: number,
  minShare: number,
  ctx: {
    compatible: (a: number, b: number) => boolean;
    linked: ReadonlySet<number> | undefined;
    count: number;
    weight: (i: number) => number;
  },
): boolean {
  let links = edgeLinks;
  let left = total - edgeLinks;
  for (const x of ma)
    for (const y of mb) {
      if (ctx.linked?.has(Math.min(x, y) * ctx.count + Math.max(x, y))) continue;
      const w = ctx.weight(x) * ctx.weight(y);
      left -= w;
      if (ctx.compatible(x, y)) links += w;
      // The same division as the edge-only test, so that the answer is the same to the last bit.
      if (links / total >= minShare) return true;
      if ((links + left) / total < minShare) return false;
    }
  return links / total >= minShare;
}

/** Groups of document indexes; each group sorted, groups ordered by their first index. */
export function clusterStories(count: number, edges: readonly StoryEdge[], options: ClusterOptions = {}): number[][] {
  const minShare = options.minLinkedShare ?? DEFAULT_MIN_LINKED_SHARE;
  const { compatible } = options;
  if (!(minShare > 0 && minShare <= 1)) throw new RangeError(`minLinkedShare must be in (0, 1], got ${minShare}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  edges.forEach((e, i) => {
    for (const end of [e.a, e.b]) {
      if (!Number.isInteger(end) || end < 0 || end >= count) {
        throw new RangeError(`edge ${i} must join indexes in [0, ${count - 1}], got ${e.a}–${e.b}`);
      }
    }
    if (!Number.isFinite(e.strength)) throw new RangeError(`edge ${i} must have a finite strength, got ${e.strength}`);
  });
  const weight = (i: number): number => options.weights?.[i] ?? 1;
  const neighbours = linkedNeighbours(count, edges);
  const linked = compatible ? new Set(edges.map((e) => Math.min(e.a, e.b) * count + Math.max(e.a, e.b))) : undefined;
  const groupOf = Array.from({ length: count }, (_, i) => i);
  const groups = new Map<number, number[]>(groupOf.map((i) => [i, [i]]));
  const size = groupOf.map(weight);
  const version = new Float64Array(count);
  const failed = new Map<number, number>();
  // Ties broken on the edge's ends taken in order, so that (a, b) and (b, a) sort alike.
  const order = [...edges].sort(
    (x, y) =>
      y.strength - x.strength || Math.min(x.a, x.b) - Math.min(y.a, y.b) || Math.max(x.a, x.b) - Math.max(y.a, y.b),
  );
  for (const [k, e] of order.entries()) {
    if ((k & 1023) === 0) options.onProgress?.(k, order.length);
    const ga = groupOf[e.a] as number;
    const gb = groupOf[e.b] as number;
    if (ga === gb) continue;
    // Two groups that did not merge stay apart until one of them grows: the same test would fail again.
    const code = Math.min(ga, gb) * count + Math.max(ga, gb);
    const stamp = (version[Math.min(ga, gb)] as number) * 2 ** 26 + (version[Math.max(ga, gb)] as number);
    if (failed.get(code) === stamp) continue;
    const ma = groups.get(ga) as number[];
    const mb = groups.get(gb) as number[];
    // Linked pairs across the two groups, counted from the smaller group's edges (not its members × the other's).
    const [small, other] = ma.length <= mb.length ? [ma, gb] : [mb, ga];
    let links = 0;
    for (const x of small)
      for (const y of neighbours[x] as number[]) if (groupOf[y] === other) links += weight(x) * weight(y);
    const total = (size[ga] as number) * (size[gb] as number);
    const merges =
      links / total >= minShare ||
      (compatible !== undefined &&
        enoughCompatible(ma, mb, links, total, minShare, { compatible, linked, count, weight }));
    if (!merges) {
      failed.set(code, stamp);
      continue;
    }
    // The larger group keeps its key; on equal sizes, the one with the smaller key (deterministic).
    const [keep, drop] = ma.length > mb.length || (ma.length === mb.length && ga < gb) ? [ga, gb] : [gb, ga];
    const moved = groups.get(drop) as number[];
    for (const x of moved) groupOf[x] = keep;
    const kept = groups.get(keep) as number[];
    for (const x of moved) kept.push(x);
    size[keep] = (size[keep] as number) + (size[drop] as number);
    version[keep] = (version[keep] as number) + 1;
    groups.delete(drop);
  }
  options.onProgress?.(order.length, order.length);
  return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number));
}
