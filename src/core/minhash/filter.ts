/**
 * The signature filter: the one test a pair of sketches must pass, on MinHash estimates, before
 * it is scored exactly. The scan's LSH candidates (`core/candidates/lsh.ts`) and the gate
 * (`pipeline/gate.ts`) both use it, so the two find the same pairs.
 */
import { digestHex, hexAgreements, screenDigest } from '../../types/index.js';
import { estimateJaccard } from './minhash.js';

/**
 * The thresholds. A duplicate or republication has ≥ 0.8 of one text's character 7-shingles in
 * the other; the same change spoils more 12-shingles (OCR noise that leaves 0.8 of 7-shingles
 * leaves about 0.68 of 12-shingles), and the estimate errs by about ±0.05 at 128 values; 0.5
 * keeps a wide margin. The term filter is for translation variants (stemmed-word Jaccard of human
 * translations ≥ 0.37).
 */
export const SIGNATURE_FILTER = { charJaccard: 0.3, charContainment: 0.5, termJaccard: 0.25 } as const;

/**
 * The containment channel's test (`CONTAINMENT_SAMPLE` in sketch.ts, `passesSampleShare` in
 * types/store.ts): a pair is proposed when the two texts share at least `minShared` sampled
 * shingles (all of them, for a text that keeps fewer) and at least `minShareOfSmaller` of the
 * smaller sample; a shingle held by more than `maxPostings` documents is not counted.
 * - Two: one shared 12-character window is what unrelated pages on one topic share by chance.
 * - A quarter of the smaller sample: the share of the smaller text's samples found in the other
 *   estimates its containment, and the signature filter that follows asks for 0.5 (or Jaccard
 *   0.3); half of that leaves room for the sampling error (a 10-sample text contained at 0.7 falls
 *   under it with probability 0.03). Pages that share one sentence and nothing else stop here:
 *   on the index benchmark's corpus (articles assembled from shared lines) a generated variant's
 *   look-up had 370 documents sharing two samples, nearly all through one common line.
 *   Both sample sizes are taken at the share of the probe's samples that were counted (held by
 *   at most `maxPostings` documents): at 100k bench documents a preview of 38 samples had 29 held
 *   by more than 200 and shared the other 9 with its source, under a quarter of all 38 but all of
 *   the evidence. That rule admits more candidates on that corpus (135.6 → 169 proposed per
 *   variant look-up at 100k; `scripts/gateLatency.ts`).
 * - 200 postings: a shingle held by hundreds of documents (a formula, a dateline) says nothing
 *   about any two of them and costs the most to read; the recall measurement's exact reference
 *   skips word 5-shingles held by more than 200 documents likewise.
 */
export const SAMPLE_FILTER = { minShared: 2, minShareOfSmaller: 0.25, maxPostings: 200 } as const;

/**
 * Containment estimates from two signatures and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
 * Returns the larger of the two containments (share of the smaller set found in the larger).
 */
export function estimateMaxContainment(jaccardEstimate: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0 || sizeB === 0) return sizeA === sizeB ? 1 : 0;
  const inter = (jaccardEstimate * (sizeA + sizeB)) / (1 + jaccardEstimate);
  return Math.min(1, inter / Math.min(sizeA, sizeB));
}

/**
 * The character channel's verdict: the estimated containment when the pair passes (Jaccard or
 * containment over its threshold), else -1.
 */
export function filterCharSignatures(jaccardEstimate: number, sizeA: number, sizeB: number): number {
  const c = estimateMaxContainment(jaccardEstimate, sizeA, sizeB);
  return jaccardEstimate >= SIGNATURE_FILTER.charJaccard || c >= SIGNATURE_FILTER.charContainment ? c : -1;
}

/** The term channel's verdict: whether the estimated Jaccard of content words passes. */
export function passesTermSignatures(jaccardEstimate: number): boolean {
  return jaccardEstimate >= SIGNATURE_FILTER.termJaccard;
}

/** The parts of a sketch the filter reads. */
export interface SignaturePair {
  charSize: number;
  charSig: Uint32Array;
  termSig: Uint32Array;
}

/**
 * 0 when the signatures rule the pair out, else a rank (higher: more likely redundant): 1 + the
 * estimated containment when the character channel passes, else the term Jaccard when
 * `translations` asks for that channel and it passes. Signatures of another length (an index
 * built with another config) rule nothing in.
 */
export function rankSignatures(a: SignaturePair, b: SignaturePair, seed: number, translations: boolean): number {
  const sig = (values: Uint32Array) => ({ seed, numPerm: values.length, values });
  let rank = 0;
  if (a.charSig.length === b.charSig.length && a.charSig.length > 0) {
    const c = filterCharSignatures(estimateJaccard(sig(a.charSig), sig(b.charSig)), a.charSize, b.charSize);
    if (c >= 0) rank = Math.max(rank, 1 + c);
  }
  if (translations && a.termSig.length === b.termSig.length && a.termSig.length > 0) {
    const j = estimateJaccard(sig(a.termSig), sig(b.termSig));
    if (passesTermSignatures(j)) rank = Math.max(rank, j);
  }
  return rank;
}

/**
 * The store's screen for a probe (`RankOptions.screen`) when its rank is the character channel
 * alone (`rankSignatures` without `translations`): false only for a document whose signatures
 * that channel would turn down, so skipping it changes no answer. The digests' agreeing positions
 * bound the equal values from above, hence the Jaccard estimate; the filter passes on a higher
 * estimate whenever it passes on a lower one (both its tests grow with it), so a document that
 * fails at the bound fails at its estimate. Digests of another length, or a probe without a
 * character signature, rule nothing out.
 */
export function screenCharSignatures(probe: {
  charSize: number;
  charSig: Uint32Array;
}): (charSize: number, digestHex: string) => boolean {
  const n = probe.charSig.length;
  const own = digestHex(screenDigest(probe.charSig));
  return (charSize, hex) => {
    if (n === 0 || hex.length !== own.length) return true;
    return filterCharSignatures(hexAgreements(own, hex) / n, probe.charSize, charSize) >= 0;
  };
}
