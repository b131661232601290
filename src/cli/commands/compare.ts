/** `copydesk compare A B`: the scores, the verdict and its reasons for two articles. */
import type { Command } from 'commander';
import { resolvePair } from '../../io/readCorpus.js';
import { getRenderer, rendererNames } from '../../report/registry.js';
import {
  addKeepChromeOption,
  addThresholdOptions,
  loadAnchorResources,
  READ_OPTIONS,
  readThresholdOptions,
  useColor,
} from '../options.js';

export function register(program: Command): void {
  const cmd = program
    .command('compare')
    .description('score and classify two articles (two files, or two ids with --corpus)')
    .argument('<a>', 'first article: a file, or an id with --corpus')
    .argument('<b>', 'second article: a file, or an id with --corpus')
    .option('--corpus <path>', 'read A and B by id from this corpus, and weight TF-IDF by it')
    .option('--format <format>', `output: ${rendererNames('pair').join(', ')}`, 'table')
    .option('--no-color', 'no colour in the table');
  addKeepChromeOption(addThresholdOptions(cmd)).action(async (a: string, b: string, opts: Record<string, unknown>) => {
    const render = await getRenderer('pair', String(opts.format));
    const thresholds = readThresholdOptions(opts);
    const [articleA, articleB, context] = await resolvePair(a, b, opts.corpus as string | undefined, READ_OPTIONS);
    const { compareArticles } = await import('../../pipeline/compare.js');
    const { languageDetectorFor } = await import('../../pipeline/languages.js');
    const detectLanguage = await languageDetectorFor([articleA, articleB, ...context]);
    const pair = compareArticles(articleA, articleB, {
      thresholds,
      context,
      keepChrome: opts.keepChrome === true,
      anchors: await loadAnchorResources(),
      ...(detectLanguage ? { detectLanguage } : {}),
    });
    process.stdout.write(render(pair, { color: useColor(process.stdout, opts.color as boolean | undefined) }));
  });
}
