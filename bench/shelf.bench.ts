/**
 * Reading normalized articles and cross-language profiles back from a scan's shelves (the
 * temporary files a scan above 5,000 articles keeps them in). The articles: the shelved form, tokens
 * numbered in the scan's list and sentences in one column (`shelvedArticle`, read by
 * `unshelvedArticle`), against the in-process baseline, the article as it is (tokens and sentences'
 * texts as strings, `v8.serialize` as the file shelf writes any value). The profiles: the shelved form, every string a number into the scan's list and the
 * anchors in columns (`shelvedProfile`, read by `shelfReader`), against the in-process baseline,
 * the form before it: only the keyed sentences' keys numbered, the anchors as objects of strings,
 * read back through an intern pool (`compactProfile`) and the keyed arrays copied out
 * (`ownKeyed`), as crossStage.ts did until 2026-12-05. The profiles of the bench corpus of N
 * articles (as a scan makes them: dictionaries from /usr/share/dictd), put on two file shelves,
 * read back in a scrambled order, passes interleaved; both readers must give the same profiles.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createInternPool } from '../dist/core/intern.js';
import { normalizeArticle } from '../dist/core/text/normalize.js';
import { createVocabulary } from '../dist/core/text/vocabulary.js';
import { ownKeyed } from '../dist/core/xling/keyed.js';
import { type CrossProfile, compactProfile } from '../dist/core/xling/profile.js';
import { createFileShelf } from '../dist/io/shelf.js';
import { crossLanguageFor, profileHere, shelfReader } from '../dist/pipeline/crossStage.js';
import { createKeyNumbers, type NumberedProfile, numberProfileKeys } from '../dist/pipeline/profileKeys.js';
import { type ShelvedArticle, shelvedArticle, unshelvedArticle } from '../dist/pipeline/shelvedArticle.js';
import { shelvedProfile } from '../dist/pipeline/shelvedProfile.js';
import type { Article, NormalizedArticle } from '../dist/types/index.js';
import { loadPool, quantile, writeCorpus } from './index.bench.js';
import type { BenchContext } from './run.js';

/** The baseline reader: keys numbered, anchors' strings through a pool, arrays copied out. */
function pooledReader(shelf: ReturnType<typeof createFileShelf>, keys: readonly string[]) {
  const pool = createInternPool();
  return (k: number): CrossProfile | undefined => {
    const numbered = shelf.get(k) as NumberedProfile | undefined;
    if (!numbered) return undefined;
    const { keyNumbers, quotedKeyNumbers, ...rest } = numbered;
    const keyed = {
      ...rest.keyed,
      keys: Array.from(keyNumbers, (n) => keys[n] as string),
      quotedKeys: Array.from(quotedKeyNumbers, (n) => keys[n] as string),
    };
    return compactProfile({ ...rest, keyed: ownKeyed(keyed) }, pool, true);
  };
}

/** Microseconds a read of every value took, in a scrambled order. */
function pass(read: (k: number) => unknown, n: number): number {
  const t0 = performance.now();
  for (let k = 0; k < n; k++) read((k * 7919) % n);
  return ((performance.now() - t0) * 1000) / n;
}

const median = (xs: number[]): number =>
  quantile(
    [...xs].sort((x, y) => x - y),
    0.5,
  );

/** Passes of both readers, interleaved (3 with --quick, else 7), and their medians, µs a read. */
function interleaved(
  readBefore: (k: number) => unknown,
  readAfter: (k: number) => unknown,
  n: number,
  ctx: BenchContext,
  what: string,
): { times: { before: number[]; after: number[] }; b: number; a: number } {
  const times: { before: number[]; after: number[] } = { before: [], after: [] };
  for (let round = 0; round < (ctx.quick ? 3 : 7); round++) {
    times.before.push(pass(readBefore, n));
    times.after.push(pass(readAfter, n));
  }
  const b = median(times.before);
  const a = median(times.after);
  ctx.log(`${what}: baseline ${b.toFixed(1)} µs, shelved ${a.toFixed(1)} µs (×${(b / a).toFixed(2)})`);
  return { times, b, a };
}

/** KB a value on `shelf`, on average over its first `n`. */
function kbOn(shelf: ReturnType<typeof createFileShelf>, n: number): string {
  let bytes = 0;
  for (let k = 0; k < n; k++) bytes += shelf.bytes(k);
  return (bytes / n / 1024).toFixed(1);
}

/** The articles as they are (baseline) and shelved, read back; both must give the same articles. */
function articleRows(normalized: readonly NormalizedArticle[], ctx: BenchContext): string {
  const n = normalized.length;
  const before = createFileShelf();
  const after = createFileShelf();
  try {
    const tokens = createVocabulary();
    normalized.forEach((a, k) => {
      before.put(k, a);
      after.put(k, shelvedArticle(a, tokens));
    });
    const readBefore = (k: number) => before.get(k) as NormalizedArticle;
    const readAfter = (k: number) => unshelvedArticle(after.get(k) as ShelvedArticle, tokens.terms);
    let same = 0;
    for (let k = 0; k < n; k++) {
      // The shelved form leaves out a title it has not got; `normalizeArticle` sets it undefined.
      const x = readBefore(k);
      const y = readAfter(k);
      if (isDeepStrictEqual({ ...x, title: x.title }, { ...y, title: y.title })) same++;
    }
    if (same !== n) throw new Error(`shelf bench: ${n - same} of ${n} articles read back differently`);
    const { times, b, a } = interleaved(readBefore, readAfter, n, ctx, 'article read');
    return `Normalized articles of the same corpus, put on two file shelves and each read back in a scrambled order (${times.before.length} passes of each, interleaved; medians). Both give the same ${n.toLocaleString('en-US')} articles (\`isDeepStrictEqual\`).

| | baseline: the article as it is | shelved: tokens numbered, sentences in a column | ratio |
|---|---:|---:|---:|
| read, µs an article | ${b.toFixed(1)} | ${a.toFixed(1)} | ×${(b / a).toFixed(2)} faster |
| on the shelf, KB an article | ${kbOn(before, n)} | ${kbOn(after, n)} | |

Passes, µs: baseline ${times.before.map((t) => t.toFixed(0)).join(', ')}; shelved ${times.after.map((t) => t.toFixed(0)).join(', ')}.`;
  } finally {
    before.close();
    after.close();
  }
}

export default async function shelfBench(ctx: BenchContext): Promise<string> {
  const corpus = writeCorpus(ctx.quick ? 500 : 3000, loadPool(), ctx.log);
  const articles = readFileSync(corpus.path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Article);
  const normalized = articles.map((a) => normalizeArticle(a));
  const languages = [...new Set(normalized.map((a) => a.lang).filter((l) => l !== 'und'))].sort();
  const resources = crossLanguageFor(normalized);
  if (!resources) throw new Error(`shelf bench: one known language (${languages.join(', ')}), no profiles to shelve`);
  const articleSection = articleRows(normalized, ctx);
  const profiles = profileHere(normalized, resources);
  const n = profiles.length;
  ctx.log(`${n} articles and profiles (${languages.join(', ')})`);

  const before = createFileShelf();
  const after = createFileShelf();
  try {
    const keys = createKeyNumbers();
    const strings = createKeyNumbers();
    profiles.forEach((p, k) => {
      before.put(k, numberProfileKeys(p, keys));
      after.put(k, shelvedProfile(p, strings));
    });
    const readBefore = pooledReader(before, keys.vocabulary.terms);
    const readAfter = shelfReader(after, strings.vocabulary.terms, 0);
    let same = 0;
    for (let k = 0; k < n; k++) if (isDeepStrictEqual(readBefore(k), readAfter(k))) same++;
    if (same !== n) throw new Error(`shelf bench: ${n - same} of ${n} profiles read back differently`);
    const kb = (shelf: typeof before): string => kbOn(shelf, n);
    const { times, b, a } = interleaved(readBefore, readAfter, n, ctx, 'read');
    return `Profiles of the bench corpus of ${n.toLocaleString('en-US')} articles (${languages.join(', ')}), put on two file shelves and each read back in a scrambled order (${times.before.length} passes of each, interleaved; medians). Both readers give the same ${n.toLocaleString('en-US')} profiles (\`isDeepStrictEqual\`).

| | baseline: keys numbered, anchors through a pool | shelved: all strings numbered, anchors in columns | ratio |
|---|---:|---:|---:|
| read, µs a profile | ${b.toFixed(1)} | ${a.toFixed(1)} | ×${(b / a).toFixed(2)} faster |
| on the shelf, KB a profile | ${kb(before)} | ${kb(after)} | |
| strings in the scan's list | ${keys.vocabulary.terms.length.toLocaleString('en-US')} | ${strings.vocabulary.terms.length.toLocaleString('en-US')} | |

Passes, µs: baseline ${times.before.map((t) => t.toFixed(0)).join(', ')}; shelved ${times.after.map((t) => t.toFixed(0)).join(', ')}.

${articleSection}`;
  } finally {
    before.close();
    after.close();
  }
}
