// Bigram profiles answer exactly what string-similarity-js answers (through diceSimilarity), for
// any strings: the copy test swapped the package for them inside its O(n·m) loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramProfile, profileDice, rememberedProfile } from '../../../src/core/similarity/bigrams.js';
import { diceSimilarity } from '../../../src/core/similarity/stringSimilarity.js';

const dice = (a: string, b: string): number => profileDice(bigramProfile(a), bigramProfile(b));

describe('profileDice', () => {
  it.each([
    ['identical', 'the talks were held', 'the talks were held'],
    ['case only', 'Díaz-Canel', 'DÍAZ-CANEL'],
    ['one character each, equal', 'a', 'a'],
    ['one character each, different', 'a', 'b'],
    ['one empty', '', 'abc'],
    ['repeated bigrams (a multiset)', 'aaaa', 'aa'],
    ['OCR noise', 'Cuba stands ready to work with China', 'Cuha stands rcady to work witli China'],
    ['lower-casing that changes length', 'İstanbul talks', 'istanbul talks'],
    ['astral characters', '😀 news 😀', '😀 news'],
  ])('%s: as string-similarity-js', (_name, a, b) => {
    expect(dice(a, b)).toBe(diceSimilarity(a, b));
    expect(dice(b, a)).toBe(diceSimilarity(b, a));
  });

  it('equals diceSimilarity on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (a, b) => {
          expect(dice(a, b)).toBe(diceSimilarity(a, b));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('equals diceSimilarity on near-copies from a small alphabet (many shared bigrams)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', 'é'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(dice(a, b)).toBe(diceSimilarity(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rememberedProfile', () => {
  it('is the profile built afresh, for any string asked once or again (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', 'é', 'İ', '😀'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (strings) => {
        for (const s of [...strings, ...strings]) {
          const p = rememberedProfile(s);
          expect(p).toEqual(bigramProfile(s));
          expect(rememberedProfile(s)).toBe(p);
        }
      }),
      { numRuns: 500 },
    );
  });
});
