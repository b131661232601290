/**
 * evaluateGold: scan a labelled corpus and score the stories against its gold clusters, beside a
 * simple baseline measured in the same run. Pure: the CLI reads the file and prints the result.
 *
 * Gold: each article's `meta.cluster` (JSON Lines field `cluster`); articles sharing it form one
 * story. Optional relation labels: an article whose relation field (default `relation`) holds a
 * relation and whose `source` names another article of the file is a labelled pair (article,
 * source); the predicted relation is the scan's verdict for that pair (`unrelated` when the scan
 * reported none). Articles labelled `original` (or without the field) are not pairs.
 *
 * Baseline: word 3-gram shingles of the raw text (folded words, no boilerplate removal), Jaccard
 * at or above one threshold links two documents, stories are the connected components
 * (union-find). It is what a deduplicator without alignment or relation logic does.
 */
import {
  groupByLinks,
  type PartitionScores,
  type RelationScores,
  scorePartition,
  scoreRelations,
} from '../eval/metrics.js';
import { tokenizeWords } from '../core/text/segment.js';
import { shingleWords } from '../core/fingerprint/shingle.js';
import type { Article, ScanResult, Thresholds } from '../types/index.js';
import { InputError } from '../types/index.js';
import { type ScanOptions, scanCorpus } from './scan.js';

/**
 * The baseline's threshold: the word 3-gram Jaccard that gave the baseline its best mean ARI over
 * the data sets of the accuracy table (scripts/accuracy.ts sweeps 0.05–0.9); see the README.
 */
export const BASELINE_JACCARD = 0.3;
export const BASELINE_SHINGLE = 3;

export interface EvaluateOptions {
  /** Field holding each document's gold relation to its `source` (default `relation`). */
  relationField?: string;
  thresholds?: Partial<Thresholds>;
  candidates?: ScanOptions['candidates'];
  /** Baseline threshold (default BASELINE_JACCARD). */
  baselineThreshold?: number;
  /** Skip the baseline (it costs about as much as a scan on large sets). */
  baseline?: boolean;
}

export interface BaselineScores extends PartitionScores {
  method: 'word-3-gram-jaccard';
  threshold: number;
  stories: number;
}

export interface RelationEvaluation extends RelationScores {
  field: string;
}

export interface EvaluationResult extends PartitionScores {
  documents: number;
  /** Gold clusters. */
  clusters: number;
  /** Predicted stories (singletons included). */
  stories: number;
  relations?: RelationEvaluation;
  baseline?: BaselineScores;
  thresholds: Thresholds;
}

/** Each article's gold cluster, or an InputError naming the file and line of the first without one. */
export function readGoldClusters(articles: readonly Article[]): string[] {
  return articles.map((a) => {
    const c = a.meta?.cluster;
    if (typeof c === 'string' && c !== '') return c;
    if (typeof c === 'number' && Number.isFinite(c)) return String(c);
    const where = a.origin ?? `article ${a.id}`;
    throw new InputError(
      c === undefined
        ? `missing gold field "cluster" (article ${a.id})`
        : `field "cluster" must be a string or number, got ${typeof c} (article ${a.id})`,
      where,
    );
  });
}

/** Stories as one label per article (index order), from a scan result. */
export function labelStories(articles: readonly Article[], scan: Pick<ScanResult, 'stories'>): string[] {
  const storyOf = new Map<string, string>();
  for (const s of scan.stories) for (const m of s.members) storyOf.set(m, s.id);
  return articles.map((a) => storyOf.get(a.id) ?? `single:${a.id}`);
}

/**
 * Baseline stories: documents linked when their word 3-gram Jaccard is at or above `threshold`.
 * Intersections are counted through an inverted index, so only pairs sharing a shingle cost time.
 */
export function linkByJaccard(articles: readonly Article[], threshold: number): string[] {
  const sets = articles.map((a) => shingleWords(tokenizeWords(a.text), BASELINE_SHINGLE));
  const postings = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const h of set) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });
  const links: Array<[number, number]> = [];
  const shared = new Map<number, number>();
  sets.forEach((set, i) => {
    shared.clear();
    for (const h of set) {
      for (const j of postings.get(h) as number[]) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, inter] of shared) {
      const union = set.length + (sets[j] as Uint32Array).length - inter;
      if (union > 0 && inter / union >= threshold) links.push([i, j]);
    }
  });
  return groupByLinks(articles.length, links);
}

function relationOf(a: Article, field: string): string | undefined {
  const v = a.meta?.[field] ?? (a as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The gold relation pairs and the scan's verdict on each. */
function collectRelationPairs(
  articles: readonly Article[],
  scan: ScanResult,
  field: string,
): Array<{ gold: string; predicted: string }> | undefined {
  const ids = new Set(articles.map((a) => a.id));
  const verdicts = new Map<string, Map<string, string>>();
  const put = (x: string, y: string, r: string): void => {
    let row = verdicts.get(x);
    if (!row) {
      row = new Map();
      verdicts.set(x, row);
    }
    row.set(y, r);
  };
  for (const p of scan.pairs) {
    put(p.a, p.b, p.relation);
    put(p.b, p.a, p.relation);
  }
  const out: Array<{ gold: string; predicted: string }> = [];
  let labelled = 0;
  for (const a of articles) {
    const gold = relationOf(a, field);
    if (gold === undefined) continue;
    labelled++;
    const source = a.source ?? (typeof a.meta?.source === 'string' ? a.meta.source : undefined);
    if (gold === 'original' || source === undefined || source === a.id || !ids.has(source)) continue;
    out.push({ gold, predicted: verdicts.get(a.id)?.get(source) ?? 'unrelated' });
  }
  return labelled === 0 ? undefined : out;
}

export function evaluateGold(articles: readonly Article[], options: EvaluateOptions = {}): EvaluationResult {
  const gold = readGoldClusters(articles);
  // Explanations of unlinked pairs are for readers of a report; evaluation needs only the stories.
  const scanOptions: ScanOptions = { explain: false };
  if (options.thresholds) scanOptions.thresholds = options.thresholds;
  if (options.candidates) scanOptions.candidates = options.candidates;
  const scan = scanCorpus(articles, scanOptions);
  const predicted = labelStories(articles, scan);
  const result: EvaluationResult = {
    ...scorePartition(gold, predicted),
    documents: articles.length,
    clusters: new Set(gold).size,
    stories: new Set(predicted).size,
    thresholds: scan.thresholds,
  };
  const field = options.relationField ?? 'relation';
  const pairs = collectRelationPairs(articles, scan, field);
  if (pairs) result.relations = { field, ...scoreRelations(pairs) };
  if (options.baseline !== false) {
    const threshold = options.baselineThreshold ?? BASELINE_JACCARD;
    const labels = linkByJaccard(articles, threshold);
    result.baseline = {
      method: 'word-3-gram-jaccard',
      threshold,
      stories: new Set(labels).size,
      ...scorePartition(gold, labels),
    };
  }
  return result;
}
