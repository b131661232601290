/**
 * A scan that puts its cross-language profiles, its normalized articles and the anchors' traits its
 * job reads on shelves (`ScanOptions.shelf`, used with slabs) gives the report of one that holds
 * them, byte for byte: scored in its thread, with a scoring worker sent shares or a whole copy,
 * with the profiles made in a worker; every profile, article and traits is put once and read back
 * (the traits unless a profile gave them), and each shelf is closed when the scan ends, or fails.
 */
import { describe, expect, it } from 'vitest';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { createFileShelf } from '../../src/io/shelf.js';
import { scanCorpus, scanCorpusAsync } from '../../src/pipeline/scan.js';
import { anchorsInWorker } from '../../src/pipeline/workers/anchorsPool.js';
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

interface Counts {
  puts: number[];
  gets: number;
  closed: number;
}

/** File shelves that count what is done with each, in the order the scan asked for them. */
function counted(): { shelf: () => Shelf; shelves: Counts[] } {
  const shelves: Counts[] = [];
  return {
    shelves,
    shelf: () => {
      const inner = createFileShelf();
      const c: Counts = { puts: [], gets: 0, closed: 0 };
      shelves.push(c);
      return {
        put: (k, v) => {
          c.puts.push(k);
          inner.put(k, v);
        },
        get: (k) => {
          c.gets++;
          return inner.get(k);
        },
        bytes: (k) => inner.bytes(k),
        close: () => {
          c.closed++;
          inner.close();
        },
      };
    },
  };
}

/** 0, 1, …, n − 1. */
const upTo = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

describe('a scan with its profiles and its articles on shelves', async () => {
  const articles = await twoLanguages();
  const across = { crossLanguage: { dictionaries: false } as const, slabs: true };
  const held = scanCorpus(articles, across);
  const fingerprints = articles.length - (held.candidates.identical ?? 0);

  it('the corpus is compared across languages (else the test would prove little)', () => {
    expect(held.crossLanguage?.candidates).toBeGreaterThan(20);
    expect(held.pairs.filter((p) => p.scores.crossAlignedAB !== undefined).length).toBeGreaterThan(10);
    expect(held.stories.length).toBeGreaterThan(0);
  });

  it('in its thread: the same report, every profile and article put once and read back, the shelves closed', () => {
    const c = counted();
    const shelved = scanCorpus(articles, { ...across, shelf: c.shelf });
    expect(renderJson(shelved)).toBe(renderJson(held));
    // The articles' shelf is asked for first (they go on it as they are normalized).
    const [texts, profiles] = c.shelves as [Counts, Counts];
    expect(c.shelves.length).toBe(2);
    expect([...profiles.puts].sort((x, y) => x - y)).toEqual(upTo(fingerprints));
    // Every article, copies included (a copy's pair with the first of its group reads it), then
    // each fingerprint's word shingles and sentence terms.
    expect(texts.puts).toEqual(upTo(articles.length + fingerprints));
    expect(fingerprints).toBeLessThan(articles.length);
    for (const s of c.shelves) {
      expect(s.gets).toBeGreaterThan(0);
      expect(s.closed).toBe(1);
    }
  });

  it('a corpus in one language, with reposts: its articles on the one shelf it asks for, the same report', () => {
    // Reposts (the same text again under another id) reuse an earlier article's normalized form, read back.
    const english = [...articles, ...articles.slice(0, 3).map((a) => ({ ...a, id: `${a.id}~repost` }))].map((a) => ({
      ...a,
      lang: 'en',
    }));
    const alone = scanCorpus(english, { slabs: true });
    const c = counted();
    expect(renderJson(scanCorpus(english, { slabs: true, shelf: c.shelf }))).toBe(renderJson(alone));
    // Each article, then each fingerprint's words (a repost is its original's fingerprint).
    const folded = english.length - (alone.candidates.identical ?? 0);
    expect(c.shelves.map((s) => [s.puts.length, s.closed])).toEqual([[english.length + folded, 1]]);
    expect(alone.stories.length).toBeGreaterThan(0);
    expect(alone.documents.filter((d) => d.id.endsWith('~repost') && d.copyOf !== undefined).length).toBe(3);
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
    expect(c.shelves.map((s) => [s.puts.length, s.closed])).toEqual([
      [articles.length + fingerprints, 1],
      [fingerprints, 1],
    ]);
  });

  const equivalents = parseEquivalents(await readEquivalentsText());
  it.each([
    { what: 'across languages', options: across, read: 1 },
    // The profiles were read with the anchors' own table: the traits are read from them instead.
    { what: 'across languages, one equivalents table', options: { ...across, anchors: { equivalents } }, read: 0 },
    { what: 'in one language', options: { slabs: true, crossLanguage: false as const }, read: 1 },
  ])(
    'the anchors read in a worker, $what: their traits on a shelf of their own, the same report',
    async ({ options, read }) => {
      const c = counted();
      const judge = judgeInWorkers(0);
      const shelved = await scanCorpusAsync(articles, {
        ...options,
        judge,
        shelf: c.shelf,
        anchorsJob: anchorsInWorker(10),
      });
      expect(renderJson(shelved)).toBe(renderJson(scanCorpus(articles, options)));
      expect(shelved.events?.length).toBeGreaterThan(0);
      // Asked for after the articles' shelf (the job starts once they have one), before the profiles'.
      const [texts, traits] = c.shelves as [Counts, Counts];
      expect(texts.puts).toEqual(upTo(articles.length + fingerprints));
      expect(traits.puts).toEqual(upTo(articles.length));
      // Each fingerprint's traits read back once to weigh the names, then each article's twice: to
      // find the look-up keys asked about (`askedKeys`) and as its story is described (a copy's are
      // those of the first of its group), unless a profile gave them.
      expect(traits.gets).toBe(read * (fingerprints + 2 * articles.length));
      expect(c.shelves.map((s) => s.closed)).toEqual(c.shelves.map(() => 1));
    },
  );

  it('a scan that fails with the anchors job running closes its shelf too', async () => {
    const c = counted();
    const failing = scanCorpusAsync(articles, {
      ...across,
      shelf: c.shelf,
      anchorsJob: anchorsInWorker(10),
      judge: async () => {
        throw new Error('judge failed');
      },
    });
    await expect(failing).rejects.toThrow('judge failed');
    expect(c.shelves.map((s) => s.closed)).toEqual([1, 1, 1]);
  });

  it('without slabs, or with a shelf that gives none, the profiles are held: the same report', () => {
    const c = counted();
    expect(renderJson(scanCorpus(articles, { ...across, slabs: false, shelf: c.shelf }))).toBe(
      renderJson(scanCorpus(articles, { crossLanguage: { dictionaries: false }, slabs: false })),
    );
    expect(c.shelves.length).toBe(0);
    expect(renderJson(scanCorpus(articles, { ...across, shelf: () => undefined }))).toBe(renderJson(held));
  });

  it('a scan whose profiler fails closes both shelves', async () => {
    const c = counted();
    const inWorker = profilesInWorker({ share: 9, minArticles: 0 });
    const failing = scanCorpusAsync(articles, {
      ...across,
      shelf: c.shelf,
      judge: judgeInWorkers(0),
      profiler: async (list, resources, sink) => {
        await inWorker({ length: 20, at: (k) => list.at(k) }, resources, sink);
        throw new Error('profiler failed');
      },
    });
    await expect(failing).rejects.toThrow('profiler failed');
    expect(c.shelves.map((s) => [s.puts.length, s.closed])).toEqual([
      [articles.length + fingerprints, 1],
      [20, 1],
    ]);
  });

  it('a scan that fails after the profiles and articles are shelved closes both shelves', async () => {
    const c = counted();
    const failing = scanCorpusAsync(articles, {
      ...across,
      shelf: c.shelf,
      judge: async () => {
        throw new Error('judge failed');
      },
    });
    await expect(failing).rejects.toThrow('judge failed');
    expect(c.shelves.map((s) => [s.puts.length, s.closed])).toEqual([
      [articles.length + fingerprints, 1],
      [fingerprints, 1],
    ]);
  });
});
