/** `copydesk compare A B`: the scores, the verdict and its reasons for two articles. */
import type { Command } from 'commander';
import { resolvePair } from '../../io/readCorpus.js';
import { parseChoice } from '../errors.js';
import { addThresholdOptions, readThresholdOptions, useColor } from '../options.js';

const FORMATS = ['table', 'json'] as const;

export function register(program: Command): void {
  const cmd = program
    .command('compare')
    .description('score and classify two articles (two files, or two ids with --corpus)')
    .argument('<a>', 'first article: a file, or an id with --corpus')
    .argument('<b>', 'second article: a file, or an id with --corpus')
    .option('--corpus <path>', 'read A and B by id from this corpus, and weight TF-IDF by it')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('--no-color', 'no colour in the table');
  addThresholdOptions(cmd).action(async (a: string, b: string, opts: Record<string, unknown>) => {
    const format = parseChoice('--format', String(opts.format), FORMATS);
    const thresholds = readThresholdOptions(opts);
    const [articleA, articleB, context] = await resolvePair(a, b, opts.corpus as string | undefined);
    const { compareArticles } = await import('../../pipeline/scan.js');
    const pair = compareArticles(articleA, articleB, { thresholds, context });
    if (format === 'json') {
      const { renderJson } = await import('../../report/json.js');
      process.stdout.write(renderJson(pair));
    } else {
      const { renderPairTable } = await import('../../report/table.js');
      process.stdout.write(
        renderPairTable(pair, { color: useColor(process.stdout, opts.color as boolean | undefined) }),
      );
    }
  });
}
