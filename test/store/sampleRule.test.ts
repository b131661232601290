import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSketchConfig } from '../../src/core/minhash/sketch.js';
import { prepareEntry } from '../../src/pipeline/indexing.js';
import { MemoryStore } from '../../src/store/memory.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { DocumentEntry, IndexStore, SampleQuery } from '../../src/types/index.js';
import { freshPostgresUrl, hasPostgres, postgresSkipReason } from '../helpers/postgres.js';
import { makeTempDir, readSeeds } from './fixtures.js';

/**
 * The containment channel's rule is written twice: in JavaScript (`countSampleMates`,
 * `sampleMates`: the memory store, and SQLite while a load has keys pending) and inside the SQL
 * stores' statements. Random documents (sizes, sampled keys from a small alphabet so that keys
 * are shared and some are held too widely) and random queries: every store must find the same
 * documents as the memory store.
 */
const config = createSketchConfig();
const dir = makeTempDir('sample-rule');
const base = prepareEntry(readSeeds()[0] as { id: string; text: string }, config);
let n = 0;

const docs = fc.array(
  fc.record({
    size: fc.integer({ min: 1, max: 4_000 }),
    keys: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 14 }),
  }),
  { minLength: 1, maxLength: 24 },
);
const queries = fc.array(
  fc.record({
    // A sketch's sampled keys are distinct (`sampleShingles` of a set).
    keys: fc.uniqueArray(fc.integer({ min: 0, max: 34 }), { maxLength: 16 }),
    minShared: fc.integer({ min: 1, max: 3 }),
    minShareOfSmaller: fc.constantFrom(0, 0.25, 0.5, 1 / 3),
    maxPostings: fc.integer({ min: 1, max: 8 }),
    oneIn: fc.constantFrom(8, 32, 100),
  }),
  { minLength: 1, maxLength: 8 },
);

const entryOf = (d: { size: number; keys: number[] }, i: number): DocumentEntry => ({
  ...base,
  id: `d${i}`,
  hash: `h${i}`,
  charSize: d.size,
  sampleKeys: Uint32Array.from(d.keys),
});

async function found(store: IndexStore, q: SampleQuery): Promise<string[]> {
  return (await store.findSketchesByBands({ samples: q })).map((s) => s.id).sort();
}

const stores: Array<{ name: string; skip: string; open: () => Promise<IndexStore>; runs: number }> = [
  {
    name: 'SQLite (keys merged: the rule in SQL)',
    skip: '',
    open: () => SqliteStore.open(join(dir, `m${n++}.db`), { config }),
    runs: 60,
  },
  {
    name: 'SQLite (keys pending: the rule in JavaScript)',
    skip: '',
    open: () => SqliteStore.open(join(dir, `p${n++}.db`), { config }),
    runs: 30,
  },
  {
    name: hasPostgres ? 'PostgreSQL' : `PostgreSQL (skipped: ${postgresSkipReason})`,
    skip: postgresSkipReason,
    open: () => PostgresStore.open(freshPostgresUrl('sample_rule'), { config }),
    runs: 15,
  },
];

describe('the sampled shingles find the same documents in every store', () => {
  it.each(stores)('$name', async ({ name, skip, open, runs }) => {
    if (skip !== '') return;
    const pending = name.includes('pending');
    let qualified = 0;
    let tooWide = 0;
    await fc.assert(
      fc.asyncProperty(docs, queries, async (ds, qs) => {
        const entries = ds.map(entryOf);
        const reference = new MemoryStore(config);
        await reference.applyBatch({ add: entries });
        const store = await open();
        try {
          await store.applyBatch({ add: entries, deferKeys: pending });
          for (const q of qs) {
            const query: SampleQuery = { ...q, keys: Uint32Array.from(q.keys) };
            const want = await found(reference, query);
            expect(await found(store, query)).toEqual(want);
            qualified += want.length;
            if (q.keys.some((k) => ds.filter((d) => d.keys.includes(k)).length > q.maxPostings)) tooWide++;
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: runs, seed: 13 },
    );
    // The cases reach both sides of the rule.
    expect(qualified).toBeGreaterThan(runs);
    expect(tooWide).toBeGreaterThan(0);
  });
});
