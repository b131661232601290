/**
 * Identical articles, found before any pair is compared: a dump with many reposts holds hundreds
 * of copies of one text, and comparing them pair by pair is quadratic in the size of that story
 * (1,500 copies are 1.1 million pairs). Articles whose matching form is the same — the same
 * language, the same folded words in the same sentences and paragraphs — are scored alike against
 * every other article, so only the first of each group is compared; the others follow it.
 *
 * Found in linear time: a 64-bit hash of the matching form buckets the articles, and each article
 * is compared word by word with the groups already in its bucket, so a hash collision never joins
 * two different texts.
 */
import type { NormalizedArticle, PairResult } from '../../types/index.js';
import { roundScore } from '../round.js';
import { diceSimilarity } from '../similarity/stringSimilarity.js';

export interface IdenticalGroups {
  /** For each article, the index of the first article with the same matching form (itself when it is first). */
  firstOf: number[];
  /** The first article of each group, in corpus order. */
  firsts: number[];
  /** For each first article (by its index in `firsts`), the indexes of its group, itself first. */
  members: number[][];
}

/** Two 32-bit FNV-style hashes over language, paragraphs, sentence boundaries and folded words. */
function hashMatchingForm(a: NormalizedArticle): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ a.tokens.length;
  const feed = (c: number): void => {
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  };
  for (let i = 0; i < a.lang.length; i++) feed(a.lang.charCodeAt(i));
  for (const s of a.sentences) {
    feed(0x1e0000 + s.paragraph);
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = a.tokens[k] as string;
      for (let i = 0; i < t.length; i++) feed(t.charCodeAt(i));
      feed(0x20);
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Whether two articles have the same matching form (what every score is computed from). */
export function isSameMatchingForm(a: NormalizedArticle, b: NormalizedArticle): boolean {
  if (a.lang !== b.lang || a.tokens.length !== b.tokens.length || a.sentences.length !== b.sentences.length)
    return false;
  for (let k = 0; k < a.sentences.length; k++) {
    const x = a.sentences[k] as NormalizedArticle['sentences'][number];
    const y = b.sentences[k] as NormalizedArticle['sentences'][number];
    if (x.paragraph !== y.paragraph || x.tokenStart !== y.tokenStart || x.tokenEnd !== y.tokenEnd) return false;
  }
  for (let t = 0; t < a.tokens.length; t++) if (a.tokens[t] !== b.tokens[t]) return false;
  return true;
}

/**
 * Group the articles whose matching form is identical; groups keep corpus order. A text with no
 * words is never grouped: it is never linked to anything, not even to another empty text.
 */
export function groupIdentical(articles: readonly NormalizedArticle[]): IdenticalGroups {
  return groupByMatchingForm(articles.map(matchingFormKey), (f, i) =>
    isSameMatchingForm(articles[f] as NormalizedArticle, articles[i] as NormalizedArticle),
  );
}

/** The key `groupByMatchingForm` buckets an article by (a hash of its matching form), none for a text with no words. */
export function matchingFormKey(article: NormalizedArticle): string | undefined {
  return article.tokens.length === 0 ? undefined : hashMatchingForm(article);
}

/**
 * `groupIdentical` from each article's key (`matchingFormKey`, taken as it was normalized) and
 * `same(f, i)`: whether article i has the matching form of article f, asked only of articles
 * with the same key (a scan that shelved its articles reads the two back: `isSameMatchingForm`).
 */
export function groupByMatchingForm(
  keys: readonly (string | undefined)[],
  same: (f: number, i: number) => boolean,
): IdenticalGroups {
  const byHash = new Map<string, number[]>();
  const firstOf: number[] = [];
  const firsts: number[] = [];
  const members: number[][] = [];
  const groupOf = new Map<number, number>();
  keys.forEach((h, i) => {
    const bucket = h === undefined ? undefined : byHash.get(h);
    const first = bucket?.find((f) => same(f, i));
    if (first === undefined) {
      if (bucket) bucket.push(i);
      else if (h !== undefined) byHash.set(h, [i]);
      groupOf.set(i, firsts.length);
      firsts.push(i);
      members.push([i]);
      firstOf.push(i);
    } else {
      firstOf.push(first);
      (members[groupOf.get(first) as number] as number[]).push(i);
    }
  });
  return { firstOf, firsts, members };
}

/**
 * The pairs a group of identical copies is listed by: each copy against the first of the group.
 * `self` is the first judged against itself: every score of two identical matching forms is the
 * same, so each copy's pair is `self` with the copy's id, and the Dice of the two titles (which
 * are not part of the matching form) when both have one.
 */
export function pairsOfCopies(
  self: PairResult,
  first: NormalizedArticle,
  copies: readonly NormalizedArticle[],
): PairResult[] {
  return copies.map((copy) => {
    const scores = { ...self.scores };
    delete scores.titleDice;
    if (first.title !== undefined && copy.title !== undefined)
      scores.titleDice = roundScore(diceSimilarity(first.title.toLowerCase(), copy.title.toLowerCase()));
    return { ...self, b: copy.id, scores };
  });
}
