/**
 * `copydesk gate <file...>`: is each article already in the index? Exit 0 when every one is novel,
 * 1 when any is redundant (a duplicate or republication of an indexed article; with
 * --count-translations a translation variant too), 2 on bad input.
 */
import type { Command } from 'commander';
import type { GateMatch, GateResult } from '../../pipeline/gate.js';
import { EXIT, parseChoice, parseNumberOption } from '../errors.js';
import { addThresholdOptions, readThresholdOptions } from '../options.js';
import { DEFAULT_INDEX_PATH } from './index.js';

const FORMATS = ['text', 'json'] as const;

function formatScores(m: GateMatch): string {
  const s = m.scores;
  return `char containment ${s.charContainmentAB}/${s.charContainmentBA}, word Jaccard ${s.jaccard}, cosine ${s.cosine}, aligned ${s.alignedAB}/${s.alignedBA}, length ratio ${s.lengthRatio}`;
}

export function renderGateText(result: GateResult, quiet: boolean): string {
  const lines: string[] = [];
  for (const r of result.results) {
    if (quiet && r.verdict === 'novel') continue;
    lines.push(`${r.verdict.padEnd(9)} ${r.input}`);
    for (const reason of r.reasons) lines.push(`  ${reason}`);
    for (const m of r.matches) {
      lines.push(`  - ${m.relation} ${m.id}: ${formatScores(m)}`);
      for (const passage of (m.shared ?? []).slice(0, 3)) lines.push(`      shared: "${passage}"`);
    }
  }
  if (!quiet) {
    const redundant = result.results.filter((r) => r.verdict === 'redundant').length;
    lines.push(
      `${result.results.length} checked: ${result.results.length - redundant} novel, ${redundant} redundant${result.added.length > 0 ? `; ${result.added.length} added to the index` : ''}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function register(program: Command): void {
  const cmd = program
    .command('gate')
    .description('check articles against the index: exit 0 all novel, 1 any redundant, 2 bad input')
    .argument('<files...>', 'articles to check: .txt/.md files, .jsonl files or folders')
    .option('--index <path>', 'index file', DEFAULT_INDEX_PATH)
    .option('--add', 'add the novel articles to the index (one transaction)')
    .option('--count-translations', 'a translation variant of an indexed article is redundant too')
    .option('--max-candidates <n>', 'verify at most this many candidates per article', '20')
    .option('--all-matches', 'verify every candidate and list all matches (default: stop at the first redundant one)')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'text')
    .option('--quiet', 'print only redundant articles (text format); no progress');
  addThresholdOptions(cmd).action(async (files: string[], opts: Record<string, unknown>) => {
    const format = parseChoice('--format', String(opts.format), FORMATS);
    const maxCandidates = Math.floor(parseNumberOption('--max-candidates', String(opts.maxCandidates), 1, 100000));
    const thresholds = readThresholdOptions(opts);
    const { readCorpus } = await import('../../io/readCorpus.js');
    const articles = await readCorpus(files);
    const { SqliteStore } = await import('../../store/sqlite.js');
    const { createSketchConfig } = await import('../../core/minhash/sketch.js');
    const add = opts.add === true;
    const store = SqliteStore.open(String(opts.index), { readonly: !add, config: createSketchConfig() });
    try {
      const { gateArticles } = await import('../../pipeline/gate.js');
      const result = gateArticles(store, articles, {
        thresholds,
        add,
        countTranslations: opts.countTranslations === true,
        allMatches: opts.allMatches === true,
        maxCandidates,
      });
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else process.stdout.write(renderGateText(result, opts.quiet === true));
      process.exitCode = result.results.some((r) => r.verdict === 'redundant') ? EXIT.redundant : EXIT.ok;
    } finally {
      store.close();
    }
  });
}
