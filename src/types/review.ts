/**
 * Data types of the review view (aligned sentence and word diffs of two versions), here so that
 * `report/` can render a review without depending on `core/`.
 */

/** What kind of change a replaced, added or dropped piece of text is, where it can be told. */
export type ChangeKind =
  /** British/American spelling (favourable → favorable). */
  | 'spelling'
  /** Accents dropped or text damaged by a wrong encoding (Díaz → Diaz, Díaz → Daz, DÃ­az). */
  | 'accents'
  /** The same name written in another transliteration (Ludmila → Liudmila). */
  | 'transliteration'
  /** Upper/lower case only. */
  | 'case'
  /** Punctuation or quote marks only. */
  | 'punctuation'
  /** A number or a date differs: always flagged, it matters. */
  | 'number'
  /** A word or phrase said differently. */
  | 'reworded';

/** A run of one sentence unit's word diff. `a` is the text in A, `b` in B (display form). */
export interface DiffPart {
  /** `equal`: in both; `delete`: only in A; `insert`: only in B; `replace`: A's text became B's. */
  op: 'equal' | 'delete' | 'insert' | 'replace';
  /** Text in A, with the whitespace that precedes it; empty for `insert`. */
  a: string;
  /** Text in B, with the whitespace that precedes it; empty for `delete`. Same as `a` for `equal` unless an ignore option made them match. */
  b: string;
  /** Kind of change; absent for `equal`. */
  kind?: ChangeKind;
}

/** Word counts of one unit or a whole review, as `wdiff -s` counts them. */
export interface DiffCounts {
  /** Words of A and of B. */
  wordsA: number;
  wordsB: number;
  /** Words found unchanged in the other text (wdiff's "common"). */
  kept: number;
  /** Words only in B / only in A. */
  added: number;
  dropped: number;
  /** Words of A and of B inside replaced runs. */
  changedA: number;
  changedB: number;
}

/** How a row of the alignment relates the two texts. */
export type RowKind =
  /** Aligned, word for word the same (under the ignore options). */
  | 'same'
  /** Aligned, with changes inside. */
  | 'changed'
  /** Only in B. */
  | 'added'
  /** Only in A. */
  | 'dropped'
  /** Matched with a sentence at another place of the other text (shown where it stands in B). */
  | 'moved'
  /** Two languages: paragraphs aligned as counterparts (no word diff; shared names and figures marked). */
  | 'aligned';

/** One row of the aligned view: one or two sentences of A against one or two of B. */
export interface ReviewRow {
  kind: RowKind;
  /** Sentence indexes in A and in B (two on one side for a split or a merge). */
  a: number[];
  b: number[];
  /** Similarity of the two sides (Dice of folded words, 1 for identical); 0 for added and dropped. */
  similarity: number;
  /** The word diff of the row (for added and dropped, a single insert or delete part). */
  parts: DiffPart[];
  /** True when the word diff gave up (edit too long) and the row is shown as whole sentences. */
  coarse?: boolean;
  /** True when the row's sentences lie in a passage both texts share (`alignPassages`). */
  shared?: boolean;
  /**
   * Two languages: where the names, numbers and dates both texts give stand in each side's text
   * (character ranges into the part's `a` and `b`), to be marked.
   */
  marks?: { a: Array<[number, number]>; b: Array<[number, number]> };
}

/** The summary of a review, as `wdiff -s` gives it plus sentence counts. */
export interface ReviewSummary extends DiffCounts {
  sentencesA: number;
  sentencesB: number;
  sentencesAdded: number;
  sentencesDropped: number;
  sentencesMoved: number;
  /** Rows where one sentence became two, or two became one. */
  sentencesSplitOrMerged: number;
  /** Share of A's words found in B (kept / wordsA), and of B's in A; 1 for an empty text. */
  shareAinB: number;
  shareBinA: number;
  /** Number of changes by kind (a replaced, added or dropped run counts once). */
  kinds: Partial<Record<ChangeKind, number>>;
  /** Passages both texts share, and the words matched in them. */
  sharedPassages?: number;
  sharedWords?: number;
}

/** A side of the review: enough of the article to display it. */
export interface ReviewSide {
  id: string;
  title?: string;
  lang: string;
  /** Sentences in display form, in order. */
  sentences: string[];
  /** Paragraph index of each sentence. */
  paragraphs: number[];
  /** Lines of the page set aside before the comparison (page chrome, boilerplate, the headline), with why. */
  setAside?: Array<{ line?: number; rule: string; text?: string }>;
  /**
   * The overlap window: the first and last sentence (indexes) of this side inside passages both
   * texts share. Absent when they share none.
   */
  window?: [number, number];
}

/** The review of one pair: the aligned rows and their summary. */
export interface Review {
  a: ReviewSide;
  b: ReviewSide;
  rows: ReviewRow[];
  summary: ReviewSummary;
  /** The ignore options the diff was made with. */
  ignore: { case: boolean; punctuation: boolean; spelling: boolean };
  /**
   * Two languages: rows are paragraphs aligned side by side (kind `aligned`, `added`, `dropped`)
   * instead of a word diff, with the anchors both give.
   */
  crossLanguage?: {
    languages: [string, string];
    paragraphsA: number;
    paragraphsB: number;
    aligned: number;
    names: string[];
    numbers: string[];
    dates: string[];
  };
}

/**
 * The key of a pair in a map of reviews (`ScanHtmlOptions.reviews`). JSON of the two ids, so no
 * separator can collide with a character inside an id.
 */
export function pairKey(a: string, b: string): string {
  return JSON.stringify([a, b]);
}
