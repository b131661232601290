/**
 * A normalized article put on a scan's shelf (`shelvedArticle`) and read back (`unshelvedArticle`),
 * through the serializer as the file shelf writes and reads it, is the article it was: the seeds
 * and their variants (scraped pages with their chrome, titles, dates, quotes, several scripts),
 * and any text; its tokens are numbered once in the scan's list; a sentence whose text is not its
 * slice of the clean text keeps its own.
 */
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { createVocabulary, type TermVocabulary } from '../../src/core/text/vocabulary.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import {
  readArticleBytes,
  type ShelvedArticle,
  shelvedArticle,
  unshelvedArticle,
} from '../../src/pipeline/shelvedArticle.js';
import type { NormalizedArticle } from '../../src/types/index.js';
import { CORPUS } from '../helpers/fixtures.js';

/** Through the shelf and back, as the file shelf does it (v8 serialize, deserialize). */
function roundTrip(article: NormalizedArticle, tokens: TermVocabulary): NormalizedArticle {
  const onShelf = deserialize(serialize(shelvedArticle(article, tokens))) as ShelvedArticle;
  return unshelvedArticle(onShelf, tokens.terms);
}

describe('an article on the shelf and back', async () => {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 7, perSource: 6 }).map((v) => ({ id: v.id, text: v.text }));
  const articles = [...seeds, ...variants];
  const normalized = [
    ...articles.map((a) => normalizeArticle(a)),
    ...seeds.map((a) => normalizeArticle({ ...a, id: `${a.id}~chrome`, date: '2021-06-30' }, { keepChrome: true })),
  ];

  it('is the article it was, for the seeds and their variants, with and without chrome', () => {
    const tokens = createVocabulary();
    for (const n of normalized) {
      const back = roundTrip(n, tokens);
      expect(back).toEqual(n);
      // Each sentence's text is the slice of the clean text its offsets name, as normalized.
      for (const s of back.sentences) expect(s.text).toBe(back.clean.slice(s.start, s.end));
    }
    expect(normalized.some((n) => n.title !== undefined)).toBe(true);
    expect(normalized.some((n) => n.quoted.includes(1))).toBe(true);
  });

  it('holds no more of the record read than its offsets and quote marks (the rest let go of)', () => {
    const tokens = createVocabulary();
    for (const n of normalized) {
      const record = serialize(shelvedArticle(n, tokens));
      const back = unshelvedArticle(deserialize(record) as ShelvedArticle, tokens.terms);
      const own = back.tokenSpans.byteLength + back.quoted.byteLength;
      // One buffer for both, of their size: not the record's (the clean text's bytes, the token numbers).
      expect(back.quoted.buffer).toBe(back.tokenSpans.buffer);
      expect(back.tokenSpans.buffer.byteLength).toBe(own);
      expect(record.byteLength).toBeGreaterThan(own + n.clean.length);
      expect(back.tokenSpans).toEqual(n.tokenSpans);
      expect(back.quoted).toEqual(n.quoted);
    }
  });

  it('numbers each token once in the scan list, the same string read back for every article', () => {
    const tokens = createVocabulary();
    const first = normalized[0] as NormalizedArticle;
    const onShelf = shelvedArticle(first, tokens);
    const distinct = new Set(first.tokens).size;
    expect(tokens.terms.length).toBe(distinct);
    expect(onShelf.tokens.length).toBe(first.tokens.length);
    // The same article again adds nothing to the list.
    shelvedArticle(first, tokens);
    expect(tokens.terms.length).toBe(distinct);
    const a = unshelvedArticle(onShelf, tokens.terms);
    const b = unshelvedArticle(onShelf, tokens.terms);
    expect(a.tokens).not.toBe(b.tokens);
    a.tokens.forEach((t, n) => {
      expect(b.tokens[n]).toBe(t);
    });
  });

  it('keeps a sentence text that is not its slice of the clean text', () => {
    const n = normalized[1] as NormalizedArticle;
    const edited: NormalizedArticle = {
      ...n,
      sentences: n.sentences.map((s, row) => (row === 2 ? { ...s, text: `${s.text} (edited)` } : s)),
    };
    const tokens = createVocabulary();
    const onShelf = shelvedArticle(edited, tokens);
    expect(onShelf.texts).toEqual([[2, `${(n.sentences[2] as { text: string }).text} (edited)`]]);
    expect(shelvedArticle(n, tokens).texts).toBeUndefined();
    expect(unshelvedArticle(onShelf, tokens.terms)).toEqual(edited);
  });

  it('refuses a token number the list has not got', () => {
    const tokens = createVocabulary();
    const onShelf = shelvedArticle(normalized[0] as NormalizedArticle, tokens);
    expect(() => unshelvedArticle(onShelf, tokens.terms.slice(0, 3))).toThrow(/token number \d+ is not listed/);
  });

  it('is the article it was for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 6 }), (lines) => {
        const n = normalizeArticle({ id: 'x', text: lines.join('\n') });
        expect(roundTrip(n, createVocabulary())).toEqual(n);
      }),
      { numRuns: 150 },
    );
  });

  it('counts more for an article with more tokens and sentences (what the score stage budgets)', () => {
    const sorted = [...normalized].sort((x, y) => x.tokens.length - y.tokens.length);
    const small = sorted[0] as NormalizedArticle;
    const large = sorted[sorted.length - 1] as NormalizedArticle;
    expect(readArticleBytes(large)).toBeGreaterThan(readArticleBytes(small));
    // At least the tokens' pointers and the text once.
    for (const n of normalized)
      expect(readArticleBytes(n)).toBeGreaterThanOrEqual(8 * n.tokens.length + n.clean.length);
  });
});
