import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterStories, type StoryEdge } from '../../../src/core/relation/cluster.js';

const e = (a: number, b: number, strength = 1): StoryEdge => ({ a, b, strength });

describe('clusterStories', () => {
  it.each([
    ['no edges: every document alone', 3, [], [[0], [1], [2]]],
    ['one edge', 3, [e(0, 2)], [[0, 2], [1]]],
    ['chain A–R–D without A–D does not merge A and D', 3, [e(0, 1, 0.9), e(1, 2, 0.8)], [[0, 1], [2]]],
    ['chain with the stronger edge second', 3, [e(0, 1, 0.8), e(1, 2, 0.9)], [[0], [1, 2]]],
    ['a full triangle merges', 3, [e(0, 1), e(1, 2), e(0, 2)], [[0, 1, 2]]],
    [
      'a triangle plus a fourth linked to two of three joins',
      4,
      [e(0, 1), e(1, 2), e(0, 2), e(3, 0), e(3, 1)],
      [[0, 1, 2, 3]],
    ],
    [
      'a triangle plus a fourth linked to one of three stays out',
      4,
      [e(0, 1), e(1, 2), e(0, 2), e(3, 0)],
      [[0, 1, 2], [3]],
    ],
    [
      'two pairs joined by one edge stay apart',
      4,
      [e(0, 1), e(2, 3), e(1, 2, 0.5)],
      [
        [0, 1],
        [2, 3],
      ],
    ],
    ['edges given backwards', 3, [e(2, 0)], [[0, 2], [1]]],
    ['a self-loop changes nothing', 2, [e(1, 1)], [[0], [1]]],
    ['empty', 0, [], []],
  ])('%s', (_name, count, edges, groups) => {
    expect(clusterStories(count, edges)).toEqual(groups);
  });

  it('minLinkedShare 0.5 lets the chain merge (the old default)', () => {
    expect(clusterStories(3, [e(0, 1, 0.9), e(1, 2, 0.8)], { minLinkedShare: 0.5 })).toEqual([[0, 1, 2]]);
  });

  it('does not mutate the options or the edges', () => {
    const options = Object.freeze({ minLinkedShare: 0.7 });
    const edges = Object.freeze([e(1, 0, 0.3), e(2, 1, 0.9)].map((x) => Object.freeze(x)));
    clusterStories(3, edges, options);
    expect(edges.map((x) => x.a)).toEqual([1, 2]);
  });

  it.each([0, -0.1, 1.5, Number.NaN])('minLinkedShare %s is refused, naming the value', (share) => {
    expect(() => clusterStories(2, [], { minLinkedShare: share })).toThrow(
      new RangeError(`minLinkedShare must be in (0, 1], got ${share}`),
    );
  });

  it.each([
    ['an index out of range', 2, [e(0, 2)], 'edge 0 must join indexes in [0, 1], got 0–2'],
    ['a negative index', 2, [e(0, 1), e(-1, 0)], 'edge 1 must join indexes in [0, 1], got -1–0'],
    ['a fractional index', 2, [e(0.5, 1)], 'edge 0 must join indexes in [0, 1], got 0.5–1'],
    ['a NaN strength', 2, [e(0, 1, Number.NaN)], 'edge 0 must have a finite strength, got NaN'],
  ])('refuses %s', (_name, count, edges, message) => {
    expect(() => clusterStories(count, edges)).toThrow(new RangeError(message));
  });

  const graph = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          strength: fc.constantFrom(0.5, 0.7, 0.9, 1),
        }),
        { maxLength: 20 },
      ),
    }),
  );

  it('is deterministic under shuffles of the edges and swaps of their ends', () => {
    fc.assert(
      fc.property(graph, fc.infiniteStream(fc.boolean()), fc.nat(), ({ n, edges }, flips, seed) => {
        const expected = clusterStories(n, edges);
        const it = flips[Symbol.iterator]();
        const flipped = edges.map((x) => (it.next().value ? { a: x.b, b: x.a, strength: x.strength } : x));
        // Fisher–Yates with a seeded linear congruential generator.
        let s = seed;
        const shuffled: StoryEdge[] = [...flipped];
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as StoryEdge, shuffled[i] as StoryEdge];
        }
        expect(clusterStories(n, shuffled)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is a partition: every document exactly once, groups sorted and ordered', () => {
    fc.assert(
      fc.property(graph, ({ n, edges }) => {
        const groups = clusterStories(n, edges);
        expect(groups.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
        for (const g of groups) expect(g).toEqual([...g].sort((x, y) => x - y));
        expect(groups.map((g) => g[0])).toEqual(groups.map((g) => g[0]).sort((x, y) => (x as number) - (y as number)));
      }),
      { numRuns: 300 },
    );
  });

  it('every member of a group of two or more has an edge inside it (no chaining through outsiders)', () => {
    fc.assert(
      fc.property(graph, ({ n, edges }) => {
        for (const g of clusterStories(n, edges)) {
          if (g.length < 2) continue;
          for (const x of g)
            expect(
              edges.some((ed) => ed.a !== ed.b && (ed.a === x || ed.b === x) && g.includes(ed.a) && g.includes(ed.b)),
            ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  /**
   * The average linkage as first written: every cross pair counted (edges and compatible pairs),
   * with weights. The clustering stops counting once the answer is known; it must give the same groups.
   */
  function reference(
    n: number,
    edges: readonly StoryEdge[],
    compatible: (a: number, b: number) => boolean,
    weights: readonly number[],
    minShare = 0.6,
  ): number[][] {
    const linked = new Set(edges.map((x) => Math.min(x.a, x.b) * n + Math.max(x.a, x.b)));
    const groupOf = Array.from({ length: n }, (_, i) => i);
    const groups = new Map(groupOf.map((i) => [i, [i]]));
    const order = [...edges].sort(
      (x, y) =>
        y.strength - x.strength || Math.min(x.a, x.b) - Math.min(y.a, y.b) || Math.max(x.a, x.b) - Math.max(y.a, y.b),
    );
    for (const ed of order) {
      const ga = groupOf[ed.a] as number;
      const gb = groupOf[ed.b] as number;
      if (ga === gb) continue;
      const ma = groups.get(ga) as number[];
      const mb = groups.get(gb) as number[];
      let links = 0;
      let total = 0;
      for (const x of ma)
        for (const y of mb) {
          const w = (weights[x] as number) * (weights[y] as number);
          total += w;
          if (linked.has(Math.min(x, y) * n + Math.max(x, y)) || compatible(x, y)) links += w;
        }
      if (links / total < minShare) continue;
      const [keep, drop] = ma.length > mb.length || (ma.length === mb.length && ga < gb) ? [ga, gb] : [gb, ga];
      for (const x of groups.get(drop) as number[]) groupOf[x] = keep;
      (groups.get(keep) as number[]).push(...(groups.get(drop) as number[]));
      groups.delete(drop);
    }
    return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number));
  }

  it('with a compatible test and weights, gives the groups that counting every cross pair gives (property)', () => {
    fc.assert(
      fc.property(
        graph,
        fc.array(fc.boolean(), { minLength: 81, maxLength: 81 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }),
        ({ n, edges }, bits, weights) => {
          // A symmetric compatible relation from the bits of a 9 × 9 table.
          const compatible = (a: number, b: number): boolean => bits[Math.min(a, b) * 9 + Math.max(a, b)] as boolean;
          const groups = clusterStories(n, edges, { compatible, weights });
          expect(groups).toEqual(reference(n, edges, compatible, weights));
        },
      ),
      { numRuns: 500 },
    );
  });
});
