/**
 * The PostgreSQL `IndexStore`: one index shared by many machines (`--index postgres://…`). The
 * only file that imports `pg` and `pg-copy-streams`.
 *
 * - The index lives in one schema (`copydesk` unless the URL says `?schema=name`), so it can share
 *   a database with other data. `meta` records that the schema is a copydesk index, its format and
 *   its sketch config; a schema that holds other tables, or an index of another format, is refused.
 * - Writes: one transaction per batch, which first takes a transaction-scoped advisory lock on the
 *   index, so batches from many processes apply one after the other (the sketching, the costly
 *   part, runs in parallel in each process); the batch then checks each id is as it expects (see
 *   `IndexBatch`), and loads documents, signatures and band keys with COPY. A writer killed
 *   mid-batch loses that batch only: the server rolls back a transaction whose connection dropped.
 * - Band keys (channel · 2⁴⁰ + band · 2³² + key) are rows of `bands`, with a B-tree index on the key
 *   that the database maintains; a look-up of all bands of a probe is one statement
 *   (`key = ANY($1)`), and signatures are read from `sketches`, a narrow table of their own.
 * - Readers (gates) never wait for writers: PostgreSQL's snapshots show them whole batches only.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type BandHit,
  type BandQuery,
  type BatchOutcome,
  bandIntegers,
  batchIds,
  type CandidateSignatures,
  type Channel,
  countBatchTerms,
  type DocumentEntry,
  documentsToRead,
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
  sampleRuleParameters,
  scoreSignatureRows,
  sessionUnder,
  unlooked,
  validateSketchConfig,
} from '../types/index.js';

export interface OpenPostgresOptions {
  readonly?: boolean;
  /** The index must exist already (remove, rebuild). */
  mustExist?: boolean;
  /** Sketch config for a new index (an existing index keeps its own; a function is called only to create one). */
  config?: SketchConfigSource;
  allowRebuilding?: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** The connection string for `pg` and the schema named by `?schema=` (default `copydesk`). */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('is not a valid postgres:// URL', describeUrl(url));
  }
  const schema = parsed.searchParams.get('schema') ?? 'copydesk';
  if (!IDENTIFIER.test(schema))
    throw new InputError(
      `schema "${schema}" must be a lower-case SQL identifier (letters, digits, _; 63 at most)`,
      describeUrl(url),
    );
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** A value in PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped. */
function copyText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** COPY rows of a document's event sketch and of its keys (each once). */
function pushEventRows(events: string[], eventKeys: string[], rowid: string, e: DocumentEntry): void {
  if (!e.event) return;
  const day = e.event.sketch.day ?? '\\N';
  events.push(`${rowid}\t${day}\t${copyText(JSON.stringify(e.event.sketch))}\n`);
  const main = new Set(e.event.mainKeys);
  for (const key of new Set(e.event.keys))
    eventKeys.push(`${copyText(key)}\t${day}\t${rowid}\t${main.has(key) ? 't' : 'f'}\n`);
}

function copyBytes(a: Uint32Array): string {
  return `\\\\x${Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex')}`;
}

function fromBytes(b: Buffer): Uint32Array {
  const out = new Uint32Array(b.byteLength / 4);
  Buffer.from(out.buffer).set(b);
  return out;
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
    charSig: fromBytes(r.char_sig),
    termSize: r.term_size,
    termSig: fromBytes(r.term_sig),
  };
}

interface DocRow {
  rowid: string;
  id: string;
  hash: string;
  text: string;
  meta: string;
  chars: number;
  words: number;
  plan: string | null;
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

function schemaSql(s: string): string {
  return `
    CREATE TABLE ${s}.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE ${s}.documents (
      rowid bigserial PRIMARY KEY, id text NOT NULL UNIQUE, hash text NOT NULL, text text NOT NULL,
      meta text NOT NULL, chars integer NOT NULL, words integer NOT NULL, plan text);
    CREATE INDEX documents_hash ON ${s}.documents (hash);
    CREATE TABLE ${s}.sketches (
      doc bigint PRIMARY KEY REFERENCES ${s}.documents (rowid) ON DELETE CASCADE,
      char_size integer NOT NULL, char_sig bytea NOT NULL, term_size integer NOT NULL, term_sig bytea NOT NULL);
    CREATE INDEX sketches_sizes ON ${s}.sketches (doc) INCLUDE (char_size);
    CREATE TABLE ${s}.bands (key bigint NOT NULL, doc bigint NOT NULL);
    CREATE INDEX bands_key ON ${s}.bands (key, doc);
    CREATE TABLE ${s}.terms (term text PRIMARY KEY, df integer NOT NULL);
    ${eventSchemaSql(s)}
  `;
}

/**
 * Event sketches (format 3): one JSON row per document; the key index, one row per key of the
 * document's names with its occasion day (NULL: undated), read by (key, day) ranges from an index
 * that covers the document too; and the names' document frequencies (`names`, kept by every write
 * as `terms` is).
 */
function eventSchemaSql(s: string): string {
  return `
    CREATE TABLE ${s}.events (
      doc bigint PRIMARY KEY REFERENCES ${s}.documents (rowid) ON DELETE CASCADE, day integer, data text NOT NULL);
    CREATE TABLE ${s}.event_keys (
      key text NOT NULL, day integer, doc bigint NOT NULL REFERENCES ${s}.documents (rowid) ON DELETE CASCADE,
      main boolean NOT NULL);
    CREATE INDEX event_keys_key ON ${s}.event_keys (key, day, doc);
    CREATE INDEX event_keys_doc ON ${s}.event_keys (doc);
    CREATE TABLE ${s}.names (key text PRIMARY KEY, df integer NOT NULL);
  `;
}

/** The format before the event tables: a writable open upgrades it (creates them, empty). */
const FORMAT_WITHOUT_EVENTS = 2;

/**
 * Upgrade a format-2 index in place: the event tables, empty (the index keeps no event sketches
 * until `index rebuild --events`). Under a lock on `meta`, so that of several processes opening
 * it at once one upgrades and the others see format 3.
 */
async function addEventTables(client: pg.Client, s: string): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${s}.meta IN EXCLUSIVE MODE`);
    const now = await client.query<{ value: string }>(`SELECT value FROM ${s}.meta WHERE key = 'format'`);
    if (Number(now.rows[0]?.value) === FORMAT_WITHOUT_EVENTS) {
      await client.query(eventSchemaSql(s));
      await client.query(`UPDATE ${s}.meta SET value = $1 WHERE key = 'format'`, [String(INDEX_FORMAT_VERSION)]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Band keys are looked up by an index on (key, doc), so a look-up reads the index alone (an
 * index-only scan, once `VACUUM` has marked the table's pages: see `mergePendingKeys`). An index
 * made before it has the key alone, and every posting cost a read of the table: at 100k documents
 * a gate look-up of 31 sampled shingles read 764 table pages in 30 ms, 7.7 ms from the index
 * alone (EXPLAIN ANALYZE). A writable open replaces it, under the schema's advisory lock. The
 * sizes the containment channel weighs are read the same way, from an index on the document that
 * includes its size (from the table, each cost a page of signatures), created here for an index
 * made before it.
 */
async function coverBandKeys(client: pg.Client, s: string): Promise<void> {
  await client.query(`CREATE INDEX IF NOT EXISTS sketches_sizes ON ${s}.sketches (doc) INCLUDE (char_size)`);
  const def = await client.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'bands_key'`,
    [s],
  );
  if (/\(key, doc\)/.test(def.rows[0]?.indexdef ?? '')) return;
  await client.query(`CREATE INDEX IF NOT EXISTS bands_key_doc ON ${s}.bands (key, doc)`);
  await client.query(`DROP INDEX IF EXISTS ${s}.bands_key`);
  await client.query(`ALTER INDEX ${s}.bands_key_doc RENAME TO bands_key`);
}

/** Whether the index's documents have the plan column (one opened read-only before its first writable open since plans came has not). */
async function hasPlanColumn(client: pg.Client, s: string): Promise<boolean> {
  const found = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'documents' AND column_name = 'plan'`,
    [s],
  );
  return found.rows.length > 0;
}

async function connect(url: string, connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  // An idle client whose server goes away emits 'error'; the next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new InputError(`cannot connect to the database (${(error as Error).message})`, describeUrl(url));
  }
  return client;
}

/** Create the index's schema and tables, or check the ones there: one process at a time (advisory lock). */
async function openSchema(client: pg.Client, url: string, s: string, options: OpenPostgresOptions): Promise<void> {
  const where = describeUrl(url);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`copydesk:${s}`]);
    const tables = (
      await client.query<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1',
        [s],
      )
    ).rows.map((r) => r.name);
    if (tables.length === 0) {
      if (options.readonly || options.mustExist)
        throw new InputError(
          `no index here yet (schema "${s}" holds no copydesk index; create one with \`copydesk index add\`)`,
          where,
        );
      if (!options.config) throw new RangeError('a sketch config is needed to create an index');
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await client.query(schemaSql(s));
      await client.query(
        `INSERT INTO ${s}.meta (key, value) VALUES ('application', 'copydesk'), ('format', $1), ('config', $2), ('state', 'ready'), ('documents', '0')`,
        [String(INDEX_FORMAT_VERSION), JSON.stringify(resolveSketchConfig(options.config))],
      );
    } else if (!tables.includes('meta')) {
      throw new InputError(
        `not a copydesk index (schema "${s}" holds other tables: ${tables.slice(0, 3).join(', ')}); it was left untouched`,
        where,
      );
    } else if (!options.readonly && tables.includes('bands')) {
      await coverBandKeys(client, s);
      // The body plans' column (`StoredDocument.plan`), as the SQLite store adds it: NULL for the
      // documents there, and for those an older copydesk writes (it names its columns).
      if (!(await hasPlanColumn(client, s))) await client.query(`ALTER TABLE ${s}.documents ADD COLUMN plan text`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function readMeta(
  client: pg.Client,
  url: string,
  s: string,
  options: OpenPostgresOptions,
): Promise<SketchConfig> {
  const where = describeUrl(url);
  const rows = (await client.query<{ key: string; value: string }>(`SELECT key, value FROM ${s}.meta`)).rows;
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  if (meta.get('application') !== 'copydesk')
    throw new InputError(
      `not a copydesk index (schema "${s}" has a meta table copydesk did not write); it was left untouched`,
      where,
    );
  const format = Number(meta.get('format'));
  if (format === FORMAT_WITHOUT_EVENTS && options.readonly)
    throw new InputError(
      'this index was written by an earlier copydesk (format 2): run `copydesk index rebuild` once to upgrade it',
      where,
    );
  if (format === FORMAT_WITHOUT_EVENTS) await addEventTables(client, s);
  else if (format !== INDEX_FORMAT_VERSION)
    throw new InputError(
      `copydesk index format ${meta.get('format')} is not supported (this version reads format ${INDEX_FORMAT_VERSION})`,
      where,
    );
  if (meta.get('state') === 'rebuilding' && options.allowRebuilding !== true)
    throw new InputError(
      'an `index rebuild` was interrupted: run `copydesk index rebuild` before using this index',
      where,
    );
  let config: unknown;
  try {
    config = JSON.parse(meta.get('config') ?? '');
    validateSketchConfig(config);
  } catch (error) {
    throw new InputError(`the index configuration record is invalid: ${(error as Error).message}`, where);
  }
  return config;
}

export class PostgresStore implements IndexStore {
  private constructor(
    private readonly client: pg.Client,
    private readonly url: string,
    private readonly s: string,
    public config: SketchConfig,
    /** The column of the documents' plans, or NULL where it is missing (see `hasPlanColumn`). */
    private readonly plan: 'plan' | 'NULL AS plan',
  ) {}

  /** Connect, then open (or create) the index in the URL's schema. Throws InputError for a wrong place. */
  static async open(url: string, options: OpenPostgresOptions = {}): Promise<PostgresStore> {
    const { connectionString, schema } = parsePostgresUrl(url);
    const client = await connect(url, connectionString);
    try {
      await openSchema(client, url, schema, options);
      const config = await readMeta(client, url, schema, options);
      if (options.readonly) await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
      const plan = (await hasPlanColumn(client, schema)) ? 'plan' : 'NULL AS plan';
      return new PostgresStore(client, url, schema, config, plan);
    } catch (error) {
      await client.end().catch(() => {});
      const pgError = error as { code?: string; message: string };
      if (error instanceof InputError || error instanceof RangeError || pgError.code === undefined) throw error;
      throw new InputError(`cannot open the index (${pgError.message})`, describeUrl(url));
    }
  }

  /** The last statement sent on the connection (see `serial`). */
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Send statements one at a time, in call order. The store's methods may be called concurrently
   * (a library caller, the store tests); pg queued overlapping queries on one client itself, which
   * it deprecates ("client.query() when the client is already executing a query", removed in pg
   * 9). This is the same order, kept here.
   */
  private serial<T>(send: () => Promise<T>): Promise<T> {
    const run = this.tail.then(send, send);
    this.tail = run.catch(() => {});
    return run;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.serial(() => this.client.query<R>(sql, params))).rows;
  }

  /** Run `work` in one transaction holding the index's write lock; roll back on any error. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    try {
      await this.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`copydesk:${this.s}`]);
      const out = await work();
      await this.query('COMMIT');
      return out;
    } catch (error) {
      await this.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  private async copy(table: string, columns: string, lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    await this.serial(() =>
      pipeline(
        Readable.from([lines.join('')]),
        this.client.query(copyFrom(`COPY ${this.s}.${table} (${columns}) FROM STDIN`)),
      ),
    );
  }

  async applyBatch(batch: IndexBatch): Promise<BatchOutcome> {
    return this.write(async () => {
      const ids = batchIds(batch);
      const conflicts = ids.length === 0 ? [] : listBatchConflicts(batch, await this.hashesOf(ids));
      if (conflicts.length > 0) return { conflicts };
      let documents = 0;
      for (const r of batch.remove ?? []) if (await this.removeOne(r)) documents--;
      const add = batch.add ?? [];
      if (add.length > 0) {
        this.wroteKeys = true;
        const rowids = (
          await this.query<{ r: string }>(
            `SELECT nextval('${this.s}.documents_rowid_seq') AS r FROM generate_series(1, $1)`,
            [add.length],
          )
        ).map((x) => x.r);
        await this.insertRows(add, rowids);
        documents += add.length;
      }
      await this.addTermCounts(countBatchTerms(add, batch.termCounts), 1);
      if (documents !== 0)
        await this.query(`UPDATE ${this.s}.meta SET value = (value::bigint + $1)::text WHERE key = 'documents'`, [
          documents,
        ]);
      return { conflicts: [] };
    });
  }

  private async insertRows(add: readonly DocumentEntry[], rowids: readonly string[]): Promise<void> {
    const docs: string[] = [];
    const sketches: string[] = [];
    const bands: string[] = [];
    const events: string[] = [];
    const eventKeys: string[] = [];
    add.forEach((e, i) => {
      const r = rowids[i] as string;
      docs.push(
        `${r}\t${copyText(e.id)}\t${e.hash}\t${copyText(e.text)}\t${copyText(JSON.stringify(e.meta))}\t${e.chars}\t${e.words}\t${e.plan === undefined ? '\\N' : copyText(e.plan)}\n`,
      );
      sketches.push(`${r}\t${e.charSize}\t${copyBytes(e.charSig)}\t${e.termSize}\t${copyBytes(e.termSig)}\n`);
      for (const code of keyIntegers(e)) bands.push(`${code}\t${r}\n`);
      pushEventRows(events, eventKeys, r, e);
    });
    await this.copy('documents', 'rowid, id, hash, text, meta, chars, words, plan', docs);
    await this.copy('sketches', 'doc, char_size, char_sig, term_size, term_sig', sketches);
    await this.copy('bands', 'key, doc', bands);
    await this.copyEvents(events, eventKeys, add);
  }

  /** Write event rows and add the documents' names to their document frequencies. */
  private async copyEvents(events: string[], eventKeys: string[], entries: readonly DocumentEntry[]): Promise<void> {
    await this.copy('events', 'doc, day, data', events);
    await this.copy('event_keys', 'key, day, doc, main', eventKeys);
    const counts = new Map<string, number>();
    for (const e of entries) for (const k of new Set(e.event?.mainKeys ?? [])) counts.set(k, (counts.get(k) ?? 0) + 1);
    await this.addNameCounts(counts);
  }

  /** Add (or subtract, with negative counts) names' document frequencies in one statement, in key order. */
  private async addNameCounts(counts: ReadonlyMap<string, number>): Promise<void> {
    if (counts.size === 0) return;
    const keys = [...counts.keys()].sort();
    await this.query(
      `INSERT INTO ${this.s}.names (key, df) SELECT k, d FROM unnest($1::text[], $2::int[]) AS u(k, d) ORDER BY k
       ON CONFLICT (key) DO UPDATE SET df = ${this.s}.names.df + excluded.df`,
      [keys, keys.map((k) => counts.get(k) as number)],
    );
    await this.query(`DELETE FROM ${this.s}.names WHERE key = ANY($1::text[]) AND df <= 0`, [keys]);
  }

  /** Remove the event rows of these documents, and their names from the document frequencies. */
  private async deleteEvents(rowids: readonly string[]): Promise<void> {
    if (rowids.length === 0) return;
    const main = await this.query<{ key: string; n: string }>(
      `SELECT key, count(*) AS n FROM ${this.s}.event_keys WHERE doc = ANY($1::bigint[]) AND main GROUP BY key`,
      [rowids],
    );
    await this.addNameCounts(new Map(main.map((r) => [r.key, -Number(r.n)])));
    await this.query(`DELETE FROM ${this.s}.event_keys WHERE doc = ANY($1::bigint[])`, [rowids]);
    await this.query(`DELETE FROM ${this.s}.events WHERE doc = ANY($1::bigint[])`, [rowids]);
  }

  private async removeOne(r: RemovedDocument): Promise<boolean> {
    const [row] = await this.query<{ rowid: string }>(`SELECT rowid FROM ${this.s}.documents WHERE id = $1`, [r.id]);
    if (!row) return false;
    const codes = keyIntegers(r);
    await this.query(`DELETE FROM ${this.s}.bands WHERE key = ANY($1::bigint[]) AND doc = $2`, [codes, row.rowid]);
    await this.deleteEvents([row.rowid]);
    await this.query(`DELETE FROM ${this.s}.documents WHERE rowid = $1`, [row.rowid]);
    await this.addTermCounts(new Map(r.terms.map((t) => [t, 1])), -1);
    return true;
  }

  /** Add (or subtract) document frequencies in one statement, in term order (a fixed lock order). */
  private async addTermCounts(counts: ReadonlyMap<string, number>, sign: 1 | -1): Promise<void> {
    if (counts.size === 0) return;
    const terms = [...counts.keys()].sort();
    const deltas = terms.map((t) => sign * (counts.get(t) as number));
    await this.query(
      `INSERT INTO ${this.s}.terms (term, df) SELECT t, d FROM unnest($1::text[], $2::int[]) AS u(t, d) ORDER BY t
       ON CONFLICT (term) DO UPDATE SET df = ${this.s}.terms.df + excluded.df`,
      [terms, deltas],
    );
    if (sign < 0) await this.query(`DELETE FROM ${this.s}.terms WHERE term = ANY($1::text[]) AND df <= 0`, [terms]);
  }

  /**
   * Keys are written straight into the indexed table: nothing is ever pending. After writes, the
   * band and sketch tables are vacuumed so that look-ups are index-only scans (a page not yet marked visible
   * sends each posting on it to the table); a vacuum another process runs is not waited for.
   */
  async mergePendingKeys(): Promise<void> {
    if (!this.wroteKeys) return;
    await this.query(`VACUUM (ANALYZE, SKIP_LOCKED) ${this.s}.bands, ${this.s}.sketches`);
    this.wroteKeys = false;
  }

  /** Whether this process wrote band keys since the last `mergePendingKeys`. */
  private wroteKeys = false;

  async findByBands(channel: Channel, keys: Uint32Array): Promise<BandHit[]> {
    const codes = bandIntegers({ [channel]: keys });
    if (codes.length === 0) return [];
    const rows = await this.query<{ id: string; bands: string }>(
      `SELECT d.id, count(*) AS bands FROM ${this.s}.bands b JOIN ${this.s}.documents d ON d.rowid = b.doc
       WHERE b.key = ANY($1::bigint[]) GROUP BY d.id`,
      [codes],
    );
    return rows
      .map((r) => ({ id: r.id, bands: Number(r.bands) }))
      .sort((x, y) => y.bands - x.bands || x.id.localeCompare(y.id));
  }

  /**
   * As the SQLite store: the documents under at least `minBands` band keys or found through the
   * sampled shingles, their signatures read by rowid (term signatures only for a term channel),
   * then ids for those `rank` keeps, in one more round trip.
   */
  async findRankedSketches(
    query: BandQuery,
    rank: (s: CandidateSignatures) => number,
    options: RankOptions = {},
  ): Promise<RankedCandidates> {
    const { session } = options;
    const { docs: all, found } = await this.docsFound(query, options.minBands ?? 1, session);
    const docs = unlooked(all, session);
    if (docs.length === 0) return { found, looked: 0, kept: [] };
    const withTerms = query.terms !== undefined;
    const rows = await this.query<SignatureRow<Buffer>>(
      `SELECT doc, char_size, char_sig${withTerms ? ', term_size, term_sig' : ''} FROM ${this.s}.sketches
       WHERE doc = ANY($1::bigint[])`,
      [docs],
    );
    const scores = scoreSignatureRows(rows, rank, fromBytes);
    if (scores.size === 0) return { found, looked: rows.length, kept: [] };
    const ids = await this.query<{ rowid: string; id: string }>(
      `SELECT rowid, id FROM ${this.s}.documents WHERE rowid = ANY($1::bigint[])`,
      [[...scores.keys()]],
    );
    return {
      found,
      looked: rows.length,
      kept: ids.map((r) => ({ id: r.id, score: scores.get(Number(r.rowid)) ?? 0 })),
    };
  }

  async findSketchesByBands(query: BandQuery): Promise<StoredSketch[]> {
    const { docs } = await this.docsFound(query, 1);
    if (docs.length === 0) return [];
    const rows = await this.query<SketchRow>(
      `SELECT d.id, s.char_size, s.char_sig, s.term_size, s.term_sig FROM ${this.s}.sketches s
       JOIN ${this.s}.documents d ON d.rowid = s.doc
       WHERE s.doc = ANY($1::bigint[]) ORDER BY s.doc`,
      [docs],
    );
    return rows.map(toSketch);
  }

  /**
   * The documents a band query finds (`documentsToRead`). Two steps, the documents first: with the
   * band look-up as a subquery the planner guessed thousands of rows and hashed the whole
   * documents table (160 ms at 100k documents, for 5).
   */
  private async docsFound(
    query: BandQuery,
    minBands: number,
    session?: LookupSession,
  ): Promise<{ docs: number[]; found: number }> {
    const codes = bandIntegers(query);
    const under = sessionUnder(session, codes) ?? rememberUnder(session, codes, await this.countUnder(codes));
    return documentsToRead(under, query.samples ? await this.docsBySamples(query.samples) : [], minBands);
  }

  /** Document rowid → how many of these band integers it is under. */
  private async countUnder(codes: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    if (codes.length > 0)
      for (const r of await this.query<{ doc: string; n: string }>(
        `SELECT doc, count(*) AS n FROM ${this.s}.bands WHERE key = ANY($1::bigint[]) GROUP BY doc`,
        [codes],
      ))
        counts.set(Number(r.doc), Number(r.n));
    return counts;
  }

  /**
   * Rowids qualifying through the sampled shingles (`sampleMates`), in one statement as in the
   * SQLite store: each key's postings counted up to one past `maxPostings` on the index, the
   * counted keys' postings grouped by document, and the rule applied to the sizes of those
   * sharing enough, so that only the documents that qualify are sent (not every posting, then the
   * sizes of every document sharing two). The rule is `countSampleMates` and `passesSampleShare`
   * with `sampleMates`' sizes, in the same double-precision steps; test/store/sampleRule.test.ts
   * holds it to the memory store's answers.
   */
  private async docsBySamples(query: SampleQuery): Promise<number[]> {
    if (query.keys.length === 0) return [];
    const rows = await this.query<{ doc: string }>(
      `WITH counted AS MATERIALIZED (
         SELECT k.key FROM unnest($1::bigint[]) AS k(key)
         WHERE (SELECT count(*) FROM (SELECT 1 FROM ${this.s}.bands WHERE key = k.key LIMIT $2) x) <= $3),
       kn AS MATERIALIZED (SELECT count(*) AS n FROM counted),
       mates AS MATERIALIZED (
         SELECT b.doc, count(*) AS n FROM counted c JOIN ${this.s}.bands b ON b.key = c.key
         GROUP BY b.doc HAVING count(*) >= LEAST($4::bigint, (SELECT n FROM kn)))
       SELECT m.doc FROM mates m CROSS JOIN kn JOIN ${this.s}.sketches s ON s.doc = m.doc
       WHERE m.n::float8 >= $5::float8 * LEAST(kn.n::float8, (s.char_size::float8 / $6::float8) * (kn.n::float8 / $7::float8))`,
      sampleRuleParameters(query),
    );
    return rows.map((r) => Number(r.doc));
  }

  async findEventCandidates(query: EventQuery): Promise<StoredEvent[]> {
    const keys = [...new Set(query.keys)];
    if (keys.length === 0) return [];
    // Two look-ups on (key, day): the window's range, and the undated documents.
    const under = query.days
      ? `SELECT doc FROM ${this.s}.event_keys WHERE key = ANY($1::text[]) AND day BETWEEN $3 AND $4
         UNION ALL SELECT doc FROM ${this.s}.event_keys WHERE key = ANY($1::text[]) AND day IS NULL`
      : `SELECT doc FROM ${this.s}.event_keys WHERE key = ANY($1::text[])`;
    // The `limit` best are chosen before their sketches are read (as in the SQLite store).
    const rows = await this.query<{ id: string; data: string; n: string }>(
      `SELECT c.id, e.data, c.n FROM (SELECT c0.doc, c0.n, d.id FROM (
         SELECT doc, count(*) AS n FROM (${under}) u GROUP BY doc) c0
       JOIN ${this.s}.documents d ON d.rowid = c0.doc ORDER BY c0.n DESC, d.id COLLATE "C" LIMIT $2) c
       JOIN ${this.s}.events e ON e.doc = c.doc ORDER BY c.n DESC, c.id COLLATE "C"`,
      query.days ? [keys, query.limit, query.days.from, query.days.to] : [keys, query.limit],
    );
    return rows.map((r) => ({ id: r.id, sketch: JSON.parse(r.data) as EventSketch, shared: Number(r.n) }));
  }

  async getNameFrequencies(keys: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const k of keys) df.set(k, 0);
    const rows = await this.query<{ key: string | null; n: string }>(
      `SELECT key, df::bigint AS n FROM ${this.s}.names WHERE key = ANY($1::text[])
       UNION ALL SELECT NULL, value::bigint FROM ${this.s}.meta WHERE key = 'documents'`,
      [[...df.keys()]],
    );
    let documents = 0;
    for (const r of rows) {
      if (r.key === null) documents = Number(r.n);
      else df.set(r.key, Number(r.n));
    }
    return { documents, df };
  }

  async findByHash(hash: string): Promise<string[]> {
    return (
      await this.query<{ id: string }>(`SELECT id FROM ${this.s}.documents WHERE hash = $1 ORDER BY rowid`, [hash])
    ).map((r) => r.id);
  }

  private async hashesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.query<{ id: string; hash: string }>(
      `SELECT id, hash FROM ${this.s}.documents WHERE id = ANY($1::text[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.hash]));
  }

  async getHashes(ids: readonly string[]): Promise<Map<string, string>> {
    return ids.length === 0 ? new Map() : this.hashesOf(ids);
  }

  async getDocuments(ids: readonly string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<DocRow>(
      `SELECT rowid, id, hash, text, meta, chars, words, ${this.plan} FROM ${this.s}.documents WHERE id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toDocument(r)] : [];
    });
  }

  async getSketches(ids: readonly string[]): Promise<StoredSketch[]> {
    if (ids.length === 0) return [];
    const rows = await this.query<SketchRow>(
      `SELECT d.id, s.char_size, s.char_sig, s.term_size, s.term_sig FROM ${this.s}.documents d
       JOIN ${this.s}.sketches s ON s.doc = d.rowid WHERE d.id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toSketch(r)] : [];
    });
  }

  async getDocumentFrequencies(terms: Iterable<string>): Promise<{ documents: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const t of terms) df.set(t, 0);
    const rows = await this.query<{ term: string; df: number }>(
      `SELECT term, df FROM ${this.s}.terms WHERE term = ANY($1::text[])
       UNION ALL SELECT NULL, value::int FROM ${this.s}.meta WHERE key = 'documents'`,
      [[...df.keys()]],
    );
    let documents = 0;
    for (const r of rows) {
      if (r.term === null) documents = Number(r.df);
      else df.set(r.term, r.df);
    }
    return { documents, df };
  }

  async *iterateDocuments(size: number): AsyncIterable<StoredDocument[]> {
    let after = '0';
    for (;;) {
      const rows = await this.query<DocRow>(
        `SELECT rowid, id, hash, text, meta, chars, words, ${this.plan} FROM ${this.s}.documents WHERE rowid > $1 ORDER BY rowid LIMIT $2`,
        [after, size],
      );
      if (rows.length === 0) return;
      after = (rows[rows.length - 1] as DocRow).rowid;
      yield rows.map(toDocument);
    }
  }

  async resetDerived(config: SketchConfig): Promise<void> {
    await this.write(async () => {
      await this.query(
        `TRUNCATE ${this.s}.bands, ${this.s}.terms, ${this.s}.events, ${this.s}.event_keys, ${this.s}.names`,
      );
      await this.query(`UPDATE ${this.s}.sketches SET char_size = 0, char_sig = '', term_size = 0, term_sig = ''`);
      await this.query(`UPDATE ${this.s}.meta SET value = $1 WHERE key = 'config'`, [JSON.stringify(config)]);
      await this.query(`UPDATE ${this.s}.meta SET value = 'rebuilding' WHERE key = 'state'`);
    });
    this.config = config;
  }

  async applyDerived(
    entries: readonly DocumentEntry[],
    options: { termCounts?: ReadonlyMap<string, number> } = {},
  ): Promise<void> {
    this.wroteKeys = true;
    await this.write(async () => {
      const rows = await this.query<{ rowid: string; id: string }>(
        `SELECT rowid, id FROM ${this.s}.documents WHERE id = ANY($1::text[])`,
        [entries.map((e) => e.id)],
      );
      const rowidOf = new Map(rows.map((r) => [r.id, r.rowid]));
      const known = entries.filter((e) => rowidOf.has(e.id));
      const bands: string[] = [];
      const events: string[] = [];
      const eventKeys: string[] = [];
      await this.deleteEvents([...rowidOf.values()]);
      for (const e of known) {
        const r = rowidOf.get(e.id) as string;
        pushEventRows(events, eventKeys, r, e);
        // The plan of the extraction that sketched it now (none: the gate extracts its body), in
        // the same statement.
        await this.query(
          `WITH d AS (UPDATE ${this.s}.documents SET plan = $6 WHERE rowid = $5)
           UPDATE ${this.s}.sketches SET char_size = $1, char_sig = $2, term_size = $3, term_sig = $4 WHERE doc = $5`,
          [
            e.charSize,
            Buffer.from(e.charSig.buffer, e.charSig.byteOffset, e.charSig.byteLength),
            e.termSize,
            Buffer.from(e.termSig.buffer, e.termSig.byteOffset, e.termSig.byteLength),
            r,
            e.plan ?? null,
          ],
        );
        for (const code of keyIntegers(e)) bands.push(`${code}\t${r}\n`);
      }
      await this.copy('bands', 'key, doc', bands);
      await this.copyEvents(events, eventKeys, known);
      await this.addTermCounts(countBatchTerms(known, options.termCounts), 1);
    });
  }

  async setState(state: 'ready' | 'rebuilding'): Promise<void> {
    await this.query(`UPDATE ${this.s}.meta SET value = $1 WHERE key = 'state'`, [state]);
  }

  async stats(): Promise<IndexStats> {
    const [row] = await this.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM ${this.s}.documents) AS documents, (SELECT count(*) FROM ${this.s}.terms) AS terms,
        (SELECT count(*) FROM ${this.s}.bands) AS bands, (SELECT coalesce(sum(chars), 0) FROM ${this.s}.documents) AS chars,
        (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind = 'r') AS bytes`,
      [this.s],
    );
    return {
      documents: Number(row?.documents),
      terms: Number(row?.terms),
      bucketEntries: Number(row?.bands),
      textChars: Number(row?.chars),
      config: this.config,
      bytes: Number(row?.bytes),
      path: describeUrl(this.url),
    };
  }

  async close(): Promise<void> {
    await this.tail;
    await this.client.end().catch(() => {});
  }
}
