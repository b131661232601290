/**
 * HTML views: one pair's aligned side-by-side review (`copydesk diff A B --html FILE`) and the
 * scan report `reports/index.html` (stories, their members and relations, a similarity matrix,
 * and the review of each related pair).
 *
 * Each page is one self-contained file: inline CSS, no script, no external font or image, so it
 * opens offline and prints. Every text from an article is escaped: markup in an article shows as
 * text and runs nothing. Changes are marked by more than colour: deletions are struck through,
 * insertions underlined, each change carries a text label of its kind, each row a word (same,
 * changed, added, dropped, moved).
 */

import { type NewsEvent, type PairResult, RELATION_STRENGTH, type ScanResult, type Story } from '../types/index.js';
import { type ChangeKind, type DiffPart, pairKey, type Review, type ReviewRow } from '../types/review.js';
import { escapeTerminal } from './escape.js';
import { describeEventCounts, describeEventDates, eventsBySize, pct, ROLE_WORDS } from './format.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for HTML element content and attribute values. Control, escape and bidirectional
 * characters from the input are shown as visible marks too (escape.ts): harmless in a browser,
 * but not when the page is printed to a terminal, and an override would reorder what is read.
 */
export function escapeHtml(s: string): string {
  return escapeTerminal(s).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const STYLE = `
:root { --ins: #d7f5dd; --ins-ink: #0b5d1e; --del: #fde0e0; --del-ink: #8f1d1d; --num: #fff0b3; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #1f2328; margin: 0; background: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 1.5em; margin: 0.4em 0; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
.muted, .legend { color: var(--muted); font-size: 0.92em; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; text-decoration-thickness: 2px; }
.kind { font-size: 0.72em; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 3px; margin: 0 2px; vertical-align: super; color: var(--muted); white-space: nowrap; }
.kind-number { color: #7a4d00; background: var(--num); }
table.review { table-layout: fixed; }
table.review col.mark { width: 7.5em; } table.review col.side { width: calc((100% - 7.5em) / 2); }
table.review td { overflow-wrap: anywhere; }
tr.row-same td.side { color: #3d444d; }
tr.shared td.mark { border-left: 4px solid #6e40c9; } .passage { color: #6e40c9; font-weight: bold; }
mark.anchor { background: #fff0b3; color: inherit; border-bottom: 2px solid #7a4d00; padding: 0 1px; }
details.aside { color: var(--muted); margin: 0.4em 0; } details.aside li { color: #8c959f; } details.aside .rule { font-family: ui-monospace, monospace; font-size: 0.85em; }
tr.row-added td.b, tr.row-dropped td.a { background: #fafafa; }
/* A whole added or dropped sentence: the row's word says so; no need to strike or underline every word. */
tr.row-added ins, tr.row-dropped del { text-decoration: none; }
td.mark { font-size: 0.85em; color: var(--muted); white-space: nowrap; }
td.mark b { display: block; color: #1f2328; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 8px 0; }
.matrix { width: auto; }
.matrix td, .matrix th { text-align: center; padding: 2px 4px; font-size: 0.85em; min-width: 2.6em; }
.matrix th.doc { text-align: left; white-space: nowrap; }
.story { margin: 6px 0; }
.story > details > summary { cursor: pointer; } .story > details > summary > h3 { display: inline; }
.story-index { width: auto; margin-bottom: 12px; }
details.pair { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; margin: 10px 0; }
details.pair > summary { cursor: pointer; font-weight: 600; }
@media print {
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; } details.pair { border: none; padding: 0; }
  /* Print every pair's diff, folded or not. */
  details.pair::details-content, .story > details::details-content { content-visibility: visible; display: block; }
}
`;

const KIND_TITLE: Record<ChangeKind, string> = {
  spelling: 'spelling variant (British/American)',
  accents: 'accents dropped or encoding damage',
  transliteration: 'name transliterated another way',
  case: 'upper/lower case only',
  punctuation: 'punctuation or quotes only',
  number: 'a number or date changed',
  reworded: 'reworded',
};

function kindLabel(kind: ChangeKind | undefined): string {
  if (!kind || kind === 'reworded') return '';
  return `<span class="kind kind-${kind}" title="${escapeHtml(KIND_TITLE[kind])}">${kind === 'number' ? 'number!' : kind}</span>`;
}

/** One side of a row's parts, with its marks. */
function renderSide(parts: readonly DiffPart[], side: 'a' | 'b'): string {
  let html = '';
  for (const p of parts) {
    const text = side === 'a' ? p.a : p.b;
    if (p.op === 'equal') {
      html += escapeHtml(text);
      continue;
    }
    if (text === '') continue;
    const lead = /^\s*/u.exec(text)?.[0] ?? '';
    const tag = side === 'a' ? 'del' : 'ins';
    html += `${escapeHtml(lead)}<${tag}>${escapeHtml(text.slice(lead.length))}</${tag}>${kindLabel(p.kind)}`;
  }
  return html;
}

const ROW_WORD: Record<ReviewRow['kind'], string> = {
  same: 'same',
  changed: 'changed',
  added: 'added',
  dropped: 'dropped',
  moved: 'moved',
  aligned: 'aligned',
};

/** A text with its marked ranges (shared names and figures) in `<mark>`, the rest escaped. */
function renderMarked(text: string, marks: ReadonlyArray<readonly [number, number]>): string {
  let html = '';
  let at = 0;
  for (const [s, e] of marks) {
    html += `${escapeHtml(text.slice(at, s))}<mark class="anchor" title="named or counted in both texts">${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(text.slice(at));
}

function sideHtml(row: ReviewRow, side: 'a' | 'b'): string {
  if ((side === 'a' ? row.a : row.b).length === 0) return '';
  if (row.marks) return renderMarked(row.parts.map((p) => p[side]).join(''), row.marks[side]);
  return renderSide(row.parts, side);
}

function renderRow(row: ReviewRow): string {
  const refs = (p: string, idx: readonly number[]): string => idx.map((k) => `${p}${k + 1}`).join('+');
  const where = [refs('A', row.a), refs('B', row.b)].filter((s) => s !== '').join(' · ');
  const extra =
    row.a.length + row.b.length > 2 && row.kind !== 'aligned'
      ? row.a.length > 1
        ? ' (merged)'
        : ' (split)'
      : row.coarse
        ? ' (whole)'
        : '';
  return `<tr class="row-${row.kind}${row.shared ? ' shared' : ''}"><td class="mark">${row.shared ? '<span class="passage" title="in a passage both texts share">‖</span> ' : ''}<b>${ROW_WORD[row.kind]}${extra}</b>${where}</td><td class="side a">${sideHtml(row, 'a')}</td><td class="side b">${sideHtml(row, 'b')}</td></tr>`;
}

/** The summary of a review across two languages: paragraphs aligned and the anchors both give. */
function renderCrossSummary(review: Review): string {
  const c = review.crossLanguage as NonNullable<Review['crossLanguage']>;
  const list = (what: string, xs: readonly string[]) =>
    xs.length > 0
      ? `<span>${what}: ${xs.map((x) => `<mark class="anchor">${escapeHtml(x)}</mark>`).join(', ')}</span>`
      : '';
  return `<div class="summary"><span>${escapeHtml(c.languages[0])} / ${escapeHtml(c.languages[1])}: ${c.aligned} paragraph${c.aligned === 1 ? '' : 's'} aligned of ${c.paragraphsA} in A and ${c.paragraphsB} in B (two languages: aligned paragraphs side by side, no word diff)</span>${list('names in both', c.names)}${list('numbers in both', c.numbers)}${list('dates in both', c.dates)}</div>`;
}

function renderSummary(review: Review): string {
  if (review.crossLanguage) return renderCrossSummary(review);
  const s = review.summary;
  const kinds = Object.entries(s.kinds)
    .map(([k, n]) => `${escapeHtml(k)} ${n}`)
    .join(', ');
  const ignored = Object.entries(review.ignore)
    .filter(([, v]) => v)
    .map(([k]) => k);
  return `<div class="summary"><span>A: ${s.wordsA} words, ${s.kept} (${pct(s.kept, s.wordsA)}) found in B, ${s.dropped} dropped, ${s.changedA} changed</span><span>B: ${s.wordsB} words, ${s.kept} (${pct(s.kept, s.wordsB)}) found in A, ${s.added} added, ${s.changedB} changed</span><span>sentences: ${s.sentencesDropped} dropped, ${s.sentencesAdded} added, ${s.sentencesMoved} moved, ${s.sentencesSplitOrMerged} split or merged</span><span>changes: ${kinds || 'none'}</span>${ignored.length > 0 ? `<span>ignoring ${escapeHtml(ignored.join(', '))}</span>` : ''}</div>`;
}

/** Where each text's overlap window lies, and what each set aside (greyed, folded). */
function renderWindows(review: Review): string {
  const s = review.summary;
  const w = (side: Review['a'], total: number): string =>
    side.window ? `sentences ${side.window[0] + 1}–${side.window[1] + 1} of ${total}` : 'none';
  const windows = review.crossLanguage
    ? ''
    : s.sharedPassages
      ? `<p class="muted">Shared passages: ${s.sharedPassages} (${s.sharedWords} words), marked ‖. Overlap window in A: ${w(review.a, s.sentencesA)}; in B: ${w(review.b, s.sentencesB)}.</p>`
      : '<p class="muted">The texts share no passage.</p>';
  const aside = (['a', 'b'] as const)
    .map((k) => {
      const list = review[k].setAside ?? [];
      if (list.length === 0) return '';
      const items = list
        .map(
          (x) =>
            `<li><span class="rule">${escapeHtml(x.rule)}</span>${x.line ? ` (line ${x.line})` : ''}: ${escapeHtml(x.text ?? '')}</li>`,
        )
        .join('');
      return `<details class="aside"><summary>${k.toUpperCase()}: ${list.length} line${list.length === 1 ? '' : 's'} set aside before comparing (page chrome, boilerplate, headline)</summary><ul>${items}</ul></details>`;
    })
    .join('');
  return windows + aside;
}

/** The aligned side-by-side table of one review (a fragment). */
export function renderReviewTable(review: Review): string {
  const head = (side: Review['a']): string =>
    `${escapeHtml(side.id)}${side.title ? `<br><span class="muted">${escapeHtml(side.title)}</span>` : ''}`;
  return `${renderSummary(review)}
${renderWindows(review)}
<table class="review"><colgroup><col class="mark"><col class="side"><col class="side"></colgroup>
<thead><tr><th>row</th><th>A: ${head(review.a)}</th><th>B: ${head(review.b)}</th></tr></thead>
<tbody>
${review.rows.map(renderRow).join('\n')}
</tbody></table>`;
}

const LEGEND = `<p class="legend">Marks: <del>only in A</del> <ins>only in B</ins>; a label names the kind of change: ${(['spelling', 'accents', 'transliteration', 'case', 'punctuation', 'number'] as ChangeKind[]).map((k) => kindLabel(k)).join(' ')}; unlabelled changes are rewordings. Rows say whether a sentence is the same, changed, added, dropped or moved; A3+A4 marks two sentences merged into one.</p>`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

/** One pair's review as a whole page. */
export function renderReviewPage(review: Review): string {
  const title = `${review.a.id} ↔ ${review.b.id}`;
  const legend = review.crossLanguage
    ? '<p class="legend">Two languages: paragraphs aligned in order, side by side; <mark class="anchor">names, numbers and dates</mark> that both texts give are marked; a paragraph only one text has is shown alone (dropped: only in A, added: only in B).</p>'
    : LEGEND;
  return page(`copydesk diff: ${title}`, `<h1>${escapeHtml(title)}</h1>\n${legend}\n${renderReviewTable(review)}`);
}

export interface ScanHtmlOptions {
  /** Reviews of related pairs, keyed by `pairKey(a, b)`; pairs without one are listed without a diff. */
  reviews?: ReadonlyMap<string, Review>;
  /** Pairs whose review was not drawn for a reason of their own (too long to align), keyed the same way. */
  notDrawn?: ReadonlyMap<string, string>;
  /** Largest corpus drawn as a matrix. */
  maxMatrix?: number;
}

/**
 * Bounds that keep the page usable at thousands of articles (a 4,870-article scan made a 14 MB page
 * 2.4 M px tall): stories open one at a time (folded, with an index above them when there are many),
 * a story names at most `STORY_MEMBERS_SHOWN` members and `STORY_RELATIONS_SHOWN` relations, the pair
 * table holds the `PAIRS_SHOWN` strongest pairs; report.json holds everything.
 */
export const STORY_MEMBERS_SHOWN = 500;
export const STORY_RELATIONS_SHOWN = 50;
export const PAIRS_SHOWN = 500;
/** Up to this many stories, each is shown open and no index is drawn. */
const STORIES_OPEN = 20;

const f2 = (x: number): string => x.toFixed(2);
const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function renderMatrix(result: ScanResult, max: number): string {
  const ids = result.documents.map((d) => d.id);
  if (ids.length > max)
    return `<p class="muted">The matrix is drawn for at most ${max} documents; this corpus has ${ids.length}. See the pairs below.</p>`;
  const cos = new Map<string, PairResult>();
  for (const p of result.pairs) {
    cos.set(pairKey(p.a, p.b), p);
    cos.set(pairKey(p.b, p.a), p);
  }
  const cell = (x: string, y: string): string => {
    if (x === y) return '<td class="muted">—</td>';
    const p = cos.get(pairKey(x, y));
    if (!p) return '<td></td>';
    const v = p.scores.cosine;
    const shade = Math.round(255 - v * 120);
    return `<td style="background: rgb(${shade}, ${shade}, 255)" title="${escapeHtml(`${x} ↔ ${y}: ${p.relation}, cosine ${f2(v)}`)}">${f2(v)}<br><span class="muted">${escapeHtml(p.relation.slice(0, 5))}</span></td>`;
  };
  const head = ids.map((_, k) => `<th>${k + 1}</th>`).join('');
  const rows = ids
    .map((x, k) => `<tr><th class="doc">${k + 1}. ${escapeHtml(x)}</th>${ids.map((y) => cell(x, y)).join('')}</tr>`)
    .join('\n');
  return `<p class="legend">TF-IDF cosine of each related pair (1 = the same words), with its relation; an empty cell is an unrelated pair.</p>
<table class="matrix"><thead><tr><th></th>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** What the page draws of the pairs: the strongest `PAIRS_SHOWN` (by index into result.pairs), and the stories' relations. */
interface PairPlan {
  shown: number[];
  anchored: Set<number>;
  byStory: Map<string, number[]>;
}

function planPairs(result: ScanResult, reviews: ReadonlyMap<string, Review> | undefined): PairPlan {
  const strength = (p: PairResult): number =>
    (reviews?.has(pairKey(p.a, p.b)) ? 10 : 0) + RELATION_STRENGTH[p.relation] + p.scores.cosine;
  const shown = result.pairs
    .map((p, k) => ({ k, s: strength(p) }))
    .sort((x, y) => y.s - x.s || x.k - y.k)
    .slice(0, PAIRS_SHOWN)
    .map((x) => x.k)
    .sort((x, y) => x - y);
  const storyOf = new Map<string, string>();
  for (const s of result.stories) for (const m of s.members) storyOf.set(m, s.id);
  const byStory = new Map<string, number[]>();
  result.pairs.forEach((p, k) => {
    const story = storyOf.get(p.a);
    if (story === undefined || story !== storyOf.get(p.b)) return;
    const list = byStory.get(story);
    if (list) list.push(k);
    else byStory.set(story, [k]);
  });
  return { shown, anchored: new Set(shown), byStory };
}

function renderStory(
  s: Story,
  result: ScanResult,
  plan: PairPlan,
  docLabel: (id: string) => string,
  open: boolean,
): string {
  const members = s.members
    .slice(0, STORY_MEMBERS_SHOWN)
    .map(
      (m) =>
        `<li>${docLabel(m)}${s.origin === m ? ` <span class="kind">origin (by ${escapeHtml(s.originBy ?? '')})</span>` : ''}</li>`,
    )
    .join('');
  const moreMembers =
    s.members.length > STORY_MEMBERS_SHOWN
      ? `<p class="muted">… and ${plural(s.members.length - STORY_MEMBERS_SHOWN, 'more member')} in report.json.</p>`
      : '';
  const relations = plan.byStory.get(s.id) ?? [];
  const rel = relations
    .slice(0, STORY_RELATIONS_SHOWN)
    .map((k) => {
      const p = result.pairs[k] as PairResult;
      const label = `${escapeHtml(p.a)} ↔ ${escapeHtml(p.b)}`;
      return `<li>${plan.anchored.has(k) ? `<a href="#pair-${k}">${label}</a>` : label}: ${escapeHtml(p.relation)}</li>`;
    })
    .join('');
  const moreRel =
    relations.length > STORY_RELATIONS_SHOWN
      ? `<p class="muted">… and ${plural(relations.length - STORY_RELATIONS_SHOWN, 'more relation')} in report.json.</p>`
      : '';
  return `<li class="story" id="story-${escapeHtml(s.id)}"><details${open ? ' open' : ''}><summary><h3>Story ${escapeHtml(s.id)} (${plural(s.members.length, 'article')})</h3></summary><ul class="members">${members}</ul>${moreMembers}${rel ? `<ul class="relations">${rel}</ul>` : ''}${moreRel}</details></li>`;
}

/** Events drawn on the page (those of several stories, largest first); the rest are in report.json. */
const EVENTS_SHOWN = 200;

/**
 * The events of several stories: each member with how it reached print and a link to its story's
 * section (stories of one article have none), the shared actors and places, the dates, and why the
 * stories were joined.
 */
function renderEvents(
  events: readonly NewsEvent[],
  sections: ReadonlySet<string>,
  docLabel: (id: string) => string,
): string {
  const joined = eventsBySize(events).filter((e) => e.stories.length > 1);
  if (joined.length === 0)
    return `<p class="muted">${escapeHtml(describeEventCounts(events))}: no two stories report one happening.</p>`;
  const story = (id: string): string =>
    sections.has(id) ? `<a href="#story-${escapeHtml(id)}">${escapeHtml(id)}</a>` : escapeHtml(id);
  const items = joined.slice(0, EVENTS_SHOWN).map((e) => {
    const rows = e.members
      .slice(0, STORY_MEMBERS_SHOWN)
      .map(
        (m) =>
          `<tr><td>${docLabel(m.id)}</td><td>${escapeHtml(ROLE_WORDS[m.role])}</td><td>${story(m.story)}</td></tr>`,
      )
      .join('');
    const more =
      e.members.length > STORY_MEMBERS_SHOWN
        ? `<p class="muted">… and ${plural(e.members.length - STORY_MEMBERS_SHOWN, 'more member')} in report.json.</p>`
        : '';
    const facts = [
      e.actors.length > 0 ? `actors: ${e.actors.map(escapeHtml).join(', ')}` : '',
      e.places.length > 0 ? `places: ${e.places.map(escapeHtml).join(', ')}` : '',
      e.dates ? `dates: ${escapeHtml(describeEventDates(e))}` : '',
    ].filter((f) => f !== '');
    const links = e.links
      .map((l) => `<li>${escapeHtml(l.a)} and ${escapeHtml(l.b)}: ${l.reasons.map(escapeHtml).join('; ')}</li>`)
      .join('');
    return `<li class="event" id="event-${escapeHtml(e.id)}"><h3>Event ${escapeHtml(e.id)} (${plural(e.stories.length, 'story', 'stories')}, ${plural(e.members.length, 'article')})</h3><p class="muted">${facts.join(' · ')}</p><table><thead><tr><th>article</th><th>how it reached print</th><th>story</th></tr></thead><tbody>${rows}</tbody></table>${more}${links ? `<p>Why one event:</p><ul class="relations">${links}</ul>` : ''}</li>`;
  });
  const rest =
    joined.length > EVENTS_SHOWN
      ? `<p class="muted">… and ${plural(joined.length - EVENTS_SHOWN, 'more event')} of several stories in report.json.</p>`
      : '';
  return `<p class="legend">${escapeHtml(describeEventCounts(events))}. Stories grouped by the happening they report; an event of one story is that story.</p><ol class="events">\n${items.join('\n')}\n</ol>${rest}`;
}

/** A compact index of the stories, largest first, each a link to its folded section. */
function renderStoryIndex(stories: readonly Story[], docTitle: (id: string) => string): string {
  const rows = [...stories]
    .sort((x, y) => y.members.length - x.members.length)
    .map(
      (s) =>
        `<tr><td><a href="#story-${escapeHtml(s.id)}">${escapeHtml(s.id)}</a></td><td class="num">${s.members.length}</td><td>${escapeHtml(s.origin ?? '–')}</td><td>${escapeHtml(docTitle(s.origin ?? (s.members[0] as string)))}</td></tr>`,
    )
    .join('\n');
  return `<table class="story-index"><thead><tr><th>story</th><th>articles</th><th>origin</th><th>title</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function renderPairSections(
  result: ScanResult,
  plan: PairPlan,
  options: ScanHtmlOptions,
): { table: string; diffs: string } {
  const rows = plan.shown
    .map((k) => {
      const p = result.pairs[k] as PairResult;
      return `<tr><td><a href="#pair-${k}">${escapeHtml(p.a)}</a></td><td>${escapeHtml(p.b)}</td><td>${escapeHtml(p.relation)}${p.container ? ` <span class="muted">(in ${escapeHtml(p.container)})</span>` : ''}</td><td class="num">${f2(p.scores.cosine)}</td><td class="num">${f2(p.scores.charContainmentAB)} / ${f2(p.scores.charContainmentBA)}</td><td class="num">${f2(p.scores.alignedAB)} / ${f2(p.scores.alignedBA)}</td></tr>`;
    })
    .join('\n');
  const more =
    result.pairs.length > plan.shown.length
      ? `\n<p class="muted">The ${plural(plan.shown.length, 'strongest pair')} of ${result.pairs.length.toLocaleString('en-US')}; report.json lists them all.</p>`
      : '';
  const table =
    result.pairs.length > 0
      ? `<table class="pairs"><thead><tr><th>A</th><th>B</th><th>relation</th><th>cosine</th><th>chars A in B / B in A</th><th>sentences aligned A / B</th></tr></thead><tbody>\n${rows}\n</tbody></table>${more}`
      : '<p class="muted">None.</p>';
  const diffs = plan.shown
    .map((k, n) => {
      const p = result.pairs[k] as PairResult;
      const key = pairKey(p.a, p.b);
      const review = options.reviews?.get(key);
      const why = options.notDrawn?.get(key);
      const body = review
        ? renderReviewTable(review)
        : `<p class="muted">${why ? `No diff drawn: ${escapeHtml(why)}.` : 'No diff drawn for this pair (see the limit in the summary above).'}</p>`;
      return `<details class="pair" id="pair-${k}"${n === 0 ? ' open' : ''}><summary>${escapeHtml(p.a)} ↔ ${escapeHtml(p.b)}: ${escapeHtml(p.relation)}</summary>\n${body}\n</details>`;
    })
    .join('\n');
  return { table, diffs };
}

/** The first paragraph: counts, and every bound that applied. */
function renderCounts(result: ScanResult, stories: number, drawn: number): string {
  const singles = result.stories.length - stories;
  const c = result.candidates;
  const bounds = [
    c.identical ? `${plural(c.identical, 'identical copy', 'identical copies')} folded into the article they copy` : '',
    c.cap?.dropped
      ? `at most ${c.cap.perArticle} candidate pairs scored per article (${c.cap.dropped.toLocaleString('en-US')} left out)`
      : '',
    c.cap?.unexamined
      ? `large LSH buckets read in part (${c.cap.unexamined.toLocaleString('en-US')} bucket mates not examined)`
      : '',
    result.listing
      ? `at most ${result.listing.perDocument} pairs listed per document (${result.listing.omitted.toLocaleString('en-US')} more in the stories)`
      : '',
  ].filter((b) => b !== '');
  return `<p>${plural(result.documents.length, 'article')}, ${plural(c.pairs, 'pair')} compared (${escapeHtml(c.method)}), ${plural(result.pairs.length, 'related pair')}, ${plural(stories, 'story', 'stories')} of two or more articles and ${plural(singles, 'article')} on ${singles === 1 ? 'its' : 'their'} own; ${plural(drawn, 'pair diff')} drawn${drawn < result.pairs.length ? ` (the ${drawn} strongest relations)` : ''}.${bounds.length > 0 ? ` Bounds: ${bounds.join('; ')}.` : ''}</p>`;
}

/** The scan report as a self-contained page. */
export function renderScanHtml(result: ScanResult, options: ScanHtmlOptions = {}): string {
  const docs = new Map(result.documents.map((d) => [d.id, d]));
  const docLabel = (id: string): string => {
    const d = docs.get(id);
    return `<b>${escapeHtml(id)}</b>${d?.title ? ` <span class="muted">${escapeHtml(d.title)}</span>` : ''}`;
  };
  const stories = result.stories.filter((s) => s.members.length > 1);
  const plan = planPairs(result, options.reviews);
  const open = stories.length <= STORIES_OPEN;
  const storyHtml = stories.map((s) => renderStory(s, result, plan, docLabel, open)).join('\n');
  const index = open ? '' : `${renderStoryIndex(stories, (id) => docs.get(id)?.title ?? '')}\n`;
  const { table, diffs } = renderPairSections(result, plan, options);
  const body = `<h1>copydesk report</h1>
${renderCounts(result, stories.length, options.reviews?.size ?? 0)}
${result.events ? `<h2 id="events">Events</h2>\n${renderEvents(result.events, new Set(stories.map((s) => s.id)), docLabel)}\n` : ''}<h2 id="stories">Stories</h2>
${stories.length > 0 ? `${index}<ol class="stories">\n${storyHtml}\n</ol>` : '<p class="muted">No two articles are copies, republications or translations of each other.</p>'}
<h2 id="overview">Similarity overview</h2>
${renderMatrix(result, options.maxMatrix ?? 40)}
<h2 id="pairs">Related pairs</h2>
${table}
<h2 id="diffs">Differences, pair by pair</h2>
${LEGEND}
${diffs}`;
  return page('copydesk report', body);
}
