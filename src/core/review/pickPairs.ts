/**
 * Which related pairs of a scan get a drawn review: the strongest relations first, up to a limit
 * (a corpus of thousands of near-copies would otherwise make a report of gigabytes).
 */
import type { PairResult } from '../../types/index.js';
import { RELATION_STRENGTH } from '../relation/classify.js';

export const DEFAULT_MAX_REVIEWED_PAIRS = 200;

/** The pairs to draw: strongest relation first, then higher cosine, then by ids (deterministic). */
export function pickReviewedPairs(pairs: readonly PairResult[], max: number): PairResult[] {
  if (!(Number.isInteger(max) && max >= 0)) throw new RangeError(`maxPairs must be a non-negative integer, got ${max}`);
  return [...pairs]
    .sort(
      (x, y) =>
        RELATION_STRENGTH[y.relation] - RELATION_STRENGTH[x.relation] ||
        y.scores.cosine - x.scores.cosine ||
        x.a.localeCompare(y.a) ||
        x.b.localeCompare(y.b),
    )
    .slice(0, max);
}
