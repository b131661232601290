/**
 * A corpus's words, folded and stemmed once: the scan normalizes and fingerprints every article
 * through one `WordCache`, so a word seen before costs one map look-up instead of NFKC, accent
 * folding, spelling and a stemmer, and every occurrence of a token or term shares one string
 * (at 3,000 bench articles: fingerprints 3.4 → 1.2 s, normalized articles 86 → 70 MB retained).
 * What it gives is exactly `foldWord` and `contentTerms` of the word (a term kept by its number
 * in `vocabulary`): a cache changes nothing but time and memory.
 *
 * Not tokenCache.ts's caches: those key a word by its language, which the index knows before it
 * reads the words, while `normalizeArticle` learns it from the cleaned text after tokenizing (the
 * fold does not depend on the language; the terms, looked up after, do).
 *
 * The caller owns it (one per scan), never module state; each map is cleared when it outgrows
 * `maxEntries`, so a corpus of any vocabulary stays bounded. All but `vocabulary`: the numbers
 * fingerprints give their sentences' terms (core/fingerprint/sentenceTerms.ts) must stay the same
 * for as long as those fingerprints are compared, so it keeps every term it numbered (one string
 * and one number a distinct term, which the scan's TF-IDF vocabulary holds as well).
 */

import { contentTerms } from './terms.js';
import { foldWord } from './tokens.js';
import { createVocabulary, type TermVocabulary, termId } from './vocabulary.js';

export interface WordCache {
  /** Raw word (as matched in the text) → its folded token. */
  folded: Map<string, string>;
  /**
   * Language → token → the number (in `vocabulary`) of its content term, or -1 when it is not a
   * content word: a fingerprint needs the term's number as well as the term, and one look-up
   * gives both (two were a third of fingerprinting: `node --cpu-prof`, 10,000 bench articles).
   */
  terms: Map<string, Map<string, number>>;
  maxEntries: number;
  /** Every content term numbered so far; never cleared. */
  vocabulary: TermVocabulary;
}

export function createWordCache(maxEntries = 500_000): WordCache {
  return { folded: new Map(), terms: new Map(), maxEntries, vocabulary: createVocabulary() };
}

/** `foldWord(raw)`, through the cache. */
export function foldCached(cache: WordCache, raw: string): string {
  let f = cache.folded.get(raw);
  if (f === undefined) {
    f = foldWord(raw);
    if (cache.folded.size >= cache.maxEntries) cache.folded.clear();
    cache.folded.set(raw, f);
  }
  return f;
}

/**
 * The numbers in `cache.vocabulary` of `contentTerms(tokens[start..end), lang)`, in order, one
 * token at a time through the cache. A term is numbered where its first token is first met, which
 * is where the first of its occurrences stands: the numbers are those `toSentenceTerms` gives the
 * terms in the same order.
 */
export function contentTermIdsCached(
  cache: WordCache,
  tokens: readonly string[],
  lang: string,
  start = 0,
  end = tokens.length,
): number[] {
  let map = cache.terms.get(lang);
  if (!map) {
    map = new Map();
    cache.terms.set(lang, map);
  }
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const t = tokens[i] as string;
    let id = map.get(t);
    if (id === undefined) {
      const term = contentTerms([t], lang)[0] ?? '';
      id = term === '' ? -1 : termId(cache.vocabulary, term);
      if (map.size >= cache.maxEntries) map.clear();
      map.set(t, id);
    }
    if (id >= 0) out.push(id);
  }
  return out;
}

/** `contentTerms(tokens, lang)`, one token at a time through the cache. */
export function contentTermsCached(cache: WordCache, tokens: readonly string[], lang: string): string[] {
  const { terms } = cache.vocabulary;
  return contentTermIdsCached(cache, tokens, lang).map((id) => terms[id] as string);
}
