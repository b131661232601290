/**
 * The order a scan judges its candidate pairs in, and what it keeps of the articles between their
 * pairs. Judging a pair needs both articles' character 7-shingles (10.3 KB an article on the
 * bench's corpus), made when an article is first met. Kept for the whole stage, nearly every
 * article's were held by its end (1 GB at 100,000 articles); made again for every pair, the stage
 * took about twice as long. So the pairs are judged in an order where an article's pairs come
 * close together (`judgingOrder`), and a cache within a budget keeps the shingles, letting go of
 * those needed again furthest ahead (`NextUseCache`: the order is known in advance, so the choice
 * is Belady's, the fewest makes possible for that size).
 *
 * The order: the articles numbered in Cuthill–McKee order (breadth first through the candidate
 * graph, each component from an article with the fewest pairs, neighbours taken fewest pairs
 * first), the bandwidth-reducing numbering of sparse matrices, and the pairs taken by their later
 * article in that numbering, then by their earlier one. The bench's candidate graph is one
 * component of small diameter (five steps across its first 10,000 articles, hubs of 1,800
 * pairs), where no order keeps the articles needed at once few (with every shingle set kept until
 * its article's last pair, this order held 1,601 articles' at once on those 10,000, 20,066 of
 * 29,270 on the first 30,000; the candidates' own order 8,213 and 27,503): the order puts each
 * article's pairs close, and the cache bounds what is held whatever the graph.
 *
 * On such a graph a cache smaller than the articles needed at once makes the same article again
 * and again; cut into blocks of what the cache holds (`judgingOrder`'s `block`: the pairs by the
 * block of their earlier article, then the later one), each article of a later block is made once
 * per earlier block it has partners in. Which of the two makes fewer depends on the graph, and
 * the walk is known in advance: `planJudging` counts both and takes the one that makes fewer. */
import { asFlatPairs, type PairList } from './pairList.js';

/**
 * Pair indexes in the order to judge them, and when each article is next needed. The order's
 * `at`-th pair is two uses, `2 × at` (its first article) and `2 × at + 1` (its second).
 */
export interface JudgingOrder {
  /** Indexes into the pairs, each once. */
  order: Uint32Array;
  /** Per use: the next use of the same article, −1 after its last. */
  nextUse: Int32Array;
}

/** The candidate graph as adjacency lists in one array (compressed sparse rows). */
function adjacency(count: number, pairs: Uint32Array): { degree: Int32Array; start: Int32Array; next: Int32Array } {
  const degree = new Int32Array(count);
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k] as number;
    const j = pairs[k + 1] as number;
    checkIndex(i, count);
    checkIndex(j, count);
    degree[i] = (degree[i] as number) + 1;
    degree[j] = (degree[j] as number) + 1;
  }
  const start = new Int32Array(count + 1);
  for (let x = 0; x < count; x++) start[x + 1] = (start[x] as number) + (degree[x] as number);
  const fill = start.slice(0, count);
  const next = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k += 2) {
    const i = pairs[k] as number;
    const j = pairs[k + 1] as number;
    next[fill[i] as number] = j;
    fill[i] = (fill[i] as number) + 1;
    next[fill[j] as number] = i;
    fill[j] = (fill[j] as number) + 1;
  }
  return { degree, start, next };
}

function checkIndex(x: number, count: number): void {
  if (!Number.isInteger(x) || x < 0 || x >= count)
    throw new RangeError(`a candidate pair names article ${String(x)}, expected an index in 0..${count - 1}`);
}

/**
 * Each article's place in Cuthill–McKee order (articles in no pair keep −1): the places
 * `judgingOrder` cuts into blocks. Where both articles of a pair are new to the order, which one
 * came first is not written in the pairs' order, only here.
 */
export function cuthillMcKee(count: number, pairs: PairList): Int32Array {
  const { degree, start, next } = adjacency(count, asFlatPairs(pairs));
  const fewerPairs = (a: number, b: number): number => (degree[a] as number) - (degree[b] as number) || a - b;
  for (let x = 0; x < count; x++) next.subarray(start[x], start[x + 1]).sort(fewerPairs);
  const starts = Array.from({ length: count }, (_, x) => x).sort(fewerPairs);
  const place = new Int32Array(count).fill(-1);
  const queue = new Int32Array(count);
  let placed = 0;
  for (const s of starts) {
    if (place[s] !== -1 || degree[s] === 0) continue;
    let head = placed;
    queue[placed] = s;
    place[s] = placed++;
    while (head < placed) {
      const x = queue[head++] as number;
      for (let e = start[x] as number; e < (start[x + 1] as number); e++) {
        const y = next[e] as number;
        if (place[y] === -1) {
          queue[placed] = y;
          place[y] = placed++;
        }
      }
    }
  }
  return place;
}

/** `items` stably sorted by `keyOf` (whole numbers below `keys`): a counting sort. */
function countingSort(items: Uint32Array, keyOf: Int32Array | ((item: number) => number), keys: number): Uint32Array {
  const key = typeof keyOf === 'function' ? keyOf : (item: number) => keyOf[item] as number;
  const start = new Int32Array(keys + 1);
  for (const item of items) start[key(item) + 1] = (start[key(item) + 1] as number) + 1;
  for (let x = 0; x < keys; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const out = new Uint32Array(items.length);
  for (const item of items) {
    const x = key(item);
    out[start[x] as number] = item;
    start[x] = (start[x] as number) + 1;
  }
  return out;
}

/**
 * The order to judge `pairs` (each two article indexes below `count`) in, the articles numbered in
 * Cuthill–McKee order and cut into blocks of `block` consecutive places: by the block of the
 * earlier of its two articles, then the block of the later, then the later place, then the
 * earlier. Within one pair of blocks, each article of the later block meets its partners of the
 * earlier block one after the other: a cache that holds a block's articles makes each article of
 * the other block once for that block. With one block (the default) the pairs go by the later
 * place, then the earlier. Deterministic: ties are broken by article index throughout.
 */
export function judgingOrder(count: number, pairs: PairList, block = Math.max(1, count)): JudgingOrder {
  if (!Number.isInteger(block) || block < 1)
    throw new RangeError(`a judging block must be a whole number of articles ≥ 1, got ${String(block)}`);
  const flat = asFlatPairs(pairs);
  return orderByPlaces(cuthillMcKee(count, flat), flat, block);
}

/** `judgingOrder` from the articles' places in Cuthill–McKee order. */
function orderByPlaces(place: Int32Array, pairs: Uint32Array, block: number): JudgingOrder {
  const count = place.length;
  const total = pairs.length >>> 1;
  // Counting sorts, each stable: by the later place, then by the earlier article's block; each run
  // of one (earlier block, later place) is then sorted by the earlier place.
  const later = new Int32Array(total);
  const earlier = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    const a = place[pairs[2 * k] as number] as number;
    const b = place[pairs[2 * k + 1] as number] as number;
    later[k] = Math.max(a, b);
    earlier[k] = Math.min(a, b);
  }
  const all = new Uint32Array(total);
  for (let k = 0; k < total; k++) all[k] = k;
  const byLater = countingSort(all, later, count);
  const order = countingSort(byLater, (k) => Math.floor((earlier[k] as number) / block), Math.ceil(count / block));
  for (let from = 0; from < order.length; ) {
    const first = order[from] as number;
    let to = from + 1;
    while (
      to < order.length &&
      later[order[to] as number] === later[first] &&
      Math.floor((earlier[order[to] as number] as number) / block) === Math.floor((earlier[first] as number) / block)
    )
      to++;
    if (to - from > 1)
      order.subarray(from, to).sort((x, y) => (earlier[x] as number) - (earlier[y] as number) || x - y);
    from = to;
  }
  const nextUse = new Int32Array(2 * order.length);
  const seen = new Int32Array(count).fill(-1);
  for (let at = order.length - 1; at >= 0; at--) {
    const i = pairs[2 * (order[at] as number)] as number;
    const j = pairs[2 * (order[at] as number) + 1] as number;
    nextUse[2 * at + 1] = seen[j] as number;
    seen[j] = 2 * at + 1;
    nextUse[2 * at] = seen[i] as number;
    seen[i] = 2 * at;
  }
  return { order, nextUse };
}

/**
 * Values made on demand and kept within `budget` (in the units of `sizeOf`), for a sequence of
 * uses known in advance: each use says when the same key is next used, and when the values kept
 * outgrow the budget, those next used furthest ahead are let go (Belady's rule: the fewest makes a
 * cache of that size can do for that sequence). A value never used again is not kept; one larger
 * than the budget is returned and not kept.
 */
export class NextUseCache<T> {
  private readonly kept = new Map<number, { value: T; size: number; next: number }>();
  /** A max-heap of (next use, key), entries made stale by a later use skipped when met. */
  private readonly heapNext: number[] = [];
  private readonly heapKey: number[] = [];
  private size = 0;
  /** How many values were made. */
  made = 0;
  /** The most the kept values came to at once. */
  peak = 0;

  constructor(
    private budget: number,
    private readonly sizeOf: (value: T) => number,
  ) {
    if (!(budget >= 0)) throw new RangeError(`a cache budget must be ≥ 0, got ${String(budget)}`);
  }

  /** `key`'s value (made by `make` when not kept), its next use `next` (−1: none) said. */
  use(key: number, next: number, make: () => T): T {
    let entry = this.kept.get(key);
    if (entry === undefined) {
      const value = make();
      this.made++;
      if (next < 0) return value;
      entry = { value, size: this.sizeOf(value), next };
      this.kept.set(key, entry);
      this.size += entry.size;
    } else if (next < 0) {
      this.kept.delete(key);
      this.size -= entry.size;
      return entry.value;
    }
    entry.next = next;
    this.push(next, key);
    // Each use leaves a stale entry behind; the heap is rebuilt before they outnumber the kept ones.
    if (this.heapNext.length > 4 * this.kept.size + 1024) this.rebuild();
    const { value } = entry;
    while (this.size > this.budget) this.letGoFurthest();
    if (this.size > this.peak) this.peak = this.size;
    return value;
  }

  /** How many values are kept now. */
  get count(): number {
    return this.kept.size;
  }

  /** The budget now (it starts at the constructor's and only grows, by `grow`). */
  get limit(): number {
    return this.budget;
  }

  /** Raises the budget to `budget` (a smaller one is ignored: nothing is let go by this). */
  grow(budget: number): void {
    if (budget > this.budget) this.budget = budget;
  }

  private rebuild(): void {
    this.heapNext.length = 0;
    this.heapKey.length = 0;
    for (const [key, entry] of this.kept) this.push(entry.next, key);
  }

  private letGoFurthest(): void {
    const [next, key] = this.pop();
    const entry = this.kept.get(key);
    if (entry === undefined || entry.next !== next) return;
    this.kept.delete(key);
    this.size -= entry.size;
  }

  private push(next: number, key: number): void {
    const { heapNext: n, heapKey: k } = this;
    let at = n.length;
    n.push(next);
    k.push(key);
    while (at > 0) {
      const up = (at - 1) >> 1;
      if ((n[up] as number) >= next) break;
      n[at] = n[up] as number;
      k[at] = k[up] as number;
      at = up;
    }
    n[at] = next;
    k[at] = key;
  }

  private pop(): [number, number] {
    const { heapNext: n, heapKey: k } = this;
    const top: [number, number] = [n[0] as number, k[0] as number];
    const lastNext = n.pop() as number;
    const lastKey = k.pop() as number;
    const count = n.length;
    if (count === 0) return top;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && (n[child + 1] as number) > (n[child] as number)) child++;
      if ((n[child] as number) <= lastNext) break;
      n[at] = n[child] as number;
      k[at] = k[child] as number;
      at = child;
    }
    n[at] = lastNext;
    k[at] = lastKey;
    return top;
  }
}

/** A judging order as `planJudging` chose it: the block it was cut in, and the makes it plans. */
export interface PlannedOrder extends JudgingOrder {
  /** Articles a block (`judgingOrder`'s `block`); the corpus's size when in one block. */
  block: number;
  /** Makes of a cache of `capacity` articles walking it (Belady's rule, `NextUseCache`). */
  makes: number;
}

/**
 * Makes of a cache of `capacity` articles, each one unit, walking `order` from its first pair on;
 * the walk stops once they pass `stopAbove` (a count to beat: the count then is above it).
 */
export function plannedMakes(
  pairs: PairList,
  { order, nextUse }: JudgingOrder,
  capacity: number,
  stopAbove = Number.POSITIVE_INFINITY,
): number {
  const flat = asFlatPairs(pairs);
  const cache = new NextUseCache<number>(capacity, () => 1);
  for (let at = 0; at < order.length && cache.made <= stopAbove; at++) {
    const i = flat[2 * (order[at] as number)] as number;
    const j = flat[2 * (order[at] as number) + 1] as number;
    cache.use(i, nextUse[2 * at] as number, () => i);
    cache.use(j, nextUse[2 * at + 1] as number, () => j);
  }
  return cache.made;
}

/**
 * Of the two orders of `judgingOrder`, in one block or in blocks of `capacity` articles, the one
 * in which a cache of `capacity` articles makes fewer (the one block on a tie). The walk is known
 * before it is taken, so the makes are counted, not guessed: neither order wins on every graph.
 * Replayed on the candidate pairs of the bench's first 30,000 articles as `copydesk scan` has
 * them (748,265 pairs, most across languages, 51 an article; `NextUseCache` over each article's
 * shingle bytes, 10.4 KB on average), a cache of 64 MiB made 6.10 sets an article in one block and
 * 2.68 in blocks of 6,144; on the pairs a library scan of the same articles finds with its default
 * options (843,350, `scanCorpusAsync` without the equivalents table) 1.12 in one block, 1.27 in blocks. On random graphs
 * of 3,000 articles the blocks made 8,417 against 10,359 with 10 partners an article and a
 * cache of 600, 5,413 against 4,212 with 3 (`test/core/candidates/order.test.ts`).
 */
export function planJudging(count: number, list: PairList, capacity: number): PlannedOrder {
  const pairs = asFlatPairs(list);
  const place = cuthillMcKee(count, pairs);
  const one = Math.max(1, count);
  const whole = orderByPlaces(place, pairs, one);
  const block = Math.max(1, Math.floor(capacity));
  // A cache that holds the corpus makes each article of a pair once: no walk needed.
  if (block >= count) {
    const met = new Uint8Array(count);
    for (const x of pairs) met[x] = 1;
    return { ...whole, block: one, makes: met.reduce((n, x) => n + x, 0) };
  }
  const wholeMakes = plannedMakes(pairs, whole, block);
  const blocks = orderByPlaces(place, pairs, block);
  const blockMakes = plannedMakes(pairs, blocks, block, wholeMakes);
  return blockMakes < wholeMakes
    ? { ...blocks, block, makes: blockMakes }
    : { ...whole, block: one, makes: wholeMakes };
}
