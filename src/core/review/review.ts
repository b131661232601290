/**
 * The review of two versions: normalize both, align their sentences, diff the words of each
 * aligned unit, and count what changed (as `wdiff -s` does, plus sentences added, dropped and moved).
 */

import type { Article, NormalizedArticle } from '../../types/index.js';
import type { DiffCounts, Review, ReviewRow, ReviewSide, ReviewSummary } from '../../types/review.js';
import { alignPassages, type Passage } from '../passages/align.js';
import { roundScore } from '../round.js';
import type { LanguageDetector } from '../text/detect.js';
import { isSpaceless } from '../text/language.js';
import { normalizeArticle, sentenceTokens, tokenCount, tokenCountAt } from '../text/normalize.js';
import { contentTerms } from '../text/terms.js';
import { type CrossLanguageResources, profileArticle } from '../xling/profile.js';
import { type AlignedUnit, type AlignOptions, alignSentences } from './align.js';
import { reviewAcrossLanguages } from './crossReview.js';
import { type DiffOptions, diffWordsOf } from './diff.js';

export interface ReviewOptions extends DiffOptions {
  align?: AlignOptions;
  /** Review the whole page text: no body extraction (`--keep-chrome`). */
  keepChrome?: boolean;
  /** Most sentence pairs (sentences of A × of B) the alignment may examine; default `MAX_REVIEW_SENTENCE_PAIRS`. */
  maxSentencePairs?: number;
  /** Language of articles without `lang` metadata; default `guessLanguage`. */
  detectLanguage?: LanguageDetector;
  /**
   * Dictionaries and the equivalents table (pipeline/crossLanguage.ts): with them, two texts in
   * different languages are shown as aligned paragraphs with their shared names and figures marked.
   */
  crossLanguage?: CrossLanguageResources;
}

/**
 * Default most sentence pairs a review aligns. The alignment is O(n·m) in time and memory (17
 * bytes a cell, so 68 MB here, and about 2 s): 2,000 sentences against 2,000, where the longest
 * document in ../shared/eval has 110. A 3 MB article against a 1 MB one (20,000 × 7,000) would
 * need 2.4 GB; it is refused with this error instead, which names the limit.
 */
export const MAX_REVIEW_SENTENCE_PAIRS = 4_000_000;

/** Two texts with more sentence pairs than a review may align. */
export class ReviewLimitError extends RangeError {
  override name = 'ReviewLimitError';
  constructor(
    readonly sentencesA: number,
    readonly sentencesB: number,
    readonly limit: number,
  ) {
    super(
      `${sentencesA.toLocaleString('en-US')} × ${sentencesB.toLocaleString('en-US')} sentences is more than the ${limit.toLocaleString('en-US')} sentence pairs a review aligns`,
    );
  }
}

/** The term set a sentence is aligned by: its stemmed content words, or all its words when it has none. */
function sentenceTerms(article: NormalizedArticle): Set<string>[] {
  return article.sentences.map((s) => {
    const tokens = sentenceTokens(article, s);
    const terms = contentTerms(tokens, article.lang);
    return new Set(terms.length > 0 ? terms : tokens);
  });
}

function toSide(article: NormalizedArticle, window: [number, number] | undefined): ReviewSide {
  const side: ReviewSide = {
    id: article.id,
    lang: article.lang,
    sentences: article.sentences.map((s) => s.text),
    paragraphs: article.sentences.map((s) => s.paragraph),
  };
  if (article.title !== undefined) side.title = article.title;
  if (article.actions.length > 0) side.setAside = article.actions.map((a) => ({ ...a }));
  if (window) side.window = window;
  return side;
}

/** For each token, the index of its sentence. */
function sentenceOfToken(article: NormalizedArticle): Uint32Array {
  const out = new Uint32Array(article.tokens.length);
  let at = 0;
  for (const s of article.sentences) for (let k = 0; k < tokenCount(s); k++) out[at++] = s.index;
  return out;
}

/** Sentences inside shared passages, on each side, and each side's window (first to last such sentence). */
function sharedSentences(a: NormalizedArticle, b: NormalizedArticle, passages: readonly Passage[]) {
  const inA = new Set<number>();
  const inB = new Set<number>();
  const sa = sentenceOfToken(a);
  const sb = sentenceOfToken(b);
  for (const p of passages) {
    for (let k = p.startA; k < p.endA; k++) inA.add(sa[k] as number);
    for (let k = p.startB; k < p.endB; k++) inB.add(sb[k] as number);
  }
  const windowOf = (set: Set<number>): [number, number] | undefined =>
    set.size === 0 ? undefined : [Math.min(...set), Math.max(...set)];
  return { inA, inB, windowA: windowOf(inA), windowB: windowOf(inB) };
}

function addCounts(into: DiffCounts, c: DiffCounts): void {
  into.wordsA += c.wordsA;
  into.wordsB += c.wordsB;
  into.kept += c.kept;
  into.added += c.added;
  into.dropped += c.dropped;
  into.changedA += c.changedA;
  into.changedB += c.changedB;
}

function emptySummary(a: NormalizedArticle, b: NormalizedArticle): ReviewSummary {
  return {
    wordsA: 0,
    wordsB: 0,
    kept: 0,
    added: 0,
    dropped: 0,
    changedA: 0,
    changedB: 0,
    sentencesA: a.sentences.length,
    sentencesB: b.sentences.length,
    sentencesAdded: 0,
    sentencesDropped: 0,
    sentencesMoved: 0,
    sentencesSplitOrMerged: 0,
    shareAinB: 1,
    shareBinA: 1,
    kinds: {},
  };
}

/** The text of one side of a unit: its sentences joined (without a space in spaceless scripts). */
function textOf(art: NormalizedArticle, idx: readonly number[]): string {
  const sep = isSpaceless(art.clean) ? '' : ' ';
  return idx.map((k) => art.sentences[k]?.text ?? '').join(sep);
}

function wordsOf(art: NormalizedArticle, idx: readonly number[]): number {
  return idx.reduce((n, k) => n + tokenCountAt(art, k), 0);
}

/** One aligned unit as a review row, its counts added to the summary. */
function reviewUnit(
  u: AlignedUnit,
  a: NormalizedArticle,
  b: NormalizedArticle,
  summary: ReviewSummary,
  options: ReviewOptions,
): ReviewRow {
  if (u.b.length === 0) {
    const words = wordsOf(a, u.a);
    addCounts(summary, { wordsA: words, wordsB: 0, kept: 0, added: 0, dropped: words, changedA: 0, changedB: 0 });
    summary.sentencesDropped += u.a.length;
    return { kind: 'dropped', a: u.a, b: [], similarity: 0, parts: [{ op: 'delete', a: textOf(a, u.a), b: '' }] };
  }
  if (u.a.length === 0) {
    const words = wordsOf(b, u.b);
    addCounts(summary, { wordsA: 0, wordsB: words, kept: 0, added: words, dropped: 0, changedA: 0, changedB: 0 });
    summary.sentencesAdded += u.b.length;
    return { kind: 'added', a: [], b: u.b, similarity: 0, parts: [{ op: 'insert', a: '', b: textOf(b, u.b) }] };
  }
  const d = diffWordsOf(textOf(a, u.a), textOf(b, u.b), options);
  addCounts(summary, d.counts);
  for (const p of d.parts) if (p.kind) summary.kinds[p.kind] = (summary.kinds[p.kind] ?? 0) + 1;
  if (u.moved) summary.sentencesMoved += 1;
  if (u.a.length + u.b.length > 2) summary.sentencesSplitOrMerged += 1;
  const same = d.parts.every((p) => p.op === 'equal');
  const row: ReviewRow = {
    kind: u.moved ? 'moved' : same ? 'same' : 'changed',
    a: u.a,
    b: u.b,
    similarity: roundScore(u.similarity),
    parts: d.parts,
  };
  if (d.coarse) row.coarse = true;
  return row;
}

/** Review two normalized articles. */
export function reviewNormalized(a: NormalizedArticle, b: NormalizedArticle, options: ReviewOptions = {}): Review {
  const known = a.lang !== 'und' && b.lang !== 'und';
  if (options.crossLanguage && known && a.lang !== b.lang) {
    const cache = new Map();
    return reviewAcrossLanguages(
      a,
      b,
      profileArticle(a, options.crossLanguage, cache),
      profileArticle(b, options.crossLanguage, cache),
    );
  }
  const limit = options.maxSentencePairs ?? MAX_REVIEW_SENTENCE_PAIRS;
  if (a.sentences.length * b.sentences.length > limit)
    throw new ReviewLimitError(a.sentences.length, b.sentences.length, limit);
  const units = alignSentences(sentenceTerms(a), sentenceTerms(b), options.align);
  const summary = emptySummary(a, b);
  const passages = a.lang === b.lang || a.lang === 'und' || b.lang === 'und' ? alignPassages(a.tokens, b.tokens) : [];
  const shared = sharedSentences(a, b, passages);
  const rows = units.map((u) => {
    const row = reviewUnit(u, a, b, summary, options);
    if (u.a.some((k) => shared.inA.has(k)) || u.b.some((k) => shared.inB.has(k))) row.shared = true;
    return row;
  });
  summary.sharedPassages = passages.length;
  summary.sharedWords = passages.reduce((n, p) => n + p.matched, 0);
  summary.shareAinB = summary.wordsA === 0 ? 1 : roundScore(summary.kept / summary.wordsA);
  summary.shareBinA = summary.wordsB === 0 ? 1 : roundScore(summary.kept / summary.wordsB);
  summary.kinds = Object.fromEntries(Object.entries(summary.kinds).sort(([x], [y]) => x.localeCompare(y)));
  return {
    a: toSide(a, shared.windowA),
    b: toSide(b, shared.windowB),
    rows,
    summary,
    ignore: {
      case: options.ignoreCase ?? false,
      punctuation: options.ignorePunctuation ?? false,
      spelling: options.ignoreSpelling ?? false,
    },
  };
}

/** Review two articles (normalized here: boilerplate set aside, as in `scan`). */
export function reviewArticles(a: Article, b: Article, options: ReviewOptions = {}): Review {
  const normalize = {
    keepChrome: options.keepChrome === true,
    ...(options.detectLanguage ? { detectLanguage: options.detectLanguage } : {}),
  };
  return reviewNormalized(normalizeArticle(a, normalize), normalizeArticle(b, normalize), options);
}
