/**
 * A story's centroid, compact: the sum of its members' unit TF-IDF vectors as three typed arrays
 * sorted by term id, where it was a `Map<number, number>` per story. The events stage holds one per
 * story while it links them: the maps were most of what that stage added (a 10,000-article scan:
 * 2.4 million entries, features 210 MB; a 30,000-article one held 2.5 GB at the stage's peak
 * against 0.9 GB before it; `scripts/scanMemory.ts` with a collection after each step). Typed
 * arrays take 16 bytes an entry, the map's entries three words each and a boxed number.
 *
 * The cosine is bit for bit the map's: its products are summed in the order the map iterated,
 * the order each term was first met (`rank`), and the squared norm likewise, once.
 */
import { type SparseVector, weightAt as vectorWeightAt } from '../similarity/cosine.js';

export interface Centroid {
  /** Term ids, ascending. */
  ids: Uint32Array;
  /**
   * The summed unit weight of each id, once divided by `divisor`; or, for a story of one member,
   * its vector, whose weights (made from its counts) are read in their place.
   */
  weights: Float64Array | SparseVector;
  /** What each weight is divided by when read (`weightAt`): 1, or a one-member story's vector norm. */
  divisor: number;
  /** For each id, its place in the order the members' vectors first met it; absent: the ids' own order. */
  rank?: Uint32Array;
  /** Σ weight², summed in that order. */
  squaredNorm: number;
}

/** The unit weight of the centroid's `p`-th id. */
export function weightAt(c: Centroid, p: number): number {
  const w = c.weights;
  return (w instanceof Float64Array ? (w[p] as number) : vectorWeightAt(w, p)) / c.divisor;
}

/** The place of the centroid's `p`-th id in the order its members met their ids. */
export function rankAt(c: Centroid, p: number): number {
  return c.rank ? (c.rank[p] as number) : p;
}

/**
 * The sum of the vectors, each divided by its norm (an empty vector adds 0s), in the order given.
 * A story of one member (most of them) shares its document's vector: the same ids, met in their
 * own (ascending) order, and the weights made and divided by the norm as they are read, which
 * gives the very numbers the sum would hold (0 + w / norm is w / norm; x / 1 is x). A
 * 100,000-article scan has about 80,000 stories; a centroid of several members takes 16 bytes a
 * term beside its members' vectors.
 */
export function centroidOf(vectors: readonly SparseVector[]): Centroid {
  const only = vectors.length === 1 ? vectors[0] : undefined;
  if (only && only.norm > 0) {
    const c: Centroid = { ids: only.ids, weights: only, divisor: only.norm, squaredNorm: 0 };
    let squaredNorm = 0;
    for (let p = 0; p < only.ids.length; p++) {
      const w = weightAt(c, p);
      squaredNorm += w * w;
    }
    c.squaredNorm = squaredNorm;
    return c;
  }
  const sum = new Map<number, number>();
  for (const v of vectors)
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number;
      sum.set(id, (sum.get(id) ?? 0) + (v.norm > 0 ? vectorWeightAt(v, k) / v.norm : 0));
    }
  const entries = [...sum];
  let squaredNorm = 0;
  for (const [, w] of entries) squaredNorm += w * w;
  const order = entries.map((_, r) => r).sort((x, y) => (entries[x]?.[0] as number) - (entries[y]?.[0] as number));
  const ids = new Uint32Array(order.length);
  const weights = new Float64Array(order.length);
  const rank = new Uint32Array(order.length);
  order.forEach((r, p) => {
    const [id, w] = entries[r] as [number, number];
    ids[p] = id;
    weights[p] = w;
    rank[p] = r;
  });
  return { ids, weights, divisor: 1, rank, squaredNorm };
}

/** Reused by `cosineOfCentroids`: the products, by rank. */
let PRODUCTS = new Float64Array(1024);

/**
 * Cosine of two centroids (0 when either is empty). The shared ids are found by a merge; their
 * products are then summed in `a`'s rank order, as iterating `a`'s map and looking each id up in
 * `b`'s did (an id `b` lacks adds +0, which leaves a sum of positive products as it is).
 */
export function cosineOfCentroids(a: Centroid, b: Centroid): number {
  const n = a.ids.length;
  if (PRODUCTS.length < n) PRODUCTS = new Float64Array(Math.max(n, 2 * PRODUCTS.length));
  const products = PRODUCTS;
  products.fill(0, 0, n);
  let p = 0;
  let q = 0;
  const m = b.ids.length;
  while (p < n && q < m) {
    const x = a.ids[p] as number;
    const y = b.ids[q] as number;
    if (x === y) products[rankAt(a, p)] = weightAt(a, p) * weightAt(b, q);
    p += Number(x <= y);
    q += Number(y <= x);
  }
  let dot = 0;
  for (let r = 0; r < n; r++) dot += products[r] as number;
  return a.squaredNorm > 0 && b.squaredNorm > 0 ? dot / Math.sqrt(a.squaredNorm * b.squaredNorm) : 0;
}
