import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSketchConfig } from '../../src/core/minhash/sketch.js';
import { addArticles, describeRemoval, prepareEntry } from '../../src/pipeline/indexing.js';
import { MemoryStore } from '../../src/store/memory.js';
import { APPLICATION_ID, SqliteStore } from '../../src/store/sqlite.js';
import { InputError } from '../../src/types/index.js';
import type { IndexStore } from '../../src/types/store.js';
import { makeTempDir, readSeeds } from './fixtures.js';

const dir = makeTempDir('store');
const config = createSketchConfig();
const seeds = readSeeds();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let n = 0;

const STORES: Array<{ name: string; open: () => IndexStore }> = [
  { name: 'memory', open: () => new MemoryStore(config) },
  { name: 'sqlite', open: () => SqliteStore.open(join(dir, `s${n++}.db`), { config }) },
];

describe.each(STORES)('$name store', ({ open }) => {
  it('finds a stored document by its hash and its bands, and counts document frequencies', () => {
    const store = open();
    const entries = seeds.map((a) => prepareEntry(a, config));
    store.applyBatch({ add: entries });
    const first = entries[0];
    if (!first) throw new Error('no seeds');
    expect(store.findByHash(first.hash)).toEqual([first.id]);
    const hits = store.findByBands('chars', first.charKeys);
    expect(hits[0]).toEqual({ id: first.id, bands: config.chars.bands });
    const term = first.terms[0] as string;
    const expectedDf = entries.filter((e) => e.terms.includes(term)).length;
    const freqs = store.getDocumentFrequencies([term, 'zzz-never-seen']);
    expect(freqs.documents).toBe(5);
    expect(freqs.df.get(term)).toBe(expectedDf);
    expect(freqs.df.get('zzz-never-seen')).toBe(0);
    expect(store.getSketches([first.id])[0]?.charSig).toEqual(first.charSig);
    expect(store.getDocuments([first.id])[0]?.text).toBe(first.text);
    store.close();
  });

  it('removing a document undoes its bands and its document frequencies exactly', () => {
    const store = open();
    const entries = seeds.map((a) => prepareEntry(a, config));
    store.applyBatch({ add: entries.slice(0, 4) });
    const before = store.stats();
    store.applyBatch({ add: entries.slice(4) });
    const removal = describeRemoval(store, entries[4]?.id as string);
    if (!removal) throw new Error('not found');
    store.applyBatch({ remove: [removal] });
    const after = store.stats();
    expect({ documents: after.documents, terms: after.terms, bucketEntries: after.bucketEntries }).toEqual({
      documents: before.documents,
      terms: before.terms,
      bucketEntries: before.bucketEntries,
    });
    expect(store.findByBands('chars', entries[4]?.charKeys as Uint32Array)).toEqual([]);
    store.close();
  });

  it('deferred band keys are found before and after the merge, and removal while pending undoes them', () => {
    const direct = open();
    const deferred = open();
    const entries = seeds.map((a) => prepareEntry(a, config));
    direct.applyBatch({ add: entries });
    deferred.applyBatch({ add: entries.slice(0, 3), deferKeys: true });
    deferred.applyBatch({ add: entries.slice(3), deferKeys: true });
    const look = (s: IndexStore) =>
      entries.map((e) => [s.findByBands('chars', e.charKeys), s.findByBands('terms', e.termKeys)]);
    expect(look(deferred)).toEqual(look(direct));
    expect(deferred.stats().bucketEntries).toBe(direct.stats().bucketEntries);
    // A removal while keys are pending.
    const removal = describeRemoval(deferred, entries[1]?.id as string);
    if (!removal) throw new Error('not found');
    deferred.applyBatch({ remove: [removal] });
    const again = describeRemoval(direct, entries[1]?.id as string);
    if (!again) throw new Error('not found');
    direct.applyBatch({ remove: [again] });
    deferred.mergePendingKeys();
    expect(look(deferred)).toEqual(look(direct));
    expect(deferred.stats().bucketEntries).toBe(direct.stats().bucketEntries);
    // The document count the gate reads (kept up to date by each batch) is the real count.
    for (const s of [direct, deferred]) expect(s.getDocumentFrequencies([]).documents).toBe(s.stats().documents);
    expect(deferred.stats().documents).toBe(entries.length - 1);
    direct.close();
    deferred.close();
  });

  it('pages through every document in insertion order', () => {
    const store = open();
    store.applyBatch({ add: seeds.map((a) => prepareEntry(a, config)) });
    const pages = [...store.iterateDocuments(2)];
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((d) => d.id)).toEqual(seeds.map((s) => s.id));
    store.close();
  });
});

describe('sqlite store: files it must refuse, untouched', () => {
  function foreignSqlite(path: string): void {
    const db = new Database(path);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
    db.close();
  }
  const CASES: Array<{ name: string; make: (path: string) => void; message: RegExp }> = [
    {
      name: 'a text file',
      make: (p) => writeFileSync(p, 'This is a shopping list, not an index.\n'.repeat(20)),
      message: /not a copydesk index \(not an SQLite database/,
    },
    {
      name: 'random bytes',
      make: (p) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256))),
      message: /not a copydesk index/,
    },
    {
      name: 'a truncated header',
      make: (p) => writeFileSync(p, 'SQLite format 3\u0000abc'),
      message: /not a copydesk index/,
    },
    {
      name: "another program's SQLite database",
      make: foreignSqlite,
      message: /an SQLite database with application_id 0x00000000, expected 0x43504458/,
    },
  ];

  it.each(CASES)('$name: InputError, same bytes, no -wal/-shm created', ({ make, message }) => {
    const path = join(dir, `foreign-${n++}.db`);
    make(path);
    const before = sha(path);
    for (const readonly of [false, true]) {
      expect(() => SqliteStore.open(path, { config, readonly })).toThrow(InputError);
      expect(() => SqliteStore.open(path, { config, readonly })).toThrow(message);
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });

  it('refuses an index whose pages are damaged after the header, with an InputError', async () => {
    const path = join(dir, `damaged-${n++}.db`);
    const store = SqliteStore.open(path, { config });
    await addArticles(store, seeds);
    store.checkpoint();
    store.close();
    const bytes = readFileSync(path);
    // Overwrite everything after the first page (schema and data) with noise.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
    writeFileSync(path, bytes);
    const before = sha(path);
    expect(() => {
      const s = SqliteStore.open(path, { config, readonly: true });
      try {
        s.stats();
      } finally {
        s.close();
      }
    }).toThrow(InputError);
    expect(sha(path)).toBe(before);
  });

  it('keys left pending (a load stopped before its merge) are found read-only and merged on the next writable open', async () => {
    const path = join(dir, `pending-${n++}.db`);
    const store = SqliteStore.open(path, { config });
    await addArticles(store, seeds, { keepPendingKeys: true, batchSize: 2 });
    const first = prepareEntry(seeds[0] as (typeof seeds)[number], config);
    const want = store.findByBands('chars', first.charKeys);
    expect(want[0]).toEqual({ id: first.id, bands: config.chars.bands });
    store.close();
    const reader = SqliteStore.open(path, { readonly: true });
    expect(reader.findByBands('chars', first.charKeys)).toEqual(want);
    reader.close();
    const writer = SqliteStore.open(path, { config });
    writer.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM pending_bands').get()).toEqual({ n: 0 });
    db.close();
    const after = SqliteStore.open(path, { readonly: true });
    expect(after.findByBands('chars', first.charKeys)).toEqual(want);
    after.close();
  });

  it('marks new files with the copydesk application id and format version', () => {
    const path = join(dir, `new-${n++}.db`);
    SqliteStore.open(path, { config }).close();
    const header = readFileSync(path).subarray(0, 100);
    expect(header.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(header.readUInt32BE(60)).toBe(1);
  });

  it('a read-only open of a missing file says so and creates nothing', () => {
    const path = join(dir, 'missing', 'index.db');
    expect(() => SqliteStore.open(path, { readonly: true })).toThrow(/no index here yet/);
    expect(existsSync(path)).toBe(false);
  });
});
