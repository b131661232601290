/**
 * `npm run bench [-- name...]`: runs every `bench/*.bench.ts` (or the named ones), prints their
 * figures, and writes them with the machine and the command to `bench/RESULTS.md`.
 *
 * A bench module exports `default async function (ctx: BenchContext): Promise<string>` returning
 * a Markdown section (its method, figures, and the ratio against a baseline run in the same process).
 *
 * The benchmarks import the built code (`dist/`, which `npm run bench` builds first), not `src/`:
 * what they time is what `copydesk` runs. Through `tsx`, worker threads load the sources with its
 * CommonJS hook, which reads every constant imported from another module through a getter call;
 * the same 10,000-article index run was 868–935 articles/s from `src/` against 1,041–1,094 from
 * `dist/` (2026-12-03). Scripts that import a bench module (scripts/writeCorpus.ts…) need
 * `npm run build` first too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchContext {
  /** Write a progress or result line to the terminal. */
  log(line: string): void;
  /** True when `--quick` was passed: smaller sizes, for a smoke run. */
  quick: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.bench.ts')));
if (files.length === 0) {
  process.stderr.write(`bench: no benchmark matches ${wanted.join(', ')}\n`);
  process.exit(2);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const sections: string[] = [];
for (const file of files) {
  const name = basename(file, '.bench.ts');
  process.stdout.write(`\n## ${name}\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: (ctx: BenchContext) => Promise<string>;
  };
  const section = await mod.default({ log: (l) => process.stdout.write(`${l}\n`), quick });
  // Each section names its machine: the file keeps sections of earlier runs, made on whatever
  // machine this one was then (this one went from 2 Intel Xeon to 2 AMD EPYC cores on 2026-12-03).
  const when = `${new Date().toISOString().slice(0, 10)}, timing the build in dist/, on ${machine}`;
  sections.push(
    `## ${name}\n\nCommand: \`npm run bench -- ${name}${quick ? ' --quick' : ''}\`, ${when}\n\n${section.trim()}\n`,
  );
}
const resultsPath = join(here, 'RESULTS.md');
// Keep the sections of benchmarks not run this time.
let kept: string[] = [];
/** The file's opening prose, kept as it is (it may say what the sections were measured on). */
let header = 'Each section gives the command, the date and the machine it was measured on.\n';
try {
  const old = readFileSync(resultsPath, 'utf8');
  const opening = old.split(/^(?=## )/m)[0] ?? '';
  if (opening.startsWith('# Benchmark results\n')) header = `${opening.slice('# Benchmark results\n'.length).trim()}\n`;
  kept = old
    .split(/^(?=## )/m)
    .filter((s) => s.startsWith('## ') && !files.some((f) => s.startsWith(`## ${basename(f, '.bench.ts')}\n`)))
    // Each kept section ends in one newline, as a new one does (else every run added a blank line).
    .map((s) => `${s.trimEnd()}\n`);
} catch {
  kept = [];
}
const all = [...kept, ...sections].sort();
writeFileSync(resultsPath, `# Benchmark results\n\n${header}\n${all.join('\n')}`);
process.stdout.write(`\nwrote ${resultsPath}\n`);
