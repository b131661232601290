/**
 * Sentence alignment for the review view: which sentence of one version became which of the
 * other, coping with an added intro, dropped or inserted sentences, split or merged sentences,
 * and passages moved elsewhere.
 *
 * Two stages, as in Gale & Church-style aligners with a move pass (like `git diff
 * --color-moved`):
 * 1. an order-keeping dynamic programme over the two sentence lists with 1–1, 2–1 and 1–2
 *    matches and skips, maximising the summed similarity (a k–l match weighs (k+l)/2, so a true
 *    merge beats a 1–1 match plus a skip); similarity is the Dice coefficient of the sentences'
 *    stemmed content words, which holds for a copy and, more loosely, for two translations;
 * 2. sentences left over on both sides that are still very alike are paired as moved, best pair
 *    first, rather than shown as one dropped and one added.
 * O(n·m) time and memory for n and m sentences.
 */
import { diceOfSets } from '../similarity/sets.js';

export interface AlignOptions {
  /** Least similarity for two sentences to be aligned in order. */
  minSimilarity?: number;
  /** Least similarity for a leftover pair to count as moved (higher: out of order needs more evidence). */
  minMoved?: number;
  /** Least share of each merged sentence's terms found in the other side for a 2–1 or 1–2 match. */
  minPartCoverage?: number;
}

export const DEFAULT_ALIGN_OPTIONS: Required<AlignOptions> = {
  minSimilarity: 0.3,
  minMoved: 0.5,
  minPartCoverage: 0.5,
};

export interface AlignedUnit {
  /** Sentence indexes of A and of B: [i], [i, i+1] or [] (added), and likewise for B. */
  a: number[];
  b: number[];
  similarity: number;
  /** Matched out of order. */
  moved?: boolean;
}

const union = (x: ReadonlySet<string>, y: ReadonlySet<string>): Set<string> => new Set([...x, ...y]);

function coverage(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let n = 0;
  for (const t of part) if (whole.has(t)) n++;
  return n / part.size;
}

function validate(o: Required<AlignOptions>): void {
  for (const [name, v] of Object.entries(o)) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${v}`);
  }
}

// Moves of the dynamic programme.
const SKIP_A = 1;
const SKIP_B = 2;
const ONE_ONE = 3;
const TWO_ONE = 4;
const ONE_TWO = 5;

type Sets = readonly ReadonlySet<string>[];

/** The dynamic programme's table: best score and move per cell, and the 1–1 similarities. */
interface AlignTable {
  width: number;
  score: Float64Array;
  move: Uint8Array;
  sims: Float64Array;
  m: number;
}

function simOf(t: AlignTable, i: number, j: number): number {
  return t.sims[i * t.m + j] as number;
}

/** Fill the table: each cell keeps the best of skip A, skip B, 1–1, 2–1 and 1–2. */
function fillTable(a: Sets, b: Sets, o: Required<AlignOptions>): AlignTable {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const t: AlignTable = {
    width,
    m,
    score: new Float64Array((n + 1) * width),
    move: new Uint8Array((n + 1) * width),
    sims: new Float64Array(n * m),
  };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      t.sims[i * m + j] = diceOfSets(a[i] as ReadonlySet<string>, b[j] as ReadonlySet<string>);
  // The similarity of a 2–1 merge (A i-1, i against B j) or a 1–2 split, or -1 when it does not hold.
  const merged = (parts: [ReadonlySet<string>, ReadonlySet<string>], whole: ReadonlySet<string>, single: number) => {
    if (parts[0].size === 0 || parts[1].size === 0) return -1;
    if (coverage(parts[0], whole) < o.minPartCoverage || coverage(parts[1], whole) < o.minPartCoverage) return -1;
    const s = diceOfSets(union(parts[0], parts[1]), whole);
    return s >= o.minSimilarity && s > single ? s : -1;
  };
  const at = (i: number, j: number): number => t.score[i * width + j] as number;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = -1;
      let mv = 0;
      const consider = (value: number, which: number): void => {
        if (value > best) {
          best = value;
          mv = which;
        }
      };
      if (i > 0) consider(at(i - 1, j), SKIP_A);
      if (j > 0) consider(at(i, j - 1), SKIP_B);
      if (i > 0 && j > 0) {
        const s = simOf(t, i - 1, j - 1);
        if (s >= o.minSimilarity) consider(at(i - 1, j - 1) + s, ONE_ONE);
      }
      if (i > 1 && j > 0) {
        const parts: [ReadonlySet<string>, ReadonlySet<string>] = [
          a[i - 2] as ReadonlySet<string>,
          a[i - 1] as ReadonlySet<string>,
        ];
        const s = merged(
          parts,
          b[j - 1] as ReadonlySet<string>,
          Math.max(simOf(t, i - 2, j - 1), simOf(t, i - 1, j - 1)),
        );
        if (s >= 0) consider(at(i - 2, j - 1) + 1.5 * s, TWO_ONE);
      }
      if (i > 0 && j > 1) {
        const parts: [ReadonlySet<string>, ReadonlySet<string>] = [
          b[j - 2] as ReadonlySet<string>,
          b[j - 1] as ReadonlySet<string>,
        ];
        const s = merged(
          parts,
          a[i - 1] as ReadonlySet<string>,
          Math.max(simOf(t, i - 1, j - 2), simOf(t, i - 1, j - 1)),
        );
        if (s >= 0) consider(at(i - 1, j - 2) + 1.5 * s, ONE_TWO);
      }
      t.score[i * width + j] = best;
      t.move[i * width + j] = mv;
    }
  }
  return t;
}

/** Walk the table back: in-order units and the sentences skipped on each side, in reading order. */
function walkBack(t: AlignTable, a: Sets, b: Sets): AlignedUnit[] {
  const ordered: AlignedUnit[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const mv = t.move[i * t.width + j];
    if (mv === ONE_ONE) {
      ordered.push({ a: [i - 1], b: [j - 1], similarity: simOf(t, i - 1, j - 1) });
      i--;
      j--;
    } else if (mv === TWO_ONE) {
      const joined = union(a[i - 2] as ReadonlySet<string>, a[i - 1] as ReadonlySet<string>);
      ordered.push({ a: [i - 2, i - 1], b: [j - 1], similarity: diceOfSets(joined, b[j - 1] as ReadonlySet<string>) });
      i -= 2;
      j--;
    } else if (mv === ONE_TWO) {
      const joined = union(b[j - 2] as ReadonlySet<string>, b[j - 1] as ReadonlySet<string>);
      ordered.push({ a: [i - 1], b: [j - 2, j - 1], similarity: diceOfSets(a[i - 1] as ReadonlySet<string>, joined) });
      i--;
      j -= 2;
    } else if (mv === SKIP_A) {
      ordered.push({ a: [i - 1], b: [], similarity: 0 });
      i--;
    } else {
      ordered.push({ a: [], b: [j - 1], similarity: 0 });
      j--;
    }
  }
  return ordered.reverse();
}

/**
 * Leftovers on both sides that are very alike become moved units, best pair first (ties: earlier
 * A, earlier B), shown at the place of their B sentence.
 */
function pairMoved(ordered: readonly AlignedUnit[], t: AlignTable, minMoved: number): AlignedUnit[] {
  const droppedA = ordered.filter((u) => u.b.length === 0).map((u) => u.a[0] as number);
  const addedB = ordered.filter((u) => u.a.length === 0).map((u) => u.b[0] as number);
  const candidates: Array<{ i: number; j: number; s: number }> = [];
  for (const x of droppedA)
    for (const y of addedB) if (simOf(t, x, y) >= minMoved) candidates.push({ i: x, j: y, s: simOf(t, x, y) });
  candidates.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  const movedA = new Map<number, { j: number; s: number }>();
  const takenB = new Set<number>();
  for (const c of candidates) {
    if (movedA.has(c.i) || takenB.has(c.j)) continue;
    movedA.set(c.i, { j: c.j, s: c.s });
    takenB.add(c.j);
  }
  const byB = new Map([...movedA].map(([x, v]) => [v.j, { i: x, s: v.s }]));
  const out: AlignedUnit[] = [];
  for (const u of ordered) {
    if (u.b.length === 0 && movedA.has(u.a[0] as number)) continue;
    const mv = u.a.length === 0 ? byB.get(u.b[0] as number) : undefined;
    out.push(mv ? { a: [mv.i], b: u.b, similarity: mv.s, moved: true } : u);
  }
  return out;
}

/**
 * Align two lists of sentence term sets. Returns units in reading order: in-order matches,
 * dropped A sentences (b = []) and added B sentences (a = []) between them, and moved matches at
 * the place of their B sentence.
 */
export function alignSentences(a: Sets, b: Sets, options: AlignOptions = {}): AlignedUnit[] {
  const o = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  validate(o);
  const t = fillTable(a, b, o);
  return pairMoved(walkBack(t, a, b), t, o.minMoved);
}
