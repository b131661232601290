import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSketchConfig, sketchBatch, sketchTokens } from '../../../src/core/minhash/sketch.js';
import { normalizeArticle, selectParagraphs } from '../../../src/core/text/normalize.js';
import { contentTerms } from '../../../src/core/text/terms.js';
import { createScanCache, createTokenCache, tokenizeAndTermsFast } from '../../../src/core/text/tokenCache.js';
import type { Article } from '../../../src/types/index.js';
import { EVAL_DIR, readEvalRows } from '../../helpers/fixtures.js';
import { readSeeds, variantsOf } from '../../store/fixtures.js';

const WMT24 = join(EVAL_DIR, 'wmt24-en-multilingual.jsonl');
const WMT22 = join(EVAL_DIR, 'wmt22-zhen.jsonl');

/**
 * The one-pass scanner against the reference: for every article, the sketch `sketchTokens` makes
 * from `normalizeArticle`'s tokens and `contentTerms`, and the distinct terms it counts. Batches of
 * three with a small cache, so that trimming the cache between batches is exercised too.
 */
/** The body plans `selectParagraphs` made, by language and text: each is asked for twice. */
const plans = new Map<string, string>();

/** The body plan `selectParagraphs` makes of an article (every text has one). */
function planOf(a: Article): string {
  const key = `${a.lang ?? ''}\u0000${a.text}`;
  const known = plans.get(key);
  if (known !== undefined) return known;
  const { plan } = selectParagraphs(a.text, a.lang);
  if (plan === undefined) throw new Error(`no plan for ${a.id}`);
  plans.set(key, plan);
  return plan;
}

function expectScannerSameAsReference(articles: readonly Article[]): void {
  const config = createSketchConfig();
  const cache = createScanCache(200);
  for (let i = 0; i < articles.length; i += 3) {
    const part = articles.slice(i, i + 3);
    const batch = sketchBatch(part, config, cache);
    part.forEach((a, j) => {
      const ref = normalizeArticle(a);
      const { terms, ...sketch } = sketchTokens(ref.tokens, contentTerms(ref.tokens, ref.lang), config);
      // With the body plan of the selection it read (`selectParagraphs`), for the index to keep.
      expect(batch.sketches[j], a.id).toEqual({ ...sketch, plan: planOf(a) });
      const held = [...batch.docTerms.subarray(batch.termStart[j], batch.termStart[j + 1])].map((k) => batch.terms[k]);
      expect(held, a.id).toEqual(terms);
    });
  }
}

function expectSameAsReference(articles: readonly Article[], scannerLangs = true): void {
  expectScannerSameAsReference(articles);
  if (scannerLangs) expectScannerSameAsReference(articles.map((a) => ({ ...a, lang: 'es' })));
  // A small cache, so that clearing it on overflow is exercised too.
  const cache = createTokenCache(300);
  for (const a of articles) {
    const ref = normalizeArticle(a);
    // One look-up per word, with and without the article's own language.
    const terms = contentTerms(ref.tokens, ref.lang);
    expect(tokenizeAndTermsFast(a, cache), a.id).toEqual({
      tokens: ref.tokens,
      lang: ref.lang,
      terms,
      plan: planOf(a),
    });
    const withLang = { ...a, lang: 'es' };
    const refEs = normalizeArticle(withLang);
    expect(tokenizeAndTermsFast(withLang, cache), a.id).toEqual({
      tokens: refEs.tokens,
      lang: 'es',
      terms: contentTerms(refEs.tokens, 'es'),
      plan: planOf(withLang),
    });
  }
}

describe('fast token path and one-pass scanner', () => {
  it('gives the same tokens, language and content terms as normalizeArticle/contentTerms on the seeds and their variants', () => {
    const seeds = readSeeds();
    expectSameAsReference([
      ...seeds,
      ...variantsOf(seeds, ['boilerplate', 'intro', 'reorder', 'spelling', 'quotes', 'accents', 'ocr', 'roundup'], 5),
    ]);
  });

  it('handles text around sentence ends, numbers, apostrophes and spaceless scripts the same way', () => {
    expectSameAsReference([
      { id: 'marks', text: 'He said: "It\'s 2,000.5 km." Then he left! Was it Dr. Díaz-Canel’s car? Yes.’ Next…' },
      {
        id: 'cjk',
        text: '中国和古巴的关系。他说：“我们是好朋友！”然后离开了？是的。\n\nTokyo（東京）で会議が開かれた。',
      },
      { id: 'empty', text: '' },
      { id: 'short', text: 'Hi.' },
      { id: 'eleven', text: 'Abc defg hi' },
      { id: 'twelve', text: 'Abc defg hij' },
      { id: 'ligature', text: 'ﬁnance ﷺ ﬀ office ﬁnance' },
      { id: 'boiler', text: 'Share this article\n\nLeave a reply\n\nOnly this line stays, with colour and honour.' },
    ]);
  });
});

describe.skipIf(!existsSync(WMT24) || !existsSync(WMT22))('fast token path on WMT texts (needs ../shared/eval)', () => {
  it('matches the reference on every WMT24 document (six languages) and 300 WMT22 ones', () => {
    const rows = [...readEvalRows(WMT24), ...readEvalRows(WMT22).filter((_, i) => i % 10 === 0)];
    expectSameAsReference(
      rows.map((r) => ({ id: r.id, text: r.text })),
      false,
    );
    // About 30 s with two other jobs on the machine's 2 cores (each text selected five times: the
    // reference, the two fast paths, and its plans); the suite's 60 s left it no margin.
  }, 180_000);
});
