/**
 * Which names of one text another text has: the question cross-language evidence asks twice a
 * pair (`namesFound`, evidence.ts). Each name key's 32-bit hash is looked for among the other
 * text's look-up keys' hashes (a binary search over integers), and only a key whose hash is there
 * is looked for by string comparison; before, every key was, in the other's sorted look-up keys,
 * and a string `<` reads characters. The other text's first mention of a found key is read
 * through its names' key hashes likewise (`firstMention`), and only for the names the evidence
 * lists (one direction of the two), where it was for every name found.
 *
 * Measured on the 63,007 cross-language candidate pairs of the first 3,000 articles of the
 * 10,000-article scan bench corpus (both directions a pair, one thread, three rounds): 1.74–1.95 s
 * by string comparison, 0.61–0.63 s by hash (both with the first mentions of every name found),
 * the same names, places and order for every pair. A
 * merge of both texts' sorted key hashes was faster still (0.39 s) but held 2.2 KB an article
 * against 1.0: the scan's memory is the scarcer. In a 10,000-article scan's CPU profile the
 * string searches and their walks were 9.1 of the score stage's 44.5 s.
 *
 * Each text's hashes are made the first time the text is compared and kept while its anchors are
 * (a `WeakMap`): one `Uint32Array` of a number a look-up key and a number a name key (195 and 53
 * an article on average on that corpus).
 */
import type { NameAnchor, Unplaced } from '../../types/anchors.js';
import { hashString } from '../fingerprint/shingle.js';
import { hasValue } from '../similarity/sets.js';

/** What the index reads of a text's anchors: its names' keys and first mentions, and its look-up keys. */
export interface NamedAnchors {
  names: ReadonlyArray<Pick<Unplaced<NameAnchor>, 'keys' | 'first' | 'text'>>;
  lookupKeys: readonly string[];
}

/** A name of `from` found under a key of `to`: its text, its first mention in `from`, the key (its first that `to` has) and the key's hash. */
export interface FoundName {
  text: string;
  at: number;
  key: string;
  hash: number;
}

/**
 * One text's index, in one array: [0, m) the hashes of its look-up keys, ascending; [m, m + n)
 * the hashes of its names' keys, name after name, each name's keys in their order.
 */
interface NameIndex {
  data: Uint32Array;
  /** Look-up keys. */
  m: number;
}

const indexes = new WeakMap<NamedAnchors, NameIndex>();

function indexOf(anchors: NamedAnchors): NameIndex {
  const known = indexes.get(anchors);
  if (known !== undefined) return known;
  const look = anchors.lookupKeys;
  const m = look.length;
  let n = 0;
  for (const name of anchors.names) n += name.keys.length;
  const data = new Uint32Array(m + n);
  for (let i = 0; i < m; i++) data[i] = hashString(look[i] as string);
  data.subarray(0, m).sort();
  let e = m;
  for (const name of anchors.names) for (const key of name.keys) data[e++] = hashString(key);
  const index = { data, m };
  indexes.set(anchors, index);
  return index;
}

/**
 * Whether `keys`, sorted as `Array.prototype.sort` sorts strings (by UTF-16 code units, as the
 * anchors' `lookupKeys` are), hold `key`: asked only of a key whose hash the text has.
 */
export function inSortedKeys(keys: readonly string[], key: string): boolean {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = keys[mid] as string;
    if (at === key) return true;
    if (at < key) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * Where `anchors` first mentions a name it has under `key` (whose hash is `hash`, as `namesFound`
 * gives both), -1 when none of its names has it (a look-up key of a syllable run alone). Asked
 * only of the names a pair's evidence lists (`measureCross`), not of every name found both ways.
 */
export function firstMention(anchors: NamedAnchors, key: string, hash: number): number {
  const { data, m } = indexOf(anchors);
  let first = -1;
  let e = m;
  for (const name of anchors.names) {
    const end = e + name.keys.length;
    if (first === -1 || name.first < first) {
      for (let q = e; q < end; q++) {
        if (data[q] === hash && name.keys[q - e] === key) {
          first = name.first;
          break;
        }
      }
    }
    e = end;
  }
  return first;
}

/**
 * The names of `from` that `to` has under one of its look-up keys, in `from`'s order, each with
 * its first mention in `from` and the first of its keys (in its own order) that `to` has. The
 * same answer as testing each key of each name against `to.lookupKeys`
 * (test/core/xling/nameIndex.test.ts).
 */
export function namesFound(from: NamedAnchors, to: NamedAnchors): FoundName[] {
  const f = indexOf(from);
  const fd = f.data;
  const t = indexOf(to);
  const td = t.data;
  const tm = t.m;
  const out: FoundName[] = [];
  let e = f.m;
  for (const name of from.names) {
    const keys = name.keys;
    for (let p = 0; p < keys.length; p++) {
      const hash = fd[e + p] as number;
      if (!hasValue(td, hash, tm)) continue;
      const key = keys[p] as string;
      if (!inSortedKeys(to.lookupKeys, key)) continue;
      out.push({ text: name.text, at: name.first, key, hash });
      break;
    }
    e += keys.length;
  }
  return out;
}
