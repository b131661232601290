/**
 * `sketchTokens` dedupes shingles through a hash table instead of sorting (speed); this pins its
 * sketches to the former construction (`shingleChars` and `toSortedSet`, which sort) on real texts.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, mix32, shingleChars, toSortedSet } from '../../../src/core/fingerprint/shingle.js';
import { computeBandKeys } from '../../../src/core/minhash/lsh.js';
import { computeMinHash } from '../../../src/core/minhash/minhash.js';
import {
  type ArticleSketch,
  createSketchConfig,
  distinctCharShingles,
  hashTokens,
  keepDistinct,
  sketchTokens,
} from '../../../src/core/minhash/sketch.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { contentTerms } from '../../../src/core/text/terms.js';
import type { Article, SketchConfig } from '../../../src/types/index.js';
import { EVAL_DIR, readEvalRows } from '../../helpers/fixtures.js';
import { readSeeds, variantsOf } from '../../store/fixtures.js';

function referenceSketch(tokens: readonly string[], terms: readonly string[], config: SketchConfig): ArticleSketch {
  const charSet = shingleChars(tokens.join(' '), config.charShingle);
  const distinct = [...new Set(terms)];
  const termSet = toSortedSet(Uint32Array.from(distinct, hashString));
  const cs = computeMinHash(charSet, { numPerm: config.chars.numPerm, seed: config.seed });
  const ts = computeMinHash(termSet, { numPerm: config.terms.numPerm, seed: config.seed });
  return {
    hash: hashTokens(tokens),
    words: tokens.length,
    charSize: charSet.length,
    charSig: cs.values,
    charKeys: computeBandKeys(cs, config.chars),
    termSize: termSet.length,
    termSig: ts.values,
    termKeys: computeBandKeys(ts, config.terms),
    // The containment channel: the sorted shingles whose mixed hash lies in the lowest 1/oneIn.
    sampleKeys: config.containment
      ? charSet.filter((h) => mix32(h) < 2 ** 32 / (config.containment?.oneIn ?? 1))
      : new Uint32Array(0),
    terms: distinct,
  };
}

const config = createSketchConfig();

function expectSameSketches(articles: readonly Article[]): void {
  for (const a of articles) {
    const n = normalizeArticle(a);
    const terms = contentTerms(n.tokens, n.lang);
    expect(sketchTokens(n.tokens, terms, config), a.id).toEqual(referenceSketch(n.tokens, terms, config));
  }
}

describe('sketchTokens agrees with the sorted construction', () => {
  it('on the seeds and their generated variants', () => {
    const seeds = readSeeds();
    expectSameSketches([...seeds, ...variantsOf(seeds, ['ocr', 'reorder', 'truncate', 'roundup'], 3)]);
  });

  it.each([
    ['empty', ''],
    ['shorter than a shingle', 'Hi.'],
    ['one repeated word', 'news news news news news news news news'],
  ])('%s', (_name, text) => {
    expectSameSketches([{ id: 'x', text }]);
  });

  it('distinct shingles are the sorted set, as a set', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 14 }), (text, k) => {
        const fast = [...distinctCharShingles(text, k)].sort((x, y) => x - y);
        expect(fast).toEqual([...shingleChars(text, k)]);
      }),
    );
  });

  it('keepDistinct keeps first occurrences in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }).map((x) => (x * 0x10000001) >>> 0)), (xs) => {
        expect([...keepDistinct(Uint32Array.from(xs))]).toEqual([...new Set(xs)]);
      }),
    );
  });
});

const WMT24 = `${EVAL_DIR}/wmt24-en-multilingual.jsonl`;
describe.skipIf(!existsSync(WMT24))('sketchTokens on WMT24 documents (needs ../shared/eval)', () => {
  it('every fifth document, six languages', () => {
    expectSameSketches(
      readEvalRows(WMT24)
        .filter((_, i) => i % 5 === 0)
        .map((r) => ({ id: r.id, text: r.text, lang: r.lang })),
    );
  });
});
