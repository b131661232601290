/**
 * Items grouped by a 32-bit key in typed arrays: what a `Map<number, number[]>` of postings holds,
 * in a fraction of the memory. A scan's LSH stage kept a map per band (53 of them) and one for
 * the containment channel's sampled shingles: a map entry and a JS array for nearly every
 * article in every band, 17 KB an article (3,000 bench articles, heap and buffers after a
 * collection with and without them: band buckets 12.0 KB, sampled shingles 4.8 KB), 1.7 GB of a
 * 100,000-article scan's heap while its candidates were found. Sorted runs cost 12 bytes an
 * article a band (`BandRuns`) and 12 bytes a sampled shingle (`KeyRuns`).
 */

/** Items sorted by key, stably (the items of one key keep the order they were given in). */
export interface SortedByKey {
  keys: Uint32Array;
  items: Uint32Array;
}

const DIGIT = 16;
const RADIX = 1 << DIGIT;

/** One stable counting pass on 16 bits of the key (`shift`: 0 or 16), into `into` or new arrays. */
function countingPass(
  keys: Uint32Array,
  items: Uint32Array,
  shift: number,
  counts: Uint32Array,
  into?: SortedByKey,
): SortedByKey {
  const n = keys.length;
  counts.fill(0);
  for (let x = 0; x < n; x++) {
    const slot = (((keys[x] as number) >>> shift) & (RADIX - 1)) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let d = 0; d < RADIX; d++) counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
  const outKeys = into?.keys ?? new Uint32Array(n);
  const outItems = into?.items ?? new Uint32Array(n);
  for (let x = 0; x < n; x++) {
    const key = keys[x] as number;
    const digit = (key >>> shift) & (RADIX - 1);
    const at = counts[digit] as number;
    counts[digit] = at + 1;
    outKeys[at] = key;
    outItems[at] = items[x] as number;
  }
  return { keys: outKeys, items: outItems };
}

/**
 * `items` sorted by `keys` (two least-significant-digit radix passes of 16 bits: linear, stable,
 * no comparison function), the items of one key in the order given. Throws when the lengths differ.
 */
export function sortByKey(keys: Uint32Array, items: Uint32Array, inPlace = false): SortedByKey {
  if (keys.length !== items.length) throw new RangeError(`sortByKey: ${keys.length} keys but ${items.length} items`);
  const counts = new Uint32Array(RADIX + 1);
  const low = countingPass(keys, items, 0, counts);
  // In place: the second pass writes back into the arrays given, two arrays made instead of four.
  return countingPass(low.keys, low.items, DIGIT, counts, inPlace ? { keys, items } : undefined);
}

/** Postings: each distinct key's items, in one array. */
export interface KeyRuns {
  /** The distinct keys, ascending. */
  keys: Uint32Array;
  /** Where each key's items start in `items`, and one more: `items.length`. */
  starts: Uint32Array;
  /** The items of each key in turn, each key's in the order given. */
  items: Uint32Array;
}

/**
 * `keys[x]` holds `items[x]`: the postings of each key (as a map from key to the list of its items,
 * in order). With `inPlace`, the arrays given are sorted where they are (the caller lets them go):
 * a scan's sampled shingles are 15 million at 100,000 articles, 62 MB an array.
 */
export function groupByKey(keys: Uint32Array, items: Uint32Array, inPlace = false): KeyRuns {
  const sorted = sortByKey(keys, items, inPlace);
  const n = sorted.keys.length;
  let distinct = 0;
  for (let x = 0; x < n; x++) if (x === 0 || sorted.keys[x] !== sorted.keys[x - 1]) distinct++;
  const runKeys = new Uint32Array(distinct);
  const starts = new Uint32Array(distinct + 1);
  let r = 0;
  for (let x = 0; x < n; x++)
    if (x === 0 || sorted.keys[x] !== sorted.keys[x - 1]) {
      runKeys[r] = sorted.keys[x] as number;
      starts[r++] = x;
    }
  starts[distinct] = n;
  return { keys: runKeys, starts, items: sorted.items };
}

/** Index of `key` among `runs.keys`, or -1 (binary search). */
export function runOf(runs: KeyRuns, key: number): number {
  let lo = 0;
  let hi = runs.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((runs.keys[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < runs.keys.length && runs.keys[lo] === key ? lo : -1;
}

/**
 * One LSH band's buckets over items 0…n−1: the items by band key (each bucket ascending), and for
 * each item where it stands and where its bucket ends. 12 bytes an item.
 */
export interface BandRuns {
  /** The items, bucket after bucket, each bucket ascending. */
  items: Uint32Array;
  /** `place[item]`: the item's position in `items`. */
  place: Uint32Array;
  /** `end[position]`: where the bucket holding that position ends in `items`. */
  end: Uint32Array;
}

/** The band's buckets from each item's key in it (`keys[item]`). */
export function bandRuns(keys: Uint32Array): BandRuns {
  const n = keys.length;
  const identity = new Uint32Array(n);
  for (let x = 0; x < n; x++) identity[x] = x;
  const sorted = sortByKey(keys, identity);
  const place = new Uint32Array(n);
  const end = new Uint32Array(n);
  let runEnd = n;
  for (let x = n - 1; x >= 0; x--) {
    if (x < n - 1 && sorted.keys[x] !== sorted.keys[x + 1]) runEnd = x + 1;
    end[x] = runEnd;
    place[sorted.items[x] as number] = x;
  }
  return { items: sorted.items, place, end };
}
