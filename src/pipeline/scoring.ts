/**
 * The score stage's loop: candidate pairs judged one by one, the linked ones kept in order and
 * only the closest unlinked ones kept (`NearestKeeper`). The scan runs it in its own thread, and
 * each scoring worker (workers/scoreWorker.ts) on its share of the pairs; either way a pair's
 * verdict is `judgePair`'s, and the shares joined in order are the whole loop's result.
 */
import { type Fingerprint, withChars } from '../core/fingerprint/fingerprint.js';
import { judgePair } from '../core/relation/judge.js';
import { NearestKeeper } from '../core/relation/nearest.js';
import type { JudgedPair } from '../core/relation/stories.js';
import type { SparseVector } from '../core/similarity/cosine.js';
import { Slab } from '../core/slab.js';
import type { Thresholds } from '../types/index.js';

/** What judging needs of the corpus: one fingerprint and one TF-IDF vector per (group of) article(s). */
export interface ScoringInput {
  fps: readonly Fingerprint[];
  vectors: readonly SparseVector[];
  thresholds: Thresholds;
  /** Copy the character shingles made here into slabs (`SLAB_MIN_ARTICLES`); the same verdicts. */
  slabs?: boolean;
}

export interface Judged {
  /** The pairs judged related, in the order they were given. */
  linked: JudgedPair[];
  /** The closest unrelated pairs (at least `NEAREST_COUNT` of them when there are that many). */
  nearest: NearestKeeper;
}

/** Candidate pairs as one flat array: i0, j0, i1, j1, … */
export function flattenPairs(
  pairs: ReadonlyArray<readonly [number, number]>,
  from = 0,
  to = pairs.length,
): Uint32Array {
  const flat = new Uint32Array(2 * (to - from));
  for (let k = from; k < to; k++) {
    const [i, j] = pairs[k] as readonly [number, number];
    flat[2 * (k - from)] = i;
    flat[2 * (k - from) + 1] = j;
  }
  return flat;
}

/**
 * The scan's fingerprints leave out their character shingles (`fingerprintArticle`'s `chars`):
 * each is made the first time one of its pairs is judged in this thread and kept until the input
 * is let go of, at the end of the stage. An article is in 26 pairs on the bench's 10,000-article
 * corpus: made for each pair instead, that scan's score stage took about twice as long.
 */
const withShingles = new WeakMap<ScoringInput, { list: Array<Fingerprint | undefined>; slab?: Slab }>();

/**
 * Articles above which a scan packs what it keeps of each article in typed arrays into slabs
 * (`ScanOptions.slabs`, `ScoringInput.slabs`, `core/slab.ts`): the score stage's character
 * shingles here, the articles' offsets and fingerprints in `prepare` (pipeline/scan.ts), so that
 * letting them go gives the memory back to the system (a 100,000-article scan's C heap stayed at
 * 1,721 MiB through its events stage, 890 MiB of it arrays already let go: `/proc/<pid>/smaps`).
 * At or below it they stay as made: they fill less than a slab (about 6 KB an article), and the
 * scoring workers, which copy the fingerprints by structured clone (a view's whole buffer with
 * it), are used by default up to `DEFAULT_WORKER_FINGERPRINTS`, the same 5,000
 * (workers/scorePool.ts).
 */
export const SLAB_MIN_ARTICLES = 5000;

function scored(input: ScoringInput): (k: number) => Fingerprint {
  let made = withShingles.get(input);
  if (!made) {
    made = input.slabs ? { list: [], slab: new Slab() } : { list: [] };
    withShingles.set(input, made);
  }
  const { list, slab } = made;
  return (k) => {
    let fp = list[k];
    if (fp === undefined) {
      const given = input.fps[k] as Fingerprint;
      fp = withChars(given);
      // Only shingles made here (a fingerprint that holds its own is the caller's, left as it is).
      if (slab && fp !== given && fp.chars) fp.chars = slab.copy(fp.chars);
      list[k] = fp;
    }
    return fp;
  };
}

/** Judge the flat pairs into `into` (linked appended in order, unrelated offered to its keeper). */
export function judgeSlice(input: ScoringInput, flat: Uint32Array, into: Judged, onJudged?: () => void): Judged {
  const { vectors, thresholds } = input;
  const fps = scored(input);
  for (let k = 0; k < flat.length; k += 2) {
    const i = flat[k] as number;
    const j = flat[k + 1] as number;
    const result = judgePair(fps(i), fps(j), vectors[i] as SparseVector, vectors[j] as SparseVector, thresholds);
    if (result.relation === 'unrelated') into.nearest.offer({ i, j, result });
    else into.linked.push({ i, j, result });
    onJudged?.();
  }
  return into;
}

export function emptyJudged(): Judged {
  return { linked: [], nearest: new NearestKeeper() };
}

/** Every candidate pair judged in this thread; `onProgress` gets the pairs judged so far. */
export function judgeAll(
  input: ScoringInput,
  pairs: ReadonlyArray<readonly [number, number]>,
  onProgress?: (done: number, total: number) => void,
): Judged {
  let done = 0;
  return judgeSlice(input, flattenPairs(pairs), emptyJudged(), () => onProgress?.(++done, pairs.length));
}

/**
 * Judges the candidate pairs of a scan, in its thread or spread over workers
 * (`judgeInWorkers`); `onProgress` gets the pairs judged so far.
 */
export type PairJudge = (
  input: ScoringInput,
  pairs: ReadonlyArray<readonly [number, number]>,
  onProgress?: (done: number, total: number) => void,
) => Promise<Judged>;
