/**
 * What the body plans save the gate (`StoredDocument.plan`, core/text/bodyPlan.ts), on an existing
 * index made with them (opened once, read-only):
 *
 *   npx tsx scripts/gatePlans.ts <index location> [corpus size, default 100000]
 *
 * The index bench's 300 queries (`gateQueries`: 150 generated variants of indexed articles, then
 * 150 new synthetic articles; the corpus size is the one the index was built from), each gated
 * twice per pass, one article per call: against the index as it is, and against the same index
 * with its documents' plans left out (the gate then extracts every candidate's body, as before
 * plans), in alternating order, three passes, the first a warm-up. Prints, for each half and each
 * way, p50, p90, p99 and the mean ms, and on how many queries the two ways gave the same result
 * (verdict, matches, scores, reasons).
 */
import { gateQueries, loadPool, quantile } from '../bench/index.bench.js';
import { createSketchConfig } from '../src/core/minhash/sketch.js';
import { gateArticles } from '../src/pipeline/gate.js';
import { openStore } from '../src/store/open.js';
import type { IndexStore } from '../src/types/index.js';

const [location, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg ?? 100_000);
if (!location || !Number.isInteger(size) || size <= 0) {
  process.stderr.write('usage: npx tsx scripts/gatePlans.ts <index location> [corpus size]\n');
  process.exit(2);
}
const store = await openStore(location, { readonly: true, config: createSketchConfig() });
// The same store, its documents read without their plans.
const withoutPlans = Object.create(store) as IndexStore;
withoutPlans.getDocuments = async (ids) => (await store.getDocuments(ids)).map(({ plan: _, ...doc }) => doc);
const ways = { plans: store, 'no plans': withoutPlans } as const;
type Way = keyof typeof ways;
const queries = gateQueries(size, loadPool());
const half = queries.length / 2;
const times: Record<Way, number[][]> = { plans: [[], []], 'no plans': [[], []] };
let same = 0;
for (let pass = 0; pass < 3; pass++)
  for (const [i, q] of queries.entries()) {
    const order: Way[] = (i + pass) % 2 === 0 ? ['plans', 'no plans'] : ['no plans', 'plans'];
    const results: Partial<Record<Way, string>> = {};
    for (const way of order) {
      const t0 = performance.now();
      const result = (await gateArticles(ways[way], [q])).results[0];
      const ms = performance.now() - t0;
      if (pass > 0) times[way][i < half ? 0 : 1]?.push(ms);
      results[way] = JSON.stringify(result);
    }
    if (pass === 0 && results.plans === results['no plans']) same++;
  }
for (const [h, name] of ['variants', 'novel'].entries())
  for (const way of Object.keys(ways) as Way[]) {
    const ms = [...(times[way][h] ?? [])].sort((a, b) => a - b);
    const mean = ms.reduce((s, x) => s + x, 0) / ms.length;
    const at = (q: number) => quantile(ms, q).toFixed(2);
    process.stdout.write(
      `${name.padEnd(9)} ${way.padEnd(9)} p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, mean ${mean.toFixed(2)} ms\n`,
    );
  }
process.stdout.write(`the same result both ways: ${same} of ${queries.length} queries\n`);
await store.close();
