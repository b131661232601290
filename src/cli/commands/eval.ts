/**
 * `copydesk eval --gold FILE.jsonl`: scan a labelled corpus and score its stories against the gold
 * clusters (ARI, pairwise and B-cubed precision/recall/F1), the relation verdicts against gold
 * relations when the file has them, and a word-3-gram-Jaccard baseline measured in the same run.
 * Exit 0 done, 2 bad input (a document without `cluster`: one line naming the file and line).
 */
import type { Command } from 'commander';
import { readCorpus } from '../../io/readCorpus.js';
import type { EvaluationResult } from '../../pipeline/evaluate.js';
import { parseChoice, parseNumberOption } from '../errors.js';
import { addThresholdOptions, readThresholdOptions } from '../options.js';

const FORMATS = ['table', 'json'] as const;

function f4(x: number): string {
  return x.toFixed(4);
}

/** A plain-text report: the metrics of ours and the baseline's side by side, then the relations. */
export function renderEvaluation(r: EvaluationResult, gold: string): string {
  const rows: Array<[string, string, string]> = [
    ['ARI', f4(r.ari), r.baseline ? f4(r.baseline.ari) : '-'],
    ['pair precision', f4(r.pairPrecision), r.baseline ? f4(r.baseline.pairPrecision) : '-'],
    ['pair recall', f4(r.pairRecall), r.baseline ? f4(r.baseline.pairRecall) : '-'],
    ['pair F1', f4(r.pairF1), r.baseline ? f4(r.baseline.pairF1) : '-'],
    ['B-cubed precision', f4(r.bcubedPrecision), r.baseline ? f4(r.baseline.bcubedPrecision) : '-'],
    ['B-cubed recall', f4(r.bcubedRecall), r.baseline ? f4(r.baseline.bcubedRecall) : '-'],
    ['B-cubed F1', f4(r.bcubedF1), r.baseline ? f4(r.baseline.bcubedF1) : '-'],
    ['stories', String(r.stories), r.baseline ? String(r.baseline.stories) : '-'],
  ];
  const head: [string, string, string] = [
    'metric',
    'copydesk',
    r.baseline ? `baseline (word 3-gram Jaccard ≥ ${r.baseline.threshold})` : 'baseline',
  ];
  const w0 = Math.max(...[head, ...rows].map((x) => x[0].length));
  const w1 = Math.max(...[head, ...rows].map((x) => x[1].length));
  const line = (x: [string, string, string]) => `${x[0].padEnd(w0)}  ${x[1].padStart(w1)}  ${x[2]}`.trimEnd();
  let out = `gold: ${gold} (${r.documents} documents, ${r.clusters} clusters)\n\n${line(head)}\n${rows.map(line).join('\n')}\n`;
  const rel = r.relations;
  if (rel) {
    out += `\nrelations (field "${rel.field}"): ${rel.total} labelled pairs, accuracy ${f4(rel.accuracy)}\n`;
    if (rel.total > 0) {
      const cols = rel.labels;
      const rowsG = Object.keys(rel.confusion);
      const wl = Math.max('gold \\ predicted'.length, ...rowsG.map((g) => g.length));
      const wc = cols.map((c) => Math.max(c.length, ...rowsG.map((g) => String(rel.confusion[g]?.[c] ?? 0).length)));
      out += `${'gold \\ predicted'.padEnd(wl)}  ${cols.map((c, i) => c.padStart(wc[i] as number)).join('  ')}\n`;
      for (const g of rowsG)
        out += `${g.padEnd(wl)}  ${cols.map((c, i) => String(rel.confusion[g]?.[c] ?? 0).padStart(wc[i] as number)).join('  ')}\n`;
    }
  }
  return out;
}

export function register(program: Command): void {
  const cmd = program
    .command('eval')
    .description('score the stories of a labelled JSON Lines corpus against its gold clusters (and relations)')
    .requiredOption('--gold <file>', 'JSON Lines with id, text, cluster (and optionally relation, source)')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('--relation-field <name>', 'field holding each document’s gold relation to its source', 'relation')
    .option('--baseline-threshold <n>', 'word 3-gram Jaccard threshold of the baseline')
    .option('--no-baseline', 'skip the baseline');
  addThresholdOptions(cmd).action(async (opts: Record<string, unknown>) => {
    const format = parseChoice('--format', String(opts.format), FORMATS);
    const thresholds = readThresholdOptions(opts);
    const gold = String(opts.gold);
    const baselineThreshold =
      typeof opts.baselineThreshold === 'string'
        ? parseNumberOption('--baseline-threshold', opts.baselineThreshold, 0, 1)
        : undefined;
    const { evaluateGold } = await import('../../pipeline/evaluate.js');
    const articles = await readCorpus([gold]);
    const result = evaluateGold(articles, {
      thresholds,
      relationField: String(opts.relationField),
      baseline: opts.baseline !== false,
      ...(baselineThreshold !== undefined ? { baselineThreshold } : {}),
    });
    if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write(renderEvaluation(result, gold));
  });
}
