/**
 * The bulk path to the index's inputs: `scanArticle`, the one-pass scanner that sketches an
 * article from the form indexes of its words, and `tokenizeAndTermsFast`, the path before it
 * (token and term lists; kept as the benchmark's in-process baseline). Both yield exactly the
 * folded tokens, language and stemmed content terms that `normalizeArticle` and `contentTerms` yield (a test checks it
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
import type { Article } from '../../types/index.js';
import { hashString } from '../fingerprint/shingle.js';
import { guessLanguage } from './language.js';
import { type SelectedParagraphs, selectParagraphs } from './normalize.js';
import { contentTerms } from './terms.js';
import { createWordScratch, findWords, foldWord, SPACELESS_SCRIPT, WORD_RE, type WordScratch } from './tokens.js';

export interface TokenCache {
  /** lang → raw word → [folded token, content term or '']: one look-up per word on the combined path. */
  words: Map<string, Map<string, WordForms>>;
  maxEntries: number;
  /** The same segmenter `segmentWords` uses (its own instance, so the cache is self-contained). */
  segmenter: Intl.Segmenter;
}

/** A raw word's folded token and its content term ('' when it is not a content word). */
type WordForms = readonly [string, string];

export function createTokenCache(maxEntries = 500_000): TokenCache {
  return {
    words: new Map(),
    maxEntries,
    segmenter: new Intl.Segmenter('zh', { granularity: 'word' }),
  };
}

/** The paragraphs and language exactly as normalizeArticle reads them (body extraction included). */
function bodyAndLanguage(
  article: Article,
  selected: SelectedParagraphs = selectParagraphs(article.text, article.lang),
): {
  paragraphs: SelectedParagraphs['paragraphs'];
  lang: string;
  plan: string | undefined;
} {
  const { paragraphs, plan } = selected;
  return { paragraphs, lang: article.lang ?? guessLanguage(paragraphs.map((p) => p.text).join('\n\n')), plan };
}

/**
 * Tokens, language and content terms in one pass, with one cache look-up per raw word. The language is
 * guessed first (from the kept paragraphs, as `normalizeArticle` does), so each word is looked up
 * in its language's map. Spaceless runs (Han, kana, Hangul, Thai) are cut by the Segmenter only in
 * paragraphs that hold such a character at all.
 */
export function tokenizeAndTermsFast(
  article: Article,
  cache: TokenCache,
): { tokens: string[]; lang: string; terms: string[]; plan?: string } {
  const { paragraphs, lang, plan } = bodyAndLanguage(article);
  let map = cache.words.get(lang);
  if (!map) {
    map = new Map();
    cache.words.set(lang, map);
  }
  const tokens: string[] = [];
  const terms: string[] = [];
  const add = (raw: string, words: Map<string, WordForms>): void => {
    let forms = words.get(raw);
    if (forms === undefined) {
      const folded = foldWord(raw);
      forms = [folded, contentTerms([folded], lang)[0] ?? ''];
      if (words.size >= cache.maxEntries) words.clear();
      words.set(raw, forms);
    }
    // As segmentWords: a word that folds to nothing (combining marks alone) is no token.
    if (forms[0] !== '') tokens.push(forms[0]);
    if (forms[1] !== '') terms.push(forms[1]);
  };
  const re = new RegExp(WORD_RE.source, WORD_RE.flags);
  for (const p of paragraphs) {
    const text = p.text;
    const mixed = SPACELESS_SCRIPT.test(text);
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const raw = m[0];
      if (mixed && SPACELESS_SCRIPT.test(raw)) {
        for (const seg of cache.segmenter.segment(raw)) if (seg.isWordLike) add(seg.segment, map);
      } else add(raw, map);
    }
  }
  return plan === undefined ? { tokens, lang, terms } : { tokens, lang, terms, plan };
}

/**
 * Scratch space of the one-pass scanner, reused from article to article (one per worker): the
 * folded forms of raw words by form index, term ids, and the tables that de-duplicate shingles
 * and terms without allocating per article.
 */
export interface ScanCache {
  /** lang → raw word → form index. */
  forms: Map<string, Map<string, number>>;
  folded: string[];
  /** Form index → term id, or −1 for a word that is not a content word. */
  termOf: number[];
  /** Term id → term, and back; the 32-bit hash of each term (`hashString`). */
  terms: string[];
  termIds: Map<string, number>;
  termHash: number[];
  maxEntries: number;
  segmenter: Intl.Segmenter;
  /** Per term id, the serial of the last article that held it (per-article de-duplication). */
  termSeen: Int32Array;
  serial: number;
  /** Open-addressing table of the shingle hashes of the current article, by generation. */
  slots: Uint32Array;
  slotGen: Uint32Array;
  gen: number;
  /** The current article's folded text as UTF-16 code units (never a joined string). */
  units: Uint16Array;
  /** Where the words of a paragraph are found (`findWords`). */
  scratch: WordScratch;
}

export function createScanCache(maxEntries = 500_000): ScanCache {
  return {
    forms: new Map(),
    folded: [],
    termOf: [],
    terms: [],
    termIds: new Map(),
    termHash: [],
    maxEntries,
    segmenter: new Intl.Segmenter('zh', { granularity: 'word' }),
    termSeen: new Int32Array(1024).fill(-1),
    serial: 0,
    slots: new Uint32Array(1 << 12),
    slotGen: new Uint32Array(1 << 12),
    gen: 0,
    units: new Uint16Array(1 << 14),
    scratch: createWordScratch(),
  };
}

/**
 * Forget every form and term (the cache outgrew `maxEntries`). Only between batches: a batch's
 * term ids must stay valid until its term table is built.
 */
export function trimScanCache(cache: ScanCache): void {
  if (cache.folded.length < cache.maxEntries) return;
  cache.forms.clear();
  cache.folded.length = 0;
  cache.termOf.length = 0;
  cache.terms.length = 0;
  cache.termIds.clear();
  cache.termHash.length = 0;
  cache.termSeen.fill(-1);
}

/** The form index of a raw word in language `lang`, folding and stemming it the first time. */
function formOf(raw: string, words: Map<string, number>, lang: string, cache: ScanCache): number {
  let f = words.get(raw);
  if (f !== undefined) return f;
  const folded = foldWord(raw);
  const term = contentTerms([folded], lang)[0];
  let t = -1;
  if (term !== undefined) {
    const known = cache.termIds.get(term);
    if (known !== undefined) t = known;
    else {
      t = cache.terms.length;
      cache.terms.push(term);
      cache.termIds.set(term, t);
      cache.termHash.push(hashString(term));
    }
  }
  f = cache.folded.length;
  cache.folded.push(folded);
  cache.termOf.push(t);
  words.set(raw, f);
  return f;
}

/** The form indexes of an article's words, in text order (the token stream of `normalizeArticle`). */
function scanForms(
  article: Article,
  cache: ScanCache,
  selected?: SelectedParagraphs,
): { forms: number[]; lang: string; plan: string | undefined } {
  const { paragraphs, lang, plan } = bodyAndLanguage(article, selected);
  let words = cache.forms.get(lang);
  if (!words) {
    words = new Map();
    cache.forms.set(lang, words);
  }
  const forms: number[] = [];
  const { scratch } = cache;
  for (const p of paragraphs) {
    const text = p.text;
    const mixed = SPACELESS_SCRIPT.test(text);
    const found = findWords(text, scratch);
    const at = scratch.at;
    for (let w = 0; w < found; w++) {
      const raw = text.slice(at[2 * w] as number, at[2 * w + 1] as number);
      if (mixed && SPACELESS_SCRIPT.test(raw)) {
        for (const seg of cache.segmenter.segment(raw))
          if (seg.isWordLike) forms.push(formOf(seg.segment, words, lang, cache));
      } else forms.push(formOf(raw, words, lang, cache));
    }
  }
  return { forms, lang, plan };
}

/** `hashTokens` (core/minhash/sketch.ts) of the folded forms, without building the token list. */
function hashForms(forms: readonly number[], folded: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ forms.length;
  for (const f of forms) {
    const t = folded[f] as string;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x20, 0x01000193);
    h2 = Math.imul(h2 ^ 0x20, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** The folded forms joined by single spaces, as UTF-16 code units in the cache's reused buffer. */
function joinForms(forms: readonly number[], folded: readonly string[], cache: ScanCache): number {
  let length = Math.max(0, forms.length - 1);
  for (const f of forms) length += (folded[f] as string).length;
  if (cache.units.length < length) cache.units = new Uint16Array(2 * length);
  const units = cache.units;
  let at = 0;
  for (let n = 0; n < forms.length; n++) {
    if (n > 0) units[at++] = 0x20;
    const t = folded[forms[n] as number] as string;
    for (let i = 0; i < t.length; i++) units[at++] = t.charCodeAt(i);
  }
  return length;
}

/**
 * The distinct character k-shingles of the folded forms joined by single spaces — the set
 * `distinctCharShingles(tokens.join(' '), k)` gives (FNV-1a of each k-character window, a text
 * shorter than k one shingle), in order of first occurrence — from the cache's code-unit buffer,
 * de-duplicated in its reused table (entries are valid for the current generation only).
 */
function distinctShinglesOfForms(
  forms: readonly number[],
  folded: readonly string[],
  k: number,
  cache: ScanCache,
): Uint32Array {
  const length = joinForms(forms, folded, cache);
  if (length === 0) return new Uint32Array(0);
  let bits = 4;
  while (1 << bits < 2 * length) bits++;
  if (cache.slots.length < 1 << bits) {
    cache.slots = new Uint32Array(1 << bits);
    cache.slotGen = new Uint32Array(1 << bits);
  }
  if (cache.gen >= 0xfffffffe) {
    cache.gen = 0;
    cache.slotGen.fill(0);
  }
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const { slots, slotGen, units } = cache;
  const gen = ++cache.gen;
  const count = Math.max(1, length - k + 1);
  const out = new Uint32Array(count);
  let kept = 0;
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(length, i + k);
    for (let j = i; j < end; j++) h = Math.imul(h ^ (units[j] as number), 0x01000193);
    h >>>= 0;
    let slot = Math.imul(h, 0x9e3779b1) >>> shift;
    while (slotGen[slot] === gen && slots[slot] !== h) slot = (slot + 1) & mask;
    if (slotGen[slot] === gen) continue;
    slotGen[slot] = gen;
    slots[slot] = h;
    out[kept++] = h;
  }
  return out.subarray(0, kept);
}

/** What the one-pass scanner gives for one article: its sketch and its distinct term ids. */
export interface ScannedArticle {
  hash: string;
  words: number;
  /** Distinct character shingles, in order of first occurrence. */
  charSet: Uint32Array;
  /** Distinct term ids (into `cache.terms`), in order of first occurrence. */
  termIds: number[];
  /** Their hashes, de-duplicated (the term signature's set). */
  termSet: Uint32Array;
  /** The body plan of the article's selection (`SelectedParagraphs.plan`), for the index to keep. */
  plan?: string;
}

/**
 * One article through the one-pass scanner: boilerplate paragraphs dropped by `stripBoilerplate`
 * (the function `normalizeArticle` uses), the language guessed as it guesses it, each raw word
 * looked up once (folded form, term id), then the token hash, the character shingles and the
 * distinct terms computed from form indexes: no token strings, joined text or term lists per
 * article. Pinned to `sketchTokens(normalizeArticle(…).tokens, contentTerms(…))` by a test.
 * `selected`: the article's paragraphs when the caller has selected them already (the gate
 * passes the same selection to `normalizeArticle`: body extraction once per input).
 */
export function scanArticle(
  article: Article,
  charShingle: number,
  cache: ScanCache,
  selected?: SelectedParagraphs,
): ScannedArticle {
  const { forms, plan } = scanForms(article, cache, selected);
  const { folded, termOf, termHash } = cache;
  if (cache.termSeen.length < cache.terms.length) {
    const grown = new Int32Array(Math.max(cache.terms.length, 2 * cache.termSeen.length)).fill(-1);
    grown.set(cache.termSeen);
    cache.termSeen = grown;
  }
  const serial = ++cache.serial;
  const termIds: number[] = [];
  for (const f of forms) {
    const t = termOf[f] as number;
    if (t >= 0 && cache.termSeen[t] !== serial) {
      cache.termSeen[t] = serial;
      termIds.push(t);
    }
  }
  const termSet = new Uint32Array(termIds.length);
  termIds.forEach((t, i) => {
    termSet[i] = termHash[t] as number;
  });
  return {
    hash: hashForms(forms, folded),
    words: forms.length,
    charSet: distinctShinglesOfForms(forms, folded, charShingle, cache),
    termIds,
    termSet: dropRepeats(termSet),
    ...(plan !== undefined ? { plan } : {}),
  };
}

/** Drop repeated values, keeping first occurrences (term hashes: two terms may share one). */
function dropRepeats(values: Uint32Array): Uint32Array {
  const seen = new Set<number>();
  let kept = 0;
  for (const v of values) {
    if (seen.has(v)) continue;
    seen.add(v);
    values[kept++] = v;
  }
  return values.subarray(0, kept);
}
