/**
 * The store behind the persistent index. The index logic (`pipeline/indexing.ts`, `pipeline/gate.ts`)
 * talks only to this interface, so it never knows whether documents live in memory (tests), in
 * SQLite (`sqlite.ts`) or, later, in a server database.
 *
 * Methods are synchronous: better-sqlite3 is, and a gate query is a handful of indexed look-ups
 * that would only lose time to promise hops. A server store would wrap its client behind a
 * synchronous worker or change this interface to promises in one place.
 */
import type { Channel, SketchConfig } from '../core/minhash/sketch.js';

export const INDEX_FORMAT_VERSION = 1;

/** What the store keeps of an article. */
export interface StoredDocument {
  id: string;
  text: string;
  /** title, lang, date, source, url, origin, meta: as read. */
  meta: Record<string, unknown>;
  /** Hash of the normalized token stream (`hashTokens`). */
  hash: string;
  chars: number;
  words: number;
}

/** The sketch part of a stored document. */
export interface StoredSketch {
  id: string;
  charSize: number;
  charSig: Uint32Array;
  termSize: number;
  termSig: Uint32Array;
}

/** A document with its sketch, ready to be written. */
export interface DocumentEntry extends StoredDocument, StoredSketch {
  charKeys: Uint32Array;
  termKeys: Uint32Array;
  /** Distinct stemmed content words, counted into the document frequencies. */
  terms: string[];
}

/** One unit of work, applied all or nothing. Removals first, then additions (an added id replaces). */
export interface IndexBatch {
  remove?: readonly RemovedDocument[];
  add?: readonly DocumentEntry[];
  /**
   * Bulk loading: append the added documents' band keys to a pending list instead of inserting
   * them one by one into the look-up structure (see `mergePendingKeys`). Pending keys are found
   * by `findByBands` all the same, only more slowly. A store may ignore this.
   */
  deferKeys?: boolean;
}

/** What removing a document must undo: its band keys and its terms. */
export interface RemovedDocument {
  id: string;
  charKeys: Uint32Array;
  termKeys: Uint32Array;
  terms: string[];
}

export interface IndexStats {
  documents: number;
  terms: number;
  bucketEntries: number;
  /** Characters of stored text. */
  textChars: number;
  config: SketchConfig;
  /** Bytes on disk (main file plus WAL), when the store has a file. */
  bytes?: number;
  path?: string;
}

/** A candidate from the LSH buckets: the document and in how many bands it collided. */
export interface BandHit {
  id: string;
  bands: number;
}

export interface IndexStore {
  readonly config: SketchConfig;
  /** Apply a batch in one transaction. */
  applyBatch(batch: IndexBatch): void;
  /**
   * Move band keys left pending by `deferKeys` batches into the look-up structure, in one
   * transaction (a no-op when none are pending).
   */
  mergePendingKeys(): void;
  /** Documents sharing at least one band key of the channel, with the count of shared bands. */
  findByBands(channel: Channel, keys: Uint32Array): BandHit[];
  /** Ids of documents whose normalized hash is `hash`. */
  findByHash(hash: string): string[];
  /** Stored hashes of the given ids (absent ids are left out). */
  getHashes(ids: readonly string[]): Map<string, string>;
  getDocuments(ids: readonly string[]): StoredDocument[];
  getSketches(ids: readonly string[]): StoredSketch[];
  /** Number of documents and the document frequency of each asked term (0 when unseen). */
  getDocumentFrequencies(terms: Iterable<string>): { documents: number; df: Map<string, number> };
  /** Every document, in insertion order, `size` at a time. */
  iterateDocuments(size: number): Iterable<StoredDocument[]>;
  /** Drop every signature, band key and document frequency, and record a new sketch config. */
  resetDerived(config: SketchConfig): void;
  /** Write the sketch part of already stored documents (rebuild); `deferKeys` as for `applyBatch`. */
  applyDerived(entries: readonly DocumentEntry[], options?: { deferKeys?: boolean }): void;
  /** Mark a long operation begun/finished, so an interrupted one is detected on open. */
  setState(state: 'ready' | 'rebuilding'): void;
  stats(): IndexStats;
  close(): void;
}
