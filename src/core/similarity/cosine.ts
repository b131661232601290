/**
 * Sparse vectors (term ids sorted ascending, weights, L2 norm) and their cosine.
 */

export interface SparseVector {
  ids: Uint32Array;
  weights: Float64Array;
  norm: number;
}

/** Build a sparse vector from (id → weight); ids are sorted, zero weights dropped. */
export function toSparseVector(entries: Map<number, number>): SparseVector {
  const ids = [...entries.keys()].filter((id) => entries.get(id) !== 0).sort((x, y) => x - y);
  const weights = new Float64Array(ids.length);
  let sq = 0;
  ids.forEach((id, i) => {
    const w = entries.get(id) as number;
    weights[i] = w;
    sq += w * w;
  });
  return { ids: Uint32Array.from(ids), weights, norm: Math.sqrt(sq) };
}

/** Cosine similarity in [0, 1] for non-negative weights; 1 for two empty vectors, 0 for one. */
export function cosineSimilarity(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 && b.norm === 0) return 1;
  if (a.norm === 0 || b.norm === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      dot += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  // Rounding can push a self-cosine a hair past 1.
  return Math.min(1, dot / (a.norm * b.norm));
}
