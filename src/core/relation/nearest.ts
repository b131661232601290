/**
 * The closest pairs that were not linked, for a report to say why they stay apart.
 */
import type { PairResult } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import { alignPassages } from '../passages/align.js';
import { describePassages } from '../passages/report.js';
import type { JudgedPair } from './stories.js';

export const NEAREST_COUNT = 5;

/** How close an unlinked pair came: its cosine plus its larger character containment. */
function closeness(p: PairResult): number {
  return p.scores.cosine + Math.max(p.scores.charContainmentAB, p.scores.charContainmentBA);
}

function byCloseness(x: JudgedPair, y: JudgedPair): number {
  return (
    closeness(y.result) - closeness(x.result) ||
    x.result.a.localeCompare(y.result.a) ||
    x.result.b.localeCompare(y.result.b)
  );
}

/**
 * The closest unlinked pairs among those offered, kept as they come: a scan need not hold every
 * judged pair (millions, on a corpus of near-copies) to name the five closest.
 */
export class NearestKeeper {
  private kept: JudgedPair[] = [];

  constructor(private readonly count = NEAREST_COUNT) {}

  offer(p: JudgedPair): void {
    if (p.result.relation !== 'unrelated') return;
    this.kept.push(p);
    if (this.kept.length >= 4 * this.count + 16) this.kept = this.kept.sort(byCloseness).slice(0, this.count);
  }

  /** The kept pairs (at least the `count` closest of all offered). */
  list(): JudgedPair[] {
    return this.kept;
  }
}

/**
 * The `count` closest unlinked pairs (copies of the judged results), with up to 3 passages of at
 * least 6 matched words they share.
 */
export function pickNearest(
  judged: readonly JudgedPair[],
  fps: readonly Fingerprint[] | ((k: number) => Fingerprint),
  count = NEAREST_COUNT,
): PairResult[] {
  const fingerprintOf = typeof fps === 'function' ? fps : (k: number) => fps[k] as Fingerprint;
  return judged
    .filter((p) => p.result.relation === 'unrelated')
    .sort(byCloseness)
    .slice(0, count)
    .map((p) => {
      const out: PairResult = { ...p.result };
      const a = fingerprintOf(p.i).article.tokens;
      const shared = describePassages(alignPassages(a, fingerprintOf(p.j).article.tokens, { minWords: 6 }), a);
      if (shared.length > 0) out.shared = shared;
      return out;
    });
}
