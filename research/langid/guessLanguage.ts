// Copied verbatim from /work/main/src/core/text/segment.ts (commit 0dfbeff) for comparison:
// splitSentences (used to cut the 'middle sentence' snippet) and guessLanguage (the project's own guesser).

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

// Per-code-point classes for `guessLanguage`, worked out once per BMP code point by the same
// Unicode property expressions and kept in a table (a pure function's memo, not state).
const LETTER = 1;
const KANA = 2;
const HAN = 4;
const HANGUL = 8;
const CYRILLIC = 16;
const ARABIC = 32;
const GREEK = 64;
const KNOWN = 128;
const CLASS_TESTS: ReadonlyArray<[number, RegExp]> = [
  [LETTER, /\p{L}/u],
  [KANA, /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  [HAN, /\p{Script=Han}/u],
  [HANGUL, /\p{Script=Hangul}/u],
  [CYRILLIC, /\p{Script=Cyrillic}/u],
  [ARABIC, /\p{Script=Arabic}/u],
  [GREEK, /\p{Script=Greek}/u],
];
let bmpClasses: Uint8Array | undefined;

function classifyCodePoint(cp: number): number {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a ? LETTER : 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return 0; // a lone surrogate (a pair is read as one code point)
  if (cp <= 0xffff) {
    bmpClasses ??= new Uint8Array(0x10000);
    const known = bmpClasses[cp] as number;
    if (known !== 0) return known & ~KNOWN;
  }
  const ch = String.fromCodePoint(cp);
  let bits = 0;
  for (const [bit, re] of CLASS_TESTS) if (re.test(ch)) bits |= bit;
  if (cp <= 0xffff) (bmpClasses as Uint8Array)[cp] = bits | KNOWN;
  return bits;
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
  for (let i = 0; i < sample.length; i++) {
    let cp = sample.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < sample.length) {
      const lo = sample.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    const c = classifyCodePoint(cp);
    if (c === 0) {
      if (cp === 0xbf || cp === 0xa1) spanishMarks++;
      continue;
    }
    if (c & LETTER) letters++;
    if (c & KANA) kana++;
    if (c & HAN) han++;
    if (c & HANGUL) hangul++;
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
  for (let i = 0; i < lower.length; i++) {
    const start = i;
    let cp = lower.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < lower.length) {
      const lo = lower.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (classifyCodePoint(cp) & LETTER) {
      if (runStart < 0) runStart = start;
    } else if (runStart >= 0) endRun(start);
  }
  if (runStart >= 0) endRun(lower.length);
  return counts;
}
