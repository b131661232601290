/**
 * The normalized articles of a scan as its stages read them (`Kept`): held as they are, or (a large
 * scan given a shelf: `ScanOptions.shelf`) each put on the shelf the moment it is normalized and
 * read back one at a time when a stage needs it whole (pipeline/shelvedArticle.ts): the groups of
 * identical copies, the fingerprints, the cross-language profiles and the candidates' signatures
 * read each once or twice, in order; the score stage with the character shingles it makes; the
 * notes, the explanations and the copies' pairs when they come to it. What the other stages read
 * of an article (its language, title, date, what normalization set aside, its sizes) is kept
 * beside, and each fingerprint without its article (`HeldFingerprint`), its word shingles and
 * sentence terms on the shelf after the articles (`ShelvedWords`: 3.7 KB a fingerprint held to
 * the events stage, 36.4 MB for 9,749 in that snapshot), read back with the article.
 *
 * Held, the normalized articles were the largest part of what a large scan held from its first
 * stage to its last: about 21 KB an article of the bench corpus (its first 10,000 articles after
 * the candidates stage: 210 of 430 MB in a heap snapshot, `scripts/heapHolders.ts`).
 */
import { charShinglesBytesBound, type Fingerprint } from '../core/fingerprint/fingerprint.js';
import { ownString } from '../core/text/own.js';
import { createVocabulary, type TermVocabulary } from '../core/text/vocabulary.js';
import type { NormalizationAction, NormalizedArticle, Sequence, Shelf } from '../types/index.js';
import type { ArticleHead, FingerprintWords, HeldFingerprint, ScoringFingerprints } from './scoring.js';
import { type ShelvedArticle, shelvedArticle, unshelvedArticle } from './shelvedArticle.js';

/** A fingerprint's word shingles and sentence terms as they go on the shelf (their vocabulary is the scan's). */
interface ShelvedWords {
  words: Uint32Array;
  ids: Uint32Array;
  offsets: Int32Array;
}

/** Where a scan keeps its normalized articles as it makes them (`heldStore`, `shelfStore`). */
export interface ArticleStore {
  /** Whether the articles go on a shelf. */
  readonly shelved: boolean;
  /** Keeps article i (each once, in order). */
  add(i: number, article: NormalizedArticle): void;
  /** Article i, held or read back. */
  articleOf(i: number): NormalizedArticle;
  /**
   * Fingerprint k (of article i) as the store keeps it: whole when the articles are held, without
   * its article (its head instead) when they are shelved.
   */
  keepFingerprint(k: number, i: number, fp: Fingerprint): HeldFingerprint;
  /** Once every article is added and fingerprinted: the store as the stages read it. */
  finish(fps: HeldFingerprint[], firsts: readonly number[]): Kept;
  /** Closes the shelf, if any (once: a second call does nothing); nothing is read after. */
  close(): void;
}

/** The articles as the stages after `prepare` read them. */
export interface Kept {
  /** One per fingerprint: whole, or without its article (`HeldFingerprint`) when shelved. */
  fingerprints: ScoringFingerprints;
  /** Article i (copies too), held or read back. */
  articleOf: (i: number) => NormalizedArticle;
  /** Per article: what the summaries read of it, its tokens and its clean text's length. */
  heads: readonly ArticleHead[];
  words: readonly number[];
  cleanLength: readonly number[];
  /** Lets go of the fingerprints and articles (the events stage, once their traits are read). */
  release: () => void;
}

/** Fingerprint k's article, held or read back, one at a time (`Sequence`). */
export function fingerprintArticles(kept: Kept): Sequence<NormalizedArticle> {
  return { length: kept.fingerprints.fps.length, at: (k) => wholeArticle(kept.fingerprints, k) };
}

/**
 * Fingerprint k whole, its article held or read back, one at a time (`Sequence`): what the
 * candidates' functions are given. They read the articles, not the word shingles and sentence
 * terms, so those are read back from the shelf only when first read (once each).
 */
export function wholeFingerprints(kept: Kept): Sequence<Fingerprint> {
  const f = kept.fingerprints;
  if (f.shelved === undefined) return f.fps;
  const { shelved } = f;
  return {
    length: f.fps.length,
    at: (k) => {
      const held = f.fps[k];
      if (held === undefined) return undefined;
      let words: FingerprintWords | undefined;
      const read = (): FingerprintWords => {
        words ??= shelved.wordsOf(k);
        return words;
      };
      return Object.defineProperties(
        { ...held, article: shelved.articleOf(k) },
        {
          words: { get: () => read().words, enumerable: true },
          sentenceTerms: { get: () => read().sentenceTerms, enumerable: true },
        },
      ) as Fingerprint;
    },
  };
}

/** Fingerprint k's word shingles and sentence terms, held or read back, one at a time (`Sequence`). */
export function fingerprintWords(kept: Kept): Sequence<FingerprintWords> {
  const f = kept.fingerprints;
  if (f.shelved === undefined) return f.fps;
  const { shelved } = f;
  return { length: f.fps.length, at: (k) => shelved.wordsOf(k) };
}

function wholeArticle(f: ScoringFingerprints, k: number): NormalizedArticle {
  return f.shelved === undefined ? (f.fps[k] as Fingerprint).article : f.shelved.articleOf(k);
}

/** The articles held as they are made. */
export function heldStore(): ArticleStore {
  const normalized: NormalizedArticle[] = [];
  const articleOf = (i: number): NormalizedArticle => normalized[i] as NormalizedArticle;
  return {
    shelved: false,
    add: (i, article) => {
      normalized[i] = article;
    },
    articleOf,
    keepFingerprint: (_k, _i, fp) => fp,
    finish: (fps) => {
      const whole = fps as Fingerprint[];
      return {
        fingerprints: { fps: whole },
        articleOf,
        heads: normalized,
        words: normalized.map((a) => a.tokens.length),
        cleanLength: normalized.map((a) => a.clean.length),
        release: () => {
          normalized.length = 0;
          whole.length = 0;
        },
      };
    },
    close: () => undefined,
  };
}

/** An action with a string of its own (a slice of the text would keep the whole text). */
export function ownAction(a: NormalizationAction): NormalizationAction {
  return a.text === undefined ? a : { ...a, text: ownString(a.text) };
}

/** An article's head with strings of its own: a slice of its text would keep the whole text. */
function ownHead(a: NormalizedArticle): ArticleHead {
  return {
    id: a.id,
    lang: a.lang,
    ...(a.title !== undefined ? { title: ownString(a.title) } : {}),
    ...(a.date !== undefined ? { date: a.date } : {}),
    actions: a.actions.map(ownAction),
  };
}

/**
 * Each article put on `shelf` as it is added (`shelvedArticle`, its tokens numbered in one list
 * for the scan) and let go of; read back (`unshelvedArticle`) whenever asked for. The caller
 * closes the shelf.
 */
export function shelfStore(shelf: Shelf): ArticleStore {
  const tokens = createVocabulary();
  const heads: ArticleHead[] = [];
  const words: number[] = [];
  const cleanLength: number[] = [];
  const bounds: number[] = [];
  let closed = false;
  // Where the fingerprints' words start on the shelf, and the vocabulary their sentence terms share.
  let fingerprintsFrom: number | undefined;
  let vocabulary: TermVocabulary | undefined;
  const articleOf = (i: number): NormalizedArticle => {
    const shelved = shelf.get(i) as ShelvedArticle | undefined;
    if (!shelved) throw new Error(`scan: article ${i} is not on the shelf`);
    return unshelvedArticle(shelved, tokens.terms);
  };
  const wordsOf = (k: number, shared: TermVocabulary | undefined): FingerprintWords => {
    const parts = shelf.get((fingerprintsFrom ?? 0) + k) as ShelvedWords | undefined;
    if (!parts) throw new Error(`scan: the words of fingerprint ${k} are not on the shelf`);
    // A scan numbers every fingerprint's sentence terms in its one vocabulary (its `WordCache`).
    if (!shared) throw new Error('scan: the shelved fingerprints do not share one vocabulary');
    return { words: parts.words, sentenceTerms: { vocabulary: shared, ids: parts.ids, offsets: parts.offsets } };
  };
  return {
    shelved: true,
    add: (i, article) => {
      shelf.put(i, shelvedArticle(article, tokens));
      heads[i] = ownHead(article);
      words[i] = article.tokens.length;
      cleanLength[i] = article.clean.length;
    },
    articleOf,
    keepFingerprint: (k, i, fp) => {
      bounds[k] = charShinglesBytesBound(fp.article);
      // After the articles (every one is added before the first fingerprint is made).
      fingerprintsFrom ??= heads.length;
      const { words: shingles, sentenceTerms, article: _article, ...rest } = fp;
      if (k === 0) vocabulary = sentenceTerms.vocabulary;
      else if (sentenceTerms.vocabulary !== vocabulary) vocabulary = undefined;
      const parts: ShelvedWords = { words: shingles, ids: sentenceTerms.ids, offsets: sentenceTerms.offsets };
      shelf.put(fingerprintsFrom + k, parts);
      return { ...rest, article: heads[i] as ArticleHead };
    },
    finish: (fps, firsts) => {
      // Every article is on the shelf: from now on the list is only read.
      tokens.ids.clear();
      return {
        fingerprints: {
          fps,
          shelved: {
            articleOf: (k) => articleOf(firsts[k] as number),
            wordsOf: (k) => wordsOf(k, vocabulary),
            vocabulary: fps.length > 0 ? vocabulary : undefined,
            shinglesBound: (k) => bounds[k] as number,
          },
        },
        articleOf,
        heads,
        words,
        cleanLength,
        release: () => {
          fps.length = 0;
          heads.length = 0;
        },
      };
    },
    close: () => {
      if (closed) return;
      closed = true;
      shelf.close();
    },
  };
}
