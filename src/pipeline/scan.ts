/**
 * scanCorpus: articles → normalized → fingerprinted → candidate pairs → scored → classified →
 * stories. compareArticles: the same for one pair, in the context of a corpus when given one.
 * Pure (no file system, no console); the CLI reads the input and writes the reports.
 */
import {
  type Classification,
  classifyPair,
  DEFAULT_THRESHOLDS,
  RELATION_STRENGTH,
  validateThresholds,
} from '../core/relation/classify.js';
import { clusterStories, type StoryEdge } from '../core/relation/cluster.js';
import { joinByCosine } from '../core/candidates/cosineJoin.js';
import { type Fingerprint, fingerprintArticle, WORD_SHINGLE_SIZE } from '../core/fingerprint/fingerprint.js';
import { normalizeArticle } from '../core/text/normalize.js';
import { findSelfRepetition, findSharedRuns } from '../core/passages/passages.js';
import { scorePair } from '../core/relation/score.js';
import { hashWordShingles } from '../core/fingerprint/shingle.js';
import type { SparseVector } from '../core/similarity/cosine.js';
import { countDocumentFrequencies, type DocumentFrequencies, vectorizeTfIdf } from '../core/similarity/tfidf.js';
import type { Article, DocumentNote, DocumentSummary, PairResult, ScanResult, Story, Thresholds } from '../types/index.js';

export interface ScanOptions {
  thresholds?: Partial<Thresholds>;
  /**
   * Candidate pairs. Default: every pair whose TF-IDF cosine reaches `CANDIDATE_COSINE` (exact, by
   * an inverted index: see `joinByCosine`). `lshCandidates` (pipeline/candidates.ts) is the
   * sub-quadratic alternative for large corpora.
   */
  candidates?: (
    fingerprints: readonly Fingerprint[],
    vectors: readonly SparseVector[],
  ) => { method: 'all-pairs' | 'lsh'; pairs: Array<[number, number]> };
  /** Explain the closest unlinked pairs and mark formulaic shared passages (default true). */
  explain?: boolean;
  /** Called after each stage with its name and the milliseconds it took. */
  onStage?: (stage: string, ms: number) => void;
}

/** Relations that put two articles in one story. */
const STORY_RELATIONS = new Set(['duplicate', 'republication', 'translation-variant']);

/**
 * Pairs under this TF-IDF cosine are not scored further: no duplicate, republication or translation
 * variant has so little vocabulary in common (measured: translation variants of WMT22 news ≥ 0.49,
 * copies and truncations far above). Capped by the translation threshold when that is set lower.
 */
export const CANDIDATE_COSINE = 0.2;

/** Every pair that could be related: exact all-pairs cosine, then the floor above. */
export function allPairs(
  _fingerprints: readonly Fingerprint[],
  vectors: readonly SparseVector[],
  minCosine = CANDIDATE_COSINE,
): { method: 'all-pairs'; pairs: Array<[number, number]> } {
  return { method: 'all-pairs', pairs: joinByCosine(vectors, minCosine) };
}

export function resolveThresholds(partial: Partial<Thresholds> = {}): Thresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...partial };
  validateThresholds(t);
  return t;
}

/** A scored, classified pair, with the passages both share when they are related. */
export function judgePair(
  a: Fingerprint,
  b: Fingerprint,
  va: SparseVector,
  vb: SparseVector,
  thresholds: Thresholds,
): PairResult {
  const scores = scorePair(a, b, va, vb);
  const fewest = Math.min(a.article.tokens.length, b.article.tokens.length);
  // A text with no words left after normalization (only boilerplate) matches everything by the
  // set maths (jaccard(∅, ∅) = 1), but there is nothing to compare: never a relation.
  const verdict: Classification =
    fewest === 0
      ? {
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
        }
      : classifyPair(scores, thresholds);
  const result: PairResult = { a: a.id, b: b.id, relation: verdict.relation, scores, reasons: verdict.reasons };
  if (verdict.container) result.container = verdict.container === 'a' ? a.id : b.id;
  if (verdict.relation !== 'unrelated') {
    const runs = findSharedRuns(a.article.tokens, b.article.tokens);
    if (runs.length > 0)
      result.shared = runs.map((r) => formatPassage(a.article.tokens.slice(r.startA, r.startA + r.length)));
  }
  return result;
}

/** Longest passage shown whole, in words; a longer one shows its head and tail and its length. */
const PASSAGE_WORDS = 40;

/** A shared run for display: whole when short, else "head … tail [N words]". */
export function formatPassage(words: readonly string[]): string {
  if (words.length <= PASSAGE_WORDS) return words.join(' ');
  return `${words.slice(0, 24).join(' ')} … ${words.slice(-12).join(' ')} [${words.length} words]`;
}

function timed<T>(stage: string, onStage: ScanOptions['onStage'], fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  onStage?.(stage, performance.now() - t0);
  return out;
}

function summarize(article: Article, fp: Fingerprint): DocumentSummary {
  const notes: DocumentNote[] = findSelfRepetition(fp.article);
  if (fp.article.tokens.length === 0)
    notes.unshift({
      kind: 'empty',
      first: 0,
      second: 0,
      similarity: 0,
      text: 'no words left after normalization (boilerplate or punctuation only); never linked',
    });
  const s: DocumentSummary = {
    id: article.id,
    chars: article.text.length,
    words: fp.article.tokens.length,
    normalization: fp.article.actions,
    notes,
  };
  const title = article.title ?? fp.article.title;
  if (title !== undefined) s.title = title;
  s.lang = fp.article.lang;
  if (article.date !== undefined) s.date = article.date;
  if (article.source !== undefined) s.source = article.source;
  return s;
}

/** Name the origin of a story: the member the others contain, else the earliest dated one. */
function pickOrigin(
  members: readonly string[],
  pairs: readonly PairResult[],
  dates: ReadonlyMap<string, string>,
): Pick<Story, 'origin' | 'originBy'> {
  if (members.length === 1) return {};
  const inStory = new Set(members);
  const held = new Map<string, number>();
  for (const p of pairs) {
    if (p.relation !== 'republication' || !p.container || !inStory.has(p.a) || !inStory.has(p.b)) continue;
    const inner = p.container === p.a ? p.b : p.a;
    held.set(inner, (held.get(inner) ?? 0) + 1);
  }
  const byHeld = [...held.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  if (byHeld.length > 0 && (byHeld.length === 1 || (byHeld[0]?.[1] ?? 0) > (byHeld[1]?.[1] ?? 0))) {
    return { origin: byHeld[0]?.[0], originBy: 'containment' };
  }
  const dated = members
    .filter((m) => dates.has(m))
    .sort((x, y) => (dates.get(x) as string).localeCompare(dates.get(y) as string) || x.localeCompare(y));
  if (dated.length > 0) return { origin: dated[0], originBy: 'date' };
  return {};
}

export function scanCorpus(articles: readonly Article[], options: ScanOptions = {}): ScanResult {
  const thresholds = resolveThresholds(options.thresholds);
  const { onStage } = options;
  const fps = timed('fingerprint', onStage, () => articles.map((a) => fingerprintArticle(normalizeArticle(a))));
  const vectors = timed('tfidf', onStage, () => {
    const freqs = countDocumentFrequencies(fps.map((f) => f.terms));
    const termIds = new Map<string, number>();
    return fps.map((f) => vectorizeTfIdf(f.terms, freqs, termIds));
  });
  const floor = Math.min(CANDIDATE_COSINE, thresholds.translationCosine);
  const candidates = timed('candidates', onStage, () =>
    options.candidates ? options.candidates(fps, vectors) : allPairs(fps, vectors, floor),
  );
  const judged = timed('score', onStage, () =>
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
  const stories = timed('cluster', onStage, () => {
    const edges: StoryEdge[] = judged
      .filter((p) => STORY_RELATIONS.has(p.result.relation))
      .map((p) => ({ a: p.i, b: p.j, strength: RELATION_STRENGTH[p.result.relation] + p.result.scores.cosine }));
    const groups = clusterStories(fps.length, edges);
    const pairs = judged.map((p) => p.result);
    const dates = new Map(articles.filter((a) => a.date !== undefined).map((a) => [a.id, a.date as string]));
    return groups
      .map((g) => g.map((i) => (articles[i] as Article).id).sort())
      .sort((x, y) => (x[0] as string).localeCompare(y[0] as string))
      .map((members, k): Story => ({ id: `s${k + 1}`, members, ...pickOrigin(members, pairs, dates) }));
  });
  const pairs = judged
    .map((p) => p.result)
    .filter((p) => p.relation !== 'unrelated')
    .sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const nearest =
    options.explain === false ? undefined : timed('explain', onStage, () => explainNearest(judged, fps, pairs));
  return {
    version: 1,
    documents: articles.map((a, i) => summarize(a, fps[i] as Fingerprint)),
    pairs,
    stories,
    thresholds,
    candidates: { method: candidates.method, pairs: candidates.pairs.length },
    ...(nearest ? { nearest } : {}),
  };
}

/** Above this corpus size, the passages of linked pairs are not looked up (nearest pairs always are). */
const FORMULAIC_LOOKUP_LIMIT = 5000;
const NEAREST_COUNT = 5;
/** A passage found in this many documents or more is formulaic language. */
const FORMULAIC_DOCUMENTS = 3;

/** Whether a sorted hash set holds a value (binary search). */
function hasHash(set: Uint32Array, h: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = set[mid] as number;
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Whether a passage (in matching tokens) recurs in at least `FORMULAIC_DOCUMENTS` documents: a
 * document holds it when it holds every word shingle of it (looked up in the fingerprints' sorted
 * shingle sets, so the cost is a few binary searches per document, not a text search).
 */
function isFormulaic(tokens: readonly string[], fps: readonly Fingerprint[]): boolean {
  if (tokens.length < WORD_SHINGLE_SIZE) return false;
  const hashes = hashWordShingles(tokens, WORD_SHINGLE_SIZE);
  let found = 0;
  for (const f of fps) {
    let all = true;
    for (const h of hashes) {
      if (!hasHash(f.words, h)) {
        all = false;
        break;
      }
    }
    if (all && ++found >= FORMULAIC_DOCUMENTS) return true;
  }
  return false;
}

/**
 * The closest pairs that were not linked, with the passages they share; and, for every listed
 * pair, which shared passages recur in a third document (formulaic language, not copying).
 */
function explainNearest(
  judged: ReadonlyArray<{ i: number; j: number; result: PairResult }>,
  fps: readonly Fingerprint[],
  related: readonly PairResult[],
): PairResult[] {
  const closeness = (p: PairResult): number =>
    p.scores.cosine + Math.max(p.scores.charContainmentAB, p.scores.charContainmentBA);
  const nearest = judged
    .filter((p) => p.result.relation === 'unrelated')
    .sort(
      (x, y) =>
        closeness(y.result) - closeness(x.result) ||
        x.result.a.localeCompare(y.result.a) ||
        x.result.b.localeCompare(y.result.b),
    )
    .slice(0, NEAREST_COUNT)
    .map((p) => {
      const a = fps[p.i] as Fingerprint;
      const runs = findSharedRuns(a.article.tokens, (fps[p.j] as Fingerprint).article.tokens, {
        minWords: 6,
        limit: 3,
      });
      const out: PairResult = { ...p.result };
      if (runs.length > 0)
        out.shared = runs.map((r) => formatPassage(a.article.tokens.slice(r.startA, r.startA + r.length)));
      return out;
    });
  const explained = fps.length <= FORMULAIC_LOOKUP_LIMIT ? [...related, ...nearest] : nearest;
  for (const p of explained) {
    // A passage shown whole is its tokens joined by spaces (tokens hold no spaces); a shortened
    // one ("head … tail [N words]") is a long copy, never formulaic.
    const recurring = (p.shared ?? []).filter((run) => !run.includes(' … ') && isFormulaic(run.split(' '), fps));
    if (recurring.length > 0) p.formulaic = recurring;
  }
  return nearest;
}

export interface CompareOptions {
  thresholds?: Partial<Thresholds>;
  /** Articles whose document frequencies weight the TF-IDF (the corpus the pair belongs to). */
  context?: readonly Article[];
}

/** Score and classify one pair; with `context`, IDF comes from that corpus (plus the pair). */
export function compareArticles(a: Article, b: Article, options: CompareOptions = {}): PairResult {
  const thresholds = resolveThresholds(options.thresholds);
  const fa = fingerprintArticle(normalizeArticle(a));
  const fb = fingerprintArticle(normalizeArticle(b));
  const others = (options.context ?? []).filter((x) => x.id !== a.id && x.id !== b.id);
  const freqs: DocumentFrequencies = countDocumentFrequencies([
    fa.terms,
    fb.terms,
    ...others.map((x) => fingerprintArticle(normalizeArticle(x)).terms),
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
