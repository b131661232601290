/**
 * A scan that puts its cross-language profiles on a shelf (`ScanOptions.shelf`, used with slabs)
 * gives the report of one that holds them, byte for byte: scored in its thread, with a scoring
 * worker sent shares or a whole copy, with the profiles made in a worker; every profile is put
 * once and read back, and the shelf is closed when the scan ends, or fails.
 */
import { describe, expect, it } from 'vitest';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { createFileShelf } from '../../src/io/shelf.js';
import { scanCorpus, scanCorpusAsync } from '../../src/pipeline/scan.js';
import { profilesInWorker } from '../../src/pipeline/workers/profilePool.js';
import { judgeInWorkers } from '../../src/pipeline/workers/scorePool.js';
import { renderJson } from '../../src/report/json.js';
import type { Article, Shelf } from '../../src/types/index.js';
import { CORPUS } from '../helpers/fixtures.js';

/** The seeds and their variants, every third said to be Spanish: two languages, every article profiled. */
async function twoLanguages(): Promise<Article[]> {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 11, perSource: 12 }).map((v) => ({ id: v.id, text: v.text }));
  return [...seeds, ...variants].map((a, i) => ({ ...a, lang: i % 3 === 0 ? 'es' : 'en' }));
}

/** A file shelf that counts what is done with it. */
function counted(): { shelf: () => Shelf; puts: number[]; gets: () => number; closed: () => number } {
  const puts: number[] = [];
  let gets = 0;
  let closed = 0;
  return {
    puts,
    gets: () => gets,
    closed: () => closed,
    shelf: () => {
      const inner = createFileShelf();
      return {
        put: (k, v) => {
          puts.push(k);
          inner.put(k, v);
        },
        get: (k) => {
          gets++;
          return inner.get(k);
        },
        bytes: (k) => inner.bytes(k),
        close: () => {
          closed++;
          inner.close();
        },
      };
    },
  };
}

describe('a scan with its profiles on a shelf', async () => {
  const articles = await twoLanguages();
  const across = { crossLanguage: { dictionaries: false } as const, slabs: true };
  const held = scanCorpus(articles, across);
  const fingerprints = articles.length - (held.candidates.identical ?? 0);

  it('the corpus is compared across languages (else the test would prove little)', () => {
    expect(held.crossLanguage?.candidates).toBeGreaterThan(20);
    expect(held.pairs.filter((p) => p.scores.crossAlignedAB !== undefined).length).toBeGreaterThan(10);
    expect(held.stories.length).toBeGreaterThan(0);
  });

  it('in its thread: the same report, every profile put once and read back, the shelf closed', () => {
    const c = counted();
    const shelved = scanCorpus(articles, { ...across, shelf: c.shelf });
    expect(renderJson(shelved)).toBe(renderJson(held));
    expect([...c.puts].sort((x, y) => x - y)).toEqual(Array.from({ length: fingerprints }, (_, k) => k));
    expect(c.gets()).toBeGreaterThan(0);
    expect(c.closed()).toBe(1);
  });

  it.each([
    { what: 'a worker sent shares', judge: judgeInWorkers(1, { always: true, sharePairs: 11, copyUpTo: 0 }) },
    { what: 'a worker sent a whole copy', judge: judgeInWorkers(1, { always: true, sharePairs: 40 }) },
    { what: 'no worker', judge: judgeInWorkers(0) },
  ])('scored with $what, the profiles made in a worker: the same report', async ({ judge }) => {
    const c = counted();
    const shelved = await scanCorpusAsync(articles, {
      ...across,
      judge,
      profiler: profilesInWorker({ share: 9, minArticles: 0 }),
      shelf: c.shelf,
    });
    expect(renderJson(shelved)).toBe(renderJson(held));
    expect(c.puts.length).toBe(fingerprints);
    expect(c.closed()).toBe(1);
  });

  it('without slabs, or with a shelf that gives none, the profiles are held: the same report', () => {
    const c = counted();
    expect(renderJson(scanCorpus(articles, { ...across, slabs: false, shelf: c.shelf }))).toBe(
      renderJson(scanCorpus(articles, { crossLanguage: { dictionaries: false }, slabs: false })),
    );
    expect(c.puts.length).toBe(0);
    expect(renderJson(scanCorpus(articles, { ...across, shelf: () => undefined }))).toBe(renderJson(held));
  });

  it('a scan whose profiler fails closes the shelf', async () => {
    const c = counted();
    const inWorker = profilesInWorker({ share: 9, minArticles: 0 });
    const failing = scanCorpusAsync(articles, {
      ...across,
      shelf: c.shelf,
      judge: judgeInWorkers(0),
      profiler: async (list, resources, sink) => {
        await inWorker(list.slice(0, 20), resources, sink);
        throw new Error('profiler failed');
      },
    });
    await expect(failing).rejects.toThrow('profiler failed');
    expect(c.puts.length).toBe(20);
    expect(c.closed()).toBe(1);
  });

  it('a scan that fails after the profiles are shelved closes the shelf', async () => {
    const c = counted();
    const failing = scanCorpusAsync(articles, {
      ...across,
      shelf: c.shelf,
      judge: async () => {
        throw new Error('judge failed');
      },
    });
    await expect(failing).rejects.toThrow('judge failed');
    expect(c.puts.length).toBe(fingerprints);
    expect(c.closed()).toBe(1);
  });
});
