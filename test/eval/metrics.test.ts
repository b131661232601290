import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, groupByLinks, scorePartition, scoreRelations } from '../../src/eval/metrics.js';

// Hand-computed cases (contingency tables worked out on paper; see comments).
const CASES = [
  {
    // n_ij: (a,1)=2 (a,2)=1 (b,2)=2 (c,3)=1 → Σ C(n_ij,2)=2, Σ C(a_i,2)=4, Σ C(b_j,2)=4, C(6,2)=15,
    // E=16/15, ARI=(2−16/15)/(4−16/15)=14/44. Pairs: 2 of 4 predicted and 2 of 4 gold.
    // B-cubed precision (1+1+1/3+2/3+2/3+1)/6 = 7/9, recall (2/3+2/3+1/3+1+1+1)/6 = 7/9.
    name: 'split and merge',
    gold: ['a', 'a', 'a', 'b', 'b', 'c'],
    predicted: ['1', '1', '2', '2', '2', '3'],
    want: {
      ari: 14 / 44,
      pairPrecision: 0.5,
      pairRecall: 0.5,
      pairF1: 0.5,
      bcubedPrecision: 7 / 9,
      bcubedRecall: 7 / 9,
      bcubedF1: 7 / 9,
    },
  },
  {
    // Everything merged: 6 predicted pairs, 2 right; E = 2·6/6 = 2, max = 4 → ARI 0.
    name: 'all in one story',
    gold: ['x', 'x', 'y', 'y'],
    predicted: ['s', 's', 's', 's'],
    want: {
      ari: 0,
      pairPrecision: 1 / 3,
      pairRecall: 1,
      pairF1: 0.5,
      bcubedPrecision: 0.5,
      bcubedRecall: 1,
      bcubedF1: 2 / 3,
    },
  },
  {
    // Nothing linked: no predicted pair (precision 1 by convention), no gold pair found.
    name: 'all singletons',
    gold: ['x', 'x', 'y', 'y'],
    predicted: ['1', '2', '3', '4'],
    want: {
      ari: 0,
      pairPrecision: 1,
      pairRecall: 0,
      pairF1: 0,
      bcubedPrecision: 1,
      bcubedRecall: 0.5,
      bcubedF1: 2 / 3,
    },
  },
  {
    name: 'both all singletons (limit case: equal)',
    gold: ['a', 'b', 'c'],
    predicted: ['1', '2', '3'],
    want: { ari: 1, pairPrecision: 1, pairRecall: 1, pairF1: 1, bcubedPrecision: 1, bcubedRecall: 1, bcubedF1: 1 },
  },
  {
    name: 'both one cluster (limit case: equal)',
    gold: ['a', 'a', 'a'],
    predicted: ['z', 'z', 'z'],
    want: { ari: 1, pairPrecision: 1, pairRecall: 1, pairF1: 1, bcubedPrecision: 1, bcubedRecall: 1, bcubedF1: 1 },
  },
];

describe('scorePartition: hand-computed cases', () => {
  it.each(CASES)('$name', ({ gold, predicted, want }) => {
    const got = scorePartition(gold, predicted);
    for (const [key, value] of Object.entries(want)) expect(got[key as keyof typeof got], key).toBeCloseTo(value, 10);
  });

  it('rejects labellings of different lengths', () => {
    expect(() => scorePartition(['a'], ['a', 'b'])).toThrow(/expected 1 predicted labels, got 2/);
  });
});

const labelling = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }).map((xs) => xs.map(String));
const pairOfLabellings = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([a, b]) => [a.map(String), b.map(String)] as const);

/** Canonical form of a partition: first-seen order of labels. */
function canonical(labels: readonly string[]): string {
  const ids = new Map<string, number>();
  return labels
    .map((l) => {
      if (!ids.has(l)) ids.set(l, ids.size);
      return ids.get(l);
    })
    .join(',');
}

describe('partition metrics: properties', () => {
  it('ARI is 1 for identical partitions', () => {
    fc.assert(
      fc.property(labelling, (g) => {
        expect(adjustedRandIndex(g, g)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('every score is invariant to relabelling either partition', () => {
    fc.assert(
      fc.property(pairOfLabellings, fc.integer({ min: 1, max: 97 }), ([g, p], k) => {
        const relabel = (xs: readonly string[]) => xs.map((x) => `L${(Number(x) * k + 3) % 101}`);
        const a = scorePartition(g, p);
        const b = scorePartition(relabel(g), relabel(p));
        for (const key of Object.keys(a) as Array<keyof typeof a>) expect(b[key]).toBeCloseTo(a[key], 12);
      }),
    );
  });

  it('is symmetric: swapping gold and predicted keeps ARI and F1, swaps precision and recall', () => {
    fc.assert(
      fc.property(pairOfLabellings, ([g, p]) => {
        const a = scorePartition(g, p);
        const b = scorePartition(p, g);
        expect(b.ari).toBeCloseTo(a.ari, 12);
        expect(b.bcubedPrecision).toBeCloseTo(a.bcubedRecall, 12);
        expect(b.pairF1).toBeCloseTo(a.pairF1, 12);
      }),
    );
  });

  it('B-cubed F1 is 1 exactly when the partitions are equal', () => {
    fc.assert(
      fc.property(pairOfLabellings, ([g, p]) => {
        const f1 = scorePartition(g, p).bcubedF1;
        expect(Math.abs(f1 - 1) < 1e-12).toBe(canonical(g) === canonical(p));
      }),
    );
  });

  it('scores stay in their ranges (ARI ≤ 1, the rest in [0, 1])', () => {
    fc.assert(
      fc.property(pairOfLabellings, ([g, p]) => {
        const s = scorePartition(g, p);
        expect(s.ari).toBeLessThanOrEqual(1 + 1e-12);
        for (const [k, v] of Object.entries(s)) if (k !== 'ari') expect(v >= 0 && v <= 1 + 1e-12, k).toBe(true);
      }),
    );
  });
});

describe('scoreRelations', () => {
  it('counts a confusion table with gold rows and predicted columns', () => {
    const r = scoreRelations([
      { gold: 'duplicate', predicted: 'duplicate' },
      { gold: 'duplicate', predicted: 'republication' },
      { gold: 'republication', predicted: 'republication' },
      { gold: 'republication', predicted: 'unrelated' },
    ]);
    expect(r.accuracy).toBe(0.5);
    expect(r.labels).toEqual(['duplicate', 'republication', 'unrelated']);
    expect(r.confusion).toEqual({
      duplicate: { duplicate: 1, republication: 1, unrelated: 0 },
      republication: { duplicate: 0, republication: 1, unrelated: 1 },
    });
  });
  it('has accuracy 1 for no pairs', () => expect(scoreRelations([]).accuracy).toBe(1));
});

describe('groupByLinks', () => {
  it.each([
    { name: 'no links', n: 3, links: [] as Array<[number, number]>, want: '0,1,2' },
    {
      name: 'chain',
      n: 4,
      links: [
        [0, 1],
        [1, 2],
      ] as Array<[number, number]>,
      want: '0,0,0,1',
    },
    {
      name: 'two groups',
      n: 4,
      links: [
        [3, 1],
        [2, 0],
      ] as Array<[number, number]>,
      want: '0,1,0,1',
    },
  ])('$name', ({ n, links, want }) => {
    expect(canonical(groupByLinks(n, links))).toBe(want);
  });
});
