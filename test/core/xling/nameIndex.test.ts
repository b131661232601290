import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString } from '../../../src/core/fingerprint/shingle.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { firstMention, inSortedKeys, type NamedAnchors, namesFound } from '../../../src/core/xling/nameIndex.js';
import { profileArticle } from '../../../src/core/xling/profile.js';
import type { Article } from '../../../src/types/index.js';

type Found = { text: string; at: number; key: string; other: number };

/** `namesFound`, each name with its first mention in `to` (`firstMention`). */
function found(from: NamedAnchors, to: NamedAnchors): Found[] {
  return namesFound(from, to).map((f) => ({
    text: f.text,
    at: f.at,
    key: f.key,
    other: firstMention(to, f.key, f.hash),
  }));
}

/**
 * The definition `namesFound` answers by hash: each name's keys tested in their order against the
 * other text's look-up keys, the first found taken, and its first mention among the other's names
 * having it.
 */
function byDefinition(from: NamedAnchors, to: NamedAnchors): Found[] {
  const keys = new Set(to.lookupKeys);
  const out: Found[] = [];
  for (const name of from.names) {
    const key = name.keys.find((k) => keys.has(k));
    if (key === undefined) continue;
    let other = -1;
    for (const n of to.names) if (n.keys.includes(key) && (other === -1 || n.first < other)) other = n.first;
    out.push({ text: name.text, at: name.first, key, other });
  }
  return out;
}

/** Anchors over a small key alphabet, so that texts share keys, names share keys, and keys repeat within a name. */
const KEY = fc.constantFrom(
  'PER:xi',
  'PER:gates',
  'GPE:cn',
  'GPE:us',
  'ORG:ms',
  'PER:díaz-canel',
  'LOC:pekin',
  'x',
  '',
);
const anchorsArb: fc.Arbitrary<NamedAnchors> = fc
  .record({
    names: fc.array(
      fc.record({
        keys: fc.array(KEY, { maxLength: 4 }),
        first: fc.nat({ max: 50 }),
        text: fc.string({ maxLength: 5 }),
      }),
      { maxLength: 8 },
    ),
    extra: fc.array(KEY, { maxLength: 4 }),
  })
  .map(({ names, extra }) => ({
    names,
    // As a profile has them: every name's keys and maybe more (syllable runs), once each, sorted.
    lookupKeys: [...new Set([...names.flatMap((n) => n.keys), ...extra])].sort(),
  }));

describe('namesFound (by hash)', () => {
  it('answers as the definition on random anchors, both ways, asked again (the index kept)', () => {
    fc.assert(
      fc.property(anchorsArb, anchorsArb, (a, b) => {
        for (let round = 0; round < 2; round++) {
          expect(found(a, b)).toEqual(byDefinition(a, b));
          expect(found(b, a)).toEqual(byDefinition(b, a));
          expect(found(a, a)).toEqual(byDefinition(a, a));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads only the look-up keys of the other text, not its names', () => {
    const from: NamedAnchors = { names: [{ keys: ['a', 'b'], first: 3, text: 'A' }], lookupKeys: ['a', 'b'] };
    // `to` has 'b' among its look-up keys (a syllable run) but under no name: found, first mention -1.
    const to: NamedAnchors = { names: [{ keys: ['c'], first: 0, text: 'C' }], lookupKeys: ['b', 'c'] };
    expect(found(from, to)).toEqual([{ text: 'A', at: 3, key: 'b', other: -1 }]);
    // A name's first key found wins, even when a later key is mentioned earlier in the other text.
    const both: NamedAnchors = {
      names: [
        { keys: ['b'], first: 1, text: 'B' },
        { keys: ['a'], first: 9, text: 'A2' },
      ],
      lookupKeys: ['a', 'b'],
    };
    expect(found(from, both)).toEqual([{ text: 'A', at: 3, key: 'a', other: 9 }]);
  });

  it('tells apart two keys of one hash (a 32-bit FNV-1a collision)', () => {
    // hashString('PER:n15wzx') === hashString('PER:n1c6cd'): a hash found is not a key found.
    expect(hashString('PER:n15wzx')).toBe(hashString('PER:n1c6cd'));
    const from: NamedAnchors = {
      names: [{ keys: ['PER:n15wzx', 'b'], first: 2, text: 'X' }],
      lookupKeys: ['PER:n15wzx', 'b'],
    };
    const to: NamedAnchors = {
      names: [
        { keys: ['PER:n1c6cd'], first: 0, text: 'Y' },
        { keys: ['b'], first: 5, text: 'B' },
      ],
      lookupKeys: ['PER:n1c6cd', 'b'],
    };
    expect(found(from, to)).toEqual([{ text: 'X', at: 2, key: 'b', other: 5 }]);
    expect(found(from, to)).toEqual(byDefinition(from, to));
    // Both under one name of `to`: its first mention is read for the key itself, not its twin.
    const twins: NamedAnchors = {
      names: [
        { keys: ['PER:n1c6cd'], first: 1, text: 'Y' },
        { keys: ['PER:n15wzx'], first: 4, text: 'X2' },
      ],
      lookupKeys: ['PER:n15wzx', 'PER:n1c6cd'],
    };
    expect(found(from, twins)).toEqual([{ text: 'X', at: 2, key: 'PER:n15wzx', other: 4 }]);
  });

  it.each([
    [
      'Chinese President Xi Jinping met Bill Gates in Beijing.',
      'El presidente chino Xi Jinping se reunió con Bill Gates en Pekín.',
      'es',
    ],
    [
      'Miguel Díaz-Canel met Xi Jinping in Beijing on Friday.',
      'Miguel Diaz-Canel se reunió con Xi Jinping en Pekín el viernes.',
      'es',
    ],
    ['Chinese President Xi Jinping met Bill Gates in Beijing.', '中国国家主席习近平在北京会见了比尔·盖茨。', 'zh'],
  ])('finds in real sentences what the definition finds: %s', (en, other, lang) => {
    const profile = (text: string, l: string) =>
      profileArticle(normalizeArticle({ id: l, lang: l, text } as Article), { lexicons: new Map(), missing: [] });
    const a = profile(en, 'en').anchors;
    const b = profile(other, lang).anchors;
    expect(namesFound(a, b).length).toBeGreaterThan(0);
    expect(found(a, b)).toEqual(byDefinition(a, b));
    expect(found(b, a)).toEqual(byDefinition(b, a));
  });
});

describe('inSortedKeys', () => {
  it('finds in a sorted list exactly what `includes` finds', () => {
    // Keys as the anchors make them: prefixed, any script (code-unit order, as `sort` orders).
    const key = fc.oneof(fc.string({ maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), key, (list, probe) => {
        const sorted = [...new Set(list)].sort();
        for (const k of [probe, ...sorted]) expect(inSortedKeys(sorted, k)).toBe(sorted.includes(k));
      }),
    );
  });
});
