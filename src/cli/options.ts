/** Options shared by several commands: thresholds, colour, page chrome, scoring workers. */
import type { Command } from 'commander';
import { DEFAULT_THRESHOLDS } from '../core/relation/classify.js';
import type { ReadOptions } from '../io/readCorpus.js';
import { escapeTerminal } from '../report/escape.js';
import type { Thresholds } from '../types/index.js';
import { PREFIX, parseNumberOption, UsageError } from './errors.js';

const THRESHOLD_OPTIONS: Array<[flag: string, key: keyof Thresholds, help: string]> = [
  ['--duplicate <n>', 'duplicate', 'least coverage, both ways, for a duplicate'],
  ['--duplicate-length <n>', 'duplicateLength', 'least length ratio for a duplicate'],
  [
    '--duplicate-balance <n>',
    'duplicateBalance',
    'least ratio of the two coverages (smaller over larger) for a duplicate',
  ],
  ['--republication <n>', 'republication', 'least coverage, one way, for a republication'],
  ['--excerpt <n>', 'excerpt', 'least coverage, one way, for an unbalanced excerpt or summary (republication)'],
  [
    '--copy-words <n>',
    'copyWords',
    'least words in shared passages (outside common quotations) for an edited copy or a shared passage',
  ],
  ['--edited-copy <n>', 'editedCopy', 'least share of one text inside shared passages for an edited copy'],
  ['--translation-cosine <n>', 'translationCosine', 'least TF-IDF cosine for a translation variant'],
  ['--translation-aligned <n>', 'translationAligned', 'least sentence alignment, both ways, for a translation variant'],
  [
    '--translation-similarity <n>',
    'translationSimilarity',
    'least mean similarity of aligned sentences for a translation variant aligned inside a window',
  ],
  [
    '--translation-similarity-whole <n>',
    'translationSimilarityWhole',
    'least mean similarity of aligned sentences for a translation variant aligned over both whole texts',
  ],
  ['--translation-pairs <n>', 'translationPairs', 'least sentence pairs aligned in order for a translation variant'],
];

/** Thresholds counted in whole words or pairs rather than shares. */
const COUNTS = new Set<keyof Thresholds>(['copyWords', 'translationPairs']);

export function addThresholdOptions(cmd: Command): Command {
  for (const [flag, key, help] of THRESHOLD_OPTIONS)
    cmd.option(flag, `${help} (${COUNTS.has(key) ? 'a whole number' : '0–1'}; default ${DEFAULT_THRESHOLDS[key]})`);
  return cmd;
}

/** The thresholds the user set; the pipeline fills in the rest from the defaults. */
export function readThresholdOptions(opts: Record<string, unknown>): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  for (const [flag, key] of THRESHOLD_OPTIONS) {
    const value = opts[key];
    if (typeof value !== 'string') continue;
    const name = flag.split(' ')[0] as string;
    if (COUNTS.has(key)) {
      const n = parseNumberOption(name, value, 1, 100000);
      if (!Number.isInteger(n)) throw new UsageError(`${name} must be a whole number, got "${value}"`);
      out[key] = n;
    } else out[key] = parseNumberOption(name, value, 0, 1);
  }
  return out;
}

/** Colour when writing to a terminal, unless NO_COLOR is set or --no-color was given. */
export function useColor(stream: NodeJS.WriteStream, optionColor: boolean | undefined): boolean {
  if (optionColor === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** `--keep-chrome`: score the whole page text, not the article body extracted from it. */
export function addKeepChromeOption(cmd: Command): Command {
  return cmd.option(
    '--keep-chrome',
    'keep page chrome (menus, captions, share prompts…): score the whole text, not the extracted article body',
  );
}

/** `--workers N`: scoring worker threads beside the main one (scan, eval). */
export function addWorkersOption(cmd: Command): Command {
  return cmd.option(
    '--workers <n>',
    "worker threads that judge candidate pairs beside the main one, each with a copy of the fingerprints up to 5,000 distinct articles, sent those its shares read above (default: 1 up to 5,000 distinct articles on 2+ cores); 0 also keeps the events stage's names and the cross-language profiles in the main thread",
  );
}

/** `--workers 0`: every stage in the main thread. */
function workersOff(opts: Record<string, unknown>): boolean {
  return opts.workers !== undefined && Math.floor(parseNumberOption('--workers', String(opts.workers), 0, 64)) === 0;
}

/**
 * The events stage's anchors read in a worker thread while the scan's thread runs its other
 * stages: on 2+ cores, from `ANCHOR_WORKER_MIN_ARTICLES` articles, unless `--workers 0`.
 */
export async function anchorsJobFor(opts: Record<string, unknown>, articles: number) {
  const { availableParallelism } = await import('node:os');
  const { ANCHOR_WORKER_MIN_ARTICLES, anchorsInWorker } = await import('../pipeline/workers/anchorsPool.js');
  return !workersOff(opts) && availableParallelism() > 1 && articles >= ANCHOR_WORKER_MIN_ARTICLES
    ? anchorsInWorker()
    : undefined;
}

/**
 * How a scan makes its cross-language profiles: shared with one worker thread on 2+ cores
 * (`profilesInWorker`, from `PROFILE_WORKER_MIN_ARTICLES` articles), in the scan's thread with
 * `--workers 0` or on one core.
 */
export async function crossProfilerFor(opts: Record<string, unknown>) {
  const { availableParallelism } = await import('node:os');
  const { profilesInWorker } = await import('../pipeline/workers/profilePool.js');
  return !workersOff(opts) && availableParallelism() > 1 ? profilesInWorker() : undefined;
}

/** The threads a scan's stages share beside its own, from `--workers` and the corpus size. */
export async function scanThreads(opts: Record<string, unknown>, articles: number) {
  const anchorsJob = await anchorsJobFor(opts, articles);
  const profiler = await crossProfilerFor(opts);
  return { ...(anchorsJob ? { anchorsJob } : {}), ...(profiler ? { profiler } : {}) };
}

/**
 * The score stage's judge from `--workers`: by default one worker on 2+ cores, for corpora small
 * enough that its copy of the fingerprints stays under about 1 GB (`DEFAULT_WORKER_FINGERPRINTS`);
 * `--workers N` asks for N whatever the size (above `DEFAULT_WORKER_FINGERPRINTS` the shares are
 * streamed: workers/scorePool.ts).
 */
export async function scoringJudge(opts: Record<string, unknown>) {
  const { availableParallelism } = await import('node:os');
  const { DEFAULT_WORKER_FINGERPRINTS, judgeInWorkers } = await import('../pipeline/workers/scorePool.js');
  return opts.workers === undefined
    ? judgeInWorkers(availableParallelism() > 1 ? 1 : 0, { maxFingerprints: DEFAULT_WORKER_FINGERPRINTS })
    : judgeInWorkers(Math.floor(parseNumberOption('--workers', String(opts.workers), 0, 64)));
}

/** The tables names are read with (the cross-language equivalents table shipped in data/). */
export async function loadAnchorResources() {
  const { readEquivalentsText } = await import('../io/resources.js');
  const { parseEquivalents } = await import('../core/xling/equivalents.js');
  return { equivalents: parseEquivalents(await readEquivalentsText()) };
}
/** How commands read their inputs: notes about skipped files (broken links, link loops) go to stderr. */
export const READ_OPTIONS: ReadOptions = {
  onNote: (note) => process.stderr.write(`${PREFIX}note: ${escapeTerminal(note)}\n`),
};
