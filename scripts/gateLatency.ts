/**
 * Gate latency on existing indexes, one article per call, each index opened once read-only:
 *
 *   npx tsx scripts/gateLatency.ts <corpus.jsonl> <index location>...
 *
 * Two query sets: generated variants (seed 999) of 150 articles drawn (seed 4242) from the first
 * 2,000 of the corpus the indexes were built from, which should be redundant; and the real pages
 * of ../shared/eval/web-wire.jsonl, which are not in the bench corpus and should be novel. Each
 * location (a SQLite file or a `postgres://` URL) is measured in turn in this process, with five
 * warm-up queries first. Prints p50 and p90, candidates proposed and verified per query, the
 * redundant verdicts, and the time inside the store's candidate look-ups (`findRankedSketches`, both
 * rounds of a query counted as one call each).
 * Used for the PostgreSQL figures of issue 13 (bench/RESULTS.md, README "Benchmarks").
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { quantile, timeGate } from '../bench/index.bench.js';
import { createSketchConfig } from '../src/core/minhash/sketch.js';
import { createRandom, generateVariants } from '../src/eval/generate.js';
import { openStore } from '../src/store/open.js';
import { describeUrl } from '../src/store/postgres.js';
import type { Article, IndexStore } from '../src/types/index.js';

/** The first `limit` articles of a JSON Lines file, read a megabyte at a time (a 1M corpus is 3.3 GB). */
function readJsonl(path: string, limit: number): Article[] {
  const out: Article[] = [];
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8'); // a character may straddle two reads
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const lines = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
      rest = n === 0 ? '' : (lines.pop() as string);
      for (const line of lines) {
        if (out.length >= limit) return out;
        if (line.trim() === '') continue;
        const row = JSON.parse(line) as { id: string; text: string };
        out.push({ id: row.id, text: row.text });
      }
      if (n === 0) return out;
    }
  } finally {
    closeSync(fd);
  }
}

async function measure(store: IndexStore, queries: readonly Article[]): Promise<string> {
  const find = store.findRankedSketches.bind(store);
  let lookupMs = 0;
  let lookups = 0;
  store.findRankedSketches = async (q, rank, options) => {
    const t0 = performance.now();
    const r = await find(q, rank, options);
    lookupMs += performance.now() - t0;
    lookups++;
    return r;
  };
  const timed = await timeGate(store, queries);
  store.findRankedSketches = find;
  const times = timed.map((t) => t.ms).sort((a, b) => a - b);
  const n = queries.length;
  const sum = (f: (t: (typeof timed)[number]) => number) => timed.reduce((s, t) => s + f(t), 0);
  const proposed = sum((t) => t.result?.candidates.proposed ?? 0);
  const verified = sum((t) => t.result?.candidates.verified ?? 0);
  const redundant = timed.filter((t) => t.result?.verdict === 'redundant').length;
  return `p50 ${quantile(times, 0.5).toFixed(2)} ms, p90 ${quantile(times, 0.9).toFixed(2)} ms; ${(proposed / n).toFixed(1)} proposed, ${(verified / n).toFixed(2)} verified per query; ${redundant} of ${n} redundant; look-up ${(lookupMs / Math.max(1, lookups)).toFixed(2)} ms per call (warm-up calls included)`;
}

const [corpus, ...locations] = process.argv.slice(2);
const webWire = '../shared/eval/web-wire.jsonl';
if (!corpus || locations.length === 0 || !existsSync(corpus) || !existsSync(webWire)) {
  process.stderr.write(`usage: npx tsx scripts/gateLatency.ts <corpus.jsonl> <index location>... (needs ${webWire})\n`);
  process.exit(2);
}
const pool = readJsonl(corpus, 2_000);
const rng = createRandom(4242);
const drawn = Array.from({ length: 150 }, () => pool[Math.floor(rng() * pool.length)] as Article);
const variants = generateVariants([...new Map(drawn.map((a) => [a.id, a])).values()], { seed: 999 }).map((v) => ({
  id: `q/${v.id}`,
  text: v.text,
}));
const novel = readJsonl(webWire, 1_000).map((a, i) => ({ id: `web/${i}`, text: a.text }));
for (const location of locations) {
  const store = await openStore(location, { readonly: true, config: createSketchConfig() });
  const shown = location.startsWith('postgres') ? describeUrl(location) : location;
  process.stdout.write(`${shown}\n  variants (${variants.length}): ${await measure(store, variants)}\n`);
  process.stdout.write(`  real pages (${novel.length}): ${await measure(store, novel)}\n`);
  await store.close();
}
