/** What the gate answers for each article it checks. */
import type { GateEventResult } from './events.js';
import type { PairScores, Reason, Relation } from './scan.js';

export interface GateMatch {
  id: string;
  relation: Relation;
  /** For a republication: which side holds the other ('input' or the indexed id). */
  container?: string;
  scores: PairScores;
  reasons: Reason[];
  shared?: string[];
}

export type GateVerdict = 'novel' | 'redundant';

export interface GateArticleResult {
  input: string;
  verdict: GateVerdict;
  matches: GateMatch[];
  /** The verdict in plain words, with the thresholds it crossed. */
  reasons: string[];
  /** Candidates proposed by the index and how many were verified exactly. */
  candidates: { proposed: number; verified: number };
  /**
   * For a novel article: whether an indexed document reports the same event (then the article is
   * "novel text about a known event", still exit 0). Absent for a redundant one.
   */
  event?: GateEventResult;
}

export interface GateResult {
  results: GateArticleResult[];
  /** Ids indexed by `add`. */
  added: string[];
}
