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
 *
 * Bounded: a bucket of more than `BUCKET_WINDOW` + 1 articles (near-copies, or one-liners from a
 * small vocabulary, all share their bands) pairs each member only with the `BUCKET_WINDOW`
 * members after it, and each article keeps at most `MAX_CANDIDATES_PER_ARTICLE` pairs (cap.ts),
 * the best signature estimates first; what is left out is counted in `cap`.
 */
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import { hashString, shingleChars, toSortedSet } from '../fingerprint/shingle.js';
import { filterCharSignatures, passesTermSignatures } from '../minhash/filter.js';
import { computeBandKeys } from '../minhash/lsh.js';
import { computeMinHash, estimateJaccard, type MinHashSignature } from '../minhash/minhash.js';
import { chooseLshParams } from '../minhash/params.js';
import { createSketchConfig, hashTokens } from '../minhash/sketch.js';
import {
  type CandidateCap,
  capPairsPerArticle,
  keepBestOfRow,
  MAX_CANDIDATES_PER_ARTICLE,
  type RankedPair,
} from './cap.js';

/**
 * Bounds on the bucket mates one article is compared with, per channel: at most `BUCKET_WINDOW`
 * after it in each bucket, and `MAX_BUCKET_MATES` in all (twice the candidates it may keep). Real
 * buckets are small (the 10k-article index benchmark: 9,969 candidate pairs over 10k articles and
 * 53 bands), so real articles never reach them; one-line articles from a 15-word vocabulary fill
 * buckets of thousands, where all pairs took 4.4 GB. The signature estimate of a mate costs 128
 * comparisons, so an article costs at most 200 × 128 per channel.
 */
export const BUCKET_WINDOW = 50;
export const MAX_BUCKET_MATES = 2 * MAX_CANDIDATES_PER_ARTICLE;

export interface LshCandidateOptions {
  /** Character-shingle Jaccard the bands aim at. Default 0.3. */
  threshold?: number;
  /** Also propose pairs that share stemmed content words (same-language translations). Default true. */
  translations?: boolean;
  seed?: number;
  /** Most pairs per article (default `MAX_CANDIDATES_PER_ARTICLE`). */
  maxPerArticle?: number;
}

/** Band key → members (ascending), one map per band, and each item's place in its bucket of each band. */
class Buckets {
  private readonly bands: Array<Map<number, number[]>>;
  private readonly lists: number[][][] = [];
  private readonly places: number[][] = [];
  /** Bucket mates left unexamined (counted per band). */
  skipped = 0;

  constructor(bands: number) {
    this.bands = Array.from({ length: bands }, () => new Map<number, number[]>());
  }

  insert(item: number, keys: Uint32Array): void {
    const lists: number[][] = [];
    const places: number[] = [];
    keys.forEach((key, b) => {
      const bucket = this.bands[b] as Map<number, number[]>;
      let list = bucket.get(key);
      if (!list) {
        list = [];
        bucket.set(key, list);
      }
      places.push(list.length);
      list.push(item);
      lists.push(list);
    });
    this.lists[item] = lists;
    this.places[item] = places;
  }

  /** Marks the mates already taken for the current item (item + 1), so none is taken twice. */
  private stamp = new Int32Array(0);

  /** The later items sharing a bucket with `item`, each once, within the bounds (into `out`). */
  matesAfter(item: number, out: number[]): number[] {
    out.length = 0;
    if (this.stamp.length < this.lists.length) this.stamp = new Int32Array(this.lists.length);
    const lists = this.lists[item] ?? [];
    const places = this.places[item] ?? [];
    for (let b = 0; b < lists.length; b++) {
      const list = lists[b] as number[];
      const from = (places[b] as number) + 1;
      const end = Math.min(list.length, from + BUCKET_WINDOW);
      let y = from;
      for (; y < end && out.length < MAX_BUCKET_MATES; y++) {
        const j = list[y] as number;
        if (this.stamp[j] === item + 1) continue;
        this.stamp[j] = item + 1;
        out.push(j);
      }
      this.skipped += list.length - y;
    }
    return out;
  }
}

function charParamsFor(threshold: number, base: ReturnType<typeof createSketchConfig>) {
  if (threshold === base.chars.threshold) return base.chars;
  const chosen = chooseLshParams({
    threshold,
    numPerm: base.chars.numPerm,
    weights: { falsePositive: 0.1, falseNegative: 0.9 },
  });
  return { ...chosen, numPerm: base.chars.numPerm, threshold };
}

interface Signatures {
  chars: MinHashSignature[];
  charSizes: number[];
  terms: MinHashSignature[];
  charBuckets: Buckets;
  termBuckets: Buckets;
  /** For each article, the later articles with the same folded tokens (at most `BUCKET_WINDOW`). */
  sameAfter: Map<number, number[]>;
}

function sketchAll(
  fingerprints: readonly Fingerprint[],
  options: LshCandidateOptions,
  onProgress?: (done: number, total: number) => void,
): Signatures {
  const base = createSketchConfig(options.seed ?? 1);
  const charParams = charParamsFor(options.threshold ?? base.chars.threshold, base);
  const seed = base.seed;
  const out: Signatures = {
    chars: [],
    charSizes: [],
    terms: [],
    charBuckets: new Buckets(charParams.bands),
    termBuckets: new Buckets(base.terms.bands),
    sameAfter: new Map(),
  };
  const byHash = new Map<string, number[]>();
  fingerprints.forEach((fp, i) => {
    const chars = shingleChars(fp.article.tokens.join(' '), base.charShingle);
    const cs = computeMinHash(chars, { numPerm: charParams.numPerm, seed });
    out.chars.push(cs);
    out.charSizes.push(chars.length);
    out.charBuckets.insert(i, computeBandKeys(cs, charParams));
    if (options.translations ?? true) {
      const terms = toSortedSet(Uint32Array.from(new Set(fp.terms), hashString));
      const ts = computeMinHash(terms, { numPerm: base.terms.numPerm, seed });
      out.terms.push(ts);
      out.termBuckets.insert(i, computeBandKeys(ts, base.terms));
    }
    const h = hashTokens(fp.article.tokens);
    const same = byHash.get(h);
    if (same) same.push(i);
    else byHash.set(h, [i]);
    onProgress?.(i + 1, fingerprints.length);
  });
  for (const group of byHash.values())
    group.forEach((x, k) => {
      if (k + 1 < group.length) out.sameAfter.set(x, group.slice(k + 1, k + 1 + BUCKET_WINDOW));
    });
  return out;
}

/** Reused for each article's mates (one channel at a time). */
const MATES: number[] = [];

/** One article's candidates among its bucket mates: those passing the signature filter, best first, at most `max`. */
function rowOf(
  i: number,
  sigs: Signatures,
  translations: boolean,
  max: number,
): { row: RankedPair[]; dropped: number } {
  const best = new Map<number, number>();
  const offer = (j: number, score: number): void => {
    if (score > (best.get(j) ?? -1)) best.set(j, score);
  };
  // Identical folded tokens: certain candidates, ranked first (3 is above any estimate).
  for (const j of sigs.sameAfter.get(i) ?? []) offer(j, 3);
  for (const j of sigs.charBuckets.matesAfter(i, MATES)) {
    const est = estimateJaccard(sigs.chars[i] as MinHashSignature, sigs.chars[j] as MinHashSignature);
    if (filterCharSignatures(est, sigs.charSizes[i] as number, sigs.charSizes[j] as number) >= 0) offer(j, 1 + est);
  }
  if (translations) {
    for (const j of sigs.termBuckets.matesAfter(i, MATES)) {
      const est = estimateJaccard(sigs.terms[i] as MinHashSignature, sigs.terms[j] as MinHashSignature);
      if (passesTermSignatures(est)) offer(j, est);
    }
  }
  const row = [...best].map(([j, score]) => ({ i, j, score }));
  const dropped = keepBestOfRow(row, max);
  return { row: row.sort((x, y) => x.j - y.j), dropped };
}

export function lshCandidates(
  fingerprints: readonly Fingerprint[],
  options: LshCandidateOptions = {},
  onProgress?: (done: number, total: number) => void,
): { method: 'lsh'; pairs: Array<[number, number]>; cap?: CandidateCap } {
  const max = options.maxPerArticle ?? MAX_CANDIDATES_PER_ARTICLE;
  const translations = options.translations ?? true;
  const sigs = sketchAll(fingerprints, options, onProgress);
  const ranked: RankedPair[] = [];
  let dropped = 0;
  for (let i = 0; i < fingerprints.length; i++) {
    const r = rowOf(i, sigs, translations, max);
    dropped += r.dropped;
    ranked.push(...r.row);
  }
  const capped = capPairsPerArticle(ranked, fingerprints.length, max);
  dropped += capped.dropped;
  const unexamined = sigs.charBuckets.skipped + sigs.termBuckets.skipped;
  const cap: CandidateCap = { perArticle: max, dropped, ...(unexamined > 0 ? { unexamined } : {}) };
  return { method: 'lsh', pairs: capped.pairs, ...(dropped + unexamined > 0 ? { cap } : {}) };
}
