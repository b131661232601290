/**
 * The SQLite `IndexStore`: the only file that imports better-sqlite3. Its methods return promises
 * (the interface is shared with the server store) but do their work synchronously inside.
 *
 * - WAL journal, so gates read while an `index add` writes; `busy_timeout` so two writers wait
 *   for each other instead of failing; one transaction per batch, so a killed process leaves
 *   whole batches only (SQLite rolls back the unfinished one on the next open). A batch checks,
 *   inside its write transaction, that each id is in the state it expects (see `IndexBatch`), so
 *   two `index add` runs over overlapping inputs both succeed: the later one sees the other's
 *   documents, skips identical ones and replaces the rest.
 * - `application_id` (bytes 68–71 of the header) marks the file as a copydesk index and
 *   `user_version` (bytes 60–63) gives the format. Before SQLite touches an existing file we read
 *   its first 100 bytes ourselves: a file that is not an SQLite database (an empty file too), or is
 *   another program's, is refused with a one-line error and left byte for byte as it was, with no
 *   WAL or SHM file created beside it. A new index is built under a temporary name and linked into
 *   place whole, so no other process ever sees a half-made (or empty) file at the index's path.
 * - Signatures live in `sketches`, a narrow table keyed by the document's rowid: the gate reads
 *   hundreds of them per query, and in `documents` they sat behind the ~3 KB text.
 * - Beside them, `screens`: each document's screen digest (64 bytes: the low 4 bits of each
 *   character signature value) and set size. Nearly all the documents a gate look-up finds are
 *   chance band collisions that the signature filter turns down; a screen (`RankOptions.screen`)
 *   rules most of them out on the digest, and their 1 KB signature rows are never read. An index
 *   made before the digests gets them on its next writable open (6.8 s for the bench's 1M index);
 *   documents an older copydesk writes into it have none until `index rebuild`. A document
 *   without a digest has its signatures read as before.
 * - Band keys are one INTEGER: channel · 2⁴⁰ + band · 2³² + key, in a WITHOUT ROWID table keyed
 *   (key, doc), so a look-up of all bands of a probe is one statement over B-tree ranges.
 * - Bulk loading defers band keys (`deferKeys`): inserting 53 random keys per document into that
 *   B-tree dirties pages all over it (measured at 100k documents: about 0.5 ms per document in the
 *   B-tree and as much again in WAL checkpoints). Deferred keys are appended to `pending_bands`, a
 *   plain table written in order, and moved into `bands` by one sorted `INSERT … SELECT … ORDER BY`
 *   at the end of the load (`mergePendingKeys`). Until then look-ups also scan the pending rows
 *   (correct, slower); a load killed before its merge leaves whole batches of pending keys, merged
 *   when the index is next opened for writing.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type BandHit,
  type BandQuery,
  type BatchOutcome,
  bandIntegers,
  batchIds,
  type CandidateSignatures,
  type Channel,
  countBatchTerms,
  countSampleMates,
  type DocumentEntry,
  documentsToRead,
  type EventEntry,
  type EventQuery,
  type EventSketch,
  INDEX_FORMAT_VERSION,
  type IndexBatch,
  type IndexStats,
  type IndexStore,
  InputError,
  keyIntegers,
  type LookupSession,
  listBatchConflicts,
  type RankedCandidates,
  type RankOptions,
  type RemovedDocument,
  rememberUnder,
  resolveSketchConfig,
  type SampleQuery,
  type SignatureRow,
  type SketchConfig,
  type SketchConfigSource,
  type StoredDocument,
  type StoredEvent,
  type StoredSketch,
  sampleInteger,
  sampleMates,
  sampleRuleParameters,
  scoreSignatureRows,
  screenDigest,
  sessionUnder,
  unlooked,
  validateSketchConfig,
} from '../types/index.js';

/** The page cache of the band-key merge, in KiB as `cache_size` takes it (negative). */
const MERGE_CACHE_KIB = -8192;

/** 'CPDX' as a big-endian 32-bit number. */
export const APPLICATION_ID = 0x43504458;
const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** The format before signatures moved to their own table. */
const FORMAT_WITH_INLINE_SKETCHES = 1;
/** The format before the event tables; it and format 1 are upgraded on a writable open. */
const FORMAT_WITHOUT_EVENTS = 2;

export interface OpenSqliteOptions {
  /** Open for reading only (gate without --add, stats). The file must exist. */
  readonly?: boolean;
  /** Sketch config for a new index (ignored when the file exists: its own config wins; a function is called only to create one). */
  config?: SketchConfigSource;
  /** Open an index whose rebuild was interrupted (only `index rebuild` should). */
  allowRebuilding?: boolean;
  /** Milliseconds to wait for another writer. Default 10 000. */
  busyTimeoutMs?: number;
}

/** The OS's reason for a failed file operation, in the words of its error code. */
function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOTDIR: 'a parent of this path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EISDIR: 'is a directory',
  };
  return `cannot create the index here (${(e.code && reasons[e.code]) ?? e.message}${e.code ? `, ${e.code}` : ''})`;
}

/**
 * Check an existing file's header before SQLite opens it. Returns 'new' for a missing file,
 * 'index' for a copydesk index of this format, 'old' for formats 1 and 2; throws InputError otherwise
 * (an empty file too: it is not an index, and adopting it would hide a mistaken path).
 */
export function inspectIndexFile(path: string): 'new' | 'index' | 'old' {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'new';
    throw new InputError(describeFsError(error), path);
  }
  if (st.isDirectory()) throw new InputError('is a directory, not a copydesk index file', path);
  if (st.size === 0) throw new InputError('is an empty file, not a copydesk index (the file was left untouched)', path);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new InputError('not a copydesk index (not an SQLite database; the file was left untouched)', path);
  }
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new InputError(
      `not a copydesk index (an SQLite database with application_id 0x${appId.toString(16).padStart(8, '0')}, expected 0x${APPLICATION_ID.toString(16)}; the file was left untouched)`,
      path,
    );
  }
  const version = header.readUInt32BE(60);
  if (version === FORMAT_WITH_INLINE_SKETCHES || version === FORMAT_WITHOUT_EVENTS) return 'old';
  if (version !== INDEX_FORMAT_VERSION) {
    throw new InputError(
      `copydesk index format ${version} is not supported (this version reads format ${INDEX_FORMAT_VERSION})`,
      path,
    );
  }
  return 'index';
}

/** The format number in an index file's header (`user_version`). */
function readFormat(path: string): number {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(60);
}

function toBlob(a: Uint32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * A signature from its blob. better-sqlite3 gives each blob an ArrayBuffer of its own, at offset
 * 0: a view of it, not a copy (the gate ranks the signatures of every document under one of a
 * query's band keys: about 1,200 a novel query at 1M, where the copies were 4 % of a profile); a
 * copy only for bytes not aligned to 4.
 */
function fromBlob(b: Buffer): Uint32Array {
  if (b.byteOffset % 4 === 0 && b.byteLength % 4 === 0)
    return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  const out = new Uint32Array(b.byteLength / 4);
  Buffer.from(out.buffer).set(b);
  return out;
}

function wrapSqliteError(error: unknown, path: string): never {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    throw new InputError(`the index is corrupt (${(error as Error).message})`, path);
  }
  if (code === 'SQLITE_CANTOPEN') throw new InputError(`cannot open the index (${(error as Error).message})`, path);
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY'))
    throw new InputError(`cannot write the index (${(error as Error).message})`, path);
  throw error;
}

interface DocRow {
  rowid: number;
  id: string;
  hash: string;
  text: string;
  meta: string;
  chars: number;
  words: number;
  plan: string | null;
}

interface SketchRow {
  id: string;
  char_size: number;
  char_sig: Buffer;
  term_size: number;
  term_sig: Buffer;
}

function toSketch(r: SketchRow): StoredSketch {
  return {
    id: r.id,
    charSize: r.char_size,
    charSig: fromBlob(r.char_sig),
    termSize: r.term_size,
    termSig: fromBlob(r.term_sig),
  };
}

/**
 * Create a new index file whole: build it under a temporary name beside the target, then link it
 * into place (which fails if another process created the index first: then theirs is used).
 */
function createIndexFile(path: string, config: SketchConfig): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.new`);
  let db: Database.Database;
  try {
    db = new Database(temp);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN') {
      try {
        closeSync(openSync(temp, 'w'));
        rmSync(temp, { force: true });
      } catch (fsError) {
        throw new InputError(describeFsError(fsError), path);
      }
    }
    wrapSqliteError(error, path);
  }
  try {
    initialize(db, config);
    db.close();
    linkSync(temp, path);
  } catch (error) {
    if (db.open) db.close();
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      if (error instanceof InputError || !(error as NodeJS.ErrnoException).syscall) throw error;
      throw new InputError(describeFsError(error), path);
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
  }
}

export class SqliteStore implements IndexStore {
  readonly config: SketchConfig;
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly stmt: Statements;
  /** The screen digests' statements; none for a file without them, opened read-only. */
  private readonly screens: ReturnType<typeof prepareScreenStatements> | undefined;
  /** Statements with one placeholder per key or id, by count. */
  private readonly byCount = new Map<string, Database.Statement>();

  private constructor(db: Database.Database, path: string, config: SketchConfig) {
    this.db = db;
    this.path = path;
    this.config = config;
    this.stmt = prepareStatements(db);
    this.screens = hasTable(db, 'screens') ? prepareScreenStatements(db) : undefined;
  }

  /** Open (or create) an index file. Throws InputError for a foreign, corrupt or interrupted file. */
  static async open(path: string, options: OpenSqliteOptions = {}): Promise<SqliteStore> {
    return SqliteStore.openSync(path, options);
  }

  /** `open`, synchronously (tests and tools that need no server store). */
  static openSync(path: string, options: OpenSqliteOptions = {}): SqliteStore {
    let kind = inspectIndexFile(path);
    if (kind === 'new' && options.readonly) {
      throw new InputError('no index here yet (create one with `copydesk index add <files> --index PATH`)', path);
    }
    if (kind === 'old' && options.readonly) {
      throw new InputError(
        `this index was written by an earlier copydesk (format ${readFormat(path)}): run \`copydesk index rebuild\` once to upgrade it`,
        path,
      );
    }
    if (kind === 'new') {
      if (!options.config) throw new RangeError('a sketch config is needed to create an index');
      createIndexFile(path, resolveSketchConfig(options.config));
      kind = inspectIndexFile(path);
    }
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: options.readonly === true, fileMustExist: true });
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10000}`);
    } catch (error) {
      wrapSqliteError(error, path);
    }
    try {
      if (!options.readonly) prepareForWriting(db, kind === 'old');
      // The sorter of a merge may use a helper thread.
      db.pragma('threads = 2');
      // 256 MiB of page cache: band-key inserts land all over the B-tree.
      db.pragma('cache_size = -262144');
      // A read-only open reads through memory-mapped pages (SQLite caps it at 2 GiB): a gate's
      // look-ups touch a few hundred random pages, each a read() call and a copy without it
      // (look-up 15.1 → 12.3 ms a query on the bench's 100k index, `scripts/gateLatency.ts`). Not
      // for writers: a load gains nothing from it, and the mapped pages it touches count in its
      // RSS (the 1M `index add`: 0.9 GiB of its 2.7 GiB during the final merge).
      if (options.readonly) db.pragma('mmap_size = 4294967296');
      const store = new SqliteStore(db, path, readMeta(db, path, options));
      // Keys left pending by a load that was killed before its merge.
      if (!options.readonly) store.mergePendingKeysSync();
      return store;
    } catch (error) {
      db.close();
      if (error instanceof InputError) throw error;
      wrapSqliteError(error, path);
    }
  }

  /** A statement with `count` placeholders made by `make`, prepared once per (name, count). */
  private prepared(name: string, count: number, make: (marks: string) => string, pluck = false): Database.Statement {
    const key = `${name}:${count}`;
    let stmt = this.byCount.get(key);
    if (!stmt) {
      stmt = this.db.prepare(make(Array(count).fill('?').join(', ')));
      if (pluck) stmt.pluck();
      this.byCount.set(key, stmt);
    }
    return stmt;
  }

  async applyBatch(batch: IndexBatch): Promise<BatchOutcome> {
    let outcome: BatchOutcome = { conflicts: [] };
    const run = this.db.transaction((b: IndexBatch) => {
      const conflicts = this.findConflictsSync(b);
      if (conflicts.length > 0) {
        outcome = { conflicts };
        return;
      }
      // Removing keys needs them in the B-tree: merge pending ones first (rare: a replacement).
      if ((b.remove?.length ?? 0) > 0 && this.hasPendingKeys()) this.mergePendingRows();
      let documents = 0;
      for (const r of b.remove ?? []) if (this.removeOne(r)) documents--;
      const defer = b.deferKeys === true;
      const pendingRows: number[] = [];
      for (const e of b.add ?? []) {
        const rowid = this.insertOne(e);
        if (defer) pushKeyRows(pendingRows, rowid, e);
        else this.linkKeys(rowid, e);
        documents++;
      }
      this.appendPendingRows(pendingRows);
      this.applyTermCounts(countBatchTerms(b.add ?? [], b.termCounts), 1);
      if (documents !== 0) this.stmt.addDocumentCount.run(documents);
    });
    run.immediate(batch);
    return outcome;
  }

  private findConflictsSync(batch: IndexBatch): string[] {
    const ids = batchIds(batch);
    return ids.length === 0 ? [] : listBatchConflicts(batch, this.hashesOf(ids));
  }

  private removeOne(r: RemovedDocument): boolean {
    const rowid = this.stmt.rowidOf.get(r.id) as number | undefined;
    if (rowid === undefined) return false;
    this.unlinkKeys(rowid, r);
    this.applyTermCounts(new Map(r.terms.map((t) => [t, 1])), -1);
    this.stmt.deleteSketch.run(rowid);
    this.deleteEvent(rowid);
    this.stmt.deleteDoc.run(rowid);
    return true;
  }

  private insertOne(e: DocumentEntry): number {
    // Writable opens add the plan column (`prepareForWriting`), so a writer has the statement.
    const insert = this.stmt.insertDoc as Database.Statement;
    const info = insert.run(e.id, e.hash, e.text, JSON.stringify(e.meta), e.chars, e.words, e.plan ?? null);
    const rowid = Number(info.lastInsertRowid);
    this.stmt.insertSketch.run(rowid, e.charSize, toBlob(e.charSig), e.termSize, toBlob(e.termSig));
    this.screens?.put.run(rowid, e.charSize, screenDigest(e.charSig));
    if (e.event) this.insertEvent(rowid, e.event);
    return rowid;
  }

  /** A document's event sketch and its rows in the key index (each key once). */
  private insertEvent(rowid: number, event: EventEntry): void {
    const day = event.sketch.day ?? null;
    this.stmt.insertEvent.run(rowid, day, JSON.stringify(event.sketch));
    const main = new Set(event.mainKeys);
    for (const key of new Set(event.keys)) this.stmt.insertEventKey.run(key, day, rowid, main.has(key) ? 1 : 0);
    for (const key of main) this.stmt.nameAdd.run(key, 1);
  }

  private deleteEvent(rowid: number): void {
    for (const key of this.stmt.mainKeysOf.all(rowid) as string[]) {
      this.stmt.nameAdd.run(key, -1);
      this.stmt.nameClean.run(key);
    }
    this.stmt.deleteEventKeys.run(rowid);
    this.stmt.deleteEvent.run(rowid);
  }

  /** Append (key, doc) pairs, given flat, to `pending_bands`, up to 256 rows per statement. */
  private appendPendingRows(flat: readonly number[]): void {
    const CHUNK = 256;
    for (let at = 0; at < flat.length; at += 2 * CHUNK) {
      const part = flat.slice(at, at + 2 * CHUNK);
      const rows = part.length / 2;
      const stmt = this.prepared(
        'appendPending',
        rows,
        () => `INSERT INTO pending_bands (key, doc) VALUES ${Array(rows).fill('(?, ?)').join(', ')}`,
      );
      stmt.run(part);
    }
  }

  private hasPendingKeys(): boolean {
    return this.stmt.anyPending.get() !== undefined;
  }

  /** Move pending keys into `bands`, sorted so B-tree pages fill in key order (inside a transaction). */
  private mergePendingRows(): void {
    this.db.exec(
      'INSERT OR IGNORE INTO bands (key, doc) SELECT key, doc FROM pending_bands ORDER BY key, doc; DELETE FROM pending_bands;',
    );
  }

  /**
   * The merge runs with a small page cache. Its sort keeps runs the size of the cache in memory,
   * several at once with helper threads, and sorts shorter runs faster: merging 60 million
   * synthetic rows took 56.7 s and 1,112 MB at the load's 256 MiB, 28.9 s and 88 MB at 8 MiB
   * (27.0 s at 4 MiB, 32.3 s at 16 MiB). Appending sorted keys needs few cached pages. The 1M
   * `index add` (with its workers stopped before the merge, cli/commands/index.ts): peak RSS 2.25
   * → 1.73 GB, the merge about 96 → 75 s (`/usr/bin/time -v`, RSS sampled every 5 s).
   */
  private mergePendingKeysSync(): void {
    if (!this.hasPendingKeys()) return;
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${MERGE_CACHE_KIB}`);
    try {
      this.db
        .transaction(() => {
          if (this.hasPendingKeys()) this.mergePendingRows();
        })
        .immediate();
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
    }
  }

  async mergePendingKeys(): Promise<void> {
    this.mergePendingKeysSync();
  }

  /**
   * Add (or, with sign −1, subtract) document frequencies, in term order for page locality; a
   * load's counts in one statement (`dfAddAll`), a removal's a statement per term.
   */
  private applyTermCounts(counts: ReadonlyMap<string, number>, sign: 1 | -1): void {
    const terms = [...counts.keys()].sort();
    const json = sign === 1 ? termCountsJson(terms, counts) : undefined;
    if (json !== undefined) {
      if (terms.length > 0) this.stmt.dfAddAll.run(json);
      return;
    }
    for (const t of terms) {
      const d = sign * (counts.get(t) as number);
      if (d === 0) continue;
      this.stmt.dfAdd.run(t, d);
      if (d < 0) this.stmt.dfClean.run(t);
    }
  }

  private linkKeys(rowid: number, e: DocumentEntry): void {
    for (const code of keyIntegers(e)) this.stmt.insertBand.run(code, rowid);
  }

  private unlinkKeys(rowid: number, r: RemovedDocument): void {
    for (const code of keyIntegers(r)) this.stmt.deleteBand.run(code, rowid);
  }

  /**
   * Rowids of the documents qualifying through the sampled shingles (`sampleMates`), in one
   * statement (`sampleMatesOf`): each key's postings counted inside SQLite up to one past
   * `maxPostings` (an indexed range), the counted keys' postings grouped by document, and the rule
   * applied to the sizes of those sharing enough, so that only the documents that qualify come
   * back to JavaScript. Handing every posting over, then the sizes of every document sharing two,
   * cost more than reading them: on the index bench's 100k index a novel query's sampled keys held
   * 4,400 postings of 880 documents sharing two, of which 29 qualified.
   * While a load has left band keys pending, the pending rows are read too, and the rule applied
   * here (`docsBySamplesWithPending`).
   */
  private docsBySamples(query: SampleQuery): number[] {
    if (query.keys.length === 0) return [];
    if (this.hasPendingKeys()) return this.docsBySamplesWithPending(query);
    const [codes, ...rule] = sampleRuleParameters(query);
    return this.stmt.sampleMatesOf.all(JSON.stringify(codes), ...rule) as number[];
  }

  /**
   * `docsBySamples` with pending rows: each key's postings counted up to one past `maxPostings`
   * and read when few enough, the pending rows with one look-up, then the sizes of the documents
   * sharing two, and the rule (`countSampleMates`, `sampleMates`) applied in JavaScript.
   */
  private docsBySamplesWithPending(query: SampleQuery): number[] {
    const postings = new Map<number, number[] | null>();
    const held = this.prepared(
      'sampleCount',
      1,
      (m) => `SELECT count(*) FROM (SELECT 1 FROM bands WHERE key = ${m} LIMIT ?)`,
      true,
    );
    const heldBy = this.prepared('samplePostings', 1, (m) => `SELECT doc FROM bands WHERE key = ${m}`, true);
    for (const k of query.keys) {
      const code = sampleInteger(k);
      const n = held.get(code, query.maxPostings + 1) as number;
      postings.set(code, n > query.maxPostings ? null : n === 0 ? [] : (heldBy.all(code) as number[]));
    }
    const codes = [...postings.keys()];
    const inPending = this.prepared(
      'samplePending',
      codes.length,
      (m) => `SELECT key, doc FROM pending_bands WHERE key IN (${m})`,
    );
    for (const r of inPending.all(codes) as Array<{ key: number; doc: number }>) postings.get(r.key)?.push(r.doc);
    const counts = countSampleMates(postings.values(), query);
    if (counts.shared.size === 0) return [];
    const sizes = this.stmt.charSizesOfRowids.all(JSON.stringify([...counts.shared.keys()])) as Array<{
      doc: number;
      size: number;
    }>;
    return sampleMates(counts, new Map(sizes.map((r) => [r.doc, r.size])), query);
  }

  /** Document rowid → how many of these band integers it is under. */
  private countUnder(codes: readonly number[]): Map<number, number> {
    const counts = new Map<number, number>();
    for (const d of this.docsUnder(codes)) counts.set(d, (counts.get(d) ?? 0) + 1);
    return counts;
  }

  /** Rowids of documents under any of the band integers (each once per band it is under). */
  private docsUnder(codes: readonly number[]): number[] {
    if (codes.length === 0) return [];
    const inBands = this.prepared('findBands', codes.length, (m) => `SELECT doc FROM bands WHERE key IN (${m})`, true);
    const docs = inBands.all(codes) as number[];
    if (this.hasPendingKeys()) {
      const inPending = this.prepared(
        'findPending',
        codes.length,
        (m) => `SELECT doc FROM pending_bands WHERE key IN (${m})`,
        true,
      );
      for (const d of inPending.all(codes) as number[]) docs.push(d);
    }
    return docs;
  }

  async findByBands(channel: Channel, keys: Uint32Array): Promise<BandHit[]> {
    const counts = new Map<number, number>();
    for (const d of this.docsUnder(bandIntegers({ [channel]: keys }))) counts.set(d, (counts.get(d) ?? 0) + 1);
    const ids = this.idsOf([...counts.keys()]);
    return [...counts]
      .flatMap(([doc, bands]) => {
        const id = ids.get(doc);
        return id === undefined ? [] : [{ id, bands }];
      })
      .sort((x, y) => y.bands - x.bands || x.id.localeCompare(y.id));
  }

  async findSketchesByBands(query: BandQuery): Promise<StoredSketch[]> {
    const { docs } = this.docsFound(query, 1);
    if (docs.length === 0) return [];
    return (this.stmt.sketchesOfRowids.all(JSON.stringify(docs)) as SketchRow[]).map(toSketch);
  }

  /**
   * Rowids of the documents a band query finds, each once: those under at least `minBands` of its
   * band keys or found through its sampled shingles, and how many it found in all.
   */
  private docsFound(query: BandQuery, minBands: number, session?: LookupSession): { docs: number[]; found: number } {
    const codes = bandIntegers(query);
    const under = sessionUnder(session, codes) ?? rememberUnder(session, codes, this.countUnder(codes));
    return documentsToRead(under, query.samples ? this.docsBySamples(query.samples) : [], minBands);
  }

  /**
   * Signatures by rowid from the narrow table, the term signatures only when the query has a term
   * channel; ids then for the documents `rank` keeps. On the bench's 100k index, for its variant
   * queries' band look-ups (about 100 documents each): 0.93 ms with ids and both signatures,
   * 0.27 ms with the character signatures alone (`findSketchesByBands` reads the former). On the
   * 1M index (about 1,200 documents a look-up) the gate's look-up went from 30.3 to 13.2 ms a
   * query, p99 of the bench's 300 queries 174.5 → 81.0 ms (`scripts/gateLatency.ts`,
   * `scripts/compareGate.ts`).
   */
  async findRankedSketches(
    query: BandQuery,
    rank: (s: CandidateSignatures) => number,
    options: RankOptions = {},
  ): Promise<RankedCandidates> {
    const { session } = options;
    const found = this.docsFound(query, options.minBands ?? 1, session);
    const docs = unlooked(found.docs, session);
    if (docs.length === 0) return { found: found.found, looked: 0, kept: [] };
    const { read, ruledOut } = this.screened(docs, options.screen);
    if (read.length === 0) return { found: found.found, looked: ruledOut, kept: [] };
    const withTerms = query.terms !== undefined;
    const rows = (withTerms ? this.stmt.signaturesOfRowids : this.stmt.charSignaturesOfRowids).all(
      JSON.stringify(read),
    ) as Array<SignatureRow<Buffer>>;
    const scores = scoreSignatureRows(rows, rank, fromBlob);
    const ids = scores.size === 0 ? new Map<number, string>() : this.idsOf([...scores.keys()]);
    const kept: RankedCandidates['kept'] = [];
    for (const [doc, score] of scores) {
      const id = ids.get(doc);
      if (id !== undefined) kept.push({ id, score });
    }
    return { found: found.found, looked: rows.length + ruledOut, kept };
  }

  /**
   * The documents whose signatures are to be read: those `screen` does not rule out on their
   * digests (`screens`), and those without a digest (an index opened read-only before its first
   * writable open since digests came; a document written by an older copydesk).
   */
  private screened(
    docs: readonly number[],
    screen: RankOptions['screen'],
  ): { read: readonly number[]; ruledOut: number } {
    if (!screen || !this.screens) return { read: docs, ruledOut: 0 };
    const out = new Set<number>();
    // Rows as arrays, the digest as hex: no object and no Buffer per document (2.1 → 1.3 ms for
    // 550 documents on the bench's 1M index).
    for (const [doc, size, hex] of this.screens.ofRowids.all(JSON.stringify(docs)) as Array<[number, number, string]>)
      if (!screen(size, hex)) out.add(doc);
    return out.size === 0 ? { read: docs, ruledOut: 0 } : { read: docs.filter((d) => !out.has(d)), ruledOut: out.size };
  }

  private idsOf(rowids: readonly number[]): Map<number, string> {
    const rows = this.stmt.idsOfRowids.all(JSON.stringify(rowids)) as Array<{ rowid: number; id: string }>;
    return new Map(rows.map((r) => [r.rowid, r.id]));
  }

  async findEventCandidates(query: EventQuery): Promise<StoredEvent[]> {
    const keys = JSON.stringify([...new Set(query.keys)]);
    const rows = (
      query.days
        ? this.stmt.eventsInWindow.all({ keys, from: query.days.from, to: query.days.to, limit: query.limit })
        : this.stmt.eventsAnyDay.all(keys, query.limit)
    ) as Array<{ id: string; data: string; n: number }>;
    return rows.map((r) => ({ id: r.id, sketch: JSON.parse(r.data) as EventSketch, shared: r.n }));
  }

  async getNameFrequencies(keys: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const k of keys) df.set(k, 0);
    if (df.size > 0)
      for (const r of this.stmt.nameDf.all(JSON.stringify([...df.keys()])) as Array<{ key: string; n: number }>)
        df.set(r.key, r.n);
    const kept = this.stmt.documentCount.get() as number | null | undefined;
    return { documents: typeof kept === 'number' ? kept : (this.stmt.countDocs.get() as number), df };
  }

  async findByHash(hash: string): Promise<string[]> {
    return this.stmt.findHash.all(hash) as string[];
  }

  private hashesOf(ids: readonly string[]): Map<string, string> {
    const rows = this.stmt.hashesOf.all(JSON.stringify(ids)) as Array<{ id: string; hash: string }>;
    return new Map(rows.map((r) => [r.id, r.hash]));
  }

  async getHashes(ids: readonly string[]): Promise<Map<string, string>> {
    return ids.length === 0 ? new Map() : this.hashesOf(ids);
  }

  async getDocuments(ids: readonly string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = this.stmt.docsOf.all(JSON.stringify(ids)) as DocRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toDocument(r)] : [];
    });
  }

  async getSketches(ids: readonly string[]): Promise<StoredSketch[]> {
    if (ids.length === 0) return [];
    const rows = this.stmt.sketchesOf.all(JSON.stringify(ids)) as SketchRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toSketch(r)] : [];
    });
  }

  async getDocumentFrequencies(terms: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const t of terms) if (!df.has(t)) df.set(t, 0);
    if (df.size > 0) {
      // One statement for all terms (the gate asks for hundreds per call), not one per term; each
      // row names its term by its place in the list asked (`dfOfMany`).
      const asked = [...df.keys()];
      for (const [at, n] of this.stmt.dfOfMany.all(JSON.stringify(asked)) as Array<[number, number]>)
        df.set(asked[at] as string, n);
    }
    const kept = this.stmt.documentCount.get() as number | null | undefined;
    return { documents: typeof kept === 'number' ? kept : (this.stmt.countDocs.get() as number), df };
  }

  async *iterateDocuments(size: number): AsyncIterable<StoredDocument[]> {
    let after = 0;
    for (;;) {
      const rows = this.stmt.page.all(after, size) as DocRow[];
      if (rows.length === 0) return;
      after = (rows[rows.length - 1] as DocRow).rowid;
      yield rows.map(toDocument);
    }
  }

  async resetDerived(config: SketchConfig): Promise<void> {
    this.db
      .transaction(() => {
        this.db.exec(
          "DELETE FROM bands; DELETE FROM terms; DELETE FROM pending_bands; DELETE FROM events; DELETE FROM event_keys; DELETE FROM names; UPDATE sketches SET char_size = 0, char_sig = x'', term_size = 0, term_sig = x'';",
        );
        this.stmt.setMeta.run('config', JSON.stringify(config));
        this.stmt.setMeta.run('state', 'rebuilding');
      })
      .immediate();
    (this as { config: SketchConfig }).config = config;
  }

  async applyDerived(
    entries: readonly DocumentEntry[],
    options: { deferKeys?: boolean; termCounts?: ReadonlyMap<string, number> } = {},
  ): Promise<void> {
    const defer = options.deferKeys === true;
    this.db
      .transaction(() => {
        const pendingRows: number[] = [];
        const known: DocumentEntry[] = [];
        for (const e of entries) {
          const rowid = this.stmt.rowidOf.get(e.id) as number | undefined;
          if (rowid === undefined) continue;
          known.push(e);
          this.stmt.updateSketch.run(e.charSize, toBlob(e.charSig), e.termSize, toBlob(e.termSig), rowid);
          // The plan of the extraction that sketched it now (none: the gate extracts its body).
          this.stmt.updatePlan?.run(e.plan ?? null, rowid);
          this.screens?.put.run(rowid, e.charSize, screenDigest(e.charSig));
          this.deleteEvent(rowid);
          if (e.event) this.insertEvent(rowid, e.event);
          if (defer) pushKeyRows(pendingRows, rowid, e);
          else this.linkKeys(rowid, e);
        }
        this.appendPendingRows(pendingRows);
        this.applyTermCounts(countBatchTerms(known, options.termCounts), 1);
      })
      .immediate();
  }

  async setState(state: 'ready' | 'rebuilding'): Promise<void> {
    this.stmt.setMeta.run('state', state);
  }

  async stats(): Promise<IndexStats> {
    const q = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
    let bytes = 0;
    for (const suffix of ['', '-wal']) if (existsSync(this.path + suffix)) bytes += statSync(this.path + suffix).size;
    return {
      documents: q('SELECT count(*) FROM documents'),
      terms: q('SELECT count(*) FROM terms'),
      bucketEntries: q('SELECT count(*) FROM bands') + q('SELECT count(*) FROM pending_bands'),
      textChars: q('SELECT coalesce(sum(chars), 0) FROM documents'),
      screened: this.screens ? q('SELECT count(*) FROM screens') : 0,
      config: this.config,
      bytes,
      path: this.path,
    };
  }

  /** SQLite's own consistency check: 'ok', or the problems it found. */
  checkIntegrity(): string {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join('; ');
  }

  /** Fold the WAL into the main file (after a bulk load). */
  async checkpoint(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function hasIndex(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
}

/** What a term must not hold to be passed inside JSON (`termCountsJson`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters JSON would escape and SQLite might not give back
const NOT_JSON_EXACT = /[\u0000-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A batch's term counts as one JSON object, keys in the order given, for `dfAddAll`; undefined
 * when a term would not come out of SQLite's JSON as the very string bound alone (a control
 * character, a lone surrogate: a word holds none, but the counts are the caller's), so that the
 * statement per term is used instead.
 */
export function termCountsJson(terms: readonly string[], counts: ReadonlyMap<string, number>): string | undefined {
  const parts: string[] = [];
  for (const t of terms) {
    if (NOT_JSON_EXACT.test(t)) return undefined;
    const n = counts.get(t) as number;
    if (n !== 0) parts.push(`${JSON.stringify(t)}:${n}`);
  }
  return `{${parts.join(',')}}`;
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column) !== undefined;
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The statements of the screen digests (`SCREEN_SCHEMA`), for a file that has them. */
function prepareScreenStatements(db: Database.Database) {
  return {
    put: db.prepare('INSERT OR REPLACE INTO screens (doc, char_size, digest) VALUES (?, ?, ?)'),
    ofRowids: db
      .prepare('SELECT doc, char_size, hex(digest) FROM screens WHERE doc IN (SELECT value FROM json_each(?))')
      .raw(),
  };
}

/** The statements that read signatures and sizes (`ids` is the JSON list of the keys asked for). */
function prepareSketchReads(db: Database.Database, ids: string) {
  return {
    sketchesOf: db.prepare(
      `SELECT d.id, s.char_size, s.char_sig, s.term_size, s.term_sig FROM documents d JOIN sketches s ON s.doc = d.rowid WHERE d.id IN (${ids})`,
    ),
    // The sizes the containment channel weighs, from the narrow covering index when the file has
    // it (an index made before it gets it on its next writable open): read from the table, each
    // size cost a page of signatures (480 sizes a look-up at 100k documents: 3.8 ms, mostly cold pages).
    charSizesOfRowids: db.prepare(
      `SELECT doc, char_size AS size FROM sketches${hasIndex(db, 'sketches_sizes') ? ' INDEXED BY sketches_sizes' : ''} WHERE doc IN (${ids})`,
    ),
    signaturesOfRowids: db.prepare(
      `SELECT doc, char_size, char_sig, term_size, term_sig FROM sketches WHERE doc IN (${ids}) ORDER BY doc`,
    ),
    // `docsBySamples`, with `sampleRuleParameters` (the key integers as a JSON list). The rule is
    // `countSampleMates` and `passesSampleShare` (types/store.ts) with `sampleMates`' sizes, in
    // the same floating-point steps (size / oneIn, times counted / keys, the smaller of that and
    // counted, times the share); test/store/sampleRule.test.ts holds it to the memory store's answers.
    sampleMatesOf: db
      .prepare(
        `WITH counted AS MATERIALIZED (
           SELECT value AS key FROM json_each(?)
           WHERE (SELECT count(*) FROM (SELECT 1 FROM bands WHERE key = value LIMIT ?)) <= ?),
         k AS MATERIALIZED (SELECT count(*) AS n FROM counted),
         mates AS MATERIALIZED (
           SELECT b.doc AS doc, count(*) AS n FROM counted c JOIN bands b ON b.key = c.key
           GROUP BY b.doc HAVING count(*) >= min(?, (SELECT n FROM k)))
         SELECT m.doc FROM mates m JOIN k JOIN sketches s${hasIndex(db, 'sketches_sizes') ? ' INDEXED BY sketches_sizes' : ''} ON s.doc = m.doc
         WHERE m.n >= ? * min(k.n, (s.char_size * 1.0 / ?) * (k.n * 1.0 / ?))`,
      )
      .pluck(),
    charSignaturesOfRowids: db.prepare(
      `SELECT doc, char_size, char_sig FROM sketches WHERE doc IN (${ids}) ORDER BY doc`,
    ),
    sketchesOfRowids: db.prepare(
      `SELECT d.id, s.char_size, s.char_sig, s.term_size, s.term_sig FROM sketches s JOIN documents d ON d.rowid = s.doc WHERE s.doc IN (${ids}) ORDER BY s.doc`,
    ),
  };
}

function prepareStatements(db: Database.Database) {
  const ids = 'SELECT value FROM json_each(?)';
  // A file opened read-only before its first writable open since plans came has no plan column.
  const plans = hasColumn(db, 'documents', 'plan');
  const plan = plans ? 'plan' : 'NULL AS plan';
  return {
    insertDoc: plans
      ? db.prepare('INSERT INTO documents (id, hash, text, meta, chars, words, plan) VALUES (?, ?, ?, ?, ?, ?, ?)')
      : undefined,
    updatePlan: plans ? db.prepare('UPDATE documents SET plan = ? WHERE rowid = ?') : undefined,
    insertSketch: db.prepare(
      'INSERT INTO sketches (doc, char_size, char_sig, term_size, term_sig) VALUES (?, ?, ?, ?, ?)',
    ),
    updateSketch: db.prepare(
      'UPDATE sketches SET char_size = ?, char_sig = ?, term_size = ?, term_sig = ? WHERE doc = ?',
    ),
    rowidOf: db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck(),
    deleteDoc: db.prepare('DELETE FROM documents WHERE rowid = ?'),
    deleteSketch: db.prepare('DELETE FROM sketches WHERE doc = ?'),
    insertBand: db.prepare('INSERT OR IGNORE INTO bands (key, doc) VALUES (?, ?)'),
    deleteBand: db.prepare('DELETE FROM bands WHERE key = ? AND doc = ?'),
    anyPending: db.prepare('SELECT 1 FROM pending_bands LIMIT 1').pluck(),
    findHash: db.prepare('SELECT id FROM documents WHERE hash = ? ORDER BY rowid').pluck(),
    hashesOf: db.prepare(`SELECT id, hash FROM documents WHERE id IN (${ids})`),
    idsOfRowids: db.prepare(`SELECT rowid, id FROM documents WHERE rowid IN (${ids})`),
    docsOf: db.prepare(`SELECT rowid, id, hash, text, meta, chars, words, ${plan} FROM documents WHERE id IN (${ids})`),
    ...prepareSketchReads(db, ids),
    // The terms' places in the list, not the terms: no string a row to read back. On the bench's
    // 1M index, 300 terms a call: 0.63 → 0.42 ms (median of 300 calls) against `term IN (…)` read
    // as objects. CROSS JOIN keeps the list the outer loop.
    dfOfMany: db.prepare('SELECT j.key, t.df FROM json_each(?) AS j CROSS JOIN terms AS t ON t.term = j.value').raw(),
    insertEvent: db.prepare('INSERT OR REPLACE INTO events (doc, day, data) VALUES (?, ?, ?)'),
    insertEventKey: db.prepare('INSERT INTO event_keys (key, day, doc, main) VALUES (?, ?, ?, ?)'),
    deleteEvent: db.prepare('DELETE FROM events WHERE doc = ?'),
    deleteEventKeys: db.prepare('DELETE FROM event_keys WHERE doc = ?'),
    // Two look-ups on (key, day): the window's range, and the undated documents (as core/events/candidates.ts).
    // The `limit` best are chosen before their sketches are read: common keys reach thousands of
    // documents (6,037 of the bench's 10,000 for one query), whose JSON rows the join read before
    // the limit (87 → 46 ms per look-up there, the same rows).
    eventsInWindow: db.prepare(
      `SELECT c.id, e.data, c.n FROM (SELECT c0.doc, c0.n, d.id FROM (SELECT doc, count(*) AS n FROM (
         SELECT doc FROM event_keys WHERE key IN (SELECT value FROM json_each(@keys)) AND day BETWEEN @from AND @to
         UNION ALL SELECT doc FROM event_keys WHERE key IN (SELECT value FROM json_each(@keys)) AND day IS NULL)
       GROUP BY doc) c0 JOIN documents d ON d.rowid = c0.doc ORDER BY c0.n DESC, d.id LIMIT @limit) c
       JOIN events e ON e.doc = c.doc ORDER BY c.n DESC, c.id`,
    ),
    eventsAnyDay: db.prepare(
      `SELECT c.id, e.data, c.n FROM (SELECT c0.doc, c0.n, d.id FROM (
         SELECT doc, count(*) AS n FROM event_keys WHERE key IN (${ids}) GROUP BY doc) c0
       JOIN documents d ON d.rowid = c0.doc ORDER BY c0.n DESC, d.id LIMIT ?) c
       JOIN events e ON e.doc = c.doc ORDER BY c.n DESC, c.id`,
    ),
    nameDf: db.prepare(`SELECT key, df AS n FROM names WHERE key IN (${ids})`),
    nameAdd: db.prepare(
      'INSERT INTO names (key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df',
    ),
    nameClean: db.prepare('DELETE FROM names WHERE key = ? AND df <= 0'),
    mainKeysOf: db.prepare('SELECT key FROM event_keys WHERE doc = ? AND main = 1').pluck(),
    dfAdd: db.prepare(
      'INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
    ),
    dfClean: db.prepare('DELETE FROM terms WHERE term = ? AND df <= 0'),
    // A batch's counts in one statement (`termCountsJson`): indexing 20,000 bench articles, the
    // load's thread spent 3.0 s adding them a statement per term, 2.1 s this way (`node --cpu-prof`).
    dfAddAll: db.prepare(
      'INSERT INTO terms (term, df) SELECT key, value FROM json_each(?) WHERE true ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
    ),
    countDocs: db.prepare('SELECT count(*) FROM documents').pluck(),
    documentCount: db.prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'documents'").pluck(),
    addDocumentCount: db.prepare(
      "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = 'documents'",
    ),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    page: db.prepare(
      `SELECT rowid, id, hash, text, meta, chars, words, ${plan} FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** (key, doc) pairs of one document's band keys, flat, as `pending_bands` rows. */
function pushKeyRows(out: number[], rowid: number, e: DocumentEntry): void {
  for (const code of keyIntegers(e)) out.push(code, rowid);
}

/** The stored sketch config, checked: a damaged or hand-edited record is refused with the reason. */
function readConfig(text: string, path: string): SketchConfig {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new InputError('the index configuration record is not valid JSON (damaged or not written by copydesk)', path);
  }
  try {
    validateSketchConfig(config);
  } catch (error) {
    throw new InputError(`the index configuration record is invalid: ${(error as Error).message}`, path);
  }
  return config;
}

/** The config of an open index, refusing one whose rebuild was interrupted (unless allowed). */
function readMeta(db: Database.Database, path: string, options: OpenSqliteOptions): SketchConfig {
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  const configText = meta.get('config');
  if (!configText)
    throw new InputError('the index has no configuration record (damaged or not written by copydesk)', path);
  if (meta.get('state') === 'rebuilding' && options.allowRebuilding !== true) {
    throw new InputError(
      'an `index rebuild` was interrupted: run `copydesk index rebuild` before using this index',
      path,
    );
  }
  return readConfig(configText, path);
}

function toDocument(r: DocRow): StoredDocument {
  const doc: StoredDocument = {
    id: r.id,
    text: r.text,
    meta: JSON.parse(r.meta) as Record<string, unknown>,
    hash: r.hash,
    chars: r.chars,
    words: r.words,
  };
  if (r.plan !== null) doc.plan = r.plan;
  return doc;
}

/**
 * Event sketches (format 3): one JSON row per document; the key index, one row per key of the
 * document's names with its occasion day (NULL: undated), read by (key, day) ranges from an index
 * that covers the document too; and the names' document frequencies (`names`, kept by every write
 * as `terms` is: counting a common name's rows on each gate took 80 ms at 10k documents).
 */
const EVENT_SCHEMA = `
  CREATE TABLE events (doc INTEGER PRIMARY KEY, day INTEGER, data TEXT NOT NULL);
  CREATE TABLE event_keys (key TEXT NOT NULL, day INTEGER, doc INTEGER NOT NULL, main INTEGER NOT NULL);
  CREATE INDEX event_keys_key ON event_keys (key, day, doc);
  CREATE INDEX event_keys_doc ON event_keys (doc);
  CREATE TABLE names (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
`;

/**
 * Screen digests (`screenDigest`, `RankOptions.screen`): 64 bytes and the set size a document, in
 * a table of their own, read instead of the 1 KB signature rows for the documents a look-up finds
 * by chance. Kept by every write of this copydesk; the triggers drop a document's digest whenever
 * its signatures change or go, whoever writes them (an older copydesk knows nothing of digests),
 * so a digest present is never stale and a document without one is read whole.
 */
const SCREEN_SCHEMA = `
  CREATE TABLE screens (doc INTEGER PRIMARY KEY, char_size INTEGER NOT NULL, digest BLOB NOT NULL);
  CREATE TRIGGER screens_on_update AFTER UPDATE ON sketches BEGIN DELETE FROM screens WHERE doc = OLD.doc; END;
  CREATE TRIGGER screens_on_delete AFTER DELETE ON sketches BEGIN DELETE FROM screens WHERE doc = OLD.doc; END;
`;

/** Rows of signatures read at a time when an index gets its screen digests. */
const SCREEN_FILL_PAGE = 10_000;

/**
 * The screen digests of an index made before them, from its signatures (inside the caller's
 * transaction). Only then: documents an older copydesk writes later get theirs from `index
 * rebuild`, since finding them on every writable open would cost a count of the whole table (1 s
 * on the bench's 1M index, its pages not yet cached).
 */
function addScreens(db: Database.Database): void {
  db.exec(SCREEN_SCHEMA);
  const page = db.prepare('SELECT doc, char_size, char_sig FROM sketches WHERE doc > ? ORDER BY doc LIMIT ?');
  const put = db.prepare('INSERT INTO screens (doc, char_size, digest) VALUES (?, ?, ?)');
  for (let after = 0; ; ) {
    const rows = page.all(after, SCREEN_FILL_PAGE) as Array<{ doc: number; char_size: number; char_sig: Buffer }>;
    if (rows.length === 0) return;
    for (const r of rows) put.run(r.doc, r.char_size, screenDigest(fromBlob(r.char_sig)));
    after = (rows[rows.length - 1] as { doc: number }).doc;
  }
}

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, text TEXT NOT NULL,
    meta TEXT NOT NULL, chars INTEGER NOT NULL, words INTEGER NOT NULL, plan TEXT);
  CREATE INDEX documents_hash ON documents (hash);
  CREATE TABLE sketches (
    doc INTEGER PRIMARY KEY, char_size INTEGER NOT NULL, char_sig BLOB NOT NULL,
    term_size INTEGER NOT NULL, term_sig BLOB NOT NULL);
  CREATE INDEX sketches_sizes ON sketches (doc, char_size);
  CREATE TABLE bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
  CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE pending_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL);
${EVENT_SCHEMA}${SCREEN_SCHEMA}`;

function initialize(db: Database.Database, config: SketchConfig): void {
  // The file is private until it is linked into place (see createIndexFile); WAL is set here so
  // the header records it for every later open.
  db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${INDEX_FORMAT_VERSION}`);
    db.exec(SCHEMA);
    const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    set.run('config', JSON.stringify(config));
    set.run('state', 'ready');
    set.run('format', String(INDEX_FORMAT_VERSION));
    set.run('documents', '0');
  }).immediate();
  db.pragma('journal_mode = WAL');
}

/**
 * Settings for a writable open, and the one-time upgrade of an index of format 1 (signatures inside
 * `documents`: its rows are copied into the two tables of format 2) or 2 (the event tables are
 * created, empty: the index keeps no event sketches until `index rebuild --events`), in one
 * transaction.
 */
function prepareForWriting(db: Database.Database, upgrade: boolean): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Keep the WAL file from staying at its high-water mark after a bulk load.
  db.pragma('journal_size_limit = 67108864');
  db.transaction(() => {
    if (upgrade && (db.pragma('user_version', { simple: true }) as number) === FORMAT_WITH_INLINE_SKETCHES) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS pending_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL);
        CREATE TABLE sketches (
          doc INTEGER PRIMARY KEY, char_size INTEGER NOT NULL, char_sig BLOB NOT NULL,
          term_size INTEGER NOT NULL, term_sig BLOB NOT NULL);
        INSERT INTO sketches SELECT rowid, char_size, char_sig, term_size, term_sig FROM documents;
        CREATE TABLE documents_v2 (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, text TEXT NOT NULL,
          meta TEXT NOT NULL, chars INTEGER NOT NULL, words INTEGER NOT NULL);
        INSERT INTO documents_v2 SELECT rowid, id, hash, text, meta, chars, words FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_v2 RENAME TO documents;
        CREATE INDEX documents_hash ON documents (hash);
      `);
      db.pragma(`user_version = ${FORMAT_WITHOUT_EVENTS}`);
    }
    if (upgrade && (db.pragma('user_version', { simple: true }) as number) === FORMAT_WITHOUT_EVENTS) {
      db.exec(EVENT_SCHEMA);
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('format', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ).run(String(INDEX_FORMAT_VERSION));
      db.pragma(`user_version = ${INDEX_FORMAT_VERSION}`);
    }
    // The screen digests, for an index made before them.
    if (!hasTable(db, 'screens')) addScreens(db);
    // The body plans' column (`StoredDocument.plan`), for an index made before it: its documents
    // have none (the gate extracts their bodies) until `index rebuild`. Adding a column that may
    // be NULL rewrites nothing; an older copydesk reads and writes the table as before (its rows
    // get no plan).
    if (!hasColumn(db, 'documents', 'plan')) db.exec('ALTER TABLE documents ADD COLUMN plan TEXT');
    // The sizes' covering index (see `charSizesOfRowids`), for an index made before it.
    db.exec('CREATE INDEX IF NOT EXISTS sketches_sizes ON sketches (doc, char_size)');
    // The document count, kept in meta by every batch: `count(*)` reads the whole table, and the
    // gate asks for the count on every call (IDF).
    if (db.prepare("SELECT 1 FROM meta WHERE key = 'documents'").get() === undefined)
      db.prepare("INSERT INTO meta (key, value) SELECT 'documents', CAST(count(*) AS TEXT) FROM documents").run();
  }).immediate();
}
