/**
 * Scores → relation, with the reasons: every threshold a verdict rests on, crossed or not.
 *
 * Order of the tests, strongest evidence first:
 * 1. duplicate: each text's character shingles are mostly found in the other and the lengths
 *    agree: the same text up to normalization, boilerplate, re-spelling and light noise;
 * 2. republication: one text's character shingles are mostly found in the other but not the
 *    reverse: an added intro or outro, a truncation, a dropped paragraph. The one that holds the
 *    other is the `container`;
 * 3. translation-variant: the TF-IDF cosine of content words is high and, in both directions,
 *    most sentences have an in-order counterpart: the same document in other wording. Both are
 *    needed: two reports of one meeting share the vocabulary (cosine) but not the sentence
 *    sequence (alignment);
 * 4. otherwise unrelated.
 */
import type { PairScores, Reason, Relation, Thresholds } from '../types.js';

/**
 * Defaults, measured (see README "Accuracy"): on the WMT22 news translations and the seeds,
 * translation pairs have cosine ≥ 0.49 and both-way alignment ≥ 0.66, while different documents
 * stay under cosine 0.46 and both-way alignment 0.43, never both.
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  duplicate: 0.8,
  duplicateLength: 0.85,
  republication: 0.8,
  translationCosine: 0.35,
  translationAligned: 0.55,
  related: 1.01,
});

/** Check thresholds: each in [0, 1] (related may exceed 1 to turn it off). */
export function validateThresholds(t: Thresholds): void {
  for (const [key, value] of Object.entries(t)) {
    const max = key === 'related' ? 1.01 : 1;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      throw new RangeError(`threshold ${key} must be in [0, ${max}], got ${String(value)}`);
    }
  }
}

export interface Classification {
  relation: Relation;
  /** For republication: 'a' or 'b', the side that holds the other. */
  container?: 'a' | 'b';
  reasons: Reason[];
}

function reason(score: string, value: number, threshold: number, note: string): Reason {
  return { score, value, threshold, op: value >= threshold ? '>=' : '<', note };
}

export function classifyPair(s: PairScores, t: Thresholds = DEFAULT_THRESHOLDS): Classification {
  const minChar = Math.min(s.charContainmentAB, s.charContainmentBA);
  const maxChar = Math.max(s.charContainmentAB, s.charContainmentBA);
  const bothChar = reason('charContainment(min)', minChar, t.duplicate, 'share of the less-covered text found in the other');
  const length = reason('lengthRatio', s.lengthRatio, t.duplicateLength, 'shorter over longer, in words');
  if (minChar >= t.duplicate && s.lengthRatio >= t.duplicateLength) {
    return { relation: 'duplicate', reasons: [bothChar, length] };
  }
  const oneChar = reason('charContainment(max)', maxChar, t.republication, 'share of one text found in the other');
  if (maxChar >= t.republication) {
    const container = s.charContainmentAB >= s.charContainmentBA ? 'b' : 'a';
    return { relation: 'republication', container, reasons: [oneChar, bothChar, length] };
  }
  const minAligned = Math.min(s.alignedAB, s.alignedBA);
  const cosine = reason('cosine', s.cosine, t.translationCosine, 'TF-IDF cosine of stemmed content words');
  const aligned = reason('aligned(min)', minAligned, t.translationAligned, 'share of sentences with an in-order counterpart, weaker direction');
  if (s.cosine >= t.translationCosine && minAligned >= t.translationAligned) {
    return { relation: 'translation-variant', reasons: [cosine, aligned, oneChar] };
  }
  if (s.cosine >= t.related) {
    return { relation: 'related', reasons: [reason('cosine', s.cosine, t.related, 'same vocabulary, another report'), aligned, oneChar] };
  }
  return { relation: 'unrelated', reasons: [oneChar, cosine, aligned] };
}
