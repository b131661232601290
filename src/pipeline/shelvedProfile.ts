/**
 * A cross-language profile as a scan puts it on its shelf (crossStage.ts) and reads it back: every
 * string it holds (its keyed sentences' keys, its anchors' keys, texts, English forms and look-up
 * keys) a number into one list of the scan's strings (`KeyNumbers`, each string held once, there),
 * and its anchors in columns of numbers. A read is then a few typed arrays deserialized and one
 * pass that makes the anchors, each string the list's copy.
 *
 * The profiles went on the shelf with their anchors as objects of strings, read back through an
 * intern pool so that a profile read held no more than one made (`compactProfile`): a read took
 * 250–500 µs, more than judging a pair (about 200 µs), and under a CPU profiler 44 % of it was
 * the pool's look-ups (`internString`, `internList`: every string read is new to the map and
 * hashed), 14 % the deserializer, 15 % the collector (3,000 bench articles, each read five times
 * in a scrambled order). The score stage reads a profile each time it makes an article's character
 * shingles, on the bench's first 30,000 articles 107,283 times. Read this way, 915 → 205 µs a read
 * and 12.3 → 9.0 KB a profile on the shelf (`npm run bench -- shelf`, README "Reading a profile back").
 */
import { termId } from '../core/text/vocabulary.js';
import { ownKeyed } from '../core/xling/keyed.js';
import type { CrossProfile } from '../core/xling/profile.js';
import type { NameKind, UnplacedAnchors } from '../types/index.js';
import { type KeyNumbers, numberProfileKeys } from './profileKeys.js';

/** A string a profile has not got (a name without an English form). */
const NONE = 0xffffffff;
/** An integer field a date has not got (its year, month, day, weekday). */
const ABSENT = -0x80000000;

const KINDS: readonly (NameKind | undefined)[] = [undefined, 'person', 'organisation', 'place'];
const YEAR_FROM: readonly ('text' | 'article' | undefined)[] = [undefined, 'text', 'article'];

/** A profile as the shelf holds it: `NumberedProfile`'s keys, its anchors in columns (`ShelvedAnchors`). */
export interface ShelvedProfile {
  lang: string;
  length: number;
  dictionary: boolean;
  known: number;
  /** The keyed sentences, their `keys` and `quotedKeys` empty (in `keyNumbers`, `quotedKeyNumbers`). */
  keyed: CrossProfile['keyed'];
  keyNumbers: Uint32Array;
  quotedKeyNumbers: Uint32Array;
  anchors: ShelvedAnchors;
}

/**
 * The anchors in columns, strings as numbers into the scan's list (`NONE`: no string), one row per
 * anchor in its list's order.
 */
export interface ShelvedAnchors {
  /** Per name: key, text, English form. */
  nameStrings: Uint32Array;
  /** Per name: its keys' range in `nameKeys` (one more entry than names). */
  nameKeyStart: Uint32Array;
  nameKeys: Uint32Array;
  /** Per name: first, count, kind (its place in `KINDS`). */
  nameInts: Int32Array;
  /** Per number: key, text. */
  numberStrings: Uint32Array;
  numberValues: Float64Array;
  /** Per number: first, count, percent (0/1), weak (0/1). */
  numberInts: Int32Array;
  /** Per date: key, text. */
  dateStrings: Uint32Array;
  /** Per date: first, count, year, month, day, weekday (`ABSENT`: none), year from (its place in `YEAR_FROM`). */
  dateInts: Int32Array;
  lookupKeys: Uint32Array;
}

const NAME_INTS = 3;
const NUMBER_INTS = 4;
const DATE_INTS = 7;

function place<T>(list: readonly T[], value: T, what: string): number {
  const at = list.indexOf(value);
  if (at < 0) throw new RangeError(`a shelved profile: unknown ${what} ${String(value)}`);
  return at;
}

function int(value: number | undefined): number {
  return value === undefined ? ABSENT : value;
}

/** `profile` as the shelf holds it, its strings numbered in `numbers` (new ones added). */
export function shelvedProfile(profile: CrossProfile, numbers: KeyNumbers): ShelvedProfile {
  const { keyed, keyNumbers, quotedKeyNumbers } = numberProfileKeys(profile, numbers);
  const id = (s: string): number => termId(numbers.vocabulary, s);
  const { names, numbers: amounts, dates, lookupKeys } = profile.anchors;
  const nameStrings = new Uint32Array(3 * names.length);
  const nameKeyStart = new Uint32Array(names.length + 1);
  const nameInts = new Int32Array(NAME_INTS * names.length);
  const keys: number[] = [];
  names.forEach((n, r) => {
    nameStrings[3 * r] = id(n.key);
    nameStrings[3 * r + 1] = id(n.text);
    nameStrings[3 * r + 2] = n.english === undefined ? NONE : id(n.english);
    for (const k of n.keys) keys.push(id(k));
    nameKeyStart[r + 1] = keys.length;
    nameInts.set([n.first, n.count, place(KINDS, n.kind, 'kind of name')], NAME_INTS * r);
  });
  const numberStrings = new Uint32Array(2 * amounts.length);
  const numberValues = new Float64Array(amounts.length);
  const numberInts = new Int32Array(NUMBER_INTS * amounts.length);
  amounts.forEach((n, r) => {
    numberStrings[2 * r] = id(n.key);
    numberStrings[2 * r + 1] = id(n.text);
    numberValues[r] = n.value;
    numberInts.set([n.first, n.count, n.percent ? 1 : 0, n.weak ? 1 : 0], NUMBER_INTS * r);
  });
  const dateStrings = new Uint32Array(2 * dates.length);
  const dateInts = new Int32Array(DATE_INTS * dates.length);
  dates.forEach((d, r) => {
    dateStrings[2 * r] = id(d.key);
    dateStrings[2 * r + 1] = id(d.text);
    const from = place(YEAR_FROM, d.yearFrom, 'source of a year');
    dateInts.set([d.first, d.count, int(d.year), int(d.month), int(d.day), int(d.weekday), from], DATE_INTS * r);
  });
  return {
    lang: profile.lang,
    length: profile.length,
    dictionary: profile.dictionary,
    known: profile.known,
    keyed,
    keyNumbers,
    quotedKeyNumbers,
    anchors: {
      nameStrings,
      nameKeyStart,
      nameKeys: Uint32Array.from(keys),
      nameInts,
      numberStrings,
      numberValues,
      numberInts,
      dateStrings,
      dateInts,
      lookupKeys: Uint32Array.from(lookupKeys, id),
    },
  };
}

/**
 * The profile back from its shelved form, its strings read from `strings` (the list its numbers
 * index: `KeyNumbers`' vocabulary terms) and its keyed sentences in a buffer of their own
 * (`ownKeyed`: the deserializer leaves them views of the whole record). Anchors are made as
 * `compactProfile` makes them (every field present, in its order): the same profile.
 */
export function unshelvedProfile(shelved: ShelvedProfile, strings: readonly string[]): CrossProfile {
  const s = (n: number): string => strings[n] as string;
  const a = shelved.anchors;
  const names: UnplacedAnchors['names'] = [];
  for (let r = 0; r < a.nameKeyStart.length - 1; r++) {
    const english = a.nameStrings[3 * r + 2] as number;
    const keys: string[] = [];
    for (let k = a.nameKeyStart[r] as number; k < (a.nameKeyStart[r + 1] as number); k++)
      keys.push(s(a.nameKeys[k] as number));
    names.push({
      key: s(a.nameStrings[3 * r] as number),
      keys,
      text: s(a.nameStrings[3 * r + 1] as number),
      english: english === NONE ? undefined : s(english),
      kind: KINDS[a.nameInts[NAME_INTS * r + 2] as number],
      first: a.nameInts[NAME_INTS * r] as number,
      count: a.nameInts[NAME_INTS * r + 1] as number,
    });
  }
  const numbers: UnplacedAnchors['numbers'] = [];
  for (let r = 0; r < a.numberValues.length; r++) {
    const at = NUMBER_INTS * r;
    numbers.push({
      key: s(a.numberStrings[2 * r] as number),
      value: a.numberValues[r] as number,
      percent: a.numberInts[at + 2] === 1,
      weak: a.numberInts[at + 3] === 1,
      text: s(a.numberStrings[2 * r + 1] as number),
      first: a.numberInts[at] as number,
      count: a.numberInts[at + 1] as number,
    });
  }
  const dates: UnplacedAnchors['dates'] = [];
  const field = (v: number): number | undefined => (v === ABSENT ? undefined : v);
  for (let r = 0; r < a.dateStrings.length / 2; r++) {
    const at = DATE_INTS * r;
    dates.push({
      key: s(a.dateStrings[2 * r] as number),
      year: field(a.dateInts[at + 2] as number),
      month: field(a.dateInts[at + 3] as number),
      day: field(a.dateInts[at + 4] as number),
      weekday: field(a.dateInts[at + 5] as number),
      yearFrom: YEAR_FROM[a.dateInts[at + 6] as number],
      text: s(a.dateStrings[2 * r + 1] as number),
      first: a.dateInts[at] as number,
      count: a.dateInts[at + 1] as number,
    });
  }
  const { keyed, keyNumbers, quotedKeyNumbers } = shelved;
  return {
    lang: shelved.lang,
    anchors: { names, numbers, dates, lookupKeys: Array.from(a.lookupKeys, s) },
    keyed: ownKeyed({ ...keyed, keys: Array.from(keyNumbers, s), quotedKeys: Array.from(quotedKeyNumbers, s) }),
    length: shelved.length,
    dictionary: shelved.dictionary,
    known: shelved.known,
  };
}
