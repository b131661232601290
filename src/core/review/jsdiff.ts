/**
 * The one file that touches `diff` (jsdiff). We use its array diff (Myers' O(N·D) algorithm) on
 * our own tokens rather than `diffWords`: our tokens carry the original text, the whitespace
 * before them and folded keys, so one comparator can ignore case, accents or spelling while the
 * output still shows the original words; and words of Chinese or Japanese come from
 * `Intl.Segmenter` (see `tokenizeForDiff`), which is what `diffWords`' `intlSegmenter` option does.
 *
 * Edge cases pinned in tests: an edit longer than `maxEditLength` returns `undefined` (we bound
 * it so that two unrelated long texts cannot take quadratic time; `timeout` would bound it too,
 * but its result depends on the machine's speed, and ours must be deterministic).
 */
import { diffArrays } from 'diff';

/** A run of the diff over token indexes: `equal` holds both ranges, `delete` A's, `insert` B's. */
export interface TokenRun {
  op: 'equal' | 'delete' | 'insert';
  /** Start index in A (for `insert`: where it goes in A) and count of A tokens. */
  startA: number;
  countA: number;
  startB: number;
  countB: number;
}

export interface DiffTokensOptions {
  /** Largest edit (tokens inserted + deleted) to search for; beyond it the result is `undefined`. */
  maxEditLength: number;
}

/**
 * Diff two arrays of keys (compared with `===`) into runs of token indexes, or `undefined` when
 * the edit is longer than `maxEditLength`.
 */
export function diffTokenKeys(
  a: readonly string[],
  b: readonly string[],
  options: DiffTokensOptions,
): TokenRun[] | undefined {
  if (!(Number.isInteger(options.maxEditLength) && options.maxEditLength >= 0)) {
    throw new RangeError(`maxEditLength must be a non-negative integer, got ${options.maxEditLength}`);
  }
  const changes = diffArrays([...a], [...b], { maxEditLength: options.maxEditLength });
  if (changes === undefined) return undefined;
  const runs: TokenRun[] = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    const n = c.value.length;
    if (n === 0) continue;
    if (c.added) {
      runs.push({ op: 'insert', startA: ia, countA: 0, startB: ib, countB: n });
      ib += n;
    } else if (c.removed) {
      runs.push({ op: 'delete', startA: ia, countA: n, startB: ib, countB: 0 });
      ia += n;
    } else {
      runs.push({ op: 'equal', startA: ia, countA: n, startB: ib, countB: n });
      ia += n;
      ib += n;
    }
  }
  return runs;
}
