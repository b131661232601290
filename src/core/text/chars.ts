/**
 * Characters as the text features read them: a code point's script (kana, Han, Hangul, Arabic,
 * Cyrillic, Greek) and whether it is a letter or a number, the runs of letters and numbers of a text, its weighted
 * length, and line cleaning. Each is what a Unicode-property regex gives (property-tested against
 * it in test/core/text/chars.test.ts), read code point by code point: the regexes were a third of
 * body extraction's time. The table of code points is a pure function's memo, filled as characters
 * are first met: no answer depends on what was read before.
 */

/** Han, Hiragana or Katakana: written without spaces between words. */
export const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
export const HANGUL = /\p{Script=Hangul}/u;

/**
 * What a code point is to the text features: whether it is a letter or a number, and its script
 * among kana, Han, Hangul, Arabic, Cyrillic and Greek (or none of them), read once per code point
 * and remembered (a page repeats the same few hundred characters) instead of several
 * Unicode-property regexes per character. The script is the character's own, letter or not
 * (U+3007 〇 is Han), as the regexes `SPACELESS` and `HANGUL` read it. One flag each; body
 * extraction and the language guess (language.ts) read the same table.
 */
export const LETTER = 1;
export const NUMBER = 2;
export const KANA = 4;
export const HAN = 8;
export const HANGUL_SCRIPT = 16;
export const ARABIC = 32;
export const CYRILLIC = 64;
export const GREEK = 128;
const FLAG_TESTS: ReadonlyArray<[number, RegExp]> = [
  [LETTER, /\p{L}/u],
  [NUMBER, /\p{N}/u],
  [KANA, /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  [HAN, /\p{Script=Han}/u],
  [HANGUL_SCRIPT, HANGUL],
  [ARABIC, /\p{Script=Arabic}/u],
  [CYRILLIC, /\p{Script=Cyrillic}/u],
  [GREEK, /\p{Script=Greek}/u],
];
/** The facts of the Basic Multilingual Plane's code points, `UNREAD` until read; the rest in a map. */
const UNREAD = 0xffff;
const bmpInfos = new Uint16Array(0x10000).fill(UNREAD);
const astralInfos = new Map<number, number>();
/** Beyond this many distinct astral code points, their facts are read without being remembered. */
const MAX_REMEMBERED = 1 << 16;

function readCharInfo(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let flags = 0;
  for (const [flag, re] of FLAG_TESTS) if (re.test(ch)) flags |= flag;
  return flags;
}

export function charInfo(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpInfos[cp] as number;
    if (known !== UNREAD) return known;
    const info = readCharInfo(cp);
    bmpInfos[cp] = info;
    return info;
  }
  const known = astralInfos.get(cp);
  if (known !== undefined) return known;
  const info = readCharInfo(cp);
  if (astralInfos.size < MAX_REMEMBERED) astralInfos.set(cp, info);
  return info;
}

/** Han or kana (what `SPACELESS` matches), from the code point. */
export function isHanOrKana(cp: number): boolean {
  return cp >= 0x1100 && (charInfo(cp) & (KANA | HAN)) !== 0;
}

/** Weighted length: Han/kana characters count 3, Hangul 2, anything else 1. */
export function weightedLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    // Below U+1100 (the first Hangul jamo) no character is Han, kana or Hangul.
    if (cp < 0x1100) {
      n += 1;
      continue;
    }
    const info = charInfo(cp);
    n += info & (KANA | HAN) ? 3 : info & HANGUL_SCRIPT ? 2 : 1;
  }
  return n;
}

/**
 * The runs of letters and numbers (`folded.match(/[\p{L}\p{N}]+/gu)`), read code point by code
 * point (the regex was a sixth of the body extraction's time), and whether a number was among them.
 * With `maxLength`, only the runs at most that many UTF-16 units long are kept, and no string is
 * made for a longer one (a look-up in a list of short words needs none).
 */
export function wordRuns(folded: string, maxLength = Number.POSITIVE_INFINITY): { tokens: string[]; numbers: boolean } {
  const tokens: string[] = [];
  let numbers = false;
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const cp = folded.codePointAt(i) as number;
    let word: boolean;
    if (cp < 0x80) {
      const digit = cp >= 0x30 && cp <= 0x39;
      numbers ||= digit;
      word = digit || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
    } else {
      const info = charInfo(cp);
      numbers ||= (info & NUMBER) !== 0;
      word = (info & (LETTER | NUMBER)) !== 0;
    }
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      if (i - start <= maxLength) tokens.push(folded.slice(start, i));
      start = -1;
    }
    if (cp > 0xffff) i++;
  }
  if (start >= 0 && folded.length - start <= maxLength) tokens.push(folded.slice(start));
  return { tokens, numbers };
}

export function wordTokens(folded: string): string[] {
  return wordRuns(folded).tokens;
}

/** Text the line cleaning leaves as it is but for the ends: ASCII without tabs or doubled spaces. */
const NEEDS_CLEANING = /[^\x20-\x7e]| {2}/;

/**
 * A line cleaned: zero-width characters out, runs of spaces and tabs one space (U+00A0 is a
 * space separator too), NFC, trimmed. Body extraction and paragraph selection clean alike.
 */
export function cleanLine(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw.trim();
  return raw
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\p{Zs}\t]+/gu, ' ')
    .normalize('NFC')
    .trim();
}
