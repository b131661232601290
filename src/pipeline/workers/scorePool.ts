/**
 * The score stage on several cores: the scan's thread and `workers` scoring workers
 * (scoreWorker.ts) take shares of the candidate pairs as each finishes its last one; the shares'
 * results are joined in pair order, so the linked pairs, their order and the closest unrelated
 * pairs are exactly those of one thread.
 *
 * Up to `DEFAULT_WORKER_FINGERPRINTS` fingerprints (`copyUpTo`), each worker holds its own copy of
 * the corpus's fingerprints and vectors (sent once, by structured clone: about 0.2 MB of peak RSS
 * a fingerprint) for as long as the stage lasts, and the shares are `SHARE_PAIRS` pairs in the
 * candidates' order (`judgeShared`). Above it the shares are streamed (`judgeStreamed`): the pairs
 * in `judgingOrder`, a worker taking shares from the first on, sent with each share the articles
 * it reads and does not hold (at most `STREAM_HELD` kept between shares), the scan's thread from
 * the last back with its shingle cache. A corpus with few pairs per article is judged in its
 * thread: the copy would cost more than it saves (`worthWorkers`).
 */
import type { Worker } from 'node:worker_threads';
import { asFlatPairs, flatPairs, type PairList, pairCount } from '../../core/candidates/pairList.js';
import type { Fingerprint } from '../../core/fingerprint/fingerprint.js';
import type { JudgedPair } from '../../core/relation/stories.js';
import type { SparseVector } from '../../core/similarity/cosine.js';
import type { TermVocabulary } from '../../core/text/vocabulary.js';
import type { CrossProfile } from '../../core/xling/profile.js';
import {
  emptyJudged,
  type Judged,
  judgeAll,
  judgeSlice,
  orderedJudging,
  type PairJudge,
  type ScoringInput,
  wholeFingerprint,
  withProfiles,
} from '../scoring.js';
import { own, portableArticle, portableVector } from './portable.js';
import { shareOut } from './shares.js';
import { spawnWorker } from './spawn.js';

/**
 * Pairs in one share: about a quarter of a second of judging (0.26 ms a pair on the bench's
 * 10,000-article corpus), so the thread yields often enough to keep the workers fed and shares
 * end close together.
 */
export const SHARE_PAIRS = 1000;

/**
 * Whether workers pay: copying a fingerprint to a worker costs the scan's thread about 0.18 ms and
 * judging a pair about 0.26 ms, half of which a worker takes over; below two pairs per fingerprint
 * (or 5,000 pairs in all, where starting a worker is a noticeable share) the copy would cost more
 * than it saves. Measured on the bench's 10,000-article corpus (26 pairs per fingerprint).
 */
export function worthWorkers(pairs: number, fingerprints: number): boolean {
  return pairs >= 5000 && pairs >= 2 * fingerprints;
}

interface ShareReply {
  id: number;
  linked?: JudgedPair[];
  /** Streamed shares: each linked pair's place in the share. */
  linkedAt?: number[];
  nearest?: JudgedPair[];
  error?: string;
}

/**
 * Fingerprints up to which a scoring worker is sent the whole corpus once (`copyUpTo`); above it
 * its shares are streamed. A worker's copy of the corpus raised the scan's peak RSS by about 0.2
 * MB a fingerprint (2,000 articles: 1.21 → 1.64 GB; 10,000: 3.20 → 5.01 GB) while it cut the
 * score stage by a third or more (19.0 → 12.3 s; 70.1 → 53.3 s): up to 5,000 fingerprints the
 * copy stays under about 1 GB. Set by those two measurements on this project's 2-core machine
 * (README "Scan on two cores"); the gain shrinks as the corpus grows (×1.55 at 2,000, ×1.32 at
 * 10,000), the copy does not. Streamed at 10,000 bench articles (whole scans, `--workers 1`): the
 * score stage 24.0–29.5 s against 35.2 s with the whole copy, peak RSS 1,914–1,951 against 2,473
 * MiB; in the thread 35.6–38.3 s, 1,407 MiB. Where streaming starts was not moved: below 5,000 the
 * copy is under 1 GB and sends nothing per share.
 */
export const DEFAULT_WORKER_FINGERPRINTS = 5000;

export interface WorkerJudgeOptions {
  /** Use the workers whatever the corpus (tests); default: only when `worthWorkers`. */
  always?: boolean;
  /** Use them only up to this many fingerprints (default: no limit). */
  maxFingerprints?: number;
  /** Pairs in a share (default `SHARE_PAIRS`; `STREAM_SHARE_PAIRS` when streamed). */
  sharePairs?: number;
  /**
   * Fingerprints up to which each worker is sent the whole corpus once (default
   * `DEFAULT_WORKER_FINGERPRINTS`); above it the shares are streamed (`judgeStreamed`).
   */
  copyUpTo?: number;
}

/** Whether a stage of `pairs` pairs over `fingerprints` fingerprints is shared with `workers` workers. */
export function usesWorkers(
  workers: number,
  pairs: number,
  fingerprints: number,
  options: WorkerJudgeOptions = {},
): boolean {
  if (workers < 1 || pairs === 0) return false;
  if (options.always) return true;
  return worthWorkers(pairs, fingerprints) && fingerprints <= (options.maxFingerprints ?? Number.POSITIVE_INFINITY);
}

/** A `PairJudge` that spreads large stages over `workers` worker threads besides the caller's. */
export function judgeInWorkers(workers: number, options: WorkerJudgeOptions = {}): PairJudge {
  const sharePairs = options.sharePairs ?? SHARE_PAIRS;
  if (!Number.isInteger(sharePairs) || sharePairs < 1)
    throw new RangeError(`sharePairs must be a whole number ≥ 1, got ${String(sharePairs)}`);
  const copyUpTo = options.copyUpTo ?? DEFAULT_WORKER_FINGERPRINTS;
  return async (input, pairs, onProgress) => {
    if (!usesWorkers(workers, pairCount(pairs), input.fps.length, options)) return judgeAll(input, pairs, onProgress);
    const whole = input.fps.length <= copyUpTo;
    // Streamed shares leave the vocabulary behind (`portableFingerprint`): only when there is one.
    if (!whole && !commonVocabulary(input)) return judgeAll(input, pairs, onProgress);
    const threads = Array.from({ length: workers }, () => spawnWorker('scoreWorker'));
    try {
      return whole
        ? await judgeShared({ threads, input, pairs, share: sharePairs, onProgress })
        : await judgeStreamed({
            threads,
            input,
            pairs,
            share: options.sharePairs ?? STREAM_SHARE_PAIRS,
            onProgress,
          });
    } finally {
      await Promise.all(threads.map((w) => w.terminate()));
    }
  };
}

/**
 * Pairs in a streamed share: each share is sent the articles it reads that its worker does not
 * hold, so a share should be long enough that consecutive pairs (in `judgingOrder`) share their
 * articles. On the bench's first 30,000 articles (843,085 pairs) a stretch of 2,000 pairs reads
 * 833 distinct articles (0.42 a pair; 0.68 at 500, 0.31 at 4,000), of which 0.14 a pair were not
 * read by the two stretches before it (a private script over the dumped pairs).
 */
export const STREAM_SHARE_PAIRS = 2000;

/**
 * Articles a streaming worker holds between its shares (besides those of the share it judges):
 * about 45 KB each with their character shingles, so about 180 MB. Replayed on the pairs of the
 * bench's first 30,000 articles (a private script over the dumped pairs, shares of 2,000 pairs),
 * a worker walking `judgingOrder` from the first share on was sent 0.038 articles a pair over
 * its first half holding 2,000 or 4,000, and over the whole walk 0.084 holding 2,000, 0.065
 * holding 4,000, 0.051 holding 8,000. In a whole 30,000-article scan (`--workers 1`) the worker
 * took 340 of 375 shares and was sent 0.14 a pair (93,394 articles; README "Scan on two cores").
 */
export const STREAM_HELD = 4000;

/**
 * Which shares read each article: the shares' distinct articles, and for each article the shares
 * that read it in ascending order (flat lists), made once for a stage.
 */
export class ShareReads {
  private readonly articlesFrom: Int32Array;
  private readonly articles: Int32Array;
  private readonly sharesFrom: Int32Array;
  private readonly shares: Int32Array;

  /** `readsOf(s)`: share s's articles (each once), for s in 0..count-1; `articles`: how many articles there are. */
  constructor(count: number, articleCount: number, readsOf: (s: number) => readonly number[]) {
    const lists = Array.from({ length: count }, (_, s) => readsOf(s));
    this.articlesFrom = new Int32Array(count + 1);
    lists.forEach((l, s) => {
      this.articlesFrom[s + 1] = (this.articlesFrom[s] as number) + l.length;
    });
    this.articles = new Int32Array(this.articlesFrom[count] as number);
    const uses = new Int32Array(articleCount + 1);
    lists.forEach((l, s) => {
      this.articles.set(l, this.articlesFrom[s] as number);
      for (const g of l) uses[g + 1] = (uses[g + 1] as number) + 1;
    });
    for (let g = 0; g < articleCount; g++) uses[g + 1] = (uses[g + 1] as number) + (uses[g] as number);
    this.sharesFrom = uses.slice();
    this.shares = new Int32Array(this.articles.length);
    // Shares in ascending order: each article's list filled share by share.
    lists.forEach((l, s) => {
      for (const g of l) {
        const at = uses[g] as number;
        this.shares[at] = s;
        uses[g] = at + 1;
      }
    });
  }

  /** Share s's articles. */
  of(s: number): Int32Array {
    return this.articles.subarray(this.articlesFrom[s], this.articlesFrom[s + 1]);
  }

  /** The first share after `s` that reads article g, or Infinity when none does. */
  firstAfter(g: number, s: number): number {
    let lo = this.sharesFrom[g] as number;
    let hi = this.sharesFrom[g + 1] as number;
    const end = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.shares[mid] as number) <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo < end ? (this.shares[lo] as number) : Number.POSITIVE_INFINITY;
  }
}

/**
 * What a streaming worker holds, kept in step with it by the scan's thread, for a worker that
 * takes the shares in ascending order (`shareOut`'s `'ends'`: the workers from the first on):
 * each share's articles are held while it is judged; past `capacity`, those whose next share (the
 * first after this one that reads them) comes latest are let go of first (Belady's rule, the walk
 * being known; one that no later share reads, first of all). The worker applies the same lists
 * in the same order. With several workers each skips the shares the others take, so the rule
 * only approximates theirs; the scan streams to one.
 */
export class WorkerHoldings {
  private readonly held = new Set<number>();
  constructor(
    private readonly reads: ShareReads,
    private readonly capacity = STREAM_HELD,
  ) {}

  /** For share `s`: the articles to let go of first, then those to send. */
  next(s: number): { drop: number[]; send: number[] } {
    const reads = this.reads.of(s);
    const send: number[] = [];
    for (const g of reads) {
      if (this.held.has(g)) continue;
      this.held.add(g);
      send.push(g);
    }
    const drop: number[] = [];
    const over = this.held.size - Math.max(this.capacity, reads.length);
    if (over > 0) {
      const now = new Set(reads);
      const others = [...this.held]
        .filter((g) => !now.has(g))
        .map((g) => ({ g, next: this.reads.firstAfter(g, s) }))
        .sort((x, y) => (x.next === y.next ? x.g - y.g : x.next > y.next ? -1 : 1));
      for (const { g } of others.slice(0, over)) {
        this.held.delete(g);
        drop.push(g);
      }
    }
    return { drop, send };
  }

  /** Articles held now. */
  get size(): number {
    return this.held.size;
  }
}

/**
 * The vocabulary every fingerprint's sentence terms are numbered in, or undefined when they differ
 * (the store that shelved them knows).
 */
function commonVocabulary(input: ScoringInput): TermVocabulary | undefined {
  if (input.shelved) return input.shelved.vocabulary;
  const { fps } = input;
  const first = fps[0]?.sentenceTerms.vocabulary;
  return first && fps.every((fp) => fp.sentenceTerms.vocabulary === first) ? first : undefined;
}

/** An empty vocabulary sent in place of the shared one, which the worker puts back (its own copy). */
const SHARED_VOCABULARY: TermVocabulary = { ids: new Map(), terms: [] };

/**
 * A fingerprint as a streamed share sends it: its typed arrays out of any slab, its sentence
 * terms' vocabulary (the corpus's, the same for all: only compared by identity when judging)
 * left behind, and no character shingles (the worker makes them).
 */
export function portableFingerprint(fp: Fingerprint, profile: CrossProfile | undefined = fp.cross): Fingerprint {
  const { chars: _chars, ...rest } = fp;
  return {
    ...rest,
    ...(profile ? { cross: profile } : {}),
    article: portableArticle(fp.article),
    words: own(fp.words),
    sentenceTerms: {
      vocabulary: SHARED_VOCABULARY,
      ids: own(fp.sentenceTerms.ids),
      offsets: own(fp.sentenceTerms.offsets),
    },
  };
}

/** A score stage shared by the scan's thread and `threads`, in shares of `share` pairs. */
interface WorkerStage {
  threads: readonly Worker[];
  input: ScoringInput;
  pairs: PairList;
  share: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * The score stage with workers that hold only what their shares read: the pairs in
 * `judgingOrder` (`orderedJudging`) cut into shares of `share` consecutive pairs; a worker's
 * share carries the fingerprints and vectors it reads that the worker does not hold
 * (`WorkerHoldings`); the scan's thread judges its own shares, from the last back, from its
 * shingle cache (`orderedJudging`'s backward walk). The same result as `judgeAll`.
 */
async function judgeStreamed({ threads, input, pairs: list, share, onProgress }: WorkerStage): Promise<Judged> {
  const pairs = asFlatPairs(list);
  const run = orderedJudging(input, pairs, { backward: true });
  const { order } = run;
  const total = order.length;
  const shares = Math.ceil(total / share);
  const from = (id: number): number => id * share;
  const to = (id: number): number => Math.min(total, (id + 1) * share);
  const reads = new ShareReads(shares, input.fps.length, (id) => {
    const seen = new Set<number>();
    for (let at = from(id); at < to(id); at++) {
      seen.add(pairs[2 * (order[at] as number)] as number);
      seen.add(pairs[2 * (order[at] as number) + 1] as number);
    }
    return [...seen];
  });
  const holdings = threads.map(() => new WorkerHoldings(reads));
  let done = 0;
  const completed = (id: number): void => {
    done += to(id) - from(id);
    onProgress?.(done, total);
  };
  // The corpus's idf table, posted once: each share's vectors go without it.
  const idf = input.vectors[0]?.idf ?? new Float64Array(0);
  for (const w of threads) w.postMessage({ type: 'stream', thresholds: input.thresholds, idf });
  await shareOut<ShareReply>(threads, {
    count: shares,
    message: (id, worker) => {
      const flat = new Uint32Array(2 * (to(id) - from(id)));
      for (let at = from(id); at < to(id); at++) {
        flat[2 * (at - from(id))] = pairs[2 * (order[at] as number)] as number;
        flat[2 * (at - from(id)) + 1] = pairs[2 * (order[at] as number) + 1] as number;
      }
      const { drop, send } = (holdings[worker] as WorkerHoldings).next(id);
      const articles = send.map((g) => ({
        g,
        fp: portableFingerprint(wholeFingerprint(input, g), input.profileOf?.(g)),
        vector: portableVector(input.vectors[g] as SparseVector, idf),
      }));
      return {
        value: { type: 'stream-share', id, drop, articles, pairs: flat },
        transfer: [flat.buffer as ArrayBuffer],
      };
    },
    reply: (msg) => {
      if (msg.error !== undefined) return new Error(msg.error);
      const linkedAt = msg.linkedAt ?? [];
      (msg.linked ?? []).forEach((p, n) => {
        run.take(from(msg.id) + (linkedAt[n] as number), p);
      });
      for (const p of msg.nearest ?? []) run.offer(p);
      completed(msg.id);
      return undefined;
    },
    here: (id) => {
      run.judge(from(id), to(id));
      completed(id);
    },
    stopped: (code) => new Error(`a scoring worker stopped (exit code ${code}) before the stage ended`),
    from: 'ends',
  });
  return run.finish();
}

async function judgeShared({ threads, input, pairs, share, onProgress }: WorkerStage): Promise<Judged> {
  const total = pairCount(pairs);
  const shares = Math.ceil(total / share);
  const results: Array<{ linked: JudgedPair[]; nearest: JudgedPair[] } | undefined> = new Array(shares);
  let done = 0;
  const sizeOf = (id: number): number => Math.min(total, (id + 1) * share) - id * share;
  // A new array each (`flatPairs`): a worker's is transferred to it.
  const slice = (id: number): Uint32Array => flatPairs(pairs, id * share, id * share + sizeOf(id));
  const completed = (id: number): void => {
    done += sizeOf(id);
    onProgress?.(done, total);
  };
  for (const w of threads) w.postMessage({ type: 'init', input: withProfiles(input) });
  await shareOut<ShareReply>(threads, {
    count: shares,
    message: (id) => {
      const flat = slice(id);
      return { value: { type: 'share', id, pairs: flat }, transfer: [flat.buffer as ArrayBuffer] };
    },
    reply: (msg) => {
      if (msg.error !== undefined) return new Error(msg.error);
      results[msg.id] = { linked: msg.linked ?? [], nearest: msg.nearest ?? [] };
      completed(msg.id);
      return undefined;
    },
    here: (id) => {
      const judged = judgeSlice(input, slice(id), emptyJudged());
      results[id] = { linked: judged.linked, nearest: judged.nearest.list() };
      completed(id);
    },
    stopped: (code) => new Error(`a scoring worker stopped (exit code ${code}) before the stage ended`),
  });
  const out = emptyJudged();
  for (const r of results as Array<{ linked: JudgedPair[]; nearest: JudgedPair[] }>) {
    for (const p of r.linked) out.linked.push(p);
    for (const p of r.nearest) out.nearest.offer(p);
  }
  return out;
}
