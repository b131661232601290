/**
 * Evidence that two texts in different languages are one document, from their cross-language
 * profiles: the names and numbers they share and in what order, the dates they give (and whether
 * they contradict each other), and a monotone sentence alignment over language-neutral keys.
 * Pure and symmetric up to swapping the sides.
 */
import { type KeyedSentences, sentenceCount, wordsIn } from './keyed.js';
import { firstMention, namesFound } from './nameIndex.js';
import type { CrossProfile } from './profile.js';

export interface CrossEvidence {
  /** Names of the better-covered side found in the other (`from` says which side). */
  names: { shared: number; total: number; from: 'a' | 'b'; list: string[] };
  /** Strong numbers (not 0–10) shared, and how many each side has. */
  numbers: { shared: number; a: number; b: number; list: string[] };
  /** Days (month and day) and years the two texts give, shared, and a contradiction when each gives some and none agree. */
  dates: { shared: string[]; conflict?: { a: string[]; b: string[] } };
  /** Of the shared names and numbers, the share in the same order of first mention (1 with fewer than 2). */
  order: number;
  /** Sentence alignment: shares of each side's content words in aligned sentences, pairs, mean similarity. */
  aligned: { a: number; b: number; pairs: number; similarity: number; matches: Array<[number, number, number]> };
  /** Shorter over longer, each length in letters over its language's factor. */
  lengthRatio: number;
}

/**
 * Least similarity for two sentences to be counterparts: the mean of the shares of each side's
 * words found in the other. The prototype used 0.25; on WMT24 news translation pairs the aligned
 * sentences average far above (see README "Accuracy"), and 0.3 keeps a sentence that shares one
 * name and a number out of the alignment.
 */
export const CROSS_SENTENCE_SIMILARITY = 0.3;

/** A typed array of `size` elements, each `fill`, in memory the next call may hand out again. */
type Scratch<T> = (size: number, fill: number) => T;

/** Scratch arrays above this many elements are made for the one call and let go (2,000 × 500 sentence pairs). */
const SCRATCH_KEPT = 1 << 20;

/**
 * The working arrays of one comparison (key matches, word hits, similarities, the alignment's
 * table), reused from one comparison to the next: a scan compares a text across languages dozens
 * of times (253,751 comparisons for 10,000 bench articles), and each made about 20 KB of fresh
 * typed arrays (some 5 GB made and let go in that scan). At 30,000 articles, one run each: the
 * score stage 284 → 254 s, the peak RSS 6,574 → 6,424 MiB (two runs of the same code differ by
 * 130), the same report. Nothing returned keeps a view of them.
 */
function scratch<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(make: (n: number) => T): Scratch<T> {
  let kept = make(0);
  return (size, fill) => {
    if (size > SCRATCH_KEPT) return make(size).fill(fill) as T;
    if (kept.length < size) kept = make(Math.min(SCRATCH_KEPT, Math.max(size, 2 * kept.length)));
    return kept.subarray(0, size).fill(fill) as T;
  };
}

const XY = scratch((n) => new Int32Array(n));
const YX = scratch((n) => new Int32Array(n));
const STAMP = scratch((n) => new Int32Array(n));
const HITS_AB = scratch((n) => new Uint32Array(n));
const HITS_BA = scratch((n) => new Uint32Array(n));
const SIMS = scratch((n) => new Float64Array(n));
const SCORE = scratch((n) => new Float64Array(n));
const MOVE = scratch((n) => new Uint8Array(n));

/**
 * For every sentence pair (i of `from`, j of `to`), how many words of from[i] have a key in
 * to[j] (row-major, `from.length × to.length`). Read through `to`'s key → sentences lists, so a
 * pair of sentences sharing nothing costs nothing: the same counts as testing every word against
 * every sentence, in time proportional to the matches instead of to the sentence pairs times the
 * words. `other[k]` is the number in `to` of `from`'s key k (-1 when `to` lacks it). Quoted
 * sentences are left out on both sides (they are never matched).
 */
function wordHits(
  from: KeyedSentences,
  to: KeyedSentences,
  other: Int32Array,
  n: number,
  m: number,
  into: Scratch<Uint32Array>,
): Uint32Array {
  const hits = into(n * m, 0);
  // The last word that counted sentence j, so a word with several keys in one sentence counts once.
  const stamp = STAMP(m, -1);
  for (let i = 0; i < n; i++) {
    const wordEnd = from.sentenceStart[i + 1] as number;
    for (let w = from.sentenceStart[i] as number; w < wordEnd; w++) {
      const keyEnd = from.wordStart[w + 1] as number;
      for (let q = from.wordStart[w] as number; q < keyEnd; q++) {
        const k = other[from.wordKeys[q] as number] as number;
        if (k < 0) continue;
        const postEnd = to.postStart[k + 1] as number;
        for (let p = to.postStart[k] as number; p < postEnd; p++) {
          const j = to.postSentences[p] as number;
          if (stamp[j] === w) continue;
          stamp[j] = w;
          hits[i * m + j] = (hits[i * m + j] as number) + 1;
        }
      }
    }
  }
  return hits;
}

/** Both texts' key numbers in the other (-1: absent): their keys merged in their numbering's order (hash, then key). */
function matchKeys(x: KeyedSentences, y: KeyedSentences): { xy: Int32Array; yx: Int32Array } {
  const n = x.keys.length;
  const m = y.keys.length;
  const xy = XY(n, -1);
  const yx = YX(m, -1);
  let a = 0;
  let b = 0;
  while (a < n && b < m) {
    const ha = x.hashes[a] as number;
    const hb = y.hashes[b] as number;
    if (ha < hb) a++;
    else if (ha > hb) b++;
    else {
      // One hash, nearly always one key: equality first (one comparison), the order only when not.
      const ka = x.keys[a] as string;
      const kb = y.keys[b] as string;
      if (ka === kb) {
        xy[a] = b;
        yx[b] = a;
        a++;
        b++;
      } else if (ka < kb) a++;
      else b++;
    }
  }
  return { xy, yx };
}

/**
 * Similarity of every sentence pair (row-major, A × B): the mean of the shares of each side's
 * words found in the other (0 when either is quoted or has no words).
 */
function sentenceSimilarities(ka: KeyedSentences, kb: KeyedSentences): Float64Array {
  const n = sentenceCount(ka);
  const m = sentenceCount(kb);
  const { xy, yx } = matchKeys(ka, kb);
  const ab = wordHits(ka, kb, xy, n, m, HITS_AB);
  const ba = wordHits(kb, ka, yx, m, n, HITS_BA);
  const sims = SIMS(n * m, 0);
  for (let i = 0; i < n; i++) {
    const wx = wordsIn(ka, i);
    if (wx === 0) continue;
    for (let j = 0; j < m; j++) {
      const inY = ab[i * m + j] as number;
      const inX = ba[j * n + i] as number;
      if (inY === 0 && inX === 0) continue;
      const wy = wordsIn(kb, j);
      if (wy === 0) continue;
      sims[i * m + j] = (inY / wx + inX / wy) / 2;
    }
  }
  return sims;
}

/**
 * Monotone alignment (one-to-one, skips allowed) maximising the summed similarity weighted by the
 * sentences' sizes. A pair of sentences both mostly inside quotation marks is never matched: two
 * reports quoting one statement line up on its sentences without being one text.
 */
export function alignCross(
  a: CrossProfile,
  b: CrossProfile,
  minSimilarity = CROSS_SENTENCE_SIMILARITY,
): CrossEvidence['aligned'] {
  const ka = a.keyed;
  const kb = b.keyed;
  const n = sentenceCount(ka);
  const m = sentenceCount(kb);
  const width = m + 1;
  const score = SCORE((n + 1) * width, 0);
  const move = MOVE((n + 1) * width, 0);
  const sims = sentenceSimilarities(ka, kb);
  for (let i = 1; i <= n; i++) {
    const wx = wordsIn(ka, i - 1);
    for (let j = 1; j <= m; j++) {
      let best = score[(i - 1) * width + j] as number;
      let mv = 1;
      if ((score[i * width + j - 1] as number) > best) {
        best = score[i * width + j - 1] as number;
        mv = 2;
      }
      const sim = sims[(i - 1) * m + j - 1] as number;
      const diag = (score[(i - 1) * width + j - 1] as number) + sim * (wx + wordsIn(kb, j - 1));
      if (sim >= minSimilarity && diag > best) {
        best = diag;
        mv = 3;
      }
      score[i * width + j] = best;
      move[i * width + j] = mv;
    }
  }
  const matches: Array<[number, number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const mv = move[i * width + j];
    if (mv === 3) {
      matches.push([i - 1, j - 1, sims[(i - 1) * m + j - 1] as number]);
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
  matches.reverse();
  // Quoted sentences count on neither side (their words are not counted in the keyed form): what
  // a text quotes, another may quote too without being its translation (two agencies quoting one
  // statement).
  const total = (k: KeyedSentences) => k.sentenceStart[sentenceCount(k)] as number;
  const inA = matches.reduce((s, [i]) => s + wordsIn(ka, i), 0);
  const inB = matches.reduce((s, [, j]) => s + wordsIn(kb, j), 0);
  const ta = total(ka);
  const tb = total(kb);
  return {
    a: ta === 0 ? 0 : inA / ta,
    b: tb === 0 ? 0 : inB / tb,
    pairs: matches.length,
    similarity: matches.length === 0 ? 0 : matches.reduce((s, x) => s + x[2], 0) / matches.length,
    matches,
  };
}

/** Length of the longest strictly increasing subsequence. */
function longestIncreasing(xs: readonly number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

/** Month-days and years a text gives: `MM-DD` for days, `YYYY` for years written in it. */
function datesOf(p: CrossProfile): { days: Set<string>; years: Set<string> } {
  const days = new Set<string>();
  const years = new Set<string>();
  for (const d of p.anchors.dates) {
    if (d.month !== undefined && d.day !== undefined) days.add(`${d.month}-${d.day}`);
    if (d.year !== undefined && d.yearFrom !== 'article') years.add(String(d.year));
  }
  return { days, years };
}

/**
 * Shared dates, and a contradiction: both texts give days (or years) and not one agrees. A
 * translation carries the dates of its original; the look-alike report of another occasion (the
 * same two leaders a year earlier) gives other ones.
 */
function compareDates(a: CrossProfile, b: CrossProfile): CrossEvidence['dates'] {
  const da = datesOf(a);
  const db = datesOf(b);
  const sharedDays = [...da.days].filter((d) => db.days.has(d));
  const sharedYears = [...da.years].filter((y) => db.years.has(y));
  const shared = [...sharedDays, ...sharedYears];
  const dayConflict = da.days.size > 0 && db.days.size > 0 && sharedDays.length === 0;
  const yearConflict = da.years.size > 0 && db.years.size > 0 && sharedYears.length === 0;
  if (!dayConflict && !yearConflict) return { shared };
  const pick = (x: { days: Set<string>; years: Set<string> }) => (dayConflict ? [...x.days] : [...x.years]).sort();
  return { shared, conflict: { a: pick(da), b: pick(db) } };
}

/** No sentence aligned (the alignment was not run). */
const UNALIGNED: CrossEvidence['aligned'] = Object.freeze({ a: 0, b: 0, pairs: 0, similarity: 0, matches: [] });

/**
 * All cross-language evidence of a pair. `align: false` leaves the sentence alignment out (it
 * counts as none): the caller's bound on sentence pairs (core/relation/score.ts) applies across
 * languages as within one, since the alignment is O(n·m) in time and memory.
 */
export function measureCross(a: CrossProfile, b: CrossProfile, options: { align?: boolean } = {}): CrossEvidence {
  const ab = namesFound(a.anchors, b.anchors);
  const ba = namesFound(b.anchors, a.anchors);
  const covAB = ab.length / (a.anchors.names.length + 1);
  const covBA = ba.length / (b.anchors.names.length + 1);
  const fromA = covAB > covBA || (covAB === covBA && ab.length >= ba.length);
  const shared = fromA ? ab : ba;
  // The first mention in the other text, of the listed side's names only.
  const other = fromA ? b.anchors : a.anchors;
  const otherAt = shared.map((s) => firstMention(other, s.key, s.hash));
  const numbersA = new Map(a.anchors.numbers.filter((n) => !n.weak).map((n) => [n.key, n]));
  const numbersB = new Map(b.anchors.numbers.filter((n) => !n.weak).map((n) => [n.key, n]));
  const sharedNumbers = [...numbersA.values()].filter((n) => numbersB.has(n.key));
  // Order of first mention of the shared anchors, in A, compared with B.
  const places: Array<[number, number]> = [
    ...shared.map((s, k): [number, number] => (fromA ? [s.at, otherAt[k] as number] : [otherAt[k] as number, s.at])),
    ...sharedNumbers.map((n): [number, number] => [n.first, numbersB.get(n.key)?.first ?? 0]),
  ].sort((x, y) => x[0] - y[0]);
  const order = places.length < 2 ? 1 : longestIncreasing(places.map((p) => p[1])) / places.length;
  const la = Math.max(1, a.length);
  const lb = Math.max(1, b.length);
  return {
    names: {
      shared: shared.length,
      total: fromA ? a.anchors.names.length : b.anchors.names.length,
      from: fromA ? 'a' : 'b',
      list: shared.map((s) => s.text),
    },
    numbers: {
      shared: sharedNumbers.length,
      a: numbersA.size,
      b: numbersB.size,
      list: sharedNumbers.map((n) => n.text),
    },
    dates: compareDates(a, b),
    order,
    aligned: options.align === false ? { ...UNALIGNED, matches: [] } : alignCross(a, b),
    lengthRatio: Math.min(la, lb) / Math.max(la, lb),
  };
}

const listed = (xs: readonly string[], max = 4): string =>
  xs.length === 0 ? '' : ` (${xs.slice(0, max).join(', ')}${xs.length > max ? ', …' : ''})`;

/**
 * The evidence in one sentence a reader can check: "shares 14 of 16 names (Xi Jinping, Obama, …)
 * and all 5 numbers, in the same order; dates 11-29 agree; 9 sentences align in order".
 */
export function describeCross(e: CrossEvidence): string {
  const parts: string[] = [];
  if (e.names.total > 0) parts.push(`shares ${e.names.shared} of ${e.names.total} names${listed(e.names.list)}`);
  const fewer = Math.min(e.numbers.a, e.numbers.b);
  if (fewer > 0) {
    const all = e.numbers.shared === fewer ? 'all ' : '';
    parts.push(`${all}${e.numbers.shared} of ${fewer} numbers${listed(e.numbers.list)}`);
  }
  const anchors = e.names.shared + e.numbers.shared;
  let text = parts.join(' and ');
  if (anchors >= 2)
    text += e.order >= 0.99 ? ', in the same order' : `, ${Math.round(e.order * 100)} % of them in the same order`;
  const more: string[] = [];
  if (e.dates.conflict)
    more.push(`dates disagree (${e.dates.conflict.a.join(', ')} against ${e.dates.conflict.b.join(', ')})`);
  else if (e.dates.shared.length > 0) more.push(`dates agree${listed(e.dates.shared)}`);
  more.push(`${e.aligned.pairs} sentence${e.aligned.pairs === 1 ? '' : 's'} align in order`);
  return [text, ...more].filter((x) => x !== '').join('; ');
}
