/** `copydesk scan [inputs...]`: cluster a corpus into stories and write the reports. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { hashString } from '../../core/fingerprint/shingle.js';
import { readCorpus } from '../../io/readCorpus.js';
import { createFileShelf } from '../../io/shelf.js';
import type { ScanReviewOptions } from '../../pipeline/reviewPairs.js';
import { escapeTerminal } from '../../report/escape.js';
import { getPieceRenderer, type PieceRenderer, rendererNames } from '../../report/registry.js';
import { type Article, InputError, type ScanResult, type Shelf } from '../../types/index.js';
import { PREFIX, parseChoice, parseNumberOption } from '../errors.js';
import { collecting } from '../heap.js';
import {
  addKeepChromeOption,
  addThresholdOptions,
  addWorkersOption,
  loadAnchorResources,
  READ_OPTIONS,
  readThresholdOptions,
  scanThreads,
  scoringJudge,
  useColor,
} from '../options.js';
import { type StageProgress, startStageProgress } from '../progress.js';

const CANDIDATES = ['auto', 'all', 'lsh'] as const;
/**
 * A large scan's cross-language profiles wait in a temporary file between the stages that read
 * them (`ScanOptions.shelf`); where none can be made (no writable temporary folder) they are held
 * instead, as a smaller scan holds them.
 */
function shelfOrNone(): Shelf | undefined {
  try {
    return createFileShelf();
  } catch {
    return undefined;
  }
}

/** Above this many articles, `--candidates auto` asks the LSH index for candidate pairs. */
export const LSH_AUTO_SIZE = 2000;
/** Exit code after an interruption (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

export function register(program: Command): void {
  const cmd = program
    .command('scan')
    .description('cluster articles into stories and write reports/ (report.json, report.md, index.html)')
    .argument('[inputs...]', 'folders (.txt, .md, .html, .jsonl inside), article files or .jsonl files', ['corpus'])
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
    .option('--no-events', 'leave events (stories of one happening) out of the report')
    .option('--no-dictionaries', 'compare across languages without bilingual dictionaries (names, numbers, dates only)')
    .option('--no-cross-language', 'compare each language on its own (no translation variants across languages)')
    .option('--timings', 'print the time of each stage on stderr')
    .option('--quiet', 'no progress bars')
    .option('--no-color', 'no colour in the table');
  addWorkersOption(addKeepChromeOption(addThresholdOptions(cmd))).action(scanAction);
}

async function scanAction(inputs: string[], opts: Record<string, unknown>): Promise<void> {
  const format = String(opts.format);
  const render = await getPieceRenderer('scan', format);
  const mode = opts.allPairs ? 'all' : parseChoice('--candidates', String(opts.candidates), CANDIDATES);
  const lshThreshold = parseNumberOption('--lsh-threshold', String(opts.lshThreshold), 0.05, 0.95);
  const thresholds = readThresholdOptions(opts);
  const keepChrome = opts.keepChrome === true;
  const judge = await scoringJudge(opts);
  const progress = startStageProgress({ quiet: opts.quiet === true });
  try {
    const read = () =>
      readCorpus(inputs, {
        onProgress: (done, total) => progress.update('read', done, total),
        ...READ_OPTIONS,
      });
    const articles = await read();
    const { scanCorpusAsync } = await import('../../pipeline/scan.js');
    // Kept to check the corpus read again for the reports (the scan lets go of the texts).
    const digests = opts.write !== false ? textDigests(articles) : undefined;
    const { languageDetectorFor } = await import('../../pipeline/languages.js');
    const detectLanguage = await languageDetectorFor(articles);
    const cross = (await import('../../pipeline/crossStage.js')).rememberingLoader();
    const candidates = await candidateFnFor(mode, lshThreshold, articles.length);
    const stages = collecting(stageTimes(opts.timings === true), articles.length);
    const result = await scanCorpusAsync(articles, {
      judge,
      anchors: await loadAnchorResources(),
      thresholds,
      keepChrome,
      events: opts.events !== false,
      ...(candidates ? { candidates } : {}),
      ...(await scanThreads(opts, articles.length)),
      ...(detectLanguage ? { detectLanguage } : {}),
      loadCrossLanguage: cross.load,
      ...(opts.dictionaries === false ? { crossLanguage: { dictionaries: false } } : {}),
      ...(opts.crossLanguage === false ? { crossLanguage: false as const } : {}),
      onStage: stages.onStage,
      onProgress: (stage, done, total) => progress.update(stage, done, total),
      // The texts are let go once normalized and read again for the reports' reviews (below).
      releaseTexts: true,
      shelf: shelfOrNone,
    });
    stages.collect(); // what only the scan held (its vectors, the stories' features) is garbage now
    const out = String(opts.out);
    if (opts.write !== false) {
      const review: ScanReviewOptions = {
        keepChrome,
        ...(detectLanguage ? { detectLanguage } : {}),
        ...(cross.loaded() ? { crossLanguage: cross.loaded() } : {}),
      };
      const written = await writeReports(result, read, out, progress, {
        timings: opts.timings === true,
        review,
        digests,
      });
      if (!written) return;
      if (format !== 'json')
        process.stderr.write(
          `wrote ${['report.json', 'report.md', 'index.html'].map((f) => escapeTerminal(join(out, f))).join(', ')}\n`,
        );
    }
    progress.stop();
    if (format !== 'json') noteMissingDictionaries(result);
    await printResult(result, render, {
      color: useColor(process.stdout, opts.color as boolean | undefined),
      ...(opts.write !== false ? { reports: out } : {}),
    });
    if (opts.timings) await printMemory();
  } finally {
    progress.stop();
  }
}

/** The languages the scan had no bilingual dictionary for, as a note on stderr. */
function noteMissingDictionaries(result: ScanResult): void {
  const missing = result.crossLanguage?.missing ?? [];
  if (missing.length > 0)
    process.stderr.write(
      `${PREFIX}note: no bilingual dictionary for ${missing.join(', ')}: across languages these are compared by names, numbers, dates and cognates only (lower recall; see README "Across languages")\n`,
    );
}

/**
 * A 32-bit digest of each article's text (FNV-1a over its code units, `hashString`), kept from
 * the first read so that `sameCorpus` sees edits that keep a text's length. 4 bytes an article.
 */
export function textDigests(articles: readonly Article[]): Uint32Array {
  return Uint32Array.from(articles, (a) => hashString(a.text));
}

/**
 * The corpus read again for the reports' reviews (the scan let go of the texts it read): the same
 * articles, in the same order, with texts of the same length and, when the texts' `digests` were
 * kept (`textDigests`), the same digests; or an input error naming the first that changed while
 * the scan ran (no report is written then: the old set stays).
 */
export function sameCorpus(
  result: Pick<ScanResult, 'documents'>,
  articles: readonly Article[],
  digests?: Uint32Array,
): readonly Article[] {
  const changed = (what: string, where?: string): InputError =>
    new InputError(`${what} while the scan ran: no report written; scan again`, where);
  if (articles.length !== result.documents.length)
    throw changed(`the corpus went from ${result.documents.length} to ${articles.length} articles`);
  result.documents.forEach((d, i) => {
    const a = articles[i] as Article;
    if (a.id !== d.id) throw changed(`article ${i + 1} was "${d.id}" and is now "${a.id}"`, a.origin);
    if (a.text.length !== d.chars)
      throw changed(`"${d.id}" changed (${d.chars} characters when scanned, ${a.text.length} now)`, a.origin);
    if (digests && hashString(a.text) !== digests[i])
      throw changed(`"${d.id}" changed (another text of the same ${d.chars} characters)`, a.origin);
  });
  return articles;
}

/** `--timings`: each stage's time on stderr as it ends. */
function stageTimes(timings: boolean): ((stage: string, ms: number) => void) | undefined {
  return timings ? (stage, ms) => process.stderr.write(`${stage}: ${ms.toFixed(0)} ms\n`) : undefined;
}

/** The result on stdout, in the pieces its renderer gives (JSON: a large corpus's report is hundreds of MB). */
async function printResult(
  result: ScanResult,
  render: PieceRenderer<ScanResult>,
  options: { color: boolean; reports?: string },
): Promise<void> {
  const { writePieces } = await import('../../io/writeFile.js');
  await writePieces(process.stdout, render(result, options));
}

/**
 * What the run needed, its reports and output included, against what it had (the launcher raises
 * the heap for a scan: cli/heap.ts).
 */
async function printMemory(): Promise<void> {
  const { getHeapStatistics } = await import('node:v8');
  const { growingStepOf } = await import('../heap.js');
  const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
  const step = growingStepOf(process.execArgv);
  process.stderr.write(
    `memory: peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB, heap limit ${mib(getHeapStatistics().heap_size_limit)} MiB, growing step ${step === undefined ? "V8's own" : `${step} %`}\n`,
  );
}

/**
 * Read the corpus again (the scan let go of its texts: `sameCorpus`), render the three reports, then
 * write them as one set (io/writeFile.ts). Ctrl-C (or SIGTERM,
 * SIGHUP) while they are written stops before anything is replaced; after the set is in place it
 * only stops the command. Returns false when interrupted (exit 130).
 */
async function writeReports(
  result: ScanResult,
  read: () => Promise<Article[]>,
  out: string,
  progress: StageProgress,
  { timings, review, digests }: { timings: boolean; review: ScanReviewOptions; digests?: Uint32Array | undefined },
): Promise<boolean> {
  let t0 = performance.now();
  const lap = (stage: string): void => {
    if (timings) process.stderr.write(`${stage}: ${(performance.now() - t0).toFixed(0)} ms\n`);
    t0 = performance.now();
  };
  const { renderJsonChunks } = await import('../../report/json.js');
  const { renderMarkdown } = await import('../../report/markdown.js');
  const { reviewScanPairs } = await import('../../pipeline/reviewPairs.js');
  const { renderScanHtml } = await import('../../report/html.js');
  const { WriteInterrupted, writeFileSet } = await import('../../io/writeFile.js');
  // The scan let go of the texts: the corpus read again, checked against what was scanned.
  const articles = sameCorpus(result, await read(), digests);
  lap('read again');
  const notDrawn = new Map<string, string>();
  const reviews = reviewScanPairs(result, articles, {
    ...review,
    onNotDrawn: (key, why) => notDrawn.set(key, why),
    onProgress: (done, total) => progress.update('review', done, total),
  });
  lap('review');
  const files = [
    // report.json in pieces, rendered as it is written (hundreds of MB for a large corpus).
    ['report.json', renderJsonChunks(result)],
    ['report.md', renderMarkdown(result)],
    ['index.html', renderScanHtml(result, { reviews, notDrawn })],
  ] as const;
  lap('render');
  let signal: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals): void => {
    signal = s;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  try {
    await writeFileSet(out, files, {
      interrupted: () => signal !== undefined,
      onFile: (done, total) => progress.update('write', done, total),
    });
  } catch (error) {
    if (!(error instanceof WriteInterrupted)) throw error;
    progress.stop();
    process.stderr.write(
      `${PREFIX}interrupted (${signal}): the reports in ${escapeTerminal(out)} were left as they were\n`,
    );
    process.exitCode = EXIT_INTERRUPTED;
    return false;
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
  lap('write');
  if (signal) {
    progress.stop();
    process.stderr.write(`${PREFIX}interrupted (${signal}) after the reports were written\n`);
    process.exitCode = EXIT_INTERRUPTED;
    return false;
  }
  return true;
}

/** LSH candidates where asked for, or in `auto` above `LSH_AUTO_SIZE` articles; else undefined (every pair). */
async function candidateFnFor(mode: string, threshold: number, size: number) {
  return mode === 'lsh' || (mode === 'auto' && size > LSH_AUTO_SIZE) ? await lshCandidateFn(threshold) : undefined;
}

async function lshCandidateFn(threshold: number) {
  const { lshCandidates } = await import('../../core/candidates/lsh.js');
  return (
    fps: Parameters<typeof lshCandidates>[0],
    _vectors: unknown,
    onProgress?: (done: number, total: number) => void,
  ) => lshCandidates(fps, { threshold }, onProgress);
}
