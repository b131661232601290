/**
 * Where a redundant query's gate time goes, step by step, on an existing index (opened once,
 * read-only; two passes, the second timed):
 *
 *   npx tsx scripts/gateSteps.ts <index location> [corpus size, default 100000]
 *
 * The queries are the index bench's 150 generated variants of indexed articles (`gateQueries`,
 * the corpus size picks their sources as the bench does). Each step is the gate's own function,
 * called as `pipeline/gate.ts` calls it for the best candidate (one round, every candidate's
 * signature read): the input's body selection, scan and sketch; the look-up and ranking; the
 * input's normalization and fingerprint; the index's document frequencies; the candidate's text,
 * its paragraphs (from its body plan when the index keeps one, else selected as the input's),
 * normalization and fingerprint; `judgePair`. Prints the mean ms of each step.
 */

import { gateQueries, loadPool } from '../bench/index.bench.js';
import { fingerprintArticle } from '../src/core/fingerprint/fingerprint.js';
import { rankSignatures, SAMPLE_FILTER } from '../src/core/minhash/filter.js';
import { createSketchConfig, sketchScanned } from '../src/core/minhash/sketch.js';
import { judgePair, resolveThresholds } from '../src/core/relation/judge.js';
import type { DocumentFrequencies } from '../src/core/similarity/tfidf.js';
import { vectorizeTfIdf } from '../src/core/similarity/tfidf.js';
import { normalizeArticle, selectParagraphs } from '../src/core/text/normalize.js';
import { createScanCache, scanArticle } from '../src/core/text/tokenCache.js';
import { createWordCache } from '../src/core/text/wordCache.js';
import { restoreArticle, storedSelection } from '../src/pipeline/indexing.js';
import { openStore } from '../src/store/open.js';
import type { Article } from '../src/types/index.js';

const [location, size] = process.argv.slice(2);
if (!location) {
  process.stderr.write('usage: npx tsx scripts/gateSteps.ts <index location> [corpus size]\n');
  process.exit(2);
}
const queries: Article[] = gateQueries(Number(size ?? 100_000), loadPool()).slice(0, 150);
const config = createSketchConfig();
const store = await openStore(location, { readonly: true, config });
const cache = createScanCache();
const words = createWordCache();
const thresholds = resolveThresholds();
const spent = new Map<string, number>();
async function step<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  spent.set(name, (spent.get(name) ?? 0) + performance.now() - t0);
  return out;
}
for (let pass = 0; pass < 2; pass++) {
  spent.clear();
  for (const a of queries) {
    const selected = await step('input: body selection', () => selectParagraphs(a.text, a.lang));
    const scanned = await step('input: scan', () => scanArticle(a, config.charShingle, cache, selected));
    const sketch = await step('input: sketch', () => sketchScanned(scanned, config));
    const found = await step('look-up (one round)', () =>
      store.findSketchesByBands({
        chars: sketch.charKeys,
        samples: { keys: sketch.sampleKeys, oneIn: config.containment?.oneIn ?? 32, ...SAMPLE_FILTER },
      }),
    );
    const best = await step(
      'rank',
      () =>
        found
          .map((s) => ({ id: s.id, score: rankSignatures(s, sketch, config.seed, false) }))
          .filter((s) => s.score > 0)
          .sort((x, y) => y.score - x.score)[0],
    );
    if (!best) continue;
    const fp = await step('input: normalize + fingerprint', () =>
      fingerprintArticle(normalizeArticle(a, { selected, words }), words),
    );
    const freqs = await step('document frequencies', () => store.getDocumentFrequencies(fp.terms));
    const [doc] = await step('candidate: text', () => store.getDocuments([best.id]));
    if (!doc) continue;
    // Its paragraphs from its body plan when the index keeps one (`storedSelection`), else selected.
    const article = restoreArticle(doc);
    const selectedOther = await step(
      'candidate: body selection',
      () => storedSelection(doc) ?? selectParagraphs(article.text, article.lang),
    );
    const other = await step('candidate: normalize + fingerprint', () =>
      fingerprintArticle(normalizeArticle(article, { words, selected: selectedOther }), words),
    );
    const df: DocumentFrequencies = freqs;
    await step('judgePair', () =>
      judgePair(
        fp,
        other,
        vectorizeTfIdf(fp.terms, df, new Map()),
        vectorizeTfIdf(other.terms, df, new Map()),
        thresholds,
      ),
    );
  }
}
let total = 0;
for (const [name, ms] of spent) {
  total += ms;
  process.stdout.write(`${name.padEnd(36)} ${(ms / queries.length).toFixed(2)} ms\n`);
}
process.stdout.write(
  `${'total'.padEnd(36)} ${(total / queries.length).toFixed(2)} ms (per query, ${queries.length} queries)\n`,
);
await store.close();
