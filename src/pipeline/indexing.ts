/**
 * The persistent index, as named stages: read → sketch (normalize, fingerprint, MinHash, band
 * keys) → write in batches. `add`, `remove`, `rebuild` and `stats` work on any `IndexStore`.
 *
 * Each batch is one transaction: a killed `index add` leaves every batch before the one it was
 * writing, whole, and nothing of that one. Band keys are written deferred and merged once at the
 * end of the call (see `deferKeys` in types/store.ts): random B-tree inserts per batch were the
 * main cost of indexing past 10k documents. Document frequencies arrive counted per batch from
 * where the batch was sketched (`PreparedBatch.termCounts`).
 *
 * Several writers may add to one index at once. A batch says what it expects to find; when another
 * writer changed one of its ids in the meantime, the store applies nothing and names the ids, and
 * the batch is planned again for them (`planConflicts`): an identical text is then `unchanged`,
 * another one replaces the stored one (the last writer wins).
 */

import { sketchEvent } from '../core/events/known.js';
import { computeBandKeys } from '../core/minhash/lsh.js';
import { type ArticleSketch, samplesOf, sketchBatch, sketchTokens } from '../core/minhash/sketch.js';
import { normalizeArticle, type SelectedParagraphs, selectByPlan, selectParagraphs } from '../core/text/normalize.js';
import { contentTerms } from '../core/text/terms.js';
import {
  createScanCache,
  createTokenCache,
  scanArticle,
  type TokenCache,
  tokenizeAndTermsFast,
} from '../core/text/tokenCache.js';
import type { AnchorResources } from '../core/xling/anchors.js';
import { parseEquivalents } from '../core/xling/equivalents.js';
import { readEquivalentsTextSync } from '../io/resources.js';
import type {
  Article,
  DocumentEntry,
  EventEntry,
  IndexStore,
  RemovedDocument,
  SketchConfig,
  StoredDocument,
} from '../types/index.js';

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * A batch of articles sketched: one sketch per article in input order, and the distinct content
 * terms of each, as indexes into one term table for the batch (typed arrays, not a string list
 * per article: they cross from the worker threads, and the writer counts them per batch).
 */
export interface PreparedBatch {
  sketches: BatchSketch[];
  /** The distinct stemmed content words of the batch. */
  terms: string[];
  /** Article i's distinct terms are `terms[docTerms[k]]` for k in [termStart[i], termStart[i + 1]). */
  docTerms: Uint32Array;
  termStart: Uint32Array;
  /**
   * The event sketch of each article (for the gate's "known event"), in input order: only when the
   * config asks for them (`SketchConfig.events`).
   */
  events?: EventEntry[];
}

/** A sketch without its term list (the terms are counted in `PreparedBatch.termCounts`). */
export type BatchSketch = Omit<ArticleSketch, 'terms'>;

/** Sketches articles; the default runs in this thread, `workers/pool.ts` in worker threads. */
export type PrepareBatch = (articles: readonly Article[], config: SketchConfig) => Promise<PreparedBatch>;

export interface IndexProgress {
  done: number;
  /** Articles in the input, when known before the end (not for streamed input). */
  total?: number;
  /** Characters of article text handled so far. */
  chars: number;
}

export interface AddOptions {
  batchSize?: number;
  prepare?: PrepareBatch;
  onProgress?: (p: IndexProgress) => void;
  /**
   * Leave the band keys pending at the end (a bulk load in several calls merges once, with
   * `store.mergePendingKeys()`, after the last). Look-ups find pending keys, more slowly.
   */
  keepPendingKeys?: boolean;
}

export interface AddResult {
  added: string[];
  replaced: string[];
  unchanged: string[];
  batches: number;
}

/** What the index keeps of an article besides its text. */
export function describeArticle(article: Article): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const key of ['title', 'lang', 'date', 'source', 'url', 'origin', 'meta'] as const) {
    if (article[key] !== undefined) meta[key] = article[key];
  }
  return meta;
}

/** The article a stored document came from. */
export function restoreArticle(doc: StoredDocument): Article {
  return { ...(doc.meta as Partial<Article>), id: doc.id, text: doc.text };
}

/**
 * A stored document's paragraphs as `selectParagraphs` selects them from its text, made from its
 * body plan without extracting the body again (`selectByPlan`); undefined when it has no plan, or
 * one this copydesk cannot use: the caller selects then.
 */
export function storedSelection(doc: StoredDocument): SelectedParagraphs | undefined {
  return doc.plan === undefined ? undefined : selectByPlan(doc.text, doc.plan);
}

/** The parsed tables, read once per process (or worker thread): read-only after loading. */
let anchorTables: AnchorResources | undefined;

/**
 * The tables an event sketch reads names with: the equivalents table shipped in data/ (the same
 * for `index add`, `index rebuild`, the worker threads and the gate, so keys agree). Read and
 * parsed on first use (6–17 ms), then shared: a library caller gating one article per call would
 * otherwise pay that on every call.
 */
export function loadAnchorTables(): AnchorResources {
  anchorTables ??= { equivalents: parseEquivalents(readEquivalentsTextSync()) };
  return anchorTables;
}

/** The event sketch of an article (normalized here: the fast sketching path keeps no normalized text). */
export function eventOf(article: Article, anchors: AnchorResources): EventEntry {
  const normalized = normalizeArticle(article);
  return sketchEvent(normalized, article.date, contentTerms(normalized.tokens, normalized.lang), anchors);
}

/**
 * Normalize and sketch one article: everything the store needs. With a token cache it takes the
 * fast path (`core/text/tokenCache.ts`: the same tokens and terms, most of them from the cache).
 */
export function prepareEntry(
  article: Article,
  config: SketchConfig,
  cache?: TokenCache,
  anchors?: AnchorResources,
): DocumentEntry {
  if (cache) {
    const { tokens, terms, plan } = tokenizeAndTermsFast(article, cache);
    const event = config.events === true ? eventOf(article, anchors ?? loadAnchorTables()) : undefined;
    return toEntry(article, withPlan(sketchTokens(tokens, terms, config), plan), event);
  }
  const selected = selectParagraphs(article.text, article.lang);
  const normalized = normalizeArticle(article, { selected });
  const terms = contentTerms(normalized.tokens, normalized.lang);
  const event =
    config.events === true ? sketchEvent(normalized, article.date, terms, anchors ?? loadAnchorTables()) : undefined;
  return toEntry(article, withPlan(sketchTokens(normalized.tokens, terms, config), selected.plan), event);
}

/** `sketch` with the body plan of its article's selection, when there is one. */
function withPlan<T extends object>(sketch: T, plan: string | undefined): T & { plan?: string } {
  return plan === undefined ? sketch : { ...sketch, plan };
}

/** The event sketches of a batch when the config keeps them (`SketchConfig.events`), else none. */
function eventsOf(
  articles: readonly Article[],
  config: SketchConfig,
  anchors: () => AnchorResources,
): { events?: EventEntry[] } {
  if (config.events !== true) return {};
  const tables = anchors();
  return { events: articles.map((a) => eventOf(a, tables)) };
}

export function toEntry(
  article: Article,
  s: BatchSketch & { terms?: readonly string[] },
  event?: EventEntry,
): DocumentEntry {
  const entry: DocumentEntry = {
    id: article.id,
    text: article.text,
    meta: describeArticle(article),
    hash: s.hash,
    chars: article.text.length,
    words: s.words,
    charSize: s.charSize,
    charSig: s.charSig,
    charKeys: s.charKeys,
    termSize: s.termSize,
    termSig: s.termSig,
    termKeys: s.termKeys,
  };
  if (s.sampleKeys.length > 0) entry.sampleKeys = s.sampleKeys;
  if (s.plan !== undefined) entry.plan = s.plan;
  if (s.terms) entry.terms = s.terms;
  if (event) entry.event = event;
  return entry;
}

/** Sketch a batch with a token cache (the path before the one-pass scanner; kept as the bench's baseline). */
export function prepareBatchWith(
  articles: readonly Article[],
  config: SketchConfig,
  cache: TokenCache,
  anchors: () => AnchorResources = loadAnchorTables,
): PreparedBatch {
  const table = new Map<string, number>();
  const docTerms: number[] = [];
  const termStart = new Uint32Array(articles.length + 1);
  const sketches = articles.map((a, i) => {
    const { tokens, terms, plan } = tokenizeAndTermsFast(a, cache);
    const { terms: distinct, ...sketch } = withPlan(sketchTokens(tokens, terms, config), plan);
    for (const t of distinct) {
      let k = table.get(t);
      if (k === undefined) {
        k = table.size;
        table.set(t, k);
      }
      docTerms.push(k);
    }
    termStart[i + 1] = docTerms.length;
    return sketch;
  });
  return {
    sketches,
    terms: [...table.keys()],
    docTerms: Uint32Array.from(docTerms),
    termStart,
    ...eventsOf(articles, config, anchors),
  };
}

/** One prepared batch from consecutive parts (the slices sketched by each worker), in order. */
export function joinPreparedBatches(parts: readonly PreparedBatch[]): PreparedBatch {
  if (parts.length === 1) return parts[0] as PreparedBatch;
  const table = new Map<string, number>();
  const sketches: BatchSketch[] = [];
  const events = parts.every((p) => p.events !== undefined) ? { events: parts.flatMap((p) => p.events ?? []) } : {};
  const n = parts.reduce((sum, p) => sum + p.sketches.length, 0);
  const termStart = new Uint32Array(n + 1);
  const docTerms = new Uint32Array(parts.reduce((sum, p) => sum + p.docTerms.length, 0));
  let at = 0;
  for (const p of parts) {
    const remap = p.terms.map((t) => {
      let k = table.get(t);
      if (k === undefined) {
        k = table.size;
        table.set(t, k);
      }
      return k;
    });
    const base = termStart[sketches.length] as number;
    for (let k = 0; k < p.docTerms.length; k++) docTerms[base + k] = remap[p.docTerms[k] as number] as number;
    for (let i = 0; i < p.sketches.length; i++) {
      termStart[sketches.length + 1] = base + (p.termStart[i + 1] as number);
      sketches.push(p.sketches[i] as BatchSketch);
    }
    at += p.docTerms.length;
  }
  return { sketches, terms: [...table.keys()], docTerms: docTerms.subarray(0, at), termStart, ...events };
}

/** Document frequencies of the articles of a prepared batch that `keep` selects. */
export function countPreparedTerms(prepared: PreparedBatch, keep: (i: number) => boolean): Map<string, number> {
  const counts = new Uint32Array(prepared.terms.length);
  for (let i = 0; i < prepared.sketches.length; i++) {
    if (!keep(i)) continue;
    for (let k = prepared.termStart[i] as number; k < (prepared.termStart[i + 1] as number); k++) {
      const t = prepared.docTerms[k] as number;
      counts[t] = (counts[t] as number) + 1;
    }
  }
  const out = new Map<string, number>();
  counts.forEach((n, k) => {
    if (n > 0) out.set(prepared.terms[k] as string, n);
  });
  return out;
}

/**
 * Prepare in this thread, with a cache that lives as long as the returned function: the one-pass
 * scanner (`sketchBatch`), or with `path: 'tokens'` the path before it (the bench's baseline);
 * each article's event sketch beside when the config keeps them (read with the tables `anchors`
 * gives, by default the shipped ones, loaded on first use).
 */
export function createInThreadPrepare(
  path: 'scan' | 'tokens' = 'scan',
  anchors: () => AnchorResources = loadAnchorTables,
): PrepareBatch {
  if (path === 'tokens') {
    const cache = createTokenCache();
    return async (articles, config) => prepareBatchWith(articles, config, cache, anchors);
  }
  const cache = createScanCache();
  return async (articles, config) => ({
    ...sketchBatch(articles, config, cache),
    ...eventsOf(articles, config, anchors),
  });
}

/** The distinct content terms of an article (the reference path). */
/**
 * A stored article read again as `index add` read it, in one pass of the scanner: its distinct
 * content terms and its sampled shingles (none when the index has no containment channel).
 */
function rescan(
  article: Article,
  config: SketchConfig,
  selected?: SelectedParagraphs,
): { terms: string[]; sampleKeys: Uint32Array } {
  const cache = createScanCache();
  const scanned = scanArticle(article, config.charShingle, cache, selected);
  return {
    terms: [...new Set(scanned.termIds)].map((t) => cache.terms[t] as string),
    sampleKeys: samplesOf(scanned.charSet, config),
  };
}

/** What must be undone to remove a stored document: its band keys (from its stored signatures), its sampled shingles and its terms (from its text). */
export async function describeRemoval(store: IndexStore, id: string): Promise<RemovedDocument | undefined> {
  const [doc] = await store.getDocuments([id]);
  const [sketch] = await store.getSketches([id]);
  if (!doc || !sketch) return undefined;
  const { config } = store;
  const keysOf = (sig: Uint32Array, channel: 'chars' | 'terms'): Uint32Array =>
    sig.length === config[channel].numPerm
      ? computeBandKeys({ seed: config.seed, numPerm: sig.length, values: sig }, config[channel])
      : new Uint32Array(0);
  return {
    id,
    hash: doc.hash,
    charKeys: keysOf(sketch.charSig, 'chars'),
    termKeys: keysOf(sketch.termSig, 'terms'),
    ...rescan(restoreArticle(doc), config, storedSelection(doc)),
  };
}

type Status = 'added' | 'replaced' | 'unchanged';

/**
 * Write one prepared batch: compare with the stored hashes, describe what replacements remove,
 * and apply; when another writer changed some of the ids meanwhile, look at those again and apply
 * the corrected batch (a few rounds at most: each round settles the ids it saw change).
 */
async function writeBatch(
  store: IndexStore,
  articles: readonly Article[],
  prepared: PreparedBatch,
  deferKeys: boolean,
): Promise<{ status: Status[]; written: boolean }> {
  const entries = articles.map((a, i) => toEntry(a, prepared.sketches[i] as BatchSketch, prepared.events?.[i]));
  const status: Status[] = [];
  const removals = new Map<string, RemovedDocument>();
  const plan = async (indexes: readonly number[]): Promise<void> => {
    const stored = await store.getHashes(indexes.map((i) => (entries[i] as DocumentEntry).id));
    for (const i of indexes) {
      const e = entries[i] as DocumentEntry;
      const old = stored.get(e.id);
      removals.delete(e.id);
      if (old === e.hash) status[i] = 'unchanged';
      else if (old === undefined) status[i] = 'added';
      else {
        const r = await describeRemoval(store, e.id);
        if (r) removals.set(e.id, r);
        status[i] = r ? 'replaced' : 'added';
      }
    }
  };
  await plan(entries.map((_, i) => i));
  for (let round = 0; ; round++) {
    const keep = (i: number) => status[i] !== 'unchanged';
    const add = entries.filter((_, i) => keep(i));
    if (add.length === 0 && removals.size === 0) return { status, written: false };
    const termCounts = countPreparedTerms(prepared, keep);
    const { conflicts } = await store.applyBatch({ remove: [...removals.values()], add, termCounts, deferKeys });
    if (conflicts.length === 0) return { status, written: true };
    if (round >= 9)
      throw new Error(`the index kept changing under this batch (ids ${conflicts.slice(0, 3).join(', ')})`);
    const again = new Set(conflicts);
    await plan(entries.flatMap((e, i) => (again.has(e.id) ? [i] : [])));
  }
}

/** Re-cut a stream of article chunks into batches of `size`. */
async function* batchesOf(
  source: readonly Article[] | AsyncIterable<readonly Article[]>,
  size: number,
): AsyncGenerator<Article[]> {
  if (Array.isArray(source)) {
    for (let i = 0; i < source.length; i += size) yield source.slice(i, i + size);
    return;
  }
  let pending: Article[] = [];
  for await (const chunk of source as AsyncIterable<readonly Article[]>) {
    for (const a of chunk) {
      pending.push(a);
      if (pending.length >= size) {
        yield pending;
        pending = [];
      }
    }
  }
  if (pending.length > 0) yield pending;
}

/** Within one array, a repeated id keeps its last article. */
function lastOfEachId(articles: readonly Article[]): Article[] {
  const last = new Map<string, number>();
  for (const [i, a] of articles.entries()) last.set(a.id, i);
  return articles.filter((a, i) => last.get(a.id) === i);
}

/**
 * Add articles: an array, or a stream of chunks (`io/streamCorpus.ts`), read as it is indexed so
 * memory stays bounded whatever the input's size. An id already indexed with the same normalized
 * text is left as it is; with another text it is replaced. Within one array a repeated id keeps
 * its last article. While one batch is written, the next is read and sketched.
 */
export async function addArticles(
  store: IndexStore,
  articles: readonly Article[] | AsyncIterable<readonly Article[]>,
  options: AddOptions = {},
): Promise<AddResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a whole number ≥ 1, got ${String(batchSize)}`);
  const prepare = options.prepare ?? createInThreadPrepare();
  const source = Array.isArray(articles) ? lastOfEachId(articles) : articles;
  const total = Array.isArray(source) ? source.length : undefined;
  const result: AddResult = { added: [], replaced: [], unchanged: [], batches: 0 };
  const batches = batchesOf(source, batchSize);
  const start = async () => {
    const next = await batches.next();
    if (next.done) return undefined;
    const prepared = prepare(next.value, store.config);
    // A rejected look-ahead must not go unhandled if the batch before it throws first.
    prepared.catch(() => {});
    return { articles: next.value, prepared };
  };
  let chars = 0;
  let done = 0;
  let current = await start();
  while (current) {
    const next = await start();
    const { status, written } = await writeBatch(store, current.articles, await current.prepared, true);
    if (written) result.batches++;
    current.articles.forEach((a, i) => {
      result[status[i] as Status].push(a.id);
      chars += a.text.length;
    });
    done += current.articles.length;
    options.onProgress?.({ done, ...(total !== undefined ? { total } : {}), chars });
    current = next;
  }
  if (!options.keepPendingKeys) await store.mergePendingKeys();
  return result;
}

/** Remove documents by id; returns the ids that were found and removed. */
export async function removeDocuments(
  store: IndexStore,
  ids: readonly string[],
): Promise<{ removed: string[]; missing: string[] }> {
  for (let round = 0; ; round++) {
    const removals: RemovedDocument[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const r = await describeRemoval(store, id);
      if (r) removals.push(r);
      else missing.push(id);
    }
    const { conflicts } =
      removals.length > 0 ? await store.applyBatch({ remove: removals }) : { conflicts: [] as string[] };
    if (conflicts.length === 0 || round >= 9) {
      if (conflicts.length > 0) throw new Error('the index kept changing while removing');
      return { removed: removals.map((r) => r.id), missing };
    }
  }
}

export interface RebuildOptions {
  /** A new sketch config (default: keep the index's own). */
  config?: SketchConfig;
  batchSize?: number;
  prepare?: PrepareBatch;
  onProgress?: (p: IndexProgress) => void;
}

/**
 * Recompute every signature, band key and document frequency from the stored texts (after a
 * change of normalization or of the sketch config). The index is marked `rebuilding` until the
 * end, so an interrupted rebuild is detected and can be run again.
 */
export async function rebuildIndex(store: IndexStore, options: RebuildOptions = {}): Promise<{ documents: number }> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const prepare = options.prepare ?? createInThreadPrepare();
  const total = (await store.stats()).documents;
  await store.resetDerived(options.config ?? store.config);
  let done = 0;
  let chars = 0;
  // Pages are read by key ranges (`rowid > last`), so writing between two pages is safe.
  for await (const page of store.iterateDocuments(batchSize)) {
    const articles = page.map(restoreArticle);
    const prepared = await prepare(articles, store.config);
    const entries = articles.map((a, i) => toEntry(a, prepared.sketches[i] as BatchSketch, prepared.events?.[i]));
    await store.applyDerived(entries, { deferKeys: true, termCounts: countPreparedTerms(prepared, () => true) });
    done += page.length;
    for (const d of page) chars += d.text.length;
    options.onProgress?.({ done, total, chars });
  }
  await store.mergePendingKeys();
  await store.setState('ready');
  return { documents: done };
}
