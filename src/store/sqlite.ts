/**
 * The SQLite `IndexStore`: the only file that imports better-sqlite3.
 *
 * - WAL journal, so gates read while an `index add` writes; `busy_timeout` so two writers wait
 *   for each other instead of failing; one transaction per batch, so a killed process leaves
 *   whole batches only (SQLite rolls back the unfinished one on the next open).
 * - `application_id` (bytes 68–71 of the header) marks the file as a copydesk index and
 *   `user_version` (bytes 60–63) gives the format. Before SQLite touches an existing file we read
 *   its first 100 bytes ourselves: a file that is not an SQLite database, or is another
 *   program's, is refused with a one-line error and left byte for byte as it was, with no WAL or
 *   SHM file created beside it.
 * - Band keys are one INTEGER: channel · 2⁴⁰ + band · 2³² + key, in a WITHOUT ROWID table keyed
 *   (key, doc), so a look-up is one B-tree range per band.
 * - Bulk loading defers band keys (`deferKeys`): inserting 53 random keys per document into that
 *   B-tree dirties pages all over it, and once the table outgrows a batch every commit rewrites
 *   most of it (measured at 100k documents: about 0.5 ms per document in the B-tree and as much
 *   again in WAL checkpoints). Deferred keys are appended to `pending_bands`, a plain table
 *   written in order, and moved into `bands` by one sorted `INSERT … SELECT … ORDER BY` at the end
 *   of the load (`mergePendingKeys`), which fills B-tree pages in key order. Until then look-ups
 *   also scan the pending rows (correct, slower); a load killed before its merge leaves whole
 *   batches of pending keys, merged when the index is next opened for writing.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type BandHit,
  type Channel,
  type DocumentEntry,
  INDEX_FORMAT_VERSION,
  type IndexBatch,
  type IndexStats,
  type IndexStore,
  InputError,
  type SketchConfig,
  type StoredDocument,
  type StoredSketch,
  validateSketchConfig,
} from '../types/index.js';

/** 'CPDX' as a big-endian 32-bit number. */
export const APPLICATION_ID = 0x43504458;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface OpenSqliteOptions {
  /** Open for reading only (gate without --add, stats). The file must exist. */
  readonly?: boolean;
  /** Sketch config for a new index (ignored when the file exists: its own config wins). */
  config?: SketchConfig;
  /** Open an index whose rebuild was interrupted (only `index rebuild` should). */
  allowRebuilding?: boolean;
  /** Milliseconds to wait for another writer. Default 10 000. */
  busyTimeoutMs?: number;
}

const CHANNEL_CODE: Record<Channel, number> = { chars: 0, terms: 1 };

export function bandInteger(channel: Channel, band: number, key: number): number {
  return CHANNEL_CODE[channel] * 2 ** 40 + band * 2 ** 32 + key;
}

/**
 * Check an existing file's header before SQLite opens it. Returns 'new' for a missing or empty
 * file, 'index' for a copydesk index; throws InputError otherwise.
 */
export function inspectIndexFile(path: string): 'new' | 'index' {
  if (!existsSync(path)) return 'new';
  const st = statSync(path);
  if (st.isDirectory()) throw new InputError('is a directory, not a copydesk index file', path);
  if (st.size === 0) return 'new';
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
  if (version !== INDEX_FORMAT_VERSION) {
    throw new InputError(
      `copydesk index format ${version} is not supported (this version reads format ${INDEX_FORMAT_VERSION})`,
      path,
    );
  }
  return 'index';
}

function toBlob(a: Uint32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function fromBlob(b: Buffer): Uint32Array {
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
}

export class SqliteStore implements IndexStore {
  readonly config: SketchConfig;
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly stmt: Statements;
  /** Statements on `pending_bands` (absent from a read-only index made before it existed). */
  private readonly pending: PendingStatements | undefined;
  /** Multi-row inserts into `pending_bands`, by row count. */
  private readonly appendPending = new Map<number, Database.Statement>();
  /** Pending-key look-ups, by key count. */
  private readonly findPending = new Map<number, Database.Statement>();

  private constructor(db: Database.Database, path: string, config: SketchConfig) {
    this.db = db;
    this.path = path;
    this.config = config;
    this.stmt = prepareStatements(db);
    const hasPending =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending_bands'").get() !== undefined;
    this.pending = hasPending ? preparePendingStatements(db) : undefined;
  }

  /** Open (or create) an index file. Throws InputError for a foreign, corrupt or interrupted file. */
  static open(path: string, options: OpenSqliteOptions = {}): SqliteStore {
    const kind = inspectIndexFile(path);
    if (kind === 'new' && options.readonly) {
      throw new InputError('no index here yet (create one with `copydesk index add <files> --index PATH`)', path);
    }
    if (kind === 'new') mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: options.readonly === true, fileMustExist: kind === 'index' });
      db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10000}`);
    } catch (error) {
      wrapSqliteError(error, path);
    }
    try {
      if (kind === 'new') {
        const config = options.config;
        if (!config) throw new RangeError('a sketch config is needed to create an index');
        // Falls through to read the config back: another process may have created it first.
        initialize(db, config);
      }
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // Indexes made before deferred keys existed get the table on their first writable open.
        db.exec('CREATE TABLE IF NOT EXISTS pending_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL)');
        // Keep the WAL file from staying at its high-water mark after a bulk load.
        db.pragma('journal_size_limit = 67108864');
        // The document count, kept in meta by every batch: `count(*)` reads the whole table, and
        // the gate asks for the count on every call (IDF). Indexes made before get it once here.
        if (db.prepare("SELECT 1 FROM meta WHERE key = 'documents'").get() === undefined) {
          db.prepare(
            "INSERT OR IGNORE INTO meta (key, value) SELECT 'documents', CAST(count(*) AS TEXT) FROM documents",
          ).run();
        }
      }
      // The sorter of a merge may use a helper thread.
      db.pragma('threads = 2');
      // 256 MiB of page cache: band-key inserts land all over the B-tree.
      db.pragma('cache_size = -262144');
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
      const store = new SqliteStore(db, path, readConfig(configText, path));
      // Keys left pending by a load that was killed before its merge.
      if (!options.readonly) store.mergePendingKeys();
      return store;
    } catch (error) {
      db.close();
      if (error instanceof InputError) throw error;
      wrapSqliteError(error, path);
    }
  }

  applyBatch(batch: IndexBatch): void {
    const run = this.db.transaction((b: IndexBatch) => {
      // Document frequencies change once per distinct term per batch, not once per document.
      const delta = new Map<string, number>();
      // Removing keys needs them in the B-tree: merge pending ones first (rare: a replacement).
      if ((b.remove?.length ?? 0) > 0 && this.hasPendingKeys()) this.mergePendingRows();
      const defer = b.deferKeys === true && this.pending !== undefined;
      const pendingRows: number[] = [];
      let documents = 0;
      for (const r of b.remove ?? []) {
        const rowid = this.stmt.rowidOf.get(r.id) as number | undefined;
        if (rowid === undefined) continue;
        this.unlinkKeys(rowid, r.charKeys, r.termKeys);
        for (const t of r.terms) delta.set(t, (delta.get(t) ?? 0) - 1);
        this.stmt.deleteDoc.run(rowid);
        documents--;
      }
      for (const e of b.add ?? []) {
        if (this.stmt.rowidOf.get(e.id) !== undefined)
          throw new InputError(
            `cannot add "${e.id}": an article with this id is already indexed (remove it first with \`copydesk index remove\`)`,
            this.path,
          );
        const info = this.stmt.insertDoc.run(
          e.id,
          e.hash,
          e.text,
          JSON.stringify(e.meta),
          e.chars,
          e.words,
          e.charSize,
          toBlob(e.charSig),
          e.termSize,
          toBlob(e.termSig),
        );
        const rowid = Number(info.lastInsertRowid);
        if (defer) pushKeyRows(pendingRows, rowid, e.charKeys, e.termKeys);
        else this.linkKeys(rowid, e.charKeys, e.termKeys);
        for (const t of e.terms) delta.set(t, (delta.get(t) ?? 0) + 1);
        documents++;
      }
      this.appendPendingRows(pendingRows);
      this.applyTermDelta(delta);
      if (documents !== 0) this.stmt.addDocumentCount.run(documents);
    });
    run.immediate(batch);
  }

  /** Append (key, doc) pairs, given flat, to `pending_bands`, up to 256 rows per statement. */
  private appendPendingRows(flat: readonly number[]): void {
    const CHUNK = 256;
    for (let at = 0; at < flat.length; at += 2 * CHUNK) {
      const part = flat.slice(at, at + 2 * CHUNK);
      const rows = part.length / 2;
      let stmt = this.appendPending.get(rows);
      if (!stmt) {
        stmt = this.db.prepare(`INSERT INTO pending_bands (key, doc) VALUES ${Array(rows).fill('(?, ?)').join(', ')}`);
        this.appendPending.set(rows, stmt);
      }
      stmt.run(part);
    }
  }

  private hasPendingKeys(): boolean {
    return this.pending !== undefined && this.pending.any.get() !== undefined;
  }

  /** Move pending keys into `bands`, sorted so B-tree pages fill in key order (inside a transaction). */
  private mergePendingRows(): void {
    this.db.exec(
      'INSERT OR IGNORE INTO bands (key, doc) SELECT key, doc FROM pending_bands ORDER BY key, doc; DELETE FROM pending_bands;',
    );
  }

  mergePendingKeys(): void {
    if (!this.hasPendingKeys()) return;
    this.db
      .transaction(() => {
        if (this.hasPendingKeys()) this.mergePendingRows();
      })
      .immediate();
  }

  private applyTermDelta(delta: ReadonlyMap<string, number>): void {
    for (const [t, d] of delta) {
      if (d === 0) continue;
      this.stmt.dfAdd.run(t, d);
      if (d < 0) this.stmt.dfClean.run(t);
    }
  }

  private linkKeys(rowid: number, charKeys: Uint32Array, termKeys: Uint32Array): void {
    charKeys.forEach((k, b) => {
      this.stmt.insertBand.run(bandInteger('chars', b, k), rowid);
    });
    termKeys.forEach((k, b) => {
      this.stmt.insertBand.run(bandInteger('terms', b, k), rowid);
    });
  }

  private unlinkKeys(rowid: number, charKeys: Uint32Array, termKeys: Uint32Array): void {
    charKeys.forEach((k, b) => {
      this.stmt.deleteBand.run(bandInteger('chars', b, k), rowid);
    });
    termKeys.forEach((k, b) => {
      this.stmt.deleteBand.run(bandInteger('terms', b, k), rowid);
    });
  }

  findByBands(channel: Channel, keys: Uint32Array): BandHit[] {
    const counts = new Map<string, number>();
    const codes = Array.from(keys, (k, b) => bandInteger(channel, b, k));
    for (const code of codes) {
      for (const id of this.stmt.findBand.all(code) as string[]) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (codes.length > 0 && this.hasPendingKeys()) {
      // One scan of the pending rows for all keys (each row is one band of one document).
      let stmt = this.findPending.get(codes.length);
      if (!stmt) {
        stmt = this.db
          .prepare(
            `SELECT d.id FROM pending_bands p JOIN documents d ON d.rowid = p.doc WHERE p.key IN (${codes.map(() => '?').join(', ')})`,
          )
          .pluck();
        this.findPending.set(codes.length, stmt);
      }
      for (const id of stmt.all(codes) as string[]) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts]
      .map(([id, bands]) => ({ id, bands }))
      .sort((x, y) => y.bands - x.bands || x.id.localeCompare(y.id));
  }

  findByHash(hash: string): string[] {
    return this.stmt.findHash.all(hash) as string[];
  }

  getHashes(ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const h = this.stmt.hashOf.get(id) as string | undefined;
      if (h !== undefined) out.set(id, h);
    }
    return out;
  }

  getDocuments(ids: readonly string[]): StoredDocument[] {
    return ids.flatMap((id) => {
      const r = this.stmt.docOf.get(id) as DocRow | undefined;
      return r ? [toDocument(r)] : [];
    });
  }

  getSketches(ids: readonly string[]): StoredSketch[] {
    return ids.flatMap((id) => {
      const r = this.stmt.sketchOf.get(id) as
        | { id: string; char_size: number; char_sig: Buffer; term_size: number; term_sig: Buffer }
        | undefined;
      return r
        ? [
            {
              id: r.id,
              charSize: r.char_size,
              charSig: fromBlob(r.char_sig),
              termSize: r.term_size,
              termSig: fromBlob(r.term_sig),
            },
          ]
        : [];
    });
  }

  getDocumentFrequencies(terms: Iterable<string>): { documents: number; df: Map<string, number> } {
    const df = new Map<string, number>();
    for (const t of terms) if (!df.has(t)) df.set(t, 0);
    if (df.size > 0) {
      // One statement for all terms (the gate asks for hundreds per call), not one per term.
      const rows = this.stmt.dfOfMany.all(JSON.stringify([...df.keys()])) as Array<{ term: string; df: number }>;
      for (const r of rows) df.set(r.term, r.df);
    }
    const kept = this.stmt.documentCount.get() as number | null | undefined;
    return { documents: typeof kept === 'number' ? kept : (this.stmt.countDocs.get() as number), df };
  }

  *iterateDocuments(size: number): Iterable<StoredDocument[]> {
    let after = 0;
    for (;;) {
      const rows = this.stmt.page.all(after, size) as DocRow[];
      if (rows.length === 0) return;
      after = (rows[rows.length - 1] as DocRow).rowid;
      yield rows.map(toDocument);
    }
  }

  resetDerived(config: SketchConfig): void {
    this.db
      .transaction(() => {
        this.db.exec(
          "DELETE FROM bands; DELETE FROM terms; UPDATE documents SET char_size = 0, char_sig = x'', term_size = 0, term_sig = x'';",
        );
        if (this.pending) this.db.exec('DELETE FROM pending_bands');
        this.stmt.setMeta.run('config', JSON.stringify(config));
        this.stmt.setMeta.run('state', 'rebuilding');
      })
      .immediate();
    (this as { config: SketchConfig }).config = config;
  }

  applyDerived(entries: readonly DocumentEntry[], options: { deferKeys?: boolean } = {}): void {
    const defer = options.deferKeys === true && this.pending !== undefined;
    this.db
      .transaction(() => {
        const delta = new Map<string, number>();
        const pendingRows: number[] = [];
        for (const e of entries) {
          const rowid = this.stmt.rowidOf.get(e.id) as number | undefined;
          if (rowid === undefined) continue;
          this.stmt.updateSketch.run(e.charSize, toBlob(e.charSig), e.termSize, toBlob(e.termSig), rowid);
          if (defer) pushKeyRows(pendingRows, rowid, e.charKeys, e.termKeys);
          else this.linkKeys(rowid, e.charKeys, e.termKeys);
          for (const t of e.terms) delta.set(t, (delta.get(t) ?? 0) + 1);
        }
        this.appendPendingRows(pendingRows);
        this.applyTermDelta(delta);
      })
      .immediate();
  }

  setState(state: 'ready' | 'rebuilding'): void {
    this.stmt.setMeta.run('state', state);
  }

  stats(): IndexStats {
    const q = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
    let bytes = 0;
    for (const suffix of ['', '-wal']) if (existsSync(this.path + suffix)) bytes += statSync(this.path + suffix).size;
    return {
      documents: q('SELECT count(*) FROM documents'),
      terms: q('SELECT count(*) FROM terms'),
      bucketEntries: q('SELECT count(*) FROM bands') + (this.pending ? q('SELECT count(*) FROM pending_bands') : 0),
      textChars: q('SELECT coalesce(sum(chars), 0) FROM documents'),
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
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    insertDoc: db.prepare(
      'INSERT INTO documents (id, hash, text, meta, chars, words, char_size, char_sig, term_size, term_sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateSketch: db.prepare(
      'UPDATE documents SET char_size = ?, char_sig = ?, term_size = ?, term_sig = ? WHERE rowid = ?',
    ),
    rowidOf: db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck(),
    deleteDoc: db.prepare('DELETE FROM documents WHERE rowid = ?'),
    insertBand: db.prepare('INSERT OR IGNORE INTO bands (key, doc) VALUES (?, ?)'),
    deleteBand: db.prepare('DELETE FROM bands WHERE key = ? AND doc = ?'),
    findBand: db.prepare('SELECT d.id AS id FROM bands b JOIN documents d ON d.rowid = b.doc WHERE b.key = ?').pluck(),
    findHash: db.prepare('SELECT id FROM documents WHERE hash = ? ORDER BY rowid').pluck(),
    hashOf: db.prepare('SELECT hash FROM documents WHERE id = ?').pluck(),
    docOf: db.prepare('SELECT rowid, id, hash, text, meta, chars, words FROM documents WHERE id = ?'),
    sketchOf: db.prepare('SELECT id, char_size, char_sig, term_size, term_sig FROM documents WHERE id = ?'),
    dfOfMany: db.prepare('SELECT term, df FROM terms WHERE term IN (SELECT value FROM json_each(?))'),
    dfAdd: db.prepare(
      'INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
    ),
    dfClean: db.prepare('DELETE FROM terms WHERE term = ? AND df <= 0'),
    countDocs: db.prepare('SELECT count(*) FROM documents').pluck(),
    documentCount: db.prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'documents'").pluck(),
    addDocumentCount: db.prepare(
      "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = 'documents'",
    ),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    page: db.prepare(
      'SELECT rowid, id, hash, text, meta, chars, words FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function preparePendingStatements(db: Database.Database) {
  return { any: db.prepare('SELECT 1 FROM pending_bands LIMIT 1').pluck() };
}

type PendingStatements = ReturnType<typeof preparePendingStatements>;

/** (key, doc) pairs of one document's band keys, flat, as `pending_bands` rows. */
function pushKeyRows(out: number[], rowid: number, charKeys: Uint32Array, termKeys: Uint32Array): void {
  charKeys.forEach((k, b) => {
    out.push(bandInteger('chars', b, k), rowid);
  });
  termKeys.forEach((k, b) => {
    out.push(bandInteger('terms', b, k), rowid);
  });
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

function toDocument(r: DocRow): StoredDocument {
  return {
    id: r.id,
    text: r.text,
    meta: JSON.parse(r.meta) as Record<string, unknown>,
    hash: r.hash,
    chars: r.chars,
    words: r.words,
  };
}

function initialize(db: Database.Database, config: SketchConfig): void {
  // The first commit writes the header with our application_id, so a process killed while
  // creating the file leaves either no schema at all or a whole one. WAL comes after.
  db.transaction(() => {
    // Another process may have created the index between our header check and this write lock.
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return;
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${INDEX_FORMAT_VERSION}`);
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, text TEXT NOT NULL,
        meta TEXT NOT NULL, chars INTEGER NOT NULL, words INTEGER NOT NULL,
        char_size INTEGER NOT NULL, char_sig BLOB NOT NULL, term_size INTEGER NOT NULL, term_sig BLOB NOT NULL);
      CREATE INDEX documents_hash ON documents (hash);
      CREATE TABLE bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
      CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE pending_bands (key INTEGER NOT NULL, doc INTEGER NOT NULL);
    `);
    const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    set.run('config', JSON.stringify(config));
    set.run('state', 'ready');
    set.run('format', String(INDEX_FORMAT_VERSION));
  }).immediate();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}
