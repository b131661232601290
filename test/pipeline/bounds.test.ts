// The scan's bounds: identical copies folded (same stories as judging every pair), candidates and
// listed pairs capped per article, with what was left out reported.
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../src/core/fingerprint/fingerprint.js';
import { judgePair, resolveThresholds } from '../../src/core/relation/judge.js';
import { buildStories, type JudgedPair } from '../../src/core/relation/stories.js';
import { vectorizeCorpus } from '../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import type { Article } from '../../src/types/index.js';
import { seed } from '../helpers/fixtures.js';
import { oneLiners } from '../helpers/inputs.js';
import { readSeeds, variantsOf } from '../store/fixtures.js';

/** Stories as a scan without folding or caps would make them: every pair judged. */
function storiesJudgingEveryPair(articles: readonly Article[]) {
  const fps = articles.map((a) => fingerprintArticle(normalizeArticle(a)));
  const vectors = vectorizeCorpus(fps.map((f) => f.terms));
  const thresholds = resolveThresholds();
  const judged: JudgedPair[] = [];
  for (let i = 0; i < fps.length; i++)
    for (let j = i + 1; j < fps.length; j++) {
      const result = judgePair(fps[i] as never, fps[j] as never, vectors[i] as never, vectors[j] as never, thresholds);
      if (result.relation !== 'unrelated') judged.push({ i, j, result });
    }
  const dates = new Map(articles.filter((a) => a.date).map((a) => [a.id, a.date as string]));
  return buildStories(
    articles.map((a) => a.id),
    judged,
    dates,
  );
}

describe('identical copies, folded', () => {
  it('give the stories and origins that judging every pair gives', () => {
    const seeds = readSeeds();
    const variants = variantsOf(seeds, ['intro', 'truncate', 'drop-paragraph', 'ocr'], 3);
    const copy = (a: Article, k: number, extra: Partial<Article> = {}): Article => ({
      ...a,
      id: `${a.id}-copy${k}`,
      ...extra,
    });
    const articles: Article[] = [
      ...seeds,
      copy(seeds[2] as Article, 1, { title: 'Another headline' }),
      ...variants,
      copy(variants[0] as Article, 1),
      copy(variants[0] as Article, 2, { date: '2020-01-01' }),
      copy(seeds[2] as Article, 2, { text: (seeds[2] as Article).text.toUpperCase() }),
      copy(variants[5] as Article, 1),
    ];
    const result = scanCorpus(articles);
    expect(result.candidates.identical).toBe(5);
    expect(result.stories).toEqual(storiesJudgingEveryPair(articles));
    expect(result.stories.some((s) => s.members.length >= 4)).toBe(true);
  });

  it('1,500 copies of one article are one story of 1,500, listed by 1,499 pairs with the first copy', () => {
    const text = seed('003');
    const articles = Array.from({ length: 1500 }, (_, i) => ({ id: `c${String(i).padStart(4, '0')}`, text }));
    const result = scanCorpus(articles);
    expect(result.stories).toHaveLength(1);
    expect(result.stories[0]?.members).toHaveLength(1500);
    expect(result.pairs).toHaveLength(1499);
    expect(new Set(result.pairs.map((p) => p.a))).toEqual(new Set(['c0000']));
    expect(result.pairs.every((p) => p.relation === 'duplicate')).toBe(true);
    expect(result.documents.filter((d) => d.copyOf === 'c0000')).toHaveLength(1499);
    expect(result.candidates).toEqual({ method: 'all-pairs', pairs: 0, identical: 1499 });
  });
});

describe('one-line articles from a small vocabulary', () => {
  const articles = oneLiners(800);
  const result = scanCorpus(articles);

  it('score at most 100 pairs per article, and say how many were left out', () => {
    expect(result.candidates.cap?.perArticle).toBe(100);
    expect(result.candidates.cap?.dropped).toBeGreaterThan(0);
    expect(result.candidates.pairs).toBeLessThanOrEqual(100 * articles.length);
  });
});

/**
 * 40 near-copies of two paragraphs of seed 003, each with one word of its own: every pair is a
 * duplicate (780 linked pairs, 39 per document), none identical, so none is folded.
 */
describe('near-copies, each linked to every other', () => {
  const words = seed('003')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 200)
    .slice(0, 2)
    .join('\n\n')
    .split(' ');
  const articles = Array.from({ length: 40 }, (_, k) => {
    const w = [...words];
    w[(k * 7) % w.length] = `variant${k}`;
    return { id: `n${String(k).padStart(2, '0')}`, text: w.join(' ') };
  });
  const result = scanCorpus(articles);

  it('list at most 20 pairs per document, and say how many were left out', () => {
    const degree = new Map<string, number>();
    for (const p of result.pairs) for (const id of [p.a, p.b]) degree.set(id, (degree.get(id) ?? 0) + 1);
    expect(result.candidates.identical).toBeUndefined();
    expect(Math.max(...degree.values())).toBeLessThanOrEqual(20);
    expect(result.listing?.perDocument).toBe(20);
    expect(result.pairs.length + (result.listing?.omitted ?? 0)).toBe(780);
    expect(result.stories).toHaveLength(1);
  });

  it('lists every linked pair when asked to (the evaluation does)', () => {
    const all = scanCorpus(articles, { maxListedPairs: Number.POSITIVE_INFINITY, explain: false });
    expect(all.listing).toBeUndefined();
    expect(all.pairs.length).toBe(780);
    expect(all.stories).toEqual(result.stories);
  });
});
