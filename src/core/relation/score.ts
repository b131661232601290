/**
 * All scores of one pair of fingerprints. Pure; the TF-IDF vectors come from the caller, because
 * their weights depend on the corpus the pair is scored in.
 */

import type { PairScores } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import { roundScore } from '../round.js';
import type { SparseVector } from '../similarity/cosine.js';
import { cosineSimilarity } from '../similarity/cosine.js';
import { setScores } from '../similarity/sets.js';
import { diceSimilarity } from '../similarity/stringSimilarity.js';
import { copyCoverage } from './copy.js';
import { alignMonotone, alignmentCoverage } from './monotone.js';

/**
 * Below these, sentence alignment is not run (it is the costly score) and counts as 0: a pair
 * with so little in common cannot be a translation variant or a republication.
 */
export const ALIGNMENT_GATE = { cosine: 0.2, containment: 0.2 } as const;

/**
 * Below this character containment (larger direction), the near-verbatim copy test is not run
 * and copy coverage counts as 0. Copies with 5 % OCR noise keep containment above 0.6 (measured
 * on the generated variants); the test costs O(n·m) string comparisons, so most pairs skip it.
 */
export const COPY_GATE = 0.5;

/**
 * Most sentence pairs (sentences of A × sentences of B) the alignment and the copy test examine
 * for one pair of texts; above it both are skipped (alignment and copy coverage count as 0) and
 * the verdict rests on the other scores, with a reason saying so (judge.ts). Both are O(n·m) in
 * time and the alignment in memory (17 bytes a cell: 68 MB here): a 3 MB article against a 1 MB
 * one (20,000 × 7,000 sentences) took over 300 s and 3.4 GB, against a 50 MB one it overflowed a
 * typed array. The longest document in ../shared/eval has 110 sentences (12,100 pairs with
 * itself), so real articles stay far under it; 2,000 × 2,000 sentences takes about 2 s.
 */
export const MAX_SENTENCE_PAIRS = 4_000_000;

/** Whether the alignment and the copy test are skipped for this pair (too many sentence pairs). */
export function exceedsSentencePairs(a: Fingerprint, b: Fingerprint): boolean {
  return a.article.sentences.length * b.article.sentences.length > MAX_SENTENCE_PAIRS;
}

/**
 * Whether two texts' languages allow sentence alignment: content terms are stemmed per language,
 * so across languages only names and numbers would match, and a short English text and its
 * German translation can then look aligned. `und` (undetermined) is compatible with any.
 */
export function isSameLanguage(a: string, b: string): boolean {
  return a === b || a === 'und' || b === 'und';
}

export function scorePair(a: Fingerprint, b: Fingerprint, va: SparseVector, vb: SparseVector): PairScores {
  const words = setScores(a.words, b.words);
  const chars = setScores(a.chars, b.chars);
  const cosine = cosineSimilarity(va, vb);
  let alignedAB = 0;
  let alignedBA = 0;
  let alignedSimilarity = 0;
  let copyAB = 0;
  let copyBA = 0;
  const maxChar = Math.max(chars.containmentAB, chars.containmentBA);
  const sameLanguage = isSameLanguage(a.article.lang, b.article.lang) && !exceedsSentencePairs(a, b);
  if (sameLanguage && (cosine >= ALIGNMENT_GATE.cosine || maxChar >= ALIGNMENT_GATE.containment)) {
    const matches = alignMonotone(a.sentenceTerms, b.sentenceTerms);
    ({ alignedAB, alignedBA } = alignmentCoverage(a.sentenceTerms, b.sentenceTerms, matches));
    if (matches.length > 0) alignedSimilarity = matches.reduce((sum, m) => sum + m.similarity, 0) / matches.length;
  }
  if (sameLanguage && maxChar >= COPY_GATE)
    ({ copyAB, copyBA } = copyCoverage(a.copyUnits, b.copyUnits, diceSimilarity));
  const la = a.article.tokens.length;
  const lb = b.article.tokens.length;
  const scores: PairScores = {
    jaccard: roundScore(words.jaccard),
    containmentAB: roundScore(words.containmentAB),
    containmentBA: roundScore(words.containmentBA),
    charContainmentAB: roundScore(chars.containmentAB),
    charContainmentBA: roundScore(chars.containmentBA),
    cosine: roundScore(cosine),
    alignedAB: roundScore(alignedAB),
    alignedBA: roundScore(alignedBA),
    alignedSimilarity: roundScore(alignedSimilarity),
    lengthRatio: roundScore(la === 0 && lb === 0 ? 1 : Math.min(la, lb) / Math.max(la, lb)),
    copyAB: roundScore(copyAB),
    copyBA: roundScore(copyBA),
  };
  if (a.article.title !== undefined && b.article.title !== undefined) {
    scores.titleDice = roundScore(diceSimilarity(a.article.title.toLowerCase(), b.article.title.toLowerCase()));
  }
  return scores;
}
