/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` runs of
 * `rows` values; each run is hashed to one 32-bit band key. Two signatures that agree on a whole
 * band get the same key and become candidates. The key of band i is the hash of its values mixed
 * with i, so equal runs in different bands never collide.
 *
 * `LshIndex` keeps buckets in memory (scan candidates, tests). The persistent index stores the same
 * keys through the store interface; neither knows where the other keeps them.
 */

import type { LshParams } from '../../types/index.js';
import { mix32 } from '../fingerprint/shingle.js';
import type { MinHashSignature } from './minhash.js';

export function validateLshParams(params: LshParams, numPerm: number): void {
  const { bands, rows } = params;
  if (!Number.isInteger(bands) || bands < 1 || !Number.isInteger(rows) || rows < 1) {
    throw new RangeError(`bands and rows must be whole numbers ≥ 1, got ${String(bands)} and ${String(rows)}`);
  }
  if (bands * rows > numPerm) {
    throw new RangeError(
      `bands × rows must be at most the signature length ${numPerm}, got ${bands} × ${rows} = ${bands * rows}`,
    );
  }
}

/** One 32-bit key per band. */
export function computeBandKeys(signature: MinHashSignature, params: LshParams): Uint32Array {
  validateLshParams(params, signature.values.length);
  const { bands, rows } = params;
  const keys = new Uint32Array(bands);
  const v = signature.values;
  for (let b = 0; b < bands; b++) {
    let h = mix32(b + 0x3c6ef372);
    for (let r = 0; r < rows; r++) h = mix32(Math.imul(h ^ (v[b * rows + r] as number), 0x01000193) + r);
    keys[b] = h;
  }
  return keys;
}

/** In-memory LSH buckets: band key → the items that hashed there. */
export class LshIndex {
  private readonly buckets: Array<Map<number, number[]>>;

  constructor(readonly params: LshParams) {
    this.buckets = Array.from({ length: params.bands }, () => new Map<number, number[]>());
  }

  /** Add an item under its band keys (from `computeBandKeys` with the same params). */
  insert(item: number, keys: Uint32Array): void {
    if (keys.length !== this.params.bands)
      throw new RangeError(`expected ${this.params.bands} band keys, got ${keys.length}`);
    for (let b = 0; b < keys.length; b++) {
      const bucket = this.buckets[b] as Map<number, number[]>;
      const key = keys[b] as number;
      const list = bucket.get(key);
      if (list) list.push(item);
      else bucket.set(key, [item]);
    }
  }

  /** Items sharing at least one band with the keys, each once, ascending. */
  query(keys: Uint32Array): number[] {
    const found = new Set<number>();
    for (let b = 0; b < keys.length; b++) {
      const list = (this.buckets[b] as Map<number, number[]>).get(keys[b] as number);
      if (list) for (const x of list) found.add(x);
    }
    return [...found].sort((x, y) => x - y);
  }

  /** Every pair (i < j) sharing a bucket, each once, sorted. */
  collectPairs(): Array<[number, number]> {
    const seen = new Set<number>();
    const pairs: Array<[number, number]> = [];
    for (const bucket of this.buckets) {
      for (const list of bucket.values()) {
        if (list.length < 2) continue;
        for (let x = 0; x < list.length; x++) {
          for (let y = x + 1; y < list.length; y++) {
            const i = Math.min(list[x] as number, list[y] as number);
            const j = Math.max(list[x] as number, list[y] as number);
            if (i === j) continue;
            const code = i * 0x200000 + j;
            if (seen.has(code)) continue;
            seen.add(code);
            pairs.push([i, j]);
          }
        }
      }
    }
    return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  }
}
