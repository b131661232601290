/** Small formatting helpers shared by the renderers. */
import type {
  DocumentNote,
  EventMember,
  EventRole,
  NewsEvent,
  PairResult,
  Reason,
  ScanResult,
} from '../types/index.js';

export function fmt(x: number | undefined): string {
  return x === undefined ? '–' : x.toFixed(2);
}

/** How text from the input is made safe where it goes (report/escape.ts); the identity by default. */
export type Escape = (s: string) => string;
const asIs: Escape = (s) => s;

/** "republication (B holds A)" and the like, in plain words; `esc` applies to the ids. */
export function describeRelation(p: PairResult, esc: Escape = asIs): string {
  if (p.relation === 'republication' && p.container) {
    const inner = p.container === p.a ? p.b : p.a;
    return `republication: ${esc(p.container)} holds ${esc(inner)}`;
  }
  return p.relation;
}

/** A document note in one line; `esc` applies to the id and the quoted text. */
export function describeNote(id: string, n: DocumentNote, esc: Escape = asIs): string {
  if (n.kind !== 'self-repetition') return `${esc(id)}: ${esc(n.text)}`;
  return `${esc(id)} repeats its own material: sentence ${n.second + 1} restates sentence ${n.first + 1} (similarity ${n.similarity.toFixed(2)}): "${esc(n.text)}"`;
}

/** "1,499" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The one-line summary of a scan: counts, how pairs were chosen, and every bound that applied
 * (identical copies folded, candidates capped, pairs left out of the listing).
 */
export function describeScanCounts(result: ScanResult, pairsWord = 'compared'): string {
  const c = result.candidates;
  const parts = [
    `${count(result.documents.length)} documents, ${count(result.stories.length)} stories, ${count(result.pairs.length)} related pairs (${count(c.pairs)} ${pairsWord}, ${c.method})`,
  ];
  if (c.identical) parts.push(`${count(c.identical)} identical copies folded into the article they copy`);
  if (c.cap && c.cap.dropped > 0)
    parts.push(`at most ${c.cap.perArticle} candidate pairs scored per article (${count(c.cap.dropped)} left out)`);
  if (c.cap?.unexamined)
    parts.push(`large LSH buckets read in part (${count(c.cap.unexamined)} bucket mates not examined)`);
  if (result.listing)
    parts.push(
      `at most ${result.listing.perDocument} pairs listed per document (${count(result.listing.omitted)} more linked pairs in the stories)`,
    );
  const xcap = result.crossLanguage?.cap;
  if (xcap)
    parts.push(
      `at most ${xcap.perDocument} cross-language candidates proposed per article (${count(xcap.dropped)} left out)`,
    );
  if (result.events) parts.push(describeEventCounts(result.events));
  const ec = result.eventCandidates;
  if (ec)
    parts.push(
      `events: ${count(ec.commonNames)} names too common to find candidates by, at most ${ec.perStory} candidate stories per story (${count(ec.dropped)} left out)`,
    );
  return parts.join('; ');
}

/** "3 events (1 of several stories)". */
export function describeEventCounts(events: readonly NewsEvent[]): string {
  const joined = events.filter((e) => e.stories.length > 1).length;
  return `${count(events.length)} ${events.length === 1 ? 'event' : 'events'} (${count(joined)} of several stories)`;
}

/** How each member of an event reached print, in words. */
export const ROLE_WORDS: Readonly<Record<EventRole, string>> = {
  original: 'original',
  copy: 'copy',
  translation: 'translation',
  'independent-report': 'independent report',
};

/** "001 (independent report, s2)"; `esc` applies to the id. */
export function describeEventMember(m: EventMember, esc: Escape = asIs): string {
  return `${esc(m.id)} (${ROLE_WORDS[m.role]}, ${esc(m.story)})`;
}

/** "23 April 2024 – 28 April 2024", or one date, or "–". */
export function describeEventDates(e: NewsEvent, esc: Escape = asIs): string {
  if (!e.dates) return '–';
  return e.dates[0] === e.dates[1] ? esc(e.dates[0]) : `${esc(e.dates[0])} – ${esc(e.dates[1])}`;
}

/**
 * Events of several stories first (most members, then event order): the events a reader looks for;
 * an event of one story is that story.
 */
export function eventsBySize(events: readonly NewsEvent[]): NewsEvent[] {
  const order = new Map(events.map((e, k) => [e, k]));
  return [...events].sort(
    (x, y) =>
      Number(y.stories.length > 1) - Number(x.stories.length > 1) ||
      y.members.length - x.members.length ||
      (order.get(x) as number) - (order.get(y) as number),
  );
}

export function describeReason(r: Reason): string {
  const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(3);
  return `${r.score} ${value} ${r.op} ${r.threshold} (${r.note})`;
}

/** A share as a whole percentage ("37%"); 0 % of nothing. */
export function pct(part: number, whole: number): string {
  return `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;
}
