import { describe, expect, it } from 'vitest';
import { type LshCandidateOptions, lshCandidates } from '../../../src/core/candidates/lsh.js';
import { fingerprintArticle } from '../../../src/core/fingerprint/fingerprint.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { VARIANT_KINDS } from '../../../src/eval/generate.js';
import { scanCorpus } from '../../../src/pipeline/scan.js';
import type { Article, ScanResult } from '../../../src/types/index.js';
import { hasWmt22, readEvalRows, WMT22 } from '../../helpers/fixtures.js';
import { readSeeds, variantsOf } from '../../store/fixtures.js';

const STRONG = new Set(['duplicate', 'republication', 'translation-variant']);

function pairKeys(result: ScanResult, relations: ReadonlySet<string>): Set<string> {
  return new Set(result.pairs.filter((p) => relations.has(p.relation)).map((p) => `${p.a}|${p.b}`));
}

/** Share of the all-pairs pairs (of the given relations) that the LSH scan finds too. */
function recallOf(
  articles: readonly Article[],
  relations: ReadonlySet<string>,
  options: LshCandidateOptions = {},
): { recall: number; expected: number; lshPairs: number; allPairs: number } {
  const exact = scanCorpus(articles);
  const lsh = scanCorpus(articles, { candidates: (fps) => lshCandidates(fps, options) });
  const want = pairKeys(exact, relations);
  const got = pairKeys(lsh, relations);
  let found = 0;
  for (const k of want) if (got.has(k)) found++;
  return {
    recall: want.size === 0 ? 1 : found / want.size,
    expected: want.size,
    lshPairs: lsh.candidates.pairs,
    allPairs: exact.candidates.pairs,
  };
}

describe('lshCandidates', () => {
  it('returns sorted, unique pairs i < j, the same for the same input', () => {
    const articles = [...readSeeds(), ...variantsOf(readSeeds(), ['intro', 'ocr'], 1)];
    const fps = articles.map((a) => fingerprintArticle(normalizeArticle(a)));
    const { method, pairs } = lshCandidates(fps);
    expect(method).toBe('lsh');
    expect(pairs.length).toBeGreaterThan(0);
    for (const [k, [i, j]] of pairs.entries()) {
      expect(i).toBeLessThan(j);
      const prev = pairs[k - 1];
      if (prev) expect(prev[0] < i || (prev[0] === i && prev[1] < j)).toBe(true);
    }
    expect(lshCandidates(fps)).toEqual({ method, pairs });
  });

  it('finds every duplicate and republication all-pairs finds among the seeds and their generated variants', () => {
    const seeds = readSeeds();
    // The copy kinds; the page kinds (previews, late starts) make short texts held by long ones: see the next case.
    const kinds = VARIANT_KINDS.filter((k) => !['page', 'house-style', 'late-start', 'preview', 're-lede'].includes(k));
    const articles = [...seeds, ...variantsOf(seeds, kinds, 7)];
    const r = recallOf(articles, new Set(['duplicate', 'republication']));
    expect(r.expected).toBeGreaterThan(40);
    expect(r.recall).toBe(1);
    // …while proposing far fewer pairs than all-pairs.
    expect(r.lshPairs).toBeLessThan(r.allPairs / 2);
  });

  it('with the page kinds too, finds short texts held by long ones through the containment channel, which Jaccard bands miss', () => {
    const seeds = readSeeds();
    const articles = [...seeds, ...variantsOf(seeds, VARIANT_KINDS, 7)];
    const relations = new Set(['duplicate', 'republication']);
    // Without the channel, measured 0.988 (3 of 241 missed; earlier, with other variants: the
    // preview of seed 003, a fifth of its 1,250 words, against two other versions of it, and a
    // late-start copy of 002 inside a roundup: containment 0.81–0.97, word-shingle Jaccard 0.07–0.15).
    const bandsOnly = recallOf(articles, relations, { containmentSample: 0 });
    expect(bandsOnly.expected).toBeGreaterThan(200);
    expect(bandsOnly.recall).toBeLessThan(1);
    const withSamples = recallOf(articles, relations);
    expect(withSamples.recall).toBe(1);
    expect(withSamples.lshPairs).toBeLessThan(withSamples.allPairs / 2);
  });
});

describe.skipIf(!hasWmt22)('lshCandidates on WMT22 news (needs ../shared/eval/wmt22-zhen.jsonl)', () => {
  it('finds most same-language translation variants (English versions of one Chinese source); cross-language ones are out of its reach', () => {
    const rows = readEvalRows(WMT22).filter((r) => r.domain === 'news' && r.text.length > 600);
    const en = rows.filter((r) => r.lang === 'en' && /^(human-A|human-B|mt-)/.test(r.source)).slice(0, 120);
    const articles: Article[] = en.map((r) => ({ id: r.id, text: r.text, lang: r.lang }));
    const r = recallOf(articles, STRONG);
    expect(r.expected).toBeGreaterThan(20);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
  });
});
