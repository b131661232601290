/**
 * Anchors of one article: the names, numbers and dates it mentions, in forms that do not depend
 * on its language, each with its display text, its first place, its count and every mention.
 * Built on the normalized article (so page chrome is already set aside) and pure: the
 * equivalents table and a dictionary's names come in as resources, when the caller has them.
 *
 *   extractAnchors(article)                         names by capitals and transliteration, numbers, dates
 *   extractAnchors(article, { equivalents })        + acronyms, countries, capitals across languages (UN = ONU = ООН)
 *   extractAnchors(article, { equivalents, lexicon }) + a dictionary's names (奥巴马 → Barack Obama, Πεκίνο → Beijing)
 */
import type {
  Anchors,
  DateAnchor,
  Mention,
  NameAnchor,
  NameKind,
  NormalizedArticle,
  NumberAnchor,
  Sentence,
} from '../../types/index.js';
import { getStopwords } from '../text/natural.js';
import { tokenSpanArray } from '../text/spans.js';
import { foldWord, segmentWords } from '../text/tokens.js';
import {
  type EquivalentsTable,
  kindOfEntry,
  matchEquivalents,
  type TableWord,
  withoutPossessive,
} from './equivalents.js';
import { extractFigures, type Figure } from './figures.js';
import { hanSyllables } from './pinyin.js';
import { nameKeys, romanizeHangulSyllable, syllableRunKeys, toLatin } from './transliterate.js';

/** What a bilingual dictionary tells about words of one language (see core/xling/lexicon.ts). */
export interface AnchorLexicon {
  /** Folded word → the English proper name it translates to (Πεκίνο → Beijing, 奥巴马 → Barack Obama). */
  names: ReadonlyMap<string, string>;
  /** Whether the folded word is a dictionary word (a capitalised common noun or a menu item is not a name). */
  isWord(folded: string): boolean;
  /** Longest headword in characters: Han text is cut into dictionary words by longest match. */
  longestWord: number;
}

export interface AnchorResources {
  equivalents?: EquivalentsTable;
  /** The dictionary of the article's language. */
  lexicon?: AnchorLexicon;
}

/** A word of the article with what name finding needs. */
interface Word extends TableWord {
  start: number;
  end: number;
  /** First word of its sentence. */
  initial: boolean;
  sentence: number;
}

// Capitalised words that are titles, page furniture or calendar words, never names on their own.
// biome-ignore format: a word list
const NOT_NAMES = new Set([
  'president', 'presidente', 'prasident', 'президент', 'minister', 'ministro', 'ministre', 'prime', 'secretary',
  'general', 'state', 'party', 'national', 'congress', 'house', 'council', 'committee', 'department', 'ministry',
  'foreign', 'affairs', 'university', 'news', 'agency', 'photo', 'video', 'read', 'more', 'home', 'share', 'follow',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mr', 'mrs', 'ms', 'dr', 'st',
]);
// Titles before a person's name (folded), in the languages at hand.
// biome-ignore format: a word list
const PERSON_TITLES = new Set([
  'president', 'presidente', 'prasident', 'президент', 'προεδρος', 'predsjednik', 'presedintele',
  'minister', 'ministro', 'ministre', 'министр', 'mr', 'mrs', 'ms', 'dr', 'pope', 'papa', 'pape', 'papst', 'папа',
  'king', 'queen', 'rey', 'roi', 'konig', 'premier', 'chancellor', 'senator', 'senador', 'astronaut', 'astronauta',
  'secretary', 'spokesman', 'spokesperson', 'portavoz', 'said', 'dijo', 'former', 'expresidente',
]);
const CASED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const HANGUL_RUN = /\p{Script=Hangul}+/gu;

/** What `extractAnchors` reads of a normalized article. */
export type AnchorText = Pick<NormalizedArticle, 'clean' | 'lang' | 'date' | 'tokens' | 'tokenSpans'> & {
  sentences: ReadonlyArray<Pick<Sentence, 'index' | 'tokenStart' | 'tokenEnd'>>;
};

/**
 * An article as sent to another thread for its anchors: the clean text and where its sentences
 * start and end, a few kilobytes; the words are found again there (`anchorTextOf`), not copied
 * string by string.
 */
export interface AnchorSource {
  clean: string;
  lang: string;
  date?: string;
  /** Start and end of each sentence in `clean`, two numbers a sentence. */
  sentences: Uint32Array;
}

/** What is sent of a normalized article for its anchors (`AnchorSource`). */
export function anchorSourceOf(article: NormalizedArticle): AnchorSource {
  const sentences = new Uint32Array(2 * article.sentences.length);
  article.sentences.forEach((s, i) => {
    sentences[2 * i] = s.start;
    sentences[2 * i + 1] = s.end;
  });
  return {
    clean: article.clean,
    lang: article.lang,
    ...(article.date !== undefined ? { date: article.date } : {}),
    sentences,
  };
}

/**
 * The words of a source found again as `normalizeArticle` found them: each sentence's text through
 * `segmentWords` and `fold` (`foldWord`, or the same through a word cache: the anchors worker
 * keeps one, where `foldWord` was a quarter of finding the words again), offsets into `clean`.
 */
export function anchorTextOf(source: AnchorSource, fold: (raw: string) => string = foldWord): AnchorText {
  const sentences: Array<Pick<Sentence, 'index' | 'tokenStart' | 'tokenEnd'>> = [];
  const tokens: string[] = [];
  const spans: number[] = [];
  for (let i = 0; 2 * i < source.sentences.length; i++) {
    const start = source.sentences[2 * i] as number;
    const found = segmentWords(source.clean.slice(start, source.sentences[2 * i + 1]), fold);
    const tokenStart = tokens.length;
    for (const w of found) {
      spans.push(start + w.start, start + w.end);
      tokens.push(w.norm);
    }
    sentences.push({ index: i, tokenStart, tokenEnd: tokens.length });
  }
  return {
    clean: source.clean,
    lang: source.lang,
    ...(source.date !== undefined ? { date: source.date } : {}),
    tokens,
    tokenSpans: tokenSpanArray(spans, source.clean.length),
    sentences,
  };
}

/**
 * The article's words with their raw form, place and sentence. A word written as it folds (most
 * of them: lower case, no accent) takes the folded string as its raw form too, the same
 * characters: that string is the corpus's one copy of the word, whose hash is already known to
 * the table look-ups that read the raw form (`matchEquivalents`), where a cut of the text is new.
 */
function wordsOf(article: AnchorText): Word[] {
  const out: Word[] = [];
  for (const s of article.sentences) {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const start = article.tokenSpans[2 * t] as number;
      const end = article.tokenSpans[2 * t + 1] as number;
      const norm = article.tokens[t] as string;
      const raw = article.clean.slice(start, end);
      out.push({
        raw: raw === norm ? norm : raw,
        norm,
        start,
        end,
        initial: t === s.tokenStart,
        sentence: s.index,
      });
    }
  }
  return out;
}

/** Keys of a run of name words (folded): the whole run's keys, then each word's. */
function keysOfRun(words: readonly string[]): string[] {
  const latin = words.map(toLatin);
  const keys = latin.length > 1 ? nameKeys(latin.join(''), 4) : [];
  for (const w of latin) keys.push(...nameKeys(w, 2));
  return [...new Set(keys)];
}

/** Collects names: a name met again (same key, or a surname of a longer name met before) is one more mention. */
class NameBook {
  readonly byKey = new Map<string, NameAnchor>();
  readonly lookup = new Set<string>();

  add(key: string, keys: readonly string[], text: string, at: Mention, extra: Partial<NameAnchor> = {}): void {
    for (const k of keys) this.lookup.add(k);
    const known = this.byKey.get(key) ?? (keys.length <= 2 ? this.partOf(keys) : undefined);
    if (known) {
      known.count++;
      known.mentions.push(at);
      if (!known.kind && extra.kind) known.kind = extra.kind;
      return;
    }
    const name: NameAnchor = { key, keys: [...keys], text, ...extra, first: at[0], count: 1, mentions: [at] };
    this.byKey.set(key, name);
  }

  /** A longer name already met whose keys include all of these (Obama after Barack Obama). */
  private partOf(keys: readonly string[]): NameAnchor | undefined {
    for (const n of this.byKey.values())
      if (n.keys.length > keys.length && keys.every((k) => n.keys.includes(k))) return n;
    return undefined;
  }
}

/** Equivalents-table hits as names; returns the word indexes they cover. */
function tableNames(article: AnchorText, words: readonly Word[], table: EquivalentsTable, book: NameBook): Set<number> {
  const covered = new Set<number>();
  for (const hit of matchEquivalents(table, words, article.clean)) {
    let at: Mention;
    if (hit.word !== undefined && hit.words !== undefined) {
      const first = words[hit.word] as Word;
      const last = words[hit.word + hit.words - 1] as Word;
      at = [first.start, last.end];
      for (let k = 0; k < hit.words; k++) covered.add(hit.word + k);
    } else at = [hit.start ?? 0, hit.end ?? 0];
    const kind = kindOfEntry(hit.id);
    book.add(hit.id, [hit.id], article.clean.slice(at[0], at[1]), at, kind ? { kind } : {});
  }
  return covered;
}

/**
 * Whether word `i` may be part of a name: capitalised, not a stop word, title or calendar word,
 * never written in lower case in the text, not opening its sentence unless capitalised elsewhere
 * too, and not a dictionary word (a German noun, a menu item) unless the dictionary lists it as a name.
 */
function nameTest(words: readonly Word[], lang: string, covered: ReadonlySet<number>, lexicon?: AnchorLexicon) {
  const stop = getStopwords(lang);
  const capitalisedInside = new Set<string>();
  const lowerSomewhere = new Set<string>();
  for (const w of words) {
    if (!w.initial && /^\p{Lu}/u.test(w.raw)) capitalisedInside.add(withoutPossessive(w.norm));
    if (/^\p{Ll}/u.test(w.raw)) lowerSomewhere.add(w.norm);
  }
  return (i: number): boolean => {
    const w = words[i] as Word;
    if (covered.has(i) || !/^\p{Lu}/u.test(w.raw) || !CASED_SCRIPT.test(w.raw)) return false;
    const base = withoutPossessive(w.norm);
    if (stop.has(base) || base.length < 2 || NOT_NAMES.has(base) || lowerSomewhere.has(base)) return false;
    if (w.initial && !capitalisedInside.has(base)) return false;
    if (lexicon?.names.has(base)) return true;
    return !(lexicon && /\p{Ll}/u.test(w.raw) && lexicon.isWord(base));
  };
}

/** Two words are one name only when spaces or a hyphen part them: "China (IDCPC" or "Xinhua) -- Senior" are two names. */
function joinsName(clean: string, left: Word, right: Word): boolean {
  return /^(?:\s+|[-‐])$/u.test(clean.slice(left.end, right.start));
}

/** Names found by capitals: runs of up to four name words inside one sentence, parted by spaces or a hyphen only. */
function capitalisedNames(
  article: AnchorText,
  words: readonly Word[],
  covered: ReadonlySet<number>,
  book: NameBook,
  lexicon?: AnchorLexicon,
): void {
  const isName = nameTest(words, article.lang, covered, lexicon);
  for (let i = 0; i < words.length; i++) {
    if (!isName(i)) continue;
    let n = 1;
    while (
      n < 4 &&
      i + n < words.length &&
      (words[i + n] as Word).sentence === (words[i] as Word).sentence &&
      joinsName(article.clean, words[i + n - 1] as Word, words[i + n] as Word) &&
      isName(i + n)
    )
      n++;
    const run = words.slice(i, i + n);
    const folded = run.map((w) => withoutPossessive(w.norm));
    const keys = keysOfRun(folded);
    const english = folded.map((w) => lexicon?.names.get(w)).filter((x): x is string => x !== undefined);
    for (const e of english) keys.push(...keysOfRun(e.toLowerCase().split(' ')));
    const before = words[i - 1];
    const kind: NameKind | undefined =
      before && PERSON_TITLES.has(before.norm) && before.sentence === run[0]?.sentence ? 'person' : undefined;
    if (keys.length > 0) {
      const at: Mention = [(run[0] as Word).start, (run[n - 1] as Word).end];
      const text = article.clean.slice(at[0], at[1]).replace(/['’]s$/, '');
      book.add(keys[0] as string, [...new Set(keys)], text, at, {
        ...(kind ? { kind } : {}),
        ...(english.length > 0 ? { english: english.join(' ') } : {}),
      });
    }
    i += n - 1;
  }
}

/**
 * Chinese and Korean text has no capitals: every run of 2–4 syllables is a key a name of another
 * text may be found under; with a dictionary, the words it lists as proper names (奥巴马 →
 * Barack Obama) are names, found by cutting Han text into dictionary words, longest first.
 */
function syllableNames(article: AnchorText, book: NameBook, lexicon?: AnchorLexicon): void {
  for (const m of article.clean.matchAll(HAN_RUN)) {
    const syllables = hanSyllables(m[0]);
    for (let i = 0; i < syllables.length; i++) {
      let joined = syllables[i] as string;
      for (let n = 2; n <= 4 && i + n <= syllables.length; n++) {
        joined += syllables[i + n - 1];
        for (const k of syllableRunKeys(joined)) book.lookup.add(k);
      }
    }
    if (!lexicon) continue;
    const chars = [...m[0]];
    for (let i = 0, at = m.index; i < chars.length; ) {
      let n = Math.min(lexicon.longestWord, 8, chars.length - i);
      while (n > 1 && !lexicon.isWord(chars.slice(i, i + n).join(''))) n--;
      const word = chars.slice(i, i + n).join('');
      const english = lexicon.names.get(word);
      if (english && n > 1) {
        const keys = [...keysOfRun(english.toLowerCase().split(' ')), ...syllableRunKeys(hanSyllables(word).join(''))];
        book.add(`zh:${word}`, keys, word, [at, at + word.length], { english });
      }
      at += word.length;
      i += n;
    }
  }
  for (const m of article.clean.matchAll(HANGUL_RUN)) {
    // Korean names open the word; particles follow it: the prefixes of 2–4 syllables.
    const syllables = [...m[0]].map(romanizeHangulSyllable);
    for (let n = 2; n <= Math.min(4, syllables.length); n++)
      for (const k of syllableRunKeys(syllables.slice(0, n).join(''))) book.lookup.add(k);
  }
}

/** A stable key for a value: at most 6 significant digits. */
export function valueKey(value: number): string {
  return String(Number(value.toPrecision(6)));
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The year of the article's date, and its month, when the metadata gives one (YYYY-MM…). */
function articleYearMonth(date: string | undefined): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(date ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}

/**
 * A date figure as an anchor's fields. A day and month written without a year take the article's
 * year, or the year before when the month lies more than one month after the article's (a report of
 * 2 January speaks of 29 December of the year before).
 */
function dateFields(f: Extract<Figure, { type: 'date' }>, published?: { year: number; month: number }) {
  if (f.weekday !== undefined) return { key: `weekday:${f.weekday}`, weekday: f.weekday };
  let year = f.year;
  let yearFrom: 'text' | 'article' | undefined = year !== undefined ? 'text' : undefined;
  if (year === undefined && f.day !== undefined && f.month !== undefined && published) {
    year = f.month > published.month + 1 ? published.year - 1 : published.year;
    yearFrom = 'article';
  }
  const y = year !== undefined ? String(year) : '-';
  const key =
    f.month === undefined ? y : f.day === undefined ? `${y}-${pad2(f.month)}` : `${y}-${pad2(f.month)}-${pad2(f.day)}`;
  return {
    key,
    ...(year !== undefined ? { year } : {}),
    ...(f.month !== undefined ? { month: f.month } : {}),
    ...(f.day !== undefined ? { day: f.day } : {}),
    ...(yearFrom ? { yearFrom } : {}),
  };
}

/** Numbers and dates of the article, one anchor per key, with every mention. */
function figureAnchors(article: AnchorText): { numbers: NumberAnchor[]; dates: DateAnchor[] } {
  const numbers = new Map<string, NumberAnchor>();
  const dates = new Map<string, DateAnchor>();
  const published = articleYearMonth(article.date);
  for (const f of extractFigures(article.clean, article.lang)) {
    const at: Mention = [f.start, f.end];
    const text = article.clean.slice(f.start, f.end);
    const fields =
      f.type === 'number'
        ? {
            key: `${f.percent ? 'p' : 'n'}:${valueKey(f.value)}`,
            value: f.value,
            percent: f.percent,
            weak: !f.percent && Number.isInteger(f.value) && f.value >= 0 && f.value <= 10,
          }
        : dateFields(f, published);
    const map: Map<string, NumberAnchor | DateAnchor> = f.type === 'number' ? numbers : dates;
    const known = map.get(fields.key);
    if (known) {
      known.count++;
      known.mentions.push(at);
    } else
      map.set(fields.key, { ...fields, text, first: f.start, count: 1, mentions: [at] } as NumberAnchor & DateAnchor);
  }
  return { numbers: [...numbers.values()], dates: [...dates.values()] };
}

/** The names, numbers and dates of a normalized article (see the module comment). */
export function extractAnchors(article: AnchorText, resources: AnchorResources = {}): Anchors {
  const words = wordsOf(article);
  const book = new NameBook();
  const covered = resources.equivalents ? tableNames(article, words, resources.equivalents, book) : new Set<number>();
  capitalisedNames(article, words, covered, book, resources.lexicon);
  syllableNames(article, book, resources.lexicon);
  const names = [...book.byKey.values()].sort((x, y) => x.first - y.first || x.key.localeCompare(y.key));
  for (const n of names) for (const k of n.keys) book.lookup.add(k);
  const { numbers, dates } = figureAnchors(article);
  return { names, numbers, dates, lookupKeys: [...book.lookup].sort() };
}

/**
 * `x` without its `mentions`, as a new object (`x` is not changed): an anchor as comparisons read
 * it. `x` may already be without them.
 */
export function unplaced<T extends object>(x: T): Omit<T, 'mentions'> {
  const { mentions: _m, ...rest } = x as T & { mentions?: unknown };
  return rest;
}
