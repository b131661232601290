/**
 * The score stage spread over worker threads gives the scan of one thread: the same linked pairs
 * in the same order, the same closest unrelated pairs, a byte-identical report, whatever the
 * number of workers and the size of a share; a failing share fails the stage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../src/core/fingerprint/fingerprint.js';
import { pickNearest } from '../../src/core/relation/nearest.js';
import { vectorizeCorpus } from '../../src/core/similarity/tfidf.js';
import { Slab } from '../../src/core/slab.js';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { evaluateGold, evaluateGoldAsync } from '../../src/pipeline/evaluate.js';
import { scanCorpus, scanCorpusAsync } from '../../src/pipeline/scan.js';
import {
  DEFAULT_WORKER_FINGERPRINTS,
  judgeInWorkers,
  portableFingerprint,
  ShareReads,
  usesWorkers,
  WorkerHoldings,
  worthWorkers,
} from '../../src/pipeline/workers/scorePool.js';
import { renderJson } from '../../src/report/json.js';
import type { Article } from '../../src/types/index.js';
import { CORPUS, EVAL_DIR, readEvalRows } from '../helpers/fixtures.js';

const WEB_MULTI = join(EVAL_DIR, 'web-multi.jsonl');

/** The five seeds and 8 generated variants of each (copies, excerpts, edits, previews): linked and unrelated pairs. */
async function corpus(): Promise<Article[]> {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 13, perSource: 8 }).map((v) => ({ id: v.id, text: v.text }));
  return [...seeds, ...variants];
}

describe('scoring workers', async () => {
  const articles = await corpus();
  const options = { crossLanguage: false as const };
  const alone = scanCorpus(articles, options);

  it('the corpus has related and unrelated candidate pairs (else the test would prove little)', () => {
    expect(alone.candidates.pairs).toBeGreaterThan(100);
    expect(alone.pairs.length).toBeGreaterThan(20);
    expect(alone.nearest?.length).toBeGreaterThan(0);
  });

  it.each([
    { workers: 1, sharePairs: 1000, copyUpTo: undefined },
    { workers: 1, sharePairs: 7, copyUpTo: undefined },
    { workers: 2, sharePairs: 13, copyUpTo: undefined },
    // Streamed: each share sends what its worker lacks.
    { workers: 1, sharePairs: 2000, copyUpTo: 0 },
    { workers: 1, sharePairs: 5, copyUpTo: 0 },
    { workers: 2, sharePairs: 17, copyUpTo: 0 },
  ])(
    '$workers worker(s), shares of $sharePairs pairs, copied whole up to $copyUpTo: the report of one thread, byte for byte',
    async ({ workers, sharePairs, copyUpTo }) => {
      const seen: number[] = [];
      const shared = await scanCorpusAsync(articles, {
        ...options,
        judge: judgeInWorkers(workers, { always: true, sharePairs, ...(copyUpTo === undefined ? {} : { copyUpTo }) }),
        onProgress: (stage, done) => {
          if (stage === 'score') seen.push(done);
        },
      });
      expect(renderJson(shared)).toBe(renderJson(alone));
      // Progress rises to every pair.
      expect(seen.at(-1)).toBe(alone.candidates.pairs);
      expect(seen.every((d, k) => k === 0 || d > (seen[k - 1] as number))).toBe(true);
    },
  );

  it('the linked pairs come back in pair order and the closest unrelated ones are the same', async () => {
    const fps = articles.slice(0, 30).map((a) => fingerprintArticle(normalizeArticle(a)));
    const input = { fps, vectors: vectorizeCorpus(fps.map((f) => f.terms)), thresholds: alone.thresholds };
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < fps.length; i++) for (let j = i + 1; j < fps.length; j++) pairs.push([i, j]);
    const one = await judgeInWorkers(0)(input, pairs);
    expect(one.linked.length).toBeGreaterThan(10);
    const closest = (j: typeof one) => pickNearest(j.nearest.list(), fps).map((p) => [p.a, p.b]);
    for (const copyUpTo of [undefined, 0]) {
      const two = await judgeInWorkers(2, {
        always: true,
        sharePairs: 9,
        ...(copyUpTo === undefined ? {} : { copyUpTo }),
      })(input, pairs);
      expect(two.linked.map((p) => [p.i, p.j])).toEqual(one.linked.map((p) => [p.i, p.j]));
      expect(JSON.stringify(two.linked)).toBe(JSON.stringify(one.linked));
      expect(closest(two)).toEqual(closest(one));
    }
  });

  it('streamed above the copy limit, the scan keeping its arrays in slabs: the report of one thread', async () => {
    const slabbed = { ...options, slabs: true };
    const one = scanCorpus(articles, slabbed);
    expect(renderJson(one)).toBe(renderJson(alone));
    const shared = await scanCorpusAsync(articles, {
      ...slabbed,
      judge: judgeInWorkers(1, { always: true, sharePairs: 50, copyUpTo: 0 }),
    });
    expect(renderJson(shared)).toBe(renderJson(alone));
  });

  it('a fingerprint sent in a streamed share: its arrays out of the slab, the same article', () => {
    const slab = new Slab();
    const made = fingerprintArticle(normalizeArticle(articles[0] as Article), undefined, { chars: false });
    const fp = { ...made, article: { ...made.article } };
    // As the scan keeps it above SLAB_MIN_ARTICLES: its typed arrays views of a 33 MiB slab.
    fp.words = slab.copy(fp.words);
    fp.article.tokenSpans = slab.copy(fp.article.tokenSpans);
    fp.article.quoted = slab.copy(fp.article.quoted);
    fp.sentenceTerms = {
      ...fp.sentenceTerms,
      ids: slab.copy(fp.sentenceTerms.ids),
      offsets: slab.copy(fp.sentenceTerms.offsets),
    };
    expect(fp.words.buffer.byteLength).toBeGreaterThan(1 << 20);
    // Posted as it stands (structured clone, as postMessage), the slab would go with it; portable, the arrays alone.
    expect(structuredClone(fp).words.buffer.byteLength).toBeGreaterThan(1 << 20);
    const back = structuredClone(portableFingerprint(fp));
    for (const a of [
      back.words,
      back.article.tokenSpans,
      back.article.quoted,
      back.sentenceTerms.ids,
      back.sentenceTerms.offsets,
    ])
      expect(a.buffer.byteLength).toBe(a.byteLength);
    // The corpus's vocabulary stays behind (the worker puts its own in its place).
    expect(back.sentenceTerms.vocabulary.terms).toEqual([]);
    expect(Array.from(back.words)).toEqual(Array.from(fp.words));
    expect(Array.from(back.article.tokenSpans)).toEqual(Array.from(fp.article.tokenSpans));
    expect(Array.from(back.sentenceTerms.ids)).toEqual(Array.from(fp.sentenceTerms.ids));
    expect(back.article.tokens).toEqual(fp.article.tokens);
    expect(back.chars).toBeUndefined();
  });

  it('eval with scoring workers: the same figures', async () => {
    const gold = articles.map((a) => ({ ...a, meta: { cluster: a.id.split('~')[0] as string } }));
    const one = evaluateGold(gold, options);
    const shared = await evaluateGoldAsync(gold, {
      ...options,
      judge: judgeInWorkers(2, { always: true, sharePairs: 11 }),
    });
    expect(one.documents).toBe(articles.length);
    expect(one.ari).toBeGreaterThan(0.5);
    expect(shared).toEqual(one);
  });

  it.skipIf(!existsSync(WEB_MULTI))(
    'across languages (web-multi, needs ../shared/eval): the profiles posted to a worker, the report of one thread',
    async () => {
      // The profiles' keyed form (typed arrays viewing one buffer) goes to the worker by structured clone.
      const multi = readEvalRows(WEB_MULTI).map((r) => ({ id: r.id, text: r.text, lang: r.lang }));
      const across = { crossLanguage: { dictionaries: false } };
      const one = scanCorpus(multi, across);
      expect(one.crossLanguage?.candidates).toBeGreaterThan(10);
      expect(one.pairs.some((p) => p.relation === 'translation-variant')).toBe(true);
      for (const copyUpTo of [undefined, 0]) {
        const shared = await scanCorpusAsync(multi, {
          ...across,
          judge: judgeInWorkers(1, { always: true, sharePairs: 7, ...(copyUpTo === undefined ? {} : { copyUpTo }) }),
        });
        expect(renderJson(shared)).toBe(renderJson(one));
      }
    },
  );

  it('no workers, or too few pairs for them: judged in the thread, the same report', async () => {
    for (const judge of [judgeInWorkers(0), judgeInWorkers(1)]) {
      const result = await scanCorpusAsync(articles, { ...options, judge });
      expect(renderJson(result)).toBe(renderJson(alone));
    }
  });

  it('a share that fails in a worker fails the stage, with the error', async () => {
    const fps = articles.slice(0, 4).map((a) => fingerprintArticle(normalizeArticle(a)));
    const input = { fps, vectors: vectorizeCorpus(fps.map((f) => f.terms)), thresholds: alone.thresholds };
    // Shares of two pairs: the worker takes the first two shares (the first names no article), the
    // thread the third.
    const pairs: Array<[number, number]> = [
      [0, 1],
      [0, 999],
      [0, 2],
      [1, 2],
      [1, 3],
      [2, 3],
    ];
    const judge = judgeInWorkers(1, { always: true, sharePairs: 2 });
    await expect(judge(input, pairs)).rejects.toThrow(/Cannot read properties of undefined/);
    // The same pairs without the bad one are judged.
    const good = await judge(
      input,
      pairs.filter(([, j]) => j < 4),
    );
    expect(good.linked.length + good.nearest.list().length).toBeGreaterThan(0);
  });
});

describe('ShareReads and WorkerHoldings: what a streaming worker holds, kept in step', () => {
  const sharesArb = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 10 }), {
    minLength: 1,
    maxLength: 25,
  });

  it('firstAfter: the first share after s that reads the article (brute force)', () => {
    fc.assert(
      fc.property(sharesArb, (shares) => {
        const reads = new ShareReads(shares.length, 31, (s) => shares[s] as number[]);
        for (let s = -1; s < shares.length; s++) {
          if (s >= 0) expect(Array.from(reads.of(s))).toEqual(shares[s]);
          for (let g = 0; g < 31; g++) {
            let first = Number.POSITIVE_INFINITY;
            for (let t = shares.length - 1; t > s; t--) if ((shares[t] as number[]).includes(g)) first = t;
            expect(reads.firstAfter(g, s)).toBe(first);
          }
        }
      }),
    );
  });

  it('walking the shares from the first on: every share read is held, each article sent only when not held, within capacity', () => {
    fc.assert(
      fc.property(sharesArb, fc.integer({ min: 1, max: 8 }), (shares, capacity) => {
        const h = new WorkerHoldings(new ShareReads(shares.length, 31, (s) => shares[s] as number[]), capacity);
        // The worker's side: it applies the lists it is sent, in order.
        const held = new Set<number>();
        for (let s = 0; s < shares.length; s++) {
          const reads = shares[s] as number[];
          const { drop, send } = h.next(s);
          for (const g of drop) {
            expect(held.has(g)).toBe(true);
            expect(reads).not.toContain(g);
            held.delete(g);
          }
          for (const g of send) {
            expect(held.has(g)).toBe(false);
            held.add(g);
          }
          for (const g of reads) expect(held.has(g)).toBe(true);
          expect(held.size).toBeLessThanOrEqual(Math.max(capacity, reads.length));
          expect(h.size).toBe(held.size);
        }
      }),
    );
  });

  it('past capacity, lets go of the article whose next share comes latest in the walk', () => {
    // Walked 0, 1, 2, 3: at share 1, articles 1 and 2 are held and 3 arrives; 1 is read next (share 2), 2 only at share 3.
    const shares = [[1, 2], [3], [1], [2]];
    const h = new WorkerHoldings(new ShareReads(4, 4, (s) => shares[s] as number[]), 2);
    expect(h.next(0)).toEqual({ drop: [], send: [1, 2] });
    expect(h.next(1)).toEqual({ drop: [2], send: [3] });
    expect(h.next(2)).toEqual({ drop: [], send: [] });
    // At share 3 neither 1 nor 3 is read again: the lower number goes first.
    expect(h.next(3)).toEqual({ drop: [1], send: [2] });
  });
});

describe('worthWorkers', () => {
  it.each([
    { pairs: 262_777, fingerprints: 9_200, worth: true }, // the bench's 10,000-article scan
    { pairs: 40_000, fingerprints: 30_000, worth: false }, // fewer than two pairs a fingerprint
    { pairs: 4_000, fingerprints: 100, worth: false }, // too few pairs for a worker's start
    { pairs: 5_000, fingerprints: 2_500, worth: true },
  ])('$pairs pairs over $fingerprints fingerprints → $worth', ({ pairs, fingerprints, worth }) => {
    expect(worthWorkers(pairs, fingerprints)).toBe(worth);
  });
});

describe('usesWorkers', () => {
  // What `copydesk scan` asks for by default on 2+ cores (src/cli/options.ts).
  const cli = { maxFingerprints: DEFAULT_WORKER_FINGERPRINTS };
  it.each([
    { name: 'no workers asked', workers: 0, pairs: 50_000, fps: 2_000, options: {}, uses: false },
    { name: 'no pairs', workers: 1, pairs: 0, fps: 2_000, options: { always: true }, uses: false },
    { name: 'always (tests)', workers: 1, pairs: 10, fps: 2_000, options: { always: true }, uses: true },
    {
      name: 'the 2,000-article bench scan, by default',
      workers: 1,
      pairs: 44_084,
      fps: 2_000,
      options: cli,
      uses: true,
    },
    {
      name: 'the 10,000-article bench scan, by default',
      workers: 1,
      pairs: 262_754,
      fps: 9_744,
      options: cli,
      uses: false,
    },
    {
      name: 'the 10,000-article scan with --workers 1 (streamed)',
      workers: 1,
      pairs: 262_754,
      fps: 9_744,
      options: {},
      uses: true,
    },
    { name: 'too few pairs a fingerprint', workers: 2, pairs: 6_915, fps: 4_000, options: {}, uses: false },
  ])('$name → $uses', ({ workers, pairs, fps, options, uses }) => {
    expect(usesWorkers(workers, pairs, fps, options)).toBe(uses);
  });
});
