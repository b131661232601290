/**
 * The score stage in one thread (`judgeAll`) judges the pairs in its own order and keeps the
 * character shingles within a budget: whatever the budget, the same linked pairs in the order
 * given and the same closest unrelated ones as judging the pairs one by one in that order.
 */

import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgingOrder } from '../../src/core/candidates/order.js';
import { flatPairs } from '../../src/core/candidates/pairList.js';
import { charShinglesBytesBound, charShinglesOf, fingerprintArticle } from '../../src/core/fingerprint/fingerprint.js';
import { resolveThresholds } from '../../src/core/relation/judge.js';
import { pickNearest } from '../../src/core/relation/nearest.js';
import { vectorizeCorpus } from '../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { createVocabulary } from '../../src/core/text/vocabulary.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import {
  backwardUses,
  emptyJudged,
  type Judged,
  judgeAll,
  judgeSlice,
  orderedJudging,
  type ScoringInput,
  SHINGLE_REMAKE_SHARE,
  SHINGLE_REMAKE_SLACK,
  SHINGLE_SAMPLE,
  shingleCapacity,
} from '../../src/pipeline/scoring.js';
import { type ShelvedArticle, shelvedArticle, unshelvedArticle } from '../../src/pipeline/shelvedArticle.js';
import { CORPUS } from '../helpers/fixtures.js';

describe('judgeAll', async () => {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 29, perSource: 5 }).map((v) => ({ id: v.id, text: v.text }));
  // The scan leaves the character shingles out of its fingerprints (made when judged).
  const fps = [...seeds, ...variants].map((a) => fingerprintArticle(normalizeArticle(a), undefined, { chars: false }));
  const input = { fps, vectors: vectorizeCorpus(fps.map((f) => f.terms)), thresholds: resolveThresholds() };
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < fps.length; i++) for (let j = i + 1; j < fps.length; j++) pairs.push([i, j]);
  const oneByOne = judgeSlice(input, flatPairs(pairs), emptyJudged());
  const closest = (j: Judged) => pickNearest(j.nearest.list(), fps).map((p) => [p.a, p.b, p.relation]);

  it('the corpus has linked and unrelated pairs (else the test would prove little)', () => {
    expect(oneByOne.linked.length).toBeGreaterThan(20);
    expect(oneByOne.nearest.list().length).toBeGreaterThan(0);
  });

  it.each([
    { name: 'nothing kept', cacheBytes: 0, fixed: true },
    { name: 'a few articles kept', cacheBytes: 20_000, fixed: true },
    { name: 'a budget that grows from nothing', cacheBytes: 0, fixed: false },
    { name: 'the default', cacheBytes: undefined, fixed: false },
  ])('$name: the same verdicts, linked pairs in the order given', ({ cacheBytes, fixed }) => {
    let stats = { made: 0, peakBytes: 0, limitBytes: 0 };
    const judged = judgeAll(input, pairs, undefined, {
      ...(cacheBytes === undefined ? {} : { cacheBytes }),
      fixed,
      onShingles: (s) => {
        stats = s;
      },
    });
    expect(JSON.stringify(judged.linked)).toBe(JSON.stringify(oneByOne.linked));
    expect(closest(judged)).toEqual(closest(oneByOne));
    expect(stats.peakBytes).toBeLessThanOrEqual(stats.limitBytes);
    if (fixed) expect(stats.limitBytes).toBe(cacheBytes);
    // Every article is in a pair here: made once each when they all fit, more often when few do.
    if (cacheBytes === undefined) expect(stats.made).toBe(fps.length);
    else expect(stats.made).toBeGreaterThan(fps.length);
    // Nothing kept: made for each of its pairs.
    if (fixed && cacheBytes === 0) expect(stats.made).toBe(2 * pairs.length);
  });

  it('with the articles shelved: the same verdicts, each article read back with its shingles, as many kept', () => {
    // Articles read back as a scan's shelf gives them (`ScoringInput.shelved`): a copy at each read.
    const tokens = createVocabulary();
    const onShelf = fps.map((f) => serialize(shelvedArticle(f.article, tokens)));
    let reads = 0;
    // The word shingles and sentence terms too, as copies.
    const wordsOnShelf = fps.map((f) =>
      serialize({ words: f.words, ids: f.sentenceTerms.ids, offsets: f.sentenceTerms.offsets }),
    );
    const shelvedInput: ScoringInput = {
      ...input,
      fps: fps.map(({ words: _w, sentenceTerms: _t, ...f }) => ({
        ...f,
        article: { id: f.article.id, lang: f.article.lang, actions: f.article.actions },
      })),
      shelved: {
        articleOf: (k) => {
          reads++;
          return unshelvedArticle(deserialize(onShelf[k] as Buffer) as ShelvedArticle, tokens.terms);
        },
        wordsOf: (k) => {
          const { words, ids, offsets } = deserialize(wordsOnShelf[k] as Buffer);
          return {
            words,
            sentenceTerms: { vocabulary: (fps[k] as (typeof fps)[number]).sentenceTerms.vocabulary, ids, offsets },
          };
        },
        vocabulary: undefined,
        shinglesBound: (k) => charShinglesBytesBound((fps[k] as (typeof fps)[number]).article),
      },
    };
    const budget = 2 ** 16;
    const stats: Array<{ made: number; peakBytes: number; limitBytes: number }> = [];
    const held = judgeAll(input, pairs, undefined, {
      cacheBytes: budget,
      fixed: true,
      onShingles: (x) => stats.push(x),
    });
    const shelved = judgeAll(shelvedInput, pairs, undefined, {
      cacheBytes: budget,
      fixed: true,
      onShingles: (x) => stats.push(x),
    });
    expect(JSON.stringify(shelved.linked)).toBe(JSON.stringify(held.linked));
    expect(closest(shelved)).toEqual(closest(held));
    const [whole, read] = stats as [(typeof stats)[number], (typeof stats)[number]];
    // The budget covers the articles read back: about three times the shingles' (`readArticleBytes`).
    expect(read.limitBytes).toBeGreaterThan(2 * budget);
    expect(whole.made).toBeGreaterThan(fps.length);
    expect(read.made).toBeLessThanOrEqual(Math.ceil(1.25 * whole.made));
    // One read per set made, and the few the budget is sized from.
    expect(reads).toBeGreaterThanOrEqual(read.made);
    expect(reads).toBeLessThanOrEqual(read.made + fps.length);
  });

  it('a budget too small for the pairs grows until the articles are made again a bounded number of times', () => {
    // 1 byte: every set made again at each pair, until the rule doubles the budget (from 1 MiB up).
    let stats = { made: 0, peakBytes: 0, limitBytes: 0 };
    judgeAll(input, pairs, undefined, { cacheBytes: 1, onShingles: (s) => (stats = s) });
    expect(stats.limitBytes).toBeGreaterThanOrEqual(2 ** 21);
    expect(stats.made).toBeLessThanOrEqual(fps.length + SHINGLE_REMAKE_SHARE * pairs.length + 2 * SHINGLE_REMAKE_SLACK);
    expect(stats.made).toBeLessThan(2 * pairs.length);
  });

  it.each([
    { name: 'nothing kept', cacheBytes: 0, fixed: true },
    { name: 'a few articles kept', cacheBytes: 20_000, fixed: true },
    { name: 'the default', cacheBytes: undefined, fixed: false },
  ])('walked backward, stretch by stretch from the last ($name): the same verdicts', ({ cacheBytes, fixed }) => {
    let stats = { made: 0, peakBytes: 0, limitBytes: 0 };
    const run = orderedJudging(input, pairs, {
      ...(cacheBytes === undefined ? {} : { cacheBytes }),
      fixed,
      backward: true,
      onShingles: (s) => {
        stats = s;
      },
    });
    const stretch = 7;
    for (let from = Math.floor((pairs.length - 1) / stretch) * stretch; from >= 0; from -= stretch)
      run.judge(from, Math.min(pairs.length, from + stretch));
    const judged = run.finish();
    expect(JSON.stringify(judged.linked)).toBe(JSON.stringify(oneByOne.linked));
    expect(closest(judged)).toEqual(closest(oneByOne));
    expect(stats.peakBytes).toBeLessThanOrEqual(stats.limitBytes);
    // Planned for the walk it takes: each article made once when they all fit (a forward plan
    // walked backward lets each go at its first pair met, the last in the order).
    if (cacheBytes === undefined) expect(stats.made).toBe(fps.length);
    if (fixed && cacheBytes === 0) expect(stats.made).toBe(2 * pairs.length);
  });
});

describe('shingleCapacity', async () => {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 3, perSource: 8 }).map((v) => ({ id: v.id, text: v.text }));
  const fps = [...seeds, ...variants].map((a) => fingerprintArticle(normalizeArticle(a), undefined, { chars: false }));
  const mean = fps.reduce((sum, fp) => sum + charShinglesOf(fp).byteLength, 0) / fps.length;

  it.each([1, 2 ** 16, 2 ** 20, 64 * 2 ** 20])(
    'a corpus it samples whole: %s bytes hold what the shingles take',
    (bytes) => {
      expect(fps.length).toBeLessThanOrEqual(SHINGLE_SAMPLE);
      expect(shingleCapacity(fps, bytes)).toBe(Math.max(1, Math.floor(bytes / mean)));
    },
  );

  it('a larger corpus: within a fifth of what its shingles take, from a sample', () => {
    const many = Array.from(
      { length: 5 * SHINGLE_SAMPLE },
      (_, k) => fps[(7 * k) % fps.length] as (typeof fps)[number],
    );
    const truth = many.reduce((sum, fp) => sum + charShinglesOf(fp).byteLength, 0) / many.length;
    const capacity = shingleCapacity(many, 2 ** 24);
    expect(capacity).toBeGreaterThan((0.8 * 2 ** 24) / truth);
    expect(capacity).toBeLessThan((1.2 * 2 ** 24) / truth);
  });
});

describe('backwardUses', () => {
  it("each place's articles: the place before it that reads them, counted from the end (brute force)", () => {
    const pairArb = fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }))
      .filter(([i, j]) => i !== j)
      .map(([i, j]): [number, number] => (i < j ? [i, j] : [j, i]));
    fc.assert(
      fc.property(fc.uniqueArray(pairArb, { selector: ([i, j]) => `${i},${j}`, maxLength: 30 }), (pairs) => {
        const { order } = judgingOrder(10, pairs);
        const uses = backwardUses(order, pairs, 10);
        const total = order.length;
        for (let at = 0; at < total; at++) {
          const pair = pairs[order[at] as number] as [number, number];
          pair.forEach((g, side) => {
            let before = -1;
            for (let p = 0; p < at; p++) if ((pairs[order[p] as number] as [number, number]).includes(g)) before = p;
            expect(uses[2 * at + side]).toBe(before < 0 ? -1 : total - 1 - before);
          });
        }
      }),
    );
  });
});
