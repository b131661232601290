import fc from 'fast-check';
import { stringSimilarity } from 'string-similarity-js';
import { describe, expect, it } from 'vitest';
import { diceSimilarity } from '../../../src/core/similarity/stringSimilarity.js';

describe('string-similarity-js (the package itself)', () => {
  it.each([
    ['a', 'a'],
    ['', ''],
    ['A', 'a'],
  ])('returns 0 for %j vs %j: shorter than its bigram, even when identical', (a, b) => {
    expect(stringSimilarity(a, b, 2, false)).toBe(0);
  });
});

describe('diceSimilarity', () => {
  it.each([
    ['one letter, equal', 'a', 'a', 1],
    ['empty, equal', '', '', 1],
    ['one letter, case differs', 'A', 'a', 1],
    ['title, case differs', 'Senior CPC, PCC officials hold talks', 'senior cpc, pcc officials hold talks', 1],
    ['one letter, different', 'a', 'b', 0],
    ['no shared bigram', 'abc', 'xyz', 0],
  ])('%s', (_name, a, b, expected) => {
    expect(diceSimilarity(a, b)).toBe(expected);
  });

  it('two seed titles about the same parties are alike but not equal', () => {
    const d = diceSimilarity(
      'Communist Parties of Cuba and China highlight ties of friendship',
      'China and Cuba working to strengthen mutually beneficial cooperation and promote socialist development',
    );
    expect(d).toBeGreaterThan(0.2);
    expect(d).toBeLessThan(0.6);
  });

  it('is in [0, 1], symmetric, and 1 for a string with itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const d = diceSimilarity(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(diceSimilarity(b, a)).toBeCloseTo(d, 12);
        expect(diceSimilarity(a, a)).toBe(1);
      }),
    );
  });
});
