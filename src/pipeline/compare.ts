/**
 * compareArticles: one pair through the scan's stages (prepare → weigh → judge), in the context
 * of a corpus when given one.
 */

import { describeDocument, describeStory, nameWeights, readTraits } from '../core/events/features.js';
import { linkStories } from '../core/events/link.js';
import { fingerprintArticle } from '../core/fingerprint/fingerprint.js';
import { judgePair, resolveThresholds } from '../core/relation/judge.js';
import { STORY_RELATIONS } from '../core/relation/stories.js';
import { emptyVector } from '../core/similarity/cosine.js';
import { countDocumentFrequencies, vectorizeTfIdf } from '../core/similarity/tfidf.js';
import type { LanguageDetector } from '../core/text/detect.js';
import { normalizeArticle } from '../core/text/normalize.js';
import type { AnchorResources } from '../core/xling/anchors.js';
import type { Article, PairResult, Thresholds } from '../types/index.js';

export interface CompareOptions {
  thresholds?: Partial<Thresholds>;
  /** Tables the anchors (names, figures) are read with, for the event verdict. */
  anchors?: AnchorResources;
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
  const va = vectorizeTfIdf(fa.terms, freqs, termIds);
  const vb = vectorizeTfIdf(fb.terms, freqs, termIds);
  const pair = judgePair(fa, fb, va, vb, thresholds);
  if (STORY_RELATIONS.has(pair.relation)) return pair;
  // Not one story: is it one event, reported independently? Name weights from the pair and its context.
  const doc = (x: Article, f: typeof fa, v: typeof va) =>
    describeDocument(x.id, f.article.lang, x.date, readTraits(f.article, options.anchors ?? {}), v);
  const da = doc(a, fa, va);
  const db = doc(b, fb, vb);
  // The context weighs names only: its vectors are not read.
  const none = emptyVector();
  const context = others.map((x) => {
    const n = normalizeArticle(x, normalize);
    return describeDocument(x.id, n.lang, x.date, readTraits(n, options.anchors ?? {}), none);
  });
  const weight = nameWeights([da, db, ...context]);
  const single = (id: string, d: typeof da) => describeStory({ id, members: [id] }, [d], weight);
  const evidence = linkStories(single(a.id, da), single(b.id, db));
  pair.event = { same: evidence.linked, reasons: evidence.reasons };
  return pair;
}
