import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { eventQuery } from '../../src/core/events/known.js';
import { rankSignatures, SAMPLE_FILTER, screenCharSignatures } from '../../src/core/minhash/filter.js';
import { CONTAINMENT_SAMPLE, createSketchConfig } from '../../src/core/minhash/sketch.js';
import { BODY_PLAN_VERSION } from '../../src/core/text/bodyPlan.js';
import { selectParagraphs } from '../../src/core/text/normalize.js';
import { gateArticles } from '../../src/pipeline/gate.js';
import { addArticles, describeRemoval, prepareEntry, rebuildIndex } from '../../src/pipeline/indexing.js';
import { MemoryStore } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';
import { PostgresStore, parsePostgresUrl } from '../../src/store/postgres.js';
import { APPLICATION_ID, SqliteStore } from '../../src/store/sqlite.js';
import {
  type Article,
  type DocumentEntry,
  digestHex,
  type EventEntry,
  InputError,
  type SketchConfig,
  screenDigest,
} from '../../src/types/index.js';
import type { IndexStore, SampleQuery } from '../../src/types/store.js';
import { freshPostgresUrl, hasPostgres, postgresSkipReason } from '../helpers/postgres.js';
import { storeKinds } from '../helpers/stores.js';
import { makeTempDir, readSeeds, variantsOf } from './fixtures.js';

/** The gate's sample query for a prepared entry (the containment channel's rule). */
const sampleQueryOf = (e: DocumentEntry): SampleQuery => ({
  keys: e.sampleKeys ?? new Uint32Array(),
  oneIn: CONTAINMENT_SAMPLE,
  ...SAMPLE_FILTER,
});

const dir = makeTempDir('store');
const config = createSketchConfig();
/** The config of an index that keeps event sketches (`index add --events`). */
const withEvents = { ...config, events: true };
const seeds = readSeeds();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let n = 0;

const STORES = storeKinds('store').map((k) => ({ ...k, open: () => k.open(config) }));

/** A store of the given kind holding the seeds, and their entries. */
async function seeded(open: () => Promise<IndexStore>): Promise<{ store: IndexStore; entries: DocumentEntry[] }> {
  const store = await open();
  const entries = seeds.map((a) => prepareEntry(a, config));
  await store.applyBatch({ add: entries });
  return { store, entries };
}

/**
 * An index of the first three seeds made before body plans, opened read-only: its documents have
 * none (every page read), and the gate still finds a copy of one (extracting its body).
 */
async function expectNoPlansRead(reader: IndexStore): Promise<void> {
  const docs = (await collect(reader.iterateDocuments(10))).flat();
  expect(docs.map((d) => [d.id, d.plan])).toEqual(seeds.slice(0, 3).map((a) => [a.id, undefined]));
  expect((await reader.getDocuments([seeds[0]?.id as string]))[0]?.plan).toBeUndefined();
  const { results } = await gateArticles(reader, [{ ...(seeds[1] as Article), id: 'again' }]);
  expect(results[0]?.verdict).toBe('redundant');
}

/** The same index after a writable open added the column: the last two seeds added get plans, the first three still none. */
async function expectPlansOfNewDocuments(writer: IndexStore): Promise<void> {
  await addArticles(writer, seeds.slice(3));
  const after = await writer.getDocuments(seeds.map((a) => a.id));
  const planned = after.map((d) => d.plan !== undefined && d.plan === selectParagraphs(d.text, undefined).plan);
  expect(planned).toEqual([false, false, false, true, true]);
}

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const p of pages) out.push(p);
  return out;
}

describe.each(STORES)('$name store', ({ open, skip }) => {
  it.skipIf(skip !== '')(
    'finds a stored document by its hash and its bands, and counts document frequencies',
    async () => {
      const store = await open();
      const entries = seeds.map((a) => prepareEntry(a, config));
      await store.applyBatch({ add: entries });
      const first = entries[0];
      if (!first) throw new Error('no seeds');
      expect(await store.findByHash(first.hash)).toEqual([first.id]);
      const hits = await store.findByBands('chars', first.charKeys);
      expect(hits[0]).toEqual({ id: first.id, bands: config.chars.bands });
      const viaSketches = await store.findSketchesByBands({ chars: first.charKeys });
      expect(viaSketches.map((s) => s.id).sort()).toEqual(hits.map((h) => h.id).sort());
      expect(viaSketches.find((s) => s.id === first.id)?.charSig).toEqual(first.charSig);
      const term = first.terms?.[0] as string;
      const expectedDf = entries.filter((e) => e.terms?.includes(term)).length;
      const freqs = await store.getDocumentFrequencies([term, 'zzz-never-seen']);
      expect(freqs.documents).toBe(5);
      expect(freqs.df.get(term)).toBe(expectedDf);
      expect(freqs.df.get('zzz-never-seen')).toBe(0);
      // Every term at once, asked out of order with an unknown one among them: each count is its own.
      const all = [...new Set(entries.flatMap((e) => e.terms ?? []))];
      const asked = [all[all.length - 1] as string, 'zzz-never-seen', ...all.slice(0, -1).reverse()];
      const many = await store.getDocumentFrequencies(asked);
      expect(many.df.size).toBe(all.length + 1);
      for (const t of all) expect(many.df.get(t)).toBe(entries.filter((e) => e.terms?.includes(t)).length);
      expect(many.df.get('zzz-never-seen')).toBe(0);
      expect((await store.getSketches([first.id]))[0]?.charSig).toEqual(first.charSig);
      expect((await store.getDocuments([first.id]))[0]?.text).toBe(first.text);
      await store.close();
    },
  );

  it.skipIf(skip !== '')(
    'ranks what the band and sample look-up finds: the same documents and scores as the sketches ranked one by one, ids only for those kept',
    async () => {
      const { store } = await seeded(open);
      const long = seeds.reduce((x, y) => (y.text.length > x.text.length ? y : x));
      const probes = [
        prepareEntry({ id: 'excerpt', text: long.text.slice(0, Math.floor(long.text.length / 3)) }, config),
        prepareEntry({ id: 'copy', text: `Breaking.\n\n${seeds[1]?.text ?? ''}` }, config),
        prepareEntry(
          { id: 'other', text: 'The weather in Oslo stayed cold and dry all week, forecasters said.' },
          config,
        ),
      ];
      let cases = 0;
      for (const probe of probes)
        for (const translations of [false, true]) {
          const query = {
            chars: probe.charKeys,
            ...(translations ? { terms: probe.termKeys } : {}),
            samples: sampleQueryOf(probe),
          };
          const rank = (s: { charSize: number; charSig: Uint32Array; termSig: Uint32Array }) =>
            rankSignatures(s, probe, config.seed, translations);
          const found = await store.findSketchesByBands(query);
          const want = found
            .map((s) => ({ id: s.id, score: rank(s) }))
            .filter((k) => k.score > 0)
            .sort((x, y) => x.id.localeCompare(y.id));
          const seen: number[] = [];
          const got = await store.findRankedSketches(query, (s) => {
            seen.push(s.termSig.length);
            return rank(s);
          });
          expect(got.looked).toBe(found.length);
          expect([...got.kept].sort((x, y) => x.id.localeCompare(y.id))).toEqual(want);
          // The term signatures are there whenever the query asks for the term channel.
          if (translations) expect(seen.every((n) => n === config.terms.numPerm)).toBe(true);
          cases += want.length;
        }
      // The excerpt and the copy find their sources; the unrelated text finds nothing.
      expect(cases).toBeGreaterThanOrEqual(4);
      expect((await store.findRankedSketches({ chars: (probes[2] as DocumentEntry).charKeys }, () => 1)).kept).toEqual(
        [],
      );
      await store.close();
    },
  );

  it.skipIf(skip !== '')(
    'with minBands, leaves out the documents under fewer band keys (SQLite, PostgreSQL) or none (memory), and counts them as found either way',
    async () => {
      const { store, entries } = await seeded(open);
      const [a, b] = entries as [DocumentEntry, DocumentEntry];
      // b's band keys with band 0 taken from a: a is under that one key alone (checked below).
      const chars = Uint32Array.from(b.charKeys, (k, i) => (i === 0 ? (a.charKeys[0] as number) : k));
      const alone = await store.findByBands('chars', chars);
      const underOne = alone.filter((h) => h.bands === 1).map((h) => h.id);
      expect(underOne).toContain(a.id);
      const keepAll = () => 1;
      const all = await store.findRankedSketches({ chars }, keepAll);
      const first = await store.findRankedSketches({ chars }, keepAll, { minBands: 2 });
      expect(first.found).toBe(all.found);
      expect(all.looked).toBe(all.found);
      const ids = (r: { kept: Array<{ id: string }> }) => r.kept.map((k) => k.id).sort();
      expect(ids(all)).toEqual(alone.map((h) => h.id).sort());
      if (store instanceof SqliteStore || store instanceof PostgresStore) {
        expect(first.looked).toBe(all.found - underOne.length);
        expect(ids(first)).toEqual(
          alone
            .filter((h) => h.bands >= 2)
            .map((h) => h.id)
            .sort(),
        );
      } else expect(ids(first)).toEqual(ids(all));
      // A document found through the sampled shingles is looked at whatever its band keys.
      const withSamples = await store.findRankedSketches({ chars, samples: sampleQueryOf(a) }, keepAll, {
        minBands: 2,
      });
      expect(ids(withSamples)).toContain(a.id);
      await store.close();
    },
  );

  it.skipIf(skip !== '')(
    "with a session, the gate's three rounds count the same documents found and rank each document once",
    async () => {
      const { store, entries } = await seeded(open);
      const long = seeds.reduce((x, y) => (y.text.length > x.text.length ? y : x));
      const probes = [
        prepareEntry({ id: 'excerpt', text: long.text.slice(0, Math.floor(long.text.length / 3)) }, config),
        prepareEntry({ id: 'copy', text: `Breaking.\n\n${seeds[1]?.text ?? ''}` }, config),
        ...entries.slice(2, 4),
      ];
      let ranked = 0;
      for (const probe of probes) {
        const bands = { chars: probe.charKeys, terms: probe.termKeys };
        const rounds = [
          { query: bands, minBands: 2 },
          { query: { ...bands, samples: sampleQueryOf(probe) }, minBands: Number.POSITIVE_INFINITY },
          { query: bands, minBands: 1 },
        ];
        const session = {};
        const seen = new Set<string>();
        for (const { query, minBands } of rounds) {
          const rank = (s: { charSize: number; charSig: Uint32Array; termSig: Uint32Array }) =>
            rankSignatures(s, probe, config.seed, true);
          const alone = await store.findRankedSketches(query, rank, { minBands });
          const shared = await store.findRankedSketches(query, rank, { minBands, session });
          expect(shared.found).toBe(alone.found);
          const ids = (r: { kept: Array<{ id: string; score: number }> }) =>
            r.kept.map((k) => `${k.id} ${k.score}`).sort();
          if (store instanceof MemoryStore) expect(ids(shared)).toEqual(ids(alone));
          else {
            // What an earlier round ranked is not ranked again; the rest as without a session.
            for (const k of shared.kept) expect(seen.has(k.id)).toBe(false);
            expect(ids(shared)).toEqual(ids({ kept: alone.kept.filter((k) => !seen.has(k.id)) }));
          }
          for (const k of alone.kept) seen.add(k.id);
          ranked += shared.kept.length;
        }
      }
      expect(ranked).toBeGreaterThanOrEqual(probes.length);
      await store.close();
    },
  );

  it.skipIf(skip !== '')(
    'finds a long document through the sampled shingles of an excerpt: two shared, a quarter of the smaller sample, none too common',
    async () => {
      const store = await open();
      const entries = seeds.map((a) => prepareEntry(a, config));
      await store.applyBatch({ add: entries });
      const long = seeds.reduce((x, y) => (y.text.length > x.text.length ? y : x));
      // The opening fifth of the longest seed: Jaccard far below the bands' threshold.
      const excerpt = prepareEntry(
        { id: 'excerpt', text: long.text.slice(0, Math.floor(long.text.length / 5)) },
        config,
      );
      const keys = excerpt.sampleKeys ?? new Uint32Array(0);
      expect(keys.length).toBeGreaterThan(4);
      const found = async (q: { keys: Uint32Array; minShareOfSmaller?: number; maxPostings?: number }) =>
        (
          await store.findSketchesByBands({
            samples: { minShared: 2, minShareOfSmaller: 0.25, maxPostings: 200, oneIn: 32, ...q },
          })
        ).map((s) => s.id);
      expect(await found({ keys })).toEqual([long.id]);
      // The seeds tell one story, so the others share a few sampled shingles with it ("the
      // Communist Party of China"): two, but under a quarter of the excerpt's.
      expect((await found({ keys, minShareOfSmaller: 0 })).length).toBeGreaterThan(1);
      // One shared key is not enough when the probe has two or more…
      const one = keys.subarray(0, 1);
      expect(await found({ keys: Uint32Array.of(one[0] as number, 7), minShareOfSmaller: 0 })).toEqual([]);
      // …and enough when it is all the probe has.
      expect(await found({ keys: one })).toContain(long.id);
      // A key held by more documents than `maxPostings` is no evidence.
      expect(await found({ keys, maxPostings: 0 })).toEqual([]);
      await store.close();
    },
  );

  it.skipIf(skip !== '')(
    "keeps each document's body plan as index add made it, and the plan of its new sketch after a rebuild",
    async () => {
      const store = await open();
      await addArticles(store, seeds);
      const ids = seeds.map((a) => a.id);
      const plans = async () => (await store.getDocuments(ids)).map((d) => d.plan);
      const want = seeds.map((a) => selectParagraphs(a.text, a.lang).plan);
      expect(want.every((p) => p?.startsWith(`${BODY_PLAN_VERSION}|`))).toBe(true);
      expect(await plans()).toEqual(want);
      expect((await collect(store.iterateDocuments(2))).flat().map((d) => d.plan)).toEqual(want);
      // Sketches written by a path that makes no plan leave none behind; a rebuild writes them again.
      await store.applyDerived(
        seeds.map((a) => {
          const { plan: _, ...entry } = prepareEntry(a, config);
          return entry;
        }),
      );
      expect(await plans()).toEqual(seeds.map(() => undefined));
      await rebuildIndex(store);
      expect(await plans()).toEqual(want);
      await store.close();
    },
  );

  it.skipIf(skip !== '')('removing a document undoes its bands and its document frequencies exactly', async () => {
    const store = await open();
    const entries = seeds.map((a) => prepareEntry(a, config));
    await store.applyBatch({ add: entries.slice(0, 4) });
    const before = await store.stats();
    await store.applyBatch({ add: entries.slice(4) });
    const removal = await describeRemoval(store, entries[4]?.id as string);
    if (!removal) throw new Error('not found');
    await store.applyBatch({ remove: [removal] });
    const after = await store.stats();
    expect({ documents: after.documents, terms: after.terms, bucketEntries: after.bucketEntries }).toEqual({
      documents: before.documents,
      terms: before.terms,
      bucketEntries: before.bucketEntries,
    });
    expect(await store.findByBands('chars', entries[4]?.charKeys as Uint32Array)).toEqual([]);
    await store.close();
  });

  it.skipIf(skip !== '')(
    'applies nothing of a batch that finds another state than it expects, and names the ids',
    async () => {
      const store = await open();
      const entries = seeds.map((a) => prepareEntry(a, config));
      await store.applyBatch({ add: entries.slice(0, 2) });
      const before = await store.stats();
      // An addition whose id is taken, and a removal describing a text that is not the stored one.
      const removal = await describeRemoval(store, entries[1]?.id as string);
      if (!removal) throw new Error('not found');
      const outcome = await store.applyBatch({
        add: [entries[0] as (typeof entries)[0], ...entries.slice(2)],
        remove: [{ ...removal, hash: '0000000000000000' }],
      });
      expect(outcome.conflicts.sort()).toEqual([entries[0]?.id, entries[1]?.id].sort());
      const after = await store.stats();
      expect([after.documents, after.terms, after.bucketEntries]).toEqual([
        before.documents,
        before.terms,
        before.bucketEntries,
      ]);
      expect(await store.getHashes(entries.slice(2).map((e) => e.id))).toEqual(new Map());
      await store.close();
    },
  );

  it.skipIf(skip !== '')(
    'deferred band keys are found before and after the merge, and removal while pending undoes them',
    async () => {
      const direct = await open();
      const deferred = await open();
      const entries = seeds.map((a) => prepareEntry(a, config));
      await direct.applyBatch({ add: entries });
      await deferred.applyBatch({ add: entries.slice(0, 3), deferKeys: true });
      await deferred.applyBatch({ add: entries.slice(3), deferKeys: true });
      const look = (s: IndexStore) =>
        Promise.all(
          entries.map(async (e) => [
            await s.findByBands('chars', e.charKeys),
            await s.findByBands('terms', e.termKeys),
          ]),
        );
      expect(await look(deferred)).toEqual(await look(direct));
      expect((await deferred.stats()).bucketEntries).toBe((await direct.stats()).bucketEntries);
      // A removal while keys are pending.
      const removal = await describeRemoval(deferred, entries[1]?.id as string);
      if (!removal) throw new Error('not found');
      await deferred.applyBatch({ remove: [removal] });
      const again = await describeRemoval(direct, entries[1]?.id as string);
      if (!again) throw new Error('not found');
      await direct.applyBatch({ remove: [again] });
      await deferred.mergePendingKeys();
      expect(await look(deferred)).toEqual(await look(direct));
      expect((await deferred.stats()).bucketEntries).toBe((await direct.stats()).bucketEntries);
      // The document count the gate reads (kept up to date by each batch) is the real count.
      for (const s of [direct, deferred])
        expect((await s.getDocumentFrequencies([])).documents).toBe((await s.stats()).documents);
      expect((await deferred.stats()).documents).toBe(entries.length - 1);
      await direct.close();
      await deferred.close();
    },
  );

  it.skipIf(skip !== '')(
    "finds documents under their names' keys within the date window, counts name frequencies, and forgets a removed one",
    async () => {
      const store = await open();
      // The seeds with their dates (corpus/metadata.json): 000 and 001 report one visit (April 2024),
      // 002 a visit a year before; 004 is undated.
      const dates: Record<string, string> = { '000': '2024-05-14', '001': '2024-04-28', '002': '2023-04-25' };
      const dated = seeds.map((a) => {
        const date = dates[a.id.slice(0, 3)];
        return date ? { ...a, date } : a;
      });
      const entries = dated.map((a) => prepareEntry(a, withEvents));
      const [e000, e001, e002, , e004] = entries as DocumentEntry[];
      if (!e000?.event || !e001?.event || !e002?.event || !e004?.event) throw new Error('no event sketches');
      await store.applyBatch({ add: [e000, e002, e004] });
      const query = eventQuery(e001.event.sketch);
      const found = await store.findEventCandidates(query);
      const ids = found.map((f) => f.id);
      expect(ids).toContain(e000.id);
      expect(ids).not.toContain(e002.id);
      expect(ids.every((id) => id === e000.id || id === e004.id)).toBe(true);
      const hit = found.find((f) => f.id === e000.id);
      expect(hit?.sketch).toEqual(e000.event.sketch);
      expect(hit?.shared).toBe(e000.event.keys.filter((k) => query.keys.includes(k)).length);
      // Without a window, the year-old visit is found too, and the limit keeps the strongest.
      const anyDay = await store.findEventCandidates({ keys: query.keys, limit: 10 });
      expect(anyDay.map((f) => f.id)).toContain(e002.id);
      const shared = anyDay.map((f) => f.shared);
      expect(shared).toEqual([...shared].sort((x, y) => y - x));
      expect(await store.findEventCandidates({ keys: query.keys, limit: 1 })).toEqual(anyDay.slice(0, 1));
      const keys = e000.event.mainKeys;
      const stored = [e000, e002, e004];
      const names = await store.getNameFrequencies(keys);
      expect(names.documents).toBe(3);
      for (const k of keys) expect(names.df.get(k)).toBe(stored.filter((e) => e.event?.mainKeys.includes(k)).length);
      const removal = await describeRemoval(store, e000.id);
      if (!removal) throw new Error('not found');
      await store.applyBatch({ remove: [removal] });
      expect((await store.findEventCandidates(query)).map((f) => f.id)).not.toContain(e000.id);
      const after = await store.getNameFrequencies(keys);
      for (const k of keys)
        expect(after.df.get(k)).toBe([e002, e004].filter((e) => e.event?.mainKeys.includes(k)).length);
      await store.close();
    },
  );

  it.skipIf(skip !== '')('pages through every document in insertion order', async () => {
    const store = await open();
    await store.applyBatch({ add: seeds.map((a) => prepareEntry(a, config)) });
    const pages = await collect(store.iterateDocuments(2));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((d) => d.id)).toEqual(seeds.map((s) => s.id));
    await store.close();
  });
});

describe.each([
  { name: 'sqlite', skip: '', location: () => join(dir, `lazy${n++}.db`) },
  {
    name: hasPostgres ? 'postgres' : `postgres (skipped: ${postgresSkipReason})`,
    skip: postgresSkipReason,
    location: () => freshPostgresUrl('lazy'),
  },
])('$name store opened with a config function', ({ skip, location }) => {
  it.skipIf(skip !== '')('calls it once to create the index, and not at all to open an existing one', async () => {
    const where = location();
    const made: SketchConfig[] = [];
    const source = () => {
      const c = { ...config, seed: 7 };
      made.push(c);
      return c;
    };
    const created = await openStore(where, { config: source });
    expect(made).toHaveLength(1);
    expect(created.config).toEqual(made[0]);
    await created.close();
    for (const mode of [{}, { readonly: true }, { mustExist: true }]) {
      const again = await openStore(where, { ...mode, config: source });
      expect(again.config.seed).toBe(7);
      await again.close();
    }
    expect(made).toHaveLength(1);
  });
});

describe('sqlite store: screen digests', () => {
  const articles = [...seeds, ...variantsOf(seeds, ['truncate', 'intro', 'ocr'], 3)];
  const entries = articles.map((a) => prepareEntry(a, config));
  const probes = [
    ...entries.slice(0, 3),
    prepareEntry({ id: 'copy', text: `Breaking.\n\n${seeds[1]?.text ?? ''}` }, config),
    prepareEntry(
      { id: 'other', text: 'An unrelated page about the weather in the north, with rain and wind all week.' },
      config,
    ),
  ];
  const rankOf = (probe: DocumentEntry) => (s: { charSize: number; charSig: Uint32Array; termSig: Uint32Array }) =>
    rankSignatures(s, probe, config.seed, false);
  const ruleAllOut = () => false;
  const ids = (r: { kept: Array<{ id: string; score: number }> }) => r.kept.map((k) => `${k.id} ${k.score}`).sort();
  /** The digest rows of a file, by document id, as hex. */
  const digestsOf = (path: string) => {
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare(
        'SELECT d.id, s.char_size AS size, hex(s.digest) AS hex FROM screens s JOIN documents d ON d.rowid = s.doc',
      )
      .all() as Array<{ id: string; size: number; hex: string }>;
    db.close();
    return new Map(rows.map((r) => [r.id, r]));
  };
  const expected = (e: DocumentEntry) => ({ id: e.id, size: e.charSize, hex: digestHex(screenDigest(e.charSig)) });

  it('keeps what it keeps without the screen, and counts what the screen rules out as looked at', async () => {
    const store = SqliteStore.openSync(join(dir, `screen${n++}.db`), { config });
    await store.applyBatch({ add: entries });
    let checked = 0;
    for (const probe of probes) {
      for (const minBands of [2, 1]) {
        const query = { chars: probe.charKeys };
        const plain = await store.findRankedSketches(query, rankOf(probe), { minBands });
        const screened = await store.findRankedSketches(query, rankOf(probe), {
          minBands,
          screen: screenCharSignatures(probe),
        });
        expect(ids(screened)).toEqual(ids(plain));
        expect([screened.found, screened.looked]).toEqual([plain.found, plain.looked]);
        // A screen that rules every document out: nothing is ranked, everything counts as looked at.
        const none = await store.findRankedSketches(query, rankOf(probe), { minBands, screen: ruleAllOut });
        expect([none.found, none.looked, none.kept.length]).toEqual([plain.found, plain.looked, 0]);
        checked += plain.kept.length;
      }
    }
    expect(checked).toBeGreaterThan(probes.length);
    await store.close();
  });

  it('an index made before the digests is read whole until its first writable open adds them', async () => {
    const path = join(dir, `screen${n++}.db`);
    const made = SqliteStore.openSync(path, { config });
    await made.applyBatch({ add: entries });
    await made.close();
    const db = new Database(path);
    db.exec('DROP TRIGGER screens_on_update; DROP TRIGGER screens_on_delete; DROP TABLE screens;');
    db.close();
    const probe = probes[0] as DocumentEntry;
    const query = { chars: probe.charKeys };
    const reader = SqliteStore.openSync(path, { readonly: true });
    const plain = await reader.findRankedSketches(query, rankOf(probe));
    expect(plain.kept.length).toBeGreaterThan(0);
    // No digests: the screen has nothing to rule out on.
    expect(ids(await reader.findRankedSketches(query, rankOf(probe), { screen: ruleAllOut }))).toEqual(ids(plain));
    await reader.close();
    await SqliteStore.openSync(path, {}).close();
    expect(digestsOf(path)).toEqual(new Map(entries.map((e) => [e.id, expected(e)])));
    const upgraded = SqliteStore.openSync(path, { readonly: true });
    expect((await upgraded.findRankedSketches(query, rankOf(probe), { screen: ruleAllOut })).kept).toEqual([]);
    await upgraded.close();
  });

  it('a digest follows its signatures (replaced, removed, rebuilt) and goes when an older copydesk rewrites them', async () => {
    const path = join(dir, `screen${n++}.db`);
    const store = SqliteStore.openSync(path, { config });
    await store.applyBatch({ add: entries });
    expect(digestsOf(path)).toEqual(new Map(entries.map((e) => [e.id, expected(e)])));
    // Replaced: the same id with another text.
    const first = entries[0] as DocumentEntry;
    const replacement = prepareEntry({ id: first.id, text: seeds[2]?.text ?? '' }, config);
    const removeFirst = await describeRemoval(store, first.id);
    if (!removeFirst) throw new Error('no first document');
    await store.applyBatch({ remove: [removeFirst], add: [replacement] });
    expect(digestsOf(path).get(first.id)).toEqual(expected(replacement));
    // Removed.
    const second = entries[1] as DocumentEntry;
    const removeSecond = await describeRemoval(store, second.id);
    if (!removeSecond) throw new Error('no second document');
    await store.applyBatch({ remove: [removeSecond] });
    expect(digestsOf(path).has(second.id)).toBe(false);
    // Rebuilt with another seed: every digest is the new signature's.
    await rebuildIndex(store, { config: { ...config, seed: 9 } });
    const seed9 = { ...config, seed: 9 };
    const rebuilt = [
      prepareEntry({ id: first.id, text: seeds[2]?.text ?? '' }, seed9),
      ...articles.slice(2).map((a) => prepareEntry(a, seed9)),
    ];
    expect(digestsOf(path)).toEqual(new Map(rebuilt.map((e) => [e.id, expected(e)])));
    await store.close();
    // An older copydesk knows nothing of digests: its rewrite of a document's signatures drops the
    // digest, and the document is read whole again.
    const db = new Database(path);
    const third = entries[2] as DocumentEntry;
    db.prepare('UPDATE sketches SET char_size = char_size WHERE doc = (SELECT rowid FROM documents WHERE id = ?)').run(
      third.id,
    );
    db.close();
    expect(digestsOf(path).has(third.id)).toBe(false);
    expect(digestsOf(path).size).toBe(rebuilt.length - 1);
    // A writable open leaves it without one (finding such documents would cost a count of the
    // whole table on every open); `index rebuild` gives it one again.
    const again = SqliteStore.openSync(path, {});
    expect(digestsOf(path).has(third.id)).toBe(false);
    await rebuildIndex(again, { config: seed9 });
    await again.close();
    expect(digestsOf(path)).toEqual(new Map(rebuilt.map((e) => [e.id, expected(e)])));
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
      name: 'an empty file (not adopted as a new index)',
      make: (p) => writeFileSync(p, ''),
      message: /is an empty file, not a copydesk index/,
    },
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
      expect(() => SqliteStore.openSync(path, { config, readonly })).toThrow(InputError);
      expect(() => SqliteStore.openSync(path, { config, readonly })).toThrow(message);
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });

  it('refuses an index whose pages are damaged after the header, with an InputError', async () => {
    const path = join(dir, `damaged-${n++}.db`);
    const store = await SqliteStore.open(path, { config });
    await addArticles(store, seeds);
    await store.checkpoint();
    await store.close();
    const bytes = readFileSync(path);
    // Overwrite everything after the first page (schema and data) with noise.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
    writeFileSync(path, bytes);
    const before = sha(path);
    await expect(async () => {
      const s = await SqliteStore.open(path, { config, readonly: true });
      try {
        await s.stats();
      } finally {
        await s.close();
      }
    }).rejects.toThrow(InputError);
    expect(sha(path)).toBe(before);
  });

  it('keys left pending (a load stopped before its merge) are found read-only and merged on the next writable open', async () => {
    const path = join(dir, `pending-${n++}.db`);
    const store = await SqliteStore.open(path, { config });
    await addArticles(store, seeds, { keepPendingKeys: true, batchSize: 2 });
    const first = prepareEntry(seeds[0] as (typeof seeds)[number], config);
    const want = await store.findByBands('chars', first.charKeys);
    expect(want[0]).toEqual({ id: first.id, bands: config.chars.bands });
    await store.close();
    const reader = await SqliteStore.open(path, { readonly: true });
    expect(await reader.findByBands('chars', first.charKeys)).toEqual(want);
    await reader.close();
    const writer = await SqliteStore.open(path, { config });
    await writer.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM pending_bands').get()).toEqual({ n: 0 });
    db.close();
    const after = await SqliteStore.open(path, { readonly: true });
    expect(await after.findByBands('chars', first.charKeys)).toEqual(want);
    await after.close();
  });

  it('an index made before the sizes index answers sample queries read-only and gets it on a writable open', async () => {
    const path = join(dir, `sizes-${n++}.db`);
    const store = await SqliteStore.open(path, { config });
    await addArticles(store, seeds);
    await store.close();
    const first = prepareEntry(seeds[0] as (typeof seeds)[number], config);
    const samples = sampleQueryOf(first);
    const found = async (s: SqliteStore) => (await s.findSketchesByBands({ samples })).map((x) => x.id);
    const withIndex = await SqliteStore.open(path, { readonly: true });
    const want = await found(withIndex);
    await withIndex.close();
    expect(want).toContain(first.id);
    const sizesIndex = () => {
      const db = new Database(path, { readonly: true });
      const row = db.prepare("SELECT 1 AS n FROM sqlite_master WHERE name = 'sketches_sizes'").get();
      db.close();
      return row !== undefined;
    };
    const db = new Database(path);
    db.exec('DROP INDEX sketches_sizes');
    db.close();
    const reader = await SqliteStore.open(path, { readonly: true });
    expect(await found(reader)).toEqual(want);
    await reader.close();
    expect(sizesIndex()).toBe(false);
    await (await SqliteStore.open(path, { config })).close();
    expect(sizesIndex()).toBe(true);
  });

  it('upgrades an index of format 1 (signatures inside documents) on a writable open, and says so read-only', async () => {
    const path = join(dir, `v1-${n++}.db`);
    const store = await SqliteStore.open(path, { config });
    await addArticles(store, seeds);
    const want = await store.findSketchesByBands({
      chars: prepareEntry(seeds[0] as (typeof seeds)[0], config).charKeys,
    });
    await store.close();
    // Rewrite it the way format 1 stored it.
    const db = new Database(path);
    db.exec(`
      CREATE TABLE documents_v1 (
        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, text TEXT NOT NULL,
        meta TEXT NOT NULL, chars INTEGER NOT NULL, words INTEGER NOT NULL,
        char_size INTEGER NOT NULL, char_sig BLOB NOT NULL, term_size INTEGER NOT NULL, term_sig BLOB NOT NULL);
      INSERT INTO documents_v1 SELECT d.rowid, id, hash, text, meta, chars, words, char_size, char_sig, term_size, term_sig
        FROM documents d JOIN sketches s ON s.doc = d.rowid;
      DROP TABLE sketches; DROP TABLE documents; ALTER TABLE documents_v1 RENAME TO documents;
      DROP TABLE events; DROP TABLE event_keys; DROP TABLE names;
      CREATE INDEX documents_hash ON documents (hash);
    `);
    db.pragma('user_version = 1');
    db.close();
    expect(() => SqliteStore.openSync(path, { readonly: true })).toThrow(/format 1\): run `copydesk index rebuild`/);
    const upgraded = await SqliteStore.open(path, { config });
    expect(
      await upgraded.findSketchesByBands({ chars: prepareEntry(seeds[0] as (typeof seeds)[0], config).charKeys }),
    ).toEqual(want);
    expect((await upgraded.stats()).documents).toBe(seeds.length);
    expect(upgraded.checkIntegrity()).toBe('ok');
    await upgraded.close();
    expect(readFileSync(path).subarray(0, 100).readUInt32BE(60)).toBe(3);
  });

  it('upgrades an index of format 2 (no event tables) on a writable open; `index rebuild --events` fills them', async () => {
    const path = join(dir, `v2-${n++}.db`);
    const store = await SqliteStore.open(path, { config: withEvents });
    await addArticles(store, seeds);
    const query = eventQuery((prepareEntry(seeds[1] as (typeof seeds)[0], withEvents).event as EventEntry).sketch);
    const want = (await store.findEventCandidates(query)).map((c) => c.id);
    const bands = await store.findSketchesByBands({
      chars: prepareEntry(seeds[0] as (typeof seeds)[0], config).charKeys,
    });
    await store.close();
    // Rewrite it the way format 2 stored it: no event tables, a config without `events`.
    const db = new Database(path);
    db.exec('DROP TABLE events; DROP TABLE event_keys; DROP TABLE names;');
    db.prepare("UPDATE meta SET value = ? WHERE key = 'config'").run(JSON.stringify(config));
    db.pragma('user_version = 2');
    db.close();
    const before = sha(path);
    expect(() => SqliteStore.openSync(path, { readonly: true })).toThrow(
      /format 2\): run `copydesk index rebuild` once/,
    );
    expect(sha(path)).toBe(before);
    const upgraded = await SqliteStore.open(path, { config });
    expect(upgraded.config.events).toBeUndefined();
    expect(await upgraded.findEventCandidates(query)).toEqual([]);
    expect(
      await upgraded.findSketchesByBands({ chars: prepareEntry(seeds[0] as (typeof seeds)[0], config).charKeys }),
    ).toEqual(bands);
    await rebuildIndex(upgraded, { config: withEvents });
    expect(upgraded.config.events).toBe(true);
    expect((await upgraded.findEventCandidates(query)).map((c) => c.id)).toEqual(want);
    expect(want).toContain(seeds[0]?.id);
    expect(upgraded.checkIntegrity()).toBe('ok');
    await upgraded.close();
    expect(readFileSync(path).subarray(0, 100).readUInt32BE(60)).toBe(3);
    const reader = await SqliteStore.open(path, { readonly: true });
    expect(reader.config.events).toBe(true);
    await reader.close();
  });

  it('an index made before body plans: none read-only (the gate extracts bodies), the column added on a writable open', async () => {
    const path = join(dir, `plans-${n++}.db`);
    const store = await SqliteStore.open(path, { config });
    await addArticles(store, seeds.slice(0, 3));
    await store.close();
    const db = new Database(path);
    db.exec('ALTER TABLE documents DROP COLUMN plan');
    db.close();
    const before = sha(path);
    const reader = await SqliteStore.open(path, { readonly: true });
    await expectNoPlansRead(reader);
    await reader.close();
    expect(sha(path)).toBe(before);
    const writer = await SqliteStore.open(path, { config });
    await expectPlansOfNewDocuments(writer);
    expect(writer.checkIntegrity()).toBe('ok');
    await writer.close();
  });

  it('marks new files with the copydesk application id and format version', async () => {
    const path = join(dir, `new-${n++}.db`);
    await (await SqliteStore.open(path, { config })).close();
    const header = readFileSync(path).subarray(0, 100);
    expect(header.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(header.readUInt32BE(60)).toBe(3);
  });

  it.each([
    {
      name: 'a parent that is a file',
      place: () => join(dir, 'a-file.txt', 'index.db'),
      message: /a parent of this path is a file.*ENOTDIR/,
    },
    {
      name: 'a place nobody may write (/sys)',
      place: () => '/sys/copydesk-test/index.db',
      message: /cannot create the index here \(/,
    },
  ])('refuses to create an index under $name, with the reason', ({ place, message }) => {
    writeFileSync(join(dir, 'a-file.txt'), 'just a file');
    expect(() => SqliteStore.openSync(place(), { config })).toThrow(InputError);
    expect(() => SqliteStore.openSync(place(), { config })).toThrow(message);
    expect(readFileSync(join(dir, 'a-file.txt'), 'utf8')).toBe('just a file');
  });

  it('a read-only open of a missing file says so and creates nothing', () => {
    const path = join(dir, 'missing', 'index.db');
    expect(() => SqliteStore.openSync(path, { readonly: true })).toThrow(/no index here yet/);
    expect(existsSync(path)).toBe(false);
  });
});

describe.skipIf(!hasPostgres)(
  `postgres store: calls made at once${hasPostgres ? '' : ` (skipped: ${postgresSkipReason})`}`,
  () => {
    it('sends one statement at a time on its connection, in call order, with the answers of calls made one by one', async () => {
      const store = await PostgresStore.open(freshPostgresUrl('serial'), { config });
      const entries = seeds.map((a) => prepareEntry(a, config));
      const client = (store as unknown as { client: pg.Client }).client;
      const send = client.query.bind(client) as (...args: unknown[]) => unknown;
      let inFlight = 0;
      let most = 0;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        inFlight++;
        most = Math.max(most, inFlight);
        const out = send(...args);
        // A COPY returns a stream, a statement a promise.
        if (out instanceof Promise) return out.finally(() => inFlight--);
        (out as NodeJS.EventEmitter).once('finish', () => inFlight--).once('error', () => inFlight--);
        return out;
      };
      const calls: Array<() => Promise<unknown>> = [
        ...entries.map((e) => () => store.findByBands('chars', e.charKeys)),
        ...entries.map((e) => () => store.getDocumentFrequencies(e.terms ?? [])),
        () => store.getHashes(entries.map((e) => e.id)),
      ];
      // Reads made while a batch is being written, then all at once, then one by one.
      await Promise.all([store.applyBatch({ add: entries }), ...calls.map((f) => f())]);
      const together = await Promise.all(calls.map((f) => f()));
      const oneByOne: unknown[] = [];
      for (const f of calls) oneByOne.push(await f());
      expect(most).toBe(1);
      expect(together).toEqual(oneByOne);
      expect((oneByOne.at(-1) as Map<string, string>).size).toBe(entries.length);
      await store.close();
    });
  },
);

describe.skipIf(!hasPostgres)(
  `postgres store: indexes written by earlier versions${hasPostgres ? '' : ` (skipped: ${postgresSkipReason})`}`,
  () => {
    it('is refused read-only, upgraded on a writable open by two writers at once, and filled by `rebuild --events`', async () => {
      const url = freshPostgresUrl('v2');
      const store = await PostgresStore.open(url, { config: withEvents });
      await addArticles(store, seeds);
      const query = eventQuery((prepareEntry(seeds[1] as (typeof seeds)[0], withEvents).event as EventEntry).sketch);
      const want = (await store.findEventCandidates(query)).map((c) => c.id);
      await store.close();
      // Rewrite it the way format 2 stored it: no event tables, a config without `events`.
      const { connectionString, schema } = parsePostgresUrl(url);
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`DROP TABLE ${schema}.events, ${schema}.event_keys, ${schema}.names`);
      await client.query(`UPDATE ${schema}.meta SET value = '2' WHERE key = 'format'`);
      await client.query(`UPDATE ${schema}.meta SET value = $1 WHERE key = 'config'`, [JSON.stringify(config)]);
      await expect(PostgresStore.open(url, { readonly: true })).rejects.toThrow(
        /format 2\): run `copydesk index rebuild` once to upgrade it/,
      );
      // Two writers open it at once: one upgrades, the other finds format 3.
      const [a, b] = await Promise.all([PostgresStore.open(url, { config }), PostgresStore.open(url, { config })]);
      await b.close();
      const format = await client.query(`SELECT value FROM ${schema}.meta WHERE key = 'format'`);
      expect(format.rows[0]?.value).toBe('3');
      expect(a.config.events).toBeUndefined();
      expect(await a.findEventCandidates(query)).toEqual([]);
      expect((await a.stats()).documents).toBe(seeds.length);
      await rebuildIndex(a, { config: withEvents });
      expect((await a.findEventCandidates(query)).map((c) => c.id)).toEqual(want);
      expect(want).toContain(seeds[0]?.id);
      await a.close();
      await client.end();
    });

    it('documents without the plan column (before body plans): none read-only, the column added on a writable open', async () => {
      const url = freshPostgresUrl('plans');
      const store = await PostgresStore.open(url, { config });
      await addArticles(store, seeds.slice(0, 3));
      await store.close();
      const { connectionString, schema } = parsePostgresUrl(url);
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`ALTER TABLE ${schema}.documents DROP COLUMN plan`);
      const reader = await PostgresStore.open(url, { readonly: true });
      await expectNoPlansRead(reader);
      await reader.close();
      // Two writers open it at once: one adds the column, the other finds it.
      const [a, b] = await Promise.all([PostgresStore.open(url, { config }), PostgresStore.open(url, { config })]);
      await b.close();
      await expectPlansOfNewDocuments(a);
      await a.close();
      await client.end();
    });

    it('band keys indexed on the key alone, sizes not indexed (before index-only look-ups): kept read-only, covered on a writable open', async () => {
      const url = freshPostgresUrl('bk');
      const store = await PostgresStore.open(url, { config });
      await addArticles(store, seeds);
      const first = prepareEntry(seeds[0] as (typeof seeds)[0], config);
      const want = (await store.findSketchesByBands({ chars: first.charKeys })).map((s) => s.id);
      await store.close();
      const { connectionString, schema } = parsePostgresUrl(url);
      const client = new pg.Client({ connectionString });
      await client.connect();
      const indexdef = async (table = 'bands') =>
        (
          await client.query<{ indexdef: string }>(
            `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`,
            [schema, table],
          )
        ).rows.map((r) => r.indexdef.replace(/^.* USING btree /, ''));
      const covered = ['(doc)', '(doc) INCLUDE (char_size)'];
      expect(await indexdef()).toEqual(['(key, doc)']);
      expect(await indexdef('sketches')).toEqual(covered);
      await client.query(`DROP INDEX ${schema}.bands_key`);
      await client.query(`CREATE INDEX bands_key ON ${schema}.bands (key)`);
      await client.query(`DROP INDEX ${schema}.sketches_sizes`);
      const samples = sampleQueryOf(first);
      const reader = await PostgresStore.open(url, { readonly: true });
      expect((await reader.findSketchesByBands({ chars: first.charKeys })).map((s) => s.id)).toEqual(want);
      expect((await reader.findSketchesByBands({ samples })).map((s) => s.id)).toContain(seeds[0]?.id);
      await reader.close();
      expect(await indexdef()).toEqual(['(key)']);
      expect(await indexdef('sketches')).toEqual(['(doc)']);
      const [a, b] = await Promise.all([PostgresStore.open(url, { config }), PostgresStore.open(url, { config })]);
      await Promise.all([a.close(), b.close()]);
      expect(await indexdef()).toEqual(['(key, doc)']);
      expect(await indexdef('sketches')).toEqual(covered);
      await client.end();
    });
  },
);
