/**
 * Bilingual lexicons: a foreign word → the English stems it may translate to, built from FreeDict
 * entries (either direction; eng-xxx is inverted) or CC-CEDICT rows. Pure: the entries come in as
 * data (src/io/dictd.ts, src/io/cedict.ts read them). A lexicon is never learned from the texts it
 * is used on: it comes from the dictionaries alone.
 *
 * With `wanted` (the folded words of the corpus at hand), only entries whose headword or its stem
 * occurs there are kept: `lookUp` then answers exactly as the whole lexicon would for those words,
 * and a German dictionary of half a million entries is not stemmed in full.
 */
import type { AnchorLexicon } from './anchors.js';

export interface Lexicon extends AnchorLexicon {
  lang: string;
  /** Folded foreign word → English stems. */
  surface: ReadonlyMap<string, readonly string[]>;
  /** Foreign stem → English stems (for inflected forms not listed as headwords). */
  stems: ReadonlyMap<string, readonly string[]>;
  /** Entries read. */
  entries: number;
}

/** What building needs of a language: folding, stemmers and English stop words. */
export interface LexiconTools {
  fold: (w: string) => string;
  stemForeign: (w: string) => string;
  stemEnglish: (w: string) => string;
  englishStopwords: ReadonlySet<string>;
}

/** A dictionary entry: its headword and text (FreeDict: first line the headword with pronunciation). */
export interface DictionaryEntry {
  headword: string;
  body: string;
}

/** A CC-CEDICT row: traditional, simplified, pinyin (capitalised for a proper noun), gloss(es). */
export type CedictRow = readonly [string, string, string, string | readonly string[], ...unknown[]];

/**
 * At most this many English stems per foreign word: FreeDict and CC-CEDICT list many senses, and
 * a long list makes any two sentences look alike (the prototype's Chinese coverage inflated so).
 */
const MAX_STEMS = 6;

/**
 * Senses of a CC-CEDICT entry read. 2, as the prototype's report proposed (§8c); checked on
 * WMT22 zh↔en news (F1 1.000 with all senses and with 2) and WMT24 news.
 */
export const CEDICT_SENSES = 2;

/** A gloss that is a proper name: one to three capitalised words ("Barack Obama", "Beijing"). */
export function properName(gloss: string): string | undefined {
  const g = gloss.trim();
  if (!/^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u.test(g)) return undefined;
  if (/^(?:To|The|A|An|I|It|He|She|We|They|This|That)$/.test(g.split(' ')[0] as string)) return undefined;
  return g;
}

/** Translation phrases of a FreeDict entry body: IPA, <pos>, [domain], (notes), sense numbers, examples dropped. */
export function glossesOf(body: string): string[] {
  const out: string[] = [];
  for (const line of body.split('\n').slice(1)) {
    if (/^\s*(?:see:|synonyms?:|antonyms?:|note:|"|«)/i.test(line) || /^\s{3,}/.test(line)) continue;
    const clean = line
      .replace(/\/[^/]*\//g, ' ')
      .replace(/<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g, ' ')
      .replace(/^\s*\d+\.\s*/, '')
      .replace(/\s+\d+\.\s*$/, '');
    for (const phrase of clean.split(/[,;]/)) {
      const p = phrase.trim();
      if (p.length > 0) out.push(p);
    }
  }
  return out;
}

/** The headword as written on the entry's first line (before pronunciation and tags). */
export function headwordOf(entry: DictionaryEntry): string {
  const hw = (entry.body.split('\n')[0] ?? entry.headword).replace(/\/.*$/, '').replace(/<.*$/, '').trim();
  return hw.length > 0 ? hw : entry.headword;
}

/** English stems of a short gloss phrase; none for a long one (a definition, not a translation). */
function englishStems(phrase: string, tools: LexiconTools, maxWords = 3): string[] {
  const words = (phrase.match(/[\p{L}\p{M}]+(?:['’][\p{L}]+)?/gu) ?? []).map(tools.fold);
  const content = words.filter((w) => !tools.englishStopwords.has(w) && w !== 'to' && w.length > 1);
  if (content.length === 0 || content.length > maxWords) return [];
  return content.map(tools.stemEnglish);
}

function addAll(map: Map<string, string[]>, key: string, values: readonly string[]): void {
  if (key.length === 0 || values.length === 0) return;
  const list = map.get(key) ?? [];
  for (const v of values) if (!list.includes(v) && list.length < MAX_STEMS) list.push(v);
  map.set(key, list);
}

/** One foreign word (letters, marks, apostrophes, hyphens), folded; none for a phrase. */
function singleWord(s: string, tools: LexiconTools): string | undefined {
  const w = s.trim();
  return /^[\p{L}\p{M}'’-]+$/u.test(w) ? tools.fold(w) : undefined;
}

/** Memoised stemmers for the length of one build (a local cache, not module state). */
function memoTools(tools: LexiconTools): LexiconTools {
  const memo = (f: (w: string) => string) => {
    const m = new Map<string, string>();
    return (w: string): string => {
      let s = m.get(w);
      if (s === undefined) {
        s = f(w);
        m.set(w, s);
      }
      return s;
    };
  };
  return { ...tools, stemEnglish: memo(tools.stemEnglish), stemForeign: memo(tools.stemForeign) };
}

/** The filter of `wanted` words (and their stems); undefined keeps everything. */
function wantedTest(wanted: ReadonlySet<string> | undefined, tools: LexiconTools): (w: string) => boolean {
  if (!wanted) return () => true;
  const stems = new Set([...wanted].map(tools.stemForeign));
  return (w) => wanted.has(w) || stems.has(tools.stemForeign(w));
}

function finish(
  lang: string,
  surface: Map<string, string[]>,
  names: Map<string, string>,
  tools: LexiconTools,
  entries: number,
): Lexicon {
  const stems = new Map<string, string[]>();
  let longestWord = 1;
  for (const [w, en] of surface) {
    addAll(stems, tools.stemForeign(w), en);
    longestWord = Math.max(longestWord, [...w].length);
  }
  return lexiconOf({ lang, surface, stems, names, entries, longestWord });
}

/** A lexicon without its word test: what can be sent to a worker thread (a function cannot be cloned). */
export type LexiconData = Omit<Lexicon, 'isWord'>;

/** The lexicon of `data`: a word is a dictionary word when it is one of its headwords. */
export function lexiconOf(data: LexiconData): Lexicon {
  return { ...data, isWord: (w) => data.surface.has(w) };
}

/** `lexicon` as data (`lexiconOf` gives it back). */
export function lexiconData(lexicon: Lexicon): LexiconData {
  const { isWord: _test, ...data } = lexicon;
  return data;
}

/**
 * A lexicon from FreeDict: `toEnglish` entries (foreign headword → English glosses) and
 * `fromEnglish` entries (English headword → foreign glosses, inverted). One-word foreign sides
 * only (words are looked up one by one). A capitalised gloss of a capitalised headword is a name
 * (Πεκίνο → Beijing).
 */
export function buildLexicon(
  lang: string,
  sources: { toEnglish?: readonly DictionaryEntry[]; fromEnglish?: readonly DictionaryEntry[] },
  tools0: LexiconTools,
  wanted?: ReadonlySet<string>,
): Lexicon {
  const tools = memoTools(tools0);
  const keep = wantedTest(wanted, tools);
  const surface = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const e of sources.toEnglish ?? []) {
    const head = headwordOf(e);
    const hw = singleWord(head, tools);
    if (!hw || !keep(hw)) continue;
    for (const g of glossesOf(e.body)) {
      addAll(surface, hw, englishStems(g, tools));
      const name = properName(g);
      if (name && /^\p{Lu}/u.test(head) && !names.has(hw)) names.set(hw, name);
    }
  }
  for (const e of sources.fromEnglish ?? []) {
    const head = headwordOf(e);
    const targets = glossesOf(e.body)
      .map((g) => [g, singleWord(g, tools)] as const)
      .filter((x): x is readonly [string, string] => x[1] !== undefined && keep(x[1]));
    if (targets.length === 0) continue;
    const en = englishStems(head, tools, 1);
    if (en.length === 0) continue;
    const name = properName(head);
    for (const [g, w] of targets) {
      addAll(surface, w, en);
      if (name && /^\p{Lu}/u.test(g) && !names.has(w)) names.set(w, name);
    }
  }
  const entries = (sources.toEnglish?.length ?? 0) + (sources.fromEnglish?.length ?? 0);
  return finish(lang, surface, names, tools, entries);
}

/**
 * A Chinese lexicon from CC-CEDICT: simplified headword → English stems of its short glosses
 * (classifier notes, "variant of" and "see" references dropped; "surname Xi" and "abbr. for X"
 * keep their last words). A proper noun (capitalised pinyin) gives a name (奥巴马 → Barack Obama).
 */
export function buildCedictLexicon(
  rows: readonly CedictRow[],
  tools0: LexiconTools,
  wanted?: ReadonlySet<string>,
): Lexicon {
  const tools = memoTools({ ...tools0, stemForeign: (w) => w });
  const surface = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const row of rows) {
    const word = row[1];
    // Han text is cut into dictionary words by longest match, so every headword must stay known
    // for segmentation; only the glosses of unwanted words are left unread.
    const glosses = typeof row[3] === 'string' ? [row[3]] : (row[3] as readonly string[]);
    if (/^\p{Lu}/u.test(row[2]) && [...word].length >= 2 && !names.has(word)) {
      const name = properName(
        (glosses[0] ?? '')
          .replace(/\([^)]*\)/g, ' ')
          .split(/[;,]/)[0]
          ?.replace(/\s+/g, ' ') ?? '',
      );
      if (name) names.set(word, name);
    }
    if (wanted && !wanted.has(word)) {
      if (!surface.has(word)) surface.set(word, []);
      continue;
    }
    // The first senses only: CC-CEDICT lists many per word, and with all of them any two Chinese
    // and English sentences share a stem or two (the prototype's web-multi false links: the
    // Xinhua Chinese readouts against AFP's and Reuters' English stories of the same meetings).
    for (const g0 of glosses.slice(0, CEDICT_SENSES).flatMap((g) => g.replace(/\([^)]*\)/g, ' ').split(/[;,]/))) {
      const g = g0.trim();
      if (/^(?:CL:|variant of|old variant|see |used in|erhua variant)/i.test(g)) continue;
      const clean = g
        .replace(/\[[^\]]*\]/g, ' ')
        .replace(/^(?:surname|abbr\. for|abbr\. to|short for)\s+/i, '')
        .replace(/[\p{Script=Han}|]+/gu, ' ');
      const stems = englishStems(clean, tools, 3);
      if (stems.length > 0) addAll(surface, word, stems);
      else if (!surface.has(word)) surface.set(word, []);
    }
  }
  return finish('zh', surface, names, tools, rows.length);
}

/** English stems a folded foreign word may translate to: by its form, else by its stem; undefined when unknown. */
export function lookUp(
  lexicon: Lexicon,
  folded: string,
  stemForeign: (w: string) => string,
): readonly string[] | undefined {
  const direct = lexicon.surface.get(folded);
  if (direct && direct.length > 0) return direct;
  const byStem = lexicon.stems.get(stemForeign(folded));
  return byStem && byStem.length > 0 ? byStem : undefined;
}

/**
 * A lexicon through a third language: `via` entries map pivot words (headwords) to foreign words
 * (glosses), and `pivot` maps pivot words to English. Debian has no Russian → English dictionary
 * and its English → Russian one has 1,693 entries; German → Russian (deu-rus) inverted, then
 * German → English (deu-eng), gives Russian words their English stems. Merged with `direct`
 * (the small direct dictionary) when there is one.
 */
export function buildPivotLexicon(
  lang: string,
  via: readonly DictionaryEntry[],
  pivot: Lexicon,
  pivotStem: (w: string) => string,
  tools0: LexiconTools,
  options: { wanted?: ReadonlySet<string>; direct?: Lexicon } = {},
): Lexicon {
  const tools = memoTools(tools0);
  const keep = wantedTest(options.wanted, tools);
  const surface = new Map<string, string[]>();
  for (const [w, en] of options.direct?.surface ?? []) addAll(surface, w, en);
  const names = new Map<string, string>(options.direct?.names ?? []);
  for (const e of via) {
    const english = lookUp(pivot, tools.fold(headwordOf(e)), pivotStem);
    if (!english) continue;
    for (const g of glossesOf(e.body)) {
      const w = singleWord(g, tools);
      if (w && keep(w)) addAll(surface, w, english);
    }
  }
  return finish(lang, surface, names, tools, via.length + (options.direct?.entries ?? 0));
}
