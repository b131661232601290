/**
 * The gate's event question: does an indexed document report the same happening as the article
 * checked? The answer is the scan's event link (`linkStories`), each document taken as a story of
 * one, with the index standing in for the corpus:
 *
 * - every indexed document keeps an event sketch (`sketchEvent`): what `describeDocument` reads of
 *   it (names with their keys, occasion day, lede weekday, figures, years) without the offsets,
 *   and its `EVENT_SKETCH_TERMS` most frequent content terms in place of the TF-IDF vector;
 * - candidates come from the index's key index: the documents under a key of the article's names
 *   (every spelling, `lookup`), dated within `EVENT_WINDOW_DAYS` of its occasion, or undated
 *   (`eventQuery`), as the scan's candidate step (`candidates.ts`) finds stories;
 * - names are weighted by their document frequencies in the index (plus the article), as the scan
 *   weighs them over its corpus; the vocabulary cosine is taken on the term sketches, weighted by
 *   the index's term frequencies (both sides cut the same way).
 *
 * Pure.
 */
import type { EventEntry, EventQuery, EventSketch, GateEventResult, NormalizedArticle } from '../../types/index.js';
import { emptyVector, type SparseVector } from '../similarity/cosine.js';
import { type DocumentFrequencies, vectorizeTfIdf } from '../similarity/tfidf.js';
import { type AnchorResources, extractAnchors, unplaced } from '../xling/anchors.js';
import { pickNearest } from './events.js';
import { anchorTraits, describeDocument, describeStory, type EventDocument, nameWeightsOf } from './features.js';
import { EVENT_WINDOW_DAYS, linkStories } from './link.js';

/**
 * Content terms kept per document for the vocabulary cosine. On web-wire and web-multi, the
 * "known event" verdicts with 48 terms are those with the full vectors (scripts/knownEvents.ts
 * prints both); a 2,000-character page has 120–250 distinct terms.
 */
export const EVENT_SKETCH_TERMS = 48;
/** Names kept per document: web-multi's pages name 25 at most (12 on average), web-wire's 15. */
export const EVENT_SKETCH_NAMES = 40;
/** Candidates read from the key index per article, those under the most keys first. */
export const EVENT_CANDIDATES = 50;
/** Documents of a known event listed per article. */
export const EVENT_MATCHES_SHOWN = 3;

const NO_VECTOR: SparseVector = emptyVector();

/**
 * The event sketch of a normalized article (`terms`: its content terms, repeats included);
 * `maxTerms` other than `EVENT_SKETCH_TERMS` only to measure the sketch's effect.
 */
export function sketchEvent(
  article: NormalizedArticle,
  date: string | undefined,
  terms: readonly string[],
  resources: AnchorResources = {},
  options: { maxTerms?: number } = {},
): EventEntry {
  const anchors = extractAnchors(article, resources);
  const d = describeDocument('', article.lang, date, anchorTraits(anchors, article.clean.length), NO_VECTOR);
  const names = [...anchors.names]
    .sort((x, y) => y.count - x.count || x.first - y.first || x.key.localeCompare(y.key))
    .slice(0, EVENT_SKETCH_NAMES)
    .map(unplaced);
  const keys = new Set(names.flatMap((n) => n.keys));
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const sketch: EventSketch = {
    lang: article.lang,
    ...(d.day !== undefined ? { day: d.day } : {}),
    ...(d.ledeWeekday !== undefined ? { ledeWeekday: d.ledeWeekday } : {}),
    names,
    lookup: anchors.lookupKeys.filter((k) => !keys.has(k)),
    figures: [...d.figures].sort(),
    years: [...d.years].sort((x, y) => x - y),
    terms: [...counts]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, options.maxTerms ?? EVENT_SKETCH_TERMS),
  };
  return { sketch, keys: [...keys].sort(), mainKeys: [...new Set(names.map((n) => n.key))].sort() };
}

/** What the key index is asked for an article: its names' keys, its occasion's window (when dated). */
export function eventQuery(sketch: EventSketch, limit = EVENT_CANDIDATES): EventQuery {
  const keys = [...new Set([...sketch.names.flatMap((n) => n.keys), ...sketch.lookup])].sort();
  return {
    keys,
    ...(sketch.day !== undefined
      ? { days: { from: sketch.day - EVENT_WINDOW_DAYS, to: sketch.day + EVENT_WINDOW_DAYS } }
      : {}),
    limit,
  };
}

/** A sketch as the event link reads a document; `termIds` is shared by every document of one question. */
export function restoreEventDocument(
  id: string,
  sketch: EventSketch,
  freqs: DocumentFrequencies,
  termIds: Map<string, number>,
): EventDocument {
  const names = sketch.names;
  const terms = sketch.terms.flatMap(([t, c]) => Array<string>(c).fill(t));
  return {
    id,
    lang: sketch.lang,
    ...(sketch.day !== undefined ? { day: sketch.day } : {}),
    names,
    lookup: new Set([...names.flatMap((n) => n.keys), ...sketch.lookup]),
    figures: new Set(sketch.figures),
    years: new Set(sketch.years),
    ...(sketch.ledeWeekday !== undefined ? { ledeWeekday: sketch.ledeWeekday } : {}),
    vector: vectorizeTfIdf(terms, freqs, termIds),
  };
}

/**
 * Whether the indexed documents `candidates` report the article's event: each one linked to it by
 * `linkStories` (and, for an undated article, its clearly nearest one, as the scan joins an
 * undated story), strongest actor share first, at most `EVENT_MATCHES_SHOWN` listed.
 */
export function findKnownEvent(
  article: EventDocument,
  candidates: readonly EventDocument[],
  weight: (key: string) => number,
): GateEventResult {
  const single = (d: EventDocument) => describeStory({ id: d.id, members: [d.id] }, [d], weight);
  const probe = single(article);
  const judged = candidates.map((c) => ({ other: c.id, e: linkStories(probe, single(c)) }));
  const linked = judged.filter((j) => j.e.linked);
  if (linked.length === 0 && article.day === undefined) {
    const nearest = pickNearest(
      judged.filter((j) => j.e.undated),
      (x, y) => x.localeCompare(y),
    );
    if (nearest) linked.push(nearest);
  }
  linked.sort((x, y) => y.e.share - x.e.share || x.other.localeCompare(y.other));
  return {
    known: linked.length > 0,
    matches: linked.slice(0, EVENT_MATCHES_SHOWN).map((j) => ({ id: j.other, reasons: j.e.reasons })),
  };
}

/**
 * Name weights over the index and the article (as the scan weighs names over its corpus): `index`
 * holds the index's document count and each name key's document frequency there.
 */
export function weighIndexNames(
  index: { documents: number; df: ReadonlyMap<string, number> },
  article: EventEntry,
): (key: string) => number {
  const df = new Map(index.df);
  for (const k of article.mainKeys) df.set(k, (df.get(k) ?? 0) + 1);
  return nameWeightsOf(df, index.documents + 1);
}

/** Term frequencies over the index and the article (`articleTerms`: its distinct content terms). */
export function countIndexTerms(
  index: { documents: number; df: ReadonlyMap<string, number> },
  articleTerms: ReadonlySet<string>,
): DocumentFrequencies {
  const df = new Map(index.df);
  for (const t of articleTerms) df.set(t, (df.get(t) ?? 0) + 1);
  return { documents: index.documents + 1, df };
}
