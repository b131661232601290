/** Small formatting helpers shared by the renderers. */
import type { DocumentNote, PairResult, Reason } from '../types/index.js';

export function fmt(x: number | undefined): string {
  return x === undefined ? '–' : x.toFixed(2);
}

/** "republication (B holds A)" and the like, in plain words. */
export function describeRelation(p: PairResult): string {
  if (p.relation === 'republication' && p.container) {
    const inner = p.container === p.a ? p.b : p.a;
    return `republication: ${p.container} holds ${inner}`;
  }
  return p.relation;
}

/** A document note in one line. */
export function describeNote(id: string, n: DocumentNote): string {
  if (n.kind !== 'self-repetition') return `${id}: ${n.text}`;
  return `${id} repeats its own material: sentence ${n.second + 1} restates sentence ${n.first + 1} (similarity ${n.similarity.toFixed(2)}): "${n.text}"`;
}

export function describeReason(r: Reason): string {
  return `${r.score} ${r.value.toFixed(3)} ${r.op} ${r.threshold} (${r.note})`;
}

/** A share as a whole percentage ("37%"); 0 % of nothing. */
export function pct(part: number, whole: number): string {
  return `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;
}
