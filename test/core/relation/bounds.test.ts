// Bounds on the work one pair or one article may cost: sentence pairs scored, self-repetition
// compared, review aligned; clustering with folded copies; the listing of linked pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../../src/core/fingerprint/fingerprint.js';
import { findSelfRepetition, noteDocument, selfRepetitionWindow } from '../../../src/core/passages/selfRepetition.js';
import { DEFAULT_THRESHOLDS } from '../../../src/core/relation/classify.js';
import { clusterStories, type StoryEdge } from '../../../src/core/relation/cluster.js';
import { judgePair } from '../../../src/core/relation/judge.js';
import { listPairs } from '../../../src/core/relation/listing.js';
import { MAX_SENTENCE_PAIRS } from '../../../src/core/relation/score.js';
import { ReviewLimitError, reviewNormalized } from '../../../src/core/review/review.js';
import { vectorizeCorpus } from '../../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import type { PairResult } from '../../../src/types/index.js';

/** A text of `n` distinct sentences of 14 words (so self-repetition looks at each). */
function sentences(n: number, prefix = 'w'): string {
  return Array.from({ length: n }, (_, i) =>
    `${Array.from({ length: 14 }, (_, k) => `${prefix}${i}x${k}`).join(' ')}.`.replace(/^./, 'W'),
  ).join(' ');
}

describe('sentence pairs per scored pair', () => {
  it('over the limit, alignment and the copy test are skipped and a reason says so; the verdict stands on containment', () => {
    const text = sentences(Math.ceil(Math.sqrt(MAX_SENTENCE_PAIRS)) + 10);
    const a = fingerprintArticle(normalizeArticle({ id: 'a', text }));
    const b = fingerprintArticle(normalizeArticle({ id: 'b', text: `${text}An added closing line of the copy.` }));
    expect(a.article.sentences.length * b.article.sentences.length).toBeGreaterThan(MAX_SENTENCE_PAIRS);
    const [va, vb] = vectorizeCorpus([a.terms, b.terms]);
    const pair = judgePair(a, b, va as never, vb as never, DEFAULT_THRESHOLDS);
    expect(pair.scores.alignedAB).toBe(0);
    expect(pair.scores.copyAB).toBe(0);
    expect(pair.relation).toBe('duplicate');
    expect(pair.reasons.at(-1)).toMatchObject({ score: 'sentencePairs', threshold: MAX_SENTENCE_PAIRS, op: '>=' });
  });
});

describe('self-repetition, windowed', () => {
  it('compares every pair of a news-length article, as before', () => {
    expect(selfRepetitionWindow(110)).toBeGreaterThanOrEqual(109);
    expect(noteDocument(normalizeArticle({ id: 'x', text: sentences(120) })).filter((n) => n.kind === 'limit')).toEqual(
      [],
    );
  });

  it('narrows the window for very long texts, and notes it', () => {
    expect(selfRepetitionWindow(20_000)).toBe(100);
    expect(selfRepetitionWindow(330_000)).toBe(6);
    const n = normalizeArticle({ id: 'x', text: sentences(400) });
    const limit = noteDocument(n).find((x) => x.kind === 'limit');
    expect(limit?.text).toMatch(/^self-repetition: sentences compared only with the 250 after them \(the text has 400/);
  });

  it('finds a restatement inside the window, not beyond it', () => {
    const s = 'The two parties agreed to strengthen exchanges and cooperation in ideological and other fields';
    const text = `${s}. ${sentences(8)} ${s}.`;
    const n = normalizeArticle({ id: 'x', text });
    expect(findSelfRepetition(n, 0.6, 12, { window: 20 })).toHaveLength(1);
    expect(findSelfRepetition(n, 0.6, 12, { window: 5 })).toHaveLength(0);
  });

  it('lists at most 20 restatements and counts the rest', () => {
    const s = 'The two parties agreed to strengthen exchanges and cooperation in ideological and other fields';
    const text = Array.from({ length: 30 }, () => `${s}. Other words here.`).join(' ');
    const notes = noteDocument(normalizeArticle({ id: 'x', text }));
    expect(notes.filter((x) => x.kind === 'self-repetition')).toHaveLength(20);
    expect(notes.at(-1)?.text).toBe('self-repetition: 20 of 435 restatements listed');
  });
});

describe('review size', () => {
  it('refuses two texts with more sentence pairs than the limit, naming both counts and the limit', () => {
    const a = normalizeArticle({ id: 'a', text: sentences(30) });
    const b = normalizeArticle({ id: 'b', text: sentences(40, 'v') });
    expect(() => reviewNormalized(a, b, { maxSentencePairs: 1000 })).toThrow(ReviewLimitError);
    expect(() => reviewNormalized(a, b, { maxSentencePairs: 1000 })).toThrow(
      '30 × 40 sentences is more than the 1,000 sentence pairs a review aligns',
    );
    expect(reviewNormalized(a, b, { maxSentencePairs: 1200 }).rows.length).toBeGreaterThan(0);
  });
});

describe('clustering folded copies', () => {
  /** The same graph with each item unfolded into `weights[i]` documents, copies linked first. */
  function unfold(count: number, edges: readonly StoryEdge[], weights: readonly number[]) {
    const start: number[] = [];
    let total = 0;
    for (let i = 0; i < count; i++) {
      start.push(total);
      total += weights[i] as number;
    }
    const out: StoryEdge[] = [];
    for (let i = 0; i < count; i++)
      for (let x = 0; x < (weights[i] as number); x++)
        for (let y = x + 1; y < (weights[i] as number); y++)
          out.push({ a: (start[i] as number) + x, b: (start[i] as number) + y, strength: 100 });
    for (const e of edges)
      for (let x = 0; x < (weights[e.a] as number); x++)
        for (let y = 0; y < (weights[e.b] as number); y++)
          out.push({ a: (start[e.a] as number) + x, b: (start[e.b] as number) + y, strength: e.strength });
    const itemOf = (doc: number) => start.findLastIndex((s) => s <= doc);
    return { total, out, itemOf };
  }

  it('gives the groups the unfolded documents give', () => {
    const graph = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
        edges: fc.uniqueArray(
          fc.tuple(
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 1, max: 9 }),
          ),
          { maxLength: 12, selector: ([a, b]) => `${Math.min(a, b)},${Math.max(a, b)}` },
        ),
      }),
    );
    fc.assert(
      fc.property(graph, ({ n, weights, edges }) => {
        const items = edges.filter(([a, b]) => a !== b).map(([a, b, s]) => ({ a, b, strength: s + (a + b) / 100 }));
        const folded = clusterStories(n, items, { weights });
        const { total, out, itemOf } = unfold(n, items, weights);
        const unfolded = clusterStories(total, out).map((g) => [...new Set(g.map(itemOf))]);
        expect(folded).toEqual(unfolded);
      }),
      { numRuns: 300 },
    );
  });
});

describe('listPairs', () => {
  const pair = (a: string, b: string, relation: PairResult['relation'], cosine: number): PairResult =>
    ({ a, b, relation, scores: { cosine }, reasons: [] }) as unknown as PairResult;

  it('lists everything under the cap', () => {
    const pairs = [pair('a', 'b', 'duplicate', 0.9), pair('a', 'c', 'republication', 0.8)];
    expect(listPairs(pairs, 2)).toEqual({ listed: pairs, omitted: 0 });
  });

  it('keeps the strongest pairs of a document over the cap, in their order', () => {
    const pairs = [
      pair('a', 'b', 'translation-variant', 0.9),
      pair('a', 'c', 'duplicate', 0.8),
      pair('a', 'd', 'republication', 0.99),
      pair('b', 'c', 'duplicate', 0.5),
    ];
    const out = listPairs(pairs, 2);
    expect(out.listed.map((p) => `${p.a}${p.b}`)).toEqual(['ac', 'ad', 'bc']);
    expect(out.omitted).toBe(1);
  });
});
