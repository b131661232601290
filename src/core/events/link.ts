/**
 * Whether two stories report one happening, with the reasons. Text reuse is not asked for (that
 * is the story level); the evidence is what independent reports of one event share and reports
 * of another occasion do not:
 *
 * - the occasion: article dates within `EVENT_WINDOW_DAYS`; the weekday the lede names ("on
 *   Thursday") must fit the other's date or lede; a text with no date of its own that writes
 *   years, none of them the dated story's year (or the year before), is another occasion;
 * - the principal actors and places: the names both mention, weighted by how rare they are in
 *   the corpus and how often each text mentions them (`actorShare`);
 * - the vocabulary (same language only): the cosine of the two stories' vectors, so that two
 *   stories naming the same leaders about different matters stay apart;
 * - when no date confirms the occasion, more evidence: specific figures both give (a magnitude,
 *   a toll, a day), or a large share of the actors.
 *
 * Thresholds, measured on the event labels of ../shared/eval/web-wire.jsonl (69 English pages;
 * 18 pairs of stories in one event, the rest other events, distractors included):
 */
import type { EventSketchName } from '../../types/index.js';
import { cosineOfCentroids } from './centroid.js';
import type { StoryFeatures, StoryName } from './features.js';
import { hasAnyKey } from './keys.js';

/** Article dates more than this many days apart are other occasions (same-event dates differ by ≤ 2 on web-wire; distractors by ≥ 91). */
export const EVENT_WINDOW_DAYS = 7;
/** Least actor share: same-event story pairs 0.24–0.73 on web-wire (one at 0.07, split), the closest other event 0.69 (undated, kept apart by its weekday). */
export const EVENT_ACTOR_SHARE = 0.25;
/** Least shared actors. Same-event pairs share 3–9; shared names like "China" or "WHO" alone are topic, not occasion. */
export const EVENT_SHARED_ACTORS = 3;
/** Least cosine of the two stories' vocabulary (same language): same-event 0.25–0.61 (two at 0.16–0.25). */
export const EVENT_COSINE = 0.2;
/** Without a confirming date: this many shared specific figures, or an actor share of `EVENT_STRONG_SHARE` with 5 actors. */
export const EVENT_UNDATED_FIGURES = 2;
export const EVENT_STRONG_SHARE = 0.4;
/**
 * An undated story that meets none of the confirming rules may still join the dated story it
 * resembles most, when that one stands out: actor share at least `EVENT_NEAREST_SHARE` with
 * `EVENT_NEAREST_ACTORS` names, the vocabulary cosine at least `EVENT_NEAREST_COSINE` (same
 * language), and the next closest story `EVENT_NEAREST_MARGIN` of share behind. On web-wire the
 * undated copies w032 and w069 reach their own event at 0.37 and 0.36 (4 actors, cosine 0.38–0.39)
 * with the next story far behind; distractors sit at 0.07–0.21 (margin 0.06 on the share).
 */
export const EVENT_NEAREST_SHARE = 0.3;
export const EVENT_NEAREST_ACTORS = 4;
export const EVENT_NEAREST_COSINE = 0.3;
export const EVENT_NEAREST_MARGIN = 0.1;

/**
 * An undated text whose latest written year lies more than this many years before the dated
 * story's is from another time. Texts about an occasion name the recent past ("compared to the
 * 2016 election" in a 2018 report, web-wire w069: 2 years); the 2019 distractor w021 names 1975 and
 * 2007 beside a 2022 event (15 years). A later year than the dated story's, without its own year,
 * is another occasion too.
 */
export const EVENT_STALE_YEARS = 5;

/** The names of a story this many at most, most salient first, are its principal actors. */
export const PRINCIPALS = 12;

export type OccasionState = 'same' | 'other' | 'unknown';

/** Whether the two stories' dates allow one occasion. */
export function compareOccasions(a: StoryFeatures, b: StoryFeatures): { state: OccasionState; reason: string } {
  return occasion(a, b, true);
}

/** The occasion's state, and its reason when `explain` (else ''). */
function occasion(a: StoryFeatures, b: StoryFeatures, explain: boolean): { state: OccasionState; reason: string } {
  const say = (state: OccasionState, reason: () => string) => ({ state, reason: explain ? reason() : '' });
  if (a.days.length > 0 && b.days.length > 0) {
    const gap = Math.abs(Math.min(...a.days) - Math.min(...b.days));
    return gap <= EVENT_WINDOW_DAYS
      ? say('same', () => `dates ${formatDays([...a.days, ...b.days])}`)
      : say('other', () => `article dates ${gap} days apart`);
  }
  if (a.weekdays.size > 0 && b.weekdays.size > 0 && ![...a.weekdays].some((w) => b.weekdays.has(w)))
    return say('other', () => 'the ledes name other weekdays');
  const dated = a.days.length > 0 ? a : b.days.length > 0 ? b : undefined;
  const other = dated === a ? b : a;
  if (dated && other.years.size > 0) {
    const year = new Date(Math.min(...dated.days) * 86_400_000).getUTCFullYear();
    const latest = Math.max(...other.years);
    if (latest > year && !other.years.has(year))
      return say('other', () => `the undated text writes ${latest}, after ${year}`);
    if (latest < year - EVENT_STALE_YEARS)
      return say('other', () => `the undated text's latest year is ${latest}, long before ${year}`);
  }
  return say('unknown', () => 'no date confirms the occasion');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "23–28 April 2024", "30 November – 1 December 2017", "29 April 2020". */
export function formatDays(days: readonly number[]): string {
  const lo = new Date(Math.min(...days) * 86_400_000);
  const hi = new Date(Math.max(...days) * 86_400_000);
  const d = (x: Date) => x.getUTCDate();
  const m = (x: Date) => MONTHS[x.getUTCMonth()] as string;
  const y = (x: Date) => x.getUTCFullYear();
  if (lo.getTime() === hi.getTime()) return `${d(lo)} ${m(lo)} ${y(lo)}`;
  if (m(lo) === m(hi) && y(lo) === y(hi)) return `${d(lo)}–${d(hi)} ${m(lo)} ${y(lo)}`;
  if (y(lo) === y(hi)) return `${d(lo)} ${m(lo)} – ${d(hi)} ${m(hi)} ${y(lo)}`;
  return `${d(lo)} ${m(lo)} ${y(lo)} – ${d(hi)} ${m(hi)} ${y(hi)}`;
}

/**
 * Whether a name is shown among an event's actors and places: one the equivalents table knows (it
 * has a kind), a name of two words or more, or an acronym. A lone capitalised word ("Parties",
 * "Road", "International") is most often a piece of a longer title and still counts for linking,
 * but reads as noise in a list of who took part.
 */
export function nameworthy(label: string, kind: string | undefined): boolean {
  return kind !== undefined || /\s/u.test(label.trim()) || /^\p{Lu}{2,}$/u.test(label);
}

/** Whether `other` names `name` under any of its keys. */
function namedIn(name: StoryName, other: StoryFeatures): boolean {
  return hasAnyKey(other.lookup, name.anchor.keys);
}

/**
 * The principal actors of `a` that `b` names too, and the weighted share of both stories' principals
 * they make. Loops, not slices and filters: it runs for every candidate pair of stories (the weights
 * are summed in the same order).
 */
export function shareActors(a: StoryFeatures, b: StoryFeatures): { share: number; shared: EventSketchName[] } {
  const shared: EventSketchName[] = [];
  let totalA = 0;
  let foundA = 0;
  for (let i = 0; i < a.names.length && i < PRINCIPALS; i++) {
    const n = a.names[i] as StoryName;
    totalA += n.weight;
    if (namedIn(n, b)) {
      foundA += n.weight;
      shared.push(n.anchor);
    }
  }
  let totalB = 0;
  let foundB = 0;
  for (let i = 0; i < b.names.length && i < PRINCIPALS; i++) {
    const n = b.names[i] as StoryName;
    totalB += n.weight;
    if (namedIn(n, a)) foundB += n.weight;
  }
  const share = Math.min(foundA / Math.max(1e-9, totalA), foundB / Math.max(1e-9, totalB));
  return { share, shared };
}

/** The event-level verdict on two stories, in numbers: what linking them reads. */
export interface EventVerdict {
  linked: boolean;
  /** Not linked, but close enough to join when it is an undated story's clearly nearest (see `EVENT_NEAREST_SHARE`). */
  nearest: boolean;
  /** The dates leave the occasion open (one story or both undated). */
  undated: boolean;
  /** Weighted share of the principal actors (higher: more of the same people and places). */
  share: number;
}

export interface EventEvidence extends EventVerdict {
  reasons: string[];
}

/**
 * The event-level verdict on two stories, without its reasons in words: what the scan reads of
 * each candidate pair of stories (about 850,000 pairs in a 30,000-article scan, of which 62,000
 * link), whose reasons are written only for the links an event reports (`linkStories`, the same
 * rules).
 */
export function weighStories(a: StoryFeatures, b: StoryFeatures): EventVerdict {
  return judge(a, b, false);
}

/** The event-level verdict on two stories, with its reasons. */
export function linkStories(a: StoryFeatures, b: StoryFeatures): EventEvidence {
  return judge(a, b, true);
}

function judge(a: StoryFeatures, b: StoryFeatures, explain: true): EventEvidence;
function judge(a: StoryFeatures, b: StoryFeatures, explain: false): EventVerdict;
function judge(a: StoryFeatures, b: StoryFeatures, explain: boolean): EventVerdict | EventEvidence {
  const when = occasion(a, b, explain);
  const actors = shareActors(a, b);
  if (when.state === 'other') {
    const verdict = { linked: false, nearest: false, undated: false, share: actors.share };
    return explain ? { ...verdict, reasons: [when.reason] } : verdict;
  }
  const sameLanguage = [...a.languages].some((l) => b.languages.has(l));
  const cosine = sameLanguage ? cosineOfCentroids(a.centroid, b.centroid) : undefined;
  let figures = 0;
  for (const f of a.figures) if (b.figures.has(f)) figures++;
  const confirmed =
    when.state === 'same' ||
    figures >= EVENT_UNDATED_FIGURES ||
    (actors.share >= EVENT_STRONG_SHARE && actors.shared.length >= 5);
  const linked =
    actors.share >= EVENT_ACTOR_SHARE &&
    actors.shared.length >= EVENT_SHARED_ACTORS &&
    (cosine === undefined || cosine >= EVENT_COSINE) &&
    confirmed;
  const nearest =
    !linked &&
    when.state === 'unknown' &&
    actors.share >= EVENT_NEAREST_SHARE &&
    actors.shared.length >= EVENT_NEAREST_ACTORS &&
    (cosine === undefined || cosine >= EVENT_NEAREST_COSINE);
  const verdict = { linked, nearest, undated: when.state === 'unknown', share: actors.share };
  if (!explain) return verdict;
  // The names a reader knows first (a full name, a known organisation or place, an acronym), then the fragments.
  const names = actors.shared
    .map((n) => ({ label: n.english ?? n.text, shown: nameworthy(n.english ?? n.text, n.kind) }))
    .sort((x, y) => Number(y.shown) - Number(x.shown))
    .map((n) => n.label);
  const actorReason = `same actors ${names.slice(0, 6).join(', ')}${names.length > 6 ? ` and ${names.length - 6} more` : ''} (share ${actors.share.toFixed(2)})`;
  const reasons = [actorReason, when.reason];
  if (figures > 0) reasons.push(`${figures} figure${figures === 1 ? '' : 's'} in common`);
  if (cosine !== undefined) reasons.push(`vocabulary cosine ${cosine.toFixed(2)}`);
  return { ...verdict, reasons };
}
