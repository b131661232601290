/**
 * Formulaic language: a passage two texts share that recurs in other documents of the corpus
 * ("community with a shared future") is listed as formulaic, to show it was not taken as
 * evidence of copying.
 */
import type { PairResult, Sequence } from '../../types/index.js';
import { type Fingerprint, WORD_SHINGLE_SIZE } from '../fingerprint/fingerprint.js';
import { hashWordShingles } from '../fingerprint/shingle.js';
import { hasValue } from '../similarity/sets.js';

/** A passage found in this many documents or more is formulaic language. */
export const FORMULAIC_DOCUMENTS = 3;

/**
 * Which of `passages` (each in matching tokens) recur in at least `FORMULAIC_DOCUMENTS` documents:
 * a document holds a passage when it holds every word shingle of it (looked up in the
 * fingerprints' sorted shingle sets, so the cost is a few binary searches per document, not a text
 * search). Each fingerprint is read once, in order, for every passage still undecided (a large
 * scan reads its fingerprints' shingles back from a shelf: `Sequence`), and the walk ends when
 * every passage is decided. `weights`: how many documents each fingerprint stands for.
 */
export function formulaicOf(
  passages: readonly (readonly string[])[],
  fps: Sequence<Pick<Fingerprint, 'words'>>,
  weights?: readonly number[],
): boolean[] {
  const out = passages.map(() => false);
  const open: Array<{ at: number; hashes: Uint32Array; found: number }> = [];
  passages.forEach((tokens, at) => {
    if (tokens.length >= WORD_SHINGLE_SIZE)
      open.push({ at, hashes: hashWordShingles(tokens, WORD_SHINGLE_SIZE), found: 0 });
  });
  for (let k = 0; k < fps.length && open.length > 0; k++) {
    const { words } = fps.at(k) as Pick<Fingerprint, 'words'>;
    for (let n = open.length - 1; n >= 0; n--) {
      const passage = open[n] as (typeof open)[number];
      if (!passage.hashes.every((h) => hasValue(words, h))) continue;
      passage.found += weights?.[k] ?? 1;
      if (passage.found < FORMULAIC_DOCUMENTS) continue;
      out[passage.at] = true;
      open.splice(n, 1);
    }
  }
  return out;
}

/**
 * Mark, in place, the shared passages of each pair that recur in a third document. A passage
 * shown whole is its tokens joined by spaces (tokens hold no spaces); a shortened one ("head …
 * tail [N words]") is a long copy, never formulaic. `weights`: how many documents each fingerprint
 * stands for (identical copies folded into one), 1 each by default.
 */
export function markFormulaic(
  pairs: readonly PairResult[],
  fps: Sequence<Pick<Fingerprint, 'words'>>,
  weights?: readonly number[],
): void {
  // Copies share the same passages with everyone: each passage is looked up once.
  const runs = [...new Set(pairs.flatMap((p) => p.shared ?? []))].filter((run) => !run.includes(' … '));
  const found = formulaicOf(
    runs.map((run) => run.split(' ')),
    fps,
    weights,
  );
  const formulaic = new Set(runs.filter((_, n) => found[n]));
  for (const p of pairs) {
    const recurring = (p.shared ?? []).filter((run) => formulaic.has(run));
    if (recurring.length > 0) p.formulaic = recurring;
  }
}
