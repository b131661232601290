/**
 * Which pairs of stories the event level compares. Comparing all pairs is quadratic in the
 * stories (50 million pairs for 10,000); this keeps only the pairs that could link, and below the
 * two bounds described after the list it loses none:
 *
 * - a link needs an actor share above 0 both ways, so some principal name of each story must be
 *   found among the other's names: stories are found through an index of their principal names'
 *   keys, looked up with the other story's keys;
 * - a link between two dated stories needs their first dates `EVENT_WINDOW_DAYS` apart at most:
 *   each key's dated stories are sorted by first day, and only the window around the story's day is
 *   read (undated stories are read whole).
 *
 * Two bounds keep it near linear on large corpora, where an undated story reads every story
 * naming one of its names: a name held by more than `EVENT_COMMON_KEY_SHARE` of the stories (and
 * more than `EVENT_COMMON_KEY_MIN` of them: "China" in a China corpus), or by more than
 * `EVENT_COMMON_KEY_MAX` stories in a corpus of more than 10,000, finds no one, and each story
 * keeps the `EVENT_CANDIDATES_PER_STORY` stories that share the most of its names. On the event
 * sets (web-wire, web-multi: at most 56 stories) neither applies; a 10,000-article corpus without
 * dates spent minutes in this stage without them. What they left out is counted (`bounds`).
 *
 * Pure; pairs come out as [i, j] with i < j, sorted.
 */
import type { StoryFeatures } from './features.js';
import { EVENT_WINDOW_DAYS, PRINCIPALS } from './link.js';

/** A name held by more than this share of the stories is too common to find candidates by… */
export const EVENT_COMMON_KEY_SHARE = 0.05;
/** …when it is also held by more than this many stories (small corpora never skip a name). */
export const EVENT_COMMON_KEY_MIN = 50;
/**
 * …and a name held by more than this many stories is too common whatever the corpus: the share
 * alone lets a key's list grow with the corpus, so that every story reading it makes the stage
 * quadratic. A story of the index benchmark's 10,000-article corpus reads about 3,600 stories (26
 * million past the cap of 200, counted by `dropped`); the 100,000-article scan of that corpus
 * (`--no-cross-language`) had not left this stage after 24 minutes at 18 GB (its other stages
 * together: 8 minutes), where the 10,000-article one spends 35 s; with this bound it left it after
 * 16 minutes, and after 6 to 7 once each story's reach was kept as a sorted array (`topShared`).
 * 500 is what the share gives at 10,000 stories, so a corpus of up to 10,000 stories is read
 * exactly as before (the same report at 10,000 articles, `scan --format json`); each story still
 * keeps the `EVENT_CANDIDATES_PER_STORY` stories sharing the most of its other names.
 */
export const EVENT_COMMON_KEY_MAX = 500;
/** Candidate stories kept per story, those sharing the most principal names first. */
export const EVENT_CANDIDATES_PER_STORY = 200;

/** What the bounds left out: names too common to look up, and candidates past the per-story cap. */
export interface EventCandidateBounds {
  commonKeys: number;
  dropped: number;
}

interface Posting {
  dated: Array<{ story: number; day: number }>;
  undated: number[];
}

function firstDay(s: StoryFeatures): number | undefined {
  return s.days.length > 0 ? Math.min(...s.days) : undefined;
}

/** The first index of 0…n whose entry is not below the one sought (`below(i)`: entry i sorts before it). */
function firstNotBelow(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in `list` (sorted by day) whose day is at least `day`. */
function lowerBound(list: ReadonlyArray<{ day: number }>, day: number): number {
  return firstNotBelow(list.length, (i) => (list[i] as { day: number }).day < day);
}

/** Index: key of a principal name → the stories that have it among their principals. */
function indexPrincipals(features: readonly StoryFeatures[]): Map<string, Posting> {
  const index = new Map<string, Posting>();
  features.forEach((s, i) => {
    const day = firstDay(s);
    const keys = new Set<string>();
    for (const n of s.names.slice(0, PRINCIPALS)) for (const k of n.anchor.keys) keys.add(k);
    for (const k of keys) {
      let p = index.get(k);
      if (!p) {
        p = { dated: [], undated: [] };
        index.set(k, p);
      }
      if (day === undefined) p.undated.push(i);
      else p.dated.push({ story: i, day });
    }
  });
  for (const p of index.values()) p.dated.sort((x, y) => x.day - y.day || x.story - y.story);
  return index;
}

/**
 * The `cap` entries of `touched` with the most names shared (`shared[j]`), ties to the lower story
 * index, as a sorted array: what sorting by (count descending, index ascending) and keeping the
 * first `cap` gives, without the sort or a pair per entry. Counts are small (a story's lookup keys
 * at most), so a histogram finds the least count kept; only the entries at that count are sorted.
 */
export function topShared(touched: readonly number[], shared: Int32Array, cap: number): Int32Array {
  if (touched.length <= cap) return Int32Array.from(touched).sort();
  let max = 0;
  for (const j of touched) if ((shared[j] as number) > max) max = shared[j] as number;
  const histogram = new Int32Array(max + 1);
  for (const j of touched) histogram[shared[j] as number] = (histogram[shared[j] as number] as number) + 1;
  // The least count kept: entries above it fit under the cap, those at it complete it.
  let least = max;
  let above = 0;
  while (above + (histogram[least] as number) < cap) {
    above += histogram[least] as number;
    least--;
  }
  const out = new Int32Array(cap);
  let n = 0;
  const tied: number[] = [];
  for (const j of touched) {
    const c = shared[j] as number;
    if (c > least) out[n++] = j;
    else if (c === least) tied.push(j);
  }
  tied.sort((x, y) => x - y);
  for (let t = 0; n < cap; t++) out[n++] = tied[t] as number;
  return out.sort();
}

/** Whether the sorted `list` holds `x`. */
function holds(list: Int32Array, x: number): boolean {
  const at = firstNotBelow(list.length, (i) => (list[i] as number) < x);
  return at < list.length && list[at] === x;
}

/**
 * For each story, the stories with a principal name it names, within the date window (bounded),
 * as a sorted array: 800 bytes a story at the cap, where a Set of 200 was several kilobytes (a
 * 100,000-article corpus has about 80,000 stories).
 */
function reach(
  features: readonly StoryFeatures[],
  index: ReadonlyMap<string, Posting>,
  bounds: EventCandidateBounds,
): Int32Array[] {
  const common = Math.max(
    EVENT_COMMON_KEY_MIN,
    Math.min(EVENT_COMMON_KEY_MAX, Math.floor(EVENT_COMMON_KEY_SHARE * features.length)),
  );
  const skipped = new Set<string>();
  // Names shared, per story, counted in an array reused from story to story (only the entries
  // touched are read and reset): a Map per story was 44 % of a 10,000-article scan's events stage.
  const shared = new Int32Array(features.length);
  const touched: number[] = [];
  const out = features.map((s, i) => {
    const day = firstDay(s);
    const add = (j: number): void => {
      if (j === i) return;
      if (shared[j] === 0) touched.push(j);
      shared[j] = (shared[j] as number) + 1;
    };
    for (const k of s.lookup) {
      const p = index.get(k);
      if (!p) continue;
      if (p.undated.length + p.dated.length > common) {
        skipped.add(k);
        continue;
      }
      for (const j of p.undated) add(j);
      const from = day === undefined ? 0 : lowerBound(p.dated, day - EVENT_WINDOW_DAYS);
      for (let t = from; t < p.dated.length; t++) {
        const e = p.dated[t] as { story: number; day: number };
        if (day !== undefined && e.day > day + EVENT_WINDOW_DAYS) break;
        add(e.story);
      }
    }
    if (touched.length > EVENT_CANDIDATES_PER_STORY) bounds.dropped += touched.length - EVENT_CANDIDATES_PER_STORY;
    const kept = topShared(touched, shared, EVENT_CANDIDATES_PER_STORY);
    for (const j of touched) shared[j] = 0;
    touched.length = 0;
    return kept;
  });
  bounds.commonKeys += skipped.size;
  return out;
}

/**
 * The pairs of stories that could be one event (each names a principal of the other, dates
 * allowing); `bounds`, when given, is told what the bounds left out.
 */
export function eventCandidates(
  features: readonly StoryFeatures[],
  bounds: EventCandidateBounds = { commonKeys: 0, dropped: 0 },
): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  forEachEventCandidate(features, bounds, (i, j) => pairs.push([i, j]));
  return pairs;
}

/**
 * The same pairs, in the same order, each handed to `visit` as it is found: the events stage
 * weighs each pair once and keeps a few of them, where a list held them all (a 100,000-article
 * scan has millions, an array of two numbers each).
 */
export function forEachEventCandidate(
  features: readonly StoryFeatures[],
  bounds: EventCandidateBounds,
  visit: (i: number, j: number) => void,
): void {
  const found = reach(features, indexPrincipals(features), bounds);
  // Stories in order, each one's reach sorted: the pairs come out sorted.
  found.forEach((list, i) => {
    for (const j of list) if (i < j && holds(found[j] as Int32Array, i)) visit(i, j);
  });
}
