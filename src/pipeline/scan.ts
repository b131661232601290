/**
 * scanCorpus: a corpus through the stages read (by the caller) → prepare → weigh → candidates →
 * judge → cluster → explain. Wiring only: every rule lives in core/. No file system, no console;
 * the CLI reads the input and writes the reports.
 */
import { allPairs, type CandidatePairs, candidateFloor } from '../core/candidates/cosine.js';
import { type Fingerprint, fingerprintArticle } from '../core/fingerprint/fingerprint.js';
import { markFormulaic } from '../core/passages/formulaic.js';
import { noteDocument } from '../core/passages/selfRepetition.js';
import { judgePair, resolveThresholds } from '../core/relation/judge.js';
import { pickNearest } from '../core/relation/nearest.js';
import {
  buildStories,
  compatibleAcrossLanguages,
  compatibleByCosine,
  type JudgedPair,
} from '../core/relation/stories.js';
import type { SparseVector } from '../core/similarity/cosine.js';
import { vectorizeCorpus } from '../core/similarity/tfidf.js';
import { siteLinesOf } from '../core/text/body.js';
import type { LanguageDetector } from '../core/text/detect.js';
import { normalizeArticle } from '../core/text/normalize.js';
import type { Article, DocumentSummary, ScanResult, Thresholds } from '../types/index.js';
import type { CrossLanguageOptions } from './crossLanguage.js';
import { type CrossLanguageLoader, mergePairs, prepareCrossLanguage } from './crossStage.js';
import { type StageListener, timed } from './stages.js';

export interface ScanOptions {
  thresholds?: Partial<Thresholds>;
  /** Score the whole page text: no body extraction (`--keep-chrome`). */
  keepChrome?: boolean;
  /**
   * Candidate pairs. Default: every pair whose TF-IDF cosine reaches the floor (`allPairs`, exact);
   * `lshCandidates` (core/candidates/lsh.ts) is the sub-quadratic alternative for large corpora.
   */
  candidates?: (fingerprints: readonly Fingerprint[], vectors: readonly SparseVector[]) => CandidatePairs;
  /** Explain the closest unlinked pairs and mark formulaic shared passages (default true). */
  explain?: boolean;
  /** Called after each stage with its name and the milliseconds it took. */
  onStage?: StageListener;
  /** Language of articles without `lang` metadata (see `loadLanguageDetector`); default `guessLanguage`. */
  detectLanguage?: LanguageDetector;
  /**
   * Comparison across languages when the corpus holds several: dictionaries from `dictDir`
   * (default /usr/share/dictd), or none (`dictionaries: false`: names, numbers, dates and
   * cognates only); `false` turns it off (each language on its own, as before).
   */
  crossLanguage?: false | CrossLanguageOptions;
  /** How cross-language resources are loaded (tests pass their own). */
  loadCrossLanguage?: CrossLanguageLoader;
}

/** Above this corpus size, the passages of linked pairs are not looked up (nearest pairs always are). */
const FORMULAIC_LOOKUP_LIMIT = 5000;

function summarize(article: Article, fp: Fingerprint): DocumentSummary {
  const s: DocumentSummary = {
    id: article.id,
    chars: article.text.length,
    words: fp.article.tokens.length,
    normalization: fp.article.actions,
    notes: noteDocument(fp.article),
  };
  const title = article.title ?? fp.article.title;
  if (title !== undefined) s.title = title;
  s.lang = fp.article.lang;
  if (article.date !== undefined) s.date = article.date;
  if (article.source !== undefined) s.source = article.source;
  return s;
}

/** The stages read → prepare: page chrome of each site, then each article normalized and fingerprinted. */
function fingerprintCorpus(articles: readonly Article[], options: ScanOptions): Fingerprint[] {
  const { onStage } = options;
  const sites = timed('site chrome', onStage, () =>
    options.keepChrome ? articles.map(() => undefined) : siteLinesOf(articles),
  );
  return timed('fingerprint', onStage, () =>
    articles.map((a, i) => {
      const siteLines = sites[i];
      return fingerprintArticle(
        normalizeArticle(a, {
          ...(options.keepChrome ? { keepChrome: true } : {}),
          ...(siteLines ? { siteLines } : {}),
          ...(options.detectLanguage ? { detectLanguage: options.detectLanguage } : {}),
        }),
      );
    }),
  );
}

export function scanCorpus(articles: readonly Article[], options: ScanOptions = {}): ScanResult {
  const thresholds = resolveThresholds(options.thresholds);
  const { onStage } = options;
  const fps = fingerprintCorpus(articles, options);
  const vectors = timed('tfidf', onStage, () => vectorizeCorpus(fps.map((f) => f.terms)));
  const cross =
    options.crossLanguage === false
      ? undefined
      : timed('cross-language', onStage, () =>
          prepareCrossLanguage(fps, options.crossLanguage || {}, options.loadCrossLanguage),
        );
  const candidates = timed('candidates', onStage, () => {
    const own = options.candidates
      ? options.candidates(fps, vectors)
      : allPairs(fps, vectors, candidateFloor(thresholds));
    return cross ? { ...own, pairs: mergePairs(own.pairs, cross.pairs) } : own;
  });
  const judged: JudgedPair[] = timed('score', onStage, () =>
    candidates.pairs.map(([i, j]) => ({
      i,
      j,
      result: judgePair(
        fps[i] as Fingerprint,
        fps[j] as Fingerprint,
        vectors[i] as SparseVector,
        vectors[j] as SparseVector,
        thresholds,
      ),
    })),
  );
  const dates = new Map(articles.filter((a) => a.date !== undefined).map((a) => [a.id, a.date as string]));
  const stories = timed('cluster', onStage, () =>
    buildStories(
      articles.map((a) => a.id),
      judged,
      dates,
      cross ? compatibleAcrossLanguages(fps, vectors) : compatibleByCosine(vectors),
    ),
  );
  const pairs = judged
    .map((p) => p.result)
    .filter((p) => p.relation !== 'unrelated')
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const nearest =
    options.explain === false
      ? undefined
      : timed('explain', onStage, () => {
          const near = pickNearest(judged, fps);
          markFormulaic(fps.length <= FORMULAIC_LOOKUP_LIMIT ? [...pairs, ...near] : near, fps);
          return near;
        });
  return {
    version: 1,
    documents: articles.map((a, i) => summarize(a, fps[i] as Fingerprint)),
    pairs,
    stories,
    thresholds,
    candidates: { method: candidates.method, pairs: candidates.pairs.length },
    ...(nearest ? { nearest } : {}),
    ...(cross ? { crossLanguage: cross.summary } : {}),
  };
}
