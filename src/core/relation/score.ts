/**
 * All scores of one pair of fingerprints. Pure; the TF-IDF vectors come from the caller, because
 * their weights depend on the corpus the pair is scored in.
 */

import type { PairScores } from '../../types/index.js';
import { charShinglesOf, type Fingerprint } from '../fingerprint/fingerprint.js';
import { inVocabulary } from '../fingerprint/sentenceTerms.js';
import { alignPassages, countQuotedInBoth, type Passage, passageCoverage } from '../passages/align.js';
import { roundScore } from '../round.js';
import type { SparseVector } from '../similarity/cosine.js';
import { cosineSimilarity } from '../similarity/cosine.js';
import { setScores } from '../similarity/sets.js';
import { diceSimilarity } from '../similarity/stringSimilarity.js';
import { tokenCount } from '../text/normalize.js';
import { type CrossEvidence, measureCross } from '../xling/evidence.js';
import type { CrossProfile } from '../xling/profile.js';
import { copyCoverage, copyUnitsOf } from './copy.js';
import { alignMonotone, alignmentCoverage, alignmentWindowCoverage } from './monotone.js';

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
 * for one pair of texts; above it both are skipped (alignment and copy coverage count as 0; across
 * languages, the cross-language alignment too: its cells take 25 bytes) and the verdict rests on
 * the other scores, with a reason saying so (judge.ts). Both are O(n·m) in
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

/** The scores of a pair and the passages they were read from. */
export interface PairMeasure {
  scores: PairScores;
  /** Shared passages, longest first (token ranges; see `alignPassages`). */
  passages: Passage[];
  /** Across languages (both fingerprints with a cross-language profile): the evidence behind the cross scores. */
  cross?: CrossEvidence;
}

/** Whether a pair is compared across languages: two known, different languages, both profiled. */
export function isCrossLanguage(a: Fingerprint, b: Fingerprint): boolean {
  return a.cross !== undefined && b.cross !== undefined && !isSameLanguage(a.article.lang, b.article.lang);
}

/** The cross-language scores of a pair's evidence, added to its scores (returned). */
function addCrossScores(scores: PairScores, e: CrossEvidence): PairScores {
  // Set one by one, in this order (the order a report lists them), where a new object spread from
  // both was made: that spread was 3.0 of the score stage's 47.8 s in a 10,000-article scan's CPU
  // profile (262,754 pairs, most across languages).
  scores.crossAlignedAB = roundScore(e.aligned.a);
  scores.crossAlignedBA = roundScore(e.aligned.b);
  scores.crossAlignedPairs = e.aligned.pairs;
  scores.crossSimilarity = roundScore(e.aligned.similarity);
  scores.sharedNames = e.names.shared;
  scores.names = e.names.total;
  scores.sharedNumbers = e.numbers.shared;
  scores.numbers = Math.min(e.numbers.a, e.numbers.b);
  scores.dateConflict = e.dates.conflict ? 1 : 0;
  return scores;
}

/** Whether most words of a sentence are inside quotation marks. */
function mostlyQuoted(f: Fingerprint, k: number): boolean {
  const s = f.article.sentences[k];
  if (!s || tokenCount(s) === 0) return false;
  let q = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) q += f.article.quoted[i] ?? 0;
  return 2 * q > tokenCount(s);
}

/**
 * Sentence alignment scores: overall, inside the alignment's window, and how close the matched
 * sentences are. A pair of sentences both mostly in quotation marks is not counted: two reports
 * quoting one statement line up on its sentences without being one text.
 */
function alignmentScores(a: Fingerprint, b: Fingerprint) {
  const ta = a.sentenceTerms;
  const tb = inVocabulary(b.sentenceTerms, ta.vocabulary);
  const matches = alignMonotone(ta, tb).filter((m) => !(mostlyQuoted(a, m.a) && mostlyQuoted(b, m.b)));
  const { alignedAB, alignedBA } = alignmentCoverage(ta, tb, matches);
  const { windowAB, windowBA } = alignmentWindowCoverage(ta, tb, matches);
  const similarity = matches.length > 0 ? matches.reduce((sum, m) => sum + m.similarity, 0) / matches.length : 0;
  return { alignedAB, alignedBA, windowAB, windowBA, similarity, pairs: matches.length };
}

/**
 * Shared passages and what they cover (none when the texts share no word 5-shingle, so no seed).
 * Words both texts print inside quotation marks are counted apart (`quoted`) and left out of the
 * shares: two reports quoting one statement quote its speaker, they did not copy each other.
 */
function passageScores(a: Fingerprint, b: Fingerprint, shareShingles: boolean) {
  const passages = shareShingles ? alignPassages(a.article.tokens, b.article.tokens) : [];
  const quoted = countQuotedInBoth(passages, a.article.quoted, b.article.quoted);
  const ca = passageCoverage(passages, a.article.tokens.length, 'a');
  const cb = passageCoverage(passages, b.article.tokens.length, 'b');
  let shared = 0;
  let longest = 0;
  for (const p of passages) {
    shared += p.matched;
    longest = Math.max(longest, p.matched);
  }
  // The shares count the unquoted words only (the same factor on both sides).
  const keep = shared === 0 ? 0 : (shared - quoted) / shared;
  return { passages, shared, quoted, longest, ca, cb, keep };
}

/** All scores of a pair, with the shared passages behind the passage scores. */
export function measurePair(a: Fingerprint, b: Fingerprint, va: SparseVector, vb: SparseVector): PairMeasure {
  const words = setScores(a.words, b.words);
  const chars = setScores(charShinglesOf(a), charShinglesOf(b));
  const cosine = cosineSimilarity(va, vb);
  const maxChar = Math.max(chars.containmentAB, chars.containmentBA);
  const sameLanguage = isSameLanguage(a.article.lang, b.article.lang);
  // Alignment and the copy test are O(n·m) in sentences: skipped past MAX_SENTENCE_PAIRS.
  const sentenceTests = sameLanguage && !exceedsSentencePairs(a, b);
  const aligned =
    sentenceTests && (cosine >= ALIGNMENT_GATE.cosine || maxChar >= ALIGNMENT_GATE.containment)
      ? alignmentScores(a, b)
      : { alignedAB: 0, alignedBA: 0, windowAB: 0, windowBA: 0, similarity: 0, pairs: 0 };
  const copy =
    sentenceTests && maxChar >= COPY_GATE
      ? copyCoverage(copyUnitsOf(a.article), copyUnitsOf(b.article))
      : { copyAB: 0, copyBA: 0 };
  // Passages across languages are quoted foreign material (a tweet, a name list): the
  // translation test, not the copy test, decides such pairs.
  const shared = passageScores(a, b, sameLanguage && words.containmentAB > 0 && a.article.tokens.length > 0);
  const la = a.article.tokens.length;
  const lb = b.article.tokens.length;
  const scores: PairScores = {
    jaccard: roundScore(words.jaccard),
    containmentAB: roundScore(words.containmentAB),
    containmentBA: roundScore(words.containmentBA),
    charContainmentAB: roundScore(chars.containmentAB),
    charContainmentBA: roundScore(chars.containmentBA),
    cosine: roundScore(cosine),
    alignedAB: roundScore(aligned.alignedAB),
    alignedBA: roundScore(aligned.alignedBA),
    alignedSimilarity: roundScore(aligned.similarity),
    lengthRatio: roundScore(la === 0 && lb === 0 ? 1 : Math.min(la, lb) / Math.max(la, lb)),
    copyAB: roundScore(copy.copyAB),
    copyBA: roundScore(copy.copyBA),
    sharedWords: shared.shared,
    quotedWords: shared.quoted,
    longestPassage: shared.longest,
    passageAB: roundScore(la === 0 ? 0 : shared.ca.covered * shared.keep),
    passageBA: roundScore(lb === 0 ? 0 : shared.cb.covered * shared.keep),
    windowAB: roundScore(shared.ca.windowCovered * shared.keep),
    windowBA: roundScore(shared.cb.windowCovered * shared.keep),
    alignedWindowAB: roundScore(aligned.windowAB),
    alignedWindowBA: roundScore(aligned.windowBA),
    alignedPairs: aligned.pairs,
  };
  if (a.article.title !== undefined && b.article.title !== undefined) {
    scores.titleDice = roundScore(diceSimilarity(a.article.title.toLowerCase(), b.article.title.toLowerCase()));
  }
  if (isCrossLanguage(a, b)) {
    const cross = measureCross(a.cross as CrossProfile, b.cross as CrossProfile, {
      align: !exceedsSentencePairs(a, b),
    });
    return { scores: addCrossScores(scores, cross), passages: shared.passages, cross };
  }
  return { scores, passages: shared.passages };
}

export function scorePair(a: Fingerprint, b: Fingerprint, va: SparseVector, vb: SparseVector): PairScores {
  return measurePair(a, b, va, vb).scores;
}
