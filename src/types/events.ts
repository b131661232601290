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
