/**
 * Words: the matching form of a word and the words of a text with their offsets.
 *
 * Words are matched with `\p{L}`/`\p{N}` classes rather than natural's tokenizers: those split on
 * `[^A-Za-z0-9]` and so cut "Díaz-Canel" into "D", "az", "Canel". Runs of Han, kana, Hangul or
 * Thai script have no spaces between words; they go through `Intl.Segmenter`, which knows
 * dictionary word boundaries for those languages.
 */
import { americanizeWord } from './spelling.js';

/** A word of the text with its place, for diffs that must show the original. */
export interface WordSpan {
  /** Folded matching form. */
  norm: string;
  start: number;
  end: number;
}

/** A character of a script written without spaces between words. */
export const SPACELESS_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
// A word: letters, marks and digits, joined by apostrophes (China's), never by hyphens, so that
// "China-Cuba" and "China Cuba" match. Numbers keep their separators (2,000.5).
export const WORD_RE = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/** ASCII code units: a letter (1), a digit (2), anything else (0). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) ASCII_CLASS[c] = 2;
for (let c = 0x41; c <= 0x5a; c++) ASCII_CLASS[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) ASCII_CLASS[c] = 1;
const RIGHT_QUOTE = 0x2019;

/** Where `findWords` writes and the regex it falls back on, reused from call to call. */
export interface WordScratch {
  /** Start and end of each word, in pairs. */
  at: Int32Array;
  re: RegExp;
}

export function createWordScratch(): WordScratch {
  return { at: new Int32Array(512), re: new RegExp(WORD_RE.source, WORD_RE.flags) };
}

const isAlnum = (c: number): boolean => c < 0x80 && ASCII_CLASS[c] !== 0;

/**
 * The end of `WORD_RE`'s number alternative from the digit at `i` (`\p{N}+(?:[.,:]\p{N}+)*`), or
 * −1 when a non-ASCII character could take part in it (the regex decides).
 */
function asciiNumberEnd(text: string, i: number): number {
  const len = text.length;
  let j = i;
  for (;;) {
    while (j < len && ASCII_CLASS[text.charCodeAt(j)] === 2) j++;
    if (j >= len) return j;
    const c = text.charCodeAt(j);
    if (c >= 0x80) return -1;
    if ((c !== 0x2e && c !== 0x2c && c !== 0x3a) || j + 1 >= len) return j;
    const d = text.charCodeAt(j + 1);
    if (d >= 0x80) return -1;
    if (ASCII_CLASS[d] !== 2) return j;
    j += 1;
  }
}

/**
 * The end of `WORD_RE`'s word alternative from the letter at `i` (letters, marks and digits joined
 * by apostrophes), or −1 when a non-ASCII character other than ’ could take part in it.
 */
function asciiWordEnd(text: string, i: number): number {
  const len = text.length;
  let j = i;
  for (;;) {
    while (j < len && isAlnum(text.charCodeAt(j))) j++;
    if (j >= len) return j;
    const c = text.charCodeAt(j);
    if (c >= 0x80 && c !== RIGHT_QUOTE) return -1;
    if ((c !== 0x27 && c !== RIGHT_QUOTE) || j + 1 >= len) return j;
    const d = text.charCodeAt(j + 1);
    if (d >= 0x80) return -1;
    if (!isAlnum(d)) return j;
    j += 1;
  }
}

/**
 * The words `WORD_RE` matches in `text`, as start and end pairs in `scratch.at` (grown as
 * needed); returns how many. ASCII letters, digits, separators and apostrophes (’ too) are read
 * by hand; wherever any other non-ASCII character could start or extend a word, that one word is
 * the regex's (`exec` from its start), and the hand reading resumes after it. The same words as
 * the regex (a property test holds it to it): the regex's `exec` was about a fifteenth of the
 * index's sketching time (`node --cpu-prof`); with this and the fold of `functionWords.ts`, the
 * sketching went 1,502 → 1,395 µs an article (`scripts/textSpeed.ts`).
 */
export function findWords(text: string, scratch: WordScratch): number {
  const len = text.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    let start = i;
    let end: number;
    if (c < 0x80) {
      const k = ASCII_CLASS[c];
      if (k === 0) {
        i++;
        continue;
      }
      end = k === 2 ? asciiNumberEnd(text, i) : asciiWordEnd(text, i);
    } else if (c === RIGHT_QUOTE) {
      i++;
      continue;
    } else end = -1;
    if (end < 0) {
      scratch.re.lastIndex = i;
      const m = scratch.re.exec(text);
      if (m === null) break;
      start = m.index;
      end = start + m[0].length;
    }
    if (2 * n + 2 > scratch.at.length) {
      const grown = new Int32Array(2 * scratch.at.length);
      grown.set(scratch.at);
      scratch.at = grown;
    }
    scratch.at[2 * n] = start;
    scratch.at[2 * n + 1] = end;
    n++;
    i = end;
  }
  return n;
}

let segmenterCache: Intl.Segmenter | undefined;
/**
 * `segmentWords`'s scratch: read while the words are folded, which never calls `segmentWords`
 * back. A fresh one after a long text grew it.
 */
let wordScratch = createWordScratch();
function wordSegmenter(): Intl.Segmenter {
  // Cached, not configured: constructing a Segmenter costs more than segmenting a sentence.
  segmenterCache ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenterCache;
}

/**
 * The matching form of one word: NFKC, lower case, accents dropped (Díaz → diaz), curly
 * apostrophes straightened, British spelling made American (favourable → favorable).
 */
export function foldWord(word: string): string {
  let w = word.normalize('NFKC').toLowerCase();
  if (/\P{ASCII}/u.test(w)) {
    // NFKC can open a space inside a word (the Arabic ligature U+FC5E becomes " ٌّ"): a token holds none.
    w = w.replace(/\s+/gu, '');
    w = w.normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC');
    w = w.replace(/[’ʼ]/g, "'");
  }
  return americanizeWord(w);
}

/**
 * Words of a text with their offsets, in order. `fold` is `foldWord` or the same function through
 * a cache (`foldCached`).
 */
export function segmentWords(text: string, fold: (raw: string) => string = foldWord): WordSpan[] {
  const out: WordSpan[] = [];
  // A text without any spaceless character (most of them) skips the per-word script test.
  const mixed = SPACELESS_SCRIPT.test(text);
  const found = findWords(text, wordScratch);
  const at = wordScratch.at;
  if (at.length > 1 << 16) wordScratch = createWordScratch();
  for (let w = 0; w < found; w++) {
    const start = at[2 * w] as number;
    const raw = text.slice(start, at[2 * w + 1] as number);
    if (mixed && SPACELESS_SCRIPT.test(raw)) {
      for (const seg of wordSegmenter().segment(raw)) {
        if (!seg.isWordLike) continue;
        const norm = fold(seg.segment);
        if (norm === '') continue;
        out.push({
          norm,
          start: start + seg.index,
          end: start + seg.index + seg.segment.length,
        });
      }
    } else {
      const norm = fold(raw);
      // A run of combining marks alone (a stray U+0301) folds to nothing: not a word.
      if (norm !== '') out.push({ norm, start, end: start + raw.length });
    }
  }
  return out;
}

/** Folded words of a text. */
export function tokenizeWords(text: string): string[] {
  return segmentWords(text).map((w) => w.norm);
}
