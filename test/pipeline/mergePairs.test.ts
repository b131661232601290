/**
 * The candidate pairs within each language and across languages merged into one list
 * (`mergePairs`): every pair of either, once, in ascending order, whatever the lists' orders and
 * repeats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePairs } from '../../src/pipeline/crossStage.js';

const pair = fc.tuple(fc.nat(30), fc.nat(30));
const list = fc.array(pair, { maxLength: 60 }).map((l) => l as Array<[number, number]>);

describe('mergePairs', () => {
  it.each([
    { x: [], y: [], out: [] },
    {
      x: [
        [2, 5],
        [0, 1],
      ],
      y: [
        [0, 1],
        [1, 9],
      ],
      out: [
        [0, 1],
        [1, 9],
        [2, 5],
      ],
    },
    // A pair and its reverse are two pairs; a repeat within one list is dropped too.
    {
      x: [
        [3, 4],
        [3, 4],
      ],
      y: [[4, 3]],
      out: [
        [3, 4],
        [4, 3],
      ],
    },
  ] as Array<{ x: Array<[number, number]>; y: Array<[number, number]>; out: Array<[number, number]> }>)(
    '$x and $y',
    ({ x, y, out }) => {
      expect(mergePairs(x, y)).toEqual(out);
    },
  );

  it('every pair of either list once, in ascending order; the inputs untouched', () => {
    fc.assert(
      fc.property(list, list, (x, y) => {
        const before = JSON.stringify([x, y]);
        const merged = mergePairs(x, y);
        const keys = merged.map(([i, j]) => i * 100 + j);
        expect(keys).toEqual([...new Set([...x, ...y].map(([i, j]) => i * 100 + j))].sort((a, b) => a - b));
        expect(JSON.stringify([x, y])).toBe(before);
      }),
    );
  });
});
