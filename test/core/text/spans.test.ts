/**
 * Token offsets in 16 bits when the text allows, 32 otherwise (`tokenSpanArray`), and a normalized
 * article's offsets still find its tokens in its clean text on both sides of 65,536 characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { tokenSpanArray } from '../../../src/core/text/spans.js';

describe('tokenSpanArray', () => {
  it.each([
    ['an empty text', 0, Uint16Array],
    ['a news article', 5_400, Uint16Array],
    ['the longest text 16 bits hold (its end offset 65,535)', 65_535, Uint16Array],
    ['one code unit longer', 65_536, Uint32Array],
    ['a book', 400_000, Uint32Array],
  ])('%s: %s code units', (_label, length, kind) => {
    const spans = length === 0 ? [] : [0, Math.min(3, length), length - 1, length];
    const out = tokenSpanArray(spans, length);
    expect(out).toBeInstanceOf(kind);
    expect([...out]).toEqual(spans);
  });

  it('keeps every offset of a text as it was (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.array(fc.nat(), { maxLength: 40 }), (length, raw) => {
        const spans = raw.map((x) => x % (length + 1)).sort((a, b) => a - b);
        expect([...tokenSpanArray(spans, length)]).toEqual(spans);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeArticle token offsets', () => {
  // Paragraphs of different sentences (repeated lines would be set aside as page chrome), enough of
  // them to pass 65,536 characters of clean text.
  const words =
    'Díaz-Canel met the delegation of the Communist Party of China in Havana on Monday to discuss trade talks ports sugar nickel tourism credit energy grid solar parks rice donations medical brigades students scholarships railways buses trucks ministers visit agreement signed cooperation exchange experience governance socialism reform opening'.split(
      ' ',
    );
  // A deterministic sequence (LCG), so that no two paragraphs repeat.
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  const paragraph = (i: number): string =>
    `${Array.from({ length: 16 }, () => words[next() % words.length]).join(' ')} (${i}).`;
  it.each([
    ['a short article', 3, Uint16Array],
    ['an article past 65,536 characters', 900, Uint32Array],
  ])('%s: the offsets find each token', (_label, paragraphs, kind) => {
    const text = Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n');
    expect(text.length > 0x10000).toBe(kind === Uint32Array);
    const n = normalizeArticle({ id: 'x', text, lang: 'en' });
    expect(n.tokenSpans).toBeInstanceOf(kind);
    expect(n.tokenSpans.length).toBe(2 * n.tokens.length);
    const last = n.tokens.length - 1;
    // Past 65,535 the offsets must not wrap (16 bits would give the last token a small one).
    expect((n.tokenSpans[2 * last + 1] as number) > 0xffff).toBe(kind === Uint32Array);
    for (const t of [0, 1, Math.floor(last / 2), last]) {
      const start = n.tokenSpans[2 * t] as number;
      const end = n.tokenSpans[2 * t + 1] as number;
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(n.clean.length);
      expect(n.clean.slice(start, end).toLowerCase()).toContain((n.tokens[t] as string).slice(0, 1));
    }
  });
});
