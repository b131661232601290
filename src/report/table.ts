/**
 * Terminal tables: the one file that imports cli-table3. cli-table3 colours headers and borders
 * through its own colour library; with colour off we pass `style: {head: [], border: []}` so no
 * escape codes reach a pipe or a golden file.
 */
import Table from 'cli-table3';
import type { PairResult, ScanResult } from '../types/index.js';
import { describeNote, describeReason, describeRelation, fmt } from './format.js';

export interface TableOptions {
  color?: boolean;
}

function makeTable(head: string[], color: boolean): Table.Table {
  return new Table({
    head,
    style: color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
    wordWrap: true,
  });
}

/** Stories, then the related pairs with their scores. */
export function renderTable(result: ScanResult, options: TableOptions = {}): string {
  const color = options.color ?? false;
  const stories = makeTable(['story', 'members', 'origin'], color);
  for (const s of result.stories) {
    stories.push([s.id, s.members.join('\n'), s.origin ? `${s.origin} (by ${s.originBy})` : '–']);
  }
  const parts = [
    `${result.documents.length} documents, ${result.stories.length} stories, ${result.pairs.length} related pairs (${result.candidates.pairs} compared, ${result.candidates.method})`,
    stories.toString(),
  ];
  if (result.pairs.length > 0) {
    const pairs = makeTable(['a', 'b', 'relation', 'jaccard', 'cont. a→b', 'cont. b→a', 'cosine', 'aligned'], color);
    for (const p of result.pairs) {
      pairs.push([
        p.a,
        p.b,
        describeRelation(p),
        fmt(p.scores.jaccard),
        fmt(p.scores.containmentAB),
        fmt(p.scores.containmentBA),
        fmt(p.scores.cosine),
        `${fmt(p.scores.alignedAB)}/${fmt(p.scores.alignedBA)}`,
      ]);
    }
    parts.push(pairs.toString());
  }
  const notes = result.documents.flatMap((d) => d.notes.map((n) => `note: ${describeNote(d.id, n)}`));
  parts.push(...notes);
  return `${parts.join('\n')}\n`;
}

/** One pair: verdict, scores and reasons. */
export function renderPairTable(pair: PairResult, options: TableOptions = {}): string {
  const table = makeTable(['score', 'value'], options.color ?? false);
  for (const [k, v] of Object.entries(pair.scores)) table.push([k, fmt(v as number)]);
  const lines = [
    `${pair.a} ↔ ${pair.b}: ${describeRelation(pair)}`,
    table.toString(),
    'reasons:',
    ...pair.reasons.map((r) => `  - ${describeReason(r)}`),
  ];
  if (pair.shared && pair.shared.length > 0) lines.push('shared passages:', ...pair.shared.map((s) => `  "${s}"`));
  if (pair.event)
    lines.push(
      pair.event.same ? 'same event, independent reports:' : 'not the same event:',
      ...pair.event.reasons.map((r) => `  - ${r}`),
    );
  return `${lines.join('\n')}\n`;
}
