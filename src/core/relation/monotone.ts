/**
 * Monotone sentence alignment for scoring: how much of each text has a counterpart, in order, in
 * the other. Two translations of one document keep its sentence order and most of its content
 * words sentence by sentence; two reports of one event share words but not that sequence.
 *
 * A dynamic programme over the two sentence lists (like an LCS whose match weight is a
 * similarity): it maximises the summed similarity of one-to-one matches, each at least
 * `minSimilarity`, and may skip sentences on either side. O(n·m) time, O(n·m) bytes for the
 * back-pointers.
 */
import { type SentenceTerms, sentenceCount, sentenceDice, termCount } from '../fingerprint/sentenceTerms.js';

export interface SentenceMatch {
  a: number;
  b: number;
  similarity: number;
}

export interface MonotoneAlignmentOptions {
  /** Least Dice similarity of content terms for two sentences to match. */
  minSimilarity?: number;
}

export const DEFAULT_SENTENCE_SIMILARITY = 0.3;

/**
 * The best order-keeping one-to-one matching of sentences, by Dice of their content terms (both
 * numbered in one vocabulary: `inVocabulary`).
 */
export function alignMonotone(
  a: SentenceTerms,
  b: SentenceTerms,
  options: MonotoneAlignmentOptions = {},
): SentenceMatch[] {
  const min = options.minSimilarity ?? DEFAULT_SENTENCE_SIMILARITY;
  const n = sentenceCount(a);
  const m = sentenceCount(b);
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 1 = skip a, 2 = skip b, 3 = match
  const sim = new Float64Array(n * m);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const up = score[(i - 1) * width + j] as number;
      const left = score[i * width + j - 1] as number;
      let best = up;
      let mv = 1;
      if (left > best) {
        best = left;
        mv = 2;
      }
      const s = sentenceDice(a, i - 1, b, j - 1);
      sim[(i - 1) * m + (j - 1)] = s;
      if (s >= min) {
        const diag = (score[(i - 1) * width + j - 1] as number) + s;
        if (diag > best) {
          best = diag;
          mv = 3;
        }
      }
      score[i * width + j] = best;
      move[i * width + j] = mv;
    }
  }
  const matches: SentenceMatch[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const mv = move[i * width + j];
    if (mv === 3) {
      matches.push({ a: i - 1, b: j - 1, similarity: sim[(i - 1) * m + (j - 1)] as number });
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
  return matches.reverse();
}

/** A sentence's weight in the coverages: its distinct terms, at least 1. */
function weight(s: SentenceTerms, k: number): number {
  return Math.max(1, termCount(s, k));
}

/** The weights of sentences `from` to `to`, both included. */
function span(s: SentenceTerms, from: number, to: number): number {
  let n = 0;
  for (let k = from; k <= to; k++) n += weight(s, k);
  return n;
}

/** Shares of A's and B's sentences that found a counterpart, weighted by sentence length in terms. */
export function alignmentCoverage(
  a: SentenceTerms,
  b: SentenceTerms,
  matches: readonly SentenceMatch[],
): { alignedAB: number; alignedBA: number } {
  const total = (s: SentenceTerms): number => span(s, 0, sentenceCount(s) - 1);
  let coveredA = 0;
  let coveredB = 0;
  for (const mt of matches) {
    coveredA += weight(a, mt.a);
    coveredB += weight(b, mt.b);
  }
  const ta = total(a);
  const tb = total(b);
  return { alignedAB: ta === 0 ? 1 : coveredA / ta, alignedBA: tb === 0 ? 1 : coveredB / tb };
}

/**
 * Shares of each text's sentences that found a counterpart inside the alignment's window: from the
 * first matched sentence to the last, on each side (weighted as `alignmentCoverage`). Two versions
 * of one text cut at different places (a preview, a copy that starts later) are aligned where both
 * have text; an independent report that matches a sentence here and there spreads its window over
 * most of itself and stays low. 0 without matches.
 */
export function alignmentWindowCoverage(
  a: SentenceTerms,
  b: SentenceTerms,
  matches: readonly SentenceMatch[],
): { windowAB: number; windowBA: number } {
  const first = matches[0];
  const last = matches[matches.length - 1];
  if (!first || !last) return { windowAB: 0, windowBA: 0 };
  let coveredA = 0;
  let coveredB = 0;
  for (const m of matches) {
    coveredA += weight(a, m.a);
    coveredB += weight(b, m.b);
  }
  return { windowAB: coveredA / span(a, first.a, last.a), windowBA: coveredB / span(b, first.b, last.b) };
}
