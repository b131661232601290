/** `copydesk diff A B`: the aligned word-level review of two versions, in the terminal or as HTML. */
import type { Command } from 'commander';
import { resolvePair } from '../../io/readCorpus.js';
import { escapeTerminal } from '../../report/escape.js';
import { getRenderer, rendererNames } from '../../report/registry.js';
import type { Article } from '../../types/index.js';
import { InputError } from '../../types/index.js';
import { parseChoice, parseNumberOption } from '../errors.js';
import { READ_OPTIONS, useColor } from '../options.js';

const LAYOUTS = ['inline', 'side-by-side'] as const;

export function register(program: Command): void {
  program
    .command('diff')
    .description('show how two versions differ: aligned sentences, word changes and their kinds')
    .argument('<a>', 'first article: a file, or an id with --corpus')
    .argument('<b>', 'second article: a file, or an id with --corpus')
    .option('--corpus <path>', 'read A and B by id from this folder or .jsonl file')
    .option('--layout <layout>', `${LAYOUTS.join(' or ')}`, 'inline')
    .option('--format <format>', `what to print on stdout: ${rendererNames('review').join(', ')}`, 'text')
    .option('--width <n>', 'columns to wrap at (default: the terminal width, or 100)')
    .option('--changes-only', 'leave out the sentences that did not change')
    .option('--ignore-case', 'count words differing only in case as the same')
    .option('--ignore-punctuation', 'leave punctuation and quote marks out of the comparison')
    .option('--ignore-spelling', 'count British and American spellings as the same word')
    .option('--html <file>', 'also write the side-by-side view of the pair to this HTML file')
    .option('--keep-chrome', 'review the whole page text, not the extracted article body')
    .option(
      '--max-sentence-pairs <n>',
      'refuse two texts whose sentence counts multiply to more than this (default 4,000,000: 2,000 × 2,000)',
    )
    .option('--no-color', 'no colour (also: the NO_COLOR environment variable)')
    .action(async (refA: string, refB: string, opts: Record<string, unknown>) => {
      const layout = parseChoice('--layout', String(opts.layout), LAYOUTS);
      const format = String(opts.format);
      const render = await getRenderer('review', format);
      const width =
        opts.width === undefined
          ? Math.max(60, process.stdout.columns ?? 100)
          : parseNumberOption('--width', String(opts.width), 40, 1000);
      const maxSentencePairs =
        opts.maxSentencePairs === undefined
          ? undefined
          : Math.floor(parseNumberOption('--max-sentence-pairs', String(opts.maxSentencePairs), 1, 1e9));
      const corpus = opts.corpus === undefined ? undefined : String(opts.corpus);
      const [a, b] = await resolvePair(refA, refB, corpus, READ_OPTIONS);
      const review = await reviewPair(a, b, opts, maxSentencePairs);
      if (typeof opts.html === 'string') {
        const { renderReviewPage } = await import('../../report/html.js');
        const { writeFileAtomic } = await import('../../io/writeFile.js');
        await writeFileAtomic(opts.html, renderReviewPage(review));
        if (format !== 'json') process.stderr.write(`wrote ${escapeTerminal(opts.html)}\n`);
      }
      const color = useColor(process.stdout, opts.color as boolean | undefined);
      process.stdout.write(render(review, { color, layout, width, changesOnly: opts.changesOnly === true }));
    });
}

/**
 * The review of a pair: each text normalized once (language identified by eld when it has no
 * `lang`), with the cross-language resources when the two are in different languages. Two texts
 * too long to align are refused as bad input, with the option that allows them.
 */
async function reviewPair(a: Article, b: Article, opts: Record<string, unknown>, maxSentencePairs: number | undefined) {
  const { reviewNormalized, ReviewLimitError } = await import('../../core/review/review.js');
  const { languageDetectorFor } = await import('../../pipeline/languages.js');
  const { normalizeArticle } = await import('../../core/text/normalize.js');
  const { crossLanguageFor } = await import('../../pipeline/crossStage.js');
  const detectLanguage = await languageDetectorFor([a, b]);
  const normalize = { keepChrome: opts.keepChrome === true, ...(detectLanguage ? { detectLanguage } : {}) };
  const na = normalizeArticle(a, normalize);
  const nb = normalizeArticle(b, normalize);
  const crossLanguage = crossLanguageFor([na, nb]);
  try {
    return reviewNormalized(na, nb, {
      ...(crossLanguage ? { crossLanguage } : {}),
      ignoreCase: opts.ignoreCase === true,
      ignorePunctuation: opts.ignorePunctuation === true,
      ignoreSpelling: opts.ignoreSpelling === true,
      ...(maxSentencePairs !== undefined ? { maxSentencePairs } : {}),
    });
  } catch (error) {
    if (!(error instanceof ReviewLimitError)) throw error;
    throw new InputError(
      `${error.message}: too long to align (about 17 bytes and 0.5 µs per pair); --max-sentence-pairs ${error.sentencesA * error.sentencesB} would allow it`,
      `${a.origin ?? a.id} and ${b.origin ?? b.id}`,
    );
  }
}
