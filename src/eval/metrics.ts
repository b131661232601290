/**
 * Clustering and relation metrics against a gold standard. Pure.
 *
 * A partition is given as one label per item (index i of `gold` and `predicted` is the same item);
 * labels are compared only for equality, so relabelling a partition changes no score.
 *
 * - Adjusted Rand Index (Hubert & Arabie 1985): the Rand index corrected for chance, from the
 *   contingency table: ARI = (Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E),
 *   E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2). 1 for identical partitions, about 0 for random ones.
 *   When the denominator is 0 (both partitions all singletons, or both one cluster) the
 *   partitions are equal and ARI is 1, as in scikit-learn.
 * - Pairwise precision, recall, F1: over the pairs of items put in one story. Precision with no
 *   predicted pair is 1 (nothing wrong was claimed); recall with no gold pair is 1.
 * - B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009): per item, the share of its predicted
 *   cluster that shares its gold cluster (precision) and the share of its gold cluster found in
 *   its predicted cluster (recall), averaged over items; F1 is their harmonic mean.
 */
import type { PartitionScores, RelationScores } from '../types/index.js';

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

function harmonic(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

interface Contingency {
  /** cells[g][p] = items with gold label g and predicted label p. */
  cells: Map<string, Map<string, number>>;
  goldSizes: Map<string, number>;
  predictedSizes: Map<string, number>;
}

function countContingency(gold: readonly string[], predicted: readonly string[]): Contingency {
  if (gold.length !== predicted.length) {
    throw new RangeError(
      `gold and predicted must label the same items: expected ${gold.length} predicted labels, got ${predicted.length}`,
    );
  }
  const cells = new Map<string, Map<string, number>>();
  const goldSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    let row = cells.get(g);
    if (!row) {
      row = new Map();
      cells.set(g, row);
    }
    row.set(p, (row.get(p) ?? 0) + 1);
    goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1);
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
  });
  return { cells, goldSizes, predictedSizes };
}

/** Adjusted Rand Index of two labellings of the same items. */
export function adjustedRandIndex(gold: readonly string[], predicted: readonly string[]): number {
  return scorePartition(gold, predicted).ari;
}

/** Every partition metric at once (one contingency table). */
export function scorePartition(gold: readonly string[], predicted: readonly string[]): PartitionScores {
  const { cells, goldSizes, predictedSizes } = countContingency(gold, predicted);
  const n = gold.length;
  let together = 0; // pairs in one gold and one predicted cluster
  let bcubedPrecision = 0;
  let bcubedRecall = 0;
  for (const [g, row] of cells) {
    const gs = goldSizes.get(g) as number;
    for (const [p, nij] of row) {
      together += choose2(nij);
      // Each of the nij items sees nij of its predicted cluster in its gold cluster.
      bcubedPrecision += (nij * nij) / (predictedSizes.get(p) as number);
      bcubedRecall += (nij * nij) / gs;
    }
  }
  let goldPairs = 0;
  for (const s of goldSizes.values()) goldPairs += choose2(s);
  let predictedPairs = 0;
  for (const s of predictedSizes.values()) predictedPairs += choose2(s);
  const all = choose2(n);
  const expected = all === 0 ? 0 : (goldPairs * predictedPairs) / all;
  const max = (goldPairs + predictedPairs) / 2;
  const ari =
    max - expected === 0
      ? together === goldPairs && together === predictedPairs
        ? 1
        : 0
      : (together - expected) / (max - expected);
  const pairPrecision = predictedPairs === 0 ? 1 : together / predictedPairs;
  const pairRecall = goldPairs === 0 ? 1 : together / goldPairs;
  const bp = n === 0 ? 1 : bcubedPrecision / n;
  const br = n === 0 ? 1 : bcubedRecall / n;
  return {
    ari,
    pairPrecision,
    pairRecall,
    pairF1: harmonic(pairPrecision, pairRecall),
    bcubedPrecision: bp,
    bcubedRecall: br,
    bcubedF1: harmonic(bp, br),
  };
}

/** Accuracy and confusion table of predicted relations against gold ones. */
export function scoreRelations(pairs: ReadonlyArray<{ gold: string; predicted: string }>): RelationScores {
  const goldLabels = [...new Set(pairs.map((p) => p.gold))].sort();
  const extra = [...new Set(pairs.map((p) => p.predicted))].filter((l) => !goldLabels.includes(l)).sort();
  const labels = [...goldLabels, ...extra];
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of goldLabels) confusion[g] = Object.fromEntries(labels.map((l) => [l, 0]));
  let right = 0;
  for (const { gold, predicted } of pairs) {
    const row = confusion[gold] as Record<string, number>;
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (gold === predicted) right++;
  }
  return { total: pairs.length, accuracy: pairs.length === 0 ? 1 : right / pairs.length, labels, confusion };
}

/** Union-find over n items; `labelsOf` gives each item its root as a label. */
export function groupByLinks(n: number, links: Iterable<readonly [number, number]>): string[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    let y = x;
    while (parent[y] !== r) {
      const next = parent[y] as number;
      parent[y] = r;
      y = next;
    }
    return r;
  };
  for (const [a, b] of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return parent.map((_, i) => String(find(i)));
}
