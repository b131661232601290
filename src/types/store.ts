/**
 * The persistent index's formats and the store interface. The index logic (`pipeline/indexing.ts`,
 * `pipeline/gate.ts`) talks only to `IndexStore`, so it never knows whether documents live in
 * memory (tests), in SQLite (`store/sqlite.ts`) or, later, in a server database. The sketch config
 * is part of the stored format (an index records the one it was built with), so it is defined and
 * validated here, where a store can check what it reads without depending on `core/`.
 *
 * Methods return promises. A server database (`store/postgres.ts`) cannot answer synchronously, and
 * the alternative — a synchronous facade over a worker thread and `Atomics.wait` — would hide one
 * round trip per call behind a blocked thread and still serialize every caller. So the interface is
 * asynchronous in this one place; `pipeline/indexing.ts` and `pipeline/gate.ts` await it, and the
 * SQLite store keeps its synchronous better-sqlite3 calls inside (a resolved promise costs well
 * under a microsecond; a gate query makes a handful of calls).
 */

import type { EventEntry, EventQuery, StoredEvent } from './events.js';

/**
 * Format of the stored index. 2: signatures live in a narrow table of their own (`sketches`), so
 * the gate reads hundreds of them without walking past the stored texts. 3: the tables of event
 * sketches (`events`, `event_keys`, `names`), filled when the index keeps them (`SketchConfig.events`)
 * for the gate's "novel text about a known event". An index of an earlier format is upgraded in
 * place when it is next opened for writing (format 2: the empty event tables are created); opened
 * for reading only, it is refused with the advice to run `copydesk index rebuild` once.
 */
export const INDEX_FORMAT_VERSION = 3;

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

/**
 * The sketch config a new index is to be created with, or a function that makes it: stores call
 * it only when they create an index (an existing index keeps its own config), so that a command
 * on an existing index does not pay for choosing the default bands (`createSketchConfig`, about
 * 25 ms of a one-shot `copydesk gate`'s 250 ms, measured with `node --cpu-prof`).
 */
export type SketchConfigSource = SketchConfig | (() => SketchConfig);

/** The config a source names. */
export function resolveSketchConfig(source: SketchConfigSource): SketchConfig {
  return typeof source === 'function' ? source() : source;
}

/** How an index sketches articles (see `core/minhash/sketch.ts`); stored with the index. */
export interface SketchConfig {
  seed: number;
  charShingle: number;
  chars: ChannelConfig;
  terms: ChannelConfig;
  /**
   * Keep an event sketch per document and the key index over its names (`index add --events`,
   * `index rebuild --events`), so the gate can answer "novel text about a known event". Off by
   * default: it costs about 4.8× the indexing time, 1.9× the size and 4.7× the gate's median
   * (bench/RESULTS.md, "index"; 2.8×, 2.3× and 3.9× on an earlier, busier run). Once on, every
   * later write of the index keeps it.
   */
  events?: boolean;
  /**
   * The containment channel: one character shingle in `oneIn` kept per document (its "samples",
   * `sampleShingles`) and stored under its own keys, so the gate finds a short text held by a long
   * one (a preview, an excerpt, a story inside a roundup) that the Jaccard bands miss. Absent in an
   * index made before it existed: such an index answers without it until `copydesk index rebuild`.
   */
  containment?: { oneIn: number };
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
  if (c.events !== undefined && typeof c.events !== 'boolean')
    throw new RangeError(`events must be true or false when given, got ${String(c.events)}`);
  if (c.containment !== undefined) {
    const oneIn = (c.containment as { oneIn?: unknown } | null)?.oneIn;
    if (!isWhole(oneIn, 1, 4096))
      throw new RangeError(`containment.oneIn must be a whole number in [1, 4096], got ${String(oneIn)}`);
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
  /**
   * The text's body plan (`SelectedParagraphs.plan`): what body extraction made of its lines, so
   * that the gate selects its paragraphs again without extracting its body (`selectByPlan`).
   * Absent for a document written before plans, or by a path that makes none.
   */
  plan?: string;
}

/** The sketch part of a stored document. */
export interface StoredSketch {
  id: string;
  charSize: number;
  charSig: Uint32Array;
  termSize: number;
  termSig: Uint32Array;
}

/** A document's signatures as the gate's candidate step weighs them, before its id is read. */
export type CandidateSignatures = Omit<StoredSketch, 'id'>;

/** What `IndexStore.findRankedSketches` gives back. */
export interface RankedCandidates {
  /** Documents the look-up found: every one sharing a band key or enough sampled shingles with the query. */
  found: number;
  /** Those whose signatures were read and ranked (all of them, unless `minBands` left some out). */
  looked: number;
  /** Those that `rank` scored above 0, with their scores, in no particular order. */
  kept: Array<{ id: string; score: number }>;
}

export interface RankOptions {
  /**
   * Look only at documents under at least this many of the query's band keys, or found through
   * the sampled shingles (default 1: all; `Infinity`: only the latter, the band keys then serving
   * to count `found`). A store may ignore it and look at every document; then `looked` equals
   * `found`.
   */
  minBands?: number;
  /**
   * What the look-ups of one probe share, made by the caller for its rounds and filled by the
   * store (a store may ignore it): the band postings are read once, and a document whose
   * signatures an earlier round ranked is not read again (its rank would be the same, and the
   * caller has its answer).
   */
  session?: LookupSession;
  /**
   * A cheap test run on a document's screen digest (`screenDigest` of its character signature, as
   * `digestHex` writes it) and its character set's size before its signatures are read: false
   * only for a document that `rank` would score 0 (the caller answers for that:
   * `screenCharSignatures` in core/minhash/filter.ts, for a rank on the character channel alone).
   * A store that keeps no digests, or none for a document, reads its signatures as without it; a
   * document it rules out counts as looked at.
   */
  screen?: (charSize: number, digestHex: string) => boolean;
}

/**
 * The screen digest of a signature (`RankOptions.screen`): the low 4 bits of each value, two to a
 * byte (value 2i in the low half of byte i), 64 bytes for the 128 values of a character signature.
 * Two equal values have equal low bits, so the number of positions whose 4 bits agree bounds the
 * number of equal values from above: a document can be ruled out on its digest without its
 * signature being read. Values are 32-bit mixes (the minimum of a bin), so their low bits are
 * evenly spread, and two unrelated values agree in 4 bits one time in 16.
 */
export function screenDigest(values: Uint32Array): Uint8Array {
  const out = new Uint8Array((values.length + 1) >> 1);
  for (let i = 0; i < values.length; i++)
    out[i >> 1] = (out[i >> 1] as number) | (((values[i] as number) & 0xf) << ((i & 1) << 2));
  return out;
}

const HEX = '0123456789ABCDEF';

/**
 * A digest as a store hands it to a screen: upper-case hex, as SQLite's `hex()` writes it (a
 * string is cheaper to read out of a database row than a blob: on the bench's 1M index, 550
 * digests in 1.3 ms against 2.1 ms).
 */
export function digestHex(digest: Uint8Array): string {
  let out = '';
  for (const b of digest) out += HEX[b >> 4] + (HEX[b & 0xf] as string);
  return out;
}

/**
 * The hex digits at which two digests' hex agree (each digit is one value's low 4 bits): at
 * least the number of equal values of the two signatures. Of an odd-length signature's digests
 * the last byte's unused half agrees too, which only loosens the bound by one.
 */
export function hexAgreements(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let same = 0;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) === b.charCodeAt(i)) same++;
  return same;
}

/**
 * One probe's look-ups (`RankOptions.session`). On the bench's 1M index a novel query's three
 * rounds read the same 1,160 band postings three times (0.6 ms each) and the first round's
 * documents' signatures twice.
 */
export interface LookupSession {
  /** The band integers `under` was read for: another query reads its own. */
  codes?: readonly number[];
  /** Document rowid → the query's band keys it is under. */
  under?: ReadonlyMap<number, number>;
  /** Rowids whose signatures were ranked. */
  looked?: Set<number>;
}

/** The documents of `docs` that the session's earlier rounds did not rank (all without a session), marked as ranked. */
export function unlooked(docs: readonly number[], session: LookupSession | undefined): readonly number[] {
  if (!session) return docs;
  const looked = session.looked ?? new Set<number>();
  session.looked = looked;
  const out = docs.filter((d) => !looked.has(d));
  for (const d of out) looked.add(d);
  return out;
}

/** `under` read for these band integers, kept in the session (if any) for the rounds that follow. */
export function rememberUnder(
  session: LookupSession | undefined,
  codes: readonly number[],
  under: ReadonlyMap<number, number>,
): ReadonlyMap<number, number> {
  if (session) Object.assign(session, { codes, under });
  return under;
}

/** The session's postings when they were read for these band integers. */
export function sessionUnder(
  session: LookupSession | undefined,
  codes: readonly number[],
): ReadonlyMap<number, number> | undefined {
  const known = session?.codes;
  if (!session?.under || !known || known.length !== codes.length) return undefined;
  for (let i = 0; i < codes.length; i++) if (known[i] !== codes[i]) return undefined;
  return session.under;
}

/**
 * The documents a look-up reads (`RankOptions.minBands`): those under at least `minBands` of the
 * query's band keys (`under`: rowid → keys shared) and those found through the sampled shingles;
 * `found` counts every document either found.
 */
export function documentsToRead(
  under: ReadonlyMap<number, number>,
  sampled: readonly number[],
  minBands: number,
): { docs: number[]; found: number } {
  const docs = new Set(sampled);
  let found = docs.size;
  for (const [d, n] of under) {
    if (!docs.has(d)) found++;
    if (n >= minBands) docs.add(d);
  }
  return { docs: [...docs], found };
}

/** A signature row as the SQL stores read it by rowid (no term columns unless asked for). */
export interface SignatureRow<Blob = Uint8Array> {
  doc: number | string;
  char_size: number;
  char_sig: Blob;
  term_size?: number;
  term_sig?: Blob;
}

/** The rowids of the rows `rank` scores above 0, with their scores (`decode` turns a blob into values). */
export function scoreSignatureRows<Blob>(
  rows: ReadonlyArray<SignatureRow<Blob>>,
  rank: (s: CandidateSignatures) => number,
  decode: (blob: Blob) => Uint32Array,
): Map<number, number> {
  const scores = new Map<number, number>();
  for (const r of rows) {
    const score = rank({
      charSize: r.char_size,
      charSig: decode(r.char_sig),
      termSize: r.term_size ?? 0,
      termSig: r.term_sig ? decode(r.term_sig) : new Uint32Array(0),
    });
    if (score > 0) scores.set(Number(r.doc), score);
  }
  return scores;
}

/** `findRankedSketches` from `findSketchesByBands` (every document looked at, `minBands` ignored). */
export function rankFoundSketches(
  found: readonly StoredSketch[],
  rank: (s: CandidateSignatures) => number,
): RankedCandidates {
  const kept: RankedCandidates['kept'] = [];
  for (const s of found) {
    const score = rank(s);
    if (score > 0) kept.push({ id: s.id, score });
  }
  return { found: found.length, looked: found.length, kept };
}

/** A document with its sketch, ready to be written. */
export interface DocumentEntry extends StoredDocument, StoredSketch {
  charKeys: Uint32Array;
  termKeys: Uint32Array;
  /** The containment channel's sampled shingles (absent or empty: none; `SketchConfig.containment`). */
  sampleKeys?: Uint32Array;
  /**
   * Distinct stemmed content words, counted into the document frequencies. Absent when the batch
   * carries the counts of all its documents at once (`IndexBatch.termCounts`).
   */
  terms?: readonly string[];
  /** The event sketch and its keys (absent: the document is never found by `findEventCandidates`). */
  event?: EventEntry;
}

/**
 * One unit of work, applied all or nothing. Removals first, then additions.
 *
 * The batch states what it expects to find: each removal names the hash of the document it
 * removes, and an added id that is not removed in the same batch must be absent. When another
 * writer got there first (two `index add` runs over overlapping inputs), the store applies nothing
 * and returns the ids whose state differs (`BatchOutcome.conflicts`); the caller looks again and
 * sends a corrected batch. Checked inside the write transaction, so it holds across processes.
 */
export interface IndexBatch {
  remove?: readonly RemovedDocument[];
  add?: readonly DocumentEntry[];
  /**
   * Document frequencies of the added documents: for each term, how many of them hold it. Counted
   * where the documents were sketched (worker threads), so the writer merges one map per batch
   * instead of one term list per document. When absent, the entries' `terms` are counted.
   */
  termCounts?: ReadonlyMap<string, number>;
  /**
   * Bulk loading: append the added documents' band keys to a pending list instead of inserting
   * them one by one into the look-up structure (see `mergePendingKeys`). Pending keys are found
   * by look-ups all the same, only more slowly. A store may ignore this.
   */
  deferKeys?: boolean;
}

/** What the store did with a batch. */
export interface BatchOutcome {
  /** Ids whose stored state is not what the batch expected: nothing of the batch was applied. */
  conflicts: string[];
}

/** What removing a document must undo: its band keys and its terms. */
export interface RemovedDocument {
  id: string;
  /** The stored hash of the document this removal describes. */
  hash: string;
  charKeys: Uint32Array;
  termKeys: Uint32Array;
  sampleKeys?: Uint32Array;
  terms: readonly string[];
}

export interface IndexStats {
  documents: number;
  terms: number;
  /** Rows of the look-up structure: LSH band keys and sampled shingles, one per document each. */
  bucketEntries: number;
  /** Characters of stored text. */
  textChars: number;
  /**
   * Documents with a screen digest (`screenDigest`), for a store that keeps them: the gate reads
   * the others' signatures whole.
   */
  screened?: number;
  config: SketchConfig;
  /** Bytes on disk (main file plus WAL, or the database's tables), when the store can tell. */
  bytes?: number;
  /** Where the index is: a file path, or a database URL without its password. */
  path?: string;
}

/** A candidate from the LSH buckets: the document and in how many bands it collided. */
export interface BandHit {
  id: string;
  bands: number;
}

/** Band keys of a probe, per channel (a channel left out is not looked up). */
export interface BandQuery {
  chars?: Uint32Array;
  terms?: Uint32Array;
  /** The containment channel: sampled shingles, and when a document qualifies through them. */
  samples?: SampleQuery;
}

/**
 * The integers the SQL stores keep band keys under, one column for every channel: the channel
 * (chars 0, terms 1, sampled shingles 2) times 2⁴⁰, plus the band's number times 2³², plus the
 * 32-bit key (a sampled shingle has no band). All below 2⁵³, so exact in a JavaScript number.
 */
const CHANNEL_CODE = { chars: 0, terms: 1, samples: 2 } as const;

/** The integer of one band key of a channel. */
export function bandInteger(channel: Channel, band: number, key: number): number {
  return CHANNEL_CODE[channel] * 2 ** 40 + band * 2 ** 32 + key;
}

/** The integer of a sampled shingle (the containment channel). */
export function sampleInteger(key: number): number {
  return CHANNEL_CODE.samples * 2 ** 40 + key;
}

/** The band integers of a query's channels (a channel left out gives none). */
export function bandIntegers(query: BandQuery): number[] {
  const out: number[] = [];
  for (const channel of ['chars', 'terms'] as const) {
    const keys = query[channel];
    if (keys) for (let b = 0; b < keys.length; b++) out.push(bandInteger(channel, b, keys[b] as number));
  }
  return out;
}

/** Every key integer a document is stored under: its bands in both channels and its sampled shingles. */
export function keyIntegers(e: { charKeys: Uint32Array; termKeys: Uint32Array; sampleKeys?: Uint32Array }): number[] {
  const out = bandIntegers({ chars: e.charKeys, terms: e.termKeys });
  for (const k of e.sampleKeys ?? []) out.push(sampleInteger(k));
  return out;
}

/**
 * A document qualifies through the probe's sampled shingles when it holds at least `minShared` of
 * them (or all of them, when the probe has fewer), and at least `minShareOfSmaller` of the smaller
 * of the two samples (a document's sample size estimated as its character shingles / `oneIn`); a
 * shingle held by more than `maxPostings` documents is not counted (a formula or a dateline: no
 * evidence, and costly to read). The rule itself is `passesSampleShare`.
 */
export interface SampleQuery {
  keys: Uint32Array;
  minShared: number;
  maxPostings: number;
  minShareOfSmaller: number;
  oneIn: number;
}

/** What `countSampleMates` found: shared keys per document, and how many of the probe's keys were counted. */
export interface SampleCounts<T> {
  shared: Map<T, number>;
  /** The probe's keys held by at most `maxPostings` documents (the evidence the rule weighs). */
  counted: number;
}

/**
 * How many of the probe's sampled shingles each document holds, for the documents holding at
 * least `minShared` of the counted keys (or all, when fewer are counted), from each key's postings
 * (the documents holding it; a list may stop after `maxPostings` + 1, which is enough to tell that
 * it is too long, and a store that counted the postings first gives `null` for a key held by more:
 * its documents are never read).
 */
export function countSampleMates<T>(postings: Iterable<readonly T[] | null>, query: SampleQuery): SampleCounts<T> {
  const shared = new Map<T, number>();
  let counted = 0;
  for (const docs of postings) {
    if (docs === null || docs.length > query.maxPostings) continue;
    counted++;
    for (const d of new Set(docs)) shared.set(d, (shared.get(d) ?? 0) + 1);
  }
  const least = Math.min(query.minShared, counted);
  for (const [d, n] of shared) if (n < least) shared.delete(d);
  return { shared, counted };
}

/**
 * The parameters of the SQL stores' one-statement sample look-up, in its order: the probe's
 * distinct key integers, then maxPostings + 1 (the limit a key's postings are counted to),
 * maxPostings, minShared, minShareOfSmaller, oneIn and the probe's number of keys.
 */
export function sampleRuleParameters(query: SampleQuery): [number[], number, number, number, number, number, number] {
  return [
    [...new Set(Array.from(query.keys, sampleInteger))],
    query.maxPostings + 1,
    query.maxPostings,
    query.minShared,
    query.minShareOfSmaller,
    query.oneIn,
    query.keys.length,
  ];
}

/** Whether `shared` sampled shingles are enough for a pair whose samples number `a` and `b` (see `SampleQuery`). */
export function passesSampleShare(
  shared: number,
  a: number,
  b: number,
  rule: { minShared: number; minShareOfSmaller: number },
): boolean {
  return shared >= Math.min(rule.minShared, a) && shared >= rule.minShareOfSmaller * Math.min(a, b);
}

/**
 * The documents qualifying through a sample query, given each counted document's character
 * shingles. Only the probe's counted keys are evidence, so both sample sizes are taken at that
 * share: a page whose lines recur across hundreds of others keeps few counted keys, and a quarter
 * of all its keys would ask for more than it can show (a preview of 38 samples, 29 of them held by
 * more than 200 of the bench's 100k documents, shared all 9 others with its source).
 */
export function sampleMates<T>(counts: SampleCounts<T>, charSizes: ReadonlyMap<T, number>, query: SampleQuery): T[] {
  const out: T[] = [];
  const share = query.keys.length === 0 ? 0 : counts.counted / query.keys.length;
  for (const [d, n] of counts.shared) {
    const size = charSizes.get(d);
    if (size !== undefined && passesSampleShare(n, counts.counted, (size / query.oneIn) * share, query)) out.push(d);
  }
  return out;
}

export interface IndexStore {
  readonly config: SketchConfig;
  /** Apply a batch in one transaction (or nothing of it, with the conflicts). */
  applyBatch(batch: IndexBatch): Promise<BatchOutcome>;
  /**
   * Move band keys left pending by `deferKeys` batches into the look-up structure, in one
   * transaction (a no-op when none are pending).
   */
  mergePendingKeys(): Promise<void>;
  /** Documents sharing at least one band key of the channel, with the count of shared bands. */
  findByBands(channel: Channel, keys: Uint32Array): Promise<BandHit[]>;
  /**
   * The sketches of every document sharing at least one band key with the query, in either
   * channel asked for: one look-up for all bands (the gate's candidate step).
   */
  findSketchesByBands(query: BandQuery): Promise<StoredSketch[]>;
  /**
   * The gate's candidate step: the documents `findSketchesByBands` finds, each weighed by `rank`
   * on its signatures, and the ids of those it scores above 0. A store may read ids only for the
   * kept documents, and term signatures only when the query has a term channel: in SQLite an id
   * lives in the wide documents table, a page of its own to read, and at a million documents
   * nearly all the documents looked at are chance band collisions that `rank` drops. With
   * `minBands`, a store may leave out the documents under fewer band keys (`RankOptions`).
   */
  findRankedSketches(
    query: BandQuery,
    rank: (s: CandidateSignatures) => number,
    options?: RankOptions,
  ): Promise<RankedCandidates>;
  /**
   * The documents under any of the query's name keys whose occasion day lies in the query's range
   * (undated documents too), with their event sketches: the gate's event candidates.
   */
  findEventCandidates(query: EventQuery): Promise<StoredEvent[]>;
  /**
   * Number of documents, and for each asked key how many documents have a name whose own key it
   * is (the names' document frequencies, for their weights).
   */
  getNameFrequencies(keys: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }>;
  /** Ids of documents whose normalized hash is `hash`. */
  findByHash(hash: string): Promise<string[]>;
  /** Stored hashes of the given ids (absent ids are left out). */
  getHashes(ids: readonly string[]): Promise<Map<string, string>>;
  getDocuments(ids: readonly string[]): Promise<StoredDocument[]>;
  getSketches(ids: readonly string[]): Promise<StoredSketch[]>;
  /** Number of documents and the document frequency of each asked term (0 when unseen). */
  getDocumentFrequencies(terms: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }>;
  /** Every document, in insertion order, `size` at a time. */
  iterateDocuments(size: number): AsyncIterable<StoredDocument[]>;
  /** Drop every signature, band key, document frequency and event sketch, and record a new sketch config. */
  resetDerived(config: SketchConfig): Promise<void>;
  /** Write the sketch part (and event sketch) of already stored documents (rebuild); `deferKeys` as for `applyBatch`. */
  applyDerived(
    entries: readonly DocumentEntry[],
    options?: { deferKeys?: boolean; termCounts?: ReadonlyMap<string, number> },
  ): Promise<void>;
  /** Mark a long operation begun/finished, so an interrupted one is detected on open. */
  setState(state: 'ready' | 'rebuilding'): Promise<void>;
  stats(): Promise<IndexStats>;
  /** Fold a write-ahead log into the main file after a bulk load (stores that keep one). */
  checkpoint?(): Promise<void>;
  close(): Promise<void>;
}

/** The document frequencies a batch adds: its `termCounts`, or its entries' terms counted. */
export function countBatchTerms(
  entries: readonly DocumentEntry[],
  termCounts?: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  if (termCounts) return termCounts;
  const out = new Map<string, number>();
  for (const e of entries) for (const t of e.terms ?? []) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** The ids whose stored state a batch depends on: the removed ones and the added ones. */
export function batchIds(batch: IndexBatch): string[] {
  const removed = new Set((batch.remove ?? []).map((r) => r.id));
  return [...removed, ...(batch.add ?? []).map((e) => e.id).filter((id) => !removed.has(id))];
}

/**
 * The ids of a batch whose stored state is not what the batch expects: a removal whose document
 * is gone or has another hash, an addition (not removed first) whose id is taken. `stored` holds
 * the current hashes of `batchIds(batch)`, read inside the store's write transaction.
 */
export function listBatchConflicts(batch: IndexBatch, stored: ReadonlyMap<string, string>): string[] {
  const removed = new Set((batch.remove ?? []).map((r) => r.id));
  const conflicts: string[] = [];
  for (const r of batch.remove ?? []) if (stored.get(r.id) !== r.hash) conflicts.push(r.id);
  for (const e of batch.add ?? []) if (!removed.has(e.id) && stored.has(e.id)) conflicts.push(e.id);
  return conflicts;
}
