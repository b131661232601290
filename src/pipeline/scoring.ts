/**
 * The score stage's loop: candidate pairs judged one by one, the linked ones kept in order and
 * only the closest unlinked ones kept (`NearestKeeper`). The scan runs it in its own thread, and
 * each scoring worker (workers/scoreWorker.ts) on its share of the pairs; either way a pair's
 * verdict is `judgePair`'s, and the shares joined in order are the whole loop's result.
 */
import { NextUseCache, planJudging } from '../core/candidates/order.js';
import { asFlatPairs, type PairList, pairCount } from '../core/candidates/pairList.js';
import {
  charShinglesBytesBound,
  charShinglesOf,
  type Fingerprint,
  withChars,
} from '../core/fingerprint/fingerprint.js';
import { judgePair } from '../core/relation/judge.js';
import { NearestKeeper } from '../core/relation/nearest.js';
import type { JudgedPair } from '../core/relation/stories.js';
import type { SparseVector } from '../core/similarity/cosine.js';
import type { TermVocabulary } from '../core/text/vocabulary.js';
import type { CrossProfile } from '../core/xling/profile.js';
import type { NormalizedArticle, Thresholds } from '../types/index.js';
import { readArticleBytes } from './shelvedArticle.js';

/** What judging needs of the corpus: one fingerprint and one TF-IDF vector per (group of) article(s). */
interface ScoringCorpus {
  vectors: readonly SparseVector[];
  thresholds: Thresholds;
  /**
   * Fingerprint k's cross-language profile, when the scan put the profiles on a shelf
   * (`ScanOptions.shelf`) and left `cross` off the fingerprints: read with the fingerprint each
   * time it is made for judging (`judgedFingerprint`).
   */
  profileOf?: (k: number) => CrossProfile | undefined;
}

/**
 * A fingerprint whose article is on a scan's shelf: what it holds of the article is its head; its
 * word shingles and sentence terms (`FingerprintWords`) are on the shelf too.
 */
export type HeldFingerprint = Omit<Fingerprint, 'article' | 'words' | 'sentenceTerms'> & { article: ArticleHead };

/** What of a fingerprint a scan that shelves its articles puts on the shelf beside them. */
export type FingerprintWords = Pick<Fingerprint, 'words' | 'sentenceTerms'>;

/** What a stage reads of an article without reading it back from a shelf. */
export type ArticleHead = Pick<NormalizedArticle, 'id' | 'lang' | 'title' | 'date' | 'actions'>;

/** The articles of fingerprints a scan holds without them (`HeldFingerprint`), read back from its shelf. */
export interface ShelvedArticles {
  /** Fingerprint k's article, read back. */
  articleOf(k: number): NormalizedArticle;
  /** Fingerprint k's word shingles and sentence terms, read back. */
  wordsOf(k: number): FingerprintWords;
  /** The vocabulary every fingerprint's sentence terms are numbered in, when they share one. */
  vocabulary: TermVocabulary | undefined;
  /** Fingerprint k's `charShinglesBytesBound`, kept when its article was shelved. */
  shinglesBound(k: number): number;
}

/**
 * The fingerprints whole, or (a scan that put its normalized articles on a shelf) without their
 * articles, read back by `shelved` each time a fingerprint is made for judging.
 */
export type ScoringFingerprints =
  | { fps: readonly Fingerprint[]; shelved?: undefined }
  | { fps: readonly HeldFingerprint[]; shelved: ShelvedArticles };

export type ScoringInput = ScoringCorpus & ScoringFingerprints;

/** A `ScoringInput` whose fingerprints are whole (nothing shelved). */
export type HeldScoringInput = ScoringCorpus & { fps: readonly Fingerprint[]; shelved?: undefined };

/** Fingerprint k whole: its article read back when the scan shelved it; no character shingles made. */
export function wholeFingerprint(input: ScoringFingerprints, k: number): Fingerprint {
  if (input.shelved === undefined) return input.fps[k] as Fingerprint;
  return { ...(input.fps[k] as HeldFingerprint), article: input.shelved.articleOf(k), ...input.shelved.wordsOf(k) };
}

/**
 * Fingerprint k as a pair is judged with it: its article and profile read back when they were
 * shelved (`ScoringInput.shelved`, `ScoringInput.profileOf`), its character shingles made (`withChars`).
 */
export function judgedFingerprint(input: ScoringInput, k: number): Fingerprint {
  const fp = wholeFingerprint(input, k);
  const profile = input.profileOf?.(k);
  return withChars(profile ? { ...fp, cross: profile } : fp);
}

/**
 * `input` with every fingerprint whole (articles and profiles read back) and nothing shelved:
 * what a worker is sent when it gets a whole copy (a function cannot be posted).
 */
export function withProfiles(input: ScoringInput): ScoringInput {
  if (!input.profileOf && !input.shelved) return input;
  const { vectors, thresholds } = input;
  return {
    vectors,
    thresholds,
    fps: input.fps.map((_, k) => {
      const fp = wholeFingerprint(input, k);
      const profile = input.profileOf?.(k);
      return profile ? { ...fp, cross: profile } : fp;
    }),
  };
}

export interface Judged {
  /** The pairs judged related, in the order they were given. */
  linked: JudgedPair[];
  /** The closest unrelated pairs (at least `NEAREST_COUNT` of them when there are that many). */
  nearest: NearestKeeper;
}

/**
 * The scan's fingerprints leave out their character shingles (`fingerprintArticle`'s `chars`):
 * when the stage is shared with workers (`judgeSlice`, workers/scorePool.ts), each is made the first
 * time one of its pairs is judged in a thread and kept until the input is let go of, at the end of
 * the stage; `judgeAll` keeps them within a budget instead. An article is in 26 pairs on the bench's 10,000-article
 * corpus: made for each pair instead, that scan's score stage took about twice as long.
 */
const withShingles = new WeakMap<ScoringInput, Array<Fingerprint | undefined>>();

function scored(input: ScoringInput): (k: number) => Fingerprint {
  let made = withShingles.get(input);
  if (!made) {
    made = [];
    withShingles.set(input, made);
  }
  const list = made;
  return (k) => {
    let fp = list[k];
    if (fp === undefined) {
      fp = judgedFingerprint(input, k);
      list[k] = fp;
    }
    return fp;
  };
}

/**
 * Judge the flat pairs (`i, j, i, j, …`) into `into` (linked appended in order, unrelated offered
 * to its keeper), each article's fingerprint (with its character shingles) and vector read by
 * `fingerprintOf` and `vectorOf`; `onLinked` gets each linked pair's place in `flat`.
 */
export function judgeFlat(
  flat: Uint32Array,
  fingerprintOf: (k: number) => Fingerprint,
  vectorOf: (k: number) => SparseVector,
  thresholds: ScoringInput['thresholds'],
  into: Judged,
  onLinked?: (place: number) => void,
  onJudged?: () => void,
): Judged {
  for (let k = 0; k < flat.length; k += 2) {
    const i = flat[k] as number;
    const j = flat[k + 1] as number;
    const result = judgePair(fingerprintOf(i), fingerprintOf(j), vectorOf(i), vectorOf(j), thresholds);
    if (result.relation === 'unrelated') into.nearest.offer({ i, j, result });
    else {
      into.linked.push({ i, j, result });
      onLinked?.(k / 2);
    }
    onJudged?.();
  }
  return into;
}

/** Judge the flat pairs of `input`'s articles into `into` (`judgeFlat`). */
export function judgeSlice(input: ScoringInput, flat: Uint32Array, into: Judged, onJudged?: () => void): Judged {
  const { vectors, thresholds } = input;
  return judgeFlat(flat, scored(input), (k) => vectors[k] as SparseVector, thresholds, into, undefined, onJudged);
}

export function emptyJudged(): Judged {
  return { linked: [], nearest: new NearestKeeper() };
}

/**
 * Where the budget of character shingles `judgeAll` keeps between an article's pairs starts: 64 MiB, about
 * 6,500 articles of the bench's corpus (10.3 KB each). On its first 30,000 articles (843,085
 * pairs of 29,270 articles), 46,089 shingle sets were made (each article 1.6 times) where keeping
 * them all made 29,270 and held 204 MiB at most in `judgingOrder`; the stage took no longer (132
 * against 137 s, one process); in the candidates' own order every set was kept to the stage's end.
 * A make is about half a pair's judging (made for each pair, the stage took twice as long).
 */
export const SHINGLE_CACHE_BYTES = 64 * 2 ** 20;

/**
 * Shingle sets made again, past which the cache's budget doubles: more than
 * `SHINGLE_REMAKE_SHARE` a pair judged, counted since the budget last changed, plus as many as the
 * cache holds (at least `SHINGLE_REMAKE_SLACK`: the sets let go just before a doubling are made
 * again just after it, which without that allowance doubled the budget again and again). A make is
 * about half a pair's judging (made for each pair, the stage took twice as long), so remakes cost
 * at most about an eighth of the stage's time before the budget grows. A fixed budget bounds
 * memory but not time: on the bench's 100,000 articles, whose candidate graph is one component
 * where no order keeps an article's pairs close, a fixed 64 MiB had the score stage run 1,538 s
 * when it was stopped, against 842 s keeping every set. The rule counted remakes per article
 * before (more than 2 for each article met): on those 100,000 articles it fired first at 3.1 makes
 * an article and doubled the budget five times, to 6,720 MiB (1,680 held at most; RSS 3,548 MiB
 * through the stages before, 5,760 in the score stage). With this rule the budget did not grow
 * there (232 MiB held at most; the scan's thread made 668,956 sets against 384,330; score stage
 * 2,534 MiB, the report the same). Replayed on the pairs of the bench's first 30,000 articles (748,265
 * pairs, 25.6 an article; a private script) from a budget of 4 MiB: 4.15 makes an article and 618
 * MiB held at most counting per article, 5.95 and 211 MiB counting per pair (a quarter), 13.8 and
 * 26 MiB at a half.
 */
export const SHINGLE_REMAKE_SHARE = 0.25;
export const SHINGLE_REMAKE_SLACK = 64;

/** Watches the makes of `cache` as pairs are judged, doubling its budget by `SHINGLE_REMAKE_SHARE`. */
function shingleGrowth(count: number, cache: NextUseCache<Fingerprint>): (i: number, j: number) => void {
  const met = new Uint8Array(count);
  let firsts = 0;
  let madeAt = 0;
  let firstsAt = 0;
  let judged = 0;
  let judgedAt = 0;
  return (i, j) => {
    judged++;
    if (met[i] === 0) {
      met[i] = 1;
      firsts++;
    }
    if (met[j] === 0) {
      met[j] = 1;
      firsts++;
    }
    const remade = cache.made - madeAt - (firsts - firstsAt);
    if (remade > SHINGLE_REMAKE_SHARE * (judged - judgedAt) + Math.max(SHINGLE_REMAKE_SLACK, cache.count)) {
      cache.grow(2 * Math.max(cache.limit, 2 ** 20));
      madeAt = cache.made;
      firstsAt = firsts;
      judgedAt = judged;
    }
  };
}

/** How `judgeAll` keeps the character shingles, and what it tells of them at the end. */
export interface ShingleCacheOptions {
  /** Default `SHINGLE_CACHE_BYTES`: where the budget starts. */
  cacheBytes?: number;
  /** Keep the budget where it starts (default: it doubles by `SHINGLE_REMAKE_SHARE`). */
  fixed?: boolean;
  /** Shingle sets made (at least one per article in a pair) and the most bytes kept at once. */
  onShingles?: (stats: { made: number; peakBytes: number; limitBytes: number }) => void;
}

/** Articles `shingleCapacity` makes the shingles of, evenly spaced, to scale the bound by. */
export const SHINGLE_SAMPLE = 64;

/**
 * Articles whose character shingles a budget of `bytes` holds, on average: what `orderedJudging`
 * plans its order for (`planJudging`). Every article's bound (`charShinglesBytesBound`, read from
 * its tokens), scaled by what the shingles of `SHINGLE_SAMPLE` articles evenly spaced take against
 * theirs (all of them in a smaller corpus): a news text repeats many 7-character windows (the
 * seeds' shingles take 69 % of their bound), so the bound alone would plan blocks too small.
 */
export function shingleCapacity(fps: readonly Fingerprint[], bytes: number): number {
  return capacityOf(
    fps.length,
    (k) => charShinglesBytesBound((fps[k] as Fingerprint).article),
    (k) => charShinglesOf(fps[k] as Fingerprint).byteLength,
    bytes,
  );
}

/**
 * Where the cache of `input` starts from a budget of `bytes` of character shingles: the articles it
 * holds (`capacity`, as `shingleCapacity` counts them) and its budget. With the fingerprints
 * whole, `bytes`. With their articles shelved, each made fingerprint holds its article read back
 * too (`madeBytes`): the budget is what `capacity` of them hold, so that the cache keeps as many
 * as before. Counted at `bytes` instead, it kept a third as many, and the score stage of the first
 * 10,000 bench articles made 27,059 shingle sets (2.8 an article) against 11,449, and took 80
 * against 46 s for no lower peak (1,181 and 1,190 MiB; the command beside a 100,000-article scan).
 */
function cacheStart(input: ScoringInput, bytes: number): { capacity: number; bytes: number } {
  const { shelved } = input;
  if (shelved === undefined) return { capacity: shingleCapacity(input.fps, bytes), bytes };
  const count = input.fps.length;
  let shingleBytes = 0;
  let heldBytes = 0;
  const heldBy = madeBytes(true);
  const made = (k: number): number => {
    const fp = withChars(wholeFingerprint(input, k));
    const chars = fp.chars?.byteLength ?? 0;
    shingleBytes += chars;
    heldBytes += heldBy(fp);
    return chars;
  };
  const capacity = capacityOf(count, (k) => shelved.shinglesBound(k), made, bytes);
  return { capacity, bytes: shingleBytes > 0 ? Math.round((bytes * heldBytes) / shingleBytes) : bytes };
}

/**
 * What the cache counts of a made fingerprint: its shingles, and its article, word shingles and
 * sentence terms when they were read back for it.
 */
function madeBytes(shelved: boolean): (fp: Fingerprint) => number {
  return shelved
    ? (fp) =>
        (fp.chars?.byteLength ?? 0) +
        readArticleBytes(fp.article) +
        fp.words.byteLength +
        fp.sentenceTerms.ids.byteLength +
        fp.sentenceTerms.offsets.byteLength
    : (fp) => fp.chars?.byteLength ?? 0;
}

/**
 * Articles a budget of `bytes` holds, on average: every article's bound (`boundOf`), scaled by
 * what `SHINGLE_SAMPLE` articles evenly spaced take (`takenBy`) against theirs.
 */
function capacityOf(count: number, boundOf: (k: number) => number, takenBy: (k: number) => number, bytes: number) {
  if (count === 0) return 1;
  let bound = 0;
  for (let k = 0; k < count; k++) bound += boundOf(k);
  const step = Math.max(1, Math.floor(count / SHINGLE_SAMPLE));
  let sampledBound = 0;
  let sampled = 0;
  for (let k = 0; k < count; k += step) {
    sampledBound += boundOf(k);
    sampled += takenBy(k);
  }
  const mean = ((bound / count) * sampled) / sampledBound;
  return Math.max(1, Math.floor(bytes / Math.max(mean, 1)));
}

/** Which way `orderedJudging`'s stretches are walked. */
export interface JudgingWalk {
  /**
   * The stretches judged here are taken from the last back, each from its last pair to its first
   * (a streamed stage's thread, workers/scorePool.ts); the shingle cache plans by that walk
   * (default: from the first on).
   */
  backward?: boolean;
}

/**
 * The pairs in the order `planJudging` chooses for the cache's starting budget (in one block or in
 * blocks of what it holds, core/candidates/order.ts), judged a stretch at a time: `order[at]`
 * is the pair judged at place `at`. Stretches judged here read the articles' character shingles
 * from a cache kept within a budget (`NextUseCache`; from `cacheBytes`, doubled by
 * `SHINGLE_REMAKE_SHARE`); stretches judged elsewhere (a scoring worker's) hand their results in with
 * `take` and `offer`. `finish` gives the linked pairs in the order the pairs were given (the
 * unrelated ones are kept by closeness, whatever the order).
 */
export function orderedJudging(
  input: ScoringInput,
  list: PairList,
  {
    cacheBytes = SHINGLE_CACHE_BYTES,
    fixed = false,
    onShingles,
    backward = false,
  }: ShingleCacheOptions & JudgingWalk = {},
): {
  order: Uint32Array;
  judge: (from: number, to: number, onJudged?: (at: number) => void) => void;
  take: (at: number, pair: JudgedPair) => void;
  offer: (pair: JudgedPair) => void;
  finish: () => Judged;
} {
  const { fps, vectors, thresholds } = input;
  // Flat (`PairList`): a scan's own list is already; a list of arrays is copied once.
  const pairs = asFlatPairs(list);
  const start = cacheStart(input, cacheBytes);
  const { order, nextUse } = planJudging(fps.length, pairs, start.capacity);
  // Walked backward, an article's next use is its place before this one, counted from the end.
  const plan = backward ? backwardUses(order, pairs, fps.length) : nextUse;
  const shingles = new NextUseCache<Fingerprint>(start.bytes, madeBytes(input.shelved !== undefined));
  const growth = fixed ? () => undefined : shingleGrowth(fps.length, shingles);
  const linkedAt: number[] = [];
  const linked: JudgedPair[] = [];
  const nearest = new NearestKeeper();
  const take = (at: number, pair: JudgedPair): void => {
    linkedAt.push(order[at] as number);
    linked.push(pair);
  };
  return {
    order,
    judge: (from, to, onJudged) => {
      for (let n = from; n < to; n++) {
        const at = backward ? from + to - 1 - n : n;
        const i = pairs[2 * (order[at] as number)] as number;
        const j = pairs[2 * (order[at] as number) + 1] as number;
        const a = shingles.use(i, plan[2 * at] as number, () => judgedFingerprint(input, i));
        const b = shingles.use(j, plan[2 * at + 1] as number, () => judgedFingerprint(input, j));
        growth(i, j);
        const result = judgePair(a, b, vectors[i] as SparseVector, vectors[j] as SparseVector, thresholds);
        if (result.relation === 'unrelated') nearest.offer({ i, j, result });
        else take(at, { i, j, result });
        onJudged?.(at);
      }
    },
    take,
    offer: (pair) => nearest.offer(pair),
    finish: () => {
      onShingles?.({ made: shingles.made, peakBytes: shingles.peak, limitBytes: shingles.limit });
      const inOrder = linkedAt.map((_, n) => n).sort((x, y) => (linkedAt[x] as number) - (linkedAt[y] as number));
      return { linked: inOrder.map((n) => linked[n] as JudgedPair), nearest };
    },
  };
}

/**
 * For a walk of `order` from its last place to its first: each place's two articles' next uses in
 * that walk (the place before it that reads the same article, as `total − 1 − place`; −1: none),
 * laid out as `judgingOrder`'s `nextUse`.
 */
export function backwardUses(order: Uint32Array, list: PairList, articles: number): Int32Array {
  const pairs = asFlatPairs(list);
  const total = order.length;
  const uses = new Int32Array(2 * total);
  const lastAt = new Int32Array(articles).fill(-1);
  for (let at = 0; at < total; at++) {
    const i = pairs[2 * (order[at] as number)] as number;
    const j = pairs[2 * (order[at] as number) + 1] as number;
    const pi = lastAt[i] as number;
    const pj = lastAt[j] as number;
    uses[2 * at] = pi < 0 ? -1 : total - 1 - pi;
    uses[2 * at + 1] = pj < 0 ? -1 : total - 1 - pj;
    lastAt[i] = at;
    lastAt[j] = at;
  }
  return uses;
}

/**
 * Every candidate pair judged in this thread (`orderedJudging`, every stretch here); `onProgress`
 * gets the pairs judged so far.
 */
export function judgeAll(
  input: ScoringInput,
  pairs: PairList,
  onProgress?: (done: number, total: number) => void,
  options: ShingleCacheOptions = {},
): Judged {
  const run = orderedJudging(input, pairs, options);
  const total = pairCount(pairs);
  run.judge(0, total, onProgress ? (at) => onProgress(at + 1, total) : undefined);
  return run.finish();
}

/**
 * Judges the candidate pairs of a scan, in its thread or spread over workers
 * (`judgeInWorkers`); `onProgress` gets the pairs judged so far.
 */
export type PairJudge = (
  input: ScoringInput,
  pairs: PairList,
  onProgress?: (done: number, total: number) => void,
) => Promise<Judged>;
