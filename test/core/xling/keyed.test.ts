/**
 * The keyed form of a text's sentences (core/xling/keyed.ts) is the one form a scan keeps of a
 * profile's sentences, so it must hold everything the lists of keys held that the alignment and
 * the candidate search read. Checked against the lists it is made from, with colliding keys.
 */
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString } from '../../../src/core/fingerprint/shingle.js';
import {
  type KeyedSentences,
  keySentences,
  keysOf,
  NARROW_LIMIT,
  ownKeyed,
  sentenceCount,
  wordsIn,
} from '../../../src/core/xling/keyed.js';
import type { CrossSentence } from '../../../src/core/xling/profile.js';

/** Keys from a small vocabulary, some sharing a first letter and a length (so hashes and code units both decide). */
const KEYS = [
  'e:cuba',
  'e:china',
  'c:koope',
  'n:1959',
  'd:11-29',
  'e:party',
  'e:parti',
  'y:2023',
  'e:a',
  'e:b',
  '',
  'e:é',
];

const sentencesArb = fc
  .array(
    fc.record({
      words: fc.array(fc.array(fc.integer({ min: 0, max: KEYS.length - 1 }), { maxLength: 3 }), { maxLength: 6 }),
      quoted: fc.boolean(),
    }),
    { maxLength: 7 },
  )
  .map((ss) =>
    ss.map(
      ({ words, quoted }): CrossSentence => ({ words: words.map((w) => w.map((k) => KEYS[k] as string)), quoted }),
    ),
  );

/** What `k` must hold of `sentences`: each unquoted word's keys in order, each key once in merge order, postings, quoted keys. */
function expectKeyedFrom(sentences: readonly CrossSentence[], k: KeyedSentences): void {
  expect(sentenceCount(k)).toBe(sentences.length);
  sentences.forEach((s, i) => {
    const words = s.quoted ? [] : s.words;
    expect(wordsIn(k, i)).toBe(words.length);
    words.forEach((w, n) => {
      const at = (k.sentenceStart[i] as number) + n;
      const ids = [...k.wordKeys.subarray(k.wordStart[at], k.wordStart[at + 1])];
      expect(ids.map((id) => k.keys[id])).toEqual(w);
    });
  });
  const unquoted = new Set(sentences.filter((s) => !s.quoted).flatMap((s) => s.words.flat()));
  expect(k.keys.length).toBe(unquoted.size);
  const sorted = [...unquoted].sort((x, y) => hashString(x) - hashString(y) || (x < y ? -1 : x > y ? 1 : 0));
  expect(k.keys).toEqual(sorted);
  expect([...k.hashes]).toEqual(sorted.map(hashString));
  k.keys.forEach((key, id) => {
    const expected = sentences.flatMap((s, j) => (!s.quoted && s.words.some((w) => w.includes(key)) ? [j] : []));
    expect([...k.postSentences.subarray(k.postStart[id], k.postStart[id + 1])]).toEqual(expected);
  });
  const all = new Set(sentences.flatMap((s) => s.words.flat()));
  expect(new Set(keysOf(k))).toEqual(all);
  expect([...keysOf(k)].length).toBe(all.size);
}

describe('keySentences', () => {
  it('holds each unquoted word as its keys, each key once in merge order, its sentences, and the quoted keys apart', () => {
    fc.assert(
      fc.property(sentencesArb, (sentences) => {
        const k = keySentences(sentences);
        expectKeyedFrom(sentences, k);
        expect(k.wordKeys).toBeInstanceOf(Uint16Array);
      }),
    );
  });

  it('holds a text too long for 16-bit numbers in 32-bit ones, as completely', () => {
    // 40 sentences of 1,000 words of two keys each: 80,000 key occurrences.
    const sentences: CrossSentence[] = Array.from({ length: 40 }, (_, j) => ({
      words: Array.from({ length: 1000 }, (_, w) => [`e:w${(j * 7 + w) % 3001}`, KEYS[w % KEYS.length] as string]),
      quoted: j % 9 === 4,
    }));
    const k = keySentences(sentences);
    expect(k.wordKeys.length).toBeGreaterThanOrEqual(NARROW_LIMIT);
    expect(k.wordKeys).toBeInstanceOf(Int32Array);
    expectKeyedFrom(sentences, k);
  });

  it('keeps a word with no keys as a word (it counts in its sentence)', () => {
    const k = keySentences([
      { words: [[], ['e:cuba']], quoted: false },
      { words: [['e:cuba']], quoted: true },
    ]);
    expect(wordsIn(k, 0)).toBe(2);
    expect(wordsIn(k, 1)).toBe(0);
    expect(k.keys).toEqual(['e:cuba']);
    expect(k.quotedKeys).toEqual([]);
  });
});

describe('ownKeyed', () => {
  /**
   * `k` as a scan's shelf gives it back: serialized and deserialized (`node:v8`), whose typed
   * arrays are views of the whole buffer read.
   */
  const readBack = (k: KeyedSentences): KeyedSentences => deserialize(serialize(k)) as KeyedSentences;
  const arraysOf = (k: KeyedSentences) => [
    k.hashes,
    k.sentenceStart,
    k.wordStart,
    k.wordKeys,
    k.postStart,
    k.postSentences,
  ];

  it('holds the same numbers in one buffer of exactly their size, 16-bit or 32-bit as made (property)', () => {
    fc.assert(
      fc.property(sentencesArb, (sentences) => {
        const made = keySentences(sentences);
        const read = readBack(made);
        const owned = ownKeyed(read);
        expect(owned).toEqual(made);
        expectKeyedFrom(sentences, owned);
        const size = arraysOf(owned).reduce((s, a) => s + a.byteLength, 0);
        expect(new Set(arraysOf(owned).map((a) => a.buffer)).size).toBe(1);
        expect(owned.hashes.buffer.byteLength).toBe(size);
        expect(owned.wordKeys.constructor).toBe(made.wordKeys.constructor);
      }),
      { numRuns: 200 },
    );
  });

  it('a text in 32-bit numbers too', () => {
    const sentences: CrossSentence[] = Array.from({ length: 30 }, (_, j) => ({
      words: Array.from({ length: 1200 }, (_, w) => [`e:w${(j * 5 + w) % 2003}`, KEYS[w % KEYS.length] as string]),
      quoted: false,
    }));
    const made = keySentences(sentences);
    expect(made.wordKeys).toBeInstanceOf(Int32Array);
    const read = readBack(made);
    // What it is for: read back, an array (where aligned) views every byte read, the keys' strings too.
    expect(arraysOf(read).some((a) => a.buffer.byteLength > 2 * a.byteLength)).toBe(true);
    const owned = ownKeyed(read);
    expect(owned).toEqual(made);
    expect(owned.wordKeys.buffer.byteLength).toBe(arraysOf(made).reduce((s, a) => s + a.byteLength, 0));
  });
});
