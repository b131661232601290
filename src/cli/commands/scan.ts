/** `copydesk scan [inputs...]`: cluster a corpus into stories and write the reports. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { readCorpus } from '../../io/readCorpus.js';
import { writeFileAtomic } from '../../io/writeFile.js';
import type { ScanReviewOptions } from '../../pipeline/reviewPairs.js';
import { getRenderer, rendererNames } from '../../report/registry.js';
import type { Article, ScanResult } from '../../types/index.js';
import { parseChoice, parseNumberOption } from '../errors.js';
import { addKeepChromeOption, addThresholdOptions, readThresholdOptions, useColor } from '../options.js';

const CANDIDATES = ['auto', 'all', 'lsh'] as const;
/** Above this many articles, `--candidates auto` asks the LSH index for candidate pairs. */
export const LSH_AUTO_SIZE = 2000;

export function register(program: Command): void {
  const cmd = program
    .command('scan')
    .description('cluster articles into stories and write reports/ (report.json, report.md, index.html)')
    .argument('[inputs...]', 'folders (.txt, .md, .jsonl inside), .txt/.md files or .jsonl files', ['corpus'])
    .option('--out <dir>', 'where to write the reports', 'reports')
    .option('--no-write', 'print only; write no report files')
    .option('--format <format>', `what to print on stdout: ${rendererNames('scan').join(', ')}`, 'table')
    .option('--candidates <mode>', `pairs to compare: all, lsh, or auto (lsh above ${LSH_AUTO_SIZE} articles)`, 'auto')
    .option('--all-pairs', 'compare every pair (same as --candidates all)')
    .option(
      '--lsh-threshold <n>',
      'Jaccard level the LSH candidates are tuned for (lower finds shorter excerpts)',
      '0.3',
    )
    .option('--no-dictionaries', 'compare across languages without bilingual dictionaries (names, numbers, dates only)')
    .option('--no-cross-language', 'compare each language on its own (no translation variants across languages)')
    .option('--timings', 'print the time of each stage on stderr')
    .option('--no-color', 'no colour in the table');
  addKeepChromeOption(addThresholdOptions(cmd)).action(async (inputs: string[], opts: Record<string, unknown>) => {
    const format = String(opts.format);
    const render = await getRenderer('scan', format);
    const mode = opts.allPairs ? 'all' : parseChoice('--candidates', String(opts.candidates), CANDIDATES);
    const lshThreshold = parseNumberOption('--lsh-threshold', String(opts.lshThreshold), 0.05, 0.95);
    const thresholds = readThresholdOptions(opts);
    const articles = await readCorpus(inputs);
    const { scanCorpus } = await import('../../pipeline/scan.js');
    const { languageDetectorFor } = await import('../../pipeline/languages.js');
    const detectLanguage = await languageDetectorFor(articles);
    const { rememberingLoader } = await import('../../pipeline/crossStage.js');
    const cross = rememberingLoader();
    const useLsh = mode === 'lsh' || (mode === 'auto' && articles.length > LSH_AUTO_SIZE);
    const candidates = useLsh ? await lshCandidateFn(lshThreshold) : undefined;
    const result = scanCorpus(articles, {
      thresholds,
      keepChrome: opts.keepChrome === true,
      ...(candidates ? { candidates } : {}),
      ...(detectLanguage ? { detectLanguage } : {}),
      loadCrossLanguage: cross.load,
      ...(opts.dictionaries === false ? { crossLanguage: { dictionaries: false } } : {}),
      ...(opts.crossLanguage === false ? { crossLanguage: false as const } : {}),
      onStage: opts.timings ? (stage, ms) => process.stderr.write(`${stage}: ${ms.toFixed(0)} ms\n`) : undefined,
    });
    if (opts.write !== false) {
      const review: ScanReviewOptions = {
        keepChrome: opts.keepChrome === true,
        ...(detectLanguage ? { detectLanguage } : {}),
        ...(cross.loaded() ? { crossLanguage: cross.loaded() } : {}),
      };
      await writeReports(result, articles, String(opts.out), review, format !== 'json');
    }
    const missing = result.crossLanguage?.missing ?? [];
    if (missing.length > 0 && format !== 'json')
      process.stderr.write(
        `note: no bilingual dictionary for ${missing.join(', ')}: across languages these are compared by names, numbers, dates and cognates only (lower recall; see README "Across languages")\n`,
      );
    process.stdout.write(render(result, { color: useColor(process.stdout, opts.color as boolean | undefined) }));
  });
}

/** report.json, report.md and index.html (with the review of each related pair) into `out`. */
async function writeReports(
  result: ScanResult,
  articles: readonly Article[],
  out: string,
  review: ScanReviewOptions,
  say: boolean,
): Promise<void> {
  const { renderJson } = await import('../../report/json.js');
  const { renderMarkdown } = await import('../../report/markdown.js');
  const { reviewScanPairs } = await import('../../pipeline/reviewPairs.js');
  const { renderScanHtml } = await import('../../report/html.js');
  await writeFileAtomic(join(out, 'report.json'), renderJson(result));
  await writeFileAtomic(join(out, 'report.md'), renderMarkdown(result));
  await writeFileAtomic(
    join(out, 'index.html'),
    renderScanHtml(result, { reviews: reviewScanPairs(result, articles, review) }),
  );
  if (say)
    process.stderr.write(`wrote ${join(out, 'report.json')}, ${join(out, 'report.md')}, ${join(out, 'index.html')}\n`);
}

async function lshCandidateFn(threshold: number) {
  const { lshCandidates } = await import('../../core/candidates/lsh.js');
  return (fps: Parameters<typeof lshCandidates>[0]) => lshCandidates(fps, { threshold });
}
