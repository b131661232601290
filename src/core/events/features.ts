/**
 * What the event level reads of each document, and of each story: the names it mentions (with
 * their language-neutral keys), the specific figures (numbers and dates that are not just a year
 * or a small count), the weekday its lede names, the article date, and the TF-IDF vector. Pure.
 */
import type { EventSketchName, Story, UnplacedAnchors } from '../../types/index.js';
import { type InternPool, internList, internString } from '../intern.js';
import type { SparseVector } from '../similarity/cosine.js';
import { smoothedIdf } from '../similarity/tfidf.js';
import { type AnchorResources, type AnchorText, extractAnchors, unplaced } from '../xling/anchors.js';
import { type Centroid, centroidOf } from './centroid.js';
import { type KeyNumbers, type KeySet, SortedKeys, unionOfKeys } from './keys.js';
import { PRINCIPALS } from './link.js';

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
  lookup: KeySet;
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

/**
 * What the event level reads of a document's anchors: its names without where the text mentions
 * them, the keys they may be found under, the figures, the years, the lede's weekday and the day
 * its lede names. 11 KB an article where the anchors are 16, 6 once their strings are shared
 * (`internTraits`; 3,000 bench articles): a scan holds these for every article from the moment its
 * anchors are read (in a worker, `anchorsInWorker`) until the events stage, and posts them between
 * threads.
 */
export interface AnchorTraits {
  names: EventSketchName[];
  /** Every key a name of another text may be found under here (the anchors' `lookupKeys`). */
  lookup: string[];
  /** Numbers and days that tell one occasion from another, each once, in the order the text gives them. */
  figures: string[];
  /** Years the text writes, each once. */
  years: number[];
  /** The weekday (Monday 1) the lede names, when it names one. */
  ledeWeekday?: number;
  /** The first full date the lede names (days since 1970-01-01), when it names one. */
  namedDay?: number;
}

/** The traits of a document's anchors; `textLength`: that of the clean text they were read from (the lede is its first part). */
export function anchorTraits(anchors: UnplacedAnchors, textLength: number): AnchorTraits {
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
  const named = anchors.dates.find(
    (d) =>
      d.year !== undefined && d.month !== undefined && d.day !== undefined && d.first < OCCASION_SHARE * textLength,
  );
  const namedDay = named ? dayOf(named.key) : undefined;
  return {
    names: anchors.names.map(unplaced),
    lookup: anchors.lookupKeys,
    figures: [...figures],
    years: [...years],
    ...(ledeWeekday !== undefined ? { ledeWeekday } : {}),
    ...(namedDay !== undefined ? { namedDay } : {}),
  };
}

/** The traits of a text's anchors read with these tables (`extractAnchors`, then `anchorTraits`). */
export function readTraits(text: AnchorText, resources: AnchorResources): AnchorTraits {
  return anchorTraits(extractAnchors(text, resources), text.clean.length);
}

/**
 * The same traits with one string for each distinct key, figure and name, and one array for each
 * distinct list of a name's keys, shared through `pool` by every document that holds them. Traits
 * posted from a worker arrive as fresh copies, and a corpus's documents share most of their keys:
 * on 3,000 articles of the bench corpus, 11.3 KB an article held became 6.2 (heap after a
 * collection, the bounded transliteration memo left out). Rewrites `traits` in place (a posted
 * copy the caller owns) and adds to `pool` (`createInternPool`).
 */
export function internTraits(traits: AnchorTraits, pool: InternPool): AnchorTraits {
  const one = (s: string): string => internString(pool, s);
  const list = (keys: string[]): string[] => internList(pool, keys);
  for (const name of traits.names) {
    name.key = one(name.key);
    name.keys = list(name.keys);
    name.text = one(name.text);
    if (name.english !== undefined) name.english = one(name.english);
  }
  traits.lookup = traits.lookup.map(one);
  traits.figures = traits.figures.map(one);
  return traits;
}

/**
 * The document's event features, from its anchors' traits and its vector. The occasion's day is
 * the day the lede names when it lies within `OCCASION_BEFORE_DAYS` before `date` (or there is no
 * date), else `date`'s. Its look-up keys are numbered in `numbers` when given (`SortedKeys`), and
 * kept only when in `asked` when given: the keys the stages after will ask about (`askedKeys`).
 */
export function describeDocument(
  id: string,
  lang: string,
  date: string | undefined,
  traits: AnchorTraits,
  vector: SparseVector,
  numbers?: KeyNumbers,
  asked?: ReadonlySet<string>,
): EventDocument {
  const published = dayOf(date);
  const namedDay = traits.namedDay;
  const day =
    namedDay !== undefined &&
    (published === undefined || (namedDay <= published + 1 && namedDay >= published - OCCASION_BEFORE_DAYS))
      ? namedDay
      : published;
  return {
    id,
    lang,
    ...(day !== undefined ? { day } : {}),
    names: traits.names,
    // Numbered when the caller numbers a corpus's keys (the scan: `SortedKeys`), else a set.
    lookup: lookupOf(asked ? traits.lookup.filter((k) => asked.has(k)) : traits.lookup, numbers),
    figures: setOf(traits.figures),
    years: setOf(traits.years),
    ...(traits.ledeWeekday !== undefined ? { ledeWeekday: traits.ledeWeekday } : {}),
    vector,
  };
}

/**
 * The sets a story or document holds, shared where they hold the same few members: one empty set,
 * a set per combination of weekdays (at most 128) and per language. Each `Set` takes about 150
 * bytes: four of them were 713 bytes of the 5.5 KB a story's features held through the events
 * stage of the first 30,000 bench articles (heap snapshot; 24,316 stories). Read only: what
 * linking reads of them (`has`, `size`, a walk) does not depend on their order.
 */
const EMPTY_SET: ReadonlySet<never> = new Set<never>();
const WEEKDAY_SETS = new Map<number, ReadonlySet<number>>();
const LANGUAGE_SETS = new Map<string, ReadonlySet<string>>();

function setOf<T>(items: readonly T[]): ReadonlySet<T> {
  return items.length === 0 ? EMPTY_SET : new Set(items);
}

/** The weekdays whose bits `mask` sets (bit w for weekday w, Monday 1), as one shared set. */
function weekdaySet(mask: number): ReadonlySet<number> {
  let set = WEEKDAY_SETS.get(mask);
  if (set === undefined) {
    const days: number[] = [];
    for (let w = 0; w < 31; w++) if ((mask & (1 << w)) !== 0) days.push(w);
    set = new Set(days);
    WEEKDAY_SETS.set(mask, set);
  }
  return set;
}

/** The members' languages: one shared set for a story in one language, else a set of its own. */
function languageSet(langs: readonly string[]): ReadonlySet<string> {
  const first = langs[0];
  if (first === undefined) return EMPTY_SET;
  if (langs.some((l) => l !== first)) return new Set(langs);
  let set = LANGUAGE_SETS.get(first);
  if (set === undefined) {
    set = new Set([first]);
    LANGUAGE_SETS.set(first, set);
  }
  return set;
}

function lookupOf(keys: readonly string[], numbers: KeyNumbers | undefined): KeySet {
  return numbers ? SortedKeys.of(keys, numbers) : new Set(keys);
}

/**
 * Every key a story's look-up keys will be asked about: those of the stories' principal names
 * (`storyPrincipals`, of each story's members' names), as linking (`namedIn`), the event
 * candidates (`indexPrincipals`) and an event's names (`principalNames` in events.ts) ask, and
 * nothing else. A look-up key outside them is never read: keeping only these (`describeDocument`'s
 * `asked`) changes no answer. The first 3,000 bench articles' stories hold 517,480 look-up keys,
 * 240,581 of them among their principal names' 14,604.
 */
export function askedKeys(
  stories: Iterable<readonly { names: readonly EventSketchName[] }[]>,
  weight: (key: string) => number,
): Set<string> {
  const asked = new Set<string>();
  for (const members of stories)
    for (const n of storyPrincipals(members, weight)) for (const k of n.anchor.keys) asked.add(k);
  return asked;
}

/** A name of a story, with the weight it carries (rarer in the corpus and mentioned more: heavier). */
export interface StoryName {
  anchor: EventSketchName;
  weight: number;
}

/**
 * A story as the event level sees it: its members' features, merged. It holds none of its members'
 * documents, only what it shares with them (a one-member story's sets, the anchors of its
 * principal names, its vector's arrays), so that a scan lets go of the documents once its stories
 * are described.
 */
export interface StoryFeatures {
  story: Story;
  /** Its `PRINCIPALS` heaviest names, heaviest first: all that linking and naming an event read. */
  names: readonly StoryName[];
  lookup: KeySet;
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
  for (const d of docs) countNameKeys(df, d.names);
  return nameWeightsOf(df, docs.length);
}

/** Count each distinct key of one document's `names` in `df`, `documents` times (copies of one text). */
export function countNameKeys(
  df: Map<string, number>,
  names: readonly Pick<EventSketchName, 'key'>[],
  documents = 1,
): void {
  for (const k of new Set(names.map((n) => n.key))) df.set(k, (df.get(k) ?? 0) + documents);
}

/** The same weights from counts kept elsewhere (the index's): `df` of each name key over `total` documents. */
export function nameWeightsOf(df: ReadonlyMap<string, number>, total: number): (key: string) => number {
  return (key) => smoothedIdf(total, df.get(key) ?? 0);
}

function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * One object for each name as the stories of a corpus name it (its key, keys, text, English and
 * kind): a story's principal names taken from a pool (`describeStory`) where each story held its
 * documents' own. All the stages after read of them (linking, an event's actors and places); their
 * `first` and `count` are those of the first document that named them. The first 3,000 bench
 * articles' stories hold 19,126 principal names, 9,111 of them distinct.
 */
export type NamePool = Map<string, EventSketchName>;

function pooledName(pool: NamePool, name: EventSketchName): EventSketchName {
  const id = `${name.key}\u0000${name.text}\u0000${name.english ?? ''}\u0000${name.kind ?? ''}\u0000${name.keys.join('\u0001')}`;
  const known = pool.get(id);
  if (known !== undefined) return known;
  pool.set(id, name);
  return name;
}

/**
 * A story's `PRINCIPALS` heaviest names, heaviest first, from its members' names: each name's
 * weight is `weight` of its key times 1 + the log of its mentions, the heaviest of its members'.
 */
export function storyPrincipals(
  members: readonly { names: readonly EventSketchName[] }[],
  weight: (key: string) => number,
): StoryName[] {
  const names = new Map<string, StoryName>();
  for (const m of members)
    for (const n of m.names) {
      const w = weight(n.key) * (1 + Math.log(n.count));
      const old = names.get(n.key);
      if (!old || old.weight < w) names.set(n.key, { anchor: n, weight: w });
    }
  return [...names.values()]
    .sort((x, y) => y.weight - x.weight || x.anchor.key.localeCompare(y.anchor.key))
    .slice(0, PRINCIPALS);
}

/** Merge the features of a story's members; its principal names from `pool` when given (`NamePool`). */
export function describeStory(
  story: Story,
  members: readonly EventDocument[],
  weight: (key: string) => number,
  pool?: NamePool,
): StoryFeatures {
  const figures = new Set<string>();
  const years = new Set<number>();
  let weekdays = 0;
  // Most stories have one member: its own sets are the story's (read-only both), not copied.
  const only = members.length === 1 ? members[0] : undefined;
  for (const m of members) {
    if (!only) {
      for (const f of m.figures) figures.add(f);
      for (const y of m.years) years.add(y);
    }
    if (m.ledeWeekday !== undefined) weekdays |= 1 << m.ledeWeekday;
    if (m.day !== undefined) weekdays |= (1 << weekdayOfDay(m.day)) | (1 << weekdayOfDay(m.day - 1));
  }
  return {
    story,
    names: storyPrincipals(members, weight).map((n) =>
      pool ? { anchor: pooledName(pool, n.anchor), weight: n.weight } : n,
    ),
    lookup: only ? only.lookup : unionOfKeys(members.map((m) => m.lookup)),
    figures: only ? only.figures : figures.size === 0 ? EMPTY_SET : figures,
    years: only ? only.years : years.size === 0 ? EMPTY_SET : years,
    days: members.flatMap((m) => (m.day !== undefined ? [m.day] : [])),
    weekdays: weekdaySet(weekdays),
    languages: languageSet(members.map((m) => m.lang)),
    centroid: centroidOf(members.map((m) => m.vector)),
  };
}
