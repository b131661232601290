/** What `scan` and `compare` produce: pair scores, relations with reasons, stories, the report. */
import type { NormalizationAction } from './article.js';
import type { NewsEvent } from './events.js';

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
  /**
   * Words in passages both texts share (`alignPassages`: runs of 5+ words chained across small
   * gaps), matched word for word; and the longest passage's matched words. 0 when none.
   */
  sharedWords?: number;
  /** Of `sharedWords`, those both texts print inside quotation marks (quoting one speaker is not copying). */
  quotedWords?: number;
  longestPassage?: number;
  /** Share of A's words inside shared passages (matched words / A's words; words both quote left out). */
  passageAB?: number;
  passageBA?: number;
  /**
   * The overlap window: on each side, from the first shared passage to the last. Share of that
   * stretch of A (and of B) matched in passages: a copy that starts later or stops sooner is
   * covered inside the window even when the whole texts differ in length.
   */
  windowAB?: number;
  windowBA?: number;
  /**
   * Sentence alignment inside its own window (from the first aligned sentence to the last, on each
   * side): how densely the texts correspond where both have text.
   */
  alignedWindowAB?: number;
  alignedWindowBA?: number;
  /** Sentence pairs the alignment matched. */
  alignedPairs?: number;
  /**
   * Across languages only (core/xling): share of A's and of B's content words in sentences
   * aligned in order over language-neutral keys (dictionary stems, names, numbers, cognates), the
   * sentence pairs aligned and their mean similarity.
   */
  crossAlignedAB?: number;
  crossAlignedBA?: number;
  crossAlignedPairs?: number;
  crossSimilarity?: number;
  /** Across languages: names of the better-covered text found in the other, and how many it names. */
  sharedNames?: number;
  names?: number;
  /** Across languages: strong numbers (not 0–10) both give, and the fewer of the two texts' counts. */
  sharedNumbers?: number;
  numbers?: number;
  /** Across languages: 1 when both give days (or years) and none agree (a look-alike of another occasion). */
  dateConflict?: number;
}

export type Relation =
  | 'duplicate'
  | 'republication'
  | 'edited-copy'
  | 'translation-variant'
  | 'shares-passage'
  | 'related'
  | 'unrelated';

/**
 * How strong each relation is, for ordering (strongest evidence first): matches in the gate, pairs
 * in the reports, and edges when clustering stories. The gaps of 1 keep any cosine tiebreak (at
 * most 1) inside its relation. Here, beside the type, so renderers (which import only types/) and
 * core order pairs alike.
 */
export const RELATION_STRENGTH: Readonly<Record<Relation, number>> = Object.freeze({
  duplicate: 6,
  republication: 5,
  'edited-copy': 4,
  'translation-variant': 3,
  'shares-passage': 2,
  related: 1,
  unrelated: 0,
});

/**
 * How a republication's container differs from the text it holds (read from where the shared
 * passages sit): `added-intro` (the container has text before), `truncation` (the held text is the
 * container's beginning: a preview, or a copy cut sooner; or the container added an outro),
 * `excerpt` (text on both sides), `abridged` (the held text skips parts of the container),
 * `whole` (nothing outside the shared text worth naming).
 */
export type ReuseForm = 'added-intro' | 'truncation' | 'excerpt' | 'abridged' | 'whole';

/** A passage two texts share: where it stands in each (character offsets in the cleaned text), its size and similarity. */
export interface SharedPassage {
  /** [start, end) in A's cleaned text. */
  a: [number, number];
  /** [start, end) in B's cleaned text. */
  b: [number, number];
  /** Words matched word for word. */
  words: number;
  /** Matched words over the longer of the two spans, in words (1 for a verbatim passage). */
  similarity: number;
}

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
  /** For a republication: how the container differs from the text it holds. */
  form?: ReuseForm;
  /** Short passages both share (longest first, in matching form). */
  shared?: string[];
  /** The shared passages with their places in both texts (longest first, at most 20). */
  passages?: SharedPassage[];
  /**
   * For a pair in no story relation (`compare`): whether the two report one event as independent
   * reports, with the reasons (see core/events/link.ts).
   */
  event?: { same: boolean; reasons: string[] };
  /**
   * Shared passages that also occur in other documents of the corpus: formulaic language
   * ("community with a shared future"), listed to show it was not taken as evidence of copying.
   */
  formulaic?: string[];
  /** Two languages (A's, B's) when they differ: the pair was judged on cross-language evidence. */
  languages?: [string, string];
  /** Across languages: the names, numbers and dates both texts give (as written in A), for the reader and the review's marks. */
  anchors?: { names: string[]; numbers: string[]; dates: string[] };
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
  /**
   * Words matched in shared passages at or above this → the pair reuses text: `edited-copy` when
   * the passages make up `editedCopy` of one text, else `shares-passage`. Optional: absent means
   * off (no passage relation).
   */
  copyWords?: number;
  /** Share of one text (the larger of the two passage shares) inside shared passages for an `edited-copy`. */
  editedCopy?: number;
  /**
   * Mean aligned-sentence similarity for a translation variant aligned over both whole texts
   * (`translationSimilarity` is for one aligned inside a window only).
   */
  translationSimilarityWhole?: number;
  /** Fewest sentence pairs aligned in order for a translation variant. */
  translationPairs?: number;
}

export interface ScanResult {
  /** 2 since events (`events`), the passage relations and the bounded scan (`copyOf`, `cap`, `listing`); 1 had none. */
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
  /** Stories grouped by the happening they report (absent when the scan was asked for stories only). */
  events?: NewsEvent[];
  /**
   * When the corpus holds several languages: which ones, which had a bilingual dictionary, and
   * which had none (their cross-language evidence is names, numbers, dates and cognates only).
   */
  /**
   * Set when the event level's candidate bounds applied (core/events/candidates.ts): principal
   * names too common to find candidates by, and candidate stories left out past the per-story cap.
   */
  eventCandidates?: { perStory: number; commonNames: number; dropped: number };
  crossLanguage?: {
    languages: string[];
    dictionaries: string[];
    missing: string[];
    candidates: number;
    /** Set when some document proposed more cross-language candidates than the cap: the cap, and how many it left out. */
    cap?: { perDocument: number; dropped: number };
  };
}

/**
 * A list a stage reads one item at a time, in any order: an array is one; a large scan's
 * fingerprints and articles are another, each read back from its shelf when asked for (`Shelf`).
 */
export interface Sequence<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * Values put away by number while a long job runs and read back when needed (a large scan's
 * cross-language profiles and articles: `io/shelf.ts` keeps them in a temporary file). What `get` returns is a
 * copy of what was put (a structured clone), never the value itself.
 */
export interface Shelf {
  /** Puts value `k` away; each `k` once. */
  put(k: number, value: unknown): void;
  /** A copy of value `k`, or undefined when none was put. */
  get(k: number): unknown;
  /** Bytes value `k` takes on the shelf (0 when none was put). */
  bytes(k: number): number;
  /** Lets go of the shelf and what it holds (a shelf is not read after). */
  close(): void;
}
