/**
 * Stories: groups of articles joined by strong edges (duplicate, republication, translation
 * variant), without chaining.
 *
 * Plain union-find would merge A and D through a roundup R that reprints both (A–R and R–D are
 * edges, A–D is not). Here edges are taken strongest first, and two groups merge only when at
 * least `minLinkedShare` of the pairs across them are edges themselves (average-linkage on a 0/1
 * graph). A roundup then joins one of its sources' stories, not both.
 */

export interface StoryEdge {
  /** Indexes into the document list. */
  a: number;
  b: number;
  /** Larger is stronger; ties broken by indexes, so the result is deterministic. */
  strength: number;
}

export interface ClusterOptions {
  /** Share of cross pairs that must be edges for two groups to merge, in (0, 1]. */
  minLinkedShare?: number;
}

/** Groups of document indexes; each group sorted, groups ordered by their first index. */
export function clusterStories(count: number, edges: readonly StoryEdge[], options: ClusterOptions = {}): number[][] {
  const minShare = options.minLinkedShare ?? 0.5;
  if (!(minShare > 0 && minShare <= 1)) throw new RangeError(`minLinkedShare must be in (0, 1], got ${minShare}`);
  const linked = new Set<number>();
  for (const e of edges) linked.add(Math.min(e.a, e.b) * count + Math.max(e.a, e.b));
  const groupOf = Array.from({ length: count }, (_, i) => i);
  const groups = new Map<number, number[]>(groupOf.map((i) => [i, [i]]));
  const order = [...edges].sort((x, y) => y.strength - x.strength || x.a - y.a || x.b - y.b);
  for (const e of order) {
    const ga = groupOf[e.a] as number;
    const gb = groupOf[e.b] as number;
    if (ga === gb) continue;
    const ma = groups.get(ga) as number[];
    const mb = groups.get(gb) as number[];
    let links = 0;
    for (const x of ma) for (const y of mb) if (linked.has(Math.min(x, y) * count + Math.max(x, y))) links++;
    if (links / (ma.length * mb.length) < minShare) continue;
    const [keep, drop] = ma.length >= mb.length ? [ga, gb] : [gb, ga];
    const moved = groups.get(drop) as number[];
    for (const x of moved) groupOf[x] = keep;
    (groups.get(keep) as number[]).push(...moved);
    groups.delete(drop);
  }
  return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number));
}
