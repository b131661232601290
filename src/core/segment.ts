/**
 * Words and sentences.
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

const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
// A word: letters, marks and digits, joined by apostrophes (China's), never by hyphens, so that
// "China-Cuba" and "China Cuba" match. Numbers keep their separators (2,000.5).
const WORD_RE = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
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
    w = w.normalize('NFD').replace(COMBINING_DIACRITICS, '').normalize('NFC');
    w = w.replace(/[’ʼ]/g, "'");
  }
  return americanizeWord(w);
}

/** Words of a text with their offsets, in order. */
export function segmentWords(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const raw = m[0];
    const start = m.index;
    if (SPACELESS_SCRIPT.test(raw)) {
      for (const seg of wordSegmenter().segment(raw)) {
        if (!seg.isWordLike) continue;
        out.push({
          norm: foldWord(seg.segment),
          start: start + seg.index,
          end: start + seg.index + seg.segment.length,
        });
      }
    } else {
      out.push({ norm: foldWord(raw), start, end: start + raw.length });
    }
  }
  return out;
}

/** Folded words of a text. */
export function tokenizeWords(text: string): string[] {
  return segmentWords(text).map((w) => w.norm);
}

// Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
// biome-ignore format: a word list reads best filled
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'gov',
  'sen', 'rep', 'rev', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'p.m', 'a.m', 'approx', 'est', 'mt', 'ft', 'sra', 'sr', 'dra',
]);

/** A sentence's place within a paragraph. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Sentence boundaries of one paragraph: after `.`, `!`, `?` (and `。！？`) with closing quotes or
 * brackets, when the next sentence starts with a capital, a digit or an opening quote, and the
 * word before the stop is not an abbreviation or an initial ("J. Smith").
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  // A new sentence may open with a dialogue dash ("eso. - No…", "…ended. — Yes").
  const re = /[.!?]+["'”’»)\]]*(?=\s+(?:[-–—]\s*)?["'“‘«([]?[\p{Lu}\p{N}])|[。！？]+["'”’」』）)]*/gu;
  for (const m of paragraph.matchAll(re)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(paragraph.slice(Math.max(start, m.index - 12), m.index));
      const word = before?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
      // "No. 5" and "Nos. 3 and 4" are numbers; "The answer was no. The talks ended." is not.
      if ((word === 'no' || word === 'nos') && /^\s+\p{N}/u.test(paragraph.slice(end))) continue;
    }
    pushTrimmed(paragraph, start, end, spans);
    start = end;
  }
  pushTrimmed(paragraph, start, paragraph.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ start: s, end: e });
}

/** Whether a text is mostly in a script written without spaces between words. */
export function isSpaceless(text: string): boolean {
  let spaceless = 0;
  let letters = 0;
  for (const ch of text.slice(0, 2000)) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (SPACELESS_SCRIPT.test(ch)) spaceless++;
    }
  }
  return letters > 0 && spaceless / letters > 0.3;
}

/** A guess at the language from the script alone (metadata wins when present). */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const count = (re: RegExp): number => sample.match(re)?.length ?? 0;
  const letters = count(/\p{L}/gu) || 1;
  if (count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) / letters > 0.1) return 'ja';
  if (count(/\p{Script=Han}/gu) / letters > 0.3) return 'zh';
  if (count(/\p{Script=Hangul}/gu) / letters > 0.3) return 'ko';
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return 'ru';
  if (count(/\p{Script=Arabic}/gu) / letters > 0.3) return 'ar';
  if (count(/\p{Script=Greek}/gu) / letters > 0.3) return 'el';
  const words = ` ${sample.toLowerCase().replace(/[^\p{L}]+/gu, ' ')} `;
  const score = (list: string[]): number => list.reduce((n, w) => n + (words.split(` ${w} `).length - 1), 0);
  // Letters and marks that belong to one language among these (¿ ¡ ñ: Spanish; ß: German; ã õ:
  // Portuguese), each counted like a function word: short dialogue has few function words.
  const marks = (re: RegExp): number => count(re);
  const candidates: Array<[string, number]> = [
    ['en', score(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'you', 'it', 'was'])],
    ['es', score(['el', 'los', 'las', 'que', 'del', 'por', 'una', 'con', 'es', 'un', 'lo', 'se']) + marks(/[¿¡ñ]/giu)],
    ['de', score(['der', 'die', 'und', 'das', 'nicht', 'mit', 'ist', 'den', 'ein', 'du', 'wir', 'auf']) + marks(/ß/gu)],
    ['fr', score(['le', 'les', 'des', 'est', 'une', 'dans', 'pour', 'qui'])],
    ['pt', score(['os', 'não', 'uma', 'com', 'para', 'do', 'da', 'em', 'você']) + marks(/[ãõ]/giu)],
    ['it', score(['il', 'della', 'che', 'gli', 'per', 'una', 'non', 'sono'])],
  ];
  candidates.sort((x, y) => y[1] - x[1]);
  const best = candidates[0];
  return best && best[1] > 0 ? best[0] : 'und';
}
