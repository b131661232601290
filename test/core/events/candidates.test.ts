/**
 * eventCandidates must keep every pair of stories that could link: a property over random
 * stories (names drawn from a small pool, dates over a month, some undated) against all pairs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_CANDIDATES_PER_STORY, eventCandidates, topShared } from '../../../src/core/events/candidates.js';
import { centroidOf } from '../../../src/core/events/centroid.js';
import { keepNearest } from '../../../src/core/events/events.js';
import type { StoryFeatures } from '../../../src/core/events/features.js';
import { compareOccasions, shareActors } from '../../../src/core/events/link.js';
import type { NameAnchor, Story } from '../../../src/types/index.js';

const POOL = ['obama', 'xi', 'cuba', 'china', 'un', 'who', 'paris', 'gates', 'alamo', 'liu'];

function story(i: number, names: readonly number[], extra: readonly number[], day: number | undefined): StoryFeatures {
  const anchors = names.map((k, r): { anchor: NameAnchor; weight: number } => ({
    anchor: {
      key: `v:${POOL[k]}`,
      keys: [`v:${POOL[k]}`, `w:${POOL[k]}`],
      text: String(POOL[k]),
      first: r,
      count: 1,
      mentions: [],
    },
    weight: 1 + (k % 3),
  }));
  const lookup = new Set<string>([...names, ...extra].flatMap((k) => [`v:${POOL[k]}`, `w:${POOL[k]}`]));
  return {
    story: { id: `s${i}`, members: [`d${i}`] } as Story,
    names: anchors,
    lookup,
    figures: new Set(),
    years: new Set(),
    days: day === undefined ? [] : [day],
    weekdays: new Set(),
    languages: new Set(['en']),
    centroid: centroidOf([]),
  };
}

const storyArb = fc.record({
  names: fc.uniqueArray(fc.integer({ min: 0, max: POOL.length - 1 }), { maxLength: 5 }),
  extra: fc.array(fc.integer({ min: 0, max: POOL.length - 1 }), { maxLength: 3 }),
  day: fc.option(fc.integer({ min: 19_000, max: 19_030 }), { nil: undefined }),
});

describe('eventCandidates', () => {
  it('keeps every pair whose dates allow one occasion and whose actor share is above 0, property', () => {
    fc.assert(
      fc.property(fc.array(storyArb, { maxLength: 14 }), (raw) => {
        const features = raw.map((r, i) => story(i, r.names, r.extra, r.day));
        const got = new Set(eventCandidates(features).map(([i, j]) => `${i}|${j}`));
        for (let i = 0; i < features.length; i++)
          for (let j = i + 1; j < features.length; j++) {
            const a = features[i] as StoryFeatures;
            const b = features[j] as StoryFeatures;
            if (compareOccasions(a, b).state !== 'other' && shareActors(a, b).share > 0)
              expect(got.has(`${i}|${j}`)).toBe(true);
          }
        for (const k of got) {
          const [i, j] = k.split('|').map(Number) as [number, number];
          expect(i).toBeLessThan(j);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('skips dated stories more than a week apart and stories with no name in common', () => {
    const features = [
      story(0, [0, 1, 2], [], 19_000),
      story(1, [0, 1, 2], [], 19_007),
      story(2, [0, 1, 2], [], 19_008),
      story(3, [5, 6], [], 19_000),
      story(4, [0, 1], [], undefined),
    ];
    expect(eventCandidates(features)).toEqual([
      [0, 1],
      [0, 4],
      [1, 2],
      [1, 4],
      [2, 4],
    ]);
  });

  it('on a large corpus, a name most stories hold finds no one, and the cut is counted', () => {
    // 120 undated stories all naming China (pool 3), each pair of neighbours also sharing a rarer name.
    const features = Array.from({ length: 120 }, (_, i) => story(i, [3, 5 + (Math.floor(i / 2) % 5)], [], undefined));
    const bounds = { commonKeys: 0, dropped: 0 };
    const pairs = eventCandidates(features, bounds);
    // China's two keys are held by all 120 stories (> 50 and > 5 %): skipped. The rarer names are
    // each held by 24 stories, so each story still finds the 23 others that share its rarer name.
    expect(bounds.commonKeys).toBe(2);
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).toHaveLength((120 * 23) / 2);
    // Below the bounds (the first 50 stories) nothing is skipped.
    const small = { commonKeys: 0, dropped: 0 };
    eventCandidates(features.slice(0, 50), small);
    expect(small).toEqual({ commonKeys: 0, dropped: 0 });
  });

  it.each([
    { stories: 10_000, held: 500, skipped: false },
    { stories: 12_000, held: 500, skipped: false },
    { stories: 12_000, held: 501, skipped: true },
    { stories: 40_000, held: 1_000, skipped: true },
  ])(
    'past 10,000 stories, a name held by more than 500 finds no one, whatever its share: $held of $stories',
    ({ stories, held, skipped }) => {
      // `held` undated stories name Xi (under 5 % of the corpus); every other story names Liu (common).
      const features = Array.from({ length: stories }, (_, i) => story(i, [i < held ? 1 : 9], [], undefined));
      const bounds = { commonKeys: 0, dropped: 0 };
      const pairs = eventCandidates(features, bounds);
      expect(bounds.commonKeys).toBe(skipped ? 4 : 2);
      // Not skipped, each Xi story finds the others (200 kept each, a pair when both keep it).
      if (skipped) expect(pairs).toEqual([]);
      else expect(pairs).toContainEqual([0, 1]);
    },
  );

  it('keeps, past the cap, the stories sharing the most names, ties to the lower index, property', () => {
    // The reference: every story met with its count, sorted (count descending, index ascending),
    // the first `cap` kept, in index order.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 299 }), { maxLength: 120 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 300, maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (touched, counts, cap) => {
          const shared = Int32Array.from(counts);
          const reference = [...touched]
            .sort((x, y) => (shared[y] as number) - (shared[x] as number) || x - y)
            .slice(0, cap)
            .sort((x, y) => x - y);
          expect([...topShared(touched, shared, cap)]).toEqual(reference);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a story reaching more than the cap keeps those sharing the most names, ties to the lower index', () => {
    // 5,000 undated stories (a name held by up to 250 is not common). Story 0 names Xi and Cuba;
    // stories 1-239 name Xi, those from 190 Cuba too; the rest name Liu (common, skipped).
    // Story 0 reaches 239: it keeps the 50 sharing both names, then the 150 lowest of the others;
    // each of those keeps story 0 (among the 200 lowest, or sharing both names), so its pairs are
    // exactly those.
    const features = Array.from({ length: 5_000 }, (_, i) =>
      story(i, i === 0 || (i >= 190 && i < 240) ? [1, 2] : i < 240 ? [1] : [9], [], undefined),
    );
    const bounds = { commonKeys: 0, dropped: 0 };
    const withZero = eventCandidates(features, bounds)
      .filter(([i]) => i === 0)
      .map(([, j]) => j);
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
    expect(EVENT_CANDIDATES_PER_STORY).toBe(200);
    expect(withZero).toEqual([...range(1, 151), ...range(190, 240)]);
    // Every one of the 240 Xi stories reaches 239 and keeps 200.
    expect(bounds.dropped).toBe(240 * 39);
  });
});

describe('keepNearest', () => {
  it('keeps the two first of the nearest-story order (share descending, story ascending), property', () => {
    const entry = fc.record({ other: fc.integer({ min: 0, max: 50 }), share: fc.constantFrom(0, 0.1, 0.25, 0.3, 0.5) });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { minLength: 1, maxLength: 30, selector: (x) => x.other }), (entries) => {
        const items = entries.map(({ other, share }) => ({
          other,
          e: { linked: false, nearest: true, undated: true, share, reasons: [] },
        }));
        const list = [items[0] as (typeof items)[number]];
        for (const item of items.slice(1)) keepNearest(list, item);
        const sorted = [...items].sort((x, y) => y.e.share - x.e.share || x.other - y.other);
        expect(list).toEqual(sorted.slice(0, 2));
      }),
      { numRuns: 500 },
    );
  });
});
