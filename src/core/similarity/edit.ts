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
 * Whether `editSimilarity(a, b) >= minSimilarity`, answered exactly: the similarity reaches
 * `minSimilarity` when the distance is at most k = ⌊(1 − min) · longer⌋ (`boundedEditDistance`).
 * At the copy test's 0.85 most of the scan's scoring time was here.
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
  return boundedEditDistance(a, b, k) <= k;
}

/**
 * The Levenshtein distance of `a` and `b` when it is at most `k`; otherwise some number above
 * `k` (the search stops as soon as the distance is known to exceed it). Bit-parallel: the
 * columns of the table as bit vectors of vertical differences (Myers 1999), in 32-bit blocks
 * chained by their horizontal differences (Hyyrö 2003), so a column of m rows costs ⌈m / 32⌉ word
 * operations instead of m cells. A common prefix and suffix are set aside first (they never change
 * the distance): a near-copy's differences are often in a few places. O(n·⌈m/32⌉) time.
 * On 2,000 sentence pairs the copy test compared in a bench scan: 37.5 µs a call with the banded
 * table it replaces, 6.9 µs now, the same answer on each.
 */
export function boundedEditDistance(a: string, b: string, k: number): number {
  let start = 0;
  const common = Math.min(a.length, b.length);
  while (start < common && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // The shorter remainder is the pattern (the rows), the longer the text (the columns).
  const aShorter = endA - start <= endB - start;
  const pattern = aShorter ? a : b;
  const text = aShorter ? b : a;
  const m = (aShorter ? endA : endB) - start;
  const n = (aShorter ? endB : endA) - start;
  if (m === 0) return n;
  if (n - m > k) return n - m;
  const blocks = (m + 31) >>> 5;
  // Per character of the pattern, the rows that hold it, as one bit per row: by code in an array
  // below 128 (the folded text's usual characters; read once per column), in a map above.
  const peqAscii: Array<Int32Array | undefined> = new Array(128);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(start + i);
    let rows = c < 128 ? peqAscii[c] : peq.get(c);
    if (rows === undefined) {
      rows = new Int32Array(blocks);
      if (c < 128) peqAscii[c] = rows;
      else peq.set(c, rows);
    }
    rows[i >>> 5] = (rows[i >>> 5] as number) | (1 << (i & 31));
  }
  // Vertical differences of the column: +1 (pv) or −1 (mv) per row; column 0 is 0, 1, 2, … m.
  const pvs = new Int32Array(blocks).fill(-1);
  const mvs = new Int32Array(blocks);
  const lastBit = (m - 1) & 31;
  let score = m;
  for (let j = 0; j < n; j++) {
    const c = text.charCodeAt(start + j);
    const eqs = c < 128 ? peqAscii[c] : peq.get(c);
    // Row 0 of every column is one more than the last: a +1 enters the first block from above.
    let hin = 1;
    for (let w = 0; w < blocks; w++) {
      let eq = eqs === undefined ? 0 : (eqs[w] as number);
      const pv = pvs[w] as number;
      const mv = mvs[w] as number;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      // The horizontal difference at the block's last row (the pattern's last row in the last block).
      const bit = w === blocks - 1 ? lastBit : 31;
      const hout = ((ph >>> bit) & 1) - ((mh >>> bit) & 1);
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pvs[w] = mh | ~(xv | ph);
      mvs[w] = ph & xv;
      hin = hout;
    }
    score += hin;
    // The last row changes by at most 1 a column: the distance is at least this.
    const floor = score - (n - j - 1);
    if (floor > k) return floor;
  }
  return score;
}
