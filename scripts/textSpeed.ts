/**
 * The per-article text work every command shares, timed on the bench corpus in one thread:
 *
 *   npx tsx scripts/textSpeed.ts [corpus.jsonl] [articles]
 *
 * Defaults: bench/.data/corpus-10000.jsonl (`npm run bench -- index` writes it), 4,000 articles.
 * Prints µs an article for body extraction (`selectParagraphs`), normalization and fingerprint
 * (`normalizeArticle` + `fingerprintArticle` through one word cache, as a scan), the index's
 * sketching (`createInThreadPrepare`, batches of 200, as a worker) and the events stage's anchors
 * (`readTraits` of `anchorTextOf`, through a word cache, as the anchors worker), each the third of
 * three passes but the anchors (one pass over articles not seen before: its memos would flatter a
 * second). Run it in two checkouts one after the other to compare them.
 */
import { readFileSync } from 'node:fs';
import { readTraits } from '../src/core/events/features.js';
import { fingerprintArticle } from '../src/core/fingerprint/fingerprint.js';
import { createSketchConfig } from '../src/core/minhash/sketch.js';
import { normalizeArticle, selectParagraphs } from '../src/core/text/normalize.js';
import { createWordCache, foldCached } from '../src/core/text/wordCache.js';
import { anchorSourceOf, anchorTextOf } from '../src/core/xling/anchors.js';
import { createInThreadPrepare, loadAnchorTables } from '../src/pipeline/indexing.js';
import type { Article } from '../src/types/index.js';

const [path = 'bench/.data/corpus-10000.jsonl', count = '4000'] = process.argv.slice(2);
const articles: Article[] = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .slice(0, Number(count))
  .map((l, i) => ({ id: String(i), ...(JSON.parse(l) as Omit<Article, 'id'>) }));

async function perArticle(name: string, passes: number, run: () => unknown): Promise<void> {
  let us = 0;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    await run();
    us = ((performance.now() - t0) * 1000) / articles.length;
  }
  process.stdout.write(`${name.padEnd(34)} ${us.toFixed(0).padStart(6)} µs an article\n`);
}

await perArticle('body extraction', 3, () => {
  for (const a of articles) selectParagraphs(a.text, a.lang);
});
const words = createWordCache();
await perArticle('normalize + fingerprint', 3, () => {
  for (const a of articles) fingerprintArticle(normalizeArticle(a, { words }), words);
});
const prepare = createInThreadPrepare('scan');
const config = createSketchConfig();
await perArticle('index sketching', 3, async () => {
  for (let i = 0; i < articles.length; i += 200) await prepare(articles.slice(i, i + 200), config);
});
const sources = articles.map((a) => anchorSourceOf(normalizeArticle(a, { words })));
const resources = loadAnchorTables();
const anchorWords = createWordCache(100_000);
const fold = (raw: string): string => foldCached(anchorWords, raw);
await perArticle('anchors (first reading)', 1, () => {
  for (const s of sources) readTraits(anchorTextOf(s, fold), resources);
});
