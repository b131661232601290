/**
 * Sentences: where one ends inside a paragraph.
 */

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
