/**
 * The order the scan judges its candidate pairs in (`judgingOrder`): every pair once, each use's
 * next use of the same article where `nextUse` says, the same order for the same pairs, and
 * articles needed over short stretches where the candidates' own order spreads them over the whole
 * stage; in blocks, the same properties and the earlier articles' blocks in order, and the plan
 * (`planJudging`) taking the order a cache makes fewer in, on graphs where each wins. The cache
 * that keeps the shingles between uses (`NextUseCache`): the values made, always within its
 * budget, and no more makes than Belady's rule, worked out here by brute force.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cuthillMcKee, judgingOrder, NextUseCache, planJudging } from '../../../src/core/candidates/order.js';

type Pair = [number, number];

/** Most articles whose shingles are held at once when each is made at its first pair and let go after its last. */
function peakHeld(count: number, pairs: readonly Pair[], order: ArrayLike<number>): number {
  const last = new Int32Array(count).fill(-1);
  for (let at = 0; at < order.length; at++) for (const x of pairs[order[at] as number] as Pair) last[x] = at;
  const held = new Set<number>();
  let peak = 0;
  for (let at = 0; at < order.length; at++) {
    const pair = pairs[order[at] as number] as Pair;
    for (const x of pair) held.add(x);
    peak = Math.max(peak, held.size);
    for (const x of pair) if (last[x] === at) held.delete(x);
  }
  return peak;
}

/** The articles in the order they are used: both of each pair, pair by pair. */
const usesOf = (pairs: readonly Pair[], order: ArrayLike<number>): number[] =>
  Array.from(order, (k) => pairs[k] as Pair).flat();

const inGivenOrder = (pairs: readonly Pair[]): number[] => pairs.map((_, k) => k);

/** Candidate pairs as a scan has them: i < j, each pair once, sorted. */
const candidatePairs = fc.integer({ min: 2, max: 40 }).chain((count) =>
  fc
    .uniqueArray(
      fc
        .tuple(fc.integer({ min: 0, max: count - 2 }), fc.integer({ min: 1, max: count - 1 }))
        .map(([i, d]) => [i, i + 1 + ((d - 1) % (count - 1 - i))] as Pair),
      { selector: ([i, j]) => `${i},${j}`, maxLength: 120 },
    )
    .map((pairs) => ({ count, pairs: pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]) as Pair[] })),
);

describe('judgingOrder', () => {
  it.each([
    { name: 'no pairs', count: 3, pairs: [] as Pair[], order: [], nextUse: [] },
    { name: 'one pair', count: 3, pairs: [[0, 2]] as Pair[], order: [0], nextUse: [-1, -1] },
    // A chain numbered out of order, 3–0–2–1: taken from an end, link by link.
    {
      name: 'a chain',
      count: 4,
      pairs: [
        [0, 2],
        [0, 3],
        [1, 2],
      ] as Pair[],
      order: [2, 0, 1],
      // Uses: 1, 2 | 0, 2 | 0, 3: article 2 next at use 3, article 0 at use 4.
      nextUse: [-1, 3, 4, -1, -1, -1],
    },
  ])('$name', ({ count, pairs, order, nextUse }) => {
    const got = judgingOrder(count, pairs);
    expect([...got.order]).toEqual(order);
    expect([...got.nextUse]).toEqual(nextUse);
  });

  it('every pair once, and each use followed by the next use of its article', () => {
    fc.assert(
      fc.property(candidatePairs, ({ count, pairs }) => {
        const { order, nextUse } = judgingOrder(count, pairs);
        expect([...order].sort((x, y) => x - y)).toEqual(inGivenOrder(pairs));
        const uses = usesOf(pairs, order);
        const expected = uses.map((x, u) => uses.indexOf(x, u + 1));
        expect([...nextUse]).toEqual(expected);
      }),
    );
  });

  it('the same pairs give the same order', () => {
    fc.assert(
      fc.property(candidatePairs, ({ count, pairs }) => {
        expect([...judgingOrder(count, pairs).order]).toEqual([...judgingOrder(count, [...pairs]).order]);
      }),
    );
  });

  it('stories interleaved in the corpus: each is judged in one stretch, not held to the end', () => {
    // 20 stories of 6 articles each, article x in story x % 20 (as a corpus in date order mixes
    // them), every two articles of a story a candidate pair.
    const count = 120;
    const pairs: Pair[] = [];
    for (let i = 0; i < count; i++) for (let j = i + 20; j < count; j += 20) pairs.push([i, j]);
    const { order } = judgingOrder(count, pairs);
    expect(peakHeld(count, pairs, inGivenOrder(pairs))).toBeGreaterThan(90);
    expect(peakHeld(count, pairs, order)).toBe(6);
  });

  it('a long chain numbered at random is held two articles at a time', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...Array(60).keys()], { minLength: 60 }), (numbering) => {
        const pairs = numbering
          .slice(1)
          .map((x, k) => [Math.min(x, numbering[k] as number), Math.max(x, numbering[k] as number)] as Pair)
          .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
        expect(peakHeld(60, pairs, judgingOrder(60, pairs).order)).toBe(2);
      }),
    );
  });

  it('an article outside the corpus is refused with the index it has and the range expected', () => {
    expect(() => judgingOrder(2, [[0, 2]])).toThrow('a candidate pair names article 2, expected an index in 0..1');
  });
});

/** Makes of a cache of `capacity` articles (one unit each) walking `judgingOrder(count, pairs, block)`. */
function makesInBlocks(count: number, pairs: readonly Pair[], block: number, capacity: number): number {
  const { order, nextUse } = judgingOrder(count, pairs, block);
  const cache = new NextUseCache<number>(capacity, () => 1);
  order.forEach((k, at) => {
    const [i, j] = pairs[k] as Pair;
    cache.use(i, nextUse[2 * at] as number, () => i);
    cache.use(j, nextUse[2 * at + 1] as number, () => j);
  });
  return cache.made;
}

/** Each article paired with `partners` others drawn at random (a fixed seed): a graph of small diameter. */
function smallWorld(count: number, partners: number, seed: number): Pair[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % count;
  };
  const keys = new Set<string>();
  const pairs: Pair[] = [];
  for (let i = 0; i < count; i++)
    for (let p = 0; p < partners; p++) {
      const j = next();
      const pair = [Math.min(i, j), Math.max(i, j)] as Pair;
      if (i === j || keys.has(`${pair[0]},${pair[1]}`)) continue;
      keys.add(`${pair[0]},${pair[1]}`);
      pairs.push(pair);
    }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

describe('judgingOrder in blocks', () => {
  const blockSize = fc.integer({ min: 1, max: 45 });

  it("every pair once, each use followed by its next use, the earlier articles' blocks in order", () => {
    fc.assert(
      fc.property(candidatePairs, blockSize, ({ count, pairs }, block) => {
        const { order, nextUse } = judgingOrder(count, pairs, block);
        expect([...order].sort((x, y) => x - y)).toEqual(inGivenOrder(pairs));
        const uses = usesOf(pairs, order);
        expect([...nextUse]).toEqual(uses.map((x, u) => uses.indexOf(x, u + 1)));
        // The pairs of one block of earlier articles come together: the later pairs never go back.
        // The places are the Cuthill–McKee ones: the first pair of the whole order does not say
        // which of its two new articles came first (fast-check found [[0,1],[0,2],[0,3],[1,4],…]).
        const place = cuthillMcKee(count, pairs);
        const whole = judgingOrder(count, pairs);
        const firstUses = [...new Set(usesOf(pairs, whole.order))];
        expect(firstUses.map((x) => place[x]).sort((a, b) => (a as number) - (b as number))).toEqual(
          firstUses.map((_, n) => n),
        );
        const earlierBlock = Array.from(order, (k) => {
          const [i, j] = pairs[k] as Pair;
          return Math.floor(Math.min(place[i] as number, place[j] as number) / block);
        });
        expect(earlierBlock).toEqual([...earlierBlock].sort((x, y) => x - y));
      }),
    );
  });

  it('one block as large as the corpus is the order without blocks', () => {
    fc.assert(
      fc.property(candidatePairs, fc.integer({ min: 0, max: 5 }), ({ count, pairs }, more) => {
        expect([...judgingOrder(count, pairs, count + more).order]).toEqual([...judgingOrder(count, pairs).order]);
      }),
    );
  });

  it.each([
    // Ten partners an article: in one block the cache lets go of what the next pairs need.
    { partners: 10, chosen: 'blocks', block: 600, makes: 8417, other: 10359 },
    // Three: the one block keeps each article's few pairs closer than blocks do.
    { partners: 3, chosen: 'one block', block: 3000, makes: 4212, other: 5413 },
  ])(
    '$partners partners an article at random, a cache of 600 of 3,000: planned in $chosen',
    ({ partners, block, makes, other }) => {
      const pairs = smallWorld(3000, partners, 48);
      const planned = planJudging(3000, pairs, 600);
      expect(planned.block).toBe(block);
      expect(planned.makes).toBe(makes);
      // The makes are those of a cache walking the order chosen, fewer than in the order left.
      expect(makesInBlocks(3000, pairs, block, 600)).toBe(makes);
      expect(makesInBlocks(3000, pairs, block === 600 ? 3000 : 600, 600)).toBe(other);
      expect([...planned.order]).toEqual([...judgingOrder(3000, pairs, block).order]);
    },
  );

  it('a cache that holds the corpus plans one block', () => {
    const pairs = smallWorld(200, 5, 7);
    const planned = planJudging(200, pairs, 500);
    expect(planned.block).toBe(200);
    expect(planned.makes).toBe(new Set(pairs.flat()).size);
  });

  it.each([0, 1.5, Number.NaN])('refuses a block of %s articles', (block) => {
    expect(() => judgingOrder(3, [[0, 1]], block)).toThrow(
      `a judging block must be a whole number of articles ≥ 1, got ${String(block)}`,
    );
  });
});

/** Belady's rule by brute force: unit sizes, at most `capacity` kept, the one used furthest ahead let go. */
function beladyMakes(uses: readonly number[], capacity: number): number {
  const kept = new Set<number>();
  let makes = 0;
  uses.forEach((x, u) => {
    const nextOf = (y: number): number => {
      const n = uses.indexOf(y, u + 1);
      return n === -1 ? Number.POSITIVE_INFINITY : n;
    };
    if (!kept.has(x)) {
      makes++;
      kept.add(x);
    }
    if (nextOf(x) === Number.POSITIVE_INFINITY) kept.delete(x);
    while (kept.size > capacity) {
      const furthest = [...kept].sort((a, b) => nextOf(b) - nextOf(a))[0] as number;
      kept.delete(furthest);
    }
  });
  return makes;
}

/** Runs `uses` through a cache of `budget` (each value sized by `sizes`), checking each value as it comes. */
function runCache(uses: readonly number[], budget: number, sizes: (x: number) => number): NextUseCache<string> {
  const cache = new NextUseCache<string>(budget, (v) => sizes(Number(v.slice(1))));
  uses.forEach((x, u) => {
    const got = cache.use(x, uses.indexOf(x, u + 1), () => `v${x}`);
    expect(got).toBe(`v${x}`);
  });
  return cache;
}

describe('NextUseCache', () => {
  const useLists = fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 80 });

  it('gives each key its value, within the budget, never making a value twice when all fit', () => {
    fc.assert(
      fc.property(useLists, fc.integer({ min: 0, max: 40 }), (uses, budget) => {
        const sizes = (x: number): number => 1 + (x % 4);
        const cache = runCache(uses, budget, sizes);
        expect(cache.peak).toBeLessThanOrEqual(budget);
        expect(cache.made).toBeGreaterThanOrEqual(new Set(uses).size);
        if (budget >= 40) expect(cache.made).toBe(new Set(uses).size);
      }),
    );
  });

  it("makes no more than Belady's rule does, with values of one size", () => {
    fc.assert(
      fc.property(useLists, fc.integer({ min: 0, max: 6 }), (uses, capacity) => {
        expect(runCache(uses, capacity, () => 1).made).toBe(beladyMakes(uses, capacity));
      }),
    );
  });

  it.each([
    // a b a c b a with room for one: a kept (next needed before b), b made twice, c never kept.
    { uses: [0, 1, 0, 2, 1, 0], capacity: 1, made: 4 },
    { uses: [0, 1, 0, 2, 1, 0], capacity: 2, made: 3 },
    { uses: [0, 1, 0, 2, 1, 0], capacity: 0, made: 6 },
  ])('$uses with room for $capacity: $made makes', ({ uses, capacity, made }) => {
    expect(runCache(uses, capacity, () => 1).made).toBe(made);
  });

  it('refuses a budget that is not a number ≥ 0', () => {
    expect(() => new NextUseCache(-1, () => 1)).toThrow('a cache budget must be ≥ 0, got -1');
    expect(() => new NextUseCache(Number.NaN, () => 1)).toThrow('a cache budget must be ≥ 0, got NaN');
  });
});
