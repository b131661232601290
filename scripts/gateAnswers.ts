/**
 * The gate's whole answers on an existing index, to compare two versions of the code on it: run
 * this in each checkout (after `npm run build`: it runs the built code) and give the second run
 * the first one's file.
 *
 *   npx tsx scripts/gateAnswers.ts <index location> <out.json> [--size N] [--all-matches] [--against old.json]
 *
 * Queries: the index bench's 300 (`gateQueries`: 150 generated variants of indexed articles, then
 * 150 new synthetic articles; `--size` is the corpus size the index was built from, default
 * 100000) and, when ../shared/eval is present, web-wire's real pages (not in the bench corpus).
 * Each is gated alone (`gateArticles`, one article per call, the index opened once read-only),
 * three passes, the answers of the last written to <out.json> (verdict, matches with their scores,
 * reasons, candidates). Prints, from the last two passes, p50 of the variants, of the novel
 * queries and of the web pages, and p50 and p99 of the 300; with `--against`, how many verdicts,
 * matches, reasons and candidate counts differ from the earlier file, and the first queries whose
 * matches differ.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gateQueries, loadPool, quantile } from '../bench/index.bench.js';
import { createSketchConfig } from '../dist/core/minhash/sketch.js';
import { readCorpus } from '../dist/io/readCorpus.js';
import { gateArticles } from '../dist/pipeline/gate.js';
import { openStore } from '../dist/store/open.js';
import type { Article, GateArticleResult } from '../dist/types/index.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const size = Number(option('--size') ?? 100_000);
const against = option('--against');
const allMatches = args.includes('--all-matches');
const [location, out] = args.filter((a) => !a.startsWith('--'));
if (!location || !out || !Number.isInteger(size) || size <= 0) {
  process.stderr.write(
    'usage: npx tsx scripts/gateAnswers.ts <index location> <out.json> [--size N] [--all-matches] [--against old.json]\n',
  );
  process.exit(2);
}

const bench = gateQueries(size, loadPool());
const webPath = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'web-wire.jsonl');
// Read as `copydesk gate` reads a JSON Lines file (its metadata kept); ids prefixed so that none
// can collide with the bench's.
const web: Article[] = existsSync(webPath)
  ? (await readCorpus([webPath])).map((a) => ({ ...a, id: `web/${a.id}` }))
  : [];
const queries = [...bench, ...web];
const store = await openStore(location, { readonly: true, config: createSketchConfig() });
const times: number[][] = queries.map(() => []);
let answers: GateArticleResult[] = [];
for (let pass = 0; pass < 3; pass++) {
  answers = [];
  for (const [i, q] of queries.entries()) {
    const t0 = performance.now();
    const { results } = await gateArticles(store, [q], { allMatches });
    if (pass > 0) times[i]?.push(performance.now() - t0);
    answers.push(results[0] as GateArticleResult);
  }
}
await store.close();
writeFileSync(out, `${JSON.stringify(answers, null, 1)}\n`);

const ms = (from: number, to: number) =>
  times
    .slice(from, to)
    .flat()
    .sort((x, y) => x - y);
const f = (x: number) => x.toFixed(2);
const variants = ms(0, 150);
const novel = ms(150, bench.length);
const all = ms(0, bench.length);
const redundant = answers.filter((a) => a.verdict === 'redundant').length;
process.stdout.write(
  `${queries.length} queries, ${redundant} redundant; p50 variants ${f(quantile(variants, 0.5))} ms, novel ${f(quantile(novel, 0.5))} ms` +
    `${web.length > 0 ? `, web pages ${f(quantile(ms(bench.length, queries.length), 0.5))} ms` : ''}; ` +
    `the ${bench.length}: p50 ${f(quantile(all, 0.5))} ms, p99 ${f(quantile(all, 0.99))} ms\n`,
);
if (against) {
  const before = JSON.parse(readFileSync(against, 'utf8')) as GateArticleResult[];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const pairs = answers.map((a, i) => [before[i], a] as const);
  if (before.length !== answers.length || pairs.some(([b, a]) => b?.input !== a.input)) {
    process.stderr.write(`gateAnswers: ${against} answers other queries\n`);
    process.exit(2);
  }
  const count = (differ: (b: GateArticleResult, a: GateArticleResult) => boolean) =>
    pairs.filter(([b, a]) => differ(b as GateArticleResult, a)).length;
  process.stdout.write(
    `against ${against}: verdicts differ ${count((b, a) => b.verdict !== a.verdict)}, matches ${count((b, a) => !same(b.matches, a.matches))}, ` +
      `reasons ${count((b, a) => !same(b.reasons, a.reasons))}, candidate counts ${count((b, a) => !same(b.candidates, a.candidates))} of ${answers.length}\n`,
  );
  for (const [b, a] of pairs.filter(([b, a]) => !same(b?.matches, a.matches)).slice(0, 5))
    process.stdout.write(
      `  ${a.input}: ${b?.verdict} [${b?.matches.map((m) => `${m.id} ${m.relation}`).join(', ')}] → ${a.verdict} [${a.matches.map((m) => `${m.id} ${m.relation}`).join(', ')}]\n`,
    );
}
