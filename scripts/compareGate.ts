/**
 * The index bench's 300 gate queries (150 new variants of indexed articles, 150 new synthetic
 * articles) against one or more indexes of the same corpus, one article per call, each index
 * opened once read-only:
 *
 *   npx tsx scripts/compareGate.ts <index location>...
 *
 * Prints, per index, the redundant verdicts, p50 and p99 and the candidates proposed per query;
 * with two or more, how many verdicts each shares with the first and the first query where they
 * differ (its id, and each index's verdict, candidates and best match). Used to check that a
 * change to the index (its bands, its look-up) keeps the bench's verdicts (issue 13).
 */
import { gateQueries, loadPool, quantile, timeGate } from '../bench/index.bench.js';
import { createSketchConfig } from '../src/core/minhash/sketch.js';
import { openStore } from '../src/store/open.js';
import type { GateArticleResult } from '../src/types/index.js';

const locations = process.argv.slice(2);
if (locations.length === 0) {
  process.stderr.write('usage: npx tsx scripts/compareGate.ts <index location>...\n');
  process.exit(2);
}
const queries = gateQueries(100_000, loadPool());
const runs: Array<Array<GateArticleResult | undefined>> = [];
for (const location of locations) {
  const store = await openStore(location, { readonly: true, config: createSketchConfig() });
  const timed = await timeGate(store, queries);
  await store.close();
  const ms = timed.map((t) => t.ms).sort((a, b) => a - b);
  const at = (q: number) => quantile(ms, q).toFixed(2);
  const results = timed.map((t) => t.result);
  const redundant = results.filter((r) => r?.verdict === 'redundant').length;
  const proposed = results.reduce((s, r) => s + (r?.candidates.proposed ?? 0), 0) / results.length;
  process.stdout.write(
    `${location}: ${redundant} of ${queries.length} redundant; p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; ${proposed.toFixed(1)} proposed per query\n`,
  );
  runs.push(results);
}
const [first, ...others] = runs;
others.forEach((results, k) => {
  const differs = results.flatMap((r, i) => (r?.verdict === first?.[i]?.verdict ? [] : [i]));
  process.stdout.write(
    `${locations[k + 1]}: same verdict as the first on ${queries.length - differs.length} of ${queries.length}\n`,
  );
  for (const i of differs.slice(0, 3)) {
    const show = (r: GateArticleResult | undefined) =>
      `${r?.verdict} (${r?.candidates.proposed} proposed, ${r?.candidates.verified} verified${r?.matches[0] ? `; ${r.matches[0].relation} ${r.matches[0].id}` : ''})`;
    process.stdout.write(`  ${queries[i]?.id}: ${show(first?.[i])} against ${show(results[i])}\n`);
  }
});
