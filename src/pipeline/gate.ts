/**
 * The gate: is this article already in the index? Stages: normalize + fingerprint the input →
 * candidates (same normalized hash, shared LSH bands) → cheap filter on the stored signatures →
 * exact verification with the scan's own scorer (`judgePair`), IDF weighted by the index's
 * document frequencies plus the input, so the gate says what `compare --corpus <index contents>`
 * would say → verdict with the evidence.
 */

import { RELATION_STRENGTH } from '../core/relation/classify.js';
import { type Fingerprint, fingerprintArticle } from '../core/fingerprint/fingerprint.js';
import { estimateJaccard } from '../core/minhash/minhash.js';
import { type ArticleSketch, estimateMaxContainment, SIGNATURE_FILTER, sketchTokens } from '../core/minhash/sketch.js';
import { normalizeArticle } from '../core/text/normalize.js';
import type { DocumentFrequencies } from '../core/similarity/tfidf.js';
import { vectorizeTfIdf } from '../core/similarity/tfidf.js';
import type { DocumentEntry, IndexStore, StoredSketch } from '../types/store.js';
import type { Article, PairScores, Reason, Relation, Thresholds } from '../types/index.js';
import { restoreArticle, toEntry } from './indexing.js';
import { judgePair, resolveThresholds } from './scan.js';

export interface GateOptions {
  thresholds?: Partial<Thresholds>;
  /** Count a translation variant of an indexed article as redundant too. */
  countTranslations?: boolean;
  /** Index the novel articles (in one transaction, after all are gated). */
  add?: boolean;
  /** Verify at most this many candidates per article, best signature estimates first. Default 20. */
  maxCandidates?: number;
  /**
   * Verify every candidate (up to `maxCandidates`) and report all matches. By default the search
   * stops at the first redundant match: one proof answers the gate's question, and exact scoring
   * is the costly step.
   */
  allMatches?: boolean;
}

export interface GateMatch {
  id: string;
  relation: Relation;
  /** For a republication: which side holds the other ('input' or the indexed id). */
  container?: string;
  scores: PairScores;
  reasons: Reason[];
  shared?: string[];
}

export type GateVerdict = 'novel' | 'redundant';

export interface GateArticleResult {
  input: string;
  verdict: GateVerdict;
  matches: GateMatch[];
  /** The verdict in plain words, with the thresholds it crossed. */
  reasons: string[];
  /** Candidates proposed by the index and how many were verified exactly. */
  candidates: { proposed: number; verified: number };
}

export interface GateResult {
  results: GateArticleResult[];
  /** Ids indexed by `add`. */
  added: string[];
}

interface Probe {
  article: Article;
  fp: Fingerprint;
  sketch: ArticleSketch;
}

function probeArticle(article: Article, store: IndexStore): Probe {
  const fp = fingerprintArticle(normalizeArticle(article));
  return { article, fp, sketch: sketchTokens(fp.article.tokens, fp.terms, store.config) };
}

/** Candidate ids for one probe, best signature estimate first, at most `limit`. */
function proposeCandidates(
  store: IndexStore,
  probe: Probe,
  countTranslations: boolean,
  limit: number,
): { proposed: number; ids: string[] } {
  const { sketch } = probe;
  const { config } = store;
  const exact = store.findByHash(sketch.hash);
  const hits = new Set<string>(store.findByBands('chars', sketch.charKeys).map((h) => h.id));
  if (countTranslations) for (const h of store.findByBands('terms', sketch.termKeys)) hits.add(h.id);
  for (const id of exact) hits.delete(id);
  const scored: Array<{ id: string; score: number }> = [];
  for (const s of store.getSketches([...hits])) {
    const score = rankSketch(s, sketch, config.seed, countTranslations);
    if (score > 0) scored.push({ id: s.id, score });
  }
  scored.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  const ids = [...exact, ...scored.map((s) => s.id)].slice(0, limit);
  return { proposed: exact.length + hits.size, ids };
}

/** 0 when the signatures rule the pair out, else a rank (higher: more likely redundant). */
function rankSketch(s: StoredSketch, q: ArticleSketch, seed: number, countTranslations: boolean): number {
  const sig = (values: Uint32Array) => ({ seed, numPerm: values.length, values });
  let rank = 0;
  if (s.charSig.length === q.charSig.length && s.charSig.length > 0) {
    const j = estimateJaccard(sig(s.charSig), sig(q.charSig));
    const c = estimateMaxContainment(j, s.charSize, q.charSize);
    if (j >= SIGNATURE_FILTER.charJaccard || c >= SIGNATURE_FILTER.charContainment) rank = Math.max(rank, 1 + c);
  }
  if (countTranslations && s.termSig.length === q.termSig.length && s.termSig.length > 0) {
    const j = estimateJaccard(sig(s.termSig), sig(q.termSig));
    if (j >= SIGNATURE_FILTER.termJaccard) rank = Math.max(rank, j);
  }
  return rank;
}

/**
 * Document frequencies for the TF-IDF of one comparison, filled as candidates are verified: the
 * index's counts, plus the input and the novel inputs already accepted in this call (as
 * `compare --corpus` counts the pair and its corpus).
 */
class Frequencies implements DocumentFrequencies {
  readonly df = new Map<string, number>();
  readonly documents: number;
  private readonly extra = new Map<string, number>();

  constructor(
    private readonly store: IndexStore,
    probe: Fingerprint,
    pending: readonly DocumentEntry[],
  ) {
    for (const t of new Set(probe.terms)) this.extra.set(t, 1);
    for (const p of pending) for (const t of p.terms) this.extra.set(t, (this.extra.get(t) ?? 0) + 1);
    this.documents = store.getDocumentFrequencies([]).documents + 1 + pending.length;
    this.load(probe.terms);
  }

  load(terms: readonly string[]): void {
    const missing = terms.filter((t) => !this.df.has(t));
    if (missing.length === 0) return;
    for (const [t, n] of this.store.getDocumentFrequencies(missing).df) this.df.set(t, n + (this.extra.get(t) ?? 0));
  }
}

function isRedundant(relation: Relation, countTranslations: boolean): boolean {
  return (
    relation === 'duplicate' ||
    relation === 'republication' ||
    (countTranslations && relation === 'translation-variant')
  );
}

function describeMatch(m: GateMatch): string {
  const crossed = m.reasons
    .filter((r) => r.op === '>=')
    .map((r) => `${r.score} ${r.value} >= ${r.threshold}`)
    .join(', ');
  const holder =
    m.relation === 'republication' && m.container
      ? ` (${m.container === m.id ? `"${m.id}" holds the input` : `the input holds "${m.id}"`})`
      : '';
  return `${m.relation} of "${m.id}"${holder}${crossed ? `: ${crossed}` : ''}`;
}

/**
 * Gate articles against the index. With `add`, the novel ones are indexed in one transaction at
 * the end, and each input is also checked against the novel inputs before it, so two copies of
 * one new article in a single call give one novel and one redundant.
 */
export function gateArticles(store: IndexStore, articles: readonly Article[], options: GateOptions = {}): GateResult {
  const thresholds = resolveThresholds(options.thresholds);
  const countTranslations = options.countTranslations === true;
  const limit = options.maxCandidates ?? 20;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`maxCandidates must be a whole number ≥ 1, got ${String(limit)}`);
  const results: GateArticleResult[] = [];
  const pending: Array<{ probe: Probe; entry: DocumentEntry }> = [];
  for (const article of articles) {
    const probe = probeArticle(article, store);
    const { proposed, ids } = proposeCandidates(store, probe, countTranslations, limit);
    // Candidates in rank order (same text first, then the best signature estimates), fingerprinted
    // and scored one by one; unless `allMatches`, the first redundant match ends the search.
    const earlier = options.add
      ? pending.filter(
          (p) =>
            p.entry.hash === probe.sketch.hash ||
            rankSketch(p.entry, probe.sketch, store.config.seed, countTranslations) > 0,
        )
      : [];
    const freqs = new Frequencies(
      store,
      probe.fp,
      pending.map((p) => p.entry),
    );
    const termIds = new Map<string, number>();
    const vq = vectorizeTfIdf(probe.fp.terms, freqs, termIds);
    const matches: GateMatch[] = [];
    const queue: Array<() => Fingerprint | undefined> = [
      ...earlier.map((p) => () => p.probe.fp),
      ...ids.map((id) => () => {
        const [doc] = store.getDocuments([id]);
        return doc ? fingerprintArticle(normalizeArticle(restoreArticle(doc))) : undefined;
      }),
    ];
    let verified = 0;
    for (const next of queue) {
      const other = next();
      if (!other) continue;
      verified++;
      freqs.load(other.terms);
      const pair = judgePair(probe.fp, other, vq, vectorizeTfIdf(other.terms, freqs, termIds), thresholds);
      if (pair.relation === 'unrelated') continue;
      const m: GateMatch = { id: other.id, relation: pair.relation, scores: pair.scores, reasons: pair.reasons };
      if (pair.container !== undefined) m.container = pair.container === probe.fp.id ? 'input' : other.id;
      if (pair.shared) m.shared = pair.shared;
      matches.push(m);
      if (!options.allMatches && isRedundant(pair.relation, countTranslations)) break;
    }
    matches.sort(
      (x, y) =>
        RELATION_STRENGTH[y.relation] - RELATION_STRENGTH[x.relation] ||
        y.scores.cosine - x.scores.cosine ||
        x.id.localeCompare(y.id),
    );
    const redundant = matches.filter((m) => isRedundant(m.relation, countTranslations));
    const verdict: GateVerdict = redundant.length > 0 ? 'redundant' : 'novel';
    const reasons =
      verdict === 'redundant'
        ? redundant.map(describeMatch)
        : [
            verified === 0
              ? `no indexed article comes close (${proposed} LSH candidate${proposed === 1 ? '' : 's'}, none passed the signature filter)`
              : `none of ${verified} verified candidate${verified === 1 ? '' : 's'} is a duplicate or republication${countTranslations ? ' or translation variant' : ''}`,
          ];
    results.push({ input: article.id, verdict, matches, reasons, candidates: { proposed, verified } });
    if (options.add && verdict === 'novel') {
      const s = probe.sketch;
      pending.push({
        probe,
        entry: toEntry(article, s),
      });
    }
  }
  if (options.add && pending.length > 0) {
    const taken = store.getHashes(pending.map((p) => p.entry.id));
    const clash = pending.find((p) => taken.has(p.entry.id));
    if (clash) throw new RangeError(`cannot add "${clash.entry.id}": another document with this id is already indexed`);
    store.applyBatch({ add: pending.map((p) => p.entry) });
  }
  return { results, added: pending.map((p) => p.entry.id) };
}
