/**
 * The one file that touches `natural`. We take its stemmers and stop-word lists only:
 * - the bare `import 'natural'` loads ~1,200 modules (WordNet, database drivers) and prints dotenv
 *   lines on stdout, which would corrupt `--format json`; so we load the CommonJS subpaths;
 * - its `TfIdf` keeps documents as objects and recomputes IDF per query: far too slow for a whole
 *   corpus, so TF-IDF is our own sparse implementation (`tfidf.ts`);
 * - its word tokenizers split on `[^A-Za-z0-9]` and drop accented letters, so tokenization is
 *   ours (`tokens.ts`, on `\p{L}`).
 */
import { createRequire } from 'node:module';
import { foldWord } from './tokens.js';

interface NaturalStemmer {
  stem(token: string): string;
}

const require = createRequire(import.meta.url);
const STEMMER_MODULES: Record<string, string> = {
  en: 'porter_stemmer.js',
  es: 'porter_stemmer_es.js',
  de: 'porter_stemmer_de.js',
  fr: 'porter_stemmer_fr.js',
  it: 'porter_stemmer_it.js',
  pt: 'porter_stemmer_pt.js',
  nl: 'porter_stemmer_nl.js',
  ru: 'porter_stemmer_ru.js',
  sv: 'porter_stemmer_sv.js',
  no: 'porter_stemmer_no.js',
  uk: 'porter_stemmer_uk.js',
  fa: 'porter_stemmer_fa.js',
};
// biome-ignore format: a table reads best filled
const STOPWORD_MODULES: Record<string, string> = {
  en: 'stopwords.js', es: 'stopwords_es.js', fr: 'stopwords_fr.js', it: 'stopwords_it.js',
  nl: 'stopwords_nl.js', no: 'stopwords_no.js', pl: 'stopwords_pl.js', pt: 'stopwords_pt.js',
  ru: 'stopwords_ru.js', sv: 'stopwords_sv.js', uk: 'stopwords_uk.js', zh: 'stopwords_zh.js',
  ja: 'stopwords_ja.js', fa: 'stopwords_fa.js', id: 'stopwords_id.js',
};
// German has no list in natural; these are the most frequent function words.
const GERMAN_STOPWORDS =
  'aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den denen der des dich die dir doch dort du durch ein eine einem einen einer eines er es für gegen hat hatte hier ich ihm ihn ihr im in ist ja jede jedem jeden jeder kann kein keine mich mir mit muss nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so über um und uns unser unter vom von vor war waren warum was weil wenn wer werden wie wir wird wo zu zum zur'.split(
    ' ',
  );

const stemmers = new Map<string, NaturalStemmer | null>();
const stopwords = new Map<string, ReadonlySet<string>>();

/** Natural's Porter (or Snowball-style) stemmer for a language, or none. Loaded on first use. */
export function getStemmer(lang: string): NaturalStemmer | undefined {
  const key = lang.slice(0, 2).toLowerCase();
  if (!stemmers.has(key)) {
    const file = STEMMER_MODULES[key];
    stemmers.set(key, file ? (require(`natural/lib/natural/stemmers/${file}`) as NaturalStemmer) : null);
  }
  return stemmers.get(key) ?? undefined;
}

/** Stop words for a language, folded like our tokens (`foldWord`). */
export function getStopwords(lang: string): ReadonlySet<string> {
  const key = lang.slice(0, 2).toLowerCase();
  let set = stopwords.get(key);
  if (!set) {
    const file = STOPWORD_MODULES[key];
    const words: string[] =
      key === 'de'
        ? GERMAN_STOPWORDS
        : file
          ? (require(`natural/lib/natural/util/${file}`) as { words: string[] }).words
          : [];
    // Folded exactly like our tokens (`foldWord`: case, accents, apostrophes, British spelling),
    // so that a listed word such as "más" still matches the token "mas".
    set = new Set(words.map(foldWord));
    stopwords.set(key, set);
  }
  return set;
}
