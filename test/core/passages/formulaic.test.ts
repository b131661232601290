/**
 * Formulaic language (`formulaicOf`, `markFormulaic`): a passage is formulaic when at least
 * `FORMULAIC_DOCUMENTS` documents (fingerprints weighted by the copies they stand for) hold every
 * word shingle of it. Each fingerprint is read at most once, and the walk stops once every passage
 * is decided.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../../src/core/fingerprint/fingerprint.js';
import { FORMULAIC_DOCUMENTS, formulaicOf, markFormulaic } from '../../../src/core/passages/formulaic.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import type { PairResult } from '../../../src/types/index.js';

const SET_PHRASE = 'building a community with a shared future for mankind';
const texts = [
  `Leaders pledged on Tuesday to keep building a community with a shared future for mankind, officials said.`,
  `The party congress closed with a call for building a community with a shared future for mankind and reform.`,
  `In Havana the delegation spoke of building a community with a shared future for mankind once more.`,
  `Farmers in the north harvested a record crop of sugar cane this season, the ministry reported.`,
];
const fps = texts.map((text, i) => fingerprintArticle(normalizeArticle({ id: `d${i}`, text })));
const tokensOf = (s: string): string[] => normalizeArticle({ id: 'q', text: s }).tokens;
const phrase = tokensOf(SET_PHRASE);
const once = tokensOf('a record crop of sugar cane this season');

/** The fingerprints as a `Sequence` that counts its reads. */
function counted(list: typeof fps): {
  seq: { length: number; at: (k: number) => (typeof fps)[number] | undefined };
  reads: number[];
} {
  const reads: number[] = [];
  return {
    reads,
    seq: {
      length: list.length,
      at: (k) => {
        reads.push(k);
        return list[k];
      },
    },
  };
}

describe('formulaicOf', () => {
  it.each([
    { what: 'a phrase three documents hold', passages: [phrase], weights: undefined, out: [true] },
    { what: 'a phrase one document holds', passages: [once], weights: undefined, out: [false] },
    { what: 'the same phrase among two documents only', passages: [phrase], list: [0, 1, 3], out: [false] },
    // A fingerprint standing for two identical copies counts twice.
    { what: 'two documents, one of them twice', passages: [phrase], list: [0, 1, 3], weights: [2, 1, 1], out: [true] },
    { what: 'a passage shorter than a shingle', passages: [['shared', 'future']], out: [false] },
    { what: 'several at once', passages: [once, phrase, ['x']], out: [false, true, false] },
  ])('$what', ({ passages, list, weights, out }) => {
    const chosen = (list ?? [0, 1, 2, 3]).map((k) => fps[k] as (typeof fps)[number]);
    expect(formulaicOf(passages, chosen, weights)).toEqual(out);
  });

  it('reads each fingerprint at most once, in order, and stops once every passage is decided', () => {
    const all = counted(fps);
    formulaicOf([once, phrase], all.seq);
    // `once` stays undecided to the end: every fingerprint read, once.
    expect(all.reads).toEqual([0, 1, 2, 3]);
    const decided = counted(fps);
    expect(formulaicOf([phrase], decided.seq)).toEqual([true]);
    expect(decided.reads).toEqual([0, 1, 2]);
    expect(FORMULAIC_DOCUMENTS).toBe(3);
  });
});

describe('markFormulaic', () => {
  it("lists a pair's recurring passages, not the others, and never a shortened one", () => {
    const pair = (shared: string[]): PairResult =>
      ({ a: 'd0', b: 'd1', relation: 'shares-passage', scores: {}, reasons: [], shared }) as unknown as PairResult;
    const pairs = [
      pair([phrase.join(' '), once.join(' ')]),
      pair([`${phrase.slice(0, 2).join(' ')} … ${phrase.slice(-2).join(' ')} [${phrase.length} words]`]),
    ];
    markFormulaic(pairs, fps);
    expect(pairs[0]?.formulaic).toEqual([phrase.join(' ')]);
    expect(pairs[1]?.formulaic).toBeUndefined();
  });
});
