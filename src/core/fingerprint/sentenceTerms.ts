/**
 * The content terms of each sentence, compact: numbered terms (`TermVocabulary`) in one
 * `Uint32Array`, each sentence's distinct ids sorted, where a fingerprint held a `Set<string>` per
 * sentence (9.7 KB an article, these 1.6 KB: the heap after a collection with and without them,
 * 3,000 articles of the bench corpus, where an article's fingerprint and normalized form held
 * 57 KB). The alignment (relation/monotone.ts) compares two sentences
 * by a merge of their ids, whose count of shared terms, and so every Dice, is exactly the sets'.
 *
 * Ids are comparable within one vocabulary: the scan numbers every fingerprint's terms in one
 * (its `WordCache`'s). Two fingerprints numbered apart (made without a shared cache, as
 * `compare` does) are still compared exactly: `inVocabulary` renumbers one into the other's.
 */
import { intersectionSizeIn } from '../similarity/sets.js';
import { type TermVocabulary, termId } from '../text/vocabulary.js';

/** Sentence k's distinct term ids, ascending, are `ids[offsets[k]]` up to `ids[offsets[k + 1]]`. */
export interface SentenceTerms {
  vocabulary: TermVocabulary;
  ids: Uint32Array;
  /** One more than there are sentences; `offsets[0]` is 0. */
  offsets: Int32Array;
}

/** Each sentence's terms (repeats allowed) numbered, de-duplicated and sorted. */
export function toSentenceTerms(
  perSentence: readonly (readonly string[])[],
  vocabulary: TermVocabulary,
): SentenceTerms {
  return sentenceTermsOfIds(
    perSentence.map((terms) => terms.map((t) => termId(vocabulary, t))),
    vocabulary,
  );
}

/** Each sentence's terms, already numbered in `vocabulary` (repeats allowed), de-duplicated and sorted. */
export function sentenceTermsOfIds(
  perSentence: readonly (readonly number[])[],
  vocabulary: TermVocabulary,
): SentenceTerms {
  let total = 0;
  for (const terms of perSentence) total += terms.length;
  const ids = new Uint32Array(total);
  const offsets = new Int32Array(perSentence.length + 1);
  let end = 0;
  perSentence.forEach((terms, k) => {
    const start = end;
    ids.set(terms, start);
    end += terms.length;
    ids.subarray(start, end).sort();
    // Repeats are now neighbours: keep the first of each run.
    let kept = start;
    for (let i = start; i < end; i++) if (i === start || ids[i] !== ids[kept - 1]) ids[kept++] = ids[i] as number;
    end = kept;
    offsets[k + 1] = end;
  });
  return { vocabulary, ids: end === total ? ids : ids.slice(0, end), offsets };
}

export function sentenceCount(s: SentenceTerms): number {
  return s.offsets.length - 1;
}

/** How many distinct terms sentence k has. */
export function termCount(s: SentenceTerms, k: number): number {
  return (s.offsets[k + 1] as number) - (s.offsets[k] as number);
}

/** Sentence k's terms, as strings in id order (for tests and reading; numbered by `toSentenceTerms`). */
export function termsOf(s: SentenceTerms, k: number): string[] {
  return Array.from(s.ids.subarray(s.offsets[k], s.offsets[k + 1]), (id) => s.vocabulary.terms[id] as string);
}

/**
 * Dice of sentence i of `a` and sentence j of `b` (one vocabulary): 2|A ∩ B| / (|A| + |B|), 1 for
 * two empty sentences, as `diceOfSets` (similarity/sets.ts) of their term sets.
 */
export function sentenceDice(a: SentenceTerms, i: number, b: SentenceTerms, j: number): number {
  const x = a.offsets[i] as number;
  const xEnd = a.offsets[i + 1] as number;
  const y = b.offsets[j] as number;
  const yEnd = b.offsets[j + 1] as number;
  const sizes = xEnd - x + (yEnd - y);
  if (sizes === 0) return 1;
  return (2 * intersectionSizeIn(a.ids, x, xEnd, b.ids, y, yEnd)) / sizes;
}

/**
 * `s` numbered in `vocabulary` (itself when it already is): a term the vocabulary lacks gets an
 * id of its own past the vocabulary's last, which matches nothing there, so the vocabulary is
 * left as it was (and `termsOf` cannot read such an id).
 */
export function inVocabulary(s: SentenceTerms, vocabulary: TermVocabulary): SentenceTerms {
  if (s.vocabulary === vocabulary) return s;
  const missing = new Map<string, number>();
  const ids = Uint32Array.from(s.ids, (id) => {
    const term = s.vocabulary.terms[id] as string;
    const known = vocabulary.ids.get(term);
    if (known !== undefined) return known;
    let own = missing.get(term);
    if (own === undefined) {
      own = vocabulary.terms.length + missing.size;
      missing.set(term, own);
    }
    return own;
  });
  for (let k = 0; k + 1 < s.offsets.length; k++) ids.subarray(s.offsets[k], s.offsets[k + 1]).sort();
  return { vocabulary, ids, offsets: s.offsets };
}
