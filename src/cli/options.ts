/** Options shared by several commands: thresholds and colour. */
import type { Command } from 'commander';
import { DEFAULT_THRESHOLDS } from '../core/relation/classify.js';
import type { ReadOptions } from '../io/readCorpus.js';
import { escapeTerminal } from '../report/escape.js';
import type { Thresholds } from '../types/index.js';
import { PREFIX, parseNumberOption } from './errors.js';

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
  ['--translation-cosine <n>', 'translationCosine', 'least TF-IDF cosine for a translation variant'],
  ['--translation-aligned <n>', 'translationAligned', 'least sentence alignment, both ways, for a translation variant'],
  [
    '--translation-similarity <n>',
    'translationSimilarity',
    'least mean similarity of aligned sentences for a translation variant',
  ],
];

export function addThresholdOptions(cmd: Command): Command {
  for (const [flag, key, help] of THRESHOLD_OPTIONS)
    cmd.option(flag, `${help} (0–1; default ${DEFAULT_THRESHOLDS[key]})`);
  return cmd;
}

/** The thresholds the user set; the pipeline fills in the rest from the defaults. */
export function readThresholdOptions(opts: Record<string, unknown>): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  for (const [flag, key] of THRESHOLD_OPTIONS) {
    const value = opts[key];
    if (typeof value === 'string') out[key] = parseNumberOption(flag.split(' ')[0] as string, value, 0, 1);
  }
  return out;
}

/** Colour when writing to a terminal, unless NO_COLOR is set or --no-color was given. */
export function useColor(stream: NodeJS.WriteStream, optionColor: boolean | undefined): boolean {
  if (optionColor === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

/** How commands read their inputs: notes about skipped files (broken links, link loops) go to stderr. */
export const READ_OPTIONS: ReadOptions = {
  onNote: (note) => process.stderr.write(`${PREFIX}note: ${escapeTerminal(note)}\n`),
};
