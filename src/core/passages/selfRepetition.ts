/**
 * Notes about one document on its own: passages it repeats within itself (seed 000's intro
 * restates a paragraph of the report it republishes), and a text with no words left.
 */
import type { DocumentNote, NormalizedArticle } from '../../types/index.js';
import { roundScore } from '../round.js';
import { diceOfSets } from '../similarity/sets.js';

/** Pairs of sentences within one article that restate each other (Dice of word sets ≥ `minSimilarity`). */
export function findSelfRepetition(article: NormalizedArticle, minSimilarity = 0.6, minWords = 12): DocumentNote[] {
  const notes: DocumentNote[] = [];
  const sets = article.sentences.map((s) => new Set(s.tokens));
  for (let i = 0; i < sets.length; i++) {
    const si = article.sentences[i];
    if (!si || si.tokens.length < minWords) continue;
    for (let j = i + 2; j < sets.length; j++) {
      const sj = article.sentences[j];
      if (!sj || sj.tokens.length < minWords) continue;
      const sim = diceOfSets(sets[i] as Set<string>, sets[j] as Set<string>);
      if (sim >= minSimilarity) {
        notes.push({
          kind: 'self-repetition',
          first: i,
          second: j,
          similarity: roundScore(sim),
          text: si.text.length > 120 ? `${si.text.slice(0, 119)}…` : si.text,
        });
      }
    }
  }
  return notes;
}

/**
 * Everything a report notes about one document: `empty` when no words were left after
 * normalization (it is never linked), then its self-repetitions.
 */
export function noteDocument(article: NormalizedArticle): DocumentNote[] {
  const notes = findSelfRepetition(article);
  if (article.tokens.length === 0)
    notes.unshift({
      kind: 'empty',
      first: 0,
      second: 0,
      similarity: 0,
      text: 'no words left after normalization (boilerplate or punctuation only); never linked',
    });
  return notes;
}
