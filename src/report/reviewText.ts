/**
 * The review of one pair as terminal text: inline (wdiff marks `[-old-]{+new+}`) or side by
 * side, with a `wdiff -s`-style summary. Marks are always printed; colour only adds to them, so
 * that the view reads the same in a pipe, a log or a golden file. Text from the articles is passed
 * through `escapeTerminal` (escape.ts), with or without colour: control and escape sequences in an
 * article show as visible marks and are never sent to the terminal.
 */
import type { ChangeKind, DiffPart, Review, ReviewRow } from '../types/review.js';
import { escapeTerminal as esc } from './escape.js';
import { pct } from './format.js';

export interface ReviewTextOptions {
  /** ANSI colour (the caller decides: a terminal, no NO_COLOR, no --no-color). */
  color?: boolean;
  layout?: 'inline' | 'side-by-side';
  /** Columns to wrap at (at least 40). */
  width?: number;
  /** Leave out the rows that did not change. */
  changesOnly?: boolean;
}

type Style = 'plain' | 'del' | 'ins' | 'kind' | 'alert' | 'dim' | 'head';
interface Span {
  text: string;
  style: Style;
}

const ANSI: Record<Style, [string, string]> = {
  plain: ['', ''],
  del: ['\x1b[31;9m', '\x1b[0m'],
  ins: ['\x1b[32;4m', '\x1b[0m'],
  kind: ['\x1b[2m', '\x1b[0m'],
  alert: ['\x1b[1;33m', '\x1b[0m'],
  dim: ['\x1b[2m', '\x1b[0m'],
  head: ['\x1b[1m', '\x1b[0m'],
};

const ROW_MARK: Record<ReviewRow['kind'], string> = {
  same: '=',
  changed: '~',
  added: '+',
  dropped: '-',
  moved: '>',
  aligned: '≈',
};

/** One side of a row across languages: its text, the shared names and figures between ⟦ ⟧. */
function markedSpans(row: ReviewRow, side: 'a' | 'b'): Span[] {
  const text = row.parts.map((p) => p[side]).join('');
  const out: Span[] = [];
  let at = 0;
  for (const [s, e] of row.marks?.[side] ?? []) {
    out.push({ text: text.slice(at, s), style: 'plain' }, { text: `⟦${text.slice(s, e)}⟧`, style: 'alert' });
    at = e;
  }
  out.push({ text: text.slice(at), style: 'plain' });
  return out.filter((x) => x.text !== '');
}

/** The summary of a review across two languages. */
function crossSummary(review: Review): string {
  const c = review.crossLanguage as NonNullable<Review['crossLanguage']>;
  const lines = [
    `languages: ${c.languages[0]} (A) and ${c.languages[1]} (B): ${c.aligned} paragraph${c.aligned === 1 ? '' : 's'} aligned, of ${c.paragraphsA} in A and ${c.paragraphsB} in B`,
  ];
  if (c.names.length > 0) lines.push(`names in both: ${c.names.join(', ')}`);
  if (c.numbers.length > 0) lines.push(`numbers in both: ${c.numbers.join(', ')}`);
  if (c.dates.length > 0) lines.push(`dates in both: ${c.dates.join(', ')}`);
  lines.push(...describeSetAside(review));
  return `${lines.join('\n')}\n`;
}

/** Label of a kind in the text view; a changed figure is shouted. */
export function labelKind(kind: ChangeKind): string {
  return kind === 'number' ? 'NUMBER' : kind;
}

// East Asian wide characters take two columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Spans of one side (or both, inline) of a row's parts. */
function spansOf(parts: readonly DiffPart[], side: 'a' | 'b' | 'both'): Span[] {
  const out: Span[] = [];
  const tag = (kind: ChangeKind | undefined): void => {
    if (kind && kind !== 'reworded')
      out.push({ text: `<${labelKind(kind)}>`, style: kind === 'number' ? 'alert' : 'kind' });
  };
  for (const p of parts) {
    if (p.op === 'equal') {
      out.push({ text: side === 'a' ? p.a : p.b, style: 'plain' });
      continue;
    }
    const lead = (s: string): string => /^\s*/u.exec(s)?.[0] ?? '';
    if (side !== 'b' && p.a !== '') {
      out.push({ text: lead(p.a), style: 'plain' }, { text: `[-${p.a.trimStart()}-]`, style: 'del' });
    }
    if (side !== 'a' && p.b !== '') {
      out.push(
        { text: side === 'both' && p.a !== '' ? '' : lead(p.b), style: 'plain' },
        { text: `{+${p.b.trimStart()}+}`, style: 'ins' },
      );
    }
    if (side === 'both' || (side === 'a' && p.a !== '') || (side === 'b' && p.b !== '')) tag(p.kind);
  }
  return out.filter((s) => s.text !== '').map((s) => ({ text: esc(s.text), style: s.style }));
}

/** Wrap spans into lines of at most `width` columns (a longer word gets a line of its own). */
function wrapSpans(spans: readonly Span[], width: number): Span[][] {
  const lines: Span[][] = [[]];
  let used = 0;
  for (const span of spans) {
    for (const piece of span.text.split(
      /(?<=\s)(?=\S)|(?<=[\u3000-\u9fff\uff00-\uffef])(?=[\u3000-\u9fff\uff00-\uffef])/u,
    )) {
      const w = columns(piece.trimEnd());
      let current = lines[lines.length - 1] as Span[];
      if (used > 0 && used + w > width) {
        current = [];
        lines.push(current);
        used = 0;
      }
      const text = used === 0 ? piece.trimStart() : piece;
      if (text === '') continue;
      current.push({ text, style: span.style });
      used += columns(text);
    }
  }
  return lines.map((l) => trimLine(l));
}

function trimLine(line: Span[]): Span[] {
  const last = line[line.length - 1];
  if (last) last.text = last.text.trimEnd();
  return line;
}

function paint(spans: readonly Span[], color: boolean): string {
  return spans
    .map((s) => (color && s.style !== 'plain' ? `${ANSI[s.style][0]}${s.text}${ANSI[s.style][1]}` : s.text))
    .join('');
}

function visible(spans: readonly Span[]): number {
  return spans.reduce((n, s) => n + columns(s.text), 0);
}

const refs = (prefix: string, idx: readonly number[]): string =>
  idx.length === 0 ? '' : `${prefix}${idx.map((k) => k + 1).join('+')}`;

function rowHeader(row: ReviewRow): string {
  const where = [refs('A', row.a), refs('B', row.b)].filter((s) => s !== '').join(' ');
  const notes: string[] = [];
  if (row.kind === 'moved') notes.push('moved');
  if (row.kind === 'added') notes.push('added');
  if (row.kind === 'dropped') notes.push('dropped');
  if (row.a.length + row.b.length > 2 && row.kind !== 'aligned') notes.push(row.a.length > 1 ? 'merged' : 'split');
  if (row.coarse) notes.push('too different for a word diff');
  if (row.shared) notes.push('in a shared passage');
  return `${ROW_MARK[row.kind]} ${where}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** The `wdiff -s`-style summary lines. */
export function renderReviewSummary(review: Review): string {
  if (review.crossLanguage) return crossSummary(review);
  const s = review.summary;
  const lines = [
    `A ${esc(review.a.id)}: ${s.wordsA} words  ${s.kept} ${pct(s.kept, s.wordsA)} common  ${s.dropped} ${pct(s.dropped, s.wordsA)} deleted  ${s.changedA} ${pct(s.changedA, s.wordsA)} changed`,
    `B ${esc(review.b.id)}: ${s.wordsB} words  ${s.kept} ${pct(s.kept, s.wordsB)} common  ${s.added} ${pct(s.added, s.wordsB)} inserted  ${s.changedB} ${pct(s.changedB, s.wordsB)} changed`,
    `sentences: ${s.sentencesA} in A, ${s.sentencesB} in B; ${s.sentencesDropped} dropped, ${s.sentencesAdded} added, ${s.sentencesMoved} moved, ${s.sentencesSplitOrMerged} split or merged`,
  ];
  const kinds = Object.entries(s.kinds).map(([k, n]) => `${labelKind(k as ChangeKind)} ${n}`);
  lines.push(`changes: ${kinds.length > 0 ? kinds.join(', ') : 'none'}`);
  lines.push(describeWindows(review), ...describeSetAside(review));
  return `${lines.join('\n')}\n`;
}

/** The shared passages and where each text's overlap window begins and ends (sentence numbers). */
export function describeWindows(review: Review): string {
  const s = review.summary;
  if (!s.sharedPassages) return 'shared passages: none';
  const w = (side: Review['a'], total: number): string =>
    side.window ? `sentences ${side.window[0] + 1}–${side.window[1] + 1} of ${total}` : 'none';
  return `shared passages: ${s.sharedPassages} (${s.sharedWords} words); window in A: ${w(review.a, s.sentencesA)}, in B: ${w(review.b, s.sentencesB)}`;
}

/** What each side set aside before the comparison, counted by reason. */
function describeSetAside(review: Review): string[] {
  return (['a', 'b'] as const).flatMap((k) => {
    const side = review[k];
    if (!side.setAside || side.setAside.length === 0) return [];
    const counts = new Map<string, number>();
    for (const x of side.setAside) counts.set(x.rule, (counts.get(x.rule) ?? 0) + 1);
    const list = [...counts].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
    return [
      `set aside in ${k.toUpperCase()}: ${side.setAside.length} line${side.setAside.length === 1 ? '' : 's'} (${list})`,
    ];
  });
}

/** Render a review for the terminal. */
export function renderReviewText(review: Review, options: ReviewTextOptions = {}): string {
  const color = options.color ?? false;
  const width = Math.max(40, options.width ?? 100);
  const layout = options.layout ?? 'inline';
  const ignored = Object.entries(review.ignore)
    .filter(([, v]) => v)
    .map(([k]) => k);
  const out: string[] = [];
  const side = (label: string, x: Review['a']): string =>
    `${label}: ${esc(x.id)}${x.title ? ` — ${esc(x.title)}` : ''}`;
  out.push(paint([{ text: side('A', review.a), style: 'head' }], color));
  out.push(paint([{ text: side('B', review.b), style: 'head' }], color));
  out.push(
    review.crossLanguage
      ? 'two languages: paragraphs aligned side by side (no word diff); ⟦names, numbers, dates⟧ given by both are marked; rows: ≈ aligned, - only in A, + only in B'
      : `marks: [-only in A-] {+only in B+} <kind of change>; rows: = same, ~ changed, - dropped, + added, > moved${ignored.length > 0 ? `; ignoring ${ignored.join(', ')}` : ''}`,
  );
  out.push('');
  for (const row of review.rows) {
    if (options.changesOnly && row.kind === 'same') continue;
    out.push(paint([{ text: rowHeader(row), style: 'dim' }], color));
    if (row.marks && layout === 'inline') {
      for (const side of ['a', 'b'] as const)
        for (const line of wrapSpans(markedSpans(row, side), width - 5))
          out.push(`  ${side.toUpperCase()}| ${paint(line, color)}`);
    } else if (row.marks) {
      const col = Math.floor((width - 3) / 2);
      const left = wrapSpans(markedSpans(row, 'a'), col);
      const right = wrapSpans(markedSpans(row, 'b'), col);
      for (let k = 0; k < Math.max(left.length, right.length); k++) {
        const l = left[k] ?? [];
        out.push(
          `${paint(l, color)}${' '.repeat(Math.max(0, col - visible(l)))} | ${paint(right[k] ?? [], color)}`.trimEnd(),
        );
      }
    } else if (layout === 'inline') {
      const side = row.kind === 'same' ? 'b' : 'both';
      for (const line of wrapSpans(spansOf(row.parts, side), width - 2)) out.push(`  ${paint(line, color)}`);
    } else {
      const col = Math.floor((width - 3) / 2);
      const left = row.a.length > 0 ? wrapSpans(spansOf(row.parts, 'a'), col) : [];
      const right = row.b.length > 0 ? wrapSpans(spansOf(row.parts, 'b'), col) : [];
      for (let k = 0; k < Math.max(left.length, right.length); k++) {
        const l = left[k] ?? [];
        const r = right[k] ?? [];
        const pad = ' '.repeat(Math.max(0, col - visible(l)));
        out.push(`${paint(l, color)}${pad} | ${paint(r, color)}`.trimEnd());
      }
    }
  }
  out.push('');
  out.push(renderReviewSummary(review).trimEnd());
  return `${out.join('\n')}\n`;
}
