/**
 * Candidate pairs for `scan` from MinHash LSH instead of all pairs: linear in the corpus (plus
 * the pairs that collide), so a 100k-article scan is not quadratic.
 *
 * Three channels. As in the persistent index (see `core/minhash/sketch.ts`): character
 * 12-shingles in Jaccard bands find duplicates and republications; the set of stemmed content
 * words finds translation variants written in the same language. A translation into another
 * language shares neither set and is NOT proposed here (the cross-language stage proposes those).
 * Third, the containment channel (`CONTAINMENT_SAMPLE`): a fixed-rate sample of each article's
 * character shingles finds a short text held by a long one (an excerpt, a preview, a story inside
 * a roundup), whose Jaccard is too low for any useful band threshold.
 * Colliding pairs then pass a filter on the signature estimates (Jaccard, or containment from the
 * set sizes; `SIGNATURE_FILTER`), well below what any relation needs, so chance collisions cost no
 * exact scoring.
 *
 * Bounded: a bucket of more than `BUCKET_WINDOW` + 1 articles (near-copies, or one-liners from a
 * small vocabulary, all share their bands) pairs each member only with the `BUCKET_WINDOW`
 * members after it, and each article keeps at most `MAX_CANDIDATES_PER_ARTICLE` pairs (cap.ts),
 * the best signature estimates first; what is left out is counted in `cap`.
 */
import { passesSampleShare, type Sequence } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import {
  hashString,
  type ShingleScratch,
  sampleShingles,
  shingleCharsInto,
  toSortedSet,
} from '../fingerprint/shingle.js';
import { filterCharSignatures, passesTermSignatures, SAMPLE_FILTER } from '../minhash/filter.js';
import { computeBandKeys } from '../minhash/lsh.js';
import { computeMinHash, estimateJaccard, type MinHashSignature } from '../minhash/minhash.js';
import { chooseLshParams } from '../minhash/params.js';
import { CONTAINMENT_SAMPLE, createSketchConfig, hashTokens } from '../minhash/sketch.js';
import {
  type CandidateCap,
  capPairsPerArticle,
  keepBestOfRow,
  MAX_CANDIDATES_PER_ARTICLE,
  type RankedPair,
} from './cap.js';
import { type BandRuns, bandRuns, groupByKey, type KeyRuns, runOf } from './runs.js';

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
  /** One character shingle in this many kept for the containment channel (0: no channel). Default `CONTAINMENT_SAMPLE`. */
  containmentSample?: number;
}

/**
 * Each band's buckets: each item's key per band written as it is inserted, then, sealed, the items
 * grouped by key in typed arrays (`bandRuns`, core/candidates/runs.ts: 12 bytes an item a band,
 * where a map of arrays took about 230), each bucket ascending as the items were inserted.
 */
class Buckets {
  private columns: Uint32Array[] = [];
  private runs: BandRuns[] = [];
  /** Bucket mates left unexamined (counted per band). */
  skipped = 0;

  constructor(
    private readonly bands: number,
    private readonly items: number,
  ) {}

  insert(item: number, keys: Uint32Array): void {
    if (keys.length !== this.bands) throw new RangeError(`expected ${this.bands} band keys, got ${keys.length}`);
    if (this.columns.length === 0) this.columns = Array.from({ length: this.bands }, () => new Uint32Array(this.items));
    keys.forEach((key, b) => {
      (this.columns[b] as Uint32Array)[item] = key;
    });
  }

  /** Groups the items inserted (every item 0…items−1) by their keys; the keys are let go. */
  seal(): void {
    this.runs = this.columns.map((keys) => bandRuns(keys));
    this.columns = [];
  }

  /** Marks the mates already taken for the current item (item + 1), so none is taken twice. */
  private stamp = new Int32Array(0);

  /** The later items sharing a bucket with `item`, each once, within the bounds (into `out`). */
  matesAfter(item: number, out: number[]): number[] {
    out.length = 0;
    if (this.stamp.length < this.items) this.stamp = new Int32Array(this.items);
    for (const run of this.runs) {
      const from = (run.place[item] as number) + 1;
      const stop = run.end[from - 1] as number;
      const end = Math.min(stop, from + BUCKET_WINDOW);
      let y = from;
      for (; y < end && out.length < MAX_BUCKET_MATES; y++) {
        const j = run.items[y] as number;
        if (this.stamp[j] === item + 1) continue;
        this.stamp[j] = item + 1;
        out.push(j);
      }
      this.skipped += stop - y;
    }
    return out;
  }
}

/**
 * Kept shingle → the articles holding it (ascending), for the containment channel. An article's
 * mates are the later articles sharing enough of its kept shingles (`passesSampleShare`, with
 * both samples' exact sizes), those sharing the most first: a
 * contained text shares many, a chance mate one (a line that recurs across pages fills short
 * lists too, so taking lists in order could spend the bound before reaching the true mate).
 * Sealed, the postings are typed arrays (`groupByKey`: 12 bytes a kept shingle, where a map of
 * arrays took about 60).
 */
class SampleBuckets {
  private readonly keys: Uint32Array[] = [];
  private postings: KeyRuns = groupByKey(new Uint32Array(0), new Uint32Array(0));
  /** Mates left unexamined past `MAX_BUCKET_MATES` (shingles held by too many articles are not counted: they are no evidence). */
  skipped = 0;
  private shared = new Int32Array(0);

  insert(item: number, keys: Uint32Array): void {
    this.keys[item] = keys;
  }

  /** The postings of every key inserted, each list ascending (items inserted in ascending order). */
  seal(): void {
    let total = 0;
    for (const keys of this.keys) total += keys?.length ?? 0;
    const all = new Uint32Array(total);
    const items = new Uint32Array(total);
    let at = 0;
    this.keys.forEach((keys, item) => {
      all.set(keys, at);
      items.fill(item, at, at + keys.length);
      at += keys.length;
    });
    this.postings = groupByKey(all, items, true);
  }

  matesAfter(item: number, out: number[]): number[] {
    out.length = 0;
    if (this.shared.length < this.keys.length) this.shared = new Int32Array(this.keys.length);
    const shared = this.shared;
    const { starts, items } = this.postings;
    // Only keys held by at most `maxPostings` articles are evidence; both samples are taken at that share (`sampleMates`).
    let counted = 0;
    for (const key of this.keys[item] ?? []) {
      const r = runOf(this.postings, key);
      const start = starts[r] as number;
      const stop = starts[r + 1] as number;
      if (stop - start > SAMPLE_FILTER.maxPostings) continue;
      counted++;
      for (let y = lowerBound(items, item + 1, start, stop); y < stop; y++) {
        const j = items[y] as number;
        if (shared[j] === 0) out.push(j);
        shared[j] = (shared[j] as number) + 1;
      }
    }
    const share = counted / Math.max(1, this.keys[item]?.length ?? 0);
    let kept = 0;
    for (const j of out) {
      const theirs = (this.keys[j]?.length ?? 0) * share;
      if (passesSampleShare(shared[j] as number, counted, theirs, SAMPLE_FILTER)) out[kept++] = j;
      else shared[j] = 0;
    }
    out.length = kept;
    out.sort((x, y) => (shared[y] as number) - (shared[x] as number) || x - y);
    for (const j of out) shared[j] = 0;
    if (out.length > MAX_BUCKET_MATES) {
      this.skipped += out.length - MAX_BUCKET_MATES;
      out.length = MAX_BUCKET_MATES;
    }
    return out;
  }
}

/** First index in `list[from…to)` (ascending) holding a value ≥ x (`to` when none). */
function lowerBound(list: Uint32Array, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  /** The containment channel (empty when the options turn it off). */
  sampleBuckets: SampleBuckets;
  /** For each article, the later articles with the same folded tokens (at most `BUCKET_WINDOW`). */
  sameAfter: Map<number, number[]>;
}

function sketchAll(
  fingerprints: Sequence<Fingerprint>,
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
    charBuckets: new Buckets(charParams.bands, fingerprints.length),
    termBuckets: new Buckets(base.terms.bands, fingerprints.length),
    sampleBuckets: new SampleBuckets(),
    sameAfter: new Map(),
  };
  const sampleOneIn = options.containmentSample ?? CONTAINMENT_SAMPLE;
  const byHash = new Map<string, number[]>();
  // Each article's set read here and let go: one buffer for all of them.
  const scratch: ShingleScratch = { buffer: new Uint32Array(1 << 14) };
  for (let i = 0; i < fingerprints.length; i++) {
    // One at a time: a large scan reads each back from its shelf (`Sequence`).
    const fp = fingerprints.at(i) as Fingerprint;
    const chars = shingleCharsInto(fp.article.tokens.join(' '), base.charShingle, scratch);
    const cs = computeMinHash(chars, { numPerm: charParams.numPerm, seed });
    out.chars.push(cs);
    out.charSizes.push(chars.length);
    out.charBuckets.insert(i, computeBandKeys(cs, charParams));
    if (sampleOneIn > 0) out.sampleBuckets.insert(i, sampleShingles(chars, sampleOneIn));
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
  }
  out.charBuckets.seal();
  out.termBuckets.seal();
  out.sampleBuckets.seal();
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
  // The containment channel: the same filter (its containment estimate is what such pairs pass by).
  for (const j of sigs.sampleBuckets.matesAfter(i, MATES)) {
    if (best.has(j)) continue;
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
  fingerprints: Sequence<Fingerprint>,
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
  const unexamined = sigs.charBuckets.skipped + sigs.termBuckets.skipped + sigs.sampleBuckets.skipped;
  const cap: CandidateCap = { perArticle: max, dropped, ...(unexamined > 0 ? { unexamined } : {}) };
  return { method: 'lsh', pairs: capped.pairs, ...(dropped + unexamined > 0 ? { cap } : {}) };
}
