import type { NameAnchor } from './anchors.js';

/**
 * Events: groups of stories that report one happening (the same principal actors, place and
 * occasion, within a date window). Stories say who copied whom; events say who covered what.
 */

/** How a member of an event reached print. */
export type EventRole =
  /** The origin of the event's leading story: the text the copies come from. */
  | 'original'
  /** A copy of its story's origin (duplicate, republication, edited copy, shared passages). */
  | 'copy'
  /** A translation variant of its story's origin. */
  | 'translation'
  /** The origin of another story of the same event: written independently. */
  | 'independent-report';

export interface EventMember {
  id: string;
  /** The story the member belongs to. */
  story: string;
  role: EventRole;
}

/** Why two stories were put in one event. */
export interface EventLink {
  a: string;
  b: string;
  /** In plain words: "same actors Liu Jianchao, Ludmila Alamo; dates 23–28 April 2024". */
  reasons: string[];
}

export interface NewsEvent {
  id: string;
  /** Story ids, in story order. */
  stories: string[];
  members: EventMember[];
  /** The principal actors (people and organisations) the stories share, most salient first. */
  actors: string[];
  /** Places the stories share. */
  places: string[];
  /** The article dates of the members (ISO), first to last; absent when none is known. */
  dates?: [string, string];
  /** The original of the leading story (the fullest family, else the earliest dated). */
  origin?: string;
  /** The links that joined the event's stories (empty for a one-story event). */
  links: EventLink[];
}

/**
 * What the index keeps of a document for the gate's event question (`core/events/known.ts`): the
 * features the event link reads (`describeDocument`), compactly, without the text's offsets.
 */
export interface EventSketch {
  lang: string;
  /** The occasion's day (days since 1970-01-01, UTC), when the text or its date gives one. */
  day?: number;
  /** The weekday (Monday 1) the lede names, when it names one. */
  ledeWeekday?: number;
  /** The names the text mentions (mentions' offsets left out), most mentioned first. */
  names: EventSketchName[];
  /** Keys another text's name may be found under here besides the names' own (Chinese and Korean syllable runs). */
  lookup: string[];
  /** Numbers and days that tell one occasion from another. */
  figures: string[];
  /** Years the text writes. */
  years: number[];
  /** The most frequent content terms with their counts: the vocabulary the cosine reads. */
  terms: Array<[string, number]>;
}

/** A name as the sketch keeps it: the text's name without its mentions' offsets. */
export type EventSketchName = Omit<NameAnchor, 'mentions'>;

/** An event sketch with what the store indexes it under. */
export interface EventEntry {
  sketch: EventSketch;
  /** Every key of the document's names, each once: the key index finds the document under them. */
  keys: string[];
  /** The names' own keys (a subset of `keys`): counted as the names' document frequencies. */
  mainKeys: string[];
}

/** The gate's question to the key index: documents under any of these keys, dated within `days` or undated. */
export interface EventQuery {
  keys: readonly string[];
  /** Inclusive range of occasion days; absent: any day. */
  days?: { from: number; to: number };
  /** At most this many documents, those under the most keys first (then by id). */
  limit: number;
}

/** A document found by an `EventQuery`. */
export interface StoredEvent {
  id: string;
  sketch: EventSketch;
  /** How many of the query's keys the document is under. */
  shared: number;
}

/** What the gate says about the event of a novel article. */
export interface GateEventResult {
  /** An indexed document reports the same happening (the article is novel text about a known event). */
  known: boolean;
  /** The indexed documents of that event (a few at most), most shared actors first, with the reasons. */
  matches: Array<{ id: string; reasons: string[] }>;
}
