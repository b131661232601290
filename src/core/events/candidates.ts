/**
 * Which pairs of stories the event level compares. Comparing all pairs is quadratic in the
 * stories (50 million pairs for 10,000); this keeps only the pairs that could link, and loses none:
 *
 * - a link needs an actor share above 0 both ways, so some principal name of each story must be
 *   found among the other's names: stories are found through an index of their principal names'
 *   keys, looked up with the other story's keys;
 * - a link between two dated stories needs their first dates `EVENT_WINDOW_DAYS` apart at most:
 *   each key's dated stories are sorted by first day, and only the window around the story's day is
 *   read (undated stories are read whole).
 *
 * Pure; pairs come out as [i, j] with i < j, sorted.
 */
import type { StoryFeatures } from './features.js';
import { EVENT_WINDOW_DAYS, PRINCIPALS } from './link.js';

interface Posting {
  dated: Array<{ story: number; day: number }>;
  undated: number[];
}

function firstDay(s: StoryFeatures): number | undefined {
  return s.days.length > 0 ? Math.min(...s.days) : undefined;
}

/** The first index in `list` (sorted by day) whose day is at least `day`. */
function lowerBound(list: ReadonlyArray<{ day: number }>, day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { day: number }).day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** For each story, the stories with a principal name it names, within the date window. */
function reach(features: readonly StoryFeatures[], index: ReadonlyMap<string, Posting>): Array<Set<number>> {
  return features.map((s, i) => {
    const day = firstDay(s);
    const found = new Set<number>();
    for (const k of s.lookup) {
      const p = index.get(k);
      if (!p) continue;
      for (const j of p.undated) found.add(j);
      const from = day === undefined ? 0 : lowerBound(p.dated, day - EVENT_WINDOW_DAYS);
      for (let t = from; t < p.dated.length; t++) {
        const e = p.dated[t] as { story: number; day: number };
        if (day !== undefined && e.day > day + EVENT_WINDOW_DAYS) break;
        found.add(e.story);
      }
    }
    found.delete(i);
    return found;
  });
}

/** The pairs of stories that could be one event (each names a principal of the other, dates allowing). */
export function eventCandidates(features: readonly StoryFeatures[]): Array<[number, number]> {
  const found = reach(features, indexPrincipals(features));
  const pairs: Array<[number, number]> = [];
  found.forEach((set, i) => {
    for (const j of set) if (i < j && (found[j] as Set<number>).has(i)) pairs.push([i, j]);
  });
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
