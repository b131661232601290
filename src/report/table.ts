/**
 * Terminal tables: the one file that imports cli-table3. cli-table3 colours headers and borders
 * through its own colour library; with colour off we pass `style: {head: [], border: []}` so no
 * escape codes reach a pipe or a golden file.
 *
 * The scan's table is a summary, whatever the size of the corpus: the counts, the largest stories,
 * the strongest related pairs and the first notes, each list cut at `SUMMARY_ROWS` with a line that
 * says how many more there are and where to find them (report.md, report.json). Every text from the
 * input is passed through `escapeTerminal`: no control or escape sequence reaches the terminal.
 */
import Table from 'cli-table3';
import { type NewsEvent, type PairResult, RELATION_STRENGTH, type ScanResult, type Story } from '../types/index.js';
import { escapeTerminal as esc } from './escape.js';
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

export interface TableOptions {
  color?: boolean;
  /** Where the full reports were written (named in the "more" lines); absent with --no-write. */
  reports?: string;
}

/** Rows per list in the terminal summary (stories, pairs, notes). */
export const SUMMARY_ROWS = 10;
/** Members named per story in the summary. */
const MEMBERS_SHOWN = 3;

function makeTable(head: string[], color: boolean, compact = false): Table.Table {
  return new Table({
    head,
    style: color ? { head: ['cyan'], border: ['grey'], compact } : { head: [], border: [], compact },
    wordWrap: true,
  });
}

function more(n: number, what: string, options: TableOptions): string {
  const where = options.reports
    ? `${esc(options.reports)}/report.md and report.json`
    : 'the reports (run without --no-write)';
  return `… and ${count(n)} more ${what}: see ${where}`;
}

/** The largest stories first (then in story order), at most `SUMMARY_ROWS`. */
function storyTable(result: ScanResult, color: boolean): string {
  const order = new Map(result.stories.map((s, k) => [s, k]));
  const shown = [...result.stories]
    .sort((x, y) => y.members.length - x.members.length || (order.get(x) as number) - (order.get(y) as number))
    .slice(0, SUMMARY_ROWS);
  // Compact (no line between rows): a story's members already take several lines.
  const table = makeTable(['story', 'members', 'origin'], color, true);
  const members = (s: Story): string => {
    const named = s.members.slice(0, MEMBERS_SHOWN).map(esc);
    if (s.members.length > MEMBERS_SHOWN) named.push(`… and ${count(s.members.length - MEMBERS_SHOWN)} more`);
    return named.join('\n');
  };
  for (const s of shown) table.push([s.id, members(s), s.origin ? `${esc(s.origin)} (by ${s.originBy})` : '–']);
  return table.toString();
}

/** Members named per event in the summary. */
const EVENT_MEMBERS_SHOWN = 4;

/**
 * The events of several stories, largest first, at most `SUMMARY_ROWS`: each member with how it
 * reached print (original, copy, translation, independent report), the shared actors and the dates.
 */
function eventTable(events: readonly NewsEvent[], color: boolean): string {
  const shown = eventsBySize(events)
    .filter((e) => e.stories.length > 1)
    .slice(0, SUMMARY_ROWS);
  const table = makeTable(['event', 'members (how each reached print, story)', 'actors', 'dates'], color, true);
  for (const e of shown) {
    const named = e.members.slice(0, EVENT_MEMBERS_SHOWN).map((m) => describeEventMember(m, esc));
    if (e.members.length > EVENT_MEMBERS_SHOWN)
      named.push(`… and ${count(e.members.length - EVENT_MEMBERS_SHOWN)} more`);
    table.push([e.id, named.join('\n'), e.actors.slice(0, 3).map(esc).join('\n') || '–', describeEventDates(e, esc)]);
  }
  return table.toString();
}

/** The strongest related pairs, identical copies last, at most `SUMMARY_ROWS`. */
function pairTable(result: ScanResult, color: boolean): string {
  const copyOf = new Map(result.documents.map((d) => [d.id, d.copyOf]));
  const strength = (p: PairResult): number =>
    (copyOf.get(p.b) === p.a ? 0 : 10) + RELATION_STRENGTH[p.relation] + p.scores.cosine;
  const shown = result.pairs
    .map((p, k) => ({ p, k, s: strength(p) }))
    .sort((x, y) => y.s - x.s || x.k - y.k)
    .slice(0, SUMMARY_ROWS)
    .map((x) => x.p);
  const table = makeTable(
    ['a', 'b', 'relation', 'jaccard', 'cont. a→b', 'cont. b→a', 'cosine', 'aligned'],
    color,
    true,
  );
  for (const p of shown) {
    table.push([
      esc(p.a),
      esc(p.b),
      describeRelation(p, esc),
      fmt(p.scores.jaccard),
      fmt(p.scores.containmentAB),
      fmt(p.scores.containmentBA),
      fmt(p.scores.cosine),
      `${fmt(p.scores.alignedAB)}/${fmt(p.scores.alignedBA)}`,
    ]);
  }
  return table.toString();
}

/** The summary: counts, the largest stories, the strongest pairs, the first notes. */
export function renderTable(result: ScanResult, options: TableOptions = {}): string {
  const color = options.color ?? false;
  const parts = [describeScanCounts(result), storyTable(result, color)];
  if (result.stories.length > SUMMARY_ROWS)
    parts.push(more(result.stories.length - SUMMARY_ROWS, 'stories (the largest are shown)', options));
  const joined = (result.events ?? []).filter((e) => e.stories.length > 1).length;
  if (joined > 0) {
    parts.push(eventTable(result.events ?? [], color));
    if (joined > SUMMARY_ROWS) parts.push(more(joined - SUMMARY_ROWS, 'events of several stories', options));
  }
  if (result.pairs.length > 0) {
    parts.push(pairTable(result, color));
    if (result.pairs.length > SUMMARY_ROWS)
      parts.push(more(result.pairs.length - SUMMARY_ROWS, 'related pairs', options));
  }
  const notes = result.documents.flatMap((d) => d.notes.map((n) => `note: ${describeNote(d.id, n, esc)}`));
  parts.push(...notes.slice(0, SUMMARY_ROWS));
  if (notes.length > SUMMARY_ROWS) parts.push(more(notes.length - SUMMARY_ROWS, 'notes', options));
  return `${parts.join('\n')}\n`;
}

/** One pair: verdict, scores and reasons. */
export function renderPairTable(pair: PairResult, options: TableOptions = {}): string {
  const table = makeTable(['score', 'value'], options.color ?? false);
  for (const [k, v] of Object.entries(pair.scores)) table.push([k, fmt(v as number)]);
  const lines = [
    `${esc(pair.a)} ↔ ${esc(pair.b)}: ${describeRelation(pair, esc)}`,
    table.toString(),
    'reasons:',
    ...pair.reasons.map((r) => `  - ${esc(describeReason(r))}`),
  ];
  if (pair.shared && pair.shared.length > 0) lines.push('shared passages:', ...pair.shared.map((s) => `  "${esc(s)}"`));
  if (pair.event)
    lines.push(
      pair.event.same ? 'same event, independent reports:' : 'not the same event:',
      ...pair.event.reasons.map((r) => `  - ${esc(r)}`),
    );
  return `${lines.join('\n')}\n`;
}
