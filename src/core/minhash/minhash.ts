/**
 * MinHash signatures by one-permutation hashing (OPH) with optimal densification.
 *
 * Why OPH and not k independent hash functions: the sets we sketch are character 7-shingles of a
 * whole article, about as many as the article has characters (3,000 for a typical news story).
 * k hash functions cost k hashes per shingle (128 × 3,000 = 384,000 multiplications per article);
 * OPH hashes each shingle once, sends it to one of k bins by its hash and keeps the minimum per
 * bin (Li, Owen and Zhang 2012), so indexing a million articles is bound by tokenization, not by
 * hashing. A short text leaves bins empty; optimal densification (Shrivastava 2017) fills an empty
 * bin from a non-empty one chosen by a hash sequence that depends only on the bin and the seed, so
 * two sets make the same choice and each bin still agrees with probability equal to their Jaccard.
 *
 * Signatures carry their seed and length, and `estimateJaccard` refuses to compare signatures made
 * with different ones: their bins would not mean the same thing.
 */
import { mix32 } from '../fingerprint/shingle.js';

/** Bin value of an empty set (every bin empty). */
export const EMPTY_BIN = 0xffffffff;

export interface MinHashOptions {
  /** Number of bins (the signature length). A whole number in [1, 4096]. */
  numPerm: number;
  /** Seed: signatures are comparable only when made with the same seed. A 32-bit whole number. */
  seed: number;
}

export interface MinHashSignature {
  seed: number;
  numPerm: number;
  /** One 32-bit minimum per bin; all `EMPTY_BIN` for the empty set. */
  values: Uint32Array;
}

/** Check MinHash options, in plain words with the value received. */
export function validateMinHashOptions(options: MinHashOptions): void {
  const { numPerm, seed } = options;
  if (!Number.isInteger(numPerm) || numPerm < 1 || numPerm > 4096) {
    throw new RangeError(`numPerm must be a whole number in [1, 4096], got ${String(numPerm)}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number in [0, 4294967295], got ${String(seed)}`);
  }
}

/**
 * The MinHash signature of a set of 32-bit hashes (duplicates allowed: they change nothing).
 * The element hash is re-mixed with the seed, so the same shingles give independent signatures
 * under different seeds.
 */
export function computeMinHash(hashes: ArrayLike<number>, options: MinHashOptions): MinHashSignature {
  validateMinHashOptions(options);
  const { numPerm: k, seed } = options;
  const values = new Uint32Array(k).fill(EMPTY_BIN);
  const filled = new Uint8Array(k);
  const binSeed = mix32(seed ^ 0x5bd1e995);
  const valueSeed = mix32(seed ^ 0x27d4eb2f);
  let nonEmpty = 0;
  for (let i = 0; i < hashes.length; i++) {
    const g = mix32((hashes[i] as number) ^ binSeed);
    const bin = g % k;
    // The value is a second, independent mix, so it does not correlate with the bin choice.
    const v = mix32(g ^ valueSeed);
    if (filled[bin] === 0) {
      filled[bin] = 1;
      nonEmpty++;
      values[bin] = v;
    } else if (v < (values[bin] as number)) values[bin] = v;
  }
  if (nonEmpty > 0 && nonEmpty < k) densify(values, filled, seed);
  return { seed, numPerm: k, values };
}

/**
 * Optimal densification: each empty bin i takes the value of bin h(i, 1), h(i, 2), … — the first
 * of those that was filled by the set itself. The probe sequence depends only on (i, seed).
 */
function densify(values: Uint32Array, filled: Uint8Array, seed: number): void {
  const k = values.length;
  const probeSeed = mix32(seed ^ 0x165667b1);
  for (let i = 0; i < k; i++) {
    if (filled[i] === 1) continue;
    for (let attempt = 1; ; attempt++) {
      const j = mix32(Math.imul(i + 1, 0x9e3779b1) ^ mix32(attempt ^ probeSeed)) % k;
      if (filled[j] === 1) {
        values[i] = values[j] as number;
        break;
      }
    }
  }
}

/** Throw unless two signatures were made with the same seed and length. */
export function assertComparable(a: MinHashSignature, b: MinHashSignature): void {
  if (a.seed !== b.seed) {
    throw new RangeError(`cannot compare MinHash signatures made with different seeds (${a.seed} and ${b.seed})`);
  }
  if (a.numPerm !== b.numPerm || a.values.length !== b.values.length) {
    throw new RangeError(
      `cannot compare MinHash signatures of different lengths (${a.values.length} and ${b.values.length})`,
    );
  }
}

function isEmptySignature(s: MinHashSignature): boolean {
  for (let i = 0; i < s.values.length; i++) if (s.values[i] !== EMPTY_BIN) return false;
  return true;
}

/**
 * The estimated Jaccard similarity: the share of bins that agree. Edge cases as for exact Jaccard:
 * two empty sets give 1, an empty and a non-empty set give 0.
 */
export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  assertComparable(a, b);
  const ea = isEmptySignature(a);
  const eb = isEmptySignature(b);
  if (ea || eb) return ea && eb ? 1 : 0;
  let same = 0;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] === b.values[i]) same++;
  return same / a.values.length;
}

/**
 * The standard error of the estimate at true Jaccard j with k bins: √(j(1 − j)/k). OPH with
 * densification has at most this variance (Shrivastava 2017, theorem 2), up to a term in 1/k².
 */
export function minHashStandardError(j: number, numPerm: number): number {
  return Math.sqrt((j * (1 - j)) / numPerm);
}
