/** Markdown report: stories, related pairs with scores and reasons, normalization notes. */
import type { ScanResult } from '../types/index.js';
import { describeNote, describeReason, describeRelation, fmt } from './format.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function storySection(result: ScanResult): string[] {
  const out = ['## Stories', '', '| story | members | origin |', '|---|---|---|'];
  for (const s of result.stories)
    out.push(
      `| ${s.id} | ${cell(s.members.join(', '))} | ${s.origin ? `${cell(s.origin)} (by ${s.originBy})` : '–'} |`,
    );
  return out;
}

function pairSection(result: ScanResult): string[] {
  const out = ['## Related pairs', ''];
  if (result.pairs.length === 0) {
    out.push(
      'None: no pair crossed a threshold. The closest pairs and why they stay apart are in report.json (`nearest`).',
    );
    return out;
  }
  out.push(
    '| a | b | relation | jaccard | cont. a→b | cont. b→a | cosine | aligned a/b |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const p of result.pairs) {
    out.push(
      `| ${cell(p.a)} | ${cell(p.b)} | ${cell(describeRelation(p))} | ${fmt(p.scores.jaccard)} | ${fmt(p.scores.containmentAB)} | ${fmt(p.scores.containmentBA)} | ${fmt(p.scores.cosine)} | ${fmt(p.scores.alignedAB)}/${fmt(p.scores.alignedBA)} |`,
    );
  }
  for (const p of result.pairs) {
    out.push(
      '',
      `### ${cell(p.a)} ↔ ${cell(p.b)}: ${cell(describeRelation(p))}`,
      '',
      ...p.reasons.map((r) => `- ${describeReason(r)}`),
    );
    if (p.shared?.length) {
      const formulaic = new Set(p.formulaic ?? []);
      out.push(
        '',
        'Shared passages:',
        '',
        ...p.shared.map((s) => `> ${s}${formulaic.has(s) ? ' *(formulaic: also in a third document)*' : ''}`),
      );
    }
  }
  return out;
}

function nearestSection(result: ScanResult): string[] {
  if (!result.nearest || result.nearest.length === 0) return [];
  const out = ['## Closest unrelated pairs', '', 'Why the most similar pairs that were not linked stay apart:', ''];
  for (const p of result.nearest) {
    out.push(`- **${cell(p.a)} ↔ ${cell(p.b)}**: ${p.reasons.map(describeReason).join('; ')}`);
    const formulaic = new Set(p.formulaic ?? []);
    for (const s of p.shared ?? [])
      out.push(`  - shares "${cell(s)}"${formulaic.has(s) ? ' (formulaic: also in a third document)' : ''}`);
  }
  return out;
}

function documentSection(result: ScanResult): string[] {
  const out = [
    '## Documents',
    '',
    '| id | title | lang | date | words | removed by normalization |',
    '|---|---|---|---|---|---|',
  ];
  for (const d of result.documents) {
    const removed = d.normalization.map((a) => `${a.rule}${a.line ? ` (line ${a.line})` : ''}`).join('; ') || '–';
    out.push(
      `| ${cell(d.id)} | ${cell(d.title ?? '–')} | ${d.lang ?? '–'} | ${d.date ?? '–'} | ${d.words} | ${cell(removed)} |`,
    );
  }
  const notes = result.documents.flatMap((d) => d.notes.map((n) => ({ d, n })));
  if (notes.length > 0) {
    out.push('', '## Notes', '');
    for (const { d, n } of notes) out.push(`- ${cell(describeNote(d.id, n))}`);
  }
  return out;
}

export function renderMarkdown(result: ScanResult): string {
  const summary = `${result.documents.length} documents, ${result.stories.length} stories, ${result.pairs.length} related pairs (${result.candidates.pairs} pairs compared, ${result.candidates.method}).`;
  const near = nearestSection(result);
  const out = [
    '# copydesk similarity report',
    '',
    summary,
    '',
    ...storySection(result),
    '',
    ...pairSection(result),
    ...(near.length > 0 ? ['', ...near] : []),
    '',
    ...documentSection(result),
  ];
  return `${out.join('\n')}\n`;
}
