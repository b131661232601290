/**
 * Sparse TF-IDF vectors (term ids sorted ascending, each with its count in the document, an idf
 * table by term id) and their cosine.
 *
 * A vector holds its terms' counts, one byte each, not their weights: the weight of a term is
 * (1 + ln count) × idf, and the idf is the corpus's, one table every vector of the corpus shares.
 * A weight is made as it is read (`weightAt`), the same double as a stored one, bit for bit (the
 * same two numbers multiplied). Stored as Float64 weights, a 100,000-article scan's vectors were
 * about 450 MB of typed arrays, 12 bytes a term, held from the TF-IDF stage to the end; 5 bytes a
 * term now.
 */

/** A term's counts in one document: one byte each, four where one passes 255. */
export type TermCounts = Uint8Array | Uint32Array;

export interface SparseVector {
  /** Term ids, ascending. */
  ids: Uint32Array;
  /** Each id's count in the document (≥ 1). */
  counts: TermCounts;
  /** Inverse document frequency by term id (`idf[ids[k]]`), shared by the vectors of one comparison. */
  idf: Float64Array;
  norm: number;
  /**
   * The largest weight's magnitude and the L2 norm of the weights divided by it (`scaleOf`), kept
   * with the vector so that each cosine reads each vector's weights once, in the merge, where it
   * read them twice more to scale them (a cosine a candidate pair: 3.1 of the score stage's 47.8 s
   * in a 10,000-article scan's CPU profile). 0 and 0 for an empty vector.
   */
  max: number;
  unitNorm: number;
}

/** 1 + ln c for the counts one byte holds: read from here, the same doubles `Math.log` gives. */
const TF_WEIGHTS = Float64Array.from({ length: 256 }, (_, c) => 1 + Math.log(c));

/** The sublinear weight 1 + ln tf of a term found `tf` times (tf ≥ 1). */
export function sublinearTf(tf: number): number {
  return tf < 256 ? (TF_WEIGHTS[tf] as number) : 1 + Math.log(tf);
}

/** The weight of the vector's `k`-th term: (1 + ln count) × idf. */
export function weightAt(v: Pick<SparseVector, 'ids' | 'counts' | 'idf'>, k: number): number {
  return sublinearTf(v.counts[k] as number) * (v.idf[v.ids[k] as number] as number);
}

/** The vector's weights, in the order of its ids (a copy, made from its counts). */
export function weightsOf(v: SparseVector): Float64Array {
  const weights = new Float64Array(v.ids.length);
  for (let k = 0; k < weights.length; k++) weights[k] = weightAt(v, k);
  return weights;
}

/** The vector with no terms. */
export function emptyVector(): SparseVector {
  return { ids: new Uint32Array(0), counts: new Uint8Array(0), idf: new Float64Array(0), norm: 0, max: 0, unitNorm: 0 };
}

/**
 * Largest weight magnitude and the L2 norm of the weights divided by it. Scaling first keeps the
 * norm from overflowing (weights near 1e200 would square to Infinity) or underflowing (weights
 * near 1e-200 would square to 0 and make a non-empty vector look empty).
 */
function scaleOf(v: Pick<SparseVector, 'ids' | 'counts' | 'idf'>): { max: number; unitNorm: number } {
  const n = v.ids.length;
  const w = (k: number) => weightAt(v, k);
  let max = 0;
  for (let k = 0; k < n; k++) max = Math.max(max, Math.abs(w(k)));
  if (max === 0 || !Number.isFinite(max)) return { max, unitNorm: max === 0 ? 0 : 1 };
  let sq = 0;
  for (let k = 0; k < n; k++) sq += (w(k) / max) * (w(k) / max);
  return { max, unitNorm: Math.sqrt(sq) };
}

/**
 * A vector of weights given outright (id → weight; zero weights dropped), for tests and small
 * uses: each count 1 (1 + ln 1 is 1, so the weight is its idf, exactly) and an idf table of its
 * own, as long as the largest id + 1 (the ids are term numbers, from 0).
 */
export function toSparseVector(entries: Map<number, number>): SparseVector {
  const ids = Uint32Array.from([...entries.keys()].filter((id) => entries.get(id) !== 0)).sort();
  const idf = new Float64Array(ids.length > 0 ? (ids[ids.length - 1] as number) + 1 : 0);
  for (const id of ids) idf[id] = entries.get(id) as number;
  return sparseVectorOf(ids, new Uint8Array(ids.length).fill(1), idf);
}

/**
 * A sparse vector of ids already ascending, their counts (≥ 1) and the idf table by id (taken as
 * they are, not copied, and not to be changed after). Its weights are to be non-zero.
 */
export function sparseVectorOf(ids: Uint32Array, counts: TermCounts, idf: Float64Array): SparseVector {
  const { max, unitNorm } = scaleOf({ ids, counts, idf });
  return { ids, counts, idf, norm: Number.isFinite(max) ? unitNorm * max : max, max, unitNorm };
}

/**
 * Cosine similarity in [0, 1] for non-negative weights; 1 for two empty vectors, 0 for one.
 * Computed on weights divided by each vector's largest one, in [-1, 1]: neither the products of
 * large weights overflow, nor subnormal weights (1e-323) lose their digits in a norm that is itself
 * subnormal.
 */
export function cosineSimilarity(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 && b.norm === 0) return 1;
  if (a.norm === 0 || b.norm === 0) return 0;
  const aMax = a.max;
  const bMax = b.max;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      dot += (weightAt(a, i) / aMax) * (weightAt(b, j) / bMax);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  // Rounding can push a self-cosine a hair past 1.
  return Math.min(1, dot / (a.unitNorm * b.unitNorm));
}
