/**
 * The copy test: how much of each text has a near-verbatim counterpart in the other, sentence by
 * sentence or paragraph by paragraph, in any order. Robust to OCR noise and mojibake, which break
 * character 7-grams (one in three at 5 % noise).
 */
import type { NormalizedArticle } from '../../types/index.js';
import { type BigramProfile, profileDice, rememberedProfile } from '../similarity/bigrams.js';
import { isEditSimilar } from '../similarity/edit.js';
import { sentenceTokens } from '../text/normalize.js';

/**
 * Least edit similarity (1 − Levenshtein distance / longer length, over folded characters) for two
 * sentences or paragraphs to count as copies of each other. Measured on WMT22 English sentences
 * (scripts/accuracy.ts and the README): a sentence with 5 % OCR noise keeps edit similarity ≥ 0.92
 * in 95 % of cases and ≥ 0.85 in all; two independent human translations of one sentence reach
 * 0.85 in 28 % of sentences (the formulaic ones), so a text of such sentences stays well under
 * the 0.8 coverage of a duplicate. Character-bigram Dice cannot tell them apart (53 % of human
 * translation pairs ≥ 0.8): it ignores order.
 */
export const COPY_EDIT_SIMILARITY = 0.85;
/** Character-bigram Dice below which two strings are not compared by edit distance (cheap filter; 5 %-noise copies stay above 0.86). */
const COPY_DICE_FILTER = 0.7;

/** A text as the copy test sees it: its sentences (folded words) and the paragraph of each. */
export interface CopyUnits {
  sentences: readonly string[];
  paragraphOf: readonly number[];
}

/**
 * An article's copy units, made when a pair reaches the copy test (`COPY_GATE`, score.ts) rather
 * than kept with every fingerprint: the joined sentences weighed about 6 KB an article, held for
 * the whole scan, for the few pairs that look like copies (5.9 KB: the heap after a collection
 * with and without them, 3,000 articles of the bench corpus). Their strings are the same each
 * time, so the bigram profiles remembered per string (`rememberedProfile`) are found again.
 */
export function copyUnitsOf(article: NormalizedArticle): CopyUnits {
  return {
    sentences: article.sentences.map((s) => sentenceTokens(article, s).join(' ')),
    paragraphOf: article.sentences.map((s) => s.paragraph),
  };
}

function paragraphsOf(u: CopyUnits): { texts: string[]; index: number[] } {
  const texts: string[] = [];
  const ids = new Map<number, number>();
  const index = u.sentences.map((s, i) => {
    const p = u.paragraphOf[i] ?? 0;
    let k = ids.get(p);
    if (k === undefined) {
      k = texts.length;
      ids.set(p, k);
      texts.push(s);
    } else texts[k] = `${texts[k]} ${s}`;
    return k;
  });
  return { texts, index };
}

/** For each unit of `a`, whether some unit of `b` is a copy of it; and the same for `b`. */
function matchCopies(a: readonly string[], b: readonly string[], minEdit: number): [boolean[], boolean[]] {
  const inA = a.map(() => false);
  const inB = b.map(() => false);
  const exact = new Map<string, number[]>();
  b.forEach((s, j) => {
    const list = exact.get(s);
    if (list) list.push(j);
    else exact.set(s, [j]);
  });
  // Bigram profiles, each looked up once per pair (the loop below is O(n·m)) and built once per
  // string (`rememberedProfile`: a sentence is compared in every pair of its article).
  const profileA: Array<BigramProfile | undefined> = [];
  const profileB: Array<BigramProfile | undefined> = [];
  const of = (list: Array<BigramProfile | undefined>, texts: readonly string[], k: number): BigramProfile => {
    let p = list[k];
    if (p === undefined) {
      p = rememberedProfile(texts[k] as string);
      list[k] = p;
    }
    return p;
  };
  for (let i = 0; i < a.length; i++) {
    const sa = a[i] as string;
    const same = exact.get(sa);
    if (same) {
      inA[i] = true;
      for (const j of same) inB[j] = true;
      continue;
    }
    for (let j = 0; j < b.length; j++) {
      const sb = b[j] as string;
      if (inA[i] && inB[j]) continue;
      // Edit similarity ≥ minEdit needs the shorter to be at least minEdit × the longer.
      if (Math.min(sa.length, sb.length) < minEdit * Math.max(sa.length, sb.length)) continue;
      if (profileDice(of(profileA, a, i), of(profileB, b, j)) >= COPY_DICE_FILTER && isEditSimilar(sa, sb, minEdit)) {
        inA[i] = true;
        inB[j] = true;
      }
    }
  }
  // Sentence boundaries differ between versions (noise lowers a capital, a reorder moves an
  // unpunctuated line): a unit left over on one side may be two consecutive units on the other.
  joinNeighbours(a, b, inA, inB, minEdit);
  joinNeighbours(b, a, inB, inA, minEdit);
  return [inA, inB];
}

/** Match each uncovered unit of `x` against two consecutive units of `y`. */
function joinNeighbours(
  x: readonly string[],
  y: readonly string[],
  inX: boolean[],
  inY: boolean[],
  minEdit: number,
): void {
  const joinedProfiles: Array<BigramProfile | undefined> = [];
  for (let i = 0; i < x.length; i++) {
    if (inX[i]) continue;
    const sx = x[i] as string;
    let px: BigramProfile | undefined;
    for (let j = 0; j + 1 < y.length; j++) {
      // The joined string's length first: most pairs of neighbours fail it, and need no string.
      const length = (y[j] as string).length + 1 + (y[j + 1] as string).length;
      if (Math.min(sx.length, length) < minEdit * Math.max(sx.length, length)) continue;
      const joined = `${y[j]} ${y[j + 1]}`;
      px ??= rememberedProfile(sx);
      let pj = joinedProfiles[j];
      if (pj === undefined) {
        pj = rememberedProfile(joined);
        joinedProfiles[j] = pj;
      }
      if (profileDice(px, pj) >= COPY_DICE_FILTER && isEditSimilar(sx, joined, minEdit)) {
        inX[i] = true;
        inY[j] = true;
        inY[j + 1] = true;
        break;
      }
    }
  }
}

/**
 * Shares of A's and B's text (characters of the sentence strings) that have a near-verbatim copy
 * in the other: a sentence counts when some sentence of the other text, or its whole paragraph
 * some paragraph of the other text, has edit similarity ≥ `minEdit` with it. In any order
 * (a reordered copy is still a copy); paragraphs as well as sentences, because noise that lowers
 * a capital letter moves a sentence boundary but not a line break. `dice` (character bigrams) is
 * a cheap filter before the edit distance (bigram profiles built once per unit: bigrams.ts). O(n·m)
 * comparisons: run it only on pairs that already look like copies.
 */
export function copyCoverage(
  a: CopyUnits,
  b: CopyUnits,
  minEdit: number = COPY_EDIT_SIMILARITY,
): { copyAB: number; copyBA: number } {
  const [sa, sb] = matchCopies(a.sentences, b.sentences, minEdit);
  const pa = paragraphsOf(a);
  const pb = paragraphsOf(b);
  // The paragraph pass can only cover sentences left uncovered: none left, nothing to do (a
  // duplicate's sentences all match, and its paragraphs are its longest strings to compare).
  const uncovered = sa.includes(false) || sb.includes(false);
  if (
    uncovered &&
    pa.texts.length > 0 &&
    pb.texts.length > 0 &&
    (pa.texts.length < a.sentences.length || pb.texts.length < b.sentences.length)
  ) {
    const [ca, cb] = matchCopies(pa.texts, pb.texts, minEdit);
    pa.index.forEach((k, i) => {
      if (ca[k]) sa[i] = true;
    });
    pb.index.forEach((k, j) => {
      if (cb[k]) sb[j] = true;
    });
  }
  const share = (texts: readonly string[], covered: readonly boolean[]): number => {
    let total = 0;
    let hit = 0;
    texts.forEach((t, i) => {
      total += t.length;
      if (covered[i]) hit += t.length;
    });
    return total === 0 ? 1 : hit / total;
  };
  return { copyAB: share(a.sentences, sa), copyBA: share(b.sentences, sb) };
}
