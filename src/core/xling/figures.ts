/**
 * Numbers, amounts, percentages and dates as language-neutral figures, with their place in the
 * text. 1,000.5 (en), 1.000,5 (es, de…) and 1 000,5 (fr, ru) are one value; "3.5 billion",
 * "3.500 millones" and "35亿" are 3.5e9; "29 de noviembre de 2017", "Nov. 29, 2017", "29 ноября"
 * and "2017年11月29日" are one date. Tables of month and weekday names, not models.
 */
/** A figure found in a text: a number (maybe a percentage) or a date (a day, a month, a year or a weekday). */
export type Figure =
  | { type: 'number'; value: number; percent: boolean; start: number; end: number }
  | { type: 'date'; year?: number; month?: number; day?: number; weekday?: number; start: number; end: number };

// Languages that write a decimal comma (thousands with a dot or a space).
const DECIMAL_COMMA = new Set(['es', 'fr', 'de', 'it', 'pt', 'ro', 'ru', 'el', 'hr', 'tr', 'nl', 'pl', 'uk', 'id']);

// Month names, folded (lower case, accents dropped), by month. Stems where languages inflect.
// biome-ignore format: a table
export const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'enero', 'janvier', 'januar', 'janner', 'gennaio', 'janeiro', 'ianuarie', 'январ', 'ιανουαρ', 'sijec', 'sijecanj', 'ocak'],
  ['february', 'feb', 'febrero', 'fevrier', 'februar', 'febbraio', 'fevereiro', 'februarie', 'феврал', 'φεβρουαρ', 'veljac', 'veljaca', 'subat'],
  ['march', 'mar', 'marzo', 'mars', 'marz', 'marco', 'martie', 'март', 'μαρτ', 'ozujak', 'ozujka', 'mart'],
  ['april', 'apr', 'abril', 'avril', 'aprile', 'aprilie', 'апрел', 'απριλ', 'travanj', 'travnja', 'nisan'],
  ['may', 'mayo', 'mai', 'maggio', 'maio', 'мая', 'май', 'μαι', 'svibanj', 'svibnja', 'mayis'],
  ['june', 'jun', 'junio', 'juin', 'juni', 'giugno', 'junho', 'iunie', 'июн', 'ιουν', 'lipanj', 'lipnja', 'haziran'],
  ['july', 'jul', 'julio', 'juillet', 'juli', 'luglio', 'julho', 'iulie', 'июл', 'ιουλ', 'srpanj', 'srpnja', 'temmuz'],
  ['august', 'aug', 'agosto', 'aout', 'august', 'август', 'αυγουστ', 'kolovoz', 'kolovoza', 'agustos'],
  ['september', 'sep', 'sept', 'septiembre', 'septembre', 'settembre', 'setembro', 'septembrie', 'сентябр', 'σεπτεμβρ', 'rujan', 'rujna', 'eylul'],
  ['october', 'oct', 'octubre', 'octobre', 'oktober', 'ottobre', 'outubro', 'octombrie', 'октябр', 'οκτωβρ', 'listopad', 'listopada', 'ekim'],
  ['november', 'nov', 'noviembre', 'novembre', 'novembro', 'noiembrie', 'ноябр', 'νοεμβρ', 'studeni', 'studenog', 'kasim'],
  ['december', 'dec', 'diciembre', 'decembre', 'dezember', 'dicembre', 'dezembro', 'decembrie', 'декабр', 'δεκεμβρ', 'prosinac', 'prosinca', 'aralik'],
];
// Weekdays, Monday = 1. Words that are also other words (quinta, pazar, joi, cuma…) are left out.
// biome-ignore format: a table
export const WEEKDAYS: ReadonlyArray<readonly string[]> = [
  ['monday', 'lunes', 'lundi', 'montag', 'lunedi', 'luni', 'понедельник', 'δευτερα', 'ponedjeljak', 'pazartesi'],
  ['tuesday', 'martes', 'mardi', 'dienstag', 'martedi', 'вторник', 'τριτη', 'utorak'],
  ['wednesday', 'miercoles', 'mercredi', 'mittwoch', 'mercoledi', 'miercuri', 'среда', 'среду', 'τεταρτη', 'srijeda', 'srijedu', 'carsamba'],
  ['thursday', 'jueves', 'jeudi', 'donnerstag', 'giovedi', 'четверг', 'πεμπτη', 'cetvrtak', 'persembe'],
  ['friday', 'viernes', 'vendredi', 'freitag', 'venerdi', 'vineri', 'пятница', 'пятницу', 'παρασκευη', 'petak'],
  ['saturday', 'sabado', 'samedi', 'samstag', 'sabato', 'sambata', 'суббота', 'субботу', 'σαββατο', 'subota', 'subotu', 'cumartesi'],
  ['sunday', 'domingo', 'dimanche', 'sonntag', 'domenica', 'duminica', 'воскресенье', 'κυριακη', 'nedjelja', 'nedjelju'],
];
// Month words that are also common words: a month only with a day or a year next to them.
const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'mai', 'mars', 'mart', 'jun', 'jul', 'sept', 'marco', 'august']);
// Scale words after a number (folded), by power of ten. "mil" alone is a thousand (es, pt).
// biome-ignore format: a table
const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:thousand|mil|mille|tausend|тыс|тысяч\p{L}*|χιλιαδ\p{L}*|bin|tisuc\p{L}*|mii)$/u, 1e3],
  [/^(?:million\p{L}*|millon\p{L}*|millones|mio|milion\p{L}*|milhoes|milhao|milioane|milioni|миллион\p{L}*|млн|εκατομμυρι\p{L}*|milijun\p{L}*|milyon)$/u, 1e6],
  [/^(?:billion\p{L}*|milliard\p{L}*|mrd|miliard\p{L}*|bilhoes|bilhao|миллиард\p{L}*|млрд|δισεκατομμυρι\p{L}*|milijard\p{L}*|milyar)$/u, 1e9],
  [/^(?:trillion\p{L}*|billones|billon|billionen|триллион\p{L}*|трлн|trilhoes)$/u, 1e12],
];
const PERCENT_AFTER =
  /^\s*(?:%|％|percent|per cent|por ciento|pour cent|prozent|per cento|por cento|la suta|процент|τοις εκατο|posto|yuzde)/iu;

const NOT_ASCII = /\P{ASCII}/u;

/**
 * Lower case, accents dropped, for table look-ups. An ASCII word (most of them) has no accent and
 * NFD changes none of its characters: lower case alone, the same string.
 */
export function foldForm(word: string): string {
  if (!NOT_ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The month (1–12) a folded word names, or 0. Short forms match whole; longer ones may carry a case ending. */
export function monthOf(word: string): number {
  const w = word.replace(/\.$/, '');
  for (let m = 0; m < MONTHS.length; m++) {
    for (const name of MONTHS[m] as readonly string[]) {
      if (w === name) return m + 1;
      if (name.length >= 4 && w.startsWith(name) && w.length - name.length <= 3) return m + 1;
    }
  }
  return 0;
}

/** The weekday (Monday 1 … Sunday 7) a folded word names, or 0. */
export function weekdayOf(word: string): number {
  for (let d = 0; d < WEEKDAYS.length; d++) if ((WEEKDAYS[d] as readonly string[]).includes(word)) return d + 1;
  return 0;
}

/** The value of a digit string with separators, read by the text's language (1,000.5 = 1.000,5 = 1 000,5). */
export function parseNumber(s: string, lang: string): number {
  const compact = s.replace(/[\u00a0\u202f ]/g, '');
  const seps = compact.replace(/\d/g, '');
  if (seps.length === 0) return Number(compact);
  const last = seps[seps.length - 1] as string;
  const lastGroup = compact.slice(compact.lastIndexOf(last) + 1);
  let decimal: string | null;
  if (new Set(seps).size > 1) decimal = last;
  else if (seps.length > 1) decimal = null;
  else if (lastGroup.length !== 3) decimal = last;
  else if (DECIMAL_COMMA.has(lang)) decimal = last === ',' ? ',' : null;
  else decimal = last === '.' ? '.' : null;
  let digits = compact;
  for (const ch of new Set(seps)) if (ch !== decimal) digits = digits.split(ch).join('');
  if (decimal) digits = digits.replace(decimal, '.');
  return Number(digits);
}

// biome-ignore format: a table
const HAN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral (二〇一七 → 2017, 十九 → 19, 三千五百 → 3500, 三万 → 30000). */
export function parseHanNumeral(s: string): number {
  const chars = [...s];
  if (chars.every((c) => HAN_DIGITS[c] !== undefined)) return Number(chars.map((c) => HAN_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of chars) {
    if (HAN_DIGITS[c] !== undefined) digit = HAN_DIGITS[c] as number;
    else if (HAN_UNITS[c] !== undefined) {
      section += (digit || 1) * (HAN_UNITS[c] as number);
      digit = 0;
    } else if (c === '万' || c === '亿') {
      total += (section + digit) * (c === '万' ? 1e4 : 1e8);
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

interface Word {
  w: string;
  start: number;
  end: number;
}

const YEAR = /^(?:1[89]|20)\d\d$/;

/** Words and digit groups of a text with offsets (a digit group keeps its separators: 1.000,5; 1 000). */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\p{N}+(?:[.,\u00a0\u202f ]\p{N}{3})*(?:[.,]\p{N}+)?|\p{L}+\.?/gu)) {
    out.push({ w: foldForm(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The day (1–31) a word next to a month gives, or 0. "29", "29." */
function dayOf(word: string | undefined): number {
  if (!word || !/^\d{1,2}\.?$/.test(word)) return 0;
  const d = Number(word.replace('.', ''));
  return d >= 1 && d <= 31 ? d : 0;
}

/** Each month name (folded) → its month, the first month listing it, as `monthOf` reads the table. */
const MONTH_NAMES = new Map<string, number>();
/** The names `monthOf` also finds with up to three letters more (a case ending): four letters or longer. */
const MONTH_STEMS = new Map<string, number>();
/** Each weekday name → its weekday (Monday 1). */
const WEEKDAY_NAMES = new Map<string, number>();
MONTHS.forEach((names, m) => {
  for (const name of names) {
    if (!MONTH_NAMES.has(name)) MONTH_NAMES.set(name, m + 1);
    if (name.length >= 4 && !MONTH_STEMS.has(name)) MONTH_STEMS.set(name, m + 1);
  }
});
WEEKDAYS.forEach((names, d) => {
  for (const name of names) if (!WEEKDAY_NAMES.has(name)) WEEKDAY_NAMES.set(name, d + 1);
});

/** A word's first two code units as one number. */
const openingOf = (w: string): number => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1);
/**
 * How the month and weekday names of two letters or more open: a word of two or more that opens
 * otherwise is none of them, and none of its forms without a last letter or three (four letters
 * or longer, they open as the word does) is a month name either. Most words are answered here,
 * where each was looked up with its shorter forms (a string cut and hashed each: 0.7 s of 17 s
 * reading 2,500 English bench articles' anchors six times).
 */
const NAME_OPENINGS = new Set<number>(
  [...MONTH_NAMES.keys(), ...WEEKDAY_NAMES.keys()].filter((name) => name.length >= 2).map(openingOf),
);

/**
 * What a folded word names for `monthDates`: its month (1–12), else minus its weekday (−1 … −7),
 * else 0: `monthOf`, else `weekdayOf`, by look-ups. `monthOf` compares a word with every month
 * name of every language (a sixth of the cross-language profiles' time once, `node --cpu-prof` of
 * a 2,000-article scan); here the word and its forms without a last one to three letters are looked
 * up (the earliest month found wins, as in `monthOf`'s loop). This replaced a memo of the answers
 * (`remembered`, 100,000 words a generation), whose map upkeep was 5.1 s of the 45.5 s spent in
 * `extractAnchors` in a 30,000-article scan (`node --cpu-prof`, `scan --no-cross-language`).
 */
export function dateWordOf(word: string): number {
  const w = word.endsWith('.') ? word.slice(0, -1) : word;
  if (w.length >= 2 && !NAME_OPENINGS.has(openingOf(w))) return 0;
  let month = MONTH_NAMES.get(w) ?? 0;
  for (let cut = 0; cut <= 3 && w.length - cut >= 4; cut++) {
    const m = MONTH_STEMS.get(cut === 0 ? w : w.slice(0, w.length - cut));
    if (m !== undefined && (month === 0 || m < month)) month = m;
  }
  if (month > 0) return month;
  const weekday = WEEKDAY_NAMES.get(w) ?? 0;
  return weekday > 0 ? -weekday : 0;
}

/** Dates written with month names: "29 de noviembre de 2017", "Nov. 29, 2017", "29. November", "ноября 2017". */
function monthDates(words: readonly Word[], used: Set<number>): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    const cur = words[i] as Word;
    if (/\d/.test(cur.w)) continue;
    const named = dateWordOf(cur.w);
    if (named <= 0) {
      if (named < 0) out.push({ type: 'date', weekday: -named, start: cur.start, end: cur.end });
      continue;
    }
    const month = named;
    let day = 0;
    let from = cur.start;
    // A full stop after a whole month name ends the sentence; after "Nov." it is part of the word.
    let to = cur.w.endsWith('.') && cur.w.length > 5 ? cur.end - 1 : cur.end;
    const linked = /^(?:de|del|di|le|den|am|of|the)$/.test(words[i - 1]?.w ?? '');
    for (const j of [i - 1, i - 2, i + 1]) {
      if (j === i - 2 && !linked) continue;
      const d = dayOf(words[j]?.w);
      if (d > 0 && !used.has(j)) {
        day = d;
        used.add(j);
        from = Math.min(from, (words[j] as Word).start);
        to = Math.max(to, (words[j] as Word).end);
        break;
      }
    }
    let year: number | undefined;
    for (const j of [i + 1, i + 2, i + 3]) {
      const w = words[j];
      if (!w || used.has(j) || !YEAR.test(w.w.replace(/\.$/, ''))) continue;
      if (j === i + 3 && !/^(?:de|del|di|of)$/.test(words[i + 2]?.w ?? '')) continue;
      year = Number(w.w.replace(/\.$/, ''));
      used.add(j);
      to = Math.max(to, w.end);
      break;
    }
    if (day === 0 && year === undefined && AMBIGUOUS_MONTHS.has(cur.w.replace(/\.$/, ''))) continue;
    out.push({ type: 'date', month, ...(day > 0 ? { day } : {}), ...(year ? { year } : {}), start: from, end: to });
  }
  return out;
}

/** Dates written with 年月日 or 년월일, and ISO dates (2017-11-29). */
function numericDates(text: string, taken: boolean[]): Figure[] {
  const out: Figure[] = [];
  const re =
    /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일号])?|(\d{4})\s*[年년]|\b(\d{4})-(\d{2})-(\d{2})\b/gu;
  for (const m of text.matchAll(re)) {
    const year = m[1] ?? m[4] ?? m[5];
    const month = m[2] ?? m[6];
    const day = m[3] ?? m[7];
    if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) continue;
    out.push({
      type: 'date',
      ...(year ? { year: Number(year) } : {}),
      ...(month ? { month: Number(month) } : {}),
      ...(day ? { day: Number(day) } : {}),
      start: m.index,
      end: m.index + m[0].length,
    });
    for (let k = m.index; k < m.index + m[0].length; k++) taken[k] = true;
  }
  return out;
}

/** The scale a word after a number gives (million, millones, млн…), or 1. */
function scaleOf(word: Word | undefined, after: Word | undefined): number {
  if (!word) return 1;
  const w = word.w.replace(/\.$/, '');
  // "mil millones" (es), "mil milhões" (pt): a thousand millions.
  if (w === 'mil' && after && /^(?:millones|milhoes)$/.test(after.w)) return 1e9;
  for (const [re, mult] of SCALES) if (re.test(w)) return mult;
  return 1;
}

/** Digit numbers: values with separators, scale words and percent signs; years become dates. */
function digitNumbers(
  text: string,
  lang: string,
  words: readonly Word[],
  used: Set<number>,
  taken: boolean[],
): Figure[] {
  const out: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    const cur = words[i] as Word;
    if (!/^\d/.test(cur.w) || used.has(i) || taken[cur.start]) continue;
    // A time of day (10:30) or a part of a longer code (A-320, 2017/18) is not a figure.
    if (/^[:/]\d/.test(text.slice(cur.end, cur.end + 2)) || /\d[:/]$/.test(text.slice(cur.start - 2, cur.start)))
      continue;
    const next = words[i + 1];
    const near = next && next.start - cur.end <= 2 ? next : undefined;
    const scale = scaleOf(near, words[i + 2]);
    let value = parseNumber(cur.w, lang) * scale;
    let end = scale > 1 && near ? near.end : cur.end;
    const han = scale === 1 ? /^\s*([万亿])/.exec(text.slice(cur.end, cur.end + 3)) : null;
    if (han) {
      value *= han[1] === '万' ? 1e4 : 1e8;
      end = cur.end + han[0].length;
    }
    const after = text.slice(end, end + 14);
    const percent =
      PERCENT_AFTER.test(after) ||
      /[%％]\s*$/.test(text.slice(Math.max(0, cur.start - 2), cur.start)) ||
      /百分之$/.test(text.slice(Math.max(0, cur.start - 3), cur.start));
    if (!Number.isFinite(value)) continue;
    if (!percent && scale === 1 && !han && YEAR.test(cur.w)) {
      out.push({ type: 'date', year: value, start: cur.start, end: cur.end });
      continue;
    }
    out.push({ type: 'number', value, percent, start: cur.start, end });
  }
  return out;
}

/** Chinese numerals: runs with a unit (十九, 三千五百) and digit-by-digit years (二〇一七年). */
function hanNumbers(text: string, taken: boolean[]): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(/(百分之)?([零〇一二两三四五六七八九十百千万亿]{2,})(年)?/gu)) {
    const s = m[2] as string;
    if (taken[m.index]) continue;
    if (!/[十百千万亿〇零]/.test(s) && s.length < 4) continue;
    // 十分 (very), 万一 (in case), 一一 (one by one), 千万 (by all means) are words, not numbers.
    if (/^(?:十分|万一|一一|千万|万万|百万)$/.test(s)) continue;
    const value = parseHanNumeral(s);
    if (!Number.isFinite(value) || value === 0) continue;
    const end = m.index + m[0].length;
    if (m[3] && YEAR.test(String(value))) out.push({ type: 'date', year: value, start: m.index, end });
    else out.push({ type: 'number', value, percent: Boolean(m[1]), start: m.index, end });
  }
  return out;
}

/**
 * Every figure of a text, in order of place: numbers (with their scale and percent sign), dates
 * with their parts (day, month, year as written), years, and weekdays. `lang` decides how a lone
 * separator reads (1.500 is 1500 in Spanish, 1.5 in English).
 */
export function extractFigures(text: string, lang: string): Figure[] {
  const taken: boolean[] = [];
  const words = wordsOf(text);
  const used = new Set<number>();
  const dates = [...numericDates(text, taken), ...monthDates(words, used)];
  const numbers = [...digitNumbers(text, lang, words, used, taken), ...hanNumbers(text, taken)];
  return [...dates, ...numbers].sort((x, y) => x.start - y.start || x.end - y.end);
}
