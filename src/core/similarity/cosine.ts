/**
 * Sparse vectors (term ids sorted ascending, weights, L2 norm) and their cosine.
 */

export interface SparseVector {
  ids: Uint32Array;
  weights: Float64Array;
  norm: number;
}

/**
 * The L2 norm of the weights, scaled by the largest magnitude first so that it neither overflows
 * (weights near 1e200 would square to Infinity) nor underflows (weights near 1e-200 would square
 * to 0 and make a non-empty vector look empty).
 */
function l2Norm(weights: Float64Array): number {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  if (max === 0 || !Number.isFinite(max)) return max;
  let sq = 0;
  for (const w of weights) sq += (w / max) * (w / max);
  return Math.sqrt(sq) * max;
}

/** Build a sparse vector from (id → weight); ids are sorted, zero weights dropped. */
export function toSparseVector(entries: Map<number, number>): SparseVector {
  const ids = [...entries.keys()].filter((id) => entries.get(id) !== 0).sort((x, y) => x - y);
  const weights = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    weights[i] = entries.get(id) as number;
  });
  return { ids: Uint32Array.from(ids), weights, norm: l2Norm(weights) };
}

/** Largest weight magnitude and the L2 norm of the weights divided by it. */
function scaleOf(v: SparseVector): { max: number; unitNorm: number } {
  let max = 0;
  for (const w of v.weights) max = Math.max(max, Math.abs(w));
  if (max === 0) return { max, unitNorm: 0 };
  let sq = 0;
  for (const w of v.weights) sq += (w / max) * (w / max);
  return { max, unitNorm: Math.sqrt(sq) };
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
  const sa = scaleOf(a);
  const sb = scaleOf(b);
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      dot += ((a.weights[i] as number) / sa.max) * ((b.weights[j] as number) / sb.max);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  // Rounding can push a self-cosine a hair past 1.
  return Math.min(1, dot / (sa.unitNorm * sb.unitNorm));
}
