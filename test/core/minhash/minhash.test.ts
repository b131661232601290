import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shingleChars, toSortedSet } from '../../../src/core/fingerprint/shingle.js';
import {
  assertComparable,
  computeMinHash,
  EMPTY_BIN,
  estimateJaccard,
  minHashStandardError,
} from '../../../src/core/minhash/minhash.js';
import { jaccard } from '../../../src/core/similarity/sets.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { seed } from '../../helpers/fixtures.js';

/** Two sets with a chosen overlap, from distinct 32-bit values. */
function buildPair(shared: number, onlyA: number, onlyB: number, offset: number): [Uint32Array, Uint32Array] {
  const base = (i: number) => (Math.imul(i + offset, 0x9e3779b1) >>> 0) ^ 0x5a5a5a5a;
  const common = Array.from({ length: shared }, (_, i) => base(i));
  const a = [...common, ...Array.from({ length: onlyA }, (_, i) => base(shared + i))];
  const b = [...common, ...Array.from({ length: onlyB }, (_, i) => base(shared + onlyA + i))];
  return [toSortedSet(Uint32Array.from(a)), toSortedSet(Uint32Array.from(b))];
}

describe('computeMinHash / estimateJaccard', () => {
  it('estimates exact Jaccard within 4.5 standard errors (+ 2/k for densification), property', () => {
    const k = 256;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 1e6 }),
        (shared, onlyA, onlyB, s, offset) => {
          fc.pre(shared + onlyA > 0 && shared + onlyB > 0);
          const [a, b] = buildPair(shared, onlyA, onlyB, offset);
          const exact = jaccard(a, b);
          const est = estimateJaccard(
            computeMinHash(a, { numPerm: k, seed: s }),
            computeMinHash(b, { numPerm: k, seed: s }),
          );
          expect(Math.abs(est - exact)).toBeLessThanOrEqual(4.5 * minHashStandardError(exact, k) + 2 / k);
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it('averages to the exact Jaccard over seeds (unbiased) on real text: seed 000 against its first 60 %', () => {
    const text = seed('000');
    const full = shingleChars(normalizeArticle({ id: 'a', text }).tokens.join(' '), 12);
    const part = shingleChars(
      normalizeArticle({ id: 'b', text: text.slice(0, Math.floor(text.length * 0.6)) }).tokens.join(' '),
      12,
    );
    const exact = jaccard(full, part);
    let sum = 0;
    const runs = 60;
    for (let s = 0; s < runs; s++)
      sum += estimateJaccard(
        computeMinHash(full, { numPerm: 128, seed: s }),
        computeMinHash(part, { numPerm: 128, seed: s }),
      );
    // The mean of 60 estimates has standard error se/√60.
    expect(Math.abs(sum / runs - exact)).toBeLessThanOrEqual(
      4 * (minHashStandardError(exact, 128) / Math.sqrt(runs)) + 0.01,
    );
  });

  it('is deterministic for a seed and ignores element order and repeats', () => {
    const a = Uint32Array.from([5, 1, 9, 1, 77, 3]);
    const b = Uint32Array.from([77, 3, 9, 5, 1]);
    expect(computeMinHash(a, { numPerm: 64, seed: 7 }).values).toEqual(
      computeMinHash(b, { numPerm: 64, seed: 7 }).values,
    );
    expect(computeMinHash(a, { numPerm: 64, seed: 7 }).values).not.toEqual(
      computeMinHash(a, { numPerm: 64, seed: 8 }).values,
    );
  });

  it.each([
    { name: 'two empty sets', a: [], b: [], expected: 1 },
    { name: 'empty and non-empty', a: [], b: [1, 2, 3], expected: 0 },
    { name: 'identical one-element sets', a: [42], b: [42], expected: 1 },
    { name: 'disjoint one-element sets', a: [42], b: [43], expected: 0 },
  ])('edge case: $name', ({ a, b, expected }) => {
    const opts = { numPerm: 32, seed: 1 };
    expect(estimateJaccard(computeMinHash(Uint32Array.from(a), opts), computeMinHash(Uint32Array.from(b), opts))).toBe(
      expected,
    );
  });

  it('fills every bin of a short text (densification) so no bin keeps the empty marker', () => {
    const sig = computeMinHash(Uint32Array.from([10, 20, 30]), { numPerm: 128, seed: 3 });
    expect(sig.values.every((v) => v !== EMPTY_BIN)).toBe(true);
    expect(new Set(sig.values).size).toBeLessThanOrEqual(3);
  });

  it.each([
    {
      name: 'different seeds',
      a: { numPerm: 16, seed: 1 },
      b: { numPerm: 16, seed: 2 },
      message: /different seeds \(1 and 2\)/,
    },
    {
      name: 'different lengths',
      a: { numPerm: 16, seed: 1 },
      b: { numPerm: 32, seed: 1 },
      message: /different lengths \(16 and 32\)/,
    },
  ])('refuses to compare signatures with $name', ({ a, b, message }) => {
    const set = Uint32Array.from([1, 2, 3]);
    expect(() => estimateJaccard(computeMinHash(set, a), computeMinHash(set, b))).toThrow(message);
    expect(() => assertComparable(computeMinHash(set, a), computeMinHash(set, b))).toThrow(RangeError);
  });

  it.each([
    { name: 'numPerm 0', opts: { numPerm: 0, seed: 1 }, message: 'numPerm must be a whole number in [1, 4096], got 0' },
    {
      name: 'numPerm 1.5',
      opts: { numPerm: 1.5, seed: 1 },
      message: 'numPerm must be a whole number in [1, 4096], got 1.5',
    },
    {
      name: 'negative seed',
      opts: { numPerm: 8, seed: -1 },
      message: 'seed must be a whole number in [0, 4294967295], got -1',
    },
    {
      name: 'seed NaN',
      opts: { numPerm: 8, seed: Number.NaN },
      message: 'seed must be a whole number in [0, 4294967295], got NaN',
    },
  ])('validates options: $name', ({ opts, message }) => {
    expect(() => computeMinHash(Uint32Array.from([1]), opts)).toThrow(message);
  });
});
