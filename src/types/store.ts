/**
 * The persistent index's formats and the store interface. The index logic (`pipeline/indexing.ts`,
 * `pipeline/gate.ts`) talks only to `IndexStore`, so it never knows whether documents live in
 * memory (tests), in SQLite (`store/sqlite.ts`) or, later, in a server database. The sketch config
 * is part of the stored format (an index records the one it was built with), so it is defined and
 * validated here, where a store can check what it reads without depending on `core/`.
 *
 * Methods are synchronous: better-sqlite3 is, and a gate query is a handful of indexed look-ups
 * that would only lose time to promise hops. A server store would wrap its client behind a
 * synchronous worker or change this interface to promises in one place.
 */

export const INDEX_FORMAT_VERSION = 1;

/** LSH banding: `bands` runs of `rows` MinHash values. */
export interface LshParams {
  bands: number;
  rows: number;
}

/** One signature of a sketch: its length, banding, and the Jaccard threshold the bands were chosen for. */
export interface ChannelConfig extends LshParams {
  numPerm: number;
  /** The Jaccard threshold the bands were chosen for (recorded, for `index stats`). */
  threshold: number;
}

/** How an index sketches articles (see `core/minhash/sketch.ts`); stored with the index. */
export interface SketchConfig {
  seed: number;
  charShingle: number;
  chars: ChannelConfig;
  terms: ChannelConfig;
}

export type Channel = 'chars' | 'terms';

function isWhole(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

/**
 * Check a sketch config (built in code or read from a store), in plain words with the value
 * received: seed a 32-bit whole number; charShingle ≥ 1; per channel numPerm in [1, 4096], bands
 * and rows ≥ 1 with bands × rows ≤ numPerm, threshold in (0, 1).
 */
export function validateSketchConfig(config: unknown): asserts config is SketchConfig {
  if (typeof config !== 'object' || config === null)
    throw new RangeError(`sketch config must be an object, got ${String(config)}`);
  const c = config as Record<string, unknown>;
  if (!isWhole(c.seed, 0, 0xffffffff))
    throw new RangeError(`seed must be a whole number in [0, 4294967295], got ${String(c.seed)}`);
  if (!isWhole(c.charShingle, 1, 1000))
    throw new RangeError(`charShingle must be a whole number in [1, 1000], got ${String(c.charShingle)}`);
  for (const channel of ['chars', 'terms'] as const) {
    const ch = c[channel] as Record<string, unknown> | undefined;
    if (typeof ch !== 'object' || ch === null) throw new RangeError(`${channel} must be an object, got ${String(ch)}`);
    const { numPerm, bands, rows, threshold } = ch;
    if (!isWhole(numPerm, 1, 4096))
      throw new RangeError(`${channel}.numPerm must be a whole number in [1, 4096], got ${String(numPerm)}`);
    if (!isWhole(bands, 1, 4096) || !isWhole(rows, 1, 4096))
      throw new RangeError(
        `${channel}: bands and rows must be whole numbers ≥ 1, got ${String(bands)} and ${String(rows)}`,
      );
    if (bands * rows > numPerm)
      throw new RangeError(
        `${channel}: bands × rows must be at most the signature length ${numPerm}, got ${bands} × ${rows} = ${bands * rows}`,
      );
    if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1))
      throw new RangeError(`${channel}.threshold must be in (0.0, 1.0), got ${String(threshold)}`);
  }
}

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
  /** Fold a write-ahead log into the main file after a bulk load (stores that keep one). */
  checkpoint?(): void;
  close(): void;
}
