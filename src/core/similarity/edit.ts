/**
 * Edit distance and the similarity built on it (1 − distance / longer length), with a banded
 * test that answers "similarity ≥ s" without filling the whole table.
 */

/** Levenshtein distance between two strings (UTF-16 units). O(n·m) time, O(m) memory. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return Math.max(n, m);
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
  return prev[m] as number;
}

/** 1 − Levenshtein distance / longer length: 1 for equal strings, 0 for nothing in common. O(n·m). */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
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
