import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSortedSet } from '../../../src/core/fingerprint/shingle.js';
import {
  containment,
  diceOfSets,
  hasValue,
  intersectionSize,
  jaccard,
  setScores,
} from '../../../src/core/similarity/sets.js';

/** A sorted, duplicate-free set over a small universe, so that sets overlap often. */
const set = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }).map((v) => toSortedSet(Uint32Array.from(v)));
const EMPTY = new Uint32Array(0);
const of = (...v: number[]) => Uint32Array.from(v);

describe('table', () => {
  it.each([
    ['both empty', EMPTY, EMPTY, 1, 1, 1],
    ['A empty', EMPTY, of(1, 2), 0, 1, 0],
    ['B empty', of(1, 2), EMPTY, 0, 0, 1],
    ['equal', of(1, 2, 3), of(1, 2, 3), 1, 1, 1],
    ['disjoint', of(1, 2), of(3, 4), 0, 0, 0],
    ['A inside B', of(2, 3), of(1, 2, 3, 4), 0.5, 1, 0.5],
    ['half overlap', of(1, 2, 3, 4), of(3, 4, 5, 6), 2 / 6, 0.5, 0.5],
  ])('%s', (_name, a, b, j, cab, cba) => {
    expect(jaccard(a, b)).toBe(j);
    expect(containment(a, b)).toBe(cab);
    expect(containment(b, a)).toBe(cba);
    expect(setScores(a, b)).toEqual({ jaccard: j, containmentAB: cab, containmentBA: cba });
  });

  it('large hashes compare as unsigned numbers', () => {
    expect(intersectionSize(of(1, 2 ** 31, 2 ** 32 - 1), of(2 ** 31, 2 ** 32 - 1))).toBe(2);
  });
});

describe('properties', () => {
  it('Jaccard is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const j = jaccard(a, b);
        expect(j).toBe(jaccard(b, a));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('Jaccard is 1 exactly for equal sets', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const equal = a.length === b.length && a.every((v, i) => v === b[i]);
        expect(jaccard(a, b) === 1).toBe(equal);
      }),
    );
  });

  it('Jaccard agrees with a reference built on Set', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const sa = new Set(a);
        const union = new Set([...a, ...b]);
        const inter = [...b].filter((x) => sa.has(x)).length;
        expect(jaccard(a, b)).toBe(union.size === 0 ? 1 : inter / union.size);
      }),
    );
  });

  it('containment is 1 for a subset', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const sub = toSortedSet(Uint32Array.from([...a].filter((_, i) => i % 2 === 0)));
        const sup = toSortedSet(Uint32Array.from([...a, ...b]));
        expect(containment(sub, sup)).toBe(1);
        expect(containment(a, sup)).toBe(1);
      }),
    );
  });

  it('containment(A, B)·|A| = containment(B, A)·|B| = |A ∩ B| (when both are non-empty)', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        fc.pre(a.length > 0 && b.length > 0);
        const inter = intersectionSize(a, b);
        expect(containment(a, b) * a.length).toBeCloseTo(inter, 9);
        expect(containment(b, a) * b.length).toBeCloseTo(inter, 9);
      }),
    );
  });

  it('setScores agrees with the separate functions', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        expect(setScores(a, b)).toEqual({
          jaccard: jaccard(a, b),
          containmentAB: containment(a, b),
          containmentBA: containment(b, a),
        });
      }),
    );
  });

  it('Jaccard ≤ min(containmentAB, containmentBA)', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const s = setScores(a, b);
        expect(s.jaccard).toBeLessThanOrEqual(Math.min(s.containmentAB, s.containmentBA));
      }),
    );
  });
});

describe('hasValue', () => {
  it('finds in a sorted set, or in its first `end` values, exactly what `includes` finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 60 }), { maxLength: 30 }),
        fc.nat({ max: 60 }),
        fc.nat({ max: 30 }),
        (xs, probe, cut) => {
          const set = toSortedSet(Uint32Array.from(xs, (x) => x * 3));
          const end = Math.min(cut, set.length);
          for (const v of [probe, ...set]) {
            expect(hasValue(set, v)).toBe(set.includes(v));
            expect(hasValue(set, v, end)).toBe(set.subarray(0, end).includes(v));
          }
        },
      ),
    );
  });
});

describe('diceOfSets', () => {
  it.each([
    ['both empty', [], [], 1],
    ['one empty', ['a'], [], 0],
    ['equal', ['cuba', 'china'], ['china', 'cuba'], 1],
    ['one shared of two each', ['cuba', 'china'], ['cuba', 'spain'], 0.5],
  ])('%s', (_name, a, b, d) => {
    expect(diceOfSets(new Set(a), new Set(b))).toBe(d);
  });

  it('is symmetric and in [0, 1]', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }).map((w) => new Set(w));
    fc.assert(
      fc.property(words, words, (a, b) => {
        const d = diceOfSets(a, b);
        expect(d).toBe(diceOfSets(b, a));
        expect(d >= 0 && d <= 1).toBe(true);
      }),
    );
  });
});
