/**
 * The gate's verdicts as text: one block per article (or only the redundant ones), then a count.
 * Ids, reasons and passages come from the input: control characters are shown, not sent (escape.ts).
 */
import type { GateMatch, GateResult } from '../types/index.js';
import { escapeTerminal as esc } from './escape.js';

export interface GateTextOptions {
  /** Print only redundant articles, and no count. */
  quiet?: boolean;
}

function formatScores(m: GateMatch): string {
  const s = m.scores;
  return `char containment ${s.charContainmentAB}/${s.charContainmentBA}, word Jaccard ${s.jaccard}, cosine ${s.cosine}, aligned ${s.alignedAB}/${s.alignedBA}, length ratio ${s.lengthRatio}`;
}

export function renderGateText(result: GateResult, options: GateTextOptions = {}): string {
  const quiet = options.quiet === true;
  const lines: string[] = [];
  for (const r of result.results) {
    if (quiet && r.verdict === 'novel') continue;
    lines.push(`${r.verdict.padEnd(9)} ${esc(r.input)}`);
    for (const reason of r.reasons) lines.push(`  ${esc(reason)}`);
    for (const m of r.matches) {
      lines.push(`  - ${m.relation} ${esc(m.id)}: ${formatScores(m)}`);
      for (const passage of (m.shared ?? []).slice(0, 3)) lines.push(`      shared: "${esc(passage)}"`);
    }
  }
  if (!quiet) {
    const redundant = result.results.filter((r) => r.verdict === 'redundant').length;
    const known = result.results.filter((r) => r.event?.known === true).length;
    lines.push(
      `${result.results.length} checked: ${result.results.length - redundant} novel${known > 0 ? ` (${known} about a known event)` : ''}, ${redundant} redundant${result.added.length > 0 ? `; ${result.added.length} added to the index` : ''}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
