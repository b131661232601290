/**
 * The sketch of one article that the index keeps: two MinHash signatures and their LSH band keys.
 *
 * - `chars`: character 12-shingles of the folded token stream. Measured on WMT24 English news and
 *   generated variants: unrelated articles have median Jaccard 0.003 (max 0.027) with 12-shingles
 *   against 0.032 (max 0.089) with the scorer's 7-shingles, so at a million documents far fewer
 *   chance collisions reach verification; the variants that must be found keep Jaccard ≥ 0.31
 *   (a 30 % truncation) and ≥ 0.38 (5 % OCR noise).
 * - `terms`: the set of stemmed content words, for translation variants in one language (two
 *   human translations of one source: Jaccard 0.37–0.8, unrelated news: median 0.06). A
 *   translation into another language shares neither set and is not found by LSH.
 *
 * Pure: no I/O.
 */
import type { Article, SketchConfig } from '../../types/index.js';
import { hashCharShingles, hashString, sampleShingles } from '../fingerprint/shingle.js';
import { type ScanCache, type ScannedArticle, scanArticle, trimScanCache } from '../text/tokenCache.js';
import { computeBandKeys } from './lsh.js';
import { computeMinHash } from './minhash.js';
import { chooseLshParams } from './params.js';

/**
 * The containment channel: one character shingle in `CONTAINMENT_SAMPLE` kept per article
 * (`sampleShingles`); two texts sharing enough of them (`SAMPLE_FILTER`: two, and a quarter of
 * the smaller sample) are a candidate pair. Jaccard bands miss an excerpt, preview or short copy inside a long page (sizes 400 and
 * 4,000 shingles: Jaccard ≤ 0.1, where 32 bands of 2 rows collide with probability 0.27). A text
 * of a shingles contained at c in another shares about λ = c·a / CONTAINMENT_SAMPLE kept shingles
 * with it, and is missed when it shares fewer than two, probability e^(−λ)(1 + λ): 2 % for a
 * 250-shingle preview (about 40 words) at c = 0.75, 0.01 % at 500 shingles. Measured with the
 * scan's LSH on the index benchmark's 10k corpus against an exact reference (`npm run bench --
 * index --recall`): recall 0.983 (1,052 of 1,070) without the channel, 1.000 with it at 1 in 16
 * and 1 in 32, 0.998 at 1 in 64; 1 in 32 keeps half the rows of 1 in 16 (about 90 per article of
 * 3,000 characters; both measured with the two-shared rule alone). Candidate pairs 9,996 → 10,186
 * with `SAMPLE_FILTER`'s quarter rule (of the counted samples), 10,198 without it.
 */
export const CONTAINMENT_SAMPLE = 32;

/**
 * Bands for the character channel favour recall (weights 0.1 / 0.9 at threshold 0.3): a missed
 * republication is an error the user sees, a false candidate costs one cheap signature check.
 */
export function createSketchConfig(seed = 1): SketchConfig {
  const charParams = chooseLshParams({
    threshold: 0.3,
    numPerm: 128,
    weights: { falsePositive: 0.1, falseNegative: 0.9 },
  });
  const termParams = chooseLshParams({
    threshold: 0.4,
    numPerm: 64,
    weights: { falsePositive: 0.3, falseNegative: 0.7 },
  });
  return {
    seed,
    charShingle: 12,
    chars: { numPerm: 128, threshold: 0.3, ...charParams },
    terms: { numPerm: 64, threshold: 0.4, ...termParams },
    containment: { oneIn: CONTAINMENT_SAMPLE },
  };
}

export interface ArticleSketch {
  /** Hash of the folded token stream: equal for texts equal after normalization. */
  hash: string;
  words: number;
  charSize: number;
  charSig: Uint32Array;
  charKeys: Uint32Array;
  termSize: number;
  termSig: Uint32Array;
  termKeys: Uint32Array;
  /** The containment channel's sampled shingles (empty when the config has no such channel). */
  sampleKeys: Uint32Array;
  /** Distinct stemmed content words (for document frequencies). */
  terms: string[];
  /** The article's body plan (`SelectedParagraphs.plan`): the index keeps it, for the gate to read the text again without extracting its body. */
  plan?: string;
}

/** 64-bit hash of the token stream as 16 hex digits (two independent 32-bit FNV-1a passes). */
export function hashTokens(tokens: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ tokens.length;
  for (const t of tokens) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x20, 0x01000193);
    h2 = Math.imul(h2 ^ 0x20, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The hashes of the character k-shingles of `text`, each once, in order of first occurrence: the
 * set `shingleChars` gives (same hash, FNV-1a of each k-character window; a text shorter than k is
 * one shingle), unsorted. MinHash does not depend on order, and sorting was the larger part of
 * sketching; duplicates are dropped through an open-addressing table instead.
 */
export function distinctCharShingles(text: string, k: number): Uint32Array {
  return keepDistinct(hashCharShingles(text, k));
}

/** Drop repeated values in place, keeping first occurrences in order; returns the used prefix. */
export function keepDistinct(values: Uint32Array): Uint32Array {
  const n = values.length;
  if (n <= 1) return values;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const table = new Uint32Array(1 << bits);
  const used = new Uint8Array(1 << bits);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // Fibonacci hashing: the top bits of v · 2³²/φ pick the slot.
    let slot = Math.imul(v, 0x9e3779b1) >>> (32 - bits);
    while (used[slot] === 1 && table[slot] !== v) slot = (slot + 1) & mask;
    if (used[slot] === 1) continue;
    used[slot] = 1;
    table[slot] = v;
    values[kept++] = v;
  }
  return values.subarray(0, kept);
}

/** Sketch from folded tokens and stemmed content terms (in text order, repeats allowed). */
export function sketchTokens(tokens: readonly string[], terms: readonly string[], config: SketchConfig): ArticleSketch {
  const charSet = distinctCharShingles(tokens.join(' '), config.charShingle);
  const distinct = [...new Set(terms)];
  const termSet = keepDistinct(Uint32Array.from(distinct, hashString));
  const cs = computeMinHash(charSet, { numPerm: config.chars.numPerm, seed: config.seed });
  const ts = computeMinHash(termSet, { numPerm: config.terms.numPerm, seed: config.seed });
  return {
    hash: hashTokens(tokens),
    words: tokens.length,
    charSize: charSet.length,
    charSig: cs.values,
    charKeys: computeBandKeys(cs, config.chars),
    termSize: termSet.length,
    termSig: ts.values,
    termKeys: computeBandKeys(ts, config.terms),
    sampleKeys: samplesOf(charSet, config),
    terms: distinct,
  };
}

/** A sketch without its term list (batches count their terms instead: `SketchedBatch`). */
export type BareSketch = Omit<ArticleSketch, 'terms'>;

/** The sketch of an article the one-pass scanner read (`scanArticle`): the same as `sketchTokens` gives. */
export function sketchScanned(s: ScannedArticle, config: SketchConfig): BareSketch {
  const cs = computeMinHash(s.charSet, { numPerm: config.chars.numPerm, seed: config.seed });
  const ts = computeMinHash(s.termSet, { numPerm: config.terms.numPerm, seed: config.seed });
  return {
    hash: s.hash,
    words: s.words,
    charSize: s.charSet.length,
    charSig: cs.values,
    charKeys: computeBandKeys(cs, config.chars),
    termSize: s.termSet.length,
    termSig: ts.values,
    termKeys: computeBandKeys(ts, config.terms),
    sampleKeys: samplesOf(s.charSet, config),
    ...(s.plan !== undefined ? { plan: s.plan } : {}),
  };
}

/** The containment channel's keys of a character shingle set (none when the config has no such channel). */
export function samplesOf(charSet: Uint32Array, config: SketchConfig): Uint32Array {
  return config.containment ? sampleShingles(charSet, config.containment.oneIn).sort() : new Uint32Array(0);
}

/**
 * A batch of articles sketched: one sketch per article, and the distinct terms of each as indexes
 * into one term table for the batch (typed arrays, cheap to send from a worker thread and to
 * count into document frequencies).
 */
export interface SketchedBatch {
  sketches: BareSketch[];
  terms: string[];
  /** Article i's distinct terms are `terms[docTerms[k]]` for k in [termStart[i], termStart[i + 1]). */
  docTerms: Uint32Array;
  termStart: Uint32Array;
}

/** Sketch a batch with the one-pass scanner. */
export function sketchBatch(articles: readonly Article[], config: SketchConfig, cache: ScanCache): SketchedBatch {
  trimScanCache(cache);
  const local = new Map<number, number>();
  const terms: string[] = [];
  const docTerms: number[] = [];
  const termStart = new Uint32Array(articles.length + 1);
  const sketches = articles.map((a, i) => {
    const scanned = scanArticle(a, config.charShingle, cache);
    for (const t of scanned.termIds) {
      let k = local.get(t);
      if (k === undefined) {
        k = terms.length;
        local.set(t, k);
        terms.push(cache.terms[t] as string);
      }
      docTerms.push(k);
    }
    termStart[i + 1] = docTerms.length;
    return sketchScanned(scanned, config);
  });
  return { sketches, terms, docTerms: Uint32Array.from(docTerms), termStart };
}
