/** An evaluation as a plain-text table: our metrics and the baseline's side by side, then the relations. */
import type { EvaluationResult } from '../types/index.js';
import { escapeTerminal } from './escape.js';

export interface EvaluationTextOptions {
  /** The gold file's name, for the heading. */
  gold?: string;
}

function f4(x: number): string {
  return x.toFixed(4);
}

/** A plain-text report: the metrics of ours and the baseline's side by side, then the relations. */
export function renderEvaluation(r: EvaluationResult, options: EvaluationTextOptions = {}): string {
  const gold = escapeTerminal(options.gold ?? 'gold');
  const rows: Array<[string, string, string]> = [
    ['ARI', f4(r.ari), r.baseline ? f4(r.baseline.ari) : '-'],
    ['pair precision', f4(r.pairPrecision), r.baseline ? f4(r.baseline.pairPrecision) : '-'],
    ['pair recall', f4(r.pairRecall), r.baseline ? f4(r.baseline.pairRecall) : '-'],
    ['pair F1', f4(r.pairF1), r.baseline ? f4(r.baseline.pairF1) : '-'],
    ['B-cubed precision', f4(r.bcubedPrecision), r.baseline ? f4(r.baseline.bcubedPrecision) : '-'],
    ['B-cubed recall', f4(r.bcubedRecall), r.baseline ? f4(r.baseline.bcubedRecall) : '-'],
    ['B-cubed F1', f4(r.bcubedF1), r.baseline ? f4(r.baseline.bcubedF1) : '-'],
    [r.level === 'event' ? 'events' : 'stories', String(r.stories), r.baseline ? String(r.baseline.stories) : '-'],
  ];
  const head: [string, string, string] = [
    'metric',
    'copydesk',
    r.baseline ? `baseline (word 3-gram Jaccard ≥ ${r.baseline.threshold})` : 'baseline',
  ];
  const w0 = Math.max(...[head, ...rows].map((x) => x[0].length));
  const w1 = Math.max(...[head, ...rows].map((x) => x[1].length));
  const line = (x: [string, string, string]) => `${x[0].padEnd(w0)}  ${x[1].padStart(w1)}  ${x[2]}`.trimEnd();
  let out = `gold: ${gold} (${r.documents} documents, ${r.clusters} ${r.level === 'event' ? 'events' : 'clusters'})\n\n${line(head)}\n${rows.map(line).join('\n')}\n`;
  const rel = r.relations;
  if (rel) {
    out += `\nrelations (field "${escapeTerminal(rel.field)}"): ${rel.total} labelled pairs, accuracy ${f4(rel.accuracy)}\n`;
    if (rel.total > 0) {
      // Gold labels come from the input: shown escaped, looked up as they are.
      const cols = rel.labels;
      const shown = (label: string): string => escapeTerminal(label);
      const rowsG = Object.keys(rel.confusion);
      const wl = Math.max('gold \\ predicted'.length, ...rowsG.map((g) => shown(g).length));
      const wc = cols.map((c) =>
        Math.max(shown(c).length, ...rowsG.map((g) => String(rel.confusion[g]?.[c] ?? 0).length)),
      );
      out += `${'gold \\ predicted'.padEnd(wl)}  ${cols.map((c, i) => shown(c).padStart(wc[i] as number)).join('  ')}\n`;
      for (const g of rowsG)
        out += `${shown(g).padEnd(wl)}  ${cols.map((c, i) => String(rel.confusion[g]?.[c] ?? 0).padStart(wc[i] as number)).join('  ')}\n`;
    }
  }
  return out;
}
