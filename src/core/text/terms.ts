/**
 * Content terms: the words TF-IDF, sentence alignment and the index's term signature compare,
 * stemmed per language with natural's stemmers (see `natural.ts`).
 */
import { getStemmer, getStopwords } from './natural.js';

/** Stemmed content words: stop words and one-letter tokens out, numbers kept. */
export function contentTerms(tokens: readonly string[], lang: string): string[] {
  const stop = getStopwords(lang);
  const stemmer = getStemmer(lang);
  const out: string[] = [];
  for (const t of tokens) {
    if (stop.has(t)) continue;
    if (t.length < 2 && !/\P{ASCII}/u.test(t) && !/\d/.test(t)) continue;
    out.push(stemmer && !/\d/.test(t) ? stemmer.stem(t) : t);
  }
  return out;
}
