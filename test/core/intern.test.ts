import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInternPool, internList, internString } from '../../src/core/intern.js';

describe('internString / internList', () => {
  it('hand back equal values, the first copy each time', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }), { maxLength: 30 }), (lists) => {
        const pool = createInternPool();
        const first = new Map<string, string[]>();
        for (const list of lists) {
          // A fresh copy each time, as a worker's message or a new profile holds it.
          const got = internList(
            pool,
            [...list].map((s) => `${s}`),
          );
          expect(got).toEqual(list);
          const key = JSON.stringify(list);
          const seen = first.get(key);
          if (seen) expect(got).toBe(seen);
          else first.set(key, got);
          for (let i = 0; i < got.length; i++) expect(got[i]).toBe(internString(pool, list[i] as string));
        }
      }),
    );
  });

  it('lists whose keys collide through a NUL in a string stay apart', () => {
    const pool = createInternPool();
    const one = internList(pool, ['a\u0000b', 'c']);
    const two = internList(pool, ['a', 'b\u0000c']);
    expect(one).toEqual(['a\u0000b', 'c']);
    expect(two).toEqual(['a', 'b\u0000c']);
    expect(internList(pool, ['a\u0000b', 'c'])).toBe(one);
  });

  it('the empty list and a list of one empty string are two lists, each shared', () => {
    const pool = createInternPool();
    const empty = internList(pool, []);
    expect(internList(pool, [''])).toEqual(['']);
    expect(internList(pool, [])).toBe(empty);
    expect(empty).toEqual([]);
    expect(internList(pool, [''])).toBe(internList(pool, ['']));
  });
});
