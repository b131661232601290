import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPair, coverage, DEFAULT_THRESHOLDS } from '../../../src/core/relation/classify.js';
import { addCharacterNoise, createRandom, generateVariants, truncateText } from '../../../src/eval/generate.js';
import { compareArticles } from '../../../src/pipeline/compare.js';
import type { Article, PairScores } from '../../../src/types/index.js';

const seed = (name: string): Article => ({
  id: name,
  text: readFileSync(new URL(`../../../corpus/${name}.txt`, import.meta.url), 'utf8'),
});
const SEEDS = [
  '000_b20c2e0df0aa8a72',
  '001_bb560fb1aa56975a',
  '002_d3ce4053ebf7dfb8',
  '003_65bd95d5408cf1d8',
  '004_1ccc425c9663fbbb',
].map(seed);
const S2 = SEEDS[2] as Article;

const base: PairScores = {
  jaccard: 0,
  containmentAB: 0,
  containmentBA: 0,
  charContainmentAB: 0,
  charContainmentBA: 0,
  cosine: 0,
  alignedAB: 0,
  alignedBA: 0,
  lengthRatio: 1,
  copyAB: 0,
  copyBA: 0,
};
const t = DEFAULT_THRESHOLDS;

describe('classifyPair: the rules at their thresholds', () => {
  it.each([
    {
      name: 'both covered, same length → duplicate',
      s: { charContainmentAB: t.duplicate, charContainmentBA: t.duplicate, lengthRatio: t.duplicateLength },
      want: 'duplicate',
    },
    {
      name: 'both covered by near-verbatim sentences only (OCR noise) → duplicate',
      s: { charContainmentAB: 0.7, charContainmentBA: 0.72, copyAB: 0.95, copyBA: 0.96, lengthRatio: 0.99 },
      want: 'duplicate',
    },
    {
      name: 'both covered but lengths differ → republication',
      s: { charContainmentAB: 1, charContainmentBA: 0.85, lengthRatio: t.duplicateLength - 0.01 },
      want: 'republication',
    },
    {
      name: 'one side covered → republication',
      s: { charContainmentAB: t.republication, charContainmentBA: 0.4, lengthRatio: 0.4 },
      want: 'republication',
    },
    {
      name: 'coverage just short, balanced → not a copy',
      s: { charContainmentAB: t.republication - 0.001, charContainmentBA: 0.85, copyAB: 0.5, lengthRatio: 0.9 },
      want: 'unrelated',
    },
    {
      name: 'an excerpt: most of A is in B, little of B in A → republication',
      s: { charContainmentAB: 0.8, charContainmentBA: 0.4, lengthRatio: 0.5 },
      want: 'republication',
    },
    {
      name: 'an excerpt just short of the excerpt threshold → unrelated',
      s: { charContainmentAB: 0.799, charContainmentBA: 0.4, lengthRatio: 0.5 },
      want: 'unrelated',
    },
    {
      name: 'excerpt-level coverage but balanced (a close translation) → not an excerpt',
      s: { charContainmentAB: 0.85, charContainmentBA: 0.8, lengthRatio: 0.95 },
      want: 'unrelated',
    },
    {
      name: 'same vocabulary and order over both whole texts → translation variant',
      s: {
        cosine: t.translationCosine,
        alignedAB: t.translationAligned,
        alignedBA: 0.9,
        alignedSimilarity: t.translationSimilarityWhole,
        alignedPairs: t.translationPairs,
      },
      want: 'translation-variant',
    },
    {
      name: 'whole texts aligned but one sentence pair too few → unrelated',
      s: {
        cosine: 0.6,
        alignedAB: 0.6,
        alignedBA: 0.7,
        alignedSimilarity: 0.7,
        alignedPairs: (t.translationPairs ?? 4) - 1,
      },
      want: 'unrelated',
    },
    {
      name: 'a short text (3 sentence pairs) aligned nearly whole on both sides → translation variant',
      s: { cosine: 0.5, alignedAB: 0.8, alignedBA: 0.85, alignedSimilarity: 0.5, alignedPairs: 3 },
      want: 'translation-variant',
    },
    {
      name: 'a re-translated preview: aligned inside the window, one text whole, close sentences → translation variant',
      s: {
        cosine: 0.5,
        alignedAB: 0.95,
        alignedBA: 0.3,
        alignedWindowAB: 0.95,
        alignedWindowBA: 0.9,
        alignedSimilarity: t.translationSimilarity,
        alignedPairs: 5,
      },
      want: 'translation-variant',
    },
    {
      name: 'the same window, sentences matched loosely (independent reports of one ruling) → unrelated',
      s: {
        cosine: 0.55,
        alignedAB: 0.95,
        alignedBA: 0.3,
        alignedWindowAB: 0.95,
        alignedWindowBA: 0.9,
        alignedSimilarity: (t.translationSimilarity ?? 0.6) - 0.01,
        alignedPairs: 5,
      },
      want: 'unrelated',
    },
    {
      name: 'long shared passages making up half of one text → edited copy',
      s: { sharedWords: 120, passageAB: t.editedCopy, passageBA: 0.3 },
      want: 'edited-copy',
    },
    {
      name: 'a long shared passage in a longer text (several paragraphs quoted) → shares passage',
      s: { sharedWords: t.copyWords, passageAB: 0.2, passageBA: 0.15 },
      want: 'shares-passage',
    },
    {
      name: 'a shared passage one word short of the copy threshold (a common lede) → unrelated',
      s: { sharedWords: (t.copyWords ?? 30) - 1, passageAB: 0.2, passageBA: 0.25 },
      want: 'unrelated',
    },
    {
      name: 'a long shared passage both texts print as a quotation → unrelated',
      s: { sharedWords: 103, quotedWords: 83, passageAB: 0.06, passageBA: 0.1 },
      want: 'unrelated',
    },
    {
      name: 'same vocabulary and order, but loosely matched sentences (formulaic reports) → unrelated',
      s: { cosine: 0.44, alignedAB: 0.6, alignedBA: 0.59, alignedSimilarity: 0.36 },
      want: 'unrelated',
    },
    {
      name: 'same vocabulary, other order → unrelated',
      s: { cosine: 0.6, alignedAB: t.translationAligned - 0.01, alignedBA: 0.9 },
      want: 'unrelated',
    },
    {
      name: 'same order, other vocabulary → unrelated',
      s: { cosine: t.translationCosine - 0.01, alignedAB: 0.9, alignedBA: 0.9 },
      want: 'unrelated',
    },
  ])('$name', ({ s, want }) => {
    const v = classifyPair({ ...base, ...s });
    expect(v.relation).toBe(want);
    expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('names the side that holds the other as container', () => {
    expect(classifyPair({ ...base, charContainmentAB: 1, charContainmentBA: 0.3, lengthRatio: 0.3 }).container).toBe(
      'b',
    );
    expect(classifyPair({ ...base, charContainmentAB: 0.3, charContainmentBA: 1, lengthRatio: 0.3 }).container).toBe(
      'a',
    );
  });

  it('coverage takes the higher of char containment and copy coverage, per direction', () => {
    expect(coverage({ ...base, charContainmentAB: 0.7, copyAB: 0.9, charContainmentBA: 0.8, copyBA: 0.1 })).toEqual({
      ab: 0.9,
      ba: 0.8,
    });
    const { copyAB: _a, copyBA: _b, ...old } = base;
    expect(coverage({ ...old, charContainmentAB: 0.7, charContainmentBA: 0.6 })).toEqual({ ab: 0.7, ba: 0.6 });
  });
});

describe('classifyPair on real text (seed 002 and its variants, in the context of the seeds)', () => {
  const context = SEEDS;
  const noisy = (rate: number, s: number): Article => ({
    id: 'noisy',
    text: addCharacterNoise(S2.text, rate, createRandom(s)),
  });
  it.each([
    { name: 'OCR noise 1 %', b: noisy(0.01, 1), want: 'duplicate' },
    { name: 'OCR noise 5 %', b: noisy(0.05, 2), want: 'duplicate' },
    { name: 'truncated to 50 %', b: { id: 't', text: truncateText(S2.text, 0.5) }, want: 'republication' },
    ...(['boilerplate', 'reorder', 'spelling', 'quotes', 'accents', 'intro', 'drop-paragraph', 'roundup'] as const).map(
      (kind) => {
        const v = generateVariants([S2, ...SEEDS.filter((x) => x !== S2)], { seed: 3, kinds: [kind] })[0];
        return { name: `generated ${kind}`, b: { id: 'v', text: v?.text ?? '' }, want: v?.relation ?? 'missing' };
      },
    ),
  ])('$name → $want', ({ b, want }) => {
    const p = compareArticles(S2, b, { context });
    expect(p.relation, JSON.stringify(p.scores)).toBe(want);
    if (want === 'republication') expect(p.container).toBe(b.text.length > S2.text.length ? b.id : S2.id);
  });

  it('no two seeds are related (formulaic language shared by different reports)', () => {
    for (let i = 0; i < SEEDS.length; i++) {
      for (let j = i + 1; j < SEEDS.length; j++) {
        const p = compareArticles(SEEDS[i] as Article, SEEDS[j] as Article, { context });
        expect(p.relation, `${p.a} vs ${p.b}: ${JSON.stringify(p.scores)}`).toBe('unrelated');
      }
    }
  });
});
