/** Articles as read, and the normalized form the scorers work on. */

/** One article as read from a folder or a JSON Lines file. */
export interface Article {
  /** Unique within a corpus: the path relative to the folder (no extension), or the JSONL `id`. */
  id: string;
  /** The text as read (UTF-8, unchanged). */
  text: string;
  title?: string;
  lang?: string;
  /** ISO date (YYYY-MM-DD or a full timestamp) when known. */
  date?: string;
  /** Outlet or origin. */
  source?: string;
  url?: string;
  /** Other metadata fields, kept as read. */
  meta?: Record<string, unknown>;
  /** Where the article was read from (file path, or `file.jsonl:line`). Display only. */
  origin?: string;
}

/** One thing normalization did to the text, so a report can say what was ignored. */
export interface NormalizationAction {
  /** Rule name, e.g. `boilerplate:comment-form`, `title-repeated`, `photo-caption`. */
  rule: string;
  /** 1-based line number in the original text, where the action removed a line. */
  line?: number;
  /** The text affected (a removed line), shortened for display. */
  text?: string;
}

/** A paragraph of the cleaned text with its sentences. Offsets are into `NormalizedArticle.clean`. */
export interface Sentence {
  /** Index of the sentence in the whole document. */
  index: number;
  /** Paragraph index. */
  paragraph: number;
  start: number;
  end: number;
  /** The sentence as displayed (from the cleaned original). */
  text: string;
  /**
   * Matching form: its folded tokens are the article's `tokens` from `tokenStart` up to (not
   * including) `tokenEnd` (`sentenceTokens`, core/text/normalize.ts). A range, not an array of its
   * own: the sentences' arrays held every token pointer a second time, 4.7 KB an article on the
   * bench corpus (heap after a collection with and without them, 3,000 articles).
   */
  tokenStart: number;
  tokenEnd: number;
}

/** The product of `normalizeArticle`: the original kept for display, the matching form derived from it. */
export interface NormalizedArticle {
  id: string;
  /** Original text after boilerplate removal (display form, Unicode NFC, original case and accents). */
  clean: string;
  /** The title: the metadata title, or the first line when it reads like a headline. */
  title?: string;
  /** Language: the metadata language or a script-based guess (`en`, `zh`, `ja`, `ru`, ...). */
  lang: string;
  /** The article's date as given in its metadata (for the year of a date the text gives without one). */
  date?: string;
  /** Folded matching tokens of `clean` (case, accents, quotes, spelling variants folded). */
  tokens: string[];
  /**
   * Where each token stands in `clean`: start and end offsets, two per token; 16 bits each when
   * `clean` is shorter than 65,536 code units (`tokenSpanArray`), else 32.
   */
  tokenSpans: Uint16Array | Uint32Array;
  /** 1 for each token inside quotation marks (`core/text/quotes.ts`), else 0. */
  quoted: Uint8Array;
  sentences: Sentence[];
  actions: NormalizationAction[];
}
