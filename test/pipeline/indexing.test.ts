import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSketchConfig } from '../../src/core/minhash/sketch.js';
import { addArticles, prepareEntry, rebuildIndex, removeDocuments } from '../../src/pipeline/indexing.js';
import { startSketchPool } from '../../src/pipeline/workers/pool.js';
import { MemoryStore } from '../../src/store/memory.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { IndexStore } from '../../src/types/store.js';
import { makeTempDir, readSeeds, variantsOf } from '../store/fixtures.js';

const config = createSketchConfig();
const seeds = readSeeds();
const dir = makeTempDir('indexing');
let n = 0;

const STORES: Array<{ name: string; open: () => IndexStore }> = [
  { name: 'memory', open: () => new MemoryStore(config) },
  { name: 'sqlite', open: () => SqliteStore.open(join(dir, `i${n++}.db`), { config }) },
];

/** What must not depend on how the index was built. */
function contentOf(store: IndexStore) {
  const s = store.stats();
  const docs = [...store.iterateDocuments(100)]
    .flat()
    .map((d) => d.id)
    .sort();
  const sketches = store.getSketches(docs).map((k) => ({ id: k.id, chars: [...k.charSig], terms: [...k.termSig] }));
  return { documents: s.documents, terms: s.terms, bucketEntries: s.bucketEntries, docs, sketches };
}

describe.each(STORES)('indexing on the $name store', ({ open }) => {
  it('adds, leaves an unchanged text alone, replaces a changed one, in batches', async () => {
    const store = open();
    const first = await addArticles(store, seeds, { batchSize: 2 });
    expect(first).toMatchObject({ added: seeds.map((s) => s.id), replaced: [], unchanged: [], batches: 3 });
    const changed = { ...seeds[1], id: seeds[1]?.id as string, text: `${seeds[2]?.text}` };
    const second = await addArticles(store, [seeds[0] as (typeof seeds)[0], changed]);
    expect(second).toMatchObject({ added: [], replaced: [changed.id], unchanged: [seeds[0]?.id] });
    // The replaced document is now indistinguishable from an index built with its new text.
    const fresh = open();
    await addArticles(
      fresh,
      [seeds[0], changed, seeds[2], seeds[3], seeds[4]].map((a) => a as (typeof seeds)[0]),
    );
    expect(contentOf(store)).toEqual(contentOf(fresh));
    store.close();
    fresh.close();
  });

  it('remove then re-add gives the same index; missing ids are reported', async () => {
    const store = open();
    await addArticles(store, seeds);
    const before = contentOf(store);
    expect(removeDocuments(store, [seeds[3]?.id as string, 'no-such-id'])).toEqual({
      removed: [seeds[3]?.id],
      missing: ['no-such-id'],
    });
    expect(store.stats().documents).toBe(4);
    await addArticles(store, [seeds[3] as (typeof seeds)[0]]);
    expect(contentOf(store)).toEqual(before);
    store.close();
  });

  it('rebuild recomputes the same signatures, buckets and frequencies, and can change the seed', async () => {
    const store = open();
    await addArticles(store, [...seeds, ...variantsOf(seeds, ['intro', 'ocr'], 2)]);
    const before = contentOf(store);
    await rebuildIndex(store, { batchSize: 3 });
    expect(contentOf(store)).toEqual(before);
    await rebuildIndex(store, { config: createSketchConfig(99) });
    expect(store.config.seed).toBe(99);
    const after = contentOf(store);
    expect({ ...after, sketches: [] }).toEqual({ ...before, bucketEntries: after.bucketEntries, sketches: [] });
    expect(after.sketches).not.toEqual(before.sketches);
    store.close();
  });
});

describe('worker threads', () => {
  it('prepare the same entries as the main thread', async () => {
    const articles = [...seeds, ...variantsOf(seeds, ['truncate', 'accents'], 5)];
    const pool = startSketchPool(2);
    try {
      const viaPool = await pool.prepare(articles, config);
      // The reference path: normalizeArticle and contentTerms, no token cache.
      const inThread = articles.map((a) => prepareEntry(a, config));
      expect(viaPool).toEqual(inThread);
    } finally {
      await pool.close();
    }
  });
});
