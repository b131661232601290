/**
 * Language of a scraped news text, for copydesk: ISO 639-1 code, or 'und' when unsure.
 *
 * Built on eld (Nito-ELD, Apache-2.0, pure JS, no dependencies), pinned `eld@2.1.0`, medium
 * database (`eld/medium`). See REPORT.md for the measurements behind every constant here.
 *
 * Pipeline:
 *  1. drop URLs and e-mail addresses (eld reads them as English or Tagalog);
 *  2. keep the page's prose lines (≥ 40 chars, ≥ 16 when mostly Han/kana/Hangul), so a menu
 *     or byline block in another language does not decide: eld reads only about the first
 *     350 UTF-8 bytes of what it is given (src/languageDetector.js, strToUtf8Bytes), so
 *     what comes first is all that counts; a text with no prose line is used whole;
 *  3. 'und' when the sample has fewer than MIN_LETTERS letters (Han/kana/Hangul count 3 each,
 *     as in UTF-8, which is what eld scores): names, dates, "Home | News", emoji;
 *  4. 'und' when eld's best and second-best scores are closer than MIN_MARGIN.
 *
 * eld is ESM-only (no "require" export condition), so this module imports it statically; the
 * medium database costs ~1.3 s CPU and ~60 MB of heap on first import (large: ~2.6 s, ~130 MB),
 * so import this module only on the path that needs a language (articles without `lang`).
 */
import { eld as eldMedium } from 'eld/medium';

export interface LanguageGuess {
  /** ISO 639-1 code ('en', 'zh', …) or 'und'. */
  lang: string;
  /**
   * 0 for 'und'; otherwise 0.5–1, rising with eld's margin between its best and second-best
   * language (margin 0.01 → 0.5, ≥ 0.12 → 1). Measured (REPORT.md, short inputs included):
   * answers below 0.75 were right ~93 % of the time, 0.75–0.9 ~99.1 %, 0.9–1 ~99.8 %; the
   * low-confidence misses are on inputs under ~60 characters (on whole articles, answers below
   * 0.75 were right 186 of 187 times), so read it for headlines and previews only.
   */
  confidence: number;
}

/** Fewer letters than this (CJK letters count 3) → 'und'. */
export const MIN_LETTERS = 20;
/** eld score of the best language minus that of the second → below this, 'und'. */
export const MIN_MARGIN = 0.01;
/** Margin at which confidence reaches 1. */
const FULL_MARGIN = 0.12;

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const SPACELESS_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

const UND: LanguageGuess = { lang: 'und', confidence: 0 };

/** The part of eld's API used here (eld@2.x `detect`). */
interface EldLike {
  detect(text: string): { language: string; getScores(): Record<string, number> };
}

export interface DetectorOptions {
  minLetters?: number;
  minMargin?: number;
  /** Keep prose lines only (step 2). */
  proseOnly?: boolean;
}

/** Letters of `text`, Han/kana/Hangul counted 3 each. */
export function weightedLetters(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (SPACELESS_CHAR.test(ch)) n += 3;
    else if (LETTER.test(ch)) n += 1;
  }
  return n;
}

/** Prose lines of a page (see step 2), or the text itself when it has none; ≤ 1,000 chars. */
export function sampleForDetection(text: string, proseOnly = true): string {
  const clean = text.replace(URL_OR_EMAIL, ' ');
  let use = clean;
  if (proseOnly) {
    const prose = clean
      .split('\n')
      .filter((line) => {
        const t = line.trim();
        let cjk = 0;
        for (const ch of t) if (SPACELESS_CHAR.test(ch)) cjk++;
        return t.length >= (cjk * 2 > t.length ? 16 : 40);
      })
      .join('\n');
    if (prose.length > 0) use = prose;
  }
  return use.length > 1000 ? use.slice(0, 1000) : use;
}

/** A detector over any eld instance; `detectLanguage` below is this with the defaults. */
export function createLanguageDetector(eld: EldLike, options: DetectorOptions = {}): (text: string) => LanguageGuess {
  const minLetters = options.minLetters ?? MIN_LETTERS;
  const minMargin = options.minMargin ?? MIN_MARGIN;
  const proseOnly = options.proseOnly ?? true;
  return (text: string): LanguageGuess => {
    const sample = sampleForDetection(text, proseOnly);
    if (weightedLetters(sample) < minLetters) return UND;
    const result = eld.detect(sample);
    if (!result.language) return UND;
    const scores = Object.values(result.getScores()); // ordered best first
    const margin = (scores[0] ?? 0) - (scores[1] ?? 0);
    if (margin < minMargin) return UND;
    const confidence = 0.5 + 0.5 * Math.min(1, (margin - minMargin) / (FULL_MARGIN - minMargin));
    return { lang: result.language, confidence: Math.round(confidence * 1000) / 1000 };
  };
}

export const detectLanguage: (text: string) => LanguageGuess = createLanguageDetector(eldMedium);
