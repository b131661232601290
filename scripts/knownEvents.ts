/**
 * The gate's "novel text about a known event", measured on the `event` labels of
 * ../shared/eval/web-wire.jsonl and web-multi.jsonl:
 *
 *   npx tsx scripts/knownEvents.ts
 *
 * For each set: the first document (by id) of every event with two or more documents is indexed
 * (an in-memory index, built by `addArticles` as `index add` builds one); every other document is
 * gated (`gateArticles`, as `copydesk gate`). A gated document whose event is indexed should be
 * "known" with its event's document among the matches; a distractor (an event of one document,
 * so not indexed) should not be known. Precision counts the known answers whose matches hold the
 * right document; a known answer listing only other events' documents is a false positive.
 *
 * It also prints the same answers with the full TF-IDF vectors in place of the stored
 * `EVENT_SKETCH_TERMS` most frequent terms (the index's compact substitute), to show its effect.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_SKETCH_TERMS, sketchEvent } from '../src/core/events/known.js';
import { createSketchConfig } from '../src/core/minhash/sketch.js';
import { normalizeArticle } from '../src/core/text/normalize.js';
import { contentTerms } from '../src/core/text/terms.js';
import { gateArticles } from '../src/pipeline/gate.js';
import { addArticles, loadAnchorTables, prepareEntry } from '../src/pipeline/indexing.js';
import { MemoryStore } from '../src/store/memory.js';
import type { Article, DocumentEntry, GateArticleResult } from '../src/types/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DIR = resolve(ROOT, '../shared/eval');

interface Row {
  id: string;
  event: string;
  lang: string;
  date?: string;
  relation: string;
  text: string;
}

function readRows(name: string): Row[] {
  return readFileSync(resolve(EVAL_DIR, `${name}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
}

const toArticle = (r: Row): Article => ({ id: r.id, text: r.text, lang: r.lang, ...(r.date ? { date: r.date } : {}) });

/** Indexed: the first document of each event of two or more; gated: the rest. */
export function splitByEvent(rows: readonly Row[]): { indexed: Row[]; gated: Row[] } {
  const byEvent = new Map<string, Row[]>();
  for (const r of [...rows].sort((x, y) => x.id.localeCompare(y.id)))
    byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), r]);
  const indexed = [...byEvent.values()].filter((g) => g.length > 1).map((g) => g[0] as Row);
  const taken = new Set(indexed.map((r) => r.id));
  return { indexed, gated: rows.filter((r) => !taken.has(r.id)) };
}

interface Score {
  gated: number;
  redundant: number;
  expected: number;
  known: number;
  right: number;
  wrongMatches: number;
  misses: string[];
  falseAlarms: string[];
}

function score(rows: readonly Row[], indexed: readonly Row[], results: readonly GateArticleResult[]): Score {
  const eventOf = new Map(rows.map((r) => [r.id, r.event]));
  const indexedEvents = new Set(indexed.map((r) => r.event));
  const s: Score = {
    gated: results.length,
    redundant: 0,
    expected: 0,
    known: 0,
    right: 0,
    wrongMatches: 0,
    misses: [],
    falseAlarms: [],
  };
  for (const r of results) {
    if (r.verdict === 'redundant') {
      s.redundant++;
      continue;
    }
    const event = eventOf.get(r.input) as string;
    const expected = indexedEvents.has(event);
    if (expected) s.expected++;
    const matches = r.event?.matches ?? [];
    const right = matches.some((m) => eventOf.get(m.id) === event);
    s.wrongMatches += matches.filter((m) => eventOf.get(m.id) !== event).length;
    if (r.event?.known) s.known++;
    if (r.event?.known && right) s.right++;
    else if (r.event?.known) s.falseAlarms.push(`${r.input} → ${matches.map((m) => m.id).join(', ')}`);
    if (expected && !(r.event?.known && right)) s.misses.push(r.input);
  }
  return s;
}

function withEvents(entries: DocumentEntry[], maxTerms: number): DocumentEntry[] {
  const anchors = loadAnchorTables();
  return entries.map((e) => {
    const a = { id: e.id, text: e.text, ...(e.meta as Partial<Article>) } as Article;
    const n = normalizeArticle(a);
    return { ...e, event: sketchEvent(n, a.date, contentTerms(n.tokens, n.lang), anchors, { maxTerms }) };
  });
}

async function measure(name: string, maxTerms: number): Promise<Score> {
  const rows = readRows(name);
  const { indexed, gated } = splitByEvent(rows);
  // An index that keeps event sketches (`index add --events`): only it answers the event question.
  const config = { ...createSketchConfig(), events: true };
  const store = new MemoryStore(config);
  if (maxTerms === EVENT_SKETCH_TERMS) await addArticles(store, indexed.map(toArticle));
  else
    await store.applyBatch({
      add: withEvents(
        indexed.map((r) => prepareEntry(toArticle(r), config)),
        maxTerms,
      ),
    });
  const { results } = await gateArticles(
    store,
    gated.map(toArticle),
    maxTerms === EVENT_SKETCH_TERMS ? {} : { eventSketchTerms: maxTerms },
  );
  return score(rows, indexed, results);
}

const pct = (x: number, n: number) => (n === 0 ? '—' : `${((100 * x) / n).toFixed(1)}%`);

if (!existsSync(resolve(EVAL_DIR, 'web-wire.jsonl'))) {
  console.log(`no evaluation data in ${EVAL_DIR}: nothing measured`);
} else {
  console.log(
    '| set | terms kept | gated | redundant (exit 1) | should be known | said known | right | precision | recall | wrong matches listed |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const notes: string[] = [];
  for (const name of ['web-wire', 'web-multi']) {
    for (const maxTerms of [EVENT_SKETCH_TERMS, Number.POSITIVE_INFINITY]) {
      const s = await measure(name, maxTerms);
      const label = Number.isFinite(maxTerms) ? String(maxTerms) : 'all';
      console.log(
        `| ${name} | ${label} | ${s.gated} | ${s.redundant} | ${s.expected} | ${s.known} | ${s.right} | ${pct(s.right, s.known)} | ${pct(s.right, s.expected)} | ${s.wrongMatches} |`,
      );
      if (s.misses.length > 0) notes.push(`${name} (${label}) missed: ${s.misses.join(', ')}`);
      if (s.falseAlarms.length > 0) notes.push(`${name} (${label}) false alarms: ${s.falseAlarms.join('; ')}`);
    }
  }
  for (const n of notes) console.log(`\n${n}`);
}
