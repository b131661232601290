/**
 * Write the index bench's synthetic corpus of n articles (real lines from ../shared/eval,
 * generated variants among them) as JSON Lines, for runs outside the bench process:
 *
 *   npx tsx scripts/writeCorpus.ts <n>
 *
 * Prints the path (bench/.data/corpus-<n>.jsonl, reused when already written) and its text size.
 * The 1M archive run of issue 13 indexes it with the CLI:
 * `/usr/bin/time -v node bin/copydesk.js index add bench/.data/corpus-1000000.jsonl --index F --quiet`.
 */
import { loadPool, writeCorpus } from '../bench/index.bench.js';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n <= 0) {
  process.stderr.write('usage: npx tsx scripts/writeCorpus.ts <number of articles>\n');
  process.exit(2);
}
const { path, mb } = writeCorpus(n, loadPool(), (line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${path}: ${n.toLocaleString('en-US')} articles, ${mb.toFixed(0)} MB of text\n`);
