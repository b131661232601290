/**
 * Reviews for a scan's HTML report: the aligned word diff of each picked pair (core/review),
 * keyed by `pairKey(a, b)`. The CLI hands them to `renderScanHtml` (report/html.ts).
 */
import { DEFAULT_MAX_REVIEWED_PAIRS, pickReviewedPairs } from '../core/review/pickPairs.js';
import { ReviewLimitError, reviewNormalized } from '../core/review/review.js';
import { siteLinesOf } from '../core/text/body.js';
import type { LanguageDetector } from '../core/text/detect.js';
import { normalizeArticle } from '../core/text/normalize.js';
import type { CrossLanguageResources } from '../core/xling/profile.js';
import type { Article, NormalizedArticle, ScanResult } from '../types/index.js';
import { pairKey, type Review } from '../types/review.js';

export interface ScanReviewOptions {
  /** Most pair diffs drawn (default 200). */
  maxPairs?: number;
  /** Review the whole page text, as a scan with `keepChrome` scored it. */
  keepChrome?: boolean;
  /** Told of each picked pair not drawn, and why (two texts too long to align: core/review/review.ts). */
  onNotDrawn?: (key: string, reason: string) => void;
  /** Told after each pair reviewed. */
  onProgress?: (done: number, total: number) => void;
  /** Language of articles without `lang` metadata, as the scan had it. */
  detectLanguage?: LanguageDetector;
  /** The scan's cross-language resources: pairs in two languages are reviewed as aligned paragraphs. */
  crossLanguage?: CrossLanguageResources;
}

/** Review the related pairs of a scan, keyed by `pairKey(a, b)`. */
export function reviewScanPairs(
  result: ScanResult,
  articles: readonly Article[],
  options: ScanReviewOptions = {},
): Map<string, Review> {
  const copyOf = new Map(result.documents.flatMap((d) => (d.copyOf ? [[d.id, d.copyOf] as const] : [])));
  const picked = pickReviewedPairs(result.pairs, options.maxPairs ?? DEFAULT_MAX_REVIEWED_PAIRS, copyOf);
  const byId = new Map(articles.map((a, i) => [a.id, i]));
  const sites = options.keepChrome || picked.length === 0 ? [] : siteLinesOf(articles);
  const normalized = new Map<string, NormalizedArticle>();
  const get = (id: string): NormalizedArticle => {
    let n = normalized.get(id);
    if (!n) {
      const at = byId.get(id);
      const article = at === undefined ? undefined : articles[at];
      if (at === undefined || !article)
        throw new RangeError(`pair names article "${id}", which is not among the articles given`);
      const siteLines = sites[at];
      n = normalizeArticle(article, {
        ...(options.keepChrome ? { keepChrome: true } : {}),
        ...(siteLines ? { siteLines } : {}),
        ...(options.detectLanguage ? { detectLanguage: options.detectLanguage } : {}),
      });
      normalized.set(id, n);
    }
    return n;
  };
  const out = new Map<string, Review>();
  const review = options.crossLanguage ? { crossLanguage: options.crossLanguage } : {};
  for (const [k, p] of picked.entries()) {
    options.onProgress?.(k + 1, picked.length);
    const key = pairKey(p.a, p.b);
    try {
      out.set(key, reviewNormalized(get(p.a), get(p.b), review));
    } catch (error) {
      if (!(error instanceof ReviewLimitError)) throw error;
      options.onNotDrawn?.(key, error.message);
    }
  }
  return out;
}
