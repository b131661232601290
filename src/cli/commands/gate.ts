/**
 * `copydesk gate <file...>`: is each article already in the index? Exit 0 when every one is novel,
 * 1 when any is redundant (a duplicate or republication of an indexed article; with
 * --count-translations a translation variant too), 2 on bad input.
 */
import type { Command } from 'commander';
import { getRenderer, rendererNames } from '../../report/registry.js';
import { EXIT, parseNumberOption } from '../errors.js';
import { addThresholdOptions, READ_OPTIONS, readThresholdOptions } from '../options.js';
import { INDEX_OPTION, indexLocation } from './index.js';

export function register(program: Command): void {
  const cmd = program
    .command('gate')
    .description(
      'check articles against the index: exit 0 all novel (with an index made by `index add --events`, also "novel text about a known event"), 1 any redundant, 2 bad input',
    )
    .argument('<files...>', 'articles to check: .txt/.md/.html files, .jsonl files or folders')
    .option(...INDEX_OPTION)
    .option('--add', 'add the novel articles to the index (one transaction)')
    .option('--count-translations', 'a translation variant of an indexed article is redundant too')
    .option('--max-candidates <n>', 'verify at most this many candidates per article in each round (see README)', '20')
    .option('--all-matches', 'verify every candidate and list all matches (default: stop at the first redundant one)')
    .option('--format <format>', `output: ${rendererNames('gate').join(', ')}`, 'text')
    .option('--quiet', 'print only redundant articles (text format); no progress');
  addThresholdOptions(cmd).action(async (files: string[], opts: Record<string, unknown>) => {
    const render = await getRenderer('gate', String(opts.format));
    const maxCandidates = Math.floor(parseNumberOption('--max-candidates', String(opts.maxCandidates), 1, 100000));
    const thresholds = readThresholdOptions(opts);
    const { readCorpus } = await import('../../io/readCorpus.js');
    const articles = await readCorpus(files, READ_OPTIONS);
    const { openStore } = await import('../../store/open.js');
    const { createSketchConfig } = await import('../../core/minhash/sketch.js');
    const add = opts.add === true;
    const store = await openStore(indexLocation(opts), { readonly: !add, config: () => createSketchConfig() });
    try {
      const { gateArticles } = await import('../../pipeline/gate.js');
      const result = await gateArticles(store, articles, {
        thresholds,
        add,
        countTranslations: opts.countTranslations === true,
        allMatches: opts.allMatches === true,
        maxCandidates,
      });
      process.stdout.write(render(result, { quiet: opts.quiet === true }));
      process.exitCode = result.results.some((r) => r.verdict === 'redundant') ? EXIT.redundant : EXIT.ok;
    } finally {
      await store.close();
    }
  });
}
