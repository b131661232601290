/**
 * `copydesk eval --gold FILE.jsonl`: scan a labelled corpus and score its stories against the gold
 * clusters (ARI, pairwise and B-cubed precision/recall/F1), the relation verdicts against gold
 * relations when the file has them, and a word-3-gram-Jaccard baseline measured in the same run.
 * Exit 0 done, 2 bad input (a document without `cluster`: one line naming the file and line).
 */
import type { Command } from 'commander';
import { readCorpus } from '../../io/readCorpus.js';
import { getRenderer, rendererNames } from '../../report/registry.js';
import { parseChoice, parseNumberOption } from '../errors.js';
import {
  addKeepChromeOption,
  addThresholdOptions,
  addWorkersOption,
  loadAnchorResources,
  READ_OPTIONS,
  readThresholdOptions,
  scoringJudge,
} from '../options.js';

export function register(program: Command): void {
  const cmd = program
    .command('eval')
    .description('score the stories of a labelled JSON Lines corpus against its gold clusters (and relations)')
    .requiredOption('--gold <file>', 'JSON Lines with id, text, cluster (and optionally relation, source)')
    .option(
      '--no-cross-language',
      'compare each language on its own (for gold that is one story per document and language)',
    )
    .option('--format <format>', `output: ${rendererNames('evaluation').join(', ')}`, 'table')
    .option('--relation-field <name>', 'field holding each document’s gold relation to its source', 'relation')
    .option('--baseline-threshold <n>', 'word 3-gram Jaccard threshold of the baseline')
    .option(
      '--level <level>',
      'score stories (gold field "cluster") or events (gold field "event"): story, event',
      'story',
    )
    .option('--no-baseline', 'skip the baseline');
  addWorkersOption(addKeepChromeOption(addThresholdOptions(cmd))).action(async (opts: Record<string, unknown>) => {
    const render = await getRenderer('evaluation', String(opts.format));
    const thresholds = readThresholdOptions(opts);
    const gold = String(opts.gold);
    const baselineThreshold =
      typeof opts.baselineThreshold === 'string'
        ? parseNumberOption('--baseline-threshold', opts.baselineThreshold, 0, 1)
        : undefined;
    const judge = await scoringJudge(opts);
    const { evaluateGoldAsync } = await import('../../pipeline/evaluate.js');
    const articles = await readCorpus([gold], READ_OPTIONS);
    const { languageDetectorFor } = await import('../../pipeline/languages.js');
    const detectLanguage = await languageDetectorFor(articles);
    const result = await evaluateGoldAsync(articles, {
      judge,
      level: parseChoice('--level', String(opts.level), ['story', 'event'] as const),
      anchors: await loadAnchorResources(),
      ...(detectLanguage ? { detectLanguage } : {}),
      ...(opts.crossLanguage === false ? { crossLanguage: false as const } : {}),
      thresholds,
      keepChrome: opts.keepChrome === true,
      relationField: String(opts.relationField),
      baseline: opts.baseline !== false,
      ...(baselineThreshold !== undefined ? { baselineThreshold } : {}),
    });
    process.stdout.write(render(result, { gold }));
  });
}
