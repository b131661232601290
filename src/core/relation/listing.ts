/**
 * Which linked pairs a report lists. Stories are built from every linked pair; the listing is
 * bounded so that a report stays linear in the corpus: each document appears in at most
 * `MAX_LISTED_PAIRS_PER_DOCUMENT` listed pairs, the strongest first. Identical copies are listed
 * apart (each once, against the first copy: core/candidates/identical.ts) and not counted here.
 */
import type { PairResult } from '../../types/index.js';
import { RELATION_STRENGTH } from './classify.js';

/**
 * Measured (scans of ../shared/eval with every pair listed): a document is linked to at most 13
 * others (WMT22 news, e-commerce and social: one source's 14 English versions, translation variants
 * of one another), WMT24 7, the web sets 4; 20 leaves a margin of 1.5× over real data. Synthetic
 * one-line articles from a 15-word vocabulary link each line to about 100 others (the candidate
 * cap), which without this bound made a 75 MB report.json for 2,000 lines.
 */
export const MAX_LISTED_PAIRS_PER_DOCUMENT = 20;

/**
 * The pairs to list, at most `max` per document, strongest first (a pair is listed while both its
 * documents have fewer than `max` listed), in their given order; and how many were left out.
 */
export function listPairs(
  pairs: readonly PairResult[],
  max: number = MAX_LISTED_PAIRS_PER_DOCUMENT,
): { listed: PairResult[]; omitted: number } {
  if (!(max >= 1)) throw new RangeError(`max must be ≥ 1, got ${max}`);
  const degree = new Map<string, number>();
  let over = false;
  for (const p of pairs) {
    for (const id of [p.a, p.b]) {
      const d = (degree.get(id) ?? 0) + 1;
      degree.set(id, d);
      if (d > max) over = true;
    }
  }
  if (!over) return { listed: [...pairs], omitted: 0 };
  degree.clear();
  // Strongest first: relation, then cosine (below 1, so it never crosses a relation), then the
  // order given: deterministic, and numbers only (a string compare per step is slow on 10⁶ pairs).
  const key = Float64Array.from(pairs, (p) => 2 * RELATION_STRENGTH[p.relation] + p.scores.cosine);
  const order = Uint32Array.from(pairs.keys()).sort((x, y) => (key[y] as number) - (key[x] as number) || x - y);
  const keep = new Set<PairResult>();
  for (const k of order) {
    const p = pairs[k] as PairResult;
    if ((degree.get(p.a) ?? 0) >= max || (degree.get(p.b) ?? 0) >= max) continue;
    degree.set(p.a, (degree.get(p.a) ?? 0) + 1);
    degree.set(p.b, (degree.get(p.b) ?? 0) + 1);
    keep.add(p);
  }
  return { listed: pairs.filter((p) => keep.has(p)), omitted: pairs.length - keep.size };
}
