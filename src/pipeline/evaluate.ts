/**
 * evaluateGold: a labelled corpus through the stages read gold → scan → score the partition →
 * score the relations → baseline, each timed. Wiring only: the metrics and the baseline are in
 * src/eval/. Pure: the CLI reads the file and prints the result.
 *
 * Gold: each article's `meta.cluster` (JSON Lines field `cluster`); articles sharing it form one
 * story. Optional relation labels: an article whose relation field (default `relation`) holds a
 * relation and whose `source` names another article of the file is a labelled pair (article,
 * source); the predicted relation is the scan's verdict for that pair (`unrelated` when the scan
 * reported none). Articles labelled `original` (or without the field) are not pairs.
 */
import { BASELINE_JACCARD, linkByJaccard } from '../eval/baseline.js';
import { collectRelationPairs, labelEvents, labelStories, readGoldClusters } from '../eval/gold.js';
import { scorePartition, scoreRelations } from '../eval/metrics.js';
import type { Article, EvaluationResult, ScanResult, Thresholds } from '../types/index.js';
import { type ScanOptions, scanCorpus, scanCorpusAsync } from './scan.js';
import type { PairJudge } from './scoring.js';
import type { StageListener } from './stages.js';
import { timed } from './stages.js';

export interface EvaluateOptions {
  /** Field holding each document's gold relation to its `source` (default `relation`). */
  relationField?: string;
  thresholds?: Partial<Thresholds>;
  /** Score the whole page text: no body extraction. */
  keepChrome?: boolean;
  candidates?: ScanOptions['candidates'];
  /** Baseline threshold (default BASELINE_JACCARD). */
  baselineThreshold?: number;
  /** Skip the baseline (it costs about as much as a scan on large sets). */
  baseline?: boolean;
  onStage?: StageListener;
  /** What is scored: stories against the `cluster` labels (default), or events against the `event` labels. */
  level?: 'story' | 'event';
  /** Tables the anchors are read with (event level). */
  anchors?: ScanOptions['anchors'];
  /** Language of articles without `lang` metadata; default `guessLanguage`. */
  detectLanguage?: ScanOptions['detectLanguage'];
  /** Comparison across languages (see `ScanOptions.crossLanguage`); default on. */
  crossLanguage?: ScanOptions['crossLanguage'];
}

function scanOptionsOf(options: EvaluateOptions): ScanOptions {
  const level = options.level ?? 'story';
  // Explanations of unlinked pairs are for readers of a report; evaluation needs only the stories.
  // Every linked pair is listed: a labelled pair left out of a report's listing would count as missed.
  const scanOptions: ScanOptions = {
    explain: false,
    events: level === 'event',
    maxListedPairs: Number.POSITIVE_INFINITY,
  };
  if (options.anchors) scanOptions.anchors = options.anchors;
  if (options.thresholds) scanOptions.thresholds = options.thresholds;
  if (options.keepChrome) scanOptions.keepChrome = true;
  if (options.candidates) scanOptions.candidates = options.candidates;
  if (options.onStage) scanOptions.onStage = options.onStage;
  if (options.detectLanguage) scanOptions.detectLanguage = options.detectLanguage;
  if (options.crossLanguage !== undefined) scanOptions.crossLanguage = options.crossLanguage;
  return scanOptions;
}

function goldOf(articles: readonly Article[], options: EvaluateOptions): string[] {
  return timed('gold', options.onStage, () =>
    readGoldClusters(articles, (options.level ?? 'story') === 'event' ? 'event' : 'cluster'),
  );
}

export function evaluateGold(articles: readonly Article[], options: EvaluateOptions = {}): EvaluationResult {
  const gold = goldOf(articles, options);
  return scoreScan(articles, gold, scanCorpus(articles, scanOptionsOf(options)), options);
}

/** `evaluateGold` with the scan's score stage run by `judge` (worker threads: `judgeInWorkers`); the same result. */
export async function evaluateGoldAsync(
  articles: readonly Article[],
  options: EvaluateOptions & { judge: PairJudge },
): Promise<EvaluationResult> {
  const gold = goldOf(articles, options);
  const scan = await scanCorpusAsync(articles, { ...scanOptionsOf(options), judge: options.judge });
  return scoreScan(articles, gold, scan, options);
}

/** The scan's stories (or events) and relations against the gold labels, and the baseline's. */
function scoreScan(
  articles: readonly Article[],
  gold: readonly string[],
  scan: ScanResult,
  options: EvaluateOptions,
): EvaluationResult {
  const { onStage } = options;
  const level = options.level ?? 'story';
  const result: EvaluationResult = timed('score partition', onStage, () => {
    const predicted = level === 'event' ? labelEvents(articles, scan) : labelStories(articles, scan);
    return {
      ...(level === 'event' ? { level } : {}),
      ...scorePartition(gold, predicted),
      documents: articles.length,
      clusters: new Set(gold).size,
      stories: new Set(predicted).size,
      thresholds: scan.thresholds,
    };
  });
  const field = options.relationField ?? 'relation';
  const pairs = timed('score relations', onStage, () => collectRelationPairs(articles, scan, field));
  if (pairs) result.relations = { field, ...scoreRelations(pairs) };
  if (options.baseline !== false) {
    const threshold = options.baselineThreshold ?? BASELINE_JACCARD;
    result.baseline = timed('baseline', onStage, () => {
      const labels = linkByJaccard(articles, threshold);
      return {
        method: 'word-3-gram-jaccard',
        threshold,
        stories: new Set(labels).size,
        ...scorePartition(gold, labels),
      };
    });
  }
  return result;
}
