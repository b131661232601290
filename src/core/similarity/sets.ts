/**
 * Set similarities on sorted, duplicate-free `Uint32Array`s (see `shingle.ts`).
 * Edge semantics, as text-dedup states them: jaccard(∅, ∅) = 1; containment(∅, B) = 1 (the empty
 * set is a subset of every set).
 */

/** |A ∩ B| by a linear merge. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
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
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return (2 * inter) / (a.size + b.size);
}
