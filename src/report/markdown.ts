/**
 * Markdown report: stories, related pairs with scores and reasons, normalization notes.
 *
 * Every text from the input (ids, titles, dates, passages, notes) goes through `escapeMarkdown`: a
 * title holding `[x](javascript:…)`, raw HTML or a `|` shows as text and cannot make a link, a tag
 * or a table cell. Bounded: a story names at most `MEMBERS_LISTED` members, the pair table holds the
 * `PAIRS_LISTED` strongest pairs and the `PAIRS_DETAILED` strongest get a section; report.json
 * holds the rest.
 */
import type { NewsEvent, PairResult, ScanResult, Story } from '../types/index.js';
import { escapeMarkdown as esc } from './escape.js';
import {
  count,
  describeEventDates,
  describeEventMember,
  describeNote,
  describeReason,
  describeRelation,
  describeScanCounts,
  eventsBySize,
  fmt,
} from './format.js';

/** Members named in a story's row. */
export const MEMBERS_LISTED = 20;
/** Rows of the related-pairs table. */
export const PAIRS_LISTED = 1000;
/** Pairs with a section of their own (reasons, shared passages). */
export const PAIRS_DETAILED = 200;

function members(s: Story): string {
  const named = s.members.slice(0, MEMBERS_LISTED).map(esc).join(', ');
  return s.members.length > MEMBERS_LISTED
    ? `${named} … and ${count(s.members.length - MEMBERS_LISTED)} more (report.json)`
    : named;
}

/** Rows of the events table (events of several stories first). */
export const EVENTS_LISTED = 1000;

function eventMembers(e: NewsEvent): string {
  const named = e.members
    .slice(0, MEMBERS_LISTED)
    .map((m) => describeEventMember(m, esc))
    .join(', ');
  return e.members.length > MEMBERS_LISTED
    ? `${named} … and ${count(e.members.length - MEMBERS_LISTED)} more (report.json)`
    : named;
}

/**
 * Events: the stories grouped by the happening they report, each member with how it reached print,
 * then why the stories of each event were joined.
 */
function eventSection(events: readonly NewsEvent[]): string[] {
  const sorted = eventsBySize(events);
  const out = [
    '## Events',
    '',
    'Stories grouped by the happening they report (an event of one story is that story).',
    '',
    '| event | stories | members (how each reached print, story) | actors | places | dates |',
    '|---|---|---|---|---|---|',
  ];
  for (const e of sorted.slice(0, EVENTS_LISTED))
    out.push(
      `| ${e.id} | ${e.stories.map(esc).join(', ')} | ${eventMembers(e)} | ${e.actors.map(esc).join(', ') || '–'} | ${e.places.map(esc).join(', ') || '–'} | ${describeEventDates(e, esc)} |`,
    );
  if (sorted.length > EVENTS_LISTED)
    out.push('', `… and ${count(sorted.length - EVENTS_LISTED)} more events in report.json.`);
  for (const e of sorted.filter((x) => x.links.length > 0).slice(0, PAIRS_DETAILED)) {
    out.push('', `### ${e.id}: why its stories are one event`, '');
    for (const l of e.links) out.push(`- ${esc(l.a)} and ${esc(l.b)}: ${l.reasons.map(esc).join('; ')}`);
  }
  return out;
}

function storySection(result: ScanResult): string[] {
  const out = ['## Stories', '', '| story | members | origin |', '|---|---|---|'];
  for (const s of result.stories)
    out.push(`| ${s.id} | ${members(s)} | ${s.origin ? `${esc(s.origin)} (by ${s.originBy})` : '–'} |`);
  return out;
}

function pairDetail(p: PairResult): string[] {
  const out = [
    '',
    `### ${esc(p.a)} ↔ ${esc(p.b)}: ${describeRelation(p, esc)}`,
    '',
    ...p.reasons.map((r) => `- ${describeReason(r)}`),
  ];
  if (p.shared?.length) {
    const formulaic = new Set(p.formulaic ?? []);
    out.push(
      '',
      'Shared passages:',
      '',
      ...p.shared.map((s) => `> ${esc(s)}${formulaic.has(s) ? ' *(formulaic: also in a third document)*' : ''}`),
    );
  }
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
  for (const p of result.pairs.slice(0, PAIRS_LISTED)) {
    out.push(
      `| ${esc(p.a)} | ${esc(p.b)} | ${describeRelation(p, esc)} | ${fmt(p.scores.jaccard)} | ${fmt(p.scores.containmentAB)} | ${fmt(p.scores.containmentBA)} | ${fmt(p.scores.cosine)} | ${fmt(p.scores.alignedAB)}/${fmt(p.scores.alignedBA)} |`,
    );
  }
  if (result.pairs.length > PAIRS_LISTED)
    out.push('', `… and ${count(result.pairs.length - PAIRS_LISTED)} more pairs in report.json.`);
  for (const p of result.pairs.slice(0, PAIRS_DETAILED)) out.push(...pairDetail(p));
  if (result.pairs.length > PAIRS_DETAILED)
    out.push(
      '',
      `The reasons and passages of the other ${count(result.pairs.length - PAIRS_DETAILED)} pairs are in report.json.`,
    );
  return out;
}

function nearestSection(result: ScanResult): string[] {
  if (!result.nearest || result.nearest.length === 0) return [];
  const out = ['## Closest unrelated pairs', '', 'Why the most similar pairs that were not linked stay apart:', ''];
  for (const p of result.nearest) {
    out.push(`- **${esc(p.a)} ↔ ${esc(p.b)}**: ${p.reasons.map(describeReason).join('; ')}`);
    const formulaic = new Set(p.formulaic ?? []);
    for (const s of p.shared ?? [])
      out.push(`  - shares "${esc(s)}"${formulaic.has(s) ? ' (formulaic: also in a third document)' : ''}`);
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
    const copy = d.copyOf ? ` (copy of ${esc(d.copyOf)})` : '';
    out.push(
      `| ${esc(d.id)}${copy} | ${esc(d.title ?? '–')} | ${esc(d.lang ?? '–')} | ${esc(d.date ?? '–')} | ${d.words} | ${removed} |`,
    );
  }
  const notes = result.documents.flatMap((d) => d.notes.map((n) => ({ d, n })));
  if (notes.length > 0) {
    out.push('', '## Notes', '');
    for (const { d, n } of notes) out.push(`- ${describeNote(d.id, n, esc)}`);
  }
  return out;
}

export function renderMarkdown(result: ScanResult): string {
  const summary = `${describeScanCounts(result, 'pairs compared')}.`;
  const near = nearestSection(result);
  const out = [
    '# copydesk similarity report',
    '',
    summary,
    '',
    ...(result.events ? [...eventSection(result.events), ''] : []),
    ...storySection(result),
    '',
    ...pairSection(result),
    ...(near.length > 0 ? ['', ...near] : []),
    '',
    ...documentSection(result),
  ];
  return `${out.join('\n')}\n`;
}
