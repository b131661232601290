/**
 * Candidate pairs as the stages that walk them take them: a list of `[i, j]`, or the same pairs
 * flat, pair k at `flat[2k]` and `flat[2k + 1]`. A scan of many articles scores its candidates
 * flat: a two-number array takes 64 bytes on V8's heap and its place in the list 8 more, where
 * the flat pair takes 8; the 2,570,324 candidate pairs of the bench's 100,000 articles held about
 * 177 MiB as arrays through the score stage.
 */
export type PairList = ReadonlyArray<readonly [number, number]> | Uint32Array;

/** How many pairs `pairs` holds. */
export function pairCount(pairs: PairList): number {
  return pairs instanceof Uint32Array ? pairs.length >>> 1 : pairs.length;
}

/** Pairs `from` to `to` (not included) of `pairs`, flat, in a new array (one a worker may be handed). */
export function flatPairs(pairs: PairList, from = 0, to = pairCount(pairs)): Uint32Array {
  if (pairs instanceof Uint32Array) return pairs.slice(2 * from, 2 * to);
  const flat = new Uint32Array(2 * (to - from));
  for (let k = from; k < to; k++) {
    const [i, j] = pairs[k] as readonly [number, number];
    flat[2 * (k - from)] = articleIndex(i);
    flat[2 * (k - from) + 1] = articleIndex(j);
  }
  return flat;
}

/** `pairs` flat: itself when it is, else a flat copy. */
export function asFlatPairs(pairs: PairList): Uint32Array {
  return pairs instanceof Uint32Array ? pairs : flatPairs(pairs);
}

/** `x` when it can name an article in a flat list (a whole number from 0 to 2³² − 1). */
function articleIndex(x: number): number {
  if (!Number.isInteger(x) || x < 0 || x > 0xffffffff)
    throw new RangeError(`a candidate pair names article ${String(x)}, expected a whole number ≥ 0`);
  return x;
}
