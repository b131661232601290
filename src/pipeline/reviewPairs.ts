/**
 * Reviews for a scan: the aligned word diff of each related pair, strongest relations first, up
 * to a limit (a corpus of thousands of near-copies would otherwise make a report of gigabytes).
 * The CLI hands them to `renderScanHtml` (report/html.ts).
 */

import { RELATION_STRENGTH } from '../core/relation/classify.js';
import { normalizeArticle } from '../core/text/normalize.js';
import { reviewNormalized } from '../core/review/review.js';
import { pairKey, type Review } from '../types/review.js';
import type { Article, NormalizedArticle, PairResult, ScanResult } from '../types/index.js';

export interface ScanReviewOptions {
  /** Most pair diffs drawn (default 200). */
  maxPairs?: number;
}

export const DEFAULT_MAX_REVIEWED_PAIRS = 200;

/** The pairs to draw: strongest relation first, then higher cosine, then by ids (deterministic). */
export function pickReviewedPairs(pairs: readonly PairResult[], max: number): PairResult[] {
  return [...pairs]
    .sort(
      (x, y) =>
        RELATION_STRENGTH[y.relation] - RELATION_STRENGTH[x.relation] ||
        y.scores.cosine - x.scores.cosine ||
        x.a.localeCompare(y.a) ||
        x.b.localeCompare(y.b),
    )
    .slice(0, max);
}

/** Review the related pairs of a scan, keyed by `pairKey(a, b)`. */
export function reviewScanPairs(
  result: ScanResult,
  articles: readonly Article[],
  options: ScanReviewOptions = {},
): Map<string, Review> {
  const max = options.maxPairs ?? DEFAULT_MAX_REVIEWED_PAIRS;
  if (!(Number.isInteger(max) && max >= 0)) throw new RangeError(`maxPairs must be a non-negative integer, got ${max}`);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const normalized = new Map<string, NormalizedArticle>();
  const get = (id: string): NormalizedArticle => {
    let n = normalized.get(id);
    if (!n) {
      const article = byId.get(id);
      if (!article) throw new RangeError(`pair names article "${id}", which is not among the articles given`);
      n = normalizeArticle(article);
      normalized.set(id, n);
    }
    return n;
  };
  const out = new Map<string, Review>();
  for (const p of pickReviewedPairs(result.pairs, max))
    out.set(pairKey(p.a, p.b), reviewNormalized(get(p.a), get(p.b)));
  return out;
}
