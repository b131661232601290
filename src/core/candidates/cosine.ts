/**
 * The default candidate pairs: every pair whose TF-IDF cosine reaches a floor, found exactly by
 * an inverted index (`joinByCosine`). `lshCandidates` (lsh.ts) is the sub-quadratic alternative
 * for large corpora.
 */
import type { Sequence, Thresholds } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import type { SparseVector } from '../similarity/cosine.js';
import { type CandidateCap, capPairsPerArticle, MAX_CANDIDATES_PER_ARTICLE } from './cap.js';
import { rankByCosine } from './cosineJoin.js';

/**
 * Pairs under this TF-IDF cosine are not scored further: no duplicate, republication or translation
 * variant has so little vocabulary in common (measured: translation variants of WMT22 news ≥ 0.49,
 * copies and truncations far above). Capped by the translation threshold when that is set lower.
 */
export const CANDIDATE_COSINE = 0.2;

/** The cosine floor in force for these thresholds. */
export function candidateFloor(thresholds: Thresholds): number {
  return Math.min(CANDIDATE_COSINE, thresholds.translationCosine);
}

/** Candidate pairs and how they were chosen. */
export interface CandidatePairs {
  method: 'all-pairs' | 'lsh';
  pairs: Array<[number, number]>;
  /** Set when some articles had more candidates than the cap (cap.ts): how many pairs were left out. */
  cap?: CandidateCap;
}

/**
 * Every pair that could be related: exact all-pairs cosine, then the floor, then at most
 * `maxPerArticle` pairs per article (its most similar ones).
 */
export function allPairs(
  _fingerprints: Sequence<Fingerprint>,
  vectors: readonly SparseVector[],
  minCosine = CANDIDATE_COSINE,
  maxPerArticle = MAX_CANDIDATES_PER_ARTICLE,
  onProgress?: (done: number, total: number) => void,
): CandidatePairs & { method: 'all-pairs' } {
  const ranked = rankByCosine(vectors, minCosine, maxPerArticle, onProgress);
  const capped = capPairsPerArticle(ranked.pairs, vectors.length, maxPerArticle);
  const dropped = ranked.dropped + capped.dropped;
  return {
    method: 'all-pairs',
    pairs: capped.pairs,
    ...(dropped > 0 ? { cap: { perArticle: maxPerArticle, dropped } } : {}),
  };
}
