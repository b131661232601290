/**
 * One pair, judged: its scores, the relation they support with the reasons, and the passages both
 * share. The scan, `compare` and the gate all judge pairs here, so they agree.
 */
import type { PairResult, Thresholds } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import { describePassages, locatePassages } from '../passages/report.js';
import type { SparseVector } from '../similarity/cosine.js';
import { describeCross } from '../xling/evidence.js';
import { type Classification, classifyPair, DEFAULT_THRESHOLDS, validateThresholds } from './classify.js';
import { describeForm } from './form.js';
import { exceedsSentencePairs, MAX_SENTENCE_PAIRS, measurePair } from './score.js';

/** The defaults with the caller's thresholds on top, checked. Never changes the caller's object. */
export function resolveThresholds(partial: Partial<Thresholds> = {}): Thresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...partial };
  validateThresholds(t);
  return t;
}

/**
 * A text with no words left after normalization (only boilerplate) matches everything by the set
 * maths (jaccard(∅, ∅) = 1), but there is nothing to compare: never a relation.
 */
const NO_WORDS: Classification = {
  relation: 'unrelated',
  reasons: [
    {
      score: 'words',
      value: 0,
      threshold: 1,
      op: '<',
      note: 'no words left after normalization (boilerplate or punctuation only)',
    },
  ],
};

/** Why alignment and copy coverage are 0 for a pair of very long texts. */
function sentencePairsReason(a: Fingerprint, b: Fingerprint): PairResult['reasons'][number] {
  return {
    score: 'sentencePairs',
    value: a.article.sentences.length * b.article.sentences.length,
    threshold: MAX_SENTENCE_PAIRS,
    op: '>=',
    note: `${a.article.sentences.length} × ${b.article.sentences.length} sentences: over the limit, sentence alignment and the copy test were skipped (coverage is character containment alone)`,
  };
}

/** A scored, classified pair, with the passages both share when they are related. */
export function judgePair(
  a: Fingerprint,
  b: Fingerprint,
  va: SparseVector,
  vb: SparseVector,
  thresholds: Thresholds,
): PairResult {
  const { scores, passages, cross } = measurePair(a, b, va, vb);
  const fewest = Math.min(a.article.tokens.length, b.article.tokens.length);
  const verdict = fewest === 0 ? NO_WORDS : classifyPair(scores, thresholds);
  const reasons = exceedsSentencePairs(a, b) ? [...verdict.reasons, sentencePairsReason(a, b)] : verdict.reasons;
  const result: PairResult = { a: a.id, b: b.id, relation: verdict.relation, scores, reasons };
  if (cross) {
    // The anchors both give, as a reason the reader can check (it decides nothing on its own).
    result.reasons = [
      {
        score: 'anchors',
        value: cross.names.shared + cross.numbers.shared,
        threshold: 0,
        op: '>=',
        note: describeCross(cross),
      },
      ...result.reasons,
    ];
    result.languages = [a.article.lang, b.article.lang];
    result.anchors = { names: cross.names.list, numbers: cross.numbers.list, dates: cross.dates.shared };
  }
  if (verdict.container) {
    result.container = verdict.container === 'a' ? a.id : b.id;
    result.form = describeForm(passages, a.article.tokens.length, b.article.tokens.length, verdict.container);
  }
  if (verdict.relation !== 'unrelated' && passages.length > 0) {
    result.shared = describePassages(passages, a.article.tokens);
    result.passages = locatePassages(passages, a.article, b.article);
  }
  return result;
}
