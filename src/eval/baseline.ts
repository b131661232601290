/**
 * The baseline every accuracy figure is shown beside: word 3-gram shingles of the raw text
 * (folded words, no boilerplate removal), Jaccard at or above one threshold links two documents,
 * stories are the connected components (union-find). It is what a deduplicator without alignment
 * or relation logic does.
 */
import { shingleWords } from '../core/fingerprint/shingle.js';
import { tokenizeWords } from '../core/text/tokens.js';
import type { Article } from '../types/index.js';
import { groupByLinks } from './metrics.js';

/**
 * The baseline's threshold: the word 3-gram Jaccard that gave the baseline its best mean ARI over
 * the data sets of the accuracy table (scripts/accuracy.ts sweeps 0.05–0.9); see the README.
 */
export const BASELINE_JACCARD = 0.3;
export const BASELINE_SHINGLE = 3;

/**
 * Baseline stories: documents linked when their word 3-gram Jaccard is at or above `threshold`.
 * Intersections are counted through an inverted index, so only pairs sharing a shingle cost time.
 */
export function linkByJaccard(articles: readonly Article[], threshold: number): string[] {
  // Texts with the same words are linked to the first of them and left out of the index: the same
  // links as comparing them (Jaccard 1, and the same Jaccard with everyone else), without the
  // quadratic cost of 1,500 copies sharing every shingle.
  const links: Array<[number, number]> = [];
  const firstWith = new Map<string, number>();
  const sets = articles.map((a, i) => {
    const tokens = tokenizeWords(a.text);
    const key = tokens.join(' ');
    const first = firstWith.get(key);
    if (first !== undefined && tokens.length >= BASELINE_SHINGLE) {
      links.push([first, i]);
      return new Uint32Array(0);
    }
    if (first === undefined) firstWith.set(key, i);
    return shingleWords(tokens, BASELINE_SHINGLE);
  });
  const postings = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const h of set) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });
  const shared = new Map<number, number>();
  sets.forEach((set, i) => {
    if (set.length === 0) return;
    shared.clear();
    for (const h of set) {
      for (const j of postings.get(h) as number[]) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, inter] of shared) {
      const union = set.length + (sets[j] as Uint32Array).length - inter;
      if (union > 0 && inter / union >= threshold) links.push([i, j]);
    }
  });
  return groupByLinks(articles.length, links);
}
