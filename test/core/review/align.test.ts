import { describe, expect, it } from 'vitest';
import { alignSentences } from '../../../src/core/review/align.js';
import { reviewArticles } from '../../../src/core/review/review.js';
import type { Review } from '../../../src/types/review.js';
import { hasWmt22, readEvalRows, seed, WMT22 } from '../../helpers/fixtures.js';

const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
const SEED = paragraphs(seed('004'));
const review = (a: string[], b: string[]): Review =>
  reviewArticles({ id: 'a', text: a.join('\n\n') }, { id: 'b', text: b.join('\n\n') });
const kinds = (r: Review): string[] => r.rows.map((row) => row.kind);

describe('alignSentences on seed 004 and edited copies', () => {
  it('a copy with an added intro and one dropped paragraph: intro added, paragraph dropped, the rest aligned unchanged', () => {
    const intro = [
      "Cuba's ties with the regions of China were in focus this week.",
      'What follows was first published by a Chinese outlet.',
    ];
    const copy = [intro.join(' '), ...SEED.filter((_, k) => k !== 3)];
    const r = review(SEED, copy);
    const dropped = r.rows.filter((row) => row.kind === 'dropped');
    const added = r.rows.filter((row) => row.kind === 'added');
    expect(added.map((row) => row.b)).toEqual([[0], [1]]);
    // Paragraph 4 of the seed (index 3) holds three sentences.
    expect(dropped.map((row) => r.a.paragraphs[row.a[0] as number])).toEqual([3, 3, 3]);
    const rest = r.rows.filter((row) => row.kind !== 'added' && row.kind !== 'dropped');
    expect(rest.every((row) => row.kind === 'same' && row.a.length === 1 && row.b.length === 1)).toBe(true);
    expect(rest).toHaveLength(r.summary.sentencesA - 3);
    expect(r.summary).toMatchObject({
      sentencesAdded: 2,
      sentencesDropped: 3,
      sentencesMoved: 0,
      changedA: 0,
      changedB: 0,
    });
  });

  it('a paragraph moved to the end shows as moved, not dropped and added', () => {
    const copy = [...SEED.filter((_, k) => k !== 1), SEED[1] as string];
    const r = review(SEED, copy);
    expect(kinds(r).filter((k) => k === 'added' || k === 'dropped')).toEqual([]);
    const moved = r.rows.filter((row) => row.kind === 'moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.parts.every((p) => p.op === 'equal')).toBe(true);
    expect(r.summary.sentencesMoved).toBe(1);
  });

  it('one sentence split in two is one row, A one sentence against B two', () => {
    const split = SEED.map((p, k) =>
      k === 4
        ? 'The Shanghai government will implement the important consensus of the highest leaders of the two parties and countries and deepen friendly contacts and cultural exchanges between the two regions. It will further strengthen practical cooperation in investment, trade, technology, and other areas, and make greater contributions to the development of China-Cuba relations at the local level.'
        : p,
    );
    const r = review(SEED, split);
    const row = r.rows.find((x) => x.b.length === 2);
    expect(row).toBeDefined();
    expect(row?.a).toHaveLength(1);
    expect(r.summary.sentencesSplitOrMerged).toBe(1);
    expect(kinds(r).filter((k) => k === 'added' || k === 'dropped')).toEqual([]);
    // And the other way round: two sentences merged into one.
    const merged = review(split, SEED);
    expect(merged.rows.find((x) => x.a.length === 2)?.b).toHaveLength(1);
  });

  it('two different reports of different meetings align only their formulaic sentences', () => {
    const r = reviewArticles({ id: '002', text: seed('002') }, { id: '003', text: seed('003') });
    const aligned = r.rows.filter((row) => row.a.length > 0 && row.b.length > 0).length;
    expect(aligned / r.rows.length).toBeLessThan(0.2);
    // What they share is diplomatic boilerplate ("firmly support Cuba in …"): a few paraphrases.
    expect(r.summary.shareAinB).toBeLessThan(0.3);
    expect(r.summary.sentencesAdded).toBeGreaterThan(r.summary.sentencesB * 0.8);
  });

  it('refuses an out-of-range option, naming it and the value', () => {
    expect(() => alignSentences([], [], { minSimilarity: 1.5 })).toThrow('minSimilarity must be in [0, 1], got 1.5');
  });

  it('aligns empty texts to nothing', () => {
    expect(alignSentences([], [])).toEqual([]);
    expect(alignSentences([new Set(['a'])], [])).toEqual([{ a: [0], b: [], similarity: 0 }]);
  });
});

describe.skipIf(!hasWmt22)(
  `WMT22 news, human-A against human-B (needs ${WMT22}; skipped when ../shared/eval is absent)`,
  () => {
    it('aligns corresponding sentences one to one and shows the rewordings inside them', () => {
      const rows = readEvalRows(WMT22).filter((r) => r.domain === 'news');
      const clusters = [...new Set(rows.map((r) => r.cluster))];
      let total = 0;
      let inPlace = 0;
      let reworded = 0;
      let documents = 0;
      for (const c of clusters) {
        const a = rows.find((r) => r.cluster === c && r.source === 'human-A');
        const b = rows.find((r) => r.cluster === c && r.source === 'human-B');
        if (!a || !b) continue;
        documents++;
        const r = reviewArticles({ id: a.id, text: a.text, lang: 'en' }, { id: b.id, text: b.text, lang: 'en' });
        total += Math.max(r.summary.sentencesA, r.summary.sentencesB);
        inPlace += r.rows.filter(
          (row) => row.kind !== 'moved' && row.a.length === 1 && row.b.length === 1 && row.a[0] === row.b[0],
        ).length;
        reworded += r.summary.kinds.reworded ?? 0;
      }
      expect(documents).toBeGreaterThanOrEqual(20);
      // The two translations follow the source line by line: each line should pair with its counterpart.
      expect(inPlace / total).toBeGreaterThan(0.95);
      expect(reworded).toBeGreaterThan(total);
    });
  },
);
