/** What `eval` measures: a partition against gold clusters, relations against gold labels, and the baseline. */
import type { Thresholds } from './scan.js';

export interface PartitionScores {
  ari: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

export interface RelationScores {
  /** Labelled pairs compared. */
  total: number;
  /** Share of pairs whose predicted relation is the gold one (1 when there are none). */
  accuracy: number;
  /** Labels in the order of the table: gold labels first (sorted), then predicted-only ones. */
  labels: string[];
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
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
  /** What was scored: stories against `cluster` labels, or events against `event` labels. */
  level?: 'story' | 'event';
  documents: number;
  /** Gold clusters. */
  clusters: number;
  /** Predicted stories (singletons included). */
  stories: number;
  relations?: RelationEvaluation;
  baseline?: BaselineScores;
  thresholds: Thresholds;
}
