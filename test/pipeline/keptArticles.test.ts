/**
 * The articles of a scan kept on a shelf (`shelfStore`): each article put as it is added, each
 * fingerprint's word shingles and sentence terms put after them, and the fingerprints the
 * candidates' functions are given (`wholeFingerprints`) reading back the article at once and the
 * words only when read.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../src/core/fingerprint/fingerprint.js';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { createWordCache } from '../../src/core/text/wordCache.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { createFileShelf } from '../../src/io/shelf.js';
import { shelfStore, wholeFingerprints } from '../../src/pipeline/keptArticles.js';
import type { Shelf } from '../../src/types/index.js';
import { CORPUS } from '../helpers/fixtures.js';

describe('a shelf store', async () => {
  const articles = await readCorpus([CORPUS]);

  it("gives the candidates' functions each fingerprint whole, its words read back only when read", () => {
    const inner = createFileShelf();
    const gets: number[] = [];
    const shelf: Shelf = {
      ...inner,
      get: (k) => {
        gets.push(k);
        return inner.get(k);
      },
    };
    const store = shelfStore(shelf);
    const words = createWordCache();
    const made = articles.map((a, i) => {
      const n = normalizeArticle(a, { words });
      store.add(i, n);
      return fingerprintArticle(n, words, { chars: false });
    });
    const kept = store.finish(
      made.map((fp, k) => store.keepFingerprint(k, k, fp)),
      made.map((_, k) => k),
    );
    try {
      const whole = wholeFingerprints(kept);
      expect(whole.length).toBe(articles.length);
      const fp = whole.at(1);
      // The article only: value 1 (the articles come first on the shelf).
      expect(gets).toEqual([1]);
      expect(fp?.article.tokens).toEqual(made[1]?.article.tokens);
      expect([...(fp?.words ?? [])]).toEqual([...(made[1]?.words ?? [])]);
      expect([...(fp?.sentenceTerms.ids ?? [])]).toEqual([...(made[1]?.sentenceTerms.ids ?? [])]);
      expect(fp?.sentenceTerms.vocabulary).toBe(words.vocabulary);
      // The words once, after the articles, however often they are read.
      expect(gets).toEqual([1, articles.length + 1]);
    } finally {
      store.close();
    }
  });
});
