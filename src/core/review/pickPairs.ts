/**
 * Which related pairs of a scan get a drawn review: the strongest relations first, up to a limit
 * (a corpus of thousands of near-copies would otherwise make a report of gigabytes).
 */
import type { PairResult } from '../../types/index.js';
import { RELATION_STRENGTH } from '../relation/classify.js';

export const DEFAULT_MAX_REVIEWED_PAIRS = 200;

/**
 * The pairs to draw: strongest relation first, then higher cosine, then by ids (deterministic).
 * `copyOf` (document → the earlier document it is an identical copy of): all copies of one text
 * read alike, so only the first copy's pair is drawn, and the others leave room for real changes.
 */
export function pickReviewedPairs(
  pairs: readonly PairResult[],
  max: number,
  copyOf: ReadonlyMap<string, string> = new Map(),
): PairResult[] {
  if (!(Number.isInteger(max) && max >= 0)) throw new RangeError(`maxPairs must be a non-negative integer, got ${max}`);
  const drawnCopy = new Set<string>();
  const isSpareCopy = (p: PairResult): boolean => {
    if (copyOf.get(p.b) !== p.a) return false;
    if (drawnCopy.has(p.a)) return true;
    drawnCopy.add(p.a);
    return false;
  };
  return pairs
    .filter((p) => !isSpareCopy(p))
    .sort(
      (x, y) =>
        RELATION_STRENGTH[y.relation] - RELATION_STRENGTH[x.relation] ||
        y.scores.cosine - x.scores.cosine ||
        x.a.localeCompare(y.a) ||
        x.b.localeCompare(y.b),
    )
    .slice(0, max);
}
