/**
 * Story centroids as sorted typed arrays give, bit for bit, the cosine the maps they replaced
 * gave: the sum of the members' unit vectors, its products summed in the order the map met
 * its terms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Centroid, centroidOf, cosineOfCentroids, rankAt, weightAt } from '../../../src/core/events/centroid.js';
import { type SparseVector, toSparseVector, weightAt as vectorWeightAt } from '../../../src/core/similarity/cosine.js';

/** The centroid as a map, summed member by member in each vector's id order (the former representation). */
function centroidMap(vectors: readonly SparseVector[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of vectors)
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k] as number;
      m.set(id, (m.get(id) ?? 0) + (v.norm > 0 ? vectorWeightAt(v, k) / v.norm : 0));
    }
  return m;
}

/** The cosine of two maps summed in the first map's order (the former `cosineOfMaps`). */
function cosineOfMaps(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** TF-IDF-like vectors: positive weights on ids from a small range, so that stories share terms. */
const vector = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0.01, max: 9, noNaN: true })), { maxLength: 14 })
  .map((entries) => toSparseVector(new Map(entries)));
const story = fc.array(vector, { maxLength: 4 });

describe('centroidOf', () => {
  it('holds the map’s entries, ids ascending, ranks in the order the map met them (property)', () => {
    fc.assert(
      fc.property(story, (vectors) => {
        const c = centroidOf(vectors);
        const map = centroidMap(vectors);
        const order = [...map.keys()];
        expect([...c.ids]).toEqual([...order].sort((x, y) => x - y));
        c.ids.forEach((id, p) => {
          expect(weightAt(c, p)).toBe(map.get(id));
          expect(order[rankAt(c, p)]).toBe(id);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('shares a one-member story’s vector (its ids and counts, not copies), and copies none of an empty one', () => {
    const v = toSparseVector(
      new Map([
        [3, 0.25],
        [1, 2],
        [8, 1],
      ]),
    );
    const one = centroidOf([v]);
    expect(one.ids).toBe(v.ids);
    expect(one.weights).toBe(v);
    expect([0, 1, 2].map((p) => weightAt(one, p))).toEqual([2 / v.norm, 0.25 / v.norm, 1 / v.norm]);
    const two = centroidOf([v, v]);
    expect(two.ids).not.toBe(v.ids);
    expect([0, 1, 2].map((p) => weightAt(two, p))).toEqual([4 / v.norm, 0.5 / v.norm, 2 / v.norm]);
    const empty = centroidOf([toSparseVector(new Map())]);
    expect([empty.ids.length, empty.squaredNorm]).toEqual([0, 0]);
  });
});

describe('cosineOfCentroids', () => {
  it('is the maps’ cosine bit for bit, for every pair of stories, compared once or again (property)', () => {
    fc.assert(
      fc.property(fc.array(story, { minLength: 1, maxLength: 6 }), (stories) => {
        const centroids = stories.map(centroidOf);
        const maps = stories.map(centroidMap);
        for (let round = 0; round < 2; round++)
          for (let i = 0; i < stories.length; i++)
            for (let j = 0; j < stories.length; j++) {
              const expected = cosineOfMaps(maps[i] as Map<number, number>, maps[j] as Map<number, number>);
              expect(cosineOfCentroids(centroids[i] as Centroid, centroids[j] as Centroid)).toBe(expected);
            }
      }),
      { numRuns: 300 },
    );
  });

  it('is 1 for a story with itself, 0 with nothing in common or with an empty one', () => {
    const v = toSparseVector(
      new Map([
        [1, 2],
        [5, 1],
        [9, 0.5],
      ]),
    );
    const w = toSparseVector(
      new Map([
        [2, 1],
        [7, 3],
      ]),
    );
    expect(cosineOfCentroids(centroidOf([v]), centroidOf([v]))).toBeCloseTo(1, 12);
    expect(cosineOfCentroids(centroidOf([v]), centroidOf([w]))).toBe(0);
    expect(cosineOfCentroids(centroidOf([v]), centroidOf([]))).toBe(0);
  });
});
