/**
 * Where a gate query's time goes, by store call and by candidate round, on an existing index
 * (opened once, read-only; the built code, as `copydesk gate` runs it: `npm run build` first):
 *
 *   npx tsx scripts/gateRounds.ts <index location> [corpus size, default 100000]
 *
 * Queries: the index bench's 300 (`gateQueries`: 150 generated variants of indexed articles, then
 * 150 new synthetic articles; the corpus size is the one the index was built from), one article
 * per `gateArticles` call, three passes, the last one timed. For each half: mean, p50, p90 and
 * p99 ms, candidates verified and proposed per query, and the ms and calls per query of each
 * store method the gate awaits, with `findRankedSketches` split into its rounds (1: two or more
 * band keys, 2: the sampled shingles, 3: one band key; see `proposeCandidates`) and, for each
 * round, the screen digests read and the share the screen ruled out (`RankOptions.screen`).
 * What the store calls leave is the gate's own work: the input's body selection, scan and
 * sketch, and for each verified candidate its normalization, fingerprint and `judgePair`
 * (`scripts/gateSteps.ts`).
 */
import { gateQueries, loadPool, quantile } from '../bench/index.bench.js';
import { createSketchConfig } from '../dist/core/minhash/sketch.js';
import { gateArticles } from '../dist/pipeline/gate.js';
import { openStore } from '../dist/store/open.js';
import type { IndexStore, RankOptions } from '../dist/types/index.js';

const [location, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg ?? 100_000);
if (!location || !Number.isInteger(size) || size <= 0) {
  process.stderr.write('usage: npx tsx scripts/gateRounds.ts <index location> [corpus size]\n');
  process.exit(2);
}
const queries = gateQueries(size, loadPool());
const store = await openStore(location, { readonly: true, config: createSketchConfig() });
const spent = new Map<string, { ms: number; calls: number; screened: number; ruledOut: number }>();
const note = (name: string, ms: number, screened = 0, ruledOut = 0) => {
  const s = spent.get(name) ?? { ms: 0, calls: 0, screened: 0, ruledOut: 0 };
  s.ms += ms;
  s.calls++;
  s.screened += screened;
  s.ruledOut += ruledOut;
  spent.set(name, s);
};
const roundOf = (options: RankOptions | undefined): string => {
  const min = options?.minBands ?? 1;
  return min === Number.POSITIVE_INFINITY
    ? 'round 2 (sampled shingles)'
    : min > 1
      ? 'round 1 (2+ band keys)'
      : 'round 3 (1 band key)';
};
const timed = ['findByHash', 'findRankedSketches', 'getDocuments', 'getDocumentFrequencies'] as const;
const methods = store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
for (const name of timed) {
  const f = (methods[name] as (...a: unknown[]) => Promise<unknown>).bind(store);
  methods[name] = async (...a: unknown[]) => {
    // The screen digests a round reads, and how many of those the screen rules out.
    let screened = 0;
    let ruledOut = 0;
    const options = a[2] as RankOptions | undefined;
    const screen = options?.screen;
    if (name === 'findRankedSketches' && screen)
      a[2] = {
        ...options,
        screen: (size: number, hex: string) => {
          screened++;
          const pass = screen(size, hex);
          if (!pass) ruledOut++;
          return pass;
        },
      };
    const t0 = performance.now();
    const r = await f(...a);
    const ms = performance.now() - t0;
    note(name === 'findRankedSketches' ? roundOf(options) : name, ms, screened, ruledOut);
    return r;
  };
}

async function pass(half: string, qs: typeof queries, report: boolean): Promise<void> {
  spent.clear();
  const times: number[] = [];
  let verified = 0;
  let proposed = 0;
  for (const q of qs) {
    const t0 = performance.now();
    const r = (await gateArticles(store as IndexStore, [q])).results[0];
    times.push(performance.now() - t0);
    verified += r?.candidates.verified ?? 0;
    proposed += r?.candidates.proposed ?? 0;
  }
  if (!report) return;
  const n = qs.length;
  const mean = times.reduce((s, t) => s + t, 0) / n;
  times.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(2);
  process.stdout.write(
    `${half} (${n}): mean ${ms(mean)} ms, p50 ${ms(quantile(times, 0.5))}, p90 ${ms(quantile(times, 0.9))}, p99 ${ms(quantile(times, 0.99))}; verified ${(verified / n).toFixed(2)}, proposed ${(proposed / n).toFixed(1)} per query\n`,
  );
  for (const [name, s] of [...spent].sort(([a], [b]) => a.localeCompare(b)))
    process.stdout.write(
      `  ${name.padEnd(28)} ${ms(s.ms / n)} ms, ${(s.calls / n).toFixed(2)} calls a query${s.screened > 0 ? `; ${(s.screened / n).toFixed(1)} screen digests read, ${((100 * s.ruledOut) / s.screened).toFixed(1)} % ruled out` : ''}\n`,
    );
}

const halves: Array<[string, typeof queries]> = [
  ['variants', queries.slice(0, 150)],
  ['novel', queries.slice(150)],
];
for (let p = 0; p < 3; p++) for (const [half, qs] of halves) await pass(half, qs, p === 2);
await store.close();
