/**
 * What the event level reads of each document, and of each story: the names it mentions (with
 * their language-neutral keys), the specific figures (numbers and dates that are not just a year
 * or a small count), the weekday its lede names, the article date, and the TF-IDF vector. Pure.
 */
import type { Anchors, EventSketchName, Story } from '../../types/index.js';
import type { SparseVector } from '../similarity/cosine.js';
import { type Centroid, centroidOf } from './centroid.js';

export interface EventDocument {
  id: string;
  lang: string;
  /**
   * The occasion's day (days since 1970-01-01, UTC): the first full date the lede names, when it
   * falls up to `OCCASION_BEFORE_DAYS` before the article's date (a republication weeks later
   * still names the meeting's day), else the article's date.
   */
  day?: number;
  /** Its names, without where the text mentions them (the event level does not read that). */
  names: readonly EventSketchName[];
  /** Every key a name of another text may be found under here. */
  lookup: ReadonlySet<string>;
  /** Numbers and days that tell one occasion from another: not a year, not a small count. */
  figures: ReadonlySet<string>;
  /** Years the text writes. */
  years: ReadonlySet<number>;
  /** The weekday (Monday 1) the lede names ("on Thursday"), when it names one. */
  ledeWeekday?: number;
  vector: SparseVector;
}

/** The share of the text a lede is read from: a weekday named there is the occasion's. */
const LEDE_SHARE = 0.25;
/** A date named in the lede is the occasion's when it lies this many days before the article date at most (seed 000: 21). */
const OCCASION_BEFORE_DAYS = 30;
/** The share of the text an occasion's date is looked for in. */
const OCCASION_SHARE = 0.25;

/** Days since the epoch of an ISO date (its first 10 characters), or undefined. */
export function dayOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const t = Date.parse(date.slice(0, 10));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : undefined;
}

/** The document's event features, from its anchors and vector. */
export function describeDocument(
  id: string,
  lang: string,
  date: string | undefined,
  anchors: Anchors,
  textLength: number,
  vector: SparseVector,
): EventDocument {
  const figures = new Set<string>();
  for (const n of anchors.numbers)
    if (!n.weak && !(n.value >= 1900 && n.value <= 2100 && !n.percent)) figures.add(n.key);
  const years = new Set<number>();
  let ledeWeekday: number | undefined;
  for (const d of anchors.dates) {
    if (d.day !== undefined && d.month !== undefined) figures.add(`--${d.month}-${d.day}`);
    if (d.year !== undefined && d.yearFrom === 'text') years.add(d.year);
    if (d.weekday !== undefined && d.first < LEDE_SHARE * textLength && ledeWeekday === undefined)
      ledeWeekday = d.weekday;
  }
  const published = dayOf(date);
  const named = anchors.dates.find(
    (d) =>
      d.year !== undefined && d.month !== undefined && d.day !== undefined && d.first < OCCASION_SHARE * textLength,
  );
  const namedDay = named ? dayOf(named.key) : undefined;
  const day =
    namedDay !== undefined &&
    (published === undefined || (namedDay <= published + 1 && namedDay >= published - OCCASION_BEFORE_DAYS))
      ? namedDay
      : published;
  return {
    id,
    lang,
    ...(day !== undefined ? { day } : {}),
    names: anchors.names.map(({ mentions: _m, ...n }) => n),
    lookup: new Set(anchors.lookupKeys),
    figures,
    years,
    ...(ledeWeekday !== undefined ? { ledeWeekday } : {}),
    vector,
  };
}

/** A name of a story, with the weight it carries (rarer in the corpus and mentioned more: heavier). */
export interface StoryName {
  anchor: EventSketchName;
  weight: number;
}

/** A story as the event level sees it: its members' features, merged. */
export interface StoryFeatures {
  story: Story;
  members: readonly EventDocument[];
  names: readonly StoryName[];
  lookup: ReadonlySet<string>;
  figures: ReadonlySet<string>;
  years: ReadonlySet<number>;
  /** Article days of the members. */
  days: readonly number[];
  /** Weekdays the occasion may fall on: the lede's, and each article date's and the day before. */
  weekdays: ReadonlySet<number>;
  languages: ReadonlySet<string>;
  /** Sum of the members' unit vectors: its direction is the story's vocabulary. */
  centroid: Centroid;
}

/**
 * Smoothed inverse document frequency of each name key over the corpus, ln((1 + N) / (1 + df)) + 1
 * (as TF-IDF's): a name every document mentions still counts a little, so that two texts compared
 * on their own (no corpus) keep their shared names.
 */
export function nameWeights(docs: readonly EventDocument[]): (key: string) => number {
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const n of d.names) if (!seen.has(n.key)) seen.add(n.key);
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return nameWeightsOf(df, docs.length);
}

/** The same weights from counts kept elsewhere (the index's): `df` of each name key over `total` documents. */
export function nameWeightsOf(df: ReadonlyMap<string, number>, total: number): (key: string) => number {
  return (key) => Math.log((1 + total) / (1 + (df.get(key) ?? 0))) + 1;
}

function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Merge the features of a story's members. */
export function describeStory(
  story: Story,
  members: readonly EventDocument[],
  weight: (key: string) => number,
): StoryFeatures {
  const names = new Map<string, StoryName>();
  const lookup = new Set<string>();
  const figures = new Set<string>();
  const years = new Set<number>();
  const weekdays = new Set<number>();
  // Most stories have one member: its own sets are the story's (read-only both), not copied.
  const only = members.length === 1 ? members[0] : undefined;
  for (const m of members) {
    for (const n of m.names) {
      const w = weight(n.key) * (1 + Math.log(n.count));
      const old = names.get(n.key);
      if (!old || old.weight < w) names.set(n.key, { anchor: n, weight: w });
    }
    if (!only) {
      for (const k of m.lookup) lookup.add(k);
      for (const f of m.figures) figures.add(f);
      for (const y of m.years) years.add(y);
    }
    if (m.ledeWeekday !== undefined) weekdays.add(m.ledeWeekday);
    if (m.day !== undefined) {
      weekdays.add(weekdayOfDay(m.day));
      weekdays.add(weekdayOfDay(m.day - 1));
    }
  }
  return {
    story,
    members,
    names: [...names.values()].sort((x, y) => y.weight - x.weight || x.anchor.key.localeCompare(y.anchor.key)),
    lookup: only ? only.lookup : lookup,
    figures: only ? only.figures : figures,
    years: only ? only.years : years,
    days: members.flatMap((m) => (m.day !== undefined ? [m.day] : [])),
    weekdays,
    languages: new Set(members.map((m) => m.lang)),
    centroid: centroidOf(members.map((m) => m.vector)),
  };
}
