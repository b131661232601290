/**
 * A fingerprint made without its character shingles (as the scan makes them) scores every pair
 * exactly as one that holds them: the shingles are made when a pair needs them; what they can
 * take is bounded before they are made (`charShinglesBytesBound`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charShinglesBytesBound,
  charShinglesOf,
  type Fingerprint,
  fingerprintArticle,
  withChars,
} from '../../../src/core/fingerprint/fingerprint.js';
import { resolveThresholds } from '../../../src/core/relation/judge.js';
import { measurePair } from '../../../src/core/relation/score.js';
import { vectorizeCorpus } from '../../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { createWordCache } from '../../../src/core/text/wordCache.js';
import { VARIANT_KINDS } from '../../../src/eval/generate.js';
import { judgeAll } from '../../../src/pipeline/scoring.js';
import { readSeeds, variantsOf } from '../../store/fixtures.js';

const seeds = readSeeds();
const articles = [...seeds, ...variantsOf(seeds, VARIANT_KINDS)].slice(0, 30);
const cache = createWordCache();
const normalized = articles.map((a) => normalizeArticle(a, { words: cache }));
const full = normalized.map((n) => fingerprintArticle(n, cache));
const lean = normalized.map((n) => fingerprintArticle(n, cache, { chars: false }));
const vectors = vectorizeCorpus(full.map((f) => f.terms));
const at = <T>(list: readonly T[], k: number): T => list[k] as T;

describe('fingerprints without character shingles', () => {
  it('hold none, and make the same ones on demand', () => {
    lean.forEach((f, k) => {
      expect(f.chars).toBeUndefined();
      const chars = at(full, k).chars as Uint32Array;
      expect(chars.length).toBeGreaterThan(0);
      expect(charShinglesOf(f)).toEqual(chars);
      expect(withChars(f).chars).toEqual(chars);
      expect(withChars(at(full, k))).toBe(at(full, k));
    });
  });

  it('score every pair of the seeds and their variants as fingerprints that hold them', () => {
    for (let i = 0; i < full.length; i++)
      for (let j = 0; j < full.length; j++) {
        const expected = measurePair(at(full, i), at(full, j), at(vectors, i), at(vectors, j)).scores;
        expect(measurePair(at(lean, i), at(lean, j), at(vectors, i), at(vectors, j)).scores).toEqual(expected);
      }
  });

  it('give the score stage the same linked pairs and nearest unlinked ones', () => {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) pairs.push([i, j]);
    const thresholds = resolveThresholds();
    const judge = (fps: Fingerprint[]) => {
      const judged = judgeAll({ fps, vectors, thresholds }, pairs);
      return { linked: judged.linked, nearest: judged.nearest.list() };
    };
    const expected = judge(full);
    expect(expected.linked.length).toBeGreaterThan(10);
    expect(judge(lean)).toEqual(expected);
  });
});

describe("the bound on a text's character shingles", () => {
  it('is never below what they take', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 14 }), { maxLength: 60 }),
        (tokens) => {
          const article = normalizeArticle({ id: 'a', text: tokens.join(' ') });
          const made = withChars(fingerprintArticle(article, undefined, { chars: false })).chars as Uint32Array;
          expect(made.byteLength).toBeLessThanOrEqual(charShinglesBytesBound(article));
        },
      ),
      { numRuns: 150, seed: 48 },
    );
    // The seeds' take 69 % of it: news text repeats many 7-character windows.
    const seeds = readSeeds().map((seed) => normalizeArticle(seed));
    const made = seeds.map((a) => charShinglesOf(fingerprintArticle(a, undefined, { chars: false })).byteLength);
    const bound = seeds.map((a) => charShinglesBytesBound(a));
    made.forEach((m, k) => {
      expect(m).toBeLessThanOrEqual(bound[k] as number);
    });
    expect(made.reduce((x, y) => x + y) / bound.reduce((x, y) => x + y)).toBeCloseTo(0.69, 2);
  });
});
