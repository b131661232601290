/**
 * Terms numbered in the order they are first met: the ids fingerprints give their sentences'
 * terms (core/fingerprint/sentenceTerms.ts), one numbering per scan, kept in its `WordCache`.
 */

/** Terms numbered in the order they are first met. */
export interface TermVocabulary {
  ids: Map<string, number>;
  terms: string[];
}

export function createVocabulary(): TermVocabulary {
  return { ids: new Map(), terms: [] };
}

/** The id of a term, numbered now if it is new. */
export function termId(vocabulary: TermVocabulary, term: string): number {
  let id = vocabulary.ids.get(term);
  if (id === undefined) {
    id = vocabulary.terms.length;
    vocabulary.ids.set(term, id);
    vocabulary.terms.push(term);
  }
  return id;
}
