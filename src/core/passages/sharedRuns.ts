/**
 * Evidence in words: the longest runs of words two texts share, and how a run is shown.
 */
import { hashWordShingles } from '../fingerprint/shingle.js';

const MAX_PLACES = 16;

export interface SharedPassageOptions {
  /** Least run length in words. */
  minWords?: number;
  /** How many passages, longest first. */
  limit?: number;
}

/**
 * Longest shared word runs between two token lists, as [startA, startB, length] triples.
 * Seeds runs at shared 8-word shingles and extends them; greedy, longest first, without overlap in A.
 */
export function findSharedRuns(
  a: readonly string[],
  b: readonly string[],
  options: SharedPassageOptions = {},
): Array<{ startA: number; startB: number; length: number }> {
  const k = options.minWords ?? 8;
  const limit = options.limit ?? 3;
  if (a.length < k || b.length < k) return [];
  const hb = hashWordShingles(b, k);
  // Every place of each shingle in B (a formulaic phrase recurs): the run is extended from each
  // and the longest kept, so that an early short echo does not hide the real copied passage.
  // At most MAX_PLACES places per shingle: a text that repeats one phrase hundreds of times
  // would otherwise make this quadratic.
  const where = new Map<number, number[]>();
  hb.forEach((h, j) => {
    const list = where.get(h);
    if (!list) where.set(h, [j]);
    else if (list.length < MAX_PLACES) list.push(j);
  });
  const ha = hashWordShingles(a, k);
  const runs: Array<{ startA: number; startB: number; length: number }> = [];
  let i = 0;
  while (i < ha.length) {
    let best = 0;
    let bestJ = -1;
    for (const j of where.get(ha[i] as number) ?? []) {
      let len = 0;
      while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len]) len++;
      if (len > best) {
        best = len;
        bestJ = j;
      }
    }
    // Shorter than k only on a hash collision.
    if (best >= k) runs.push({ startA: i, startB: bestJ, length: best });
    i += best >= k ? best : 1;
  }
  return runs.sort((x, y) => y.length - x.length || x.startA - y.startA).slice(0, limit);
}

/** Longest passage shown whole, in words; a longer one shows its head and tail and its length. */
const PASSAGE_WORDS = 40;

/** A shared run for display: whole when short, else "head … tail [N words]". */
export function formatPassage(words: readonly string[]): string {
  if (words.length <= PASSAGE_WORDS) return words.join(' ');
  return `${words.slice(0, 24).join(' ')} … ${words.slice(-12).join(' ')} [${words.length} words]`;
}

/** The shared runs of two token lists, formatted for a report (longest first). */
export function describeSharedRuns(
  a: readonly string[],
  b: readonly string[],
  options: SharedPassageOptions = {},
): string[] {
  return findSharedRuns(a, b, options).map((r) => formatPassage(a.slice(r.startA, r.startA + r.length)));
}
