/**
 * `remembered`: always the function's answer, the function run once per key while the key is
 * remembered, and memory bounded by two generations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/core/memo.js';

describe('remembered', () => {
  it('answers as the function does, for any keys asked in any order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 8 }),
        (keys, per) => {
          const f = (k: number) => `v${k * 7}`;
          const memo = remembered(f, per);
          for (const k of keys) expect(memo(k)).toBe(f(k));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('runs the function once per key while the key is remembered, and again once it is dropped', () => {
    const calls: string[] = [];
    const memo = remembered((k: string) => {
      calls.push(k);
      return k.toUpperCase();
    }, 2);
    for (const k of ['a', 'b', 'a', 'b', 'c', 'a']) memo(k);
    // 'c' filled the newer generation past 2: {a, b} became the older, and 'a' moved up from it.
    expect(calls).toEqual(['a', 'b', 'c']);
    for (const k of ['d', 'e', 'f', 'b']) memo(k);
    // d: newer {c, a} full → older {c, a}, newer {d}; e → {d, e}; f → older {d, e}, newer {f};
    // b was dropped with the first older generation: computed again.
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'b']);
  });

  it('remembers what `keep` makes of a key (an equal key of its own), and gives the function that', () => {
    const kept: string[] = [];
    const given: string[] = [];
    const text = 'the first sentence. the second sentence.';
    const memo = remembered(
      (k: string) => {
        given.push(k);
        return k.length;
      },
      2,
      (k) => {
        kept.push(k);
        return JSON.parse(JSON.stringify(k)) as string;
      },
    );
    const first = text.slice(0, 19);
    const second = text.slice(20);
    expect([first, second, first, second].map(memo)).toEqual([19, 20, 19, 20]);
    // Each key kept and computed once while remembered, the function given the kept copy.
    expect(kept).toEqual([first, second]);
    expect(given).toEqual([first, second]);
    // A third key fills the newer generation: the first moves up from the older, kept again.
    memo('x');
    memo(first);
    expect(kept).toEqual([first, second, 'x', first]);
    expect(given).toEqual([first, second, 'x']);
  });

  it('forget drops every answer: each key is computed again once, the answers the same', () => {
    const calls: number[] = [];
    const memo = remembered((k: number) => {
      calls.push(k);
      return { k };
    }, 4);
    const first = [1, 2, 3].map((k) => memo(k));
    expect(memo(2)).toBe(first[1]);
    memo.forget();
    const again = [1, 2, 3].map((k) => memo(k));
    expect(calls).toEqual([1, 2, 3, 1, 2, 3]);
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
  });
});
