/**
 * Where the shared passages sit says how a republication's container differs from the text it
 * holds: text before the shared part (an added intro), after it (the held text is a preview or a
 * copy cut sooner), on both sides (an excerpt), or gaps inside (an abridged copy).
 */
import type { ReuseForm } from '../../types/index.js';
import type { Passage } from '../passages/align.js';

/**
 * Text outside the shared window worth naming: at least this share of the container, and at
 * least `MIN_OUTSIDE_WORDS`. A dateline or a sign-off left over after extraction is smaller.
 */
const MIN_OUTSIDE_SHARE = 0.1;
const MIN_OUTSIDE_WORDS = 12;

/** The form of a republication: `container` is 'a' or 'b', the side that holds the other. */
export function describeForm(
  passages: readonly Passage[],
  lengthA: number,
  lengthB: number,
  container: 'a' | 'b',
): ReuseForm {
  if (passages.length === 0) return 'whole';
  const start = (p: Passage) => (container === 'a' ? p.startA : p.startB);
  const end = (p: Passage) => (container === 'a' ? p.endA : p.endB);
  const length = container === 'a' ? lengthA : lengthB;
  const first = Math.min(...passages.map(start));
  const last = Math.max(...passages.map(end));
  const inside = passages.reduce((n, p) => n + (end(p) - start(p)), 0);
  const worth = (words: number) => words >= MIN_OUTSIDE_WORDS && words >= MIN_OUTSIDE_SHARE * length;
  const before = worth(first);
  const after = worth(length - last);
  if (before && after) return 'excerpt';
  if (before) return 'added-intro';
  if (after) return 'truncation';
  return worth(last - first - inside) ? 'abridged' : 'whole';
}
