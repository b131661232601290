/**
 * Set similarities on sorted, duplicate-free `Uint32Array`s (see `shingle.ts`).
 * Edge semantics, as text-dedup states them: jaccard(∅, ∅) = 1; containment(∅, B) = 1 (the empty
 * set is a subset of every set).
 */

/**
 * |A ∩ B| by a linear merge, without branches on the values: each step adds the comparisons'
 * outcomes (1 or 0) to the count and the two positions. Two similar texts' shingles alternate
 * between equal, smaller and larger unpredictably, and a mispredicted branch per step cost more
 * than the step: 0.95–1.02 → 0.57 s for 62,000 merges of real character-shingle sets.
 */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  return intersectionSizeIn(a, 0, a.length, b, 0, b.length);
}

/** `intersectionSize` of `a[aFrom..aTo)` and `b[bFrom..bTo)`, each sorted (a sentence's terms: sentenceTerms.ts). */
export function intersectionSizeIn(
  a: Uint32Array,
  aFrom: number,
  aTo: number,
  b: Uint32Array,
  bFrom: number,
  bTo: number,
): number {
  let i = aFrom;
  let j = bFrom;
  let n = 0;
  while (i < aTo && j < bTo) {
    const x = a[i] as number;
    const y = b[j] as number;
    n += Number(x === y);
    i += Number(x <= y);
    j += Number(y <= x);
  }
  return n;
}

/** Whether the ascending `set[0, end)` holds `value` (a binary search; `end` defaults to the whole set). */
export function hasValue(set: Uint32Array, value: number, end = set.length): boolean {
  let lo = 0;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = set[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** |A ∩ B| / |A ∪ B|. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const inter = intersectionSize(a, b);
  return inter / (a.length + b.length - inter);
}

/** |A ∩ B| / |A|: the share of A found in B. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0) return 1;
  return intersectionSize(a, b) / a.length;
}

/** All three at once, with one merge. */
export function setScores(
  a: Uint32Array,
  b: Uint32Array,
): { jaccard: number; containmentAB: number; containmentBA: number } {
  if (a.length === 0 && b.length === 0) return { jaccard: 1, containmentAB: 1, containmentBA: 1 };
  const inter = intersectionSize(a, b);
  return {
    jaccard: inter / (a.length + b.length - inter),
    containmentAB: a.length === 0 ? 1 : inter / a.length,
    containmentBA: b.length === 0 ? 1 : inter / b.length,
  };
}

/** Dice coefficient of two string sets: 2|A ∩ B| / (|A| + |B|); 1 for two empty sets. */
export function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  // The smaller set is walked (no pair array made per call: this runs O(n·m) times a pair).
  const aSmaller = a.size <= b.size;
  const small = aSmaller ? a : b;
  const large = aSmaller ? b : a;
  for (const x of small) if (large.has(x)) inter++;
  return (2 * inter) / (a.size + b.size);
}
