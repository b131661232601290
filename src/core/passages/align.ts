/**
 * Shared passages of two texts, as text-reuse detectors find them (BLAST's seed and extend, the
 * way passim finds reprinted passages in newspaper archives): exact runs of words seeded at shared
 * word k-grams, then chained into passages across small gaps, so that a passage survives a
 * changed word, a house-style edit ("per cent" → "%") or a dropped clause. Each passage has its
 * span in both texts, the words matched inside it, and its similarity.
 *
 * Cost: O(n + m) to index and seed (each k-gram looked up at most `MAX_PLACES` times), then a
 * chaining pass over the runs, which are few for any pair worth aligning (a candidate pair).
 */

export interface Passage {
  /** Token range in A, [startA, endA). */
  startA: number;
  endA: number;
  /** Token range in B, [startB, endB). */
  startB: number;
  endB: number;
  /** Tokens matched word for word inside the passage (the same count on both sides). */
  matched: number;
  /** The exact runs the passage is chained from: start in A, start in B, length. */
  runs: Array<[number, number, number]>;
}

export interface AlignPassagesOptions {
  /** Seed length in words: two texts must share this many words in a row to start a passage. Default 5. */
  seedWords?: number;
  /** Largest gap, in words on either side, bridged between two runs of one passage. Default 8. */
  maxGap?: number;
  /** Fewest matched words for a passage to be reported. Default 10. */
  minWords?: number;
}

export const DEFAULT_PASSAGE_OPTIONS: Required<AlignPassagesOptions> = { seedWords: 5, maxGap: 8, minWords: 10 };

/** A k-gram recurring more often than this in B is looked up at its first places only (bounds repetitive text). */
export const MAX_PLACES = 16;
/** At most this many runs are chained (the longest): bounds the chaining pass on huge, repetitive pairs. */
const MAX_RUNS = 4000;
/** At most this many passages per pair (each costs a chaining pass): far more than any real reuse holds. */
const MAX_PASSAGES = 200;

interface Run {
  a: number;
  b: number;
  length: number;
}

/** The passage's similarity: matched words over the longer of its two spans (1 for a verbatim passage). */
export function passageSimilarity(p: Passage): number {
  const longer = Math.max(p.endA - p.startA, p.endB - p.startB);
  return longer === 0 ? 0 : p.matched / longer;
}

/** Tokens as small integers, one dictionary for both texts, so runs compare numbers. */
function encode(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const code = (list: readonly string[]): Int32Array =>
    Int32Array.from(list, (t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      return id;
    });
  return [code(a), code(b)];
}

/** A 31-bit hash of the k ids from `i` (a bucket of k-grams; equal k-grams, one bucket). */
function gramHash(x: Int32Array, i: number, k: number): number {
  let h = 0x811c9dc5;
  for (let t = 0; t < k; t++) h = Math.imul(h ^ (x[i + t] as number), 0x01000193);
  return h >>> 1;
}

function sameGram(x: Int32Array, i: number, y: Int32Array, j: number, k: number): boolean {
  for (let t = 0; t < k; t++) if (x[i + t] !== y[j + t]) return false;
  return true;
}

/**
 * The places of each k-gram of `y` (the first `MAX_PLACES` of each), under a hash of its ids: a
 * bucket holds one list per distinct k-gram (its first place stands for it), so two k-grams that
 * share a hash keep their own places and their own cap. Built without a string per position (a
 * key string of k numbers per word of both texts was most of `findRuns`).
 */
function gramPlaces(y: Int32Array, k: number): Map<number, number[][]> {
  const buckets = new Map<number, number[][]>();
  for (let j = 0; j + k <= y.length; j++) {
    const h = gramHash(y, j, k);
    const bucket = buckets.get(h);
    if (!bucket) {
      buckets.set(h, [[j]]);
      continue;
    }
    const list = bucket.find((l) => sameGram(y, l[0] as number, y, j, k));
    if (!list) bucket.push([j]);
    else if (list.length < MAX_PLACES) list.push(j);
  }
  return buckets;
}

/** Maximal exact runs of at least k words, seeded at shared k-grams, each found once (exported for tests). */
export function findRuns(x: Int32Array, y: Int32Array, k: number): Run[] {
  if (x.length < k || y.length < k) return [];
  const places = gramPlaces(y, k);
  const runs: Run[] = [];
  // The end (in A) of the run last found on each diagonal: a seed inside it is not a new run.
  const reached = new Map<number, number>();
  for (let i = 0; i + k <= x.length; i++) {
    const list = places.get(gramHash(x, i, k))?.find((l) => sameGram(x, i, y, l[0] as number, k));
    if (!list) continue;
    for (const j of list) {
      const diagonal = j - i;
      if ((reached.get(diagonal) ?? -1) > i) continue;
      let start = 0;
      while (i - start > 0 && j - start > 0 && x[i - start - 1] === y[j - start - 1]) start++;
      let length = start + k;
      while (
        i - start + length < x.length &&
        j - start + length < y.length &&
        x[i - start + length] === y[j - start + length]
      )
        length++;
      runs.push({ a: i - start, b: j - start, length });
      reached.set(diagonal, i - start + length);
    }
  }
  return runs.length > MAX_RUNS ? runs.sort((p, q) => q.length - p.length || p.a - q.a).slice(0, MAX_RUNS) : runs;
}

/**
 * The best chain of runs, in order in both texts with gaps of at most `maxGap` words on either
 * side between neighbours, maximising the words matched; ties go to the chain that starts first.
 */
function bestChain(runs: readonly Run[], maxGap: number): number[] {
  const n = runs.length;
  let longest = 0;
  for (const r of runs) longest = Math.max(longest, r.length);
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  let best = -1;
  for (let r = 0; r < n; r++) {
    const cur = runs[r] as Run;
    score[r] = cur.length;
    for (let q = r - 1; q >= 0; q--) {
      const p = runs[q] as Run;
      // Runs are sorted by start in A: once a run starts this far back, none before it ends close enough.
      if (cur.a - p.a > longest + maxGap) break;
      const gapA = cur.a - (p.a + p.length);
      const gapB = cur.b - (p.b + p.length);
      if (gapA < 0 || gapB < 0 || gapB > maxGap) continue;
      const s = (score[q] as number) + cur.length;
      if (s > (score[r] as number)) {
        score[r] = s;
        prev[r] = q;
      }
    }
    if (best < 0 || (score[r] as number) > (score[best] as number)) best = r;
  }
  const chain: number[] = [];
  for (let r = best; r >= 0; r = prev[r] as number) chain.push(r);
  return chain.reverse();
}

function overlaps(run: Run, p: Passage): boolean {
  return (run.a < p.endA && run.a + run.length > p.startA) || (run.b < p.endB && run.b + run.length > p.startB);
}

/**
 * The passages A and B share, longest first (by words matched), none overlapping another in
 * either text. A passage of fewer than `minWords` matched words is left out.
 */
export function alignPassages(
  a: readonly string[],
  b: readonly string[],
  options: AlignPassagesOptions = {},
): Passage[] {
  const o = { ...DEFAULT_PASSAGE_OPTIONS, ...options };
  for (const [name, v] of Object.entries(o))
    if (!(Number.isInteger(v) && v >= (name === 'maxGap' ? 0 : 1)))
      throw new RangeError(`${name} must be a whole number ≥ ${name === 'maxGap' ? 0 : 1}, got ${String(v)}`);
  const [x, y] = encode(a, b);
  let runs = findRuns(x, y, o.seedWords).sort((p, q) => p.a - q.a || p.b - q.b);
  const passages: Passage[] = [];
  while (runs.length > 0 && passages.length < MAX_PASSAGES) {
    const chain = bestChain(runs, o.maxGap).map((r) => runs[r] as Run);
    const first = chain[0] as Run;
    const last = chain[chain.length - 1] as Run;
    const matched = chain.reduce((sum, r) => sum + r.length, 0);
    if (matched < o.minWords) break;
    const p: Passage = {
      startA: first.a,
      endA: last.a + last.length,
      startB: first.b,
      endB: last.b + last.length,
      matched,
      runs: chain.map((r): [number, number, number] => [r.a, r.b, r.length]),
    };
    passages.push(p);
    runs = runs.filter((r) => !overlaps(r, p));
  }
  return passages;
}

/** Matched words of the passages that are inside quotation marks in both texts (`quotedA`, `quotedB`: 1 per token). */
export function countQuotedInBoth(passages: readonly Passage[], quotedA: Uint8Array, quotedB: Uint8Array): number {
  let n = 0;
  for (const p of passages)
    for (const [a, b, length] of p.runs)
      for (let k = 0; k < length; k++) if (quotedA[a + k] === 1 && quotedB[b + k] === 1) n++;
  return n;
}

/** Words of a text inside passages (their matched words), and the window from the first passage to the last. */
export interface PassageCoverage {
  /** Matched words over all words of the text (1 for an empty text). */
  covered: number;
  /** The window [start, end) in tokens: from the first passage's start to the last one's end. */
  window: [number, number];
  /** Matched words over the window's words (0 when there is no passage). */
  windowCovered: number;
}

/** How much of one side (`'a'` or `'b'`) of a pair the passages cover, overall and inside their window. */
export function passageCoverage(passages: readonly Passage[], length: number, side: 'a' | 'b'): PassageCoverage {
  if (passages.length === 0) return { covered: length === 0 ? 1 : 0, window: [0, 0], windowCovered: 0 };
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  let matched = 0;
  for (const p of passages) {
    start = Math.min(start, side === 'a' ? p.startA : p.startB);
    end = Math.max(end, side === 'a' ? p.endA : p.endB);
    matched += p.matched;
  }
  return {
    covered: length === 0 ? 1 : matched / length,
    window: [start, end],
    windowCovered: end > start ? matched / (end - start) : 0,
  };
}
