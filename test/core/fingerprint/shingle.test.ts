import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashString,
  hashWordShingles,
  sampleShingles,
  shingleChars,
  shingleCharsInto,
  shingleWords,
  toSortedSet,
} from '../../../src/core/fingerprint/shingle.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { readSeed } from '../fixtures/seeds.js';

const isSortedUnique = (s: Uint32Array) => s.every((v, i) => i === 0 || (s[i - 1] as number) < v);
const words = fc.array(fc.constantFrom('cuba', 'china', 'the', 'party', 'talks', "china's", 'díaz', '古巴', ''), {
  maxLength: 30,
});

describe('hashString', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is the published value', (s, h) => {
    expect(hashString(s)).toBe(h);
  });

  it('is deterministic and a 32-bit unsigned integer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const h = hashString(s);
        expect(hashString(s)).toBe(h);
        expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
      }),
    );
  });
});

describe('word shingles', () => {
  it('are sorted and unique', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 6 }), (tokens, k) => {
        expect(isSortedUnique(shingleWords(tokens, k))).toBe(true);
      }),
    );
  });

  it('are deterministic: the same tokens give the same hashes', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 6 }), (tokens, k) => {
        expect(hashWordShingles([...tokens], k)).toEqual(hashWordShingles(tokens, k));
      }),
    );
  });

  it('one per k-gram position, and one for a text shorter than k', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 6 }), (tokens, k) => {
        const expected = tokens.length === 0 ? 0 : Math.max(1, tokens.length - k + 1);
        expect(hashWordShingles(tokens, k).length).toBe(expected);
      }),
    );
  });

  it.each([
    ['shorter than k', ['cuba', 'china'], 5, 1],
    ['exactly k', ['a', 'b', 'c', 'd', 'e'], 5, 1],
    ['empty', [], 5, 0],
    ['repeated k-gram counted once', ['a', 'b', 'a', 'b', 'a', 'b'], 2, 2],
  ])('%s', (_name, tokens, k, size) => {
    expect(shingleWords(tokens, k).length).toBe(size);
  });

  it('a text shorter than k shares no shingle with a longer text that starts with it', () => {
    const short = shingleWords(['cuba', 'china'], 5);
    const long = shingleWords(['cuba', 'china', 'sign', 'a', 'deal', 'today'], 5);
    expect([...short].filter((h) => long.includes(h))).toEqual([]);
  });

  it('no separator collision: ["a b", "c"] and ["a", "b c"] differ', () => {
    expect(shingleWords(['a b', 'c'], 2)).not.toEqual(shingleWords(['a', 'b c'], 2));
  });

  it('order matters within a shingle', () => {
    expect(shingleWords(['cuba', 'china'], 2)).not.toEqual(shingleWords(['china', 'cuba'], 2));
  });

  it.each([0, -1, 1.5, Number.NaN])('k = %s is refused with the value named', (k) => {
    expect(() => shingleWords(['a'], k)).toThrow(new RangeError(`shingle size must be a whole number ≥ 1, got ${k}`));
    expect(() => shingleChars('a', k)).toThrow(RangeError);
  });

  it('seed 000: its restated paragraph shares word 5-shingles with itself', () => {
    const n = normalizeArticle({ id: '000', text: readSeed('000') });
    const all = hashWordShingles(n.tokens, 5);
    const set = shingleWords(n.tokens, 5);
    // The intro restates the report, so the set is much smaller than the list of positions.
    expect(set.length).toBeLessThan(all.length * 0.8);
  });
});

describe('character shingles', () => {
  it('are sorted and unique', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (s, k) => {
        expect(isSortedUnique(shingleChars(s, k))).toBe(true);
      }),
    );
  });

  it.each([
    ['shorter than k', 'cuba', 7, 1],
    ['empty', '', 7, 0],
    ['distinct 3-grams of "aaaa"', 'aaaa', 3, 1],
    ['distinct 2-grams of "abab"', 'abab', 2, 2],
  ])('%s', (_name, text, k, size) => {
    expect(shingleChars(text, k).length).toBe(size);
  });

  it('the same set in a reused buffer, text after text, the buffer grown when a text needs it', () => {
    const scratch = { buffer: new Uint32Array(4) };
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 6 }), (texts) => {
        for (const t of texts) expect([...shingleCharsInto(t, 5, scratch)]).toEqual([...shingleChars(t, 5)]);
      }),
    );
    expect(scratch.buffer.length).toBeGreaterThan(4);
  });
});

describe('toSortedSet', () => {
  it('sorts numerically and drops duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 })), (values) => {
        const expected = [...new Set(values)].sort((x, y) => x - y);
        expect([...toSortedSet(Uint32Array.from(values))]).toEqual(expected);
      }),
    );
  });
});

describe('sampleShingles (fixed-rate sample for the containment channel)', () => {
  const sets = fc
    .uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 400 })
    .map((a) => toSortedSet(Uint32Array.from(a)));
  const inSample = (sample: Uint32Array) => new Set(sample);

  it('keeps a shingle in one set exactly when it keeps it in any other: sample(A ∩ B) = sample(A) ∩ sample(B)', () => {
    fc.assert(
      fc.property(sets, sets, fc.constantFrom(1, 2, 8, 32), (a, b, oneIn) => {
        const sb = new Set(b);
        const both = a.filter((h) => sb.has(h));
        const sa = inSample(sampleShingles(a, oneIn));
        const sbs = inSample(sampleShingles(b, oneIn));
        expect([...sampleShingles(both, oneIn)]).toEqual([...sa].filter((h) => sbs.has(h)));
      }),
    );
  });

  it('keeps every shingle at rate 1, and about one in n on real text', () => {
    const chars = shingleChars(normalizeArticle({ id: '003', text: readSeed('003') }).tokens.join(' '), 12);
    expect([...sampleShingles(chars, 1)]).toEqual([...chars]);
    const kept = sampleShingles(chars, 32).length;
    // Binomial(n, 1/32): within 4 standard deviations of n/32.
    const mean = chars.length / 32;
    expect(Math.abs(kept - mean)).toBeLessThan(4 * Math.sqrt(mean));
    expect(() => sampleShingles(chars, 0)).toThrow(/whole number ≥ 1, got 0/);
  });
});
