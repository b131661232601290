/**
 * Monotone sentence alignment for scoring: how much of each text has a counterpart, in order, in
 * the other. Two translations of one document keep its sentence order and most of its content
 * words sentence by sentence; two reports of one event share words but not that sequence.
 *
 * A dynamic programme over the two sentence lists (like an LCS whose match weight is a
 * similarity): it maximises the summed similarity of one-to-one matches, each at least
 * `minSimilarity`, and may skip sentences on either side. O(n·m) time, O(n·m) bytes for the
 * back-pointers.
 */
import { diceOfSets } from '../similarity/sets.js';

export interface SentenceMatch {
  a: number;
  b: number;
  similarity: number;
}

export interface MonotoneAlignmentOptions {
  /** Least Dice similarity of content terms for two sentences to match. */
  minSimilarity?: number;
}

export const DEFAULT_SENTENCE_SIMILARITY = 0.3;

/** The best order-keeping one-to-one matching of sentences, by Dice of their content terms. */
export function alignMonotone(
  a: readonly ReadonlySet<string>[],
  b: readonly ReadonlySet<string>[],
  options: MonotoneAlignmentOptions = {},
): SentenceMatch[] {
  const min = options.minSimilarity ?? DEFAULT_SENTENCE_SIMILARITY;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 1 = skip a, 2 = skip b, 3 = match
  const sim = new Float64Array(n * m);
  for (let i = 1; i <= n; i++) {
    const sa = a[i - 1] as ReadonlySet<string>;
    for (let j = 1; j <= m; j++) {
      const up = score[(i - 1) * width + j] as number;
      const left = score[i * width + j - 1] as number;
      let best = up;
      let mv = 1;
      if (left > best) {
        best = left;
        mv = 2;
      }
      const s = diceOfSets(sa, b[j - 1] as ReadonlySet<string>);
      sim[(i - 1) * m + (j - 1)] = s;
      if (s >= min) {
        const diag = (score[(i - 1) * width + j - 1] as number) + s;
        if (diag > best) {
          best = diag;
          mv = 3;
        }
      }
      score[i * width + j] = best;
      move[i * width + j] = mv;
    }
  }
  const matches: SentenceMatch[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const mv = move[i * width + j];
    if (mv === 3) {
      matches.push({ a: i - 1, b: j - 1, similarity: sim[(i - 1) * m + (j - 1)] as number });
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
  return matches.reverse();
}

/** Shares of A's and B's sentences that found a counterpart, weighted by sentence length in terms. */
export function alignmentCoverage(
  a: readonly ReadonlySet<string>[],
  b: readonly ReadonlySet<string>[],
  matches: readonly SentenceMatch[],
): { alignedAB: number; alignedBA: number } {
  const weight = (s: ReadonlySet<string> | undefined): number => Math.max(1, s?.size ?? 0);
  const total = (list: readonly ReadonlySet<string>[]): number => list.reduce((n, s) => n + weight(s), 0);
  let coveredA = 0;
  let coveredB = 0;
  for (const mt of matches) {
    coveredA += weight(a[mt.a]);
    coveredB += weight(b[mt.b]);
  }
  const ta = total(a);
  const tb = total(b);
  return { alignedAB: ta === 0 ? 1 : coveredA / ta, alignedBA: tb === 0 ? 1 : coveredB / tb };
}

/**
 * Least edit similarity (1 − Levenshtein distance / longer length, over folded characters) for two
 * sentences or paragraphs to count as copies of each other. Measured on WMT22 English sentences
 * (scripts/accuracy.ts and the README): a sentence with 5 % OCR noise keeps edit similarity ≥ 0.92
 * in 95 % of cases and ≥ 0.85 in all; two independent human translations of one sentence reach
 * 0.85 in 28 % of sentences (the formulaic ones), so a text of such sentences stays well under
 * the 0.8 coverage of a duplicate. Character-bigram Dice cannot tell them apart (53 % of human
 * translation pairs ≥ 0.8): it ignores order.
 */
export const COPY_EDIT_SIMILARITY = 0.85;
/** Character-bigram Dice below which two strings are not compared by edit distance (cheap filter; 5 %-noise copies stay above 0.86). */
const COPY_DICE_FILTER = 0.7;

/** 1 − Levenshtein distance / longer length: 1 for equal strings, 0 for nothing in common. O(n·m). */
export function editSimilarity(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n === m ? 1 : 0;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - (prev[m] as number) / Math.max(n, m);
}

/**
 * Whether `editSimilarity(a, b) >= minSimilarity`, answered exactly but without the full table:
 * the similarity reaches `minSimilarity` when the distance is at most k = ⌊(1 − min) · longer⌋,
 * and a path of cost ≤ k never leaves the diagonal band |i − j| ≤ k (Ukkonen, 1985). So only
 * the band is filled, O(n·k), and the search stops as soon as a whole row exceeds k. At the copy
 * test's 0.85 the band is 15 % of the longer string: most of the scan's scoring time was here.
 */
export function isEditSimilar(a: string, b: string, minSimilarity: number): boolean {
  const n = a.length;
  const m = b.length;
  const longer = Math.max(n, m);
  if (longer === 0) return true;
  if (n === 0 || m === 0) return minSimilarity <= 0;
  // The largest distance d with 1 − d / longer ≥ minSimilarity, in the very arithmetic
  // editSimilarity uses, so that both answer alike at the boundary.
  let k = Math.floor((1 - minSimilarity) * longer);
  while (k + 1 <= longer && 1 - (k + 1) / longer >= minSimilarity) k++;
  while (k >= 0 && !(1 - k / longer >= minSimilarity)) k--;
  if (k < 0) return false;
  if (Math.abs(n - m) > k) return false;
  const far = k + 1;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : far;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[lo - 1] = lo === 1 && i <= k ? i : far;
    let rowMin = cur[lo - 1] as number;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      if (v > far) v = far;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = far;
    if (rowMin > k) return false;
    [prev, cur] = [cur, prev];
  }
  return (prev[m] as number) <= k;
}

/** A text as the copy test sees it: its sentences (folded words) and the paragraph of each. */
export interface CopyUnits {
  sentences: readonly string[];
  paragraphOf: readonly number[];
}

function paragraphsOf(u: CopyUnits): { texts: string[]; index: number[] } {
  const texts: string[] = [];
  const ids = new Map<number, number>();
  const index = u.sentences.map((s, i) => {
    const p = u.paragraphOf[i] ?? 0;
    let k = ids.get(p);
    if (k === undefined) {
      k = texts.length;
      ids.set(p, k);
      texts.push(s);
    } else texts[k] = `${texts[k]} ${s}`;
    return k;
  });
  return { texts, index };
}

/** For each unit of `a`, whether some unit of `b` is a copy of it; and the same for `b`. */
function matchCopies(
  a: readonly string[],
  b: readonly string[],
  dice: (x: string, y: string) => number,
  minEdit: number,
): [boolean[], boolean[]] {
  const inA = a.map(() => false);
  const inB = b.map(() => false);
  const exact = new Map<string, number[]>();
  b.forEach((s, j) => {
    const list = exact.get(s);
    if (list) list.push(j);
    else exact.set(s, [j]);
  });
  for (let i = 0; i < a.length; i++) {
    const sa = a[i] as string;
    const same = exact.get(sa);
    if (same) {
      inA[i] = true;
      for (const j of same) inB[j] = true;
      continue;
    }
    for (let j = 0; j < b.length; j++) {
      const sb = b[j] as string;
      if (inA[i] && inB[j]) continue;
      // Edit similarity ≥ minEdit needs the shorter to be at least minEdit × the longer.
      if (Math.min(sa.length, sb.length) < minEdit * Math.max(sa.length, sb.length)) continue;
      if (dice(sa, sb) >= COPY_DICE_FILTER && isEditSimilar(sa, sb, minEdit)) {
        inA[i] = true;
        inB[j] = true;
      }
    }
  }
  // Sentence boundaries differ between versions (noise lowers a capital, a reorder moves an
  // unpunctuated line): a unit left over on one side may be two consecutive units on the other.
  joinNeighbours(a, b, inA, inB, dice, minEdit);
  joinNeighbours(b, a, inB, inA, dice, minEdit);
  return [inA, inB];
}

/** Match each uncovered unit of `x` against two consecutive units of `y`. */
function joinNeighbours(
  x: readonly string[],
  y: readonly string[],
  inX: boolean[],
  inY: boolean[],
  dice: (p: string, q: string) => number,
  minEdit: number,
): void {
  for (let i = 0; i < x.length; i++) {
    if (inX[i]) continue;
    const sx = x[i] as string;
    for (let j = 0; j + 1 < y.length; j++) {
      const joined = `${y[j]} ${y[j + 1]}`;
      if (Math.min(sx.length, joined.length) < minEdit * Math.max(sx.length, joined.length)) continue;
      if (dice(sx, joined) >= COPY_DICE_FILTER && isEditSimilar(sx, joined, minEdit)) {
        inX[i] = true;
        inY[j] = true;
        inY[j + 1] = true;
        break;
      }
    }
  }
}

/**
 * Shares of A's and B's text (characters of the sentence strings) that have a near-verbatim copy
 * in the other: a sentence counts when some sentence of the other text, or its whole paragraph
 * some paragraph of the other text, has edit similarity ≥ `minEdit` with it. In any order
 * (a reordered copy is still a copy); paragraphs as well as sentences, because noise that lowers
 * a capital letter moves a sentence boundary but not a line break. `dice` (character bigrams) is
 * a cheap filter before the edit distance. O(n·m) comparisons: run it only on pairs that already
 * look like copies.
 */
export function copyCoverage(
  a: CopyUnits,
  b: CopyUnits,
  dice: (x: string, y: string) => number,
  minEdit: number = COPY_EDIT_SIMILARITY,
): { copyAB: number; copyBA: number } {
  const [sa, sb] = matchCopies(a.sentences, b.sentences, dice, minEdit);
  const pa = paragraphsOf(a);
  const pb = paragraphsOf(b);
  if (
    pa.texts.length > 0 &&
    pb.texts.length > 0 &&
    (pa.texts.length < a.sentences.length || pb.texts.length < b.sentences.length)
  ) {
    const [ca, cb] = matchCopies(pa.texts, pb.texts, dice, minEdit);
    pa.index.forEach((k, i) => {
      if (ca[k]) sa[i] = true;
    });
    pb.index.forEach((k, j) => {
      if (cb[k]) sb[j] = true;
    });
  }
  const share = (texts: readonly string[], covered: readonly boolean[]): number => {
    let total = 0;
    let hit = 0;
    texts.forEach((t, i) => {
      total += t.length;
      if (covered[i]) hit += t.length;
    });
    return total === 0 ? 1 : hit / total;
  };
  return { copyAB: share(a.sentences, sa), copyBA: share(b.sentences, sb) };
}
