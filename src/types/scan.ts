/** What `scan` and `compare` produce: pair scores, relations with reasons, stories, the report. */
import type { NormalizationAction } from './article.js';

/** The scores of one pair. Every score is a similarity: 1 for identical. */
export interface PairScores {
  /** Jaccard of word shingles. */
  jaccard: number;
  /** Share of A's word shingles found in B. */
  containmentAB: number;
  /** Share of B's word shingles found in A. */
  containmentBA: number;
  /** Share of A's character shingles found in B (robust to OCR noise and re-spelling). */
  charContainmentAB: number;
  /** Share of B's character shingles found in A. */
  charContainmentBA: number;
  /** Cosine of TF-IDF vectors over stemmed content words. */
  cosine: number;
  /** Share of A's sentences with a counterpart in B (monotone sentence alignment). */
  alignedAB: number;
  /** Share of B's sentences with a counterpart in A. */
  alignedBA: number;
  /**
   * Mean Dice similarity (content words) of the sentence pairs the alignment matched: how close
   * the counterparts are, not only how many there are. 0 when nothing was aligned.
   */
  alignedSimilarity?: number;
  /** Dice coefficient of the titles (string-similarity-js); absent when either title is missing. */
  titleDice?: number;
  /** Shorter length over longer length, in tokens. */
  lengthRatio: number;
  /**
   * Share of A's text (in characters of folded words) in sentences (or paragraphs) that have a
   * near-verbatim copy in B (edit similarity ≥ `COPY_EDIT_SIMILARITY`). Robust to OCR noise and
   * mojibake, which break character 7-grams. 0 when the copy test was not run (see `COPY_GATE`).
   */
  copyAB?: number;
  /** Share of B's text in sentences with a near-verbatim counterpart in A. */
  copyBA?: number;
}

export type Relation = 'duplicate' | 'republication' | 'translation-variant' | 'related' | 'unrelated';

/** Why a relation was chosen: a score, the threshold and how it compared. */
export interface Reason {
  /** Score name, as in `PairScores`. */
  score: string;
  value: number;
  threshold: number;
  /** `>=` when the score crossed the threshold, `<` when it fell short. */
  op: '>=' | '<';
  /** Plain-words explanation. */
  note: string;
}

export interface PairResult {
  a: string;
  b: string;
  relation: Relation;
  /** For `republication`: the id of the document that holds the other (the longer one). */
  container?: string;
  scores: PairScores;
  reasons: Reason[];
  /** Short passages both share (longest common runs, in matching form). */
  shared?: string[];
  /**
   * Shared passages that also occur in other documents of the corpus: formulaic language
   * ("community with a shared future"), listed to show it was not taken as evidence of copying.
   */
  formulaic?: string[];
}

export interface Story {
  id: string;
  members: string[];
  /** The likely origin: the text the others contain, or the earliest date. */
  origin?: string;
  /** How the origin was chosen. */
  originBy?: 'containment' | 'date' | 'single';
}

/**
 * A note about one document on its own: it repeats its own material (`self-repetition`), no
 * words were left after normalization (`empty`: only boilerplate; it is never linked), or a bound
 * on the work spent on one article applied (`limit`: the text says which).
 */
export interface DocumentNote {
  kind: 'self-repetition' | 'empty' | 'limit';
  /** Sentence indexes of the repeated passage and its restatement, with their similarity. */
  first: number;
  second: number;
  similarity: number;
  text: string;
}

export interface DocumentSummary {
  id: string;
  title?: string;
  lang?: string;
  date?: string;
  source?: string;
  /** Characters of the original text. */
  chars: number;
  /** Words after normalization. */
  words: number;
  normalization: NormalizationAction[];
  notes: DocumentNote[];
  /**
   * Set when this document's matching form (language, folded words, sentences, paragraphs) is
   * identical to an earlier document's: the id of the first such document. A copy is scored as
   * that document is; its only pair listed is the duplicate pair with it.
   */
  copyOf?: string;
}

export interface Thresholds {
  /**
   * Both coverages (the higher of character containment and near-verbatim sentence coverage, per
   * direction) at or above this, with `duplicateBalance` and `duplicateLength` → duplicate.
   */
  duplicate: number;
  duplicateLength: number;
  /**
   * Smaller coverage over larger at or above this for a duplicate: neither text holds material the
   * other lacks (an added intro of a few sentences makes the pair a republication). Optional:
   * absent means 0 (no balance test).
   */
  duplicateBalance?: number;
  /**
   * The larger coverage at or above this, with the two coverages clearly unbalanced (min/max ≤ 0.7)
   * → republication: an excerpt or summary that quotes most of its text from the other.
   */
  excerpt?: number;
  /** The larger coverage at or above this → republication (one holds the other, near-verbatim). */
  republication: number;
  /** TF-IDF cosine at or above this, with sentence alignment at or above `translationAligned` → translation-variant. */
  translationCosine: number;
  translationAligned: number;
  /** Mean similarity of the aligned sentence pairs at or above this, too → translation-variant. */
  translationSimilarity?: number;
  /** TF-IDF cosine at or above this → related (same people and event, another report). */
  related: number;
}

export interface ScanResult {
  version: 2;
  documents: DocumentSummary[];
  pairs: PairResult[];
  stories: Story[];
  thresholds: Thresholds;
  /** Pairs compared and how they were chosen. */
  candidates: {
    method: 'all-pairs' | 'lsh';
    pairs: number;
    /** Documents folded into an identical earlier one (`copyOf`) and not compared on their own. */
    identical?: number;
    /**
     * Set when some article had more candidates than the cap: the cap, how many candidate pairs
     * were not scored, and (LSH) how many bucket mates past the window of a large bucket were not
     * examined (counted per band).
     */
    cap?: { perArticle: number; dropped: number; unexamined?: number };
  };
  /**
   * Set when some document had more linked pairs than a report lists (the stories use them all):
   * the most pairs listed per document, and how many pairs were left out of `pairs`.
   */
  listing?: { perDocument: number; omitted: number };
  /** The most similar pairs that were not linked, with the reasons they stay apart (at most 5). */
  nearest?: PairResult[];
}
