/**
 * Body extraction's time per article: `selectParagraphs` (paragraph selection, with `extractBody`
 * inside) over the first 4,000 articles of the index benchmark's 20,000-article corpus, without
 * language metadata (as the bench's articles come), three passes, in one thread:
 *
 *   npx tsx scripts/bodySpeed.ts [corpus.jsonl] [articles]
 *
 * Prints the µs an article of each pass (the first warms the code up). Run it on two checkouts one
 * after the other to compare them.
 */
import { readFileSync } from 'node:fs';
import { selectParagraphs } from '../src/core/text/normalize.js';

const [path = 'bench/.data/corpus-20000.jsonl', count = '4000'] = process.argv.slice(2);
const articles = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .slice(0, Number(count))
  .map((l) => JSON.parse(l) as { text: string; lang?: string });
for (let pass = 1; pass <= 3; pass++) {
  const t0 = performance.now();
  for (const a of articles) selectParagraphs(a.text, a.lang);
  const us = ((performance.now() - t0) * 1000) / articles.length;
  process.stdout.write(`pass ${pass}: ${us.toFixed(0)} µs an article (${articles.length} articles)\n`);
}
