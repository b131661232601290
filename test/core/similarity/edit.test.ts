import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance, editDistance, editSimilarity, isEditSimilar } from '../../../src/core/similarity/edit.js';

describe('isEditSimilar: the bounded test agrees with the full edit similarity', () => {
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

/** A string and an edited copy: characters replaced, inserted and deleted at random places. */
const edited = (alphabet: readonly string[], maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), maxLength }).chain((s) =>
    fc
      .array(fc.tuple(fc.constantFrom('sub', 'ins', 'del'), fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 30 })
      .map((edits) => {
        const chars = [...s];
        for (const [op, at, c] of edits) {
          const i = chars.length === 0 ? 0 : at % chars.length;
          if (op === 'sub' && chars.length > 0) chars[i] = c;
          else if (op === 'ins') chars.splice(i, 0, c);
          else if (op === 'del') chars.splice(i, 1);
        }
        return [s, chars.join('')] as const;
      }),
  );

describe('boundedEditDistance: the bit-parallel distance against the full table', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['same', 'same', 0],
    // Across 32-row blocks: 70 characters, one change in each block.
    [`${'a'.repeat(30)}X${'b'.repeat(39)}`, `${'a'.repeat(30)}${'b'.repeat(33)}Y${'b'.repeat(6)}`, 2],
    ['Díaz-Canel 😀 visited', 'Diaz-Canel 😀 visits', 3],
  ] as const)('%j vs %j: %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(boundedEditDistance(a, b, 1000)).toBe(d);
    expect(boundedEditDistance(a, b, d)).toBe(d);
    if (d > 0) expect(boundedEditDistance(a, b, d - 1)).toBeGreaterThan(d - 1);
  });

  it('gives the exact distance when it is within the bound, and more than the bound otherwise (strings over several blocks)', () => {
    fc.assert(
      fc.property(edited(['a', 'b', 'c', ' '], 200), fc.nat({ max: 60 }), ([a, b], k) => {
        const d = editDistance(a, b);
        const got = boundedEditDistance(a, b, k);
        if (d <= k) expect(got).toBe(d);
        else expect(got).toBeGreaterThan(k);
        expect(boundedEditDistance(a, b, Number.MAX_SAFE_INTEGER)).toBe(d);
      }),
      { numRuns: 1500 },
    );
  });

  it('is exact on unrelated strings of any lengths and alphabets (UTF-16 units, as editDistance)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', 'ß', '中', '😀', ' ', 'z'), maxLength: 120 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(boundedEditDistance(a, b, Number.MAX_SAFE_INTEGER)).toBe(editDistance(a, b));
      }),
      { numRuns: 1500 },
    );
  });

  it('isEditSimilar agrees with editSimilarity on long edited copies at the copy test’s thresholds', () => {
    fc.assert(
      fc.property(
        edited(['a', 'e', 'n', 't', 'r', ' '], 300),
        fc.constantFrom(0.7, 0.8, 0.85, 0.9, 0.95),
        ([a, b], min) => {
          expect(isEditSimilar(a, b, min)).toBe(editSimilarity(a, b) >= min);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
