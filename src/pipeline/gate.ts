/**
 * The gate: is this article already in the index? Stages per article: prepare (normalize,
 * fingerprint, sketch) → candidates (same normalized hash, shared LSH bands, the signature filter)
 * → verify (the scan's own judge, IDF from the index's document frequencies plus the input, so the
 * gate says what `compare --corpus <index contents>` would say) → decide (core/gate.ts) → for a
 * novel article, the event check (the key index's documents sharing its names within the date
 * window, judged by core/events/known.ts). With `add`, the novel articles are written at the end
 * in one transaction. Wiring only.
 */

import {
  countIndexTerms,
  eventQuery,
  findKnownEvent,
  restoreEventDocument,
  sketchEvent,
  weighIndexNames,
} from '../core/events/known.js';
import { type Fingerprint, fingerprintArticle } from '../core/fingerprint/fingerprint.js';
import { decideGate, isRedundant, noteKnownEvent, sortMatches, toGateMatch } from '../core/gate.js';
import { rankSignatures, SAMPLE_FILTER, screenCharSignatures } from '../core/minhash/filter.js';
import { type ArticleSketch, sketchScanned } from '../core/minhash/sketch.js';
import { judgePair, resolveThresholds } from '../core/relation/judge.js';
import type { SparseVector } from '../core/similarity/cosine.js';
import type { DocumentFrequencies } from '../core/similarity/tfidf.js';
import { vectorizeTfIdf } from '../core/similarity/tfidf.js';
import { normalizeArticle, selectParagraphs } from '../core/text/normalize.js';
import { createScanCache, type ScanCache, scanArticle, trimScanCache } from '../core/text/tokenCache.js';
import { contentTermsCached, createWordCache, type WordCache } from '../core/text/wordCache.js';
import type { AnchorResources } from '../core/xling/anchors.js';
import {
  type Article,
  type BandQuery,
  type CandidateSignatures,
  type DocumentEntry,
  type EventEntry,
  type GateArticleResult,
  type GateEventResult,
  type GateMatch,
  type GateResult,
  type IndexStore,
  InputError,
  type LookupSession,
  type NormalizedArticle,
  type Thresholds,
} from '../types/index.js';
import { loadAnchorTables, restoreArticle, storedSelection, toEntry } from './indexing.js';

export interface GateOptions {
  thresholds?: Partial<Thresholds>;
  /** Count a translation variant of an indexed article as redundant too. */
  countTranslations?: boolean;
  /** Index the novel articles (in one transaction, after all are gated). */
  add?: boolean;
  /**
   * Verify at most this many candidates per article in each of the three rounds (`proposeCandidates`),
   * best signature estimates first. Default 20.
   */
  maxCandidates?: number;
  /**
   * Verify every candidate (up to `maxCandidates`) and report all matches. By default the search
   * stops at the first redundant match: one proof answers the gate's question, and exact scoring
   * is the costly step.
   */
  allMatches?: boolean;
  /** Tables names are read with for the event check (default: the shipped ones, as the index was built with). */
  anchors?: AnchorResources;
  /**
   * Content terms kept in the article's event sketch (default `EVENT_SKETCH_TERMS`, as the index
   * keeps them): another value only to measure the sketch's effect (scripts/knownEvents.ts).
   */
  eventSketchTerms?: number;
}

interface Probe {
  article: Article;
  sketch: ArticleSketch;
  /** The fingerprint the judge scores, made on first use: most inputs reach no candidate at all. */
  fp: () => Fingerprint;
  /** The event sketch, made when the article is novel (and for `add`). */
  event: () => EventEntry;
}

/** A novel input kept for `add`, with its entry. */
interface Pending {
  probe: Probe;
  entry: DocumentEntry;
}

/**
 * The one-pass scanner's cache of folded words and their terms, kept for the process: a service
 * that gates one article per call would otherwise fold and stem every word of every article anew
 * (about half of a novel article's gate time). Bounded by `trimScanCache` (500,000 forms); what it
 * holds never changes an answer, only how fast it is found.
 */
let scanCache: ScanCache | undefined;

/**
 * The verifier's words, folded and stemmed once for the process (`core/text/wordCache.ts`): the
 * judge fingerprints the input and each candidate it reads, and the Porter stemmer alone was
 * 6.6 % of a profile of the bench's 300 queries at 100k before (`node --cpu-prof`). Bounded
 * likewise; it changes no answer (the same verdicts and matches on those queries).
 */
let wordCache: WordCache | undefined;

/** What a gate call shares between its articles: the event tables and the process's word caches. */
type Wired = GateOptions & { anchors: AnchorResources; cache: ScanCache; words: WordCache };

/**
 * The article's sketch by the one-pass scanner (`scanArticle`, as `index add` sketches: the same
 * sketch as `sketchTokens(normalizeArticle(…).tokens, contentTerms(…))`, pinned by a test, in about
 * half the time); the normalized text, which the judge and the event sketch read, only when one of
 * them is asked for: most inputs reach no candidate at all.
 */
function probeArticle(article: Article, store: IndexStore, options: Wired): Probe {
  trimScanCache(options.cache);
  // Body extraction once: the scanner and, when asked, the normalizer read the same selection.
  const selected = selectParagraphs(article.text, article.lang);
  const scanned = scanArticle(article, store.config.charShingle, options.cache, selected);
  const terms = scanned.termIds.map((t) => options.cache.terms[t] as string);
  const sketch: ArticleSketch = { ...sketchScanned(scanned, store.config), terms };
  let normalized: NormalizedArticle | undefined;
  const norm = () => (normalized ??= normalizeArticle(article, { selected, words: options.words }));
  let fp: Fingerprint | undefined;
  let event: EventEntry | undefined;
  return {
    article,
    sketch,
    fp: () => (fp ??= fingerprintArticle(norm(), options.words)),
    event: () =>
      (event ??= sketchEvent(
        norm(),
        article.date,
        // The event sketch counts the content terms of the token stream, repeats included.
        contentTermsCached(options.words, norm().tokens, norm().lang),
        options.anchors,
        options.eventSketchTerms !== undefined ? { maxTerms: options.eventSketchTerms } : {},
      )),
  };
}

/**
 * The event check of a novel article: the key index's candidates (its names' keys, its date
 * window), their names weighted by the index's name frequencies and their term sketches by its
 * term frequencies (plus the article's), judged by `findKnownEvent`.
 */
async function checkEvent(store: IndexStore, probe: Probe): Promise<GateEventResult> {
  const entry = probe.event();
  const found = await store.findEventCandidates(eventQuery(entry.sketch));
  if (found.length === 0) return { known: false, matches: [] };
  const names = new Set([...entry.mainKeys, ...found.flatMap((f) => f.sketch.names.map((n) => n.key))]);
  const weight = weighIndexNames(await store.getNameFrequencies(names), entry);
  const terms = new Set([entry.sketch, ...found.map((f) => f.sketch)].flatMap((s) => s.terms.map(([t]) => t)));
  const freqs = countIndexTerms(await store.getDocumentFrequencies(terms), new Set(probe.sketch.terms));
  const termIds = new Map<string, number>();
  const article = restoreEventDocument(probe.article.id, entry.sketch, freqs, termIds);
  const candidates = found.map((f) => restoreEventDocument(f.id, f.sketch, freqs, termIds));
  return findKnownEvent(article, candidates, weight);
}

/**
 * The band keys a document must share with the probe to be looked at in the first round. See
 * `proposeCandidates`.
 */
const FIRST_ROUND_BANDS = 2;

/** The index's candidates for one probe, in the order they are verified. */
interface Proposal {
  /**
   * Documents the look-ups made so far found (what `candidates.proposed` reports): every document
   * under one of the probe's band keys, and, once the sampled shingles were looked up, those found
   * through them. A later round adds to it.
   */
  proposed: number;
  /** The exact copies, then the first round's documents that pass the signature filter, best first. */
  first: string[];
  /**
   * The later rounds, in order, each read only when the rounds before it settle nothing: the
   * documents found through the sampled shingles, then those under one band key alone; each gives
   * the documents it adds that pass the filter, best first.
   */
  later: Array<() => Promise<string[]>>;
}

const byScore = (kept: ReadonlyArray<{ id: string; score: number }>): string[] =>
  [...kept].sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).map((k) => k.id);

/**
 * Candidate ids for one probe, in three rounds. First the same normalized hash, then the documents
 * under at least `FIRST_ROUND_BANDS` of its band keys that pass the signature filter, best
 * estimate first; then, only if those settle nothing, the documents sharing enough sampled
 * shingles (the containment channel), then those under a single band key. The signatures come
 * from the narrow sketch table, ids only for the documents the filter keeps; each round has a
 * budget of `limit` of its own.
 *
 * Why the bands come first: with 32 bands of 2 rows the chance collisions grow with the index,
 * nearly all under one band key, while a copy (Jaccard ≥ 0.5) is under two or more with
 * probability 0.999 (0.97 at 0.4, 0.80 at 0.3; the others are in a later round). The index
 * bench's 150 variant queries found 132 documents each at 100k and 1,006 at 1M, of which the
 * first round read 45 and 64; 2 of the 150 needed the single-key round at 1M. On the 1M index, one
 * round → two: generated variants p50 17.7 → 9.8 ms, p90 41.1 → 17.5 ms
 * (`scripts/gateLatency.ts`); the bench's 300 queries p50 16.3 → 12.4 ms, the same verdicts, p99
 * 81.0 → 83.5 ms (`scripts/compareGate.ts`): a novel input still reads every round.
 *
 * Why the sampled shingles come second: they find what the bands miss (an excerpt, a preview,
 * a truncation: a small share of its source), and asking for them is the costliest look-up of a
 * query (each of about 80 sampled keys counted up to 201 postings, the short lists grouped by
 * document, the sizes of the several hundred documents sharing two weighed): on the bench's 100k
 * index, 2.1 ms of a redundant query's 6.5 when the store did that work in JavaScript, which a
 * copy the bands find does not need.
 */
async function proposeCandidates(
  store: IndexStore,
  probe: Probe,
  countTranslations: boolean,
  limit: number,
): Promise<Proposal> {
  const { sketch } = probe;
  const exact = await store.findByHash(sketch.hash);
  const bands: BandQuery = countTranslations
    ? { chars: sketch.charKeys, terms: sketch.termKeys }
    : { chars: sketch.charKeys };
  const rank = (s: CandidateSignatures) => rankSignatures(s, sketch, store.config.seed, countTranslations);
  // The rounds' shared look-ups: the band postings read once, no signatures ranked twice; with the
  // character channel alone, a document its digest rules out is not read at all.
  const session: LookupSession = {};
  const screen = countTranslations ? undefined : screenCharSignatures(sketch);
  const round = await store.findRankedSketches(bands, rank, { minBands: FIRST_ROUND_BANDS, session, screen });
  // The exact copies are proposed first, whatever their rank (theirs passes: one signature), and
  // not counted twice.
  const seen = new Set([...exact, ...round.kept.map((k) => k.id)]);
  const exactFound = new Set(round.kept.filter((k) => exact.includes(k.id)).map((k) => k.id));
  const scored = round.kept.filter((k) => !exact.includes(k.id));
  const proposal: Proposal = {
    proposed: exact.length + round.found - exactFound.size,
    first: [...exact, ...byScore(scored)].slice(0, limit),
    later: [],
  };
  // The containment channel (an index made before it has no sampled shingles: none are asked).
  const oneIn = store.config.containment?.oneIn;
  if (oneIn && sketch.sampleKeys.length > 0) {
    const samples = { keys: sketch.sampleKeys, oneIn, ...SAMPLE_FILTER };
    proposal.later.push(async () => {
      // The band keys again, so that `found` counts the documents of both channels once; only the
      // documents found through the sampled shingles are read (no number of band keys is enough).
      const sampled = await store.findRankedSketches({ ...bands, samples }, rank, {
        minBands: Number.POSITIVE_INFINITY,
        session,
        screen,
      });
      for (const k of sampled.kept) if (exact.includes(k.id)) exactFound.add(k.id);
      proposal.proposed = exact.length + sampled.found - exactFound.size;
      const added = sampled.kept.filter((k) => !seen.has(k.id));
      for (const k of added) seen.add(k.id);
      return byScore(added).slice(0, limit);
    });
  }
  if (round.looked < round.found)
    // A budget of its own: the earlier rounds' candidates, verified first, must not use up the
    // places of a better-ranked document of this one (on the bench's 1M index a truncation's
    // source came second to 20 documents sharing lines with it, and the input was called novel).
    proposal.later.push(async () => {
      const all = await store.findRankedSketches(bands, rank, { session, screen });
      return byScore(all.kept.filter((k) => !seen.has(k.id))).slice(0, limit);
    });
  return proposal;
}

/**
 * Document frequencies for the TF-IDF of one comparison, filled as candidates are verified: the
 * index's counts, plus the input and the novel inputs already accepted in this call (as
 * `compare --corpus` counts the pair and its corpus).
 */
class Frequencies implements DocumentFrequencies {
  readonly df = new Map<string, number>();
  documents = 0;
  private readonly extra = new Map<string, number>();

  private constructor(private readonly store: IndexStore) {}

  /**
   * The counts of the probe's terms and of the first candidate's (`also`), with the document
   * count, in one call: a redundant input verifies one candidate, and a second call for that
   * candidate's terms is a statement (or, on PostgreSQL, a round trip) more. On the bench's 1M
   * index, the variants: 1.65 → 1.13 calls a query, 1.22 → 1.12 ms (`scripts/gateRounds.ts`; the
   * cost is in the terms, about 300 a query, not in the calls).
   */
  static async start(
    store: IndexStore,
    probe: Fingerprint,
    pending: readonly DocumentEntry[],
    also: readonly string[] = [],
  ): Promise<Frequencies> {
    const f = new Frequencies(store);
    for (const t of new Set(probe.terms)) f.extra.set(t, 1);
    for (const p of pending) for (const t of p.terms ?? []) f.extra.set(t, (f.extra.get(t) ?? 0) + 1);
    const { documents, df } = await store.getDocumentFrequencies([...probe.terms, ...also]);
    f.documents = documents + 1 + pending.length;
    for (const [t, n] of df) f.df.set(t, n + (f.extra.get(t) ?? 0));
    return f;
  }

  async load(terms: readonly string[]): Promise<void> {
    const missing = terms.filter((t) => !this.df.has(t));
    if (missing.length === 0) return;
    const { df } = await this.store.getDocumentFrequencies(missing);
    for (const [t, n] of df) this.df.set(t, n + (this.extra.get(t) ?? 0));
  }
}

/**
 * Verify candidates in the order given (novel inputs of this call first, then the index's),
 * fingerprinted and judged one by one; unless `allMatches`, the first redundant match ends the
 * search, and what the queue has not produced yet is never read.
 */
async function verifyCandidates(
  store: IndexStore,
  probe: Probe,
  queue: AsyncIterable<Fingerprint | undefined>,
  pending: readonly Pending[],
  thresholds: Thresholds,
  options: GateOptions,
): Promise<{ matches: GateMatch[]; verified: number }> {
  const countTranslations = options.countTranslations === true;
  const matches: GateMatch[] = [];
  let verified = 0;
  // The input's fingerprint and frequencies, made when the first candidate arrives.
  let judge: { fp: Fingerprint; freqs: Frequencies; termIds: Map<string, number>; vq: SparseVector } | undefined;
  for await (const other of queue) {
    if (!other) continue;
    if (!judge) {
      const fp = probe.fp();
      const freqs = await Frequencies.start(
        store,
        fp,
        pending.map((p) => p.entry),
        other.terms,
      );
      const termIds = new Map<string, number>();
      judge = { fp, freqs, termIds, vq: vectorizeTfIdf(fp.terms, freqs, termIds) };
    }
    const { fp, freqs, termIds, vq } = judge;
    verified++;
    await freqs.load(other.terms);
    const pair = judgePair(fp, other, vq, vectorizeTfIdf(other.terms, freqs, termIds), thresholds);
    if (pair.relation === 'unrelated') continue;
    matches.push(toGateMatch(pair, fp.id, other.id));
    if (!options.allMatches && isRedundant(pair.relation, countTranslations)) break;
  }
  return { matches, verified };
}

/** Gate one article against the index and the novel inputs before it. */
async function gateOne(
  store: IndexStore,
  article: Article,
  pending: readonly Pending[],
  thresholds: Thresholds,
  options: Wired,
  limit: number,
): Promise<{ result: GateArticleResult; probe: Probe }> {
  const countTranslations = options.countTranslations === true;
  const probe = probeArticle(article, store, options);
  const proposal = await proposeCandidates(store, probe, countTranslations, limit);
  const earlier = options.add
    ? pending.filter(
        (p) =>
          p.entry.hash === probe.sketch.hash ||
          rankSignatures(p.entry, probe.sketch, store.config.seed, countTranslations) > 0,
      )
    : [];
  const read = async (id: string): Promise<Fingerprint | undefined> => {
    const [doc] = await store.getDocuments([id]);
    if (!doc) return undefined;
    // Its paragraphs from its body plan when it has one: the same selection, its body not
    // extracted again (see `storedSelection`).
    const selected = storedSelection(doc);
    const normalized = normalizeArticle(restoreArticle(doc), {
      words: options.words,
      ...(selected ? { selected } : {}),
    });
    return fingerprintArticle(normalized, options.words);
  };
  async function* queue(): AsyncGenerator<Fingerprint | undefined> {
    for (const p of earlier) yield p.probe.fp();
    for (const id of proposal.first) yield read(id);
    for (const round of proposal.later) for (const id of await round()) yield read(id);
  }
  const { matches, verified } = await verifyCandidates(store, probe, queue(), pending, thresholds, options);
  sortMatches(matches);
  const proposed = proposal.proposed;
  const { verdict, reasons } = decideGate(matches, { proposed, verified }, countTranslations);
  const result: GateArticleResult = {
    input: article.id,
    verdict,
    matches,
    reasons,
    candidates: { proposed, verified },
  };
  // Only an index that keeps event sketches (`index add --events`) can answer it.
  if (verdict === 'novel' && store.config.events === true) {
    result.event = await checkEvent(store, probe);
    result.reasons = noteKnownEvent(reasons, result.event);
  }
  return { result, probe };
}

/**
 * Gate articles against the index. With `add`, the novel ones are indexed in one transaction at
 * the end, and each input is also checked against the novel inputs before it, so two copies of
 * one new article in a single call give one novel and one redundant.
 */
export async function gateArticles(
  store: IndexStore,
  articles: readonly Article[],
  options: GateOptions = {},
): Promise<GateResult> {
  const thresholds = resolveThresholds(options.thresholds);
  const limit = options.maxCandidates ?? 20;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`maxCandidates must be a whole number ≥ 1, got ${String(limit)}`);
  const results: GateArticleResult[] = [];
  const pending: Pending[] = [];
  const events = store.config.events === true;
  // The tables are read only for an index that keeps event sketches (6–17 ms on first use).
  scanCache ??= createScanCache();
  wordCache ??= createWordCache();
  const wired: Wired = {
    ...options,
    anchors: options.anchors ?? (events ? loadAnchorTables() : {}),
    cache: scanCache,
    words: wordCache,
  };
  for (const article of articles) {
    const { result, probe } = await gateOne(store, article, pending, thresholds, wired, limit);
    results.push(result);
    if (options.add && result.verdict === 'novel')
      pending.push({ probe, entry: toEntry(article, probe.sketch, events ? probe.event() : undefined) });
  }
  if (options.add && pending.length > 0) {
    const taken = await store.getHashes(pending.map((p) => p.entry.id));
    // Checked again inside the write: another process may have added one of these ids meanwhile.
    const { conflicts } =
      taken.size > 0 ? { conflicts: [...taken.keys()] } : await store.applyBatch({ add: pending.map((p) => p.entry) });
    const clash = pending.find((p) => conflicts.includes(p.entry.id));
    if (clash)
      throw new InputError(
        `cannot add "${clash.entry.id}": another article with this id is already indexed (remove it first with \`copydesk index remove\`, or give the new one another id); nothing was added`,
        clash.probe.article.origin,
      );
  }
  return { results, added: pending.map((p) => p.entry.id) };
}
