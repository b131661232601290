/**
 * A cap on the pairs one article is scored in. Scoring is the costly stage, and a corpus of
 * near-copies (or of one-line articles from a small vocabulary) makes nearly every pair a
 * candidate: quadratic work and memory. Each article is scored against at most
 * `MAX_CANDIDATES_PER_ARTICLE` others, the most similar first (by TF-IDF cosine, or by the
 * signature estimate for LSH candidates); the pairs left out are counted and reported.
 */

/**
 * Measured (`npx tsx` over ../shared/eval, cosine floor 0.2): the 375 WMT22 news items in one
 * corpus (25 documents × 15 versions, all on related topics) give an article at most 67
 * candidates, WMT22 e-commerce 53, WMT24 28, the web sets 9. 100 is a margin of 1.5× over the
 * largest real news figure; only WMT22's 1–3 line chat turns (up to 287) and synthetic one-liners
 * reach it. Identical copies are folded before this cap (identical.ts) and never count against it.
 */
export const MAX_CANDIDATES_PER_ARTICLE = 100;

/** A candidate pair (i < j) with the similarity it was proposed by. */
export interface RankedPair {
  i: number;
  j: number;
  score: number;
}

/** What a cap left out. */
export interface CandidateCap {
  /** Most pairs an article is scored in. */
  perArticle: number;
  /** Candidate pairs not scored because of the cap. */
  dropped: number;
  /**
   * LSH only: bucket mates not examined (past the window of a large bucket), counted per band, so
   * one pair may count more than once; most would not have passed the signature filter.
   */
  unexamined?: number;
}

/** Best first: higher score, then lower indexes (deterministic). */
function byScore(x: RankedPair, y: RankedPair): number {
  return y.score - x.score || x.i - y.i || x.j - y.j;
}

/**
 * Keep the `max` best of one row's pairs (all sharing `i`), in place; returns how many were dropped.
 * Used while a candidate list is built, so that no row holds more than `max` pairs in memory.
 */
export function keepBestOfRow(row: RankedPair[], max: number): number {
  if (row.length <= max) return 0;
  row.sort(byScore);
  const dropped = row.length - max;
  row.length = max;
  return dropped;
}

/**
 * At most `max` pairs per article, taken best first: a pair is kept while both its articles have
 * fewer than `max` kept pairs. Returns the kept pairs in (i, j) order and the number dropped.
 */
export function capPairsPerArticle(
  pairs: readonly RankedPair[],
  count: number,
  max: number = MAX_CANDIDATES_PER_ARTICLE,
): { pairs: Array<[number, number]>; dropped: number } {
  if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`max must be a whole number ≥ 1, got ${max}`);
  const degree = new Uint32Array(count);
  let over = false;
  for (const p of pairs) {
    degree[p.i] = (degree[p.i] as number) + 1;
    degree[p.j] = (degree[p.j] as number) + 1;
    if ((degree[p.i] as number) > max || (degree[p.j] as number) > max) over = true;
  }
  if (!over) return { pairs: pairs.map((p) => [p.i, p.j]), dropped: 0 };
  degree.fill(0);
  const kept: RankedPair[] = [];
  for (const p of [...pairs].sort(byScore)) {
    if ((degree[p.i] as number) >= max || (degree[p.j] as number) >= max) continue;
    degree[p.i] = (degree[p.i] as number) + 1;
    degree[p.j] = (degree[p.j] as number) + 1;
    kept.push(p);
  }
  kept.sort((x, y) => x.i - y.i || x.j - y.j);
  return { pairs: kept.map((p) => [p.i, p.j]), dropped: pairs.length - kept.length };
}
