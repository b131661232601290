/**
 * Candidate pairs for `scan` from MinHash LSH instead of all pairs: linear in the corpus (plus
 * the pairs that collide), so a 100k-article scan is not quadratic.
 *
 * Two channels, as in the persistent index (see `core/minhash/sketch.ts`): character 12-shingles
 * find duplicates and republications; the set of stemmed content words finds translation variants
 * written in the same language. A translation into another language shares neither and is NOT
 * proposed: scan with all pairs (`--all-pairs`) to find those.
 * Colliding pairs then pass a filter on the signature estimates (Jaccard, or containment from the
 * set sizes; `SIGNATURE_FILTER`), well below what any relation needs, so chance collisions cost no
 * exact scoring.
 */
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import { hashString, shingleChars, toSortedSet } from '../fingerprint/shingle.js';
import { filterCharSignatures, passesTermSignatures } from '../minhash/filter.js';
import { computeBandKeys, LshIndex } from '../minhash/lsh.js';
import { computeMinHash, estimateJaccard, type MinHashSignature } from '../minhash/minhash.js';
import { chooseLshParams } from '../minhash/params.js';
import { createSketchConfig, hashTokens } from '../minhash/sketch.js';

export interface LshCandidateOptions {
  /** Character-shingle Jaccard the bands aim at. Default 0.3. */
  threshold?: number;
  /** Also propose pairs that share stemmed content words (same-language translations). Default true. */
  translations?: boolean;
  seed?: number;
}

export function lshCandidates(
  fingerprints: readonly Fingerprint[],
  options: LshCandidateOptions = {},
): { method: 'lsh'; pairs: Array<[number, number]> } {
  const base = createSketchConfig(options.seed ?? 1);
  const threshold = options.threshold ?? base.chars.threshold;
  const charParams =
    threshold === base.chars.threshold
      ? base.chars
      : {
          ...chooseLshParams({
            threshold,
            numPerm: base.chars.numPerm,
            weights: { falsePositive: 0.1, falseNegative: 0.9 },
          }),
          numPerm: base.chars.numPerm,
          threshold,
        };
  const translations = options.translations ?? true;
  const seed = base.seed;
  const charIndex = new LshIndex(charParams);
  const termIndex = new LshIndex(base.terms);
  const charSigs: MinHashSignature[] = [];
  const charSizes: number[] = [];
  const termSigs: MinHashSignature[] = [];
  const byHash = new Map<string, number[]>();
  fingerprints.forEach((fp, i) => {
    const chars = shingleChars(fp.article.tokens.join(' '), base.charShingle);
    const cs = computeMinHash(chars, { numPerm: charParams.numPerm, seed });
    charSigs.push(cs);
    charSizes.push(chars.length);
    charIndex.insert(i, computeBandKeys(cs, charParams));
    if (translations) {
      const terms = toSortedSet(Uint32Array.from(new Set(fp.terms), hashString));
      const ts = computeMinHash(terms, { numPerm: base.terms.numPerm, seed });
      termSigs.push(ts);
      termIndex.insert(i, computeBandKeys(ts, base.terms));
    }
    const h = hashTokens(fp.article.tokens);
    const same = byHash.get(h);
    if (same) same.push(i);
    else byHash.set(h, [i]);
  });
  const codes = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const push = (i: number, j: number): void => {
    const code = i * 0x200000 + j;
    if (codes.has(code)) return;
    codes.add(code);
    pairs.push([i, j]);
  };
  for (const group of byHash.values())
    for (let x = 0; x < group.length; x++)
      for (let y = x + 1; y < group.length; y++) push(group[x] as number, group[y] as number);
  for (const [i, j] of charIndex.collectPairs()) {
    const est = estimateJaccard(charSigs[i] as MinHashSignature, charSigs[j] as MinHashSignature);
    if (filterCharSignatures(est, charSizes[i] as number, charSizes[j] as number) >= 0) push(i, j);
  }
  if (translations) {
    for (const [i, j] of termIndex.collectPairs()) {
      if (passesTermSignatures(estimateJaccard(termSigs[i] as MinHashSignature, termSigs[j] as MinHashSignature)))
        push(i, j);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { method: 'lsh', pairs };
}
