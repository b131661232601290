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

let segmenterCache: Intl.Segmenter | undefined;
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
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const start = m.index;
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
