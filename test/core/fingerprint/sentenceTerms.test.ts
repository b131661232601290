/**
 * Sentence terms numbered in a vocabulary give exactly what sets of strings gave: each sentence's
 * distinct terms, the same Dice for every pair of sentences, and the same across two vocabularies
 * once renumbered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../../src/core/fingerprint/fingerprint.js';
import {
  inVocabulary,
  type SentenceTerms,
  sentenceCount,
  sentenceDice,
  termCount,
  termsOf,
  toSentenceTerms,
} from '../../../src/core/fingerprint/sentenceTerms.js';
import { alignMonotone, alignmentCoverage } from '../../../src/core/relation/monotone.js';
import { measurePair } from '../../../src/core/relation/score.js';
import { diceOfSets } from '../../../src/core/similarity/sets.js';
import { vectorizeCorpus } from '../../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { createVocabulary } from '../../../src/core/text/vocabulary.js';
import { createWordCache } from '../../../src/core/text/wordCache.js';
import { VARIANT_KINDS } from '../../../src/eval/generate.js';
import { readSeeds, variantsOf } from '../../store/fixtures.js';

/** Sentences of a few words from a small alphabet, so that they share terms often. */
const sentences = fc.array(
  fc.array(fc.constantFrom('ca', 'cub', 'part', 'xi', 'díaz', 'pcc', 'visit', 'ü'), { maxLength: 9 }),
  {
    maxLength: 10,
  },
);

function sets(s: SentenceTerms): Set<string>[] {
  return Array.from({ length: sentenceCount(s) }, (_, k) => new Set(termsOf(s, k)));
}

describe('toSentenceTerms', () => {
  it('holds each sentence’s distinct terms, ascending ids, and counts them', () => {
    fc.assert(
      fc.property(sentences, (list) => {
        const s = toSentenceTerms(list, createVocabulary());
        expect(sentenceCount(s)).toBe(list.length);
        list.forEach((terms, k) => {
          expect(new Set(termsOf(s, k))).toEqual(new Set(terms));
          expect(termCount(s, k)).toBe(new Set(terms).size);
          const ids = s.ids.subarray(s.offsets[k], s.offsets[k + 1]);
          expect(ids.every((v, i) => i === 0 || (ids[i - 1] as number) < v)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('numbers terms in the order they are first met, across calls on one vocabulary', () => {
    const v = createVocabulary();
    toSentenceTerms([['xi', 'visit', 'xi'], ['cub']], v);
    toSentenceTerms([['cub', 'pcc']], v);
    expect(v.terms).toEqual(['xi', 'visit', 'cub', 'pcc']);
    expect(v.ids.get('pcc')).toBe(3);
  });
});

describe('sentenceDice', () => {
  it('is the Dice of the two sentences’ term sets, in one vocabulary and across two', () => {
    fc.assert(
      fc.property(sentences, sentences, fc.boolean(), (x, y, shared) => {
        const va = createVocabulary();
        const a = toSentenceTerms(x, va);
        const b0 = toSentenceTerms(y, shared ? va : createVocabulary());
        const b = inVocabulary(b0, va);
        const sa = sets(a);
        const sb = sets(b0);
        for (let i = 0; i < x.length; i++)
          for (let j = 0; j < y.length; j++)
            expect(sentenceDice(a, i, b, j)).toBe(diceOfSets(sa[i] as Set<string>, sb[j] as Set<string>));
      }),
      { numRuns: 300 },
    );
  });

  it('renumbering leaves the vocabulary as it was and gives unknown terms ids that match nothing', () => {
    const va = createVocabulary();
    const a = toSentenceTerms([['xi', 'cub']], va);
    const b = inVocabulary(toSentenceTerms([['pcc', 'xi', 'visit']], createVocabulary()), va);
    expect(va.terms).toEqual(['xi', 'cub']);
    expect(b.vocabulary).toBe(va);
    expect(sentenceDice(a, 0, b, 0)).toBe((2 * 1) / 5);
    expect(inVocabulary(a, va)).toBe(a);
  });
});

describe('alignment on numbered terms', () => {
  it('aligns real articles and their variants as their term sets do, whatever the vocabularies', () => {
    const seeds = readSeeds();
    const articles = [...seeds, ...variantsOf(seeds, VARIANT_KINDS)].slice(0, 24);
    const cache = createWordCache();
    const shared = articles.map((a) => fingerprintArticle(normalizeArticle(a, { words: cache }), cache));
    const apart = articles.map((a) => fingerprintArticle(normalizeArticle(a)));
    const vectors = vectorizeCorpus(shared.map((f) => f.terms));
    let aligned = 0;
    const at = <T>(list: readonly T[], k: number): T => list[k] as T;
    for (let i = 0; i < articles.length; i++)
      for (let j = i + 1; j < articles.length; j++) {
        const [vi, vj] = [at(vectors, i), at(vectors, j)];
        const together = measurePair(at(shared, i), at(shared, j), vi, vj).scores;
        expect(measurePair(at(apart, i), at(apart, j), vi, vj).scores).toEqual(together);
        const a = at(shared, i).sentenceTerms;
        const b = at(shared, j).sentenceTerms;
        const matches = alignMonotone(a, b);
        aligned += matches.length;
        for (const m of matches) expect(m.similarity).toBe(diceOfSets(at(sets(a), m.a), at(sets(b), m.b)));
        const coverage = alignmentCoverage(a, b, matches);
        expect(coverage.alignedAB).toBeGreaterThanOrEqual(0);
        expect(coverage.alignedAB).toBeLessThanOrEqual(1);
      }
    // The seeds' variants are copies of them: many sentences align.
    expect(aligned).toBeGreaterThan(100);
  });
});
