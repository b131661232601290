import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSampleMates, passesSampleShare, type SampleQuery, sampleMates } from '../../src/types/index.js';

/**
 * Postings of some keys over documents 0..9, as a store reads them (ascending, each document
 * once), or `null` for a key the store counted as held by more than `maxPostings` without reading it.
 */
const postings = fc.array(
  fc.oneof(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }), fc.constant(null)),
  { maxLength: 12 },
);
const rule = { minShared: 2, minShareOfSmaller: 0.25, maxPostings: 6, oneIn: 32 };

describe('the containment channel rule (countSampleMates, sampleMates)', () => {
  it('counts, for each document, the keys under which it appears, leaving out keys held too widely and documents under two', () => {
    fc.assert(
      fc.property(postings, (lists) => {
        const query: SampleQuery = { ...rule, keys: new Uint32Array(lists.length) };
        const got = countSampleMates(lists, query);
        const countable = lists.filter((l): l is number[] => l !== null && l.length <= rule.maxPostings);
        expect(got.counted).toBe(countable.length);
        const least = Math.min(2, countable.length);
        for (let d = 0; d < 10; d++) {
          const n = countable.filter((l) => l.includes(d)).length;
          expect(got.shared.get(d)).toBe(n >= least && n > 0 ? n : undefined);
        }
      }),
    );
  });

  it('keeps a document when the shared keys are two and a quarter of the smaller sample', () => {
    const cases: Array<[shared: number, a: number, b: number, passes: boolean]> = [
      [2, 40, 60, false], // two of 40: a one-line overlap
      [10, 40, 60, true],
      [9, 40, 60, false],
      [3, 40, 8, true], // a short document inside a long probe: three of its 8
      [1, 1, 50, true], // a probe with one sample: all of it
      [1, 3, 50, false],
    ];
    for (const [shared, a, b, passes] of cases)
      expect(passesSampleShare(shared, a, b, rule), `${shared} of ${a}, ${b}`).toBe(passes);
    // A stored document's sample size is estimated from its character shingles (here 8 × 32).
    const shared = new Map([
      ['short', 3],
      ['long', 3],
    ]);
    const sizes = new Map([
      ['short', 8 * 32],
      ['long', 60 * 32],
    ]);
    const query = { ...rule, keys: new Uint32Array(40) };
    expect(sampleMates({ shared, counted: 40 }, sizes, query)).toEqual(['short']);
    // Only counted keys are evidence: of 40, 9 held by few documents, all shared with the long one
    // (a quarter of all 40 would ask for 10).
    const preview = new Map([['long', 9]]);
    expect(sampleMates({ shared: preview, counted: 9 }, sizes, query)).toEqual(['long']);
    expect(passesSampleShare(9, 40, 60, rule)).toBe(false);
  });
});
