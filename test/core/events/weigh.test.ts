/**
 * The events stage weighs every candidate pair of stories without writing its reasons
 * (`weighStories`) and writes them only for the links an event reports (`linkStories`): the two
 * must give the same verdict on any pair. Generated story features (fast-check) over a small pool
 * of names, figures, days, weekdays, years and languages, so that pairs share some and every rule
 * (the occasion, the actor share, the figures, the cosine) is met both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centroidOf } from '../../../src/core/events/centroid.js';
import type { StoryFeatures, StoryName } from '../../../src/core/events/features.js';
import { linkStories, weighStories } from '../../../src/core/events/link.js';
import { sparseVectorOf } from '../../../src/core/similarity/cosine.js';
import type { Story } from '../../../src/types/index.js';

const DAY = Date.UTC(2024, 3, 23) / 86_400_000;
const NAMES = ['Xi Jinping', 'Díaz-Canel', 'Havana', 'Beijing', 'CPC', 'Liu Jianchao', 'Alamo', 'PCC', 'Cuba'];

const story = fc
  .record({
    names: fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 8 }),
    weights: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }),
    extraKeys: fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 3 }),
    figures: fc.uniqueArray(fc.constantFrom('n:7', 'n:150', '--4-23', 'p:12'), { maxLength: 4 }),
    days: fc.array(fc.integer({ min: DAY - 12, max: DAY + 12 }), { maxLength: 2 }),
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }),
    years: fc.uniqueArray(fc.constantFrom(1975, 2019, 2022, 2024, 2026), { maxLength: 2 }),
    lang: fc.constantFrom('en', 'es'),
    terms: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
  })
  .map((o): StoryFeatures => {
    const names: StoryName[] = o.names.map((k, i) => ({
      anchor: { key: `k${k}`, keys: [`k${k}`], text: NAMES[k] as string, first: 0, count: 1 + (i % 3) },
      weight: o.weights[i] as number,
    }));
    const terms = [...o.terms].sort((x, y) => x - y);
    // Weights 1 + (t mod 4): each count 1 (a weight of 1 + ln 1 = 1) times that idf.
    const vector = sparseVectorOf(
      Uint32Array.from(terms),
      new Uint8Array(terms.length).fill(1),
      Float64Array.from({ length: 13 }, (_, t) => 1 + (t % 4)),
    );
    return {
      story: { id: 's', members: ['x'] } as unknown as Story,
      names,
      lookup: new Set([...o.names, ...o.extraKeys].map((k) => `k${k}`)),
      figures: new Set(o.figures),
      years: new Set(o.years),
      days: o.days,
      weekdays: new Set(o.weekdays),
      languages: new Set([o.lang]),
      centroid: centroidOf(terms.length > 0 ? [vector] : []),
    };
  });

describe('weighStories', () => {
  it('gives linkStories’ verdict on any two stories, without the reasons', () => {
    let linked = 0;
    let nearest = 0;
    fc.assert(
      fc.property(story, story, (a, b) => {
        const { reasons, ...verdict } = linkStories(a, b);
        expect(reasons.length).toBeGreaterThan(0);
        expect(weighStories(a, b)).toEqual(verdict);
        linked += Number(verdict.linked);
        nearest += Number(verdict.nearest);
      }),
      { numRuns: 2000 },
    );
    // The generated pairs reach both verdicts the events stage keeps.
    expect(linked).toBeGreaterThan(0);
    expect(nearest).toBeGreaterThan(0);
  });
});
