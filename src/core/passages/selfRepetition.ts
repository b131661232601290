/**
 * Notes about one document on its own: passages it repeats within itself (seed 000's intro
 * restates a paragraph of the report it republishes), and a text with no words left.
 *
 * Bounded: comparing every sentence with every other is quadratic in the length of one article
 * (a 3 MB text took 77 s, a 50 MB one more than 10 minutes). Each sentence is compared with the
 * sentences that follow it within a window, and the window narrows for very long texts so that
 * one article costs at most `SELF_REPETITION_BUDGET` comparisons; at most
 * `MAX_SELF_REPETITION_NOTES` are listed. When either bound applies, a `limit` note says so.
 */
import type { DocumentNote, NormalizedArticle } from '../../types/index.js';
import { roundScore } from '../round.js';
import { diceOfSets } from '../similarity/sets.js';
import { sentenceTokens, tokenCount } from '../text/normalize.js';

/**
 * Sentences after a sentence that it is compared with. The longest document in ../shared/eval has
 * 110 sentences (WMT24), the web pages at most 41, so for real articles this is every pair, as
 * before (a margin of 2.3×); seed 000's restatement is 7 sentences on.
 */
export const SELF_REPETITION_WINDOW = 250;
/**
 * Most sentence comparisons for one article: about a second on this machine (2 × EPYC vCPUs; a
 * comparison is a Dice of two small word sets, ≈ 0.3–0.5 µs). A 3 MB article (≈ 20,000
 * sentences) keeps a window of 100, a 50 MB one of 6.
 */
export const SELF_REPETITION_BUDGET = 2_000_000;
/** Smallest window, however long the text. */
const MIN_WINDOW = 4;
/** Restatements listed per document; a text repeating one paragraph 1,000 times has ~10⁵ of them. */
export const MAX_SELF_REPETITION_NOTES = 20;

export interface SelfRepetitionOptions {
  minSimilarity?: number;
  minWords?: number;
  /** Sentences after each one it is compared with (default: `SELF_REPETITION_WINDOW`, narrowed by the budget). */
  window?: number;
  maxNotes?: number;
}

/** The window for a text of `n` sentences: the default, narrowed to keep within the budget. */
export function selfRepetitionWindow(n: number): number {
  return Math.max(MIN_WINDOW, Math.min(SELF_REPETITION_WINDOW, Math.floor(SELF_REPETITION_BUDGET / Math.max(1, n))));
}

interface Found {
  notes: DocumentNote[];
  /** Restatements found, listed or not. */
  total: number;
  window: number;
}

function scan(article: NormalizedArticle, options: SelfRepetitionOptions): Found {
  const minSimilarity = options.minSimilarity ?? 0.6;
  const minWords = options.minWords ?? 12;
  const maxNotes = options.maxNotes ?? MAX_SELF_REPETITION_NOTES;
  const n = article.sentences.length;
  const window = options.window ?? selfRepetitionWindow(n);
  const sets = article.sentences.map((s) =>
    tokenCount(s) < minWords ? undefined : new Set(sentenceTokens(article, s)),
  );
  const notes: DocumentNote[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const si = sets[i];
    if (!si) continue;
    const end = Math.min(n, i + 1 + window);
    for (let j = i + 2; j < end; j++) {
      const sj = sets[j];
      if (!sj) continue;
      const sim = diceOfSets(si, sj);
      if (sim < minSimilarity) continue;
      total++;
      if (notes.length >= maxNotes) continue;
      const text = (article.sentences[i] as NormalizedArticle['sentences'][number]).text;
      notes.push({
        kind: 'self-repetition',
        first: i,
        second: j,
        similarity: roundScore(sim),
        text: text.length > 120 ? `${text.slice(0, 119)}…` : text,
      });
    }
  }
  return { notes, total, window };
}

/** Pairs of sentences within one article that restate each other (Dice of word sets ≥ `minSimilarity`). */
export function findSelfRepetition(
  article: NormalizedArticle,
  minSimilarity = 0.6,
  minWords = 12,
  options: Omit<SelfRepetitionOptions, 'minSimilarity' | 'minWords'> = {},
): DocumentNote[] {
  return scan(article, { ...options, minSimilarity, minWords }).notes;
}

/** The `limit` note: which bound applied, or nothing when the search was whole. */
function limitNote(found: Found, sentences: number): DocumentNote | undefined {
  const listed = found.notes.length;
  const windowed = found.window < sentences - 1;
  if (!windowed && listed === found.total) return undefined;
  const parts: string[] = [];
  if (listed < found.total) parts.push(`${listed} of ${found.total} restatements listed`);
  if (windowed)
    parts.push(
      `sentences compared only with the ${found.window} after them (the text has ${sentences}; limit ${SELF_REPETITION_BUDGET.toLocaleString('en-US')} comparisons per article)`,
    );
  return { kind: 'limit', first: 0, second: 0, similarity: 0, text: `self-repetition: ${parts.join('; ')}` };
}

/**
 * Everything a report notes about one document: `empty` when no words were left after
 * normalization (it is never linked), then its self-repetitions, then a `limit` note when a bound
 * applied.
 */
export function noteDocument(article: NormalizedArticle): DocumentNote[] {
  const found = scan(article, {});
  const notes = [...found.notes];
  const limit = limitNote(found, article.sentences.length);
  if (limit) notes.push(limit);
  if (article.tokens.length === 0)
    notes.unshift({
      kind: 'empty',
      first: 0,
      second: 0,
      similarity: 0,
      text: 'no words left after normalization (boilerplate or punctuation only); never linked',
    });
  return notes;
}
