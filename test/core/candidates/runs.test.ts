/**
 * The typed-array postings the scan's LSH stage keeps (`sortByKey`, `groupByKey`, `runOf`,
 * `bandRuns`): each must hold exactly what a `Map<number, number[]>` built item by item holds,
 * every list in insertion order, so the candidates proposed from them stay the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandRuns, groupByKey, runOf, sortByKey } from '../../../src/core/candidates/runs.js';

/** The reference: key → items in the order given. */
function mapOf(keys: readonly number[], items: readonly number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  keys.forEach((key, x) => {
    const list = map.get(key);
    if (list) list.push(items[x] as number);
    else map.set(key, [items[x] as number]);
  });
  return map;
}

/** Keys drawn from a few values (so runs are long) or from the whole 32-bit range, both digits exercised. */
const key = fc.oneof(
  fc.constantFrom(0, 1, 0xffff, 0x10000, 0x10001, 0xffffffff, 0x80000000),
  fc.integer({ min: 0, max: 0xffffffff }),
);

describe('sortByKey', () => {
  it.each([
    { keys: [], items: [], sortedKeys: [], sortedItems: [] },
    { keys: [5], items: [9], sortedKeys: [5], sortedItems: [9] },
    // Ties keep their order; the high digit decides before the low one.
    {
      keys: [0x10000, 1, 0x10000, 0xffff, 1],
      items: [0, 1, 2, 3, 4],
      sortedKeys: [1, 1, 0xffff, 0x10000, 0x10000],
      sortedItems: [1, 4, 3, 0, 2],
    },
    {
      keys: [0xffffffff, 0, 0x80000000],
      items: [7, 8, 9],
      sortedKeys: [0, 0x80000000, 0xffffffff],
      sortedItems: [8, 9, 7],
    },
  ])('sorts $keys stably', ({ keys, items, sortedKeys, sortedItems }) => {
    const out = sortByKey(Uint32Array.from(keys), Uint32Array.from(items));
    expect([...out.keys]).toEqual(sortedKeys);
    expect([...out.items]).toEqual(sortedItems);
  });

  it('refuses keys and items of different lengths', () => {
    expect(() => sortByKey(new Uint32Array(2), new Uint32Array(3))).toThrow('2 keys but 3 items');
  });

  it('orders as a stable comparison sort does', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const items = keys.map((_, x) => x);
        const expected = items.slice().sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        const out = sortByKey(Uint32Array.from(keys), Uint32Array.from(items));
        expect([...out.items]).toEqual(expected);
        expect([...out.keys]).toEqual(expected.map((x) => keys[x]));
        // In place: the same order, in the arrays given.
        const given = { keys: Uint32Array.from(keys), items: Uint32Array.from(items) };
        const inPlace = sortByKey(given.keys, given.items, true);
        expect(inPlace.keys).toBe(given.keys);
        expect(inPlace.items).toBe(given.items);
        expect([...given.items]).toEqual(expected);
        expect([...given.keys]).toEqual(expected.map((x) => keys[x]));
      }),
    );
  });
});

describe('groupByKey / runOf', () => {
  it('holds what a map of lists holds, each list in the order given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 300 }),
        fc.array(key, { maxLength: 20 }),
        (pairs, probes) => {
          const keys = pairs.map(([k]) => k);
          const items = pairs.map(([, i]) => i);
          for (const inPlace of [false, true]) {
            const runs = groupByKey(Uint32Array.from(keys), Uint32Array.from(items), inPlace);
            const map = mapOf(keys, items);
            expect([...runs.keys]).toEqual([...map.keys()].sort((a, b) => a - b));
            expect(runs.starts[runs.keys.length]).toBe(items.length);
            for (const k of [...keys, ...probes]) {
              const r = runOf(runs, k);
              const list = map.get(k);
              if (!list) {
                expect(r).toBe(-1);
                continue;
              }
              expect([...runs.items.subarray(runs.starts[r], runs.starts[r + 1])]).toEqual(list);
            }
          }
        },
      ),
    );
  });

  it('finds nothing in no postings', () => {
    expect(runOf(groupByKey(new Uint32Array(0), new Uint32Array(0)), 0)).toBe(-1);
  });
});

describe('bandRuns', () => {
  it.each([
    { keys: [], items: [], place: [], end: [] },
    { keys: [3], items: [0], place: [0], end: [1] },
    { keys: [7, 3, 7, 3, 9], items: [1, 3, 0, 2, 4], place: [2, 0, 3, 1, 4], end: [2, 2, 4, 4, 5] },
  ])('buckets $keys', ({ keys, items, place, end }) => {
    const runs = bandRuns(Uint32Array.from(keys));
    expect([...runs.items]).toEqual(items);
    expect([...runs.place]).toEqual(place);
    expect([...runs.end]).toEqual(end);
  });

  it("gives each item its bucket's later members, ascending, as the map's lists do", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 200 }), (keys) => {
        const runs = bandRuns(Uint32Array.from(keys));
        const map = mapOf(
          keys,
          keys.map((_, x) => x),
        );
        keys.forEach((k, item) => {
          const list = map.get(k) as number[];
          const at = runs.place[item] as number;
          expect(runs.items[at]).toBe(item);
          expect([...runs.items.subarray(at + 1, runs.end[at])]).toEqual(list.slice(list.indexOf(item) + 1));
        });
      }),
    );
  });
});
