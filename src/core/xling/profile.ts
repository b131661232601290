/**
 * What a text brings to a comparison across languages, computed once per article: its anchors,
 * and for each sentence the language-neutral keys of its content words — English stems through a
 * bilingual dictionary (English words are their own stems), the word itself in Latin letters
 * (names and international words need no dictionary: Обама = Obama, "internet"), a cognate key
 * for long words of related languages (cooperación / cooperation), and the keys of its numbers
 * and dates. Pure; the dictionaries come in as data.
 */
import type { Anchors, NormalizedArticle, UnplacedAnchors } from '../../types/index.js';
import { type InternPool, internList, internString } from '../intern.js';
import { getStemmer, getStopwords } from '../text/natural.js';
import { sentenceTokens, tokenCount } from '../text/normalize.js';
import { type AnchorResources, extractAnchors } from './anchors.js';
import type { EquivalentsTable } from './equivalents.js';
import { type KeyedSentences, keySentences } from './keyed.js';
import { type Lexicon, lookUp } from './lexicon.js';
import { toLatin } from './transliterate.js';

/** Dictionaries and the equivalents table, as loaded by the pipeline (pipeline/crossLanguage.ts). */
export interface CrossLanguageResources {
  equivalents?: EquivalentsTable;
  /** Lexicons by language (foreign → English). */
  lexicons: ReadonlyMap<string, Lexicon>;
  /** Languages of the corpus for which no dictionary could be loaded (their evidence is anchors and cognates only). */
  missing: readonly string[];
}

/** A sentence as the cross-language alignment reads it. */
export interface CrossSentence {
  /**
   * Per content word (and per number or date), the keys it may match under. (No set of the
   * sentence's keys is kept beside them: nothing read it, and at 3,000 bench articles those sets were
   * 16 KB an article, a third of the profiles' memory.)
   */
  words: ReadonlyArray<readonly string[]>;
  /** Most of its words stand inside quotation marks. */
  quoted: boolean;
}

export interface CrossProfile {
  lang: string;
  /** Without their mentions' offsets when the profile was compacted (`compactProfile`). */
  anchors: UnplacedAnchors;
  /** The sentences in numbers (keyed.ts): what the alignment and the candidate search read. */
  keyed: KeyedSentences;
  /** Letters and digits over the language's length factor: about the English length. */
  length: number;
  /** Whether the language's words were looked up in a dictionary (English needs none). */
  dictionary: boolean;
  /** Share of content words the dictionary knew (1 for English). */
  known: number;
}

/**
 * A profile as `profileArticle` makes it: its anchors with their mentions (which a review marks),
 * and its sentences as lists of keys (which a review merges by paragraph).
 */
export interface PlacedCrossProfile extends CrossProfile {
  anchors: Anchors;
  sentences: CrossSentence[];
}

/**
 * Letters a text in this language has per letter of its English version. Set a priori from how
 * these scripts write (Han writes a word in about 1.5 characters, a Hangul block holds 2–3
 * letters), not fitted; used only to compare lengths across languages.
 */
// biome-ignore format: a table
export const LENGTH_FACTOR: Readonly<Record<string, number>> = {
  en: 1, es: 1.1, fr: 1.12, de: 1.12, it: 1.1, pt: 1.1, ro: 1.1, ru: 1.05, el: 1.1, hr: 0.95, tr: 1.0,
  ar: 0.8, ko: 0.45, zh: 0.33, ja: 0.45,
};

const HAN = /\p{Script=Han}/u;
const LETTERS = /[\p{L}\p{N}]/gu;

/** The spelling a cognate key is read from: transliterated, spelling conventions merged (c/k/q, ph/f, y/i…). */
function cognateForm(folded: string): string {
  return toLatin(folded)
    .replace(/[^a-z]/g, '')
    .replace(/dzh|zh/g, 'j')
    .replace(/tsch|tch|sch|sh|ch|ts|tz|x/g, 's')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck|c|q|k/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Cognate key: the first 5 letters of the cognate form of a word of 6 letters or more
 * (cooperación, cooperation, кооперация → koope). Shorter words are too often look-alikes by chance.
 */
export function cognateKey(folded: string): string | undefined {
  const form = cognateForm(folded);
  return form.length >= 6 ? `c:${form.slice(0, 5)}` : undefined;
}

/** A content word's keys, and whether a dictionary knew it. */
interface WordKeys {
  keys: readonly string[];
  known: boolean;
}

/**
 * Language → word → its keys: the caller owns it for one corpus (news vocabulary repeats). By
 * language, then by the token itself, whose hash the string keeps once computed (a scan's tokens
 * are its word cache's strings), where a key made per token (`lang + NUL + token`) was a new
 * string to hash at every look-up.
 */
export type WordKeyCache = Map<string, Map<string, WordKeys | null>>;

/** Han text cut into dictionary words, longest first (Intl.Segmenter may cut a name: 奥|巴|马). */
function splitHan(token: string, lexicon: Lexicon): string[] {
  const chars = [...token];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let n = Math.min(lexicon.longestWord, 8, chars.length - i);
    while (n > 1 && !lexicon.surface.has(chars.slice(i, i + n).join(''))) n--;
    out.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

/** The keys of one folded token, or null when it is not a content word (a stop word, a digit, a letter). */
function keysOfToken(token: string, lang: string, lexicon: Lexicon | undefined): WordKeys | null {
  if (/\d/.test(token) || getStopwords(lang).has(token)) return null;
  const han = HAN.test(token);
  if (!han && token.length < 2) return null;
  const stemEn = getStemmer('en');
  const english = (w: string): string => `e:${stemEn ? stemEn.stem(w) : w}`;
  const cognate = cognateKey(token);
  if (lang === 'en') return { keys: [english(token), ...(cognate ? [cognate] : [])], known: true };
  const keys = new Set<string>();
  if (han) {
    if (lexicon) {
      const stemForeign = (w: string): string => w;
      for (const part of lexicon.surface.has(token) ? [token] : splitHan(token, lexicon))
        for (const s of lookUp(lexicon, part, stemForeign) ?? []) keys.add(`e:${s}`);
    }
    return { keys: [...keys], known: keys.size > 0 };
  }
  if (lexicon) {
    const stemmer = getStemmer(lang);
    for (const s of lookUp(lexicon, token, (w) => (stemmer ? stemmer.stem(w) : w)) ?? []) keys.add(`e:${s}`);
  }
  const known = keys.size > 0;
  keys.add(english(toLatin(token)));
  if (cognate) keys.add(cognate);
  return { keys: [...keys], known };
}

/** Index of the sentence holding a character offset (sentences in order). */
function sentenceAt(article: NormalizedArticle, offset: number): number {
  let lo = 0;
  let hi = article.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((article.sentences[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The keys of the names each word is part of (by token index): an equivalents-table id lets
 * Pekín meet Beijing, the sound keys Обама meet Obama. A name's words carry its keys; a name is
 * not counted again as a word of its own (reports that share their actors would otherwise look
 * alike sentence by sentence).
 */
function nameKeysByToken(article: NormalizedArticle, anchors: Anchors, pool?: InternPool): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const spans = article.tokenSpans;
  const tokens = spans.length / 2;
  for (const n of anchors.names) {
    const keys = pool ? internList(pool, n.keys) : n.keys;
    for (const [s, e] of n.mentions) {
      let lo = 0;
      let hi = tokens;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((spans[2 * mid + 1] as number) <= s) lo = mid + 1;
        else hi = mid;
      }
      for (let t = lo; t < tokens && (spans[2 * t] as number) < e; t++) out.set(t, [...(out.get(t) ?? []), ...keys]);
    }
  }
  return out;
}

/** Keys of the strong numbers and of the dates, by sentence: the same in every language. */
function anchorKeys(article: NormalizedArticle, anchors: Anchors, pool?: InternPool): string[][][] {
  const out: string[][][] = article.sentences.map(() => []);
  const put = (key: string, mentions: ReadonlyArray<readonly [number, number]>): void => {
    const keys = [pool ? internString(pool, key) : key];
    for (const [start] of mentions) out[sentenceAt(article, start)]?.push(keys);
  };
  for (const n of anchors.numbers) if (!n.weak) put(n.key, n.mentions);
  for (const d of anchors.dates) {
    if (d.month !== undefined && d.day !== undefined) put(`d:${d.month}-${d.day}`, d.mentions);
    else if (d.year !== undefined && d.month === undefined) put(`y:${d.year}`, d.mentions);
  }
  return out;
}

/**
 * The cross-language profile of a normalized article. With `pool`, every key its sentences hold
 * is the pool's copy from the start (a word's keys once, when `cache` first meets the word; a
 * name's and a figure's as the article's are read), so that `compactProfile` need not look each up
 * again (`keysInPool`). The same profile either way.
 */
export function profileArticle(
  article: NormalizedArticle,
  resources: CrossLanguageResources,
  cache: WordKeyCache = new Map(),
  pool?: InternPool,
): PlacedCrossProfile {
  const lexicon = resources.lexicons.get(article.lang);
  const anchorResources: AnchorResources = {
    ...(resources.equivalents ? { equivalents: resources.equivalents } : {}),
    ...(lexicon ? { lexicon } : {}),
  };
  const anchors = extractAnchors(article, anchorResources);
  const figures = anchorKeys(article, anchors, pool);
  const named = nameKeysByToken(article, anchors, pool);
  let words = cache.get(article.lang);
  if (!words) {
    words = new Map();
    cache.set(article.lang, words);
  }
  let content = 0;
  let known = 0;
  let t = 0;
  const sentences = article.sentences.map((s, k): CrossSentence => {
    const keys: Array<readonly string[]> = [];
    let quoted = 0;
    for (const token of sentenceTokens(article, s)) {
      const extra = named.get(t);
      quoted += article.quoted[t++] ?? 0;
      let found = words.get(token);
      if (found === undefined) {
        found = keysOfToken(token, article.lang, lexicon);
        if (found && pool) found = { keys: internList(pool, found.keys), known: found.known };
        words.set(token, found);
      }
      if (found === null && !extra) continue;
      content++;
      if (found?.known) known++;
      keys.push(extra ? [...(found?.keys ?? []), ...extra] : (found?.keys ?? []));
    }
    for (const f of figures[k] ?? []) keys.push(f);
    return { words: keys, quoted: 2 * quoted > tokenCount(s) };
  });
  const letters = article.clean.match(LETTERS)?.length ?? 0;
  return {
    lang: article.lang,
    anchors,
    sentences,
    keyed: keySentences(sentences),
    length: letters / (LENGTH_FACTOR[article.lang] ?? 1),
    dictionary: article.lang === 'en' || lexicon !== undefined,
    known: article.lang === 'en' ? 1 : content === 0 ? 0 : known / content,
  };
}

/**
 * The profile as a scan holds it for every article until its stories are made: its anchors
 * without their mentions' offsets (nothing after the profile is made reads them but a review,
 * which makes its own), and one copy of each key, name and list of keys among all the profiles
 * handed to `pool`, and its sentences in the keyed form alone (keyed.ts), without their lists of
 * keys. A profile made its own copies: a name's keys merged into each of its words' keys, the
 * sorted look-up keys, a sentence's list grown by `push`. On 3,000 bench articles the profiles
 * were 35 KB an article, more than all else an article held (heap snapshot after a collection at
 * the end of the cross-language stage, `scripts/scanMemory.ts` read by `scripts/heapHolders.ts`).
 * A new object: `profile` is left as it was; `pool` is added to. Nothing a comparison or the
 * candidate search reads changes. A profile compacted already (one a worker made and posted, its
 * strings fresh copies) may be compacted again, into this pool: the same profile. `keysInPool`:
 * the profile was made with this pool (`profileArticle`'s `pool`), its keyed sentences' keys are
 * the pool's already and are kept as they are.
 */
export function compactProfile(profile: CrossProfile, pool: InternPool, keysInPool = false): CrossProfile {
  const one = (s: string): string => internString(pool, s);
  const list = (keys: readonly string[]): string[] => internList(pool, keys);
  const { anchors, keyed } = profile;
  const compactAnchors: UnplacedAnchors = {
    // Each anchor made as one literal with every field (an absent one undefined), where copying
    // it without its mentions and then setting fields left part of them in a property array of
    // their own: 3,000 bench articles' anchors at the end of scoring 16.5 → 15.3 MB (heap snapshot).
    names: anchors.names.map((n) => ({
      key: one(n.key),
      keys: list(n.keys),
      text: one(n.text),
      english: n.english === undefined ? undefined : one(n.english),
      kind: n.kind,
      first: n.first,
      count: n.count,
    })),
    numbers: anchors.numbers.map((n) => ({
      key: one(n.key),
      value: n.value,
      percent: n.percent,
      weak: n.weak,
      text: one(n.text),
      first: n.first,
      count: n.count,
    })),
    dates: anchors.dates.map((d) => ({
      key: one(d.key),
      year: d.year,
      month: d.month,
      day: d.day,
      weekday: d.weekday,
      yearFrom: d.yearFrom,
      text: one(d.text),
      first: d.first,
      count: d.count,
    })),
    lookupKeys: anchors.lookupKeys.map(one),
  };
  return {
    lang: one(profile.lang),
    anchors: compactAnchors,
    // Keys made with this pool (`profileArticle`'s) are its copies already: about 400 look-ups an
    // article (the bench corpus) in a map of every key of the corpus, not made again.
    keyed: keysInPool ? keyed : { ...keyed, keys: keyed.keys.map(one), quotedKeys: keyed.quotedKeys.map(one) },
    length: profile.length,
    dictionary: profile.dictionary,
    known: profile.known,
  };
}
