/**
 * Anchors: what a text names and counts in a form that does not depend on its language — names
 * (with their keys across scripts), numbers and dates. Made by `extractAnchors`
 * (core/xling/anchors.ts); cross-language evidence and the review's marks are built on them.
 */

/** What a name stands for, when the equivalents table or the words around it say so. */
export type NameKind = 'person' | 'organisation' | 'place';

/** Where a mention stands in the article's cleaned text: [start, end) character offsets. */
export type Mention = [number, number];

/** A name the text mentions (one entry per name, however often it is mentioned). */
export interface NameAnchor {
  /**
   * The language-neutral key: an equivalents-table id (`ORG:UN`, `GPE:CN`) or a sound key of the
   * name in Latin letters (`v:obama`).
   */
  key: string;
  /** Every key another text may have this name under (sound keys and consonant skeletons, per word and whole). */
  keys: string[];
  /** The name as first written. */
  text: string;
  /** In English, when a dictionary gives it (奥巴马 → Barack Obama). */
  english?: string;
  kind?: NameKind;
  /** Character offset of the first mention in the cleaned text. */
  first: number;
  count: number;
  mentions: Mention[];
}

/** A number, an amount or a percentage. */
export interface NumberAnchor {
  /** `n:<value>` or `p:<value>` (a percentage); the value with at most 6 significant digits. */
  key: string;
  value: number;
  percent: boolean;
  /** A whole number from 0 to 10, not a percentage: too common to tell two texts apart. */
  weak: boolean;
  /** As first written. */
  text: string;
  first: number;
  count: number;
  mentions: Mention[];
}

/** A date or a part of one: a day (with its month), a month, a year, or a weekday. */
export interface DateAnchor {
  /**
   * ISO 8601 where it can be: `2017-11-29`, `--11-29` (no year known), `2017-11`, `--11`, `2017`;
   * a weekday is `weekday:3` (Monday 1).
   */
  key: string;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** Where the year comes from: written beside the day (`text`), or taken from the article's date (`article`). */
  yearFrom?: 'text' | 'article';
  text: string;
  first: number;
  count: number;
  mentions: Mention[];
}

export interface Anchors {
  names: NameAnchor[];
  numbers: NumberAnchor[];
  dates: DateAnchor[];
  /**
   * Every key a name of another text can be found under here, sorted: the keys of `names`, and in
   * Chinese and Korean text (no capitals to find names by) the keys of every run of 2–4 syllables.
   */
  lookupKeys: string[];
}

/** An anchor without where the text mentions it. */
export type Unplaced<T extends { mentions?: unknown }> = Omit<T, 'mentions'>;

/**
 * Anchors without where the text mentions each: what comparisons read of them (the events stage,
 * cross-language evidence and candidates). Only a review marks mentions; a scan holds these for
 * every article (the mentions were 12 % of its cross-language profiles' memory, 3,000 bench articles).
 */
export interface UnplacedAnchors {
  names: Array<Unplaced<NameAnchor>>;
  numbers: Array<Unplaced<NumberAnchor>>;
  dates: Array<Unplaced<DateAnchor>>;
  lookupKeys: string[];
}
