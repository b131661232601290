/**
 * A faster path to the index's inputs — folded tokens, language, stemmed content terms — for bulk
 * indexing. It yields exactly what `normalizeArticle` and `contentTerms` yield (a test checks it
 * on the seeds, the WMT texts in six languages and generated variants), by two observations:
 *
 * - `normalizeArticle` tokenizes each sentence of each kept paragraph. No word match crosses a
 *   sentence boundary (a boundary follows `.!?` and whitespace, or `。！？`, none of which a word
 *   contains), so tokenizing whole paragraphs gives the same stream without splitting sentences.
 * - Folding and stemming depend on the word alone. News vocabulary repeats, so a per-cache map
 *   from the raw word to its folded form and from a token to its content term turns most of the
 *   cost (NFKC, accent folding, spelling, Porter stemming) into a map look-up.
 *
 * The cache is an explicit object the caller owns (one per worker), never module state; it is
 * cleared when it grows past `maxEntries`.
 */
import type { Article } from '../../types.js';
import { contentTerms } from '../fingerprint.js';
import { stripBoilerplate } from '../normalize.js';
import { foldWord, guessLanguage, segmentWords } from '../segment.js';

// The same expressions as segment.ts (a test pins the equality of the outputs).
const WORD_RE = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

export interface TokenCache {
  folded: Map<string, string>;
  /** lang → token → its content term, or '' when the token is not a content word. */
  terms: Map<string, Map<string, string>>;
  maxEntries: number;
}

export function createTokenCache(maxEntries = 500_000): TokenCache {
  return { folded: new Map(), terms: new Map(), maxEntries };
}

function foldCached(raw: string, cache: TokenCache): string {
  let f = cache.folded.get(raw);
  if (f === undefined) {
    f = foldWord(raw);
    if (cache.folded.size >= cache.maxEntries) cache.folded.clear();
    cache.folded.set(raw, f);
  }
  return f;
}

/** The folded tokens and language `normalizeArticle(article)` would give. */
export function tokenizeArticleFast(article: Article, cache: TokenCache): { tokens: string[]; lang: string } {
  const { paragraphs } = stripBoilerplate(article.text);
  const tokens: string[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(WORD_RE)) {
      const raw = m[0];
      if (SPACELESS_SCRIPT.test(raw)) {
        for (const w of segmentWords(raw)) tokens.push(w.norm);
      } else tokens.push(foldCached(raw, cache));
    }
  }
  const lang = article.lang ?? guessLanguage(paragraphs.map((p) => p.text).join('\n\n'));
  return { tokens, lang };
}

/** The stemmed content terms `contentTerms(tokens, lang)` would give. */
export function contentTermsFast(tokens: readonly string[], lang: string, cache: TokenCache): string[] {
  let map = cache.terms.get(lang);
  if (!map) {
    map = new Map();
    cache.terms.set(lang, map);
  }
  const out: string[] = [];
  for (const t of tokens) {
    let term = map.get(t);
    if (term === undefined) {
      // contentTerms decides word by word, so asking it about one word is asking it about this one.
      term = contentTerms([t], lang)[0] ?? '';
      if (map.size >= cache.maxEntries) map.clear();
      map.set(t, term);
    }
    if (term !== '') out.push(term);
  }
  return out;
}
