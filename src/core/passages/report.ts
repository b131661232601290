/**
 * Shared passages as a report shows them: the words of each (whole when short, head and tail when
 * long), and their places in both texts as character offsets of the cleaned text.
 */
import type { NormalizedArticle, SharedPassage } from '../../types/index.js';
import { roundScore } from '../round.js';
import { type Passage, passageSimilarity } from './align.js';

/** Longest passage shown whole, in words; a longer one shows its head and tail and its length. */
const PASSAGE_WORDS = 40;
/** Passages listed per pair, longest first. */
export const MAX_LISTED_PASSAGES = 20;

/** A passage's words for display: whole when short, else "head … tail [N words]". */
export function formatPassage(words: readonly string[]): string {
  if (words.length <= PASSAGE_WORDS) return words.join(' ');
  return `${words.slice(0, 24).join(' ')} … ${words.slice(-12).join(' ')} [${words.length} words]`;
}

/** Character offsets [start, end) of a token range in the article's cleaned text. */
function charSpan(article: NormalizedArticle, start: number, end: number): [number, number] {
  const spans = article.tokenSpans;
  if (end <= start || 2 * end > spans.length) return [0, 0];
  return [spans[2 * start] as number, spans[2 * end - 1] as number];
}

/** The passages with their places in both texts (longest first, at most `MAX_LISTED_PASSAGES`). */
export function locatePassages(
  passages: readonly Passage[],
  a: NormalizedArticle,
  b: NormalizedArticle,
): SharedPassage[] {
  return passages.slice(0, MAX_LISTED_PASSAGES).map((p) => ({
    a: charSpan(a, p.startA, p.endA),
    b: charSpan(b, p.startB, p.endB),
    words: p.matched,
    similarity: roundScore(passageSimilarity(p)),
  }));
}

/** The words of the `limit` longest passages (in A's matching form), for display. */
export function describePassages(passages: readonly Passage[], a: readonly string[], limit = 3): string[] {
  return passages.slice(0, limit).map((p) => formatPassage(a.slice(p.startA, p.endA)));
}
