/**
 * Everything the scorer needs of one article, computed once: word and character shingle sets,
 * stemmed content terms for TF-IDF, and the content terms of each sentence for alignment.
 */
import type { NormalizedArticle } from '../../types/index.js';
import { contentTerms } from '../text/terms.js';
import { createVocabulary } from '../text/vocabulary.js';
import { contentTermsCached, type WordCache } from '../text/wordCache.js';
import type { CrossProfile } from '../xling/profile.js';
import { type SentenceTerms, toSentenceTerms } from './sentenceTerms.js';
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
  /** Set of character 7-shingle hashes. */
  chars: Uint32Array;
  /** Stemmed content words, in order (for TF-IDF). */
  terms: string[];
  /** Stemmed content words of each sentence, numbered (for alignment). */
  sentenceTerms: SentenceTerms;
  /** The cross-language profile, when the corpus holds several languages (set by the scan). */
  cross?: CrossProfile;
}

/**
 * `cache`: the scan's words (`WordCache`): the same terms, stemmed once per word, one string each,
 * numbered in its vocabulary. Without one, the fingerprint's sentence terms get a vocabulary of
 * their own (scoring renumbers them: `inVocabulary`).
 */
export function fingerprintArticle(article: NormalizedArticle, cache?: WordCache): Fingerprint {
  const perSentence = article.sentences.map((s) =>
    cache ? contentTermsCached(cache, s.tokens, article.lang) : contentTerms(s.tokens, article.lang),
  );
  return {
    id: article.id,
    article,
    words: shingleWords(article.tokens, WORD_SHINGLE_SIZE),
    chars: shingleChars(article.tokens.join(' '), CHAR_SHINGLE_SIZE),
    terms: perSentence.flat(),
    sentenceTerms: toSentenceTerms(perSentence, cache?.vocabulary ?? createVocabulary()),
  };
}
