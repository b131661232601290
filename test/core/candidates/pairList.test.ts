/**
 * Candidate pairs flat or listed (`PairList`): the flat copy of any stretch, the refusal of what
 * cannot name an article, and the same judging orders from either form (what a scan plans its
 * score stage by).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuthillMcKee, judgingOrder, planJudging } from '../../../src/core/candidates/order.js';
import { asFlatPairs, flatPairs, pairCount } from '../../../src/core/candidates/pairList.js';

describe('pairList', () => {
  it.each([
    {
      name: 'a list',
      pairs: [
        [0, 1],
        [2, 5],
        [1, 3],
      ] as Array<[number, number]>,
      from: 0,
      to: 3,
      flat: [0, 1, 2, 5, 1, 3],
    },
    {
      name: 'part of a list',
      pairs: [
        [0, 1],
        [2, 5],
        [1, 3],
      ] as Array<[number, number]>,
      from: 1,
      to: 2,
      flat: [2, 5],
    },
    { name: 'part of a flat list', pairs: Uint32Array.of(0, 1, 2, 5, 1, 3), from: 1, to: 3, flat: [2, 5, 1, 3] },
    { name: 'none', pairs: [] as Array<[number, number]>, from: 0, to: 0, flat: [] },
  ])('flatPairs of $name', ({ pairs, from, to, flat }) => {
    expect([...flatPairs(pairs, from, to)]).toEqual(flat);
    expect(pairCount(pairs)).toBe(pairs instanceof Uint32Array ? pairs.length / 2 : pairs.length);
  });

  it('copies a flat list (a copy a worker may be handed), and asFlatPairs does not', () => {
    const flat = Uint32Array.of(0, 1, 1, 2);
    expect(flatPairs(flat)).not.toBe(flat);
    expect(flatPairs(flat)).toEqual(flat);
    expect(asFlatPairs(flat)).toBe(flat);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 32])('refuses a pair naming article %s', (x) => {
    expect(() => flatPairs([[0, x]])).toThrow(
      `a candidate pair names article ${String(x)}, expected a whole number ≥ 0`,
    );
  });

  // The orders a scan plans its score stage by are the same from either form.
  const graphs = fc.integer({ min: 2, max: 40 }).chain((count) =>
    fc.tuple(
      fc.constant(count),
      fc.uniqueArray(
        fc
          .tuple(fc.integer({ min: 0, max: count - 1 }), fc.integer({ min: 0, max: count - 1 }))
          .filter(([i, j]) => i < j),
        { selector: ([i, j]) => `${i},${j}`, maxLength: 120 },
      ),
      fc.integer({ min: 1, max: count }),
    ),
  );

  it('gives the same orders flat as listed (property)', () => {
    fc.assert(
      fc.property(graphs, ([count, pairs, capacity]) => {
        const flat = flatPairs(pairs);
        expect(cuthillMcKee(count, flat)).toEqual(cuthillMcKee(count, pairs));
        expect(judgingOrder(count, flat, capacity)).toEqual(judgingOrder(count, pairs, capacity));
        expect(planJudging(count, flat, capacity)).toEqual(planJudging(count, pairs, capacity));
      }),
      { numRuns: 200 },
    );
  });
});
