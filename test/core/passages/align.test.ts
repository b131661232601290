import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignPassages,
  findRuns,
  MAX_PLACES,
  type Passage,
  passageCoverage,
  passageSimilarity,
} from '../../../src/core/passages/align.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { readSeed } from '../fixtures/seeds.js';

const tokens = (text: string) => normalizeArticle({ id: 'x', text }).tokens;

describe('alignPassages', () => {
  const seed002 = readSeed('002');
  const paragraphs = seed002.split('\n').filter((p) => p.trim().split(' ').length > 12);

  it.each([
    {
      name: 'a verbatim copy is one passage covering both texts',
      a: seed002,
      b: seed002,
      passages: 1,
      coveredA: 1,
      coveredB: 1,
    },
    {
      name: 'a copy with one word changed in every paragraph stays one passage (gaps bridged)',
      a: seed002,
      b: seed002.replace(/\bCuba\b/g, 'the island'),
      passages: 1,
      coveredA: 0.97,
      coveredB: 0.94,
    },
    {
      name: 'house style ("per cent" → "%", "U.S." → "US") does not cut the passage',
      a: `${paragraphs[0]} Trade rose 12 per cent last year, the U.S. embassy said in a statement on Monday. ${paragraphs[1]}`,
      b: `${paragraphs[0]} Trade rose 12% last year, the US embassy said in a statement on Monday. ${paragraphs[1]}`,
      passages: 1,
      coveredA: 0.94,
      coveredB: 0.96,
    },
    {
      name: 'a paragraph moved to the end is a second passage',
      // Paragraphs 3–6 (0 and 2 are a caption and the lead that repeats it).
      a: paragraphs.slice(3, 7).join('\n\n'),
      b: [...paragraphs.slice(4, 7), paragraphs[3]].join('\n\n'),
      passages: 2,
      coveredA: 1,
      coveredB: 1,
    },
  ])('$name', ({ a, b, passages, coveredA, coveredB }) => {
    const ta = tokens(a);
    const tb = tokens(b);
    const found = alignPassages(ta, tb);
    expect(found).toHaveLength(passages);
    expect(passageCoverage(found, ta.length, 'a').covered).toBeGreaterThanOrEqual(coveredA);
    expect(passageCoverage(found, tb.length, 'b').covered).toBeGreaterThanOrEqual(coveredB);
  });

  it('an independent report quoting one sentence shares one passage of that sentence, and its window is that sentence', () => {
    const quote = 'China is willing to work with Cuba to implement the important consensus reached by the two leaders.';
    const report = `Officials met in Havana on Tuesday to discuss trade and health. ${quote} The talks will continue next month.`;
    const tb = tokens(report);
    const found = alignPassages(tokens(`${paragraphs[5]} ${quote}`), tb);
    expect(found).toHaveLength(1);
    expect((found[0] as Passage).matched).toBe(tokens(quote).length);
    const cover = passageCoverage(found, tb.length, 'b');
    expect(cover.windowCovered).toBe(1);
    expect(cover.covered).toBeLessThan(0.6);
  });

  it('seed 002 and a copy with an inserted sentence: two passages, before and after the insertion', () => {
    const marker = 'He said China will, as always,';
    const inserted = 'The visit was the first by a senior Cuban party official since the pandemic began in early 2020.';
    const copy = seed002.replace(marker, `${inserted} ${marker}`);
    const ta = tokens(seed002);
    const tb = tokens(copy);
    const at = ta.indexOf('he', ta.indexOf('interests'));
    const extra = tokens(inserted).length;
    const found = [...alignPassages(ta, tb)].sort((x, y) => x.startA - y.startA);
    expect(found).toMatchObject([
      { startA: 0, endA: at, startB: 0, endB: at, matched: at },
      { startA: at, endA: ta.length, startB: at + extra, endB: tb.length, matched: ta.length - at },
    ]);
  });

  it('takes the longest of several places in B where a phrase recurs', () => {
    const phrase = 'to implement the important consensus reached by the two leaders'.split(' ');
    const a = [...phrase, 'and', 'deepen', 'practical', 'cooperation', 'in', 'various', 'fields'];
    // B says the phrase twice: first cut short, then in full as A has it.
    const b = [...phrase, 'said', 'morales', 'today', ...a];
    expect(alignPassages(a, b)).toEqual([
      {
        startA: 0,
        endA: a.length,
        startB: phrase.length + 3,
        endB: b.length,
        matched: a.length,
        runs: [[0, phrase.length + 3, a.length]],
      },
    ]);
  });

  it('finds nothing when no five words in a row are shared, or a text is empty', () => {
    expect(alignPassages(tokens(seed002), tokens(readSeed('003')), { minWords: 30 })).toEqual([]);
    expect(alignPassages([], tokens(seed002))).toEqual([]);
    expect(alignPassages(tokens(seed002), [])).toEqual([]);
  });

  it('refuses options that are not whole numbers in range, naming them', () => {
    expect(() => alignPassages(['a'], ['a'], { seedWords: 0 })).toThrow(/seedWords must be a whole number ≥ 1, got 0/);
    expect(() => alignPassages(['a'], ['a'], { maxGap: -1 })).toThrow(/maxGap must be a whole number ≥ 0, got -1/);
    expect(() => alignPassages(['a'], ['a'], { minWords: 2.5 })).toThrow(/minWords/);
  });

  const words = fc.array(fc.constantFrom('cuba', 'china', 'party', 'the', 'talks', 'of', 'visit', 'said'), {
    maxLength: 80,
  });

  it('passages lie inside both texts, do not overlap in either, and match no more words than they span', () => {
    fc.assert(
      fc.property(words, words, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 5 }), (a, b, k, gap) => {
        const found = alignPassages(a, b, { seedWords: k, maxGap: gap, minWords: k });
        for (const p of found) {
          expect(p.startA).toBeGreaterThanOrEqual(0);
          expect(p.endA).toBeLessThanOrEqual(a.length);
          expect(p.startB).toBeGreaterThanOrEqual(0);
          expect(p.endB).toBeLessThanOrEqual(b.length);
          expect(p.matched).toBeGreaterThanOrEqual(k);
          expect(p.matched).toBeLessThanOrEqual(Math.min(p.endA - p.startA, p.endB - p.startB));
          expect(passageSimilarity(p)).toBeLessThanOrEqual(1);
        }
        for (const [x, y] of found.flatMap((p, i) => found.slice(i + 1).map((q) => [p, q] as const))) {
          expect(x.endA <= y.startA || y.endA <= x.startA).toBe(true);
          expect(x.endB <= y.startB || y.endB <= x.startB).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a text against itself is one passage over all of it', () => {
    fc.assert(
      fc.property(words, (a) => {
        const found = alignPassages(a, a, { minWords: 5 });
        if (a.length < 5) expect(found).toEqual([]);
        else
          expect(found[0]).toEqual({
            startA: 0,
            endA: a.length,
            startB: 0,
            endB: a.length,
            matched: a.length,
            runs: [[0, 0, a.length]],
          });
      }),
      { numRuns: 200 },
    );
  });
});

describe('findRuns', () => {
  /** The seeding as it was written first: each k-gram a string key, its first `MAX_PLACES` places. */
  function reference(x: Int32Array, y: Int32Array, k: number): Array<{ a: number; b: number; length: number }> {
    if (x.length < k || y.length < k) return [];
    const key = (z: Int32Array, i: number) => Array.from(z.subarray(i, i + k)).join(',');
    const places = new Map<string, number[]>();
    for (let j = 0; j + k <= y.length; j++) {
      const list = places.get(key(y, j));
      if (!list) places.set(key(y, j), [j]);
      else if (list.length < MAX_PLACES) list.push(j);
    }
    const runs: Array<{ a: number; b: number; length: number }> = [];
    const reached = new Map<number, number>();
    for (let i = 0; i + k <= x.length; i++) {
      for (const j of places.get(key(x, i)) ?? []) {
        if ((reached.get(j - i) ?? -1) > i) continue;
        let start = 0;
        while (i - start > 0 && j - start > 0 && x[i - start - 1] === y[j - start - 1]) start++;
        let length = start + k;
        while (
          i - start + length < x.length &&
          j - start + length < y.length &&
          x[i - start + length] === y[j - start + length]
        )
          length++;
        runs.push({ a: i - start, b: j - start, length });
        reached.set(j - i, i - start + length);
      }
    }
    return runs;
  }

  it.each([1, 2, 5])(
    'a k-gram repeated past the cap (%i-grams of one word): the same runs, seeded at its first places',
    (k) => {
      const x = new Int32Array(30);
      const y = new Int32Array(40);
      const runs = findRuns(x, y, k);
      expect(runs).toEqual(reference(x, y, k));
      expect(runs.filter((r) => r.a === 0).map((r) => r.b)).toEqual(Array.from({ length: MAX_PLACES }, (_, j) => j));
    },
  );

  it('finds the runs the string-keyed seeding found, repeats past the cap included (property)', () => {
    const ids = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 120 }).map((v) => Int32Array.from(v));
    fc.assert(
      fc.property(ids, ids, fc.integer({ min: 1, max: 6 }), (x, y, k) => {
        expect(findRuns(x, y, k)).toEqual(reference(x, y, k));
      }),
      { numRuns: 1000 },
    );
  });
});
