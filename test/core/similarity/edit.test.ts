import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editSimilarity, isEditSimilar } from '../../../src/core/similarity/edit.js';

describe('isEditSimilar: the banded test agrees with the full edit similarity', () => {
  it.each([
    ['kitten', 'sitting', 1 - 3 / 7, true],
    ['kitten', 'sitting', 1 - 3 / 7 + 0.001, false],
    ['', '', 1, true],
    ['a', '', 0.5, false],
    ['a', '', 0, true],
    ['favourable environment', 'favorable environment', 0.95, true],
    ['the talks ended', 'talks the ended', 0.85, false],
  ] as const)('%j vs %j at %d → %s', (a, b, min, want) => {
    expect(isEditSimilar(a, b, min)).toBe(want);
    expect(editSimilarity(a, b) >= min).toBe(want);
  });

  it('agrees on random strings over a small alphabet at any threshold', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, min) => {
        expect(isEditSimilar(a, b, min)).toBe(editSimilarity(a, b) >= min);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on a string and a noisy copy of it (the copy test’s case)', () => {
    const base = fc.string({ unit: fc.constantFrom('a', 'e', 'n', 't', 'r', ' '), minLength: 20, maxLength: 120 });
    const noisy = base.chain((s) =>
      fc
        .tuple(fc.constant(s), fc.array(fc.nat({ max: Math.max(0, s.length - 1) }), { maxLength: 12 }))
        .map(([t, at]) => {
          const chars = [...t];
          for (const i of at) chars[i] = 'x';
          return [t, chars.join('')] as const;
        }),
    );
    fc.assert(
      fc.property(noisy, fc.constantFrom(0.7, 0.8, 0.85, 0.9, 0.95), ([a, b], min) => {
        expect(isEditSimilar(a, b, min)).toBe(editSimilarity(a, b) >= min);
      }),
      { numRuns: 2000 },
    );
  });
});
