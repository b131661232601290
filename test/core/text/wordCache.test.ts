/**
 * The scan's word cache changes nothing but time and memory: articles normalized and
 * fingerprinted through one cache give exactly the tokens and terms they give without it, in
 * every language the WMT files hold, with a cache small enough to be cleared many times over.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fingerprint, fingerprintArticle } from '../../../src/core/fingerprint/fingerprint.js';
import { sentenceCount, termsOf, toSentenceTerms } from '../../../src/core/fingerprint/sentenceTerms.js';
import { normalizeArticle, sentenceTokens } from '../../../src/core/text/normalize.js';
import { contentTerms } from '../../../src/core/text/terms.js';
import { segmentWords } from '../../../src/core/text/tokens.js';
import { createVocabulary } from '../../../src/core/text/vocabulary.js';
import { contentTermsCached, createWordCache, foldCached } from '../../../src/core/text/wordCache.js';
import { VARIANT_KINDS } from '../../../src/eval/generate.js';
import type { Article } from '../../../src/types/index.js';
import { EVAL_DIR, readEvalRows } from '../../helpers/fixtures.js';
import { readSeeds, variantsOf } from '../../store/fixtures.js';

const WMT24 = join(EVAL_DIR, 'wmt24-en-multilingual.jsonl');
const WEB_MULTI = join(EVAL_DIR, 'web-multi.jsonl');

function sentenceTermSets(fp: Fingerprint): string[][] {
  return Array.from({ length: sentenceCount(fp.sentenceTerms) }, (_, k) => termsOf(fp.sentenceTerms, k).sort());
}

function expectSameThroughCache(articles: readonly Article[], maxEntries: number): void {
  const cache = createWordCache(maxEntries);
  // Numbered as the cache numbers them (`contentTermIdsCached`), term by term in the same order.
  const reference = createVocabulary();
  for (const a of articles) {
    const plain = normalizeArticle(a);
    const cached = normalizeArticle(a, { words: cache });
    expect(cached, a.id).toEqual(plain);
    const fp = fingerprintArticle(plain);
    const fpCached = fingerprintArticle(cached, cache);
    expect(fpCached.terms, a.id).toEqual(fp.terms);
    // Numbered in two vocabularies: the same terms, sentence by sentence.
    expect(sentenceTermSets(fpCached), a.id).toEqual(sentenceTermSets(fp));
    const numbered = toSentenceTerms(
      plain.sentences.map((s) => contentTerms(sentenceTokens(plain, s), plain.lang)),
      reference,
    );
    expect(fpCached.sentenceTerms.ids, a.id).toEqual(numbered.ids);
    expect(fpCached.sentenceTerms.offsets, a.id).toEqual(numbered.offsets);
    expect(fpCached.chars, a.id).toEqual(fp.chars);
  }
}

describe('WordCache', () => {
  it('gives the seeds and their variants the same normalization and fingerprint', () => {
    const seeds = readSeeds();
    const articles = [...seeds, ...variantsOf(seeds, VARIANT_KINDS)];
    expectSameThroughCache(articles, 500_000);
    // Small: cleared over and over while the corpus goes through it.
    expectSameThroughCache(articles, 50);
  });

  it.skipIf(!existsSync(WMT24))(
    'gives every language of WMT24 the same tokens and terms (needs ../shared/eval)',
    () => {
      const rows = [...readEvalRows(WMT24), ...readEvalRows(WEB_MULTI)];
      const byLang = new Map<string, Article[]>();
      for (const r of rows) {
        const list = byLang.get(r.lang ?? 'und') ?? [];
        if (list.length < 4) list.push({ id: r.id, text: r.text, ...(r.lang ? { lang: r.lang } : {}) });
        byLang.set(r.lang ?? 'und', list);
      }
      expect(byLang.size).toBeGreaterThanOrEqual(13);
      expectSameThroughCache([...byLang.values()].flat(), 200);
    },
  );

  it('folds and stems any word as foldWord and contentTerms do', () => {
    const cache = createWordCache(16);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.constantFrom('en', 'es', 'ru', 'de', 'zh', 'und'),
        (text, lang) => {
          const plain = segmentWords(text);
          const cached = segmentWords(text, (raw) => foldCached(cache, raw));
          expect(cached).toEqual(plain);
          const tokens = plain.map((w) => w.norm);
          expect(contentTermsCached(cache, tokens, lang)).toEqual(contentTerms(tokens, lang));
        },
      ),
      { numRuns: 500 },
    );
  });
});
