/**
 * A corpus's words, folded and stemmed once: the scan normalizes and fingerprints every article
 * through one `WordCache`, so a word seen before costs one map look-up instead of NFKC, accent
 * folding, spelling and a stemmer, and every occurrence of a token or term shares one string
 * (at 3,000 bench articles: fingerprints 3.4 → 1.2 s, normalized articles 86 → 70 MB retained).
 * The values are exactly `foldWord` and `contentTerms` of the word: a cache changes nothing but
 * time and memory.
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
import { createVocabulary, type TermVocabulary } from './vocabulary.js';

export interface WordCache {
  /** Raw word (as matched in the text) → its folded token. */
  folded: Map<string, string>;
  /** Language → token → its content term, or '' when it is not a content word. */
  terms: Map<string, Map<string, string>>;
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

/** `contentTerms(tokens, lang)`, one token at a time through the cache. */
export function contentTermsCached(cache: WordCache, tokens: readonly string[], lang: string): string[] {
  let map = cache.terms.get(lang);
  if (!map) {
    map = new Map();
    cache.terms.set(lang, map);
  }
  const out: string[] = [];
  for (const t of tokens) {
    let term = map.get(t);
    if (term === undefined) {
      term = contentTerms([t], lang)[0] ?? '';
      if (map.size >= cache.maxEntries) map.clear();
      map.set(t, term);
    }
    if (term !== '') out.push(term);
  }
  return out;
}
