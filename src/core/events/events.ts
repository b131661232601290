/**
 * Events from stories: stories whose evidence says they report one happening (`linkStories`) are
 * grouped without chaining (average linkage: at least `EVENT_MIN_LINKED_SHARE` of the story pairs
 * across two groups must be linked), and each member is told how it reached print. Pure.
 */
import type { EventLink, EventMember, EventRole, NewsEvent, PairResult } from '../../types/index.js';
import { clusterStories } from '../relation/cluster.js';
import { ownString } from '../text/own.js';
import { type EventCandidateBounds, forEachEventCandidate } from './candidates.js';
import { dayOf, type StoryFeatures } from './features.js';
import { hasAnyKey } from './keys.js';
import { EVENT_NEAREST_MARGIN, type EventEvidence, linkStories, nameworthy, weighStories } from './link.js';

/**
 * Share of story pairs across two groups that must be linked for the groups to join one event.
 * Independent reports of one event need not link to each other through every copy; a half keeps a
 * report of another occasion that links to one story only out of a larger event.
 */
export const EVENT_MIN_LINKED_SHARE = 0.5;

/** The leading story of an event: the largest family, then the earliest dated, then by id. */
function leadingStory(stories: readonly StoryFeatures[]): StoryFeatures {
  const first = (s: StoryFeatures) => (s.days.length > 0 ? Math.min(...s.days) : Number.POSITIVE_INFINITY);
  return [...stories].sort(
    (x, y) =>
      y.story.members.length - x.story.members.length || first(x) - first(y) || x.story.id.localeCompare(y.story.id),
  )[0] as StoryFeatures;
}

/** How each member reached print: its story's origin, or a copy or translation of it. */
function rolesOf(
  stories: readonly StoryFeatures[],
  lead: StoryFeatures,
  relation: (a: string, b: string) => string | undefined,
): EventMember[] {
  const out: EventMember[] = [];
  for (const s of stories) {
    const origin = s.story.origin ?? (s.story.members[0] as string);
    for (const id of s.story.members) {
      let role: EventRole;
      if (id === origin) role = s === lead ? 'original' : 'independent-report';
      else role = relation(id, origin) === 'translation-variant' ? 'translation' : 'copy';
      out.push({ id, story: s.story.id, role });
    }
  }
  return out;
}

/** Names shared by at least two of the event's stories (or the lead's principals for a one-story event). */
function principalNames(
  stories: readonly StoryFeatures[],
  lead: StoryFeatures,
): { actors: string[]; places: string[] } {
  // One entry per name across spellings: a name whose keys meet an entry's (Liudmila/Ludmila Alamo)
  // joins it under the first spelling met.
  const counts = new Map<string, { label: string; kind?: string; weight: number; stories: number }>();
  for (const s of stories) {
    for (const n of s.names.slice(0, 12)) {
      const known = n.anchor.keys.map((k) => counts.get(k)).find((c) => c !== undefined);
      const c = known ?? { label: n.anchor.english ?? n.anchor.text, weight: 0, stories: 0 };
      if (n.anchor.kind) c.kind = n.anchor.kind;
      c.weight = Math.max(c.weight, n.weight);
      c.stories += stories.filter((o) => o !== s && hasAnyKey(o.lookup, n.anchor.keys)).length > 0 ? 1 : 0;
      for (const k of [n.anchor.key, ...n.anchor.keys]) if (!counts.has(k)) counts.set(k, c);
    }
  }
  const pool = [...new Set(counts.values())]
    .filter((c) => (stories.length === 1 || c.stories > 0) && nameworthy(c.label, c.kind))
    .sort((x, y) => y.weight - x.weight || x.label.localeCompare(y.label));
  const pick =
    stories.length === 1
      ? pool.filter((c) => lead.names.slice(0, 8).some((n) => (n.anchor.english ?? n.anchor.text) === c.label))
      : pool;
  // Each label a string of its own (`ownString`): a name read in this thread is a slice of its
  // article's text, which the event would keep alive to the end (16.9 MB of texts held through
  // 8,068 labels at the end of a 6,000-article `scanCorpus`, heap snapshot).
  const unique = (list: string[], most: number) => [...new Set(list)].slice(0, most).map(ownString);
  return {
    actors: unique(
      pick.filter((c) => c.kind !== 'place').map((c) => c.label),
      8,
    ),
    places: unique(
      pick.filter((c) => c.kind === 'place').map((c) => c.label),
      5,
    ),
  };
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

type Verdict = ReturnType<typeof weighStories>;

/** A story pair's key in `linkAll`'s map: `i · n + j`, i < j. */
type PairKey = number;

/**
 * Every linked pair of stories, plus each undated story's nearest one when it stands out (share
 * `EVENT_NEAREST_MARGIN` ahead of the next story whose dates allow the occasion). Each pair is
 * weighed without its reasons (`weighStories`); `links` keeps the linked pairs (with the note a
 * nearest one adds to its reasons), and the reasons are written again, by the same rules, only
 * for the links an event reports (`linkReasons`). The first 30,000 articles of the index
 * benchmark's corpus have 847,908 candidate pairs of stories, of which 61,650 link: with every
 * pair's reasons written and the linked ones' held to the end (and the pairs listed first), the
 * stage's RSS went from 1,432 to 1,631 MiB while it linked them; now from 1,389 to 1,401 (the
 * stage at most 1,637 → 1,435 MiB, the whole command 1,672 → 1,473; the same report).
 */
function linkAll(
  features: readonly StoryFeatures[],
  bounds: EventCandidateBounds,
): {
  links: Map<PairKey, string | undefined>;
  edges: Array<{ a: number; b: number; strength: number }>;
} {
  const n = features.length;
  const links = new Map<PairKey, string | undefined>();
  const edges: Array<{ a: number; b: number; strength: number }> = [];
  // Each undated story's two nearest so far: all `pickNearest` reads. Every candidate pair's
  // evidence kept until the end (with its reasons) was most of this stage's memory on an undated
  // corpus: 200 pairs a story.
  const best = new Map<number, Array<{ other: number; e: Verdict }>>();
  const note = (i: number, other: number, e: Verdict) => {
    const list = best.get(i);
    if (list) keepNearest(list, { other, e });
    else best.set(i, [{ other, e }]);
  };
  forEachEventCandidate(features, bounds, (i, j) => {
    const e = weighStories(features[i] as StoryFeatures, features[j] as StoryFeatures);
    if (e.undated) {
      if ((features[i] as StoryFeatures).days.length === 0) note(i, j, e);
      if ((features[j] as StoryFeatures).days.length === 0) note(j, i, e);
    }
    if (!e.linked) return;
    links.set(i * n + j, undefined);
    edges.push({ a: i, b: j, strength: e.share });
  });
  for (const [i, list] of best) {
    const picked = chooseNearest(list, (x, y) => x - y);
    if (!picked) continue;
    const { other, e } = picked.item;
    const [a, b] = i < other ? [i, other] : [other, i];
    if (links.has(a * n + b)) continue;
    links.set(a * n + b, picked.note);
    edges.push({ a, b, strength: e.share });
  }
  return { links, edges };
}

/** The reasons of a link `linkAll` kept (i < j): `linkStories`' own, and the nearest note when it added one. */
function linkReasons(features: readonly StoryFeatures[], i: number, j: number, note: string | undefined): string[] {
  const { reasons } = linkStories(features[i] as StoryFeatures, features[j] as StoryFeatures);
  return note === undefined ? reasons : [...reasons, note];
}

/** Ahead in `pickNearest`'s order: the higher share, then the lower story. */
function ahead(x: { other: number; e: Verdict }, y: { other: number; e: Verdict }): boolean {
  return x.e.share > y.e.share || (x.e.share === y.e.share && x.other < y.other);
}

/** `list`, the two first in `pickNearest`'s order, with `item` met: the two first again. */
export function keepNearest(list: Array<{ other: number; e: Verdict }>, item: { other: number; e: Verdict }): void {
  const [first, second] = list;
  if (first && ahead(item, first)) list.splice(0, 2, item, first);
  else if (!second || ahead(item, second)) list.splice(1, 1, item);
}

/**
 * An undated story's nearest one, when it stands out (`EVENT_NEAREST_MARGIN` of share ahead of the
 * next): that entry of `list`, and the reason its link adds; undefined when none does. `list`: the
 * undated story's verdict with each story whose dates allow the occasion; `order` breaks ties.
 */
function chooseNearest<T, E extends Verdict>(
  list: ReadonlyArray<{ other: T; e: E }>,
  order: (x: T, y: T) => number,
): { item: { other: T; e: E }; note: string } | undefined {
  const sorted = [...list].sort((x, y) => y.e.share - x.e.share || order(x.other, y.other));
  const [first, second] = sorted;
  if (!first?.e.nearest || (second && first.e.share - second.e.share < EVENT_NEAREST_MARGIN)) return undefined;
  const share = first.e.share;
  const next = second ? `, the next ${second.e.share.toFixed(2)}` : '';
  return { item: first, note: `the nearest story to an undated one (share ${share.toFixed(2)}${next})` };
}

/**
 * An undated story's nearest one, when it stands out (`EVENT_NEAREST_MARGIN` of share ahead of the
 * next), as a link with the reason said; undefined when none does. `list`: the undated story's
 * evidence with each story whose dates allow the occasion; `order` breaks ties.
 */
export function pickNearest<T>(
  list: ReadonlyArray<{ other: T; e: EventEvidence }>,
  order: (x: T, y: T) => number,
): { other: T; e: EventEvidence } | undefined {
  const picked = chooseNearest(list, order);
  if (!picked) return undefined;
  const { other, e } = picked.item;
  return { other, e: { ...e, linked: true, reasons: [...e.reasons, picked.note] } };
}

/**
 * Each member's relation to its story's origin, as the judged pairs give it (the last pair of the
 * two, either way round): all `rolesOf` asks. A map of every pair both ways, keyed by a string
 * made for each, held what no role reads.
 */
function relationToOrigin(
  features: readonly StoryFeatures[],
  pairs: readonly PairResult[],
): (member: string, origin: string) => string | undefined {
  const originOf = new Map<string, string>();
  for (const { story } of features) {
    const origin = story.origin ?? story.members[0];
    if (origin !== undefined) for (const id of story.members) if (id !== origin) originOf.set(id, origin);
  }
  const found = new Map<string, string>();
  for (const p of pairs) {
    if (originOf.get(p.a) === p.b) found.set(p.a, p.relation);
    if (originOf.get(p.b) === p.a) found.set(p.b, p.relation);
  }
  return (member, origin) => (originOf.get(member) === origin ? found.get(member) : undefined);
}

/**
 * Group described stories into events (each story's features: `describeStory`, names weighed over
 * every document); `pairs` the judged pairs (for the members' roles); `bounds` is told what the
 * candidate bounds left out.
 */
export function eventsOfStories(
  features: readonly StoryFeatures[],
  pairs: readonly PairResult[],
  bounds: EventCandidateBounds = { commonKeys: 0, dropped: 0 },
): NewsEvent[] {
  const { links: linked, edges } = linkAll(features, bounds);
  const groups = clusterStories(features.length, edges, { minLinkedShare: EVENT_MIN_LINKED_SHARE });
  const relation = relationToOrigin(features, pairs);
  return groups.map((g, k): NewsEvent => {
    const members = g.map((i) => features[i] as StoryFeatures);
    const lead = leadingStory(members);
    const links: EventLink[] = [];
    for (const i of g)
      for (const j of g) {
        const key = i * features.length + j;
        if (i < j && linked.has(key))
          links.push({
            a: (features[i] as StoryFeatures).story.id,
            b: (features[j] as StoryFeatures).story.id,
            reasons: linkReasons(features, i, j, linked.get(key)),
          });
      }
    const days = members.flatMap((s) => s.days);
    const { actors, places } = principalNames(members, lead);
    const event: NewsEvent = {
      id: `e${k + 1}`,
      stories: members.map((s) => s.story.id),
      members: rolesOf(members, lead, relation),
      actors,
      places,
      links,
    };
    if (days.length > 0) event.dates = [isoOfDay(Math.min(...days)), isoOfDay(Math.max(...days))];
    const origin = lead.story.origin ?? lead.story.members[0];
    if (origin !== undefined) event.origin = origin;
    return event;
  });
}

export { dayOf };
