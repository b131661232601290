/**
 * Look-up keys as sorted numbers (`SortedKeys`) answer as the `Set` of the same strings did: the
 * same `has` for keys in it, keys of other documents and keys no document has, the same members
 * and size; a story's union the union of its members' sets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasAnyKey, KeyNumbers, SortedKeys, unionOfKeys } from '../../../src/core/events/keys.js';

// Keys as the anchors write them (`v:obama`, `ORG:UN`): a small alphabet, so documents share many.
const key = fc.stringMatching(/^(?:v|GPE|ORG|s):[a-c]{1,3}$/);
const doc = fc.array(key, { maxLength: 30 });

describe('SortedKeys', () => {
  it('answers has, size and its members as a Set of the same keys (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), fc.array(key, { maxLength: 20 }), (docs, probes) => {
        const numbers = new KeyNumbers();
        const sorted = docs.map((d) => SortedKeys.of(d, numbers));
        docs.forEach((d, i) => {
          const set = new Set(d);
          const keys = sorted[i] as SortedKeys;
          expect(keys.size).toBe(set.size);
          expect([...keys].sort()).toEqual([...set].sort());
          for (const p of [...probes, ...d, ...docs.flat()]) expect(keys.has(p)).toBe(set.has(p));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('makes a story the union of its members, as sets would (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (docs) => {
        const numbers = new KeyNumbers();
        const union = unionOfKeys(docs.map((d) => SortedKeys.of(d, numbers)));
        const expected = new Set(docs.flat());
        expect(union).toBeInstanceOf(SortedKeys);
        expect(union.size).toBe(expected.size);
        expect([...union].sort()).toEqual([...expected].sort());
        for (const k of ['v:zzz', ...expected]) expect(union.has(k)).toBe(expected.has(k));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a key no document has', ['v:a', 'v:b'], 'v:q', false],
    ['a key of another document only', ['v:a'], 'ORG:UN', false],
    ['its own key, given twice', ['ORG:UN', 'ORG:UN', 'v:a'], 'ORG:UN', true],
    ['an empty document', [], 'v:a', false],
  ])('has: %s', (_label, keys, probe, expected) => {
    const numbers = new KeyNumbers();
    SortedKeys.of(['ORG:UN', 'v:b'], numbers);
    expect(SortedKeys.of(keys, numbers).has(probe)).toBe(expected);
  });

  it('a union of sets and numbered keys is a Set; keys numbered apart are not merged', () => {
    const numbers = new KeyNumbers();
    const mixed = unionOfKeys([SortedKeys.of(['v:a', 'v:b'], numbers), new Set(['v:c'])]);
    expect(mixed).toBeInstanceOf(Set);
    expect([...mixed].sort()).toEqual(['v:a', 'v:b', 'v:c']);
    const other = SortedKeys.of(['v:a'], new KeyNumbers());
    expect(() => SortedKeys.union([SortedKeys.of(['v:a'], numbers), other])).toThrow(/numbered elsewhere/);
    expect(() => SortedKeys.union([])).toThrow(/no sets/);
  });

  it('hasAnyKey: whether a name is mentioned under any of its keys, as the set answers (property)', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 5 }), fc.array(doc, { maxLength: 8 }), (docs, names) => {
        const numbers = new KeyNumbers();
        const sorted = docs.map((d) => SortedKeys.of(d, numbers));
        for (let round = 0; round < 2; round++)
          docs.forEach((d, i) => {
            const set = new Set(d);
            for (const keys of names) {
              expect(hasAnyKey(sorted[i] as SortedKeys, keys)).toBe(keys.some((k) => set.has(k)));
              expect(hasAnyKey(set, keys)).toBe(keys.some((k) => set.has(k)));
            }
          });
      }),
      { numRuns: 300 },
    );
  });

  it('hasAnyKey: a name’s numbers remembered before more keys were numbered are made again', () => {
    const numbers = new KeyNumbers();
    const first = SortedKeys.of(['v:a'], numbers);
    const name = ['v:b', 'v:a'];
    expect(hasAnyKey(first, name)).toBe(true);
    // 'v:b' had no number when the name was first asked about.
    const second = SortedKeys.of(['v:b'], numbers);
    expect(hasAnyKey(second, name)).toBe(true);
    expect(hasAnyKey(second, ['v:a'])).toBe(false);
  });
});
