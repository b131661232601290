/**
 * The character facts body extraction reads code point by code point are the Unicode-property
 * regexes they replaced, on every code point of the first three planes and on any string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARABIC,
  CYRILLIC,
  charInfo,
  cleanLine,
  GREEK,
  HAN,
  HANGUL_SCRIPT,
  isHanOrKana,
  KANA,
  LETTER,
  NUMBER,
  weightedLength,
  wordRuns,
  wordTokens,
} from '../../../src/core/text/chars.js';

/** The facts as the regexes give them. */
function expectedInfo(ch: string): number {
  const flags: Array<[number, RegExp]> = [
    [LETTER, /\p{L}/u],
    [NUMBER, /\p{N}/u],
    [KANA, /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
    [HAN, /\p{Script=Han}/u],
    [HANGUL_SCRIPT, /\p{Script=Hangul}/u],
    [ARABIC, /\p{Script=Arabic}/u],
    [CYRILLIC, /\p{Script=Cyrillic}/u],
    [GREEK, /\p{Script=Greek}/u],
  ];
  return flags.reduce((info, [flag, re]) => (re.test(ch) ? info | flag : info), 0);
}

function weightedLengthByRegex(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) n += 3;
    else if (/\p{Script=Hangul}/u.test(ch)) n += 2;
    else n += 1;
  }
  return n;
}

function cleanLineByRegex(raw: string): string {
  return raw
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\p{Zs}\t]+/gu, ' ')
    .normalize('NFC')
    .trim();
}

/** Strings of any code points (lone surrogates too), of news-like text, and of ASCII. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.array(fc.constantFrom('a', 'B', '1', ' ', '  ', '.', '-'), { maxLength: 16 }).map((parts) => parts.join('')),
  fc
    .array(
      fc.constantFrom(
        'Díaz-Canel',
        ' ',
        '  ',
        '\t',
        '\u00a0',
        '\u200b',
        '2024',
        '٣',
        '习近平',
        'の',
        '서울',
        'Ⅻ',
        '𠀋',
        'e\u0301',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

describe('character facts', () => {
  it('charInfo is the regexes on every code point of planes 0 to 2 (and again when remembered)', () => {
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x30000; cp++) {
      const ch = String.fromCodePoint(cp);
      const expected = expectedInfo(ch);
      if (charInfo(cp) !== expected || charInfo(cp) !== expected) wrong.push(cp);
      if (isHanOrKana(cp) !== /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
    // Han is Han letter or not: 〇 (U+3007) is a number, ⺀ (U+2E80) a symbol.
    expect(charInfo(0x3007)).toBe(HAN | NUMBER);
    expect(charInfo(0x2e80)).toBe(HAN);
  });

  it('wordTokens and wordRuns are the letter-and-number runs of the regex, on any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(wordTokens(s)).toEqual(s.match(/[\p{L}\p{N}]+/gu) ?? []);
        expect(wordRuns(s).numbers).toBe(/\p{N}/u.test(s));
      }),
      { numRuns: 3000 },
    );
    expect(wordTokens('Díaz-Canel met Xi 习近平 in 2024 (٣)')).toEqual([
      'Díaz',
      'Canel',
      'met',
      'Xi',
      '习近平',
      'in',
      '2024',
      '٣',
    ]);
  });

  it('wordRuns with a length limit are the runs no longer than it, in order, on any string', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 12 }), (s, n) => {
        expect(wordRuns(s, n).tokens).toEqual(wordRuns(s).tokens.filter((t) => t.length <= n));
      }),
      { numRuns: 3000 },
    );
    expect(wordRuns('the Díaz-Canel meeting in 2024 习近平', 4).tokens).toEqual([
      'the',
      'Díaz',
      'in',
      '2024',
      '习近平',
    ]);
  });

  it('weightedLength counts Han and kana 3, Hangul 2, anything else 1, on any string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(weightedLength(s)).toBe(weightedLengthByRegex(s));
      }),
      { numRuns: 3000 },
    );
    expect(weightedLength('习近平 서울 ab')).toBe(9 + 1 + 4 + 1 + 2);
  });

  it('cleanLine is the full cleaning on any string, its ASCII shortcut included', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(cleanLine(s)).toBe(cleanLineByRegex(s));
      }),
      { numRuns: 3000 },
    );
    expect(cleanLine('  Leave  a\u00a0Reply\u200b\t ')).toBe('Leave a Reply');
    expect(cleanLine(' plain ascii line ')).toBe('plain ascii line');
    expect(cleanLine('two  spaces,\tone tab')).toBe('two spaces, one tab');
  });
});
