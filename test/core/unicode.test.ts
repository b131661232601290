// Arbitrary Unicode (any code point, lone surrogates, controls, combining marks, bidi overrides,
// scripts without spaces) through every stage that reads text: nothing throws, nothing hangs (each
// property runs its cases within vitest's time limit), and the invariants of each stage hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../src/core/fingerprint/fingerprint.js';
import { sentenceCount } from '../../src/core/fingerprint/sentenceTerms.js';
import { shingleChars, shingleWords } from '../../src/core/fingerprint/shingle.js';
import { alignSentences } from '../../src/core/review/align.js';
import { diffWordsOf } from '../../src/core/review/diff.js';
import { reviewArticles } from '../../src/core/review/review.js';
import { normalizeArticle, sentenceTokens, tokenCount } from '../../src/core/text/normalize.js';
import { splitSentences } from '../../src/core/text/sentences.js';
import { segmentWords, tokenizeWords } from '../../src/core/text/tokens.js';

/** Text from every plane and every hostile corner, with the separators that cut it into parts. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '. ',
      '.\n\n',
      '\n',
      '\r\n',
      '。',
      '! ',
      '? ',
      ' ',
      '\u001b[2J',
      '\u202e',
      '\u0301',
      '\ud800',
      '\u0000',
      'Díaz',
      '中国共产党',
      'The Council',
    ),
  },
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('arbitrary Unicode', () => {
  it('normalization: never throws; sentences are spans of the clean text; tokens are theirs', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalizeArticle({ id: 'x', text: t });
        // The sentences' token ranges tile the tokens, in order.
        let end = 0;
        for (const s of n.sentences) {
          expect([s.tokenStart, tokenCount(s) > 0]).toEqual([end, true]);
          end = s.tokenEnd;
        }
        expect(end).toBe(n.tokens.length);
        for (const s of n.sentences) {
          expect(n.clean.slice(s.start, s.end)).toBe(s.text);
          for (const token of sentenceTokens(n, s)) expect(token).not.toMatch(/^$|\s/u);
        }
        expect(normalizeArticle({ id: 'x', text: t })).toEqual(n);
      }),
      { numRuns: 300 },
    );
  });

  it('segmentation: words are in order, inside the text, never empty', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const w of segmentWords(t)) {
          expect(w.start).toBeGreaterThanOrEqual(last);
          expect(w.end).toBeGreaterThan(w.start);
          expect(w.end).toBeLessThanOrEqual(t.length);
          last = w.end;
        }
        for (const s of splitSentences(t)) expect(t.slice(s.start, s.end).trim()).toBe(t.slice(s.start, s.end));
        expect(tokenizeWords(t).every((w) => w !== '')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('shingling: sorted sets without repeats, the same for the same text', () => {
    const sortedUnique = (xs: Uint32Array) => xs.every((v, i) => i === 0 || (xs[i - 1] as number) < v);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 8 }), (t, k) => {
        const tokens = tokenizeWords(t);
        expect(sortedUnique(shingleWords(tokens, k))).toBe(true);
        expect(sortedUnique(shingleChars(tokens.join(' '), k))).toBe(true);
        expect(shingleChars(t, k)).toEqual(shingleChars(t, k));
        const fp = fingerprintArticle(normalizeArticle({ id: 'x', text: t }));
        expect(sentenceCount(fp.sentenceTerms)).toBe(fp.article.sentences.length);
      }),
      { numRuns: 300 },
    );
  });

  it('alignment: each sentence of either side appears in exactly one unit', () => {
    const sets = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 5 }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(sets, sets, (x, y) => {
        const units = alignSentences(
          x.map((s) => new Set(s)),
          y.map((s) => new Set(s)),
        );
        expect(units.flatMap((u) => u.a).sort((p, q) => p - q)).toEqual(x.map((_, i) => i));
        expect(units.flatMap((u) => u.b).sort((p, q) => p - q)).toEqual(y.map((_, i) => i));
      }),
      { numRuns: 300 },
    );
  });

  it('word diff and review: never throw; the parts give back the first text; counts add up', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffWordsOf(a, b);
        expect(d.parts.map((p) => p.a).join('')).toBe(a.trimEnd());
        expect(d.counts.kept + d.counts.dropped + d.counts.changedA).toBe(d.counts.wordsA);
        const review = reviewArticles({ id: 'a', text: a }, { id: 'b', text: b });
        expect(review.summary.kept + review.summary.dropped + review.summary.changedA).toBe(review.summary.wordsA);
      }),
      { numRuns: 200 },
    );
  });
});
