/**
 * A text's sentences in numbers, as the cross-language alignment and the candidate search read
 * them: its distinct keys (of unquoted sentences) numbered in the order the alignment merges two
 * texts' keys (a 32-bit hash of the key, then the key), each word as the numbers of its keys, and
 * each key's sentences. Comparing two texts walks their keys side by side, in integer comparisons.
 *
 * The one form a scan keeps of a profile's sentences. It was built from the sentences' key lists
 * the first time a text was compared and kept beside them (a `WeakMap`); at the end of scoring
 * 3,000 bench articles the two forms held 17.5 KB (this one) and 6.8 KB (the lists) an article,
 * the largest part of what an article held (heap snapshot after a collection, `scripts/scanMemory.ts`
 * read by `scripts/heapHolders.ts`). Now the profile holds this form alone (`CrossProfile.keyed`),
 * its arrays views of one buffer, 16-bit but for the hashes where the text allows, with no
 * separate sort order (the keys are numbered in it): the two forms' 73.1 MB became 43.3 before
 * the narrowing, and a scan's peak RSS 1,724 → 1,588 MiB at 10,000 articles, 3,729 → 3,253 MiB
 * at 30,000 before the narrowing (README "Memory"), the same reports.
 */
import { hashString } from '../fingerprint/shingle.js';
import { copiedTogether } from '../slab.js';
import type { CrossSentence } from './profile.js';

/** Numbers below a text's counts: 16-bit for a text of fewer than `NARROW_LIMIT` of each, else 32-bit. */
export type Indexes = Uint16Array | Int32Array;

/** Counts (key occurrences, postings, words, sentences) below which a text's indexes are 16-bit. */
export const NARROW_LIMIT = 1 << 16;

export interface KeyedSentences {
  /** Keys in order of number: by `hashString`, then by code units. */
  keys: readonly string[];
  /** Keys found only in quoted sentences (the candidate search looks a text up under them too), in first-seen order. */
  quotedKeys: readonly string[];
  /** Per key number, `hashString` of the key (ascending). The arrays below are 16-bit where the text allows (`NARROW_LIMIT`). */
  hashes: Uint32Array;
  /** Per sentence, its words' range in `wordStart` (quoted sentences: empty); one more entry than sentences. */
  sentenceStart: Indexes;
  /** Per word, its keys' range in `wordKeys`. */
  wordStart: Indexes;
  wordKeys: Indexes;
  /** Per key number, its sentences' range in `postSentences` (ascending sentences). */
  postStart: Indexes;
  postSentences: Indexes;
}

/** Sentences in the text (quoted ones included). */
export function sentenceCount(k: KeyedSentences): number {
  return k.sentenceStart.length - 1;
}

/** Words of sentence `i` the alignment counts (0 for a quoted sentence). */
export function wordsIn(k: KeyedSentences, i: number): number {
  return (k.sentenceStart[i + 1] as number) - (k.sentenceStart[i] as number);
}

/** Every key of the text, quoted sentences' included, each once. */
export function* keysOf(k: KeyedSentences): Iterable<string> {
  yield* k.keys;
  yield* k.quotedKeys;
}

const byHashThenKey =
  (hashes: readonly number[], keys: readonly string[]) =>
  (a: number, b: number): number => {
    const d = (hashes[a] as number) - (hashes[b] as number);
    if (d !== 0) return d;
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  };

/** The sentences' keys numbered as first met, each word as those numbers, each key's sentences. */
function collect(sentences: readonly CrossSentence[]) {
  const ids = new Map<string, number>();
  const seen: string[] = [];
  const sentenceStart: number[] = [0];
  const wordStart: number[] = [0];
  const wordKeys: number[] = [];
  const posts: number[][] = [];
  const quoted = new Set<string>();
  sentences.forEach((y, j) => {
    if (y.quoted) {
      for (const w of y.words) for (const k of w) quoted.add(k);
    } else {
      for (const w of y.words) {
        for (const k of w) {
          let id = ids.get(k);
          if (id === undefined) {
            id = seen.length;
            ids.set(k, id);
            seen.push(k);
            posts.push([]);
          }
          wordKeys.push(id);
          const post = posts[id] as number[];
          if (post[post.length - 1] !== j) post.push(j);
        }
        wordStart.push(wordKeys.length);
      }
    }
    sentenceStart.push(wordStart.length - 1);
  });
  return { ids, seen, sentenceStart, wordStart, wordKeys, posts, quoted };
}

/** The keyed form of a text's sentences (a profile's, or a review's paragraphs). */
export function keySentences(sentences: readonly CrossSentence[]): KeyedSentences {
  const { ids, seen, sentenceStart, wordStart, wordKeys, posts, quoted } = collect(sentences);
  // Number the keys in merge order: `rank[id]` is the key's number.
  const seenHashes = seen.map(hashString);
  const order = seen.map((_, id) => id).sort(byHashThenKey(seenHashes, seen));
  const rank = new Int32Array(seen.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  const postTotal = posts.reduce((s, p) => s + p.length, 0);
  // Hashes take 32 bits; every other number fits in 16 when the text has fewer than 65,536 of
  // each thing counted (a news article has a few hundred keys and a few dozen sentences).
  const narrow = Math.max(wordKeys.length, postTotal, wordStart.length, sentenceStart.length) < NARROW_LIMIT;
  const Index = narrow ? Uint16Array : Int32Array;
  const width = narrow ? 2 : 4;
  const rest = [sentenceStart.length, wordStart.length, wordKeys.length, seen.length + 1, postTotal];
  const buffer = new ArrayBuffer(4 * seen.length + width * rest.reduce((s, n) => s + n, 0));
  const hashes = new Uint32Array(buffer, 0, seen.length);
  let at = 4 * seen.length;
  const view = (length: number): Indexes => {
    const v = new Index(buffer, at, length);
    at += width * length;
    return v;
  };
  const starts = view(sentenceStart.length);
  const words = view(wordStart.length);
  const wordKeyNumbers = view(wordKeys.length);
  const postStart = view(seen.length + 1);
  const postSentences = view(postTotal);
  starts.set(sentenceStart);
  words.set(wordStart);
  wordKeys.forEach((id, q) => {
    wordKeyNumbers[q] = rank[id] as number;
  });
  let p = 0;
  order.forEach((id, r) => {
    hashes[r] = seenHashes[id] as number;
    postStart[r] = p;
    for (const j of posts[id] as number[]) postSentences[p++] = j;
  });
  postStart[seen.length] = p;
  return {
    keys: order.map((id) => seen[id] as string),
    quotedKeys: [...quoted].filter((k) => !ids.has(k)),
    hashes,
    sentenceStart: starts,
    wordStart: words,
    wordKeys: wordKeyNumbers,
    postStart,
    postSentences,
  };
}

/**
 * `k` with its arrays copied into one buffer of their own, laid out as `keySentences` lays them
 * out: for a keyed form whose arrays view a larger buffer (one read back from a scan's shelf, whose
 * arrays view every byte read, about twice theirs), so that it holds no more than it would have
 * when made.
 */
export function ownKeyed(k: KeyedSentences): KeyedSentences {
  // The hashes first: 32-bit, at offset 0; the other arrays are all 16-bit or all 32-bit.
  const [hashes, sentenceStart, wordStart, wordKeys, postStart, postSentences] = copiedTogether([
    k.hashes,
    k.sentenceStart,
    k.wordStart,
    k.wordKeys,
    k.postStart,
    k.postSentences,
  ] as const);
  return { ...k, hashes, sentenceStart, wordStart, wordKeys, postStart, postSentences };
}
