/**
 * The score stage on several cores: the scan's thread and `workers` scoring workers
 * (scoreWorker.ts) take shares of the candidate pairs, `SHARE_PAIRS` at a time, as each finishes
 * its last one; the shares' results are joined in pair order, so the linked pairs, their order
 * and the closest unrelated pairs are exactly those of one thread.
 *
 * Each worker holds its own copy of the corpus's fingerprints and vectors (sent once, by
 * structured clone: about 0.2 MB of peak RSS a fingerprint, see `DEFAULT_WORKER_FINGERPRINTS`),
 * for as long as the stage lasts; the workers end with it. A corpus with few pairs per article is judged in its thread:
 * the copy would cost more than it saves (`worthWorkers`).
 */
import type { Worker } from 'node:worker_threads';
import type { JudgedPair } from '../../core/relation/stories.js';
import {
  emptyJudged,
  flattenPairs,
  type Judged,
  judgeAll,
  judgeSlice,
  type PairJudge,
  type ScoringInput,
} from '../scoring.js';
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
  nearest?: JudgedPair[];
  error?: string;
}

/**
 * Fingerprints up to which `copydesk scan` starts a scoring worker without being asked. A worker's
 * copy of the corpus raised the scan's peak RSS by about 0.2 MB a fingerprint (2,000 articles:
 * 1.21 → 1.64 GB; 10,000: 3.20 → 5.01 GB) while it cut the score stage by a third or more
 * (19.0 → 12.3 s; 70.1 → 53.3 s): up to 5,000 fingerprints the copy stays under about 1 GB. Set by
 * those two measurements on this project's 2-core machine (README "Scan on two cores"); the gain
 * shrinks as the corpus grows (×1.55 at 2,000, ×1.32 at 10,000), the copy does not.
 */
export const DEFAULT_WORKER_FINGERPRINTS = 5000;

export interface WorkerJudgeOptions {
  /** Use the workers whatever the corpus (tests); default: only when `worthWorkers`. */
  always?: boolean;
  /** Use them only up to this many fingerprints (default: no limit). */
  maxFingerprints?: number;
  /** Pairs in a share (default `SHARE_PAIRS`). */
  sharePairs?: number;
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
  return async (input, pairs, onProgress) => {
    if (!usesWorkers(workers, pairs.length, input.fps.length, options)) return judgeAll(input, pairs, onProgress);
    const threads = Array.from({ length: workers }, () => spawnWorker('scoreWorker'));
    try {
      return await judgeShared(threads, input, pairs, sharePairs, onProgress);
    } finally {
      await Promise.all(threads.map((w) => w.terminate()));
    }
  };
}

async function judgeShared(
  threads: readonly Worker[],
  input: ScoringInput,
  pairs: ReadonlyArray<readonly [number, number]>,
  share: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Judged> {
  const total = pairs.length;
  const shares = Math.ceil(total / share);
  const results: Array<{ linked: JudgedPair[]; nearest: JudgedPair[] } | undefined> = new Array(shares);
  let done = 0;
  const sizeOf = (id: number): number => Math.min(total, (id + 1) * share) - id * share;
  const slice = (id: number): Uint32Array => flattenPairs(pairs, id * share, id * share + sizeOf(id));
  const completed = (id: number): void => {
    done += sizeOf(id);
    onProgress?.(done, total);
  };
  for (const w of threads) w.postMessage({ type: 'init', input });
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
