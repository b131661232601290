import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capPairsPerArticle, keepBestOfRow, type RankedPair } from '../../../src/core/candidates/cap.js';
import { allPairs } from '../../../src/core/candidates/cosine.js';
import { joinByCosine, rankByCosine } from '../../../src/core/candidates/cosineJoin.js';
import { groupIdentical, isSameMatchingForm, pairsOfCopies } from '../../../src/core/candidates/identical.js';
import { BUCKET_WINDOW, lshCandidates } from '../../../src/core/candidates/lsh.js';
import { fingerprintArticle } from '../../../src/core/fingerprint/fingerprint.js';
import { DEFAULT_THRESHOLDS } from '../../../src/core/relation/classify.js';
import { judgePair } from '../../../src/core/relation/judge.js';
import { vectorizeCorpus } from '../../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { seed } from '../../helpers/fixtures.js';
import { oneLiners } from '../../helpers/inputs.js';

const norm = (id: string, text: string, extra: { title?: string; lang?: string } = {}) =>
  normalizeArticle({ id, text, ...extra });

describe('groupIdentical', () => {
  const report = seed('002');
  it.each<[string, string, string, boolean]>([
    ['the same text', report, report, true],
    ['case, accents and quote styles folded', report, report.toUpperCase(), true],
    ['a changed word', report, report.replace('Cuba is willing', 'Cuba is ready'), false],
    [
      'two paragraphs joined',
      'The council met on Monday to vote on the budget.\n\nThe mayor said the plan would pass.',
      'The council met on Monday to vote on the budget. The mayor said the plan would pass.',
      false,
    ],
  ])('%s', (_name, a, b, same) => {
    expect(a === b).toBe(_name === 'the same text');
    const groups = groupIdentical([norm('a', a), norm('b', b)]);
    expect(groups.firsts).toEqual(same ? [0] : [0, 1]);
    expect(groups.firstOf).toEqual(same ? [0, 0] : [0, 1]);
  });

  it('keeps corpus order: the first of each group is its earliest article', () => {
    const texts = [seed('000'), seed('001'), seed('000'), seed('001'), seed('000')];
    const groups = groupIdentical(texts.map((t, i) => norm(`d${i}`, t)));
    expect(groups.firsts).toEqual([0, 1]);
    expect(groups.members).toEqual([
      [0, 2, 4],
      [1, 3],
    ]);
  });

  it('never groups texts without words (they are never linked)', () => {
    const groups = groupIdentical([norm('a', '…'), norm('b', '…'), norm('c', '—')]);
    expect(groups.firsts).toEqual([0, 1, 2]);
  });

  it('tells languages apart', () => {
    expect(isSameMatchingForm(norm('a', report, { lang: 'en' }), norm('b', report, { lang: 'es' }))).toBe(false);
  });

  it('groups 1,500 copies in one pass', () => {
    const n = norm('x', report);
    const groups = groupIdentical(Array.from({ length: 1500 }, (_, i) => ({ ...n, id: `c${i}` })));
    expect(groups.firsts).toEqual([0]);
    expect(groups.members[0]).toHaveLength(1500);
  });
});

describe('pairsOfCopies', () => {
  it('is the pair the scorer gives each copy, titles compared apart', () => {
    const first = norm('first', seed('003'), { title: 'Cuba and China' });
    const copy = norm('copy', seed('003'), { title: 'CUBA AND CHINA talks' });
    const fa = fingerprintArticle(first);
    const fb = fingerprintArticle(copy);
    const [va, vb] = vectorizeCorpus([fa.terms, fb.terms]);
    const direct = judgePair(fa, fb, va as never, vb as never, DEFAULT_THRESHOLDS);
    const self = judgePair(fa, fa, va as never, va as never, DEFAULT_THRESHOLDS);
    expect(pairsOfCopies(self, first, [copy])).toEqual([direct]);
    expect(direct.relation).toBe('duplicate');
  });
});

describe('the candidate cap', () => {
  const pair = (i: number, j: number, score: number): RankedPair => ({ i, j, score });

  it('keeps every pair when no article is over the cap', () => {
    const pairs = [pair(0, 1, 0.5), pair(0, 2, 0.4), pair(1, 2, 0.9)];
    expect(capPairsPerArticle(pairs, 3, 2)).toEqual({
      pairs: [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
      dropped: 0,
    });
  });

  it('takes the best pairs first and leaves each article at most `max`', () => {
    const pairs = [pair(0, 1, 0.9), pair(0, 2, 0.8), pair(0, 3, 0.7), pair(1, 2, 0.1)];
    expect(capPairsPerArticle(pairs, 4, 2)).toEqual({
      pairs: [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
      dropped: 1,
    });
  });

  it('holds for any pairs: at most `max` per article, every pair kept or counted', () => {
    const arb = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 5 }), (raw, max) => {
        const seen = new Set<string>();
        const pairs = raw
          .filter(([i, j]) => i < j && !seen.has(`${i},${j}`) && seen.add(`${i},${j}`))
          .map(([i, j, s]) => pair(i, j, s))
          .sort((x, y) => x.i - y.i || x.j - y.j);
        const out = capPairsPerArticle(pairs, 10, max);
        const degree = new Array(10).fill(0);
        for (const [i, j] of out.pairs) {
          degree[i]++;
          degree[j]++;
        }
        expect(Math.max(0, ...degree)).toBeLessThanOrEqual(max);
        expect(out.pairs.length + out.dropped).toBe(pairs.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keepBestOfRow keeps the highest scores', () => {
    const row = [pair(0, 1, 0.1), pair(0, 2, 0.9), pair(0, 3, 0.5)];
    expect(keepBestOfRow(row, 2)).toBe(1);
    expect(row.map((p) => p.j)).toEqual([2, 3]);
  });
});

describe('candidates on one-line articles from a small vocabulary', () => {
  const fps = oneLiners(600).map((a) => fingerprintArticle(normalizeArticle(a)));
  const vectors = vectorizeCorpus(fps.map((f) => f.terms));

  const degrees = (pairs: Array<[number, number]>) => {
    const d = new Array(fps.length).fill(0);
    for (const [i, j] of pairs) {
      d[i]++;
      d[j]++;
    }
    return Math.max(...d);
  };

  it('all-pairs: the ranked join finds the same pairs as the plain join when nothing is capped', () => {
    const plain = joinByCosine(vectors, 0.2);
    const ranked = rankByCosine(vectors, 0.2, Number.MAX_SAFE_INTEGER);
    expect(ranked.dropped).toBe(0);
    expect(ranked.pairs.map((p) => [p.i, p.j])).toEqual(plain);
  });

  it('all-pairs: each article is scored in at most 100 pairs, and the rest is counted', () => {
    const plain = joinByCosine(vectors, 0.2);
    const capped = allPairs(fps, vectors, 0.2);
    expect(plain.length).toBeGreaterThan(50 * fps.length);
    expect(degrees(capped.pairs)).toBeLessThanOrEqual(100);
    expect(capped.cap).toEqual({ perArticle: 100, dropped: plain.length - capped.pairs.length });
  });

  it('LSH: each article is scored in at most 100 pairs, buckets read within a window', () => {
    const out = lshCandidates(fps);
    expect(degrees(out.pairs)).toBeLessThanOrEqual(100);
    expect(out.cap?.perArticle).toBe(100);
    expect(out.cap?.dropped).toBeGreaterThan(0);
    expect(BUCKET_WINDOW).toBeGreaterThan(0);
  });
});
