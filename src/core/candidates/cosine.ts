/**
 * The default candidate pairs: every pair whose TF-IDF cosine reaches a floor, found exactly by
 * an inverted index (`joinByCosine`). `lshCandidates` (lsh.ts) is the sub-quadratic alternative
 * for large corpora.
 */
import type { Thresholds } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import type { SparseVector } from '../similarity/cosine.js';
import { joinByCosine } from './cosineJoin.js';

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
}

/** Every pair that could be related: exact all-pairs cosine, then the floor. */
export function allPairs(
  _fingerprints: readonly Fingerprint[],
  vectors: readonly SparseVector[],
  minCosine = CANDIDATE_COSINE,
): CandidatePairs & { method: 'all-pairs' } {
  return { method: 'all-pairs', pairs: joinByCosine(vectors, minCosine) };
}
