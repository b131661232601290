/**
 * Character-bigram Dice for many comparisons of the same strings: each string's bigrams are
 * counted once (a sorted array of codes), and two profiles are compared by one merge, with no
 * allocation. The answer is exactly `diceSimilarity` (stringSimilarity.ts, string-similarity-js):
 * the same lower-casing, the same multiset of UTF-16 bigrams, the same formula, pinned by a
 * property test.
 *
 * Why not the package here: the copy test compares every sentence of one text with every sentence
 * of the other (O(n·m)), and string-similarity-js rebuilds a Map of both strings' bigrams on every
 * call. Profiled on a 1,000-article scan (generated variants of WMT English, LSH candidates), that
 * rebuilding was 32 % of the whole scan; the package stays the tool for one-off comparisons (titles).
 */
import { type Remembered, remembered } from '../memo.js';
import { ownString } from '../text/own.js';
import { intersectionSize } from './sets.js';

/** A string as the bigram Dice sees it. */
export interface BigramProfile {
  /** The string lower-cased, as the comparison reads it. */
  lower: string;
  /** Its bigrams as `first code unit × 65,536 + second`, sorted. */
  codes: Uint32Array;
}

export function bigramProfile(s: string): BigramProfile {
  const lower = s.toLowerCase();
  const n = Math.max(0, lower.length - 1);
  const codes = new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = lower.charCodeAt(i) * 65536 + lower.charCodeAt(i + 1);
  codes.sort();
  return { lower, codes };
}

/**
 * Strings a generation of `rememberedProfile` holds: 5,000 (two generations, about 12 MB). It was
 * 50,000, about 120 MB at the end of a 30,000-article scan's score stage; since the score stage
 * judges each article's pairs close together (`orderedJudging`, pipeline/scoring.ts), the strings
 * asked for again are those of the few articles being judged: on the index benchmark's first
 * 10,000 articles the score stage took 117.2 s against 116.8 (two runs side by side, the same
 * report) and its peak RSS fell from 1,057 to 1,017 MiB.
 */
export const PROFILES_REMEMBERED = 5000;

/**
 * `bigramProfile`, remembered per string. The copy test compares every sentence of an article
 * with the sentences of each of its candidates, so an article in 30 pairs had its profiles built
 * 30 times (sorting the codes is most of the cost: `bigramProfile` was 17 % of the score stage of
 * a 2,000-article scan, `node --cpu-prof`). A pure function's memo (`remembered`, core/memo.ts) of
 * at most 2 × `PROFILES_REMEMBERED` strings per thread that scores (at 50,000, the 2,000-article
 * scan's peak RSS with one worker: 1.69–1.70 GB before, 1.69–1.79 GB after). Each string is remembered as a
 * string of its own (`ownString`): a sentence is a slice of its article's clean text, and a scan
 * that reads its articles back from a shelf makes a new text at each read, which the memo's slices
 * kept alive (98 MB of the 354 alive after the score stage of 10,000 bench articles, heap snapshot).
 */
export const rememberedProfile: Remembered<string, BigramProfile> = remembered(
  bigramProfile,
  PROFILES_REMEMBERED,
  ownString,
);

/** Dice of two profiles: 1 for equal strings (case aside), 0 when one is shorter than a bigram. */
export function profileDice(p: BigramProfile, q: BigramProfile): number {
  if (p.lower === q.lower) return 1;
  if (p.lower.length < 2 || q.lower.length < 2) return 0;
  // The codes repeat (a multiset): the merge pairs each code with one equal code at most.
  const match = intersectionSize(p.codes, q.codes);
  return (match * 2) / (p.lower.length + q.lower.length - 2);
}
