/**
 * Everything the scorer needs of one article, computed once: word and character shingle sets,
 * stemmed content terms for TF-IDF, and the content terms of each sentence for alignment.
 */
import type { NormalizedArticle } from '../../types/index.js';
import { sentenceTokens } from '../text/normalize.js';
import { contentTerms } from '../text/terms.js';
import { createVocabulary } from '../text/vocabulary.js';
import { contentTermIdsCached, type WordCache } from '../text/wordCache.js';
import type { CrossProfile } from '../xling/profile.js';
import { type SentenceTerms, sentenceTermsOfIds, toSentenceTerms } from './sentenceTerms.js';
import { shingleChars, shingleWords } from './shingle.js';

/**
 * Word shingle size. 5 words: long enough that two different reports rarely share a shingle by
 * chance (the seeds, which share formulaic phrases, keep word-5 containment under 0.15), short
 * enough that a re-spelled or re-punctuated copy keeps most of its shingles (one changed word
 * spoils at most 5).
 */
export const WORD_SHINGLE_SIZE = 5;
/**
 * Character shingle size over the folded text. 7 characters: OCR noise at 3 % of characters
 * leaves about 0.97^7 ≈ 81 % of shingles intact (word-5 shingles keep about half), while the
 * character 7-grams two unrelated English news texts share stay near 20 %.
 */
export const CHAR_SHINGLE_SIZE = 7;

export interface Fingerprint {
  id: string;
  article: NormalizedArticle;
  /** Set of word 5-shingle hashes. */
  words: Uint32Array;
  /**
   * Set of character 7-shingle hashes; absent when the fingerprint was made without them
   * (`{ chars: false }`), read then with `charShinglesOf`.
   */
  chars?: Uint32Array;
  /**
   * Stemmed content words, in order (for TF-IDF and the candidates' term signatures). A scan
   * empties it once its candidates are found (nothing after reads it).
   */
  terms: string[];
  /** Stemmed content words of each sentence, numbered (for alignment). */
  sentenceTerms: SentenceTerms;
  /** The cross-language profile, when the corpus holds several languages (set by the scan). */
  cross?: CrossProfile;
}

export interface FingerprintOptions {
  /**
   * `false`: leave the character shingles out, to be made when a pair is scored
   * (`charShinglesOf`). The scan does: they are a fingerprint's largest part (10.3 KB of an
   * article's 44 KB on the bench corpus, 3,000 articles, heap and buffers after a collection with
   * and without them) and only the score stage reads them, once or a few times an article; making
   * them takes about 0.17 ms an article.
   */
  chars?: false;
}

function charShinglesOfText(article: NormalizedArticle): Uint32Array {
  return shingleChars(article.tokens.join(' '), CHAR_SHINGLE_SIZE);
}

/**
 * The most bytes an article's character shingles can take (`withChars`), read from its tokens
 * without making them: one 4-byte hash per window of `CHAR_SHINGLE_SIZE` characters of its
 * tokens joined by spaces (fewer when windows repeat).
 */
export function charShinglesBytesBound(article: Pick<NormalizedArticle, 'tokens'>): number {
  let length = article.tokens.length - 1;
  for (const t of article.tokens) length += t.length;
  return 4 * Math.max(1, length - CHAR_SHINGLE_SIZE + 1);
}

/** A fingerprint's character shingles: those it holds, or made now from its article. */
export function charShinglesOf(fp: Fingerprint): Uint32Array {
  return fp.chars ?? charShinglesOfText(fp.article);
}

/** `fp` with its character shingles (itself when it holds them): for a fingerprint scored against several others. */
export function withChars(fp: Fingerprint): Fingerprint {
  return fp.chars ? fp : { ...fp, chars: charShinglesOfText(fp.article) };
}

/**
 * `cache`: the scan's words (`WordCache`): the same terms, stemmed once per word, one string each,
 * numbered in its vocabulary. Without one, the fingerprint's sentence terms get a vocabulary of
 * their own (scoring renumbers them: `inVocabulary`).
 */
export function fingerprintArticle(
  article: NormalizedArticle,
  cache?: WordCache,
  options: FingerprintOptions = {},
): Fingerprint {
  let terms: string[];
  let sentenceTerms: SentenceTerms;
  if (cache) {
    // Each sentence's terms by number (one look-up a token), then as strings.
    const perSentence = article.sentences.map((s) =>
      contentTermIdsCached(cache, article.tokens, article.lang, s.tokenStart, s.tokenEnd),
    );
    const vocabulary = cache.vocabulary.terms;
    // Made at its length: a scan holds every article's until its candidates are found, and an
    // array grown by `push` keeps room to spare (a quarter more on average).
    let count = 0;
    for (const ids of perSentence) count += ids.length;
    terms = new Array<string>(count);
    let at = 0;
    for (const ids of perSentence) for (const id of ids) terms[at++] = vocabulary[id] as string;
    sentenceTerms = sentenceTermsOfIds(perSentence, cache.vocabulary);
  } else {
    const perSentence = article.sentences.map((s) => contentTerms(sentenceTokens(article, s), article.lang));
    terms = perSentence.flat();
    sentenceTerms = toSentenceTerms(perSentence, createVocabulary());
  }
  return {
    id: article.id,
    article,
    words: shingleWords(article.tokens, WORD_SHINGLE_SIZE),
    ...(options.chars === false ? {} : { chars: charShinglesOfText(article) }),
    terms,
    sentenceTerms,
  };
}
