/**
 * compareArticles: one pair through the scan's stages (prepare → weigh → judge), in the context
 * of a corpus when given one.
 */
import { fingerprintArticle } from '../core/fingerprint/fingerprint.js';
import { judgePair, resolveThresholds } from '../core/relation/judge.js';
import { countDocumentFrequencies, vectorizeTfIdf } from '../core/similarity/tfidf.js';
import type { LanguageDetector } from '../core/text/detect.js';
import { normalizeArticle } from '../core/text/normalize.js';
import type { Article, PairResult, Thresholds } from '../types/index.js';

export interface CompareOptions {
  thresholds?: Partial<Thresholds>;
  /** Score the whole page text: no body extraction (`--keep-chrome`). */
  keepChrome?: boolean;
  /** Articles whose document frequencies weight the TF-IDF (the corpus the pair belongs to). */
  context?: readonly Article[];
  /** Language of articles without `lang` metadata; default `guessLanguage`. */
  detectLanguage?: LanguageDetector;
}

/** Score and classify one pair; with `context`, IDF comes from that corpus (plus the pair). */
export function compareArticles(a: Article, b: Article, options: CompareOptions = {}): PairResult {
  const thresholds = resolveThresholds(options.thresholds);
  const normalize = {
    keepChrome: options.keepChrome === true,
    ...(options.detectLanguage ? { detectLanguage: options.detectLanguage } : {}),
  };
  const fa = fingerprintArticle(normalizeArticle(a, normalize));
  const fb = fingerprintArticle(normalizeArticle(b, normalize));
  const others = (options.context ?? []).filter((x) => x.id !== a.id && x.id !== b.id);
  const freqs = countDocumentFrequencies([
    fa.terms,
    fb.terms,
    ...others.map((x) => fingerprintArticle(normalizeArticle(x, normalize)).terms),
  ]);
  const termIds = new Map<string, number>();
  return judgePair(
    fa,
    fb,
    vectorizeTfIdf(fa.terms, freqs, termIds),
    vectorizeTfIdf(fb.terms, freqs, termIds),
    thresholds,
  );
}
