/**
 * Shingles: overlapping n-grams of words or characters, hashed to 32-bit numbers and kept as a
 * sorted, duplicate-free `Uint32Array` so that set operations are a linear merge.
 *
 * Word shingles are hashed from the tokens' own hashes, never from a joined string, so no
 * separator can collide with a character inside a token. 32 bits: at a million distinct shingles
 * per pair the chance of one collision is far below the rounding of the scores we report.
 */

/** FNV-1a over UTF-16 code units, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finalizer (murmur3 fmix32): spreads the bits of a combined hash. */
export function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Sort and de-duplicate hashes in place; returns the used prefix. */
export function toSortedSet(values: Uint32Array): Uint32Array {
  if (values.length === 0) return values;
  values.sort();
  let n = 1;
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== values[n - 1]) values[n++] = values[i] as number;
  }
  return values.subarray(0, n);
}

/** Hashes of each word k-gram, in text order (not de-duplicated). A text shorter than k gives one shingle. */
export function hashWordShingles(tokens: readonly string[], k: number): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be a whole number ≥ 1, got ${k}`);
  if (tokens.length === 0) return new Uint32Array(0);
  const th = tokens.map(hashString);
  const count = Math.max(1, th.length - k + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    const end = Math.min(th.length, i + k);
    for (let j = i; j < end; j++) h = Math.imul(h ^ (th[j] as number), 0x01000193) + j - i;
    out[i] = mix32(h);
  }
  return out;
}

/** The set of word k-shingles of a token list. */
export function shingleWords(tokens: readonly string[], k: number): Uint32Array {
  return toSortedSet(hashWordShingles(tokens, k));
}

/**
 * Hashes of each character k-gram (FNV-1a of the window), in text order (not de-duplicated). A
 * text shorter than k gives one shingle.
 */
export function hashCharShingles(text: string, k: number, into?: ShingleScratch): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be a whole number ≥ 1, got ${k}`);
  if (text.length === 0) return new Uint32Array(0);
  const count = Math.max(1, text.length - k + 1);
  if (into && into.buffer.length < count) into.buffer = new Uint32Array(Math.max(count, 2 * into.buffer.length));
  const out = into ? into.buffer.subarray(0, count) : new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(text.length, i + k);
    for (let j = i; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    out[i] = h >>> 0;
  }
  return out;
}

/** The set of character k-shingles of a string (a text shorter than k gives one shingle). */
export function shingleChars(text: string, k: number): Uint32Array {
  return toSortedSet(hashCharShingles(text, k));
}

/** A buffer `shingleCharsInto` reuses from text to text (grown as needed). */
export interface ShingleScratch {
  buffer: Uint32Array;
}

/**
 * `shingleChars` in `scratch`'s buffer: a view valid until the next call with it, for a caller
 * that reads the set and lets it go (the scan's LSH sketches every article's set once: a new
 * array each, 20 KB an article of the bench corpus, was memory the process held until collected).
 */
export function shingleCharsInto(text: string, k: number, scratch: ShingleScratch): Uint32Array {
  return toSortedSet(hashCharShingles(text, k, scratch));
}

/**
 * A fixed-rate sample of a shingle set: the hashes whose mixed value falls in the lowest
 * `1 / oneIn` of the 32-bit range, in the order given. The same shingle is kept or left in every
 * text, whatever the text's length, so a short text contained in a long one keeps about
 * `|A ∩ B| / oneIn` of its samples in the long one's sample: a containment test that Jaccard
 * bands cannot give when the sizes differ (an excerpt of 400 shingles inside an article of 4,000
 * has Jaccard 0.1 at most). Winnowing and passim's n-gram index sample for the same reason.
 */
export function sampleShingles(set: Uint32Array, oneIn: number): Uint32Array {
  if (!Number.isInteger(oneIn) || oneIn < 1)
    throw new RangeError(`sample rate must be a whole number ≥ 1, got ${oneIn}`);
  const below = Math.floor(0x100000000 / oneIn);
  let n = 0;
  for (let i = 0; i < set.length; i++) if (mix32(set[i] as number) < below) n++;
  const out = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < set.length; i++) {
    const h = set[i] as number;
    if (mix32(h) < below) out[n++] = h;
  }
  return out;
}
