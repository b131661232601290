/**
 * Formulaic language: a passage two texts share that recurs in other documents of the corpus
 * ("community with a shared future") is listed as formulaic, to show it was not taken as
 * evidence of copying.
 */
import type { PairResult } from '../../types/index.js';
import { type Fingerprint, WORD_SHINGLE_SIZE } from '../fingerprint/fingerprint.js';
import { hashWordShingles } from '../fingerprint/shingle.js';
import { hasValue } from '../similarity/sets.js';

/** A passage found in this many documents or more is formulaic language. */
export const FORMULAIC_DOCUMENTS = 3;

/**
 * Whether a passage (in matching tokens) recurs in at least `FORMULAIC_DOCUMENTS` documents: a
 * document holds it when it holds every word shingle of it (looked up in the fingerprints' sorted
 * shingle sets, so the cost is a few binary searches per document, not a text search).
 */
export function isFormulaic(
  tokens: readonly string[],
  fps: readonly Pick<Fingerprint, 'words'>[],
  weights?: readonly number[],
): boolean {
  if (tokens.length < WORD_SHINGLE_SIZE) return false;
  const hashes = hashWordShingles(tokens, WORD_SHINGLE_SIZE);
  let found = 0;
  for (const [k, f] of fps.entries()) {
    let all = true;
    for (const h of hashes) {
      if (!hasValue(f.words, h)) {
        all = false;
        break;
      }
    }
    if (all) found += weights?.[k] ?? 1;
    if (found >= FORMULAIC_DOCUMENTS) return true;
  }
  return false;
}

/**
 * Mark, in place, the shared passages of each pair that recur in a third document. A passage
 * shown whole is its tokens joined by spaces (tokens hold no spaces); a shortened one ("head …
 * tail [N words]") is a long copy, never formulaic. `weights`: how many documents each fingerprint
 * stands for (identical copies folded into one), 1 each by default.
 */
export function markFormulaic(
  pairs: readonly PairResult[],
  fps: readonly Pick<Fingerprint, 'words'>[],
  weights?: readonly number[],
): void {
  // Copies share the same passages with everyone: each passage is looked up once.
  const known = new Map<string, boolean>();
  const formulaic = (run: string): boolean => {
    let f = known.get(run);
    if (f === undefined) {
      f = !run.includes(' … ') && isFormulaic(run.split(' '), fps, weights);
      known.set(run, f);
    }
    return f;
  };
  for (const p of pairs) {
    const recurring = (p.shared ?? []).filter(formulaic);
    if (recurring.length > 0) p.formulaic = recurring;
  }
}
