/**
 * A normalized article as a large scan puts it on its shelf (scan.ts, `ScanOptions.shelf`) and
 * reads it back: its tokens as numbers into one list of the scan's tokens (each token string held
 * once, there, as the articles held them shared before), its sentences in one column of numbers
 * (their texts are slices of `clean`, as `normalizeArticle` makes them), the rest as it is. A read
 * is a few typed arrays deserialized, one array of tokens and one object per sentence.
 *
 * The normalized articles were the largest part of what a large scan held from its first stage to
 * its last, about 21 KB an article of the bench corpus (its first 10,000 articles after the
 * candidates stage: 210 of 430 MB in a heap snapshot, `scripts/heapHolders.ts`): tokens (a pointer
 * each), their offsets, the sentences as objects, the clean text. The stages from the score stage
 * on read an article only when they judge, note or explain it.
 */
import { copiedTogether } from '../core/slab.js';
import { type TermVocabulary, termId } from '../core/text/vocabulary.js';
import type { NormalizationAction, NormalizedArticle, Sentence } from '../types/index.js';

/** Numbers per sentence in `ShelvedArticle.sentences`: index, paragraph, start, end, first token, end token. */
const SENTENCE_INTS = 6;

/** A normalized article as the shelf holds it. */
export interface ShelvedArticle {
  id: string;
  clean: string;
  title?: string;
  lang: string;
  date?: string;
  /** Each token's number in the scan's list (`TermVocabulary`). */
  tokens: Uint32Array;
  tokenSpans: Uint16Array | Uint32Array;
  quoted: Uint8Array;
  /** `SENTENCE_INTS` numbers per sentence. */
  sentences: Int32Array;
  /** Sentences whose text is not the slice of `clean` their offsets name: their row and text (none from `normalizeArticle`). */
  texts?: Array<[number, string]>;
  actions: NormalizationAction[];
}

/** `article` as the shelf holds it, its tokens numbered in `tokens` (new ones numbered now). */
export function shelvedArticle(article: NormalizedArticle, tokens: TermVocabulary): ShelvedArticle {
  const ids = new Uint32Array(article.tokens.length);
  article.tokens.forEach((t, n) => {
    ids[n] = termId(tokens, t);
  });
  const sentences = new Int32Array(SENTENCE_INTS * article.sentences.length);
  const texts: Array<[number, string]> = [];
  article.sentences.forEach((s, row) => {
    sentences.set([s.index, s.paragraph, s.start, s.end, s.tokenStart, s.tokenEnd], SENTENCE_INTS * row);
    if (s.text !== article.clean.slice(s.start, s.end)) texts.push([row, s.text]);
  });
  return {
    id: article.id,
    clean: article.clean,
    ...(article.title !== undefined ? { title: article.title } : {}),
    lang: article.lang,
    ...(article.date !== undefined ? { date: article.date } : {}),
    tokens: ids,
    tokenSpans: article.tokenSpans,
    quoted: article.quoted,
    sentences,
    ...(texts.length > 0 ? { texts } : {}),
    actions: article.actions,
  };
}

/** The article `shelved` holds, each token the list's string (`strings`: the vocabulary's `terms`). */
export function unshelvedArticle(shelved: ShelvedArticle, strings: readonly string[]): NormalizedArticle {
  const { clean, sentences: ints } = shelved;
  const tokens = new Array<string>(shelved.tokens.length);
  for (let n = 0; n < tokens.length; n++) {
    const token = strings[shelved.tokens[n] as number];
    if (token === undefined) throw new RangeError(`a shelved article: token number ${shelved.tokens[n]} is not listed`);
    tokens[n] = token;
  }
  // The two arrays an article keeps, out of the record read (`copiedTogether`): as views of it they
  // kept it all alive (the clean text's bytes, the token and sentence numbers; a heap snapshot
  // inside the score stage of the first 30,000 bench articles: a 10.6 KB record an article its
  // cache held, for 2–4 KB of these two).
  const [tokenSpans, quoted] = copiedTogether([shelved.tokenSpans, shelved.quoted] as const);
  // None from `normalizeArticle`: no map made for each read.
  const texts = shelved.texts ? new Map(shelved.texts) : undefined;
  const sentences: Sentence[] = [];
  for (let at = 0; at < ints.length; at += SENTENCE_INTS) {
    const start = ints[at + 2] as number;
    const end = ints[at + 3] as number;
    sentences.push({
      index: ints[at] as number,
      paragraph: ints[at + 1] as number,
      start,
      end,
      text: texts?.get(at / SENTENCE_INTS) ?? clean.slice(start, end),
      tokenStart: ints[at + 4] as number,
      tokenEnd: ints[at + 5] as number,
    });
  }
  return {
    id: shelved.id,
    clean,
    ...(shelved.title !== undefined ? { title: shelved.title } : {}),
    lang: shelved.lang,
    ...(shelved.date !== undefined ? { date: shelved.date } : {}),
    tokens,
    tokenSpans,
    quoted,
    sentences,
    actions: shelved.actions,
  };
}

/** Bytes a sentence read back takes: its object and its text (a slice of `clean`). */
const SENTENCE_BYTES = 136;

/**
 * About what an article read back from the shelf holds (`unshelvedArticle`): its clean text (the
 * string, two bytes a character in most news texts, which carry a curly quote or a dash), a
 * pointer and a number for each token, its offsets and quote marks (`copiedTogether`: no longer
 * the whole record read), and each sentence (`SENTENCE_BYTES`). The score stage's cache counts it
 * with the shingles it keeps of a made fingerprint; the cache's budget is scaled by what a sample
 * of made fingerprints counts (`cacheStart`), so the count need only be proportionate. On the
 * bench corpus's first 3,000 articles (2,645 characters, 464 tokens and 23 sentences each on
 * average; heap and buffers after a collection, a private script): 14.3 KB held an article read
 * back against 16.3 KB counted; 22.4 KB held against 22.1 counted before the arrays were copied
 * out of the record, which was then counted as the clean text a second time.
 */
export function readArticleBytes(article: NormalizedArticle): number {
  return (
    2 * article.clean.length +
    12 * article.tokens.length +
    article.tokenSpans.byteLength +
    article.quoted.byteLength +
    SENTENCE_BYTES * article.sentences.length
  );
}
