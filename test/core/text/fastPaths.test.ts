/**
 * The shortcuts body extraction takes on common text hold for all of it: folding ASCII is lower
 * casing (the normalizations change nothing there), and no character below U+1100 is Han, kana
 * or Hangul (the weighted length counts it 1 without testing its script).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldToken } from '../../../src/core/text/functionWords.js';

/** The fold without the shortcut. */
function foldFull(token: string): string {
  return token.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

describe('body extraction shortcuts', () => {
  it('foldToken is the full fold on any string, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(foldToken(s)).toBe(foldFull(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['Díaz-Canel', 'ＦＵＬＬ', 'ﬁnal', 'İstanbul', 'ΣΟΦΙΑ', 'MIXED case 42'])
      expect(foldToken(s)).toBe(foldFull(s));
  });

  it('foldToken folds a long text piece by piece to the same string as the whole-text fold', () => {
    // Fragments where a normalization or the lower casing reads context: combining marks (before
    // and after a space), compatibility forms that decompose to a space plus a mark (´), Hangul
    // jamo that compose, a capital sigma at a word's end, a dotted capital I, an NBSP.
    // biome-ignore format: a list
    const fragments = ['Σ', 'ΟΔΟΣ', ' ', '  ', '\u0301', '\u0327', 'e', 'E', 'ﬁ', '´', '¨', 'İ', '\u1100', '\u1161',
      '\u11a8', '가', 'A', "'", '.', 'ς', '\u00a0', 'Ω', 'word ', 'Díaz-Canel', '“', '”', '\n', 'x'.repeat(70), ' é'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(foldToken(s)).toBe(foldFull(s));
      }),
      { numRuns: 3000 },
    );
    const page = `${'Plain ASCII words of an English page '.repeat(4)}“quoted” ÉLYSÉE ΟΔΟΣ ${'more '.repeat(30)}café`;
    expect(foldToken(page)).toBe(foldFull(page));
  });

  it('no code point below U+1100 is Han, Hiragana, Katakana or Hangul; U+1100 is Hangul', () => {
    const scripts = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const below: number[] = [];
    for (let cp = 0; cp < 0x1100; cp++) if (scripts.test(String.fromCodePoint(cp))) below.push(cp);
    expect(below).toEqual([]);
    expect(scripts.test('\u1100')).toBe(true);
  });
});
