/**
 * Language: a guess from the script and, for Latin text, from function words (metadata wins when
 * present).
 */
import { ARABIC, CYRILLIC, charInfo, GREEK, HAN, HANGUL_SCRIPT, KANA, LETTER, NUMBER } from './chars.js';
import { SPACELESS_SCRIPT } from './tokens.js';

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

/** Function words per language, scored by `guessLanguage` (a word may serve two languages). */
const FUNCTION_WORDS: ReadonlyArray<[string, readonly string[]]> = [
  ['en', ['the', 'and', 'of', 'to', 'is', 'that', 'with', 'you', 'it', 'was']],
  ['es', ['el', 'los', 'las', 'que', 'del', 'por', 'una', 'con', 'es', 'un', 'lo', 'se']],
  ['de', ['der', 'die', 'und', 'das', 'nicht', 'mit', 'ist', 'den', 'ein', 'du', 'wir', 'auf']],
  ['fr', ['le', 'les', 'des', 'est', 'une', 'dans', 'pour', 'qui']],
  ['pt', ['os', 'não', 'uma', 'com', 'para', 'do', 'da', 'em', 'você']],
  ['it', ['il', 'della', 'che', 'gli', 'per', 'una', 'non', 'sono']],
];
const ANY_FUNCTION_WORD = new Set(FUNCTION_WORDS.flatMap(([, words]) => words));
// Longest function word, in UTF-16 code units: longer letter runs are never looked up.
const LONGEST_FUNCTION_WORD = Math.max(...[...ANY_FUNCTION_WORD].map((w) => w.length));

/**
 * A guess at the language from the script alone (metadata wins when present).
 *
 * One pass over the first 4,000 characters counts letters per script; then, for Latin text, one
 * pass over the lower-cased letter runs counts function words. A function word is counted as
 * `split(' w ')` would count it in the text reduced to letter runs joined by single spaces: the
 * separating space of two equal neighbours belongs to the first match, so in a run of k equal
 * words every other one counts (⌈k/2⌉).
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  let letters = 0;
  let kana = 0;
  let han = 0;
  let hangul = 0;
  let cyrillic = 0;
  let arabic = 0;
  let greek = 0;
  let spanishMarks = 0;
  let sharpS = 0;
  let tildes = 0;
  for (let i = 0; i < sample.length; ) {
    // codePointAt reads a surrogate pair as one code point and a lone surrogate as itself.
    const cp = sample.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    // Numbers count for nothing here: only letters, scripts and the marks below.
    const c = charInfo(cp) & ~NUMBER;
    if (c === 0) {
      if (cp === 0xbf || cp === 0xa1) spanishMarks++;
      continue;
    }
    if (c & LETTER) letters++;
    if (c & KANA) kana++;
    if (c & HAN) han++;
    if (c & HANGUL_SCRIPT) hangul++;
    if (c & CYRILLIC) cyrillic++;
    if (c & ARABIC) arabic++;
    if (c & GREEK) greek++;
    if (cp === 0xf1 || cp === 0xd1) spanishMarks++;
    else if (cp === 0xdf) sharpS++;
    else if (cp === 0xe3 || cp === 0xc3 || cp === 0xf5 || cp === 0xd5) tildes++;
  }
  const total = letters || 1;
  if (kana / total > 0.1) return 'ja';
  if (han / total > 0.3) return 'zh';
  if (hangul / total > 0.3) return 'ko';
  if (cyrillic / total > 0.3) return 'ru';
  if (arabic / total > 0.3) return 'ar';
  if (greek / total > 0.3) return 'el';
  const counts = countFunctionWords(sample.toLowerCase());
  const score = (list: readonly string[]): number => list.reduce((n, w) => n + (counts.get(w) ?? 0), 0);
  // Letters and marks that belong to one language among these (¿ ¡ ñ: Spanish; ß: German; ã õ:
  // Portuguese), each counted like a function word: short dialogue has few function words.
  const marks: Record<string, number> = { es: spanishMarks, de: sharpS, pt: tildes };
  const candidates: Array<[string, number]> = FUNCTION_WORDS.map(([lang, list]) => [
    lang,
    score(list) + (marks[lang] ?? 0),
  ]);
  candidates.sort((x, y) => y[1] - x[1]);
  const best = candidates[0];
  return best && best[1] > 0 ? best[0] : 'und';
}

/** Occurrences of each function word among the letter runs of a lower-cased text (see above). */
function countFunctionWords(lower: string): Map<string, number> {
  const counts = new Map<string, number>();
  let runStart = -1;
  let previous = '';
  let previousCounted = false;
  const endRun = (end: number): void => {
    // A longer run is no function word; '' stands for it (no function word equals it).
    const word = end - runStart <= LONGEST_FUNCTION_WORD ? lower.slice(runStart, end) : '';
    runStart = -1;
    const counted = ANY_FUNCTION_WORD.has(word) && !(previousCounted && previous === word);
    if (counted) counts.set(word, (counts.get(word) ?? 0) + 1);
    previous = word;
    previousCounted = counted;
  };
  for (let i = 0; i < lower.length; ) {
    const start = i;
    const cp = lower.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    if (charInfo(cp) & LETTER) {
      if (runStart < 0) runStart = start;
    } else if (runStart >= 0) endRun(start);
  }
  if (runStart >= 0) endRun(lower.length);
  return counts;
}
