/**
 * The persistent index, as named stages: read → sketch (normalize, fingerprint, MinHash, band
 * keys) → write in batches. `add`, `remove`, `rebuild` and `stats` work on any `IndexStore`.
 *
 * Each batch is one transaction: a killed `index add` leaves every batch before the one it was
 * writing, whole, and nothing of that one. Band keys are written deferred and merged once at the
 * end of the call (see `deferKeys` in types/store.ts): random B-tree inserts per batch were the
 * main cost of indexing past 10k documents.
 */

import { computeBandKeys } from '../core/minhash/lsh.js';
import { type ArticleSketch, sketchTokens } from '../core/minhash/sketch.js';
import { normalizeArticle } from '../core/text/normalize.js';
import { contentTerms } from '../core/text/terms.js';
import { createTokenCache, type TokenCache, tokenizeAndTermsFast } from '../core/text/tokenCache.js';
import type {
  Article,
  DocumentEntry,
  IndexStore,
  RemovedDocument,
  SketchConfig,
  StoredDocument,
} from '../types/index.js';

export const DEFAULT_BATCH_SIZE = 1000;

/** Turns articles into entries; the default runs in this thread, `workers/pool.ts` in worker threads. */
export type PrepareEntries = (articles: readonly Article[], config: SketchConfig) => Promise<DocumentEntry[]>;

export interface IndexProgress {
  done: number;
  total: number;
  /** Characters of article text handled so far. */
  chars: number;
}

export interface AddOptions {
  batchSize?: number;
  prepare?: PrepareEntries;
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
 * Normalize and sketch one article: everything the store needs. With a token cache it takes the
 * fast path (`core/text/tokenCache.ts`: the same tokens and terms, most of them from the cache).
 */
export function prepareEntry(article: Article, config: SketchConfig, cache?: TokenCache): DocumentEntry {
  if (cache) {
    const { tokens, terms } = tokenizeAndTermsFast(article, cache);
    return toEntry(article, sketchTokens(tokens, terms, config));
  }
  const normalized = normalizeArticle(article);
  const terms = contentTerms(normalized.tokens, normalized.lang);
  return toEntry(article, sketchTokens(normalized.tokens, terms, config));
}

export function toEntry(article: Article, s: ArticleSketch): DocumentEntry {
  return {
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
    terms: s.terms,
  };
}

/** Prepare in this thread, with a token cache that lives as long as the returned function. */
export function createInThreadPrepare(): PrepareEntries {
  const cache = createTokenCache();
  return async (articles, config) => articles.map((a) => prepareEntry(a, config, cache));
}

/** What must be undone to remove a stored document: its band keys (from its stored signatures) and its terms. */
export function describeRemoval(store: IndexStore, id: string): RemovedDocument | undefined {
  const [doc] = store.getDocuments([id]);
  const [sketch] = store.getSketches([id]);
  if (!doc || !sketch) return undefined;
  const { config } = store;
  const keysOf = (sig: Uint32Array, channel: 'chars' | 'terms'): Uint32Array =>
    sig.length === config[channel].numPerm
      ? computeBandKeys({ seed: config.seed, numPerm: sig.length, values: sig }, config[channel])
      : new Uint32Array(0);
  const normalized = normalizeArticle(restoreArticle(doc));
  return {
    id,
    charKeys: keysOf(sketch.charSig, 'chars'),
    termKeys: keysOf(sketch.termSig, 'terms'),
    terms: [...new Set(contentTerms(normalized.tokens, normalized.lang))],
  };
}

/**
 * Add articles. An id already indexed with the same normalized text is left as it is; with another
 * text it is replaced. Within one call a repeated id keeps its last article.
 */
export async function addArticles(
  store: IndexStore,
  articles: readonly Article[],
  options: AddOptions = {},
): Promise<AddResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a whole number ≥ 1, got ${String(batchSize)}`);
  const prepare = options.prepare ?? createInThreadPrepare();
  const last = new Map<string, number>();
  for (const [i, a] of articles.entries()) last.set(a.id, i);
  const unique = articles.filter((a, i) => last.get(a.id) === i);
  const result: AddResult = { added: [], replaced: [], unchanged: [], batches: 0 };
  let chars = 0;
  // While this batch is written, the next one is being prepared (in worker threads, when the
  // caller gave a pool): the two stages overlap.
  let ahead = unique.length > 0 ? prepare(unique.slice(0, batchSize), store.config) : undefined;
  for (let start = 0; start < unique.length; start += batchSize) {
    const slice = unique.slice(start, start + batchSize);
    const entries = await (ahead as Promise<DocumentEntry[]>);
    const nextStart = start + batchSize;
    ahead =
      nextStart < unique.length ? prepare(unique.slice(nextStart, nextStart + batchSize), store.config) : undefined;
    // A rejected look-ahead must not go unhandled if this batch throws first.
    ahead?.catch(() => {});
    const stored = store.getHashes(entries.map((e) => e.id));
    const add: DocumentEntry[] = [];
    const remove: RemovedDocument[] = [];
    for (const e of entries) {
      const old = stored.get(e.id);
      if (old === e.hash) {
        result.unchanged.push(e.id);
        continue;
      }
      if (old !== undefined) {
        const r = describeRemoval(store, e.id);
        if (r) remove.push(r);
        result.replaced.push(e.id);
      } else result.added.push(e.id);
      add.push(e);
    }
    if (add.length > 0 || remove.length > 0) {
      store.applyBatch({ remove, add, deferKeys: true });
      result.batches++;
    }
    for (const a of slice) chars += a.text.length;
    options.onProgress?.({ done: Math.min(unique.length, start + slice.length), total: unique.length, chars });
  }
  if (!options.keepPendingKeys) store.mergePendingKeys();
  return result;
}

/** Remove documents by id; returns the ids that were found and removed. */
export function removeDocuments(store: IndexStore, ids: readonly string[]): { removed: string[]; missing: string[] } {
  const removals: RemovedDocument[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const r = describeRemoval(store, id);
    if (r) removals.push(r);
    else missing.push(id);
  }
  if (removals.length > 0) store.applyBatch({ remove: removals });
  return { removed: removals.map((r) => r.id), missing };
}

export interface RebuildOptions {
  /** A new sketch config (default: keep the index's own). */
  config?: SketchConfig;
  batchSize?: number;
  prepare?: PrepareEntries;
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
  const total = store.stats().documents;
  store.resetDerived(options.config ?? store.config);
  let done = 0;
  let chars = 0;
  // Pages are read by key ranges (`rowid > last`), so writing between two pages is safe.
  for (const page of store.iterateDocuments(batchSize)) {
    const entries = await prepare(page.map(restoreArticle), store.config);
    store.applyDerived(entries, { deferKeys: true });
    done += page.length;
    for (const d of page) chars += d.text.length;
    options.onProgress?.({ done, total, chars });
  }
  store.mergePendingKeys();
  store.setState('ready');
  return { documents: done };
}
