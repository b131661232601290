/**
 * Article body vs page chrome in scraped plain text.
 *
 * In the spirit of jusText (Pomikálek 2011) and boilerpipe (Kohlschütter et al. 2010), adapted to
 * plain text, where there is no markup and no link density:
 *
 * 1. Lines are grouped into blocks (a hard-wrapped paragraph, 60-odd characters a line, becomes one
 *    block); every non-blank input line belongs to one block and gets its block's class.
 * 2. Hard evidence of chrome: known phrases (share bars, sign-in forms, newsletter and cookie
 *    notices, "Related:" links, ad slots, radio players), menus (several short items between
 *    "|", "•", ">" …), bylines, timestamps, photo captions, text printed twice in the page, and
 *    lines the caller knows recur across pages of the same site.
 * 3. Every other block is classed from shallow features, as jusText does: length (characters,
 *    with Chinese/Japanese characters counting 3 and Hangul 2), final punctuation, and
 *    function-word density. The density is compared with the density of the same page's own prose,
 *    not with a fixed number, so that one rule serves English (≈ 0.40 of the words with our list),
 *    Russian (≈ 0.20) and Turkish (≈ 0.14) alike, and so that a short stop list still works. A
 *    well-formed sentence (final stop, opens like a sentence, some function words) is at least
 *    "near-good" whatever its length or density: news sentences full of names and figures have
 *    few function words.
 * 4. Context: short and near-good blocks take the class of their neighbours (jusText's rules); a
 *    heading between two paragraphs stays, a run of short lines goes. Inserts (ads, captions,
 *    "Related:" links, bylines, timestamps) are skipped when neighbours are looked up. Two or more
 *    near-good blocks in a row that make a long paragraph's worth of text vouch for each other. A
 *    last line cut in mid-sentence right after body is kept.
 * 5. The headline: among the lines before the first body paragraph, the heading-like one that
 *    shares most words with the body becomes `title` (else the first line, if it reads as one).
 * 6. If nothing is left, the best lines are kept and the result says so (`fallback`).
 *
 * Pure: no I/O, no module-level mutable state, deterministic.
 */

import {
  ARABIC,
  charInfo,
  cleanLine,
  HAN,
  HANGUL,
  HANGUL_SCRIPT,
  isHanOrKana,
  KANA,
  LETTER,
  SPACELESS,
  weightedLength,
  wordRuns,
  wordTokens,
} from './chars.js';
import {
  BYLINE,
  CAPTION_CREDIT_END,
  CAPTION_OPENING,
  CHROME_RULES,
  type ChromeRule,
  DATE_PIECES,
  HAS_DATE,
  mayEndWithCredit,
} from './chromePatterns.js';
import { foldToken, KO_STOP_ENDINGS, LIST_LANGS, stopList, ZH_STOP } from './functionWords.js';

export { CHROME_RULES, type ChromeRule } from './chromePatterns.js';

export type LineClass = 'body' | 'title' | 'chrome';

export interface ClassifiedLine {
  /** 1-based line number in the input. */
  line: number;
  /** The line as given (trailing "\r" removed). */
  text: string;
  /** The line cleaned (`cleanLine`), as the classification read it: the reader need not clean it again. */
  clean: string;
  class: LineClass;
  /**
   * Why. Body: 'good', 'near-good' (a sentence or medium paragraph kept by its neighbours),
   * 'short-kept' (a short line between body), 'fallback'. Title: 'headline'. Chrome: the chrome
   * rule that fired ('share-prompt', 'menu', 'caption', 'caption-repeated', 'site-recurring', …),
   * or 'short-run', 'isolated', 'low-stopwords', 'title-repeated', 'repeated'.
   */
  reason: string;
  /** Index of the line's block: the lines of one hard-wrapped paragraph share it. */
  block: number;
}

export interface ExtractBodyOptions {
  /** ISO 639-1 code ("en", "zh-Hans" is read as "zh"). Guessed from the text when absent. */
  lang?: string;
  /** `lineKey`s of lines seen on several pages of the same site (see `siteRecurringLines`). */
  siteLines?: ReadonlySet<string>;
  /** Chrome phrase rules (default `CHROME_RULES`); a caller may add its own. */
  chromeRules?: readonly ChromeRule[];
  /** Override thresholds (measurement only; the defaults are the supported setting). */
  thresholds?: Partial<Thresholds>;
}

export interface ExtractBodyResult {
  /** Every non-blank input line, in order. Blank lines carry no class and are left out. */
  lines: ClassifiedLine[];
  /** The language whose function words were used. */
  lang: string;
  /** True when no line looked like body and the best lines were kept anyway (reason 'fallback'). */
  fallback: boolean;
}

// ---------------------------------------------------------------------------------------------
// Thresholds. Each says which measurement set it and the margin seen there (scripts/measure.ts).

/**
 * The numbers the classifier uses. Exported for the measurement script's sensitivity runs
 * (scripts/measure.ts § 6 scales each one by ×0.5, ×0.8, ×1.25, ×2 and reports dev and held-out
 * line P/R, WMT news words lost and family containment; REPORT.md has the table). "Margin" below is
 * the range over which none of those figures moves.
 */
export interface Thresholds {
  /**
   * jusText's length bounds, in weighted characters (a Han character counts 3, a Hangul syllable
   * 2): below `lengthLow` a block is "short" unless it is a whole sentence; from `lengthHigh` on a
   * block with prose density is "good" on its own. jusText's defaults (70/200), not tuned.
   * Margin: lengthLow ×0.5–×1.25 (×2 loses a body line on each labelled set); lengthHigh
   * ×0.5–×1.25 (×2 lets a caption-like line through on web-wire).
   */
  lengthLow: number;
  lengthHigh: number;
  /**
   * Function-word density relative to the page's own prose density: below `stopLowRatio` a block
   * of 70+ is not prose (unless it is a well-formed sentence), from `stopHighRatio` it is "rich".
   * jusText's absolute 0.30/0.32 over an English body density near 0.45 are ratios of 0.67/0.71;
   * ours sit lower because our lists are short (more spread per line). Set on WMT news (guard rail,
   * not web-wire): 1.3 % of WMT news blocks of 70+ fall below 0.5 and most of those are whole
   * sentences, kept anyway. Margin: ×0.5–×1.25 for both; stopLowRatio ×2 (1.0) triples the WMT
   * news loss (0.5 → 1.7 %), stopHighRatio ×2 costs a point of web-wire precision.
   */
  stopLowRatio: number;
  stopHighRatio: number;
  /**
   * A page whose prose density is below this does not match the stop list at all: density is then
   * not used. Not tuned ("near zero"); margin ×0.5–×2.
   */
  minRefDensity: number;
  /** Headline: at most this many words (weighted characters / 6 for CJK). Margin ×0.8–×2 (×0.5 = 15 words misses long headlines). */
  titleMaxWords: number;
  /** Headline: share of its words found in the first body paragraphs ("some overlap"; not tuned). Margin ×0.5–×2. */
  titleMinOverlap: number;
  /**
   * Hard-wrapped runs: widest line between these (characters). Shorter is a list, longer is an
   * unwrapped paragraph. Set from wire conventions (64–80 columns; w048 wraps at 66, w014 at 77):
   * margin ×0.5–×1.25 for the lower bound, ×0.8–×2 for the upper one; past that w048 is no longer
   * joined and loses most of its body.
   */
  wrapMinWidth: number;
  wrapMaxWidth: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  lengthLow: 70,
  lengthHigh: 200,
  stopLowRatio: 0.5,
  stopHighRatio: 0.6,
  minRefDensity: 0.04,
  titleMaxWords: 30,
  titleMinOverlap: 0.25,
  wrapMinWidth: 40,
  wrapMaxWidth: 110,
});

// ---------------------------------------------------------------------------------------------

type Class0 = 'good' | 'neargood' | 'short' | 'bad';

/** Blocks compared for "one line inside another" (see `repeats`); not a tuned number. */
const REPEAT_WINDOW = 60;

interface Block {
  /** Indexes into the non-blank line list. */
  members: number[];
  /** Feature text: joined lines, scrape stamp removed. */
  text: string;
  /** `lineKey(text)`, made once: repeats, the headline and its repeats all compare blocks by it. */
  key: string;
  folded: string;
  len: number;
  words: number;
  stop: number;
  units: number;
  terminal: boolean;
  sentenceStart: boolean;
  /** Hard chrome reason, if any. */
  hard?: string;
  /** Chrome that sits inside an article (transparent for neighbour look-ups). */
  insert: boolean;
  cls0: Class0;
  cls: 'good' | 'bad';
  reason: string;
  title: boolean;
}

interface Line {
  n: number;
  raw: string;
  clean: string;
}

const CASED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
// A scraper's metadata stamp before the first line: " date 2022-09-05 Strong earthquake…".
const LEADING_STAMP = /^date\s*:?\s*\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\s+(?=\S)/iu;
const CLOSERS = /[\s"'”’»)\]】」』）*_]+$/u;
const TERMINAL = /(?:[.!?。！？…؟]|\.\.\.)$/u;
const READER_ADDRESS =
  /\b(?:you|your|you'll|we'll|vous|votre|vos|usted|tu|tus|sie|ihr|ihre|ti|tuo|vostro|voce|seu|sua|вы|ваш)\b|您|你/u;

/** The normalization used for `siteLines` keys: folded letters and digits, digits as 0. */
export function lineKey(line: string): string {
  return keyOfFolded(foldToken(cleanLine(line).replace(LEADING_STAMP, '')));
}

/** `lineKey` from the folded clean line. */
function keyOfFolded(folded: string): string {
  return folded
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\p{N}+/gu, '0')
    .trim();
}

/**
 * `keyOfFolded(folded)` from `wordRuns(folded)`: the runs of letters and numbers are what the
 * key keeps, one space between them, numbers as 0 (a text without numbers needs no replacing).
 */
function keyOfTokens({ tokens, numbers }: { tokens: readonly string[]; numbers: boolean }): string {
  const joined = tokens.join(' ');
  return numbers ? joined.replace(/\p{N}+/gu, '0') : joined;
}

/** Primary language subtag, lower case: "zh-Hans" → "zh". */
function primaryLang(lang: string | undefined): string | undefined {
  const p = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return p === undefined || p === '' ? undefined : p;
}

// ---------------------------------------------------------------------------------------------
// Features

interface Density {
  stop: number;
  units: number;
}

/** Function words (or characters, or endings) and the units they are counted over; `words` is `wordTokens(folded)`. */
function density(folded: string, lang: string, words: readonly string[]): Density {
  if (lang === 'zh' || lang === 'ja') {
    let units = 0;
    let stop = 0;
    for (let i = 0; i < folded.length; i++) {
      const cp = folded.codePointAt(i) as number;
      if (cp > 0xffff) i++;
      if (isHanOrKana(cp)) units++;
      if (ZH_STOP.has(String.fromCodePoint(cp))) stop++;
    }
    return { stop, units };
  }
  if (lang === 'ko') {
    let stop = 0;
    let units = 0;
    for (const w of words) {
      if (!HANGUL.test(w)) continue;
      units++;
      if (KO_STOP_ENDINGS.some((e) => w.endsWith(e))) stop++;
    }
    return { stop, units };
  }
  const list = stopList(lang);
  if (!list) return { stop: 0, units: words.length };
  let stop = 0;
  for (const w of words) if (list.has(w)) stop++;
  return { stop, units: words.length };
}

/** Each listed function word and the languages whose list holds it (indexes into LIST_LANGS), built once. */
const WORD_LANGS: ReadonlyMap<string, readonly number[]> = (() => {
  const out = new Map<string, number[]>();
  LIST_LANGS.forEach((lang, k) => {
    for (const w of stopList(lang) ?? []) {
      const list = out.get(w);
      if (list) list.push(k);
      else out.set(w, [k]);
    }
  });
  return out;
})();

/** The longest listed word, in UTF-16 code units. */
const LONGEST_LISTED = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));

/** `texts.join('\n').slice(0, n)`, joining only the lines it needs (a page may be long). */
export function joinedStart(texts: readonly string[], n: number): string {
  let k = 0;
  let joined = -1; // the length of the first k lines joined: −1 separator for none
  while (k < texts.length && joined < n) joined += (texts[k++] as string).length + 1;
  return texts.slice(0, k).join('\n').slice(0, n);
}

/**
 * Language: by script, else the Latin/Cyrillic/Greek list that fits best (the highest share of
 * the sample's words found in the language's list). One pass over the letters, one tokenization.
 */
function guessLang(texts: readonly string[]): string {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let arabic = 0;
  let letters = 0;
  const sample = joinedStart(texts, 6000);
  // By code point, without a string per character for ASCII (most of a sample).
  for (let i = 0; i < sample.length; i++) {
    const cp = sample.codePointAt(i) as number;
    if (cp < 0x80) {
      if ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) letters++;
      continue;
    }
    if (cp > 0xffff) i++;
    const info = charInfo(cp);
    if ((info & LETTER) === 0) continue;
    letters++;
    if (info & KANA) kana++;
    else if (info & HAN) han++;
    else if (info & HANGUL_SCRIPT) hangul++;
    else if (info & ARABIC) arabic++;
  }
  const total = letters || 1;
  if (kana / total > 0.1) return 'ja';
  if (han / total > 0.3) return 'zh';
  if (hangul / total > 0.3) return 'ko';
  if (arabic / total > 0.3) return 'ar';
  // Longer words are in no list: no string is made for them (with none at all, 'und').
  const counts = new Int32Array(LIST_LANGS.length);
  for (const w of wordRuns(foldToken(sample), LONGEST_LISTED).tokens) {
    const langs = WORD_LANGS.get(w);
    if (langs !== undefined) for (const k of langs) counts[k] = (counts[k] as number) + 1;
  }
  let best = 'und';
  let bestCount = 0;
  // In list order on ties, as before (a share of the same word count).
  LIST_LANGS.forEach((lang, k) => {
    const c = counts[k] as number;
    if (c > bestCount) {
      bestCount = c;
      best = lang;
    }
  });
  return best;
}

// A paragraph's sign-off after its last sentence: "… Shaikh. (Agencies)", "… Saturday. - REUTERS",
// "… not done. — AP", "… (CDF). (com Reuters)".
const SIGN_OFF = /([.!?。！？…"”»])\s*(?:[([][^()[\]]{1,40}[)\]]|[-–—]+\s*\p{Lu}[\p{Lu}\p{L}. ]{0,20})$/u;

function isTerminal(text: string, lang: string): boolean {
  const t = text.replace(SIGN_OFF, '$1').replace(CLOSERS, '');
  if (TERMINAL.test(t)) return true;
  return lang === 'el' && t.endsWith(';');
}

/** Opens like a sentence: a capital, a digit, a quote or a dash; any start in uncased scripts. */
function opensSentence(text: string): boolean {
  const first = /[\p{L}\p{N}]/u.exec(text)?.[0];
  if (first === undefined) return false;
  if (!CASED.test(first)) return true;
  const lead = text.slice(0, text.indexOf(first));
  return first !== first.toLowerCase() || /\p{N}/u.test(first) || /["'“‘«„—–-]/u.test(lead);
}

// ---------------------------------------------------------------------------------------------
// Blocks: lines, with hard-wrapped paragraphs joined.

function startsLower(s: string): boolean {
  const first = /\p{L}/u.exec(s)?.[0];
  return first !== undefined && CASED.test(first) && first === first.toLowerCase() && first !== first.toUpperCase();
}

const BULLET = /^(?:[*•·▪◦-]|\d+[.)])\s/u;

/**
 * Group runs of adjacent lines (no blank line between) that are hard-wrapped prose. A run counts as
 * wrapped when its widest line is 40–110 characters and most of its breaks fall mid-sentence (no
 * final punctuation, or the next line goes on in lower case). Inside it, a line joins the next one
 * unless it ends well short of the width (a paragraph end) or the next one is a bullet.
 */
function buildGroups(lines: readonly Line[], th: Thresholds): number[][] {
  const groups: number[][] = [];
  let i = 0;
  while (i < lines.length) {
    // a run of adjacent lines
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] as Line).n === (lines[j] as Line).n + 1) j++;
    const run = lines.slice(i, j + 1);
    const width = Math.max(...run.map((l) => l.clean.length));
    let breaks = 0;
    for (let k = 0; k + 1 < run.length; k++) {
      const a = (run[k] as Line).clean;
      const b = (run[k + 1] as Line).clean;
      if (!TERMINAL.test(a.replace(CLOSERS, '')) && a.length >= 0.6 * width && !BULLET.test(b)) breaks++;
      else if (startsLower(b)) breaks++;
    }
    const wrapped =
      run.length >= 3 &&
      width >= th.wrapMinWidth &&
      width <= th.wrapMaxWidth &&
      breaks >= Math.max(2, 0.5 * (run.length - 1));
    if (!wrapped) {
      for (let k = i; k <= j; k++) groups.push([k]);
    } else {
      let current: number[] = [];
      for (let k = i; k <= j; k++) {
        const line = (lines[k] as Line).clean;
        const next = k < j ? (lines[k + 1] as Line).clean : undefined;
        current.push(k);
        const joins =
          next !== undefined &&
          !BULLET.test(next) &&
          !BULLET.test(line) &&
          !BYLINE.test(foldToken(line)) &&
          (line.length >= 0.6 * width || startsLower(next));
        if (!joins) {
          groups.push(current);
          current = [];
        }
      }
      if (current.length > 0) groups.push(current);
    }
    i = j + 1;
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Hard chrome

function chromeRule(
  text: string,
  folded: string,
  rules: readonly ChromeRule[],
): { reason: string; insert: boolean } | undefined {
  const f = folded.replace(/^[*•·▪◦\s]+/u, '');
  for (const rule of rules) {
    if (f.length > rule.maxLen) continue;
    const m = rule.pattern.exec(f);
    if (!m) continue;
    if (rule.proseLen !== undefined && f.length > rule.proseLen && m.index > 0 && !READER_ADDRESS.test(f)) continue;
    return { reason: rule.reason, insert: rule.insert };
  }
  // Bylines and timestamps sit between the headline and the lede: transparent like inserts.
  if (f.length <= 70 && BYLINE.test(f)) return { reason: 'byline', insert: true };
  if (isTimestamp(f)) return { reason: 'dateline', insert: true };
  if (isMenu(text)) return { reason: 'menu', insert: false };
  if (isCaption(text, f)) return { reason: 'caption', insert: true };
  return undefined;
}

/** A line that is a date or time with at most three other words: "Updated On: 02 November, 2022 05:45 PM IST | New Delhi | PTI". */
function isTimestamp(folded: string): boolean {
  if (folded.length > 110 || !HAS_DATE.test(folded)) return false;
  const rest = folded.replace(DATE_PIECES, ' ');
  const words = wordTokens(rest);
  const restLen = weightedLength(words.join(''));
  return words.length <= 3 && restLen <= 30;
}

/** What `isMenu` counts as a separator (the alternatives of its `separators` pattern). */
const MENU_SEPARATOR = /\||•|·|»|«|›|‹|>|【|】|\s\/\s/u;
const MENU_SEPARATORS = new RegExp(MENU_SEPARATOR.source, 'gu');

/** Several short items between separators ("Portada | China | Economía"), or a breadcrumb ("Home > News"). */
function isMenu(text: string): boolean {
  // No separator (most lines): `separators` would be 0. Tested first, without the split.
  if (!MENU_SEPARATOR.test(text)) return false;
  const items = text
    .split(/\s*(?:\||•|·|»|«|›|‹|>>?|\/|【|】|\[|\]|\s-\s)\s*/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const separators = text.length - text.replace(MENU_SEPARATORS, '').length;
  if (separators === 0 || items.length < 2) return false;
  const words = items.map((s) => (SPACELESS.test(s) ? Math.ceil(weightedLength(s) / 6) : wordTokens(s).length));
  const mean = words.reduce((a, b) => a + b, 0) / words.length;
  if (items.length >= 3 && mean <= 4) return true;
  // a two-item breadcrumb: "español>>China", "Page d'accueil>>Chine"
  return items.length === 2 && /(?:>>|›|»|>)/u.test(text) && words.reduce((a, b) => a + b, 0) <= 6;
}

function isCaption(text: string, folded: string): boolean {
  const t = text.trimEnd(); // \s is what trimEnd removes
  return (mayEndWithCredit(t) && CAPTION_CREDIT_END.test(t)) || CAPTION_OPENING.test(folded);
}

// ---------------------------------------------------------------------------------------------
// Text printed twice in the page

/**
 * Marks text printed twice in the page (exactly, or one line inside a longer one). When one copy is
 * a photo caption (a credit at its end), every copy is a caption: alt text and caption, or a caption
 * and the same caption with "(Source: istock.com)" after it. Otherwise the earlier copy goes and the
 * later one is judged on its own: a dek or pull quote printed before the paragraph it repeats, a
 * standfirst that is the lede without its dateline ("NICE, France (AP) — …" comes after), a teaser
 * cut short ("…Uzay İstasyonu'nda ins...") above the paragraph it announces. An earlier line that
 * holds a later one and more (an editor's intro restating the lede) is not a repeat: it is content.
 * Lines shorter than 4 words (24 weighted characters) are not compared.
 */
function repeats(blocks: readonly Block[]): Map<number, string> {
  const out = new Map<number, string>();
  const keys = blocks.map((b) => b.key);
  const long = keys.map((k) => k.split(' ').length >= 4 || weightedLength(k) >= 24);
  const pair = (i: number, j: number): void => {
    const bi = blocks[i] as Block;
    const bj = blocks[j] as Block;
    if (isCaption(bi.text, bi.folded) || isCaption(bj.text, bj.folded)) {
      out.set(i, 'caption-repeated');
      out.set(j, 'caption-repeated');
    } else if (!out.has(i)) {
      out.set(i, 'repeated');
    }
  };
  // exact repeats anywhere in the page
  const seen = new Map<string, number>();
  keys.forEach((k, j) => {
    if (!long[j]) return;
    const i = seen.get(k);
    if (i !== undefined) pair(i, j);
    seen.set(k, j);
  });
  // one line inside another: within a window (deks, teasers and captions sit near what they repeat),
  // which also keeps long inputs linear
  for (let i = 0; i < blocks.length; i++) {
    if (!long[i]) continue;
    const ki = keys[i] as string;
    for (let j = i + 1; j < Math.min(blocks.length, i + REPEAT_WINDOW); j++) {
      const kj = keys[j] as string;
      if (!long[j] || ki === kj) continue;
      // The earlier line inside the later one (a dek, a standfirst, a teaser) goes. The earlier
      // line holding the later one and more (an editor's intro restating a paragraph) is content.
      if (kj.includes(ki)) pair(i, j);
      else if (ki.includes(kj) && isCaption((blocks[j] as Block).text, (blocks[j] as Block).folded))
        // The later line is a caption held by a longer line: the caption goes, the line stays.
        out.set(j, 'caption-repeated');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Context (jusText's revision of short and near-good blocks)

function neighbour(
  blocks: readonly Block[],
  cls: readonly Class0[],
  i: number,
  step: 1 | -1,
  ignoreNeargood: boolean,
): Class0 {
  for (let j = i + step; j >= 0 && j < blocks.length; j += step) {
    const c = cls[j] as Class0;
    if (c === 'good') return 'good';
    if (c === 'bad') {
      if ((blocks[j] as Block).insert) continue;
      return 'bad';
    }
    if (c === 'neargood' && !ignoreNeargood) return 'neargood';
  }
  return 'bad';
}

/**
 * jusText keeps a short block that has a near-good block on its bad side. We ask that near-good
 * block to be a sentence (final punctuation): a headline is near-good too, and the byline and
 * "Published" lines around a headline are not body.
 */
function sentenceAt(blocks: readonly Block[], cls: readonly Class0[], i: number, step: 1 | -1): boolean {
  for (let j = i + step; j >= 0 && j < blocks.length; j += step) {
    const c = cls[j] as Class0;
    const b = blocks[j] as Block;
    if (c === 'bad' && b.insert) continue;
    return c === 'neargood' && b.terminal;
  }
  return false;
}

function revise(blocks: Block[], th: Thresholds): void {
  // Consecutive near-good blocks (inserts between them do not count) that together make a long
  // paragraph's worth of text vouch for each other: two or three sentence paragraphs after a
  // sign-in wall are an article even without a long paragraph next to them.
  const cls0 = blocks.map((b) => b.cls0);
  for (let i = 0; i < blocks.length; ) {
    if (cls0[i] !== 'neargood') {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    while (j < blocks.length && (cls0[j] === 'neargood' || (cls0[j] === 'bad' && (blocks[j] as Block).insert))) {
      if (cls0[j] === 'neargood') run.push(j);
      j++;
    }
    const total = run.reduce((n, k) => n + (blocks[k] as Block).len, 0);
    if (run.length >= 2 && total >= th.lengthHigh) for (const k of run) cls0[k] = 'good';
    i = j;
  }
  const afterShort = [...cls0];
  blocks.forEach((b, i) => {
    if (b.cls0 !== 'short') return;
    const prev = neighbour(blocks, cls0, i, -1, true);
    const next = neighbour(blocks, cls0, i, 1, true);
    let c: Class0;
    if (prev === 'good' && next === 'good') c = 'good';
    else if (prev === 'bad' && next === 'bad') c = 'bad';
    else if ((prev === 'bad' && sentenceAt(blocks, cls0, i, -1)) || (next === 'bad' && sentenceAt(blocks, cls0, i, 1)))
      c = 'good';
    else c = 'bad';
    afterShort[i] = c;
  });
  blocks.forEach((b, i) => {
    let c = afterShort[i] as Class0;
    if (c === 'neargood') {
      const prev = neighbour(blocks, afterShort, i, -1, true);
      const next = neighbour(blocks, afterShort, i, 1, true);
      c = prev === 'bad' && next === 'bad' ? 'bad' : 'good';
    }
    b.cls = c === 'good' ? 'good' : 'bad';
    if (b.hard !== undefined) b.reason = b.hard;
    else if (b.cls === 'good')
      b.reason = b.cls0 === 'good' ? 'good' : b.cls0 === 'neargood' ? 'near-good' : 'short-kept';
    else b.reason = b.cls0 === 'short' ? 'short-run' : b.cls0 === 'neargood' ? 'isolated' : 'low-stopwords';
  });
}

// ---------------------------------------------------------------------------------------------
// Headline

/** Words (or character pairs for CJK and Korean) of a text, for overlap. */
function overlapUnits(folded: string): string[] {
  if (SPACELESS.test(folded) || HANGUL.test(folded)) {
    const letters = [...folded.replace(/[^\p{L}\p{N}]/gu, '')];
    const out: string[] = [];
    for (let i = 0; i + 1 < letters.length; i++) out.push(`${letters[i]}${letters[i + 1]}`);
    return out;
  }
  return wordTokens(folded).filter((w) => w.length >= 3);
}

function pickTitle(blocks: Block[], firstBody: number, lang: string, th: Thresholds): number | undefined {
  const bodyUnits = new Set<string>();
  let taken = 0;
  for (let i = firstBody; i < blocks.length && taken < 4; i++) {
    const b = blocks[i] as Block;
    if (b.cls !== 'good') continue;
    for (const u of overlapUnits(b.folded)) bodyUnits.add(u);
    taken++;
  }
  const bodyKeys = blocks.filter((b) => b.cls === 'good').map((b) => b.key);
  const candidates: Array<{ i: number; score: number }> = [];
  for (let i = 0; i < firstBody; i++) {
    const b = blocks[i] as Block;
    if (b.members.length !== 1 || (b.hard !== undefined && b.hard !== 'repeated' && b.hard !== 'caption-repeated'))
      continue;
    if (b.hard === 'caption-repeated' && isCaption(b.text, b.folded)) continue;
    const words = SPACELESS.test(b.text) ? b.len / 6 : b.words;
    if (words < 3 || words > th.titleMaxWords || BULLET.test(b.text)) continue;
    if (/[.:;,]$/u.test(b.text.replace(CLOSERS, '')) && !/\.\.\.$|…$/u.test(b.text)) continue;
    if (lang !== 'zh' && lang !== 'ja' && /[。]$/u.test(b.text)) continue;
    // a teaser of the first paragraph, or a dek that is the lede, is not a headline
    const key = b.key;
    if (bodyKeys.some((k) => k !== key && k.includes(key))) continue;
    const units = overlapUnits(b.folded);
    if (units.length === 0) continue;
    const shared = units.filter((u) => bodyUnits.has(u)).length;
    const score = shared / units.length;
    if (score >= th.titleMinOverlap && shared >= 2) candidates.push({ i, score });
  }
  if (candidates.length === 0) return firstLineHeadline(blocks, firstBody, th);
  const best = Math.max(...candidates.map((c) => c.score));
  // the first candidate close to the best: a headline comes before a dek that repeats the lede
  return candidates.find((c) => c.score >= 0.6 * best)?.i;
}

/**
 * When no line before the body shares words with it, the text's first line is the headline if it
 * reads as one: 3–30 words, no final stop, no chrome rule, not low in function words, and nothing but
 * chrome between it and the
 * body. ("China makes all-out rescue effort as quake kills 46" shares no word form with a lede about
 * "Forty-six people … killed in a 6.8-magnitude earthquake".)
 */
function firstLineHeadline(blocks: readonly Block[], firstBody: number, th: Thresholds): number | undefined {
  const b = blocks[0];
  if (b === undefined || firstBody <= 0 || b.hard !== undefined || b.cls0 === 'bad' || b.members.length !== 1)
    return undefined;
  const words = SPACELESS.test(b.text) ? b.len / 6 : b.words;
  if (words < 3 || words > th.titleMaxWords || b.terminal || BULLET.test(b.text) || /[:;,]$/u.test(b.text))
    return undefined;
  for (let i = 1; i < firstBody; i++) if ((blocks[i] as Block).hard === undefined) return undefined;
  return 0;
}

// ---------------------------------------------------------------------------------------------

/** Features of one block, for the measurement script (diagnostic; not part of the stable API). */
export interface BlockFeatures {
  lines: number[];
  text: string;
  /** Weighted length (Han ×3, Hangul ×2). */
  length: number;
  /** Function-word density divided by the page's prose density (NaN when density is not used). */
  densityRatio: number;
  terminal: boolean;
  /** Hard chrome reason, or undefined. */
  hard: string | undefined;
  initial: 'good' | 'neargood' | 'short' | 'bad';
  final: LineClass;
}

/** The blocks behind `extractBody`'s answer, with their features (diagnostic). */
export function explainBlocks(text: string, options: ExtractBodyOptions = {}): BlockFeatures[] {
  const { blocks, lines, ref, useDensity } = analyse(text, options);
  return blocks.map((b) => ({
    lines: b.members.map((k) => (lines[k] as Line).n),
    text: b.text,
    length: b.len,
    densityRatio: useDensity && b.units > 0 ? b.stop / b.units / ref : Number.NaN,
    terminal: b.terminal,
    hard: b.hard,
    initial: b.cls0,
    final: b.title ? 'title' : b.cls === 'good' ? 'body' : 'chrome',
  }));
}

/** Separate the article body from page chrome. Never throws; an empty text gives no lines. */
export function extractBody(text: string, options: ExtractBodyOptions = {}): ExtractBodyResult {
  const { blocks, lines, lang, fallback } = analyse(text, options);
  const out: ClassifiedLine[] = [];
  blocks.forEach((b, block) => {
    const cls: LineClass = b.title ? 'title' : b.cls === 'good' ? 'body' : 'chrome';
    for (const k of b.members) {
      const l = lines[k] as Line;
      out.push({ line: l.n, text: l.raw.replace(/\r$/, ''), clean: l.clean, class: cls, reason: b.reason, block });
    }
  });
  return { lines: out, lang, fallback };
}

interface Analysis {
  blocks: Block[];
  lines: Line[];
  lang: string;
  ref: number;
  useDensity: boolean;
  fallback: boolean;
}

function toBlocks(lines: readonly Line[], lang: string, th: Thresholds): Block[] {
  return buildGroups(lines, th).map((members) => {
    const joined = members.map((k) => (lines[k] as Line).clean).join(' ');
    const textNoStamp = joined.replace(LEADING_STAMP, '');
    const folded = foldToken(textNoStamp);
    const runs = wordRuns(folded);
    const tokens = runs.tokens;
    const d = density(folded, lang, tokens);
    return {
      members,
      text: textNoStamp,
      // lineKey(textNoStamp), from the fold above: its lines were cleaned already, so cleaning the
      // joined text changes nothing (tested here, so that the key stays exact whatever the text).
      key: cleanLine(textNoStamp).replace(LEADING_STAMP, '') === textNoStamp ? keyOfTokens(runs) : lineKey(textNoStamp),
      folded,
      len: weightedLength(textNoStamp),
      words: tokens.length,
      stop: d.stop,
      units: d.units,
      terminal: isTerminal(textNoStamp, lang),
      sentenceStart: opensSentence(textNoStamp),
      insert: false,
      cls0: 'short',
      cls: 'bad',
      reason: '',
      title: false,
    };
  });
}

/** Step 2: known chrome, text printed twice, lines recurring on the site. */
function markHardChrome(blocks: Block[], lines: readonly Line[], options: ExtractBodyOptions): void {
  blocks.forEach((b) => {
    const rule = chromeRule(b.text, b.folded, options.chromeRules ?? CHROME_RULES);
    if (rule) {
      b.hard = rule.reason;
      b.insert = rule.insert;
    }
  });
  for (const [i, reason] of repeats(blocks)) {
    const b = blocks[i] as Block;
    if (b.hard === undefined || reason === 'caption-repeated') {
      b.hard = reason;
      b.insert = true;
    }
  }
  const site = options.siteLines;
  if (site && site.size > 0) {
    blocks.forEach((b) => {
      if (b.hard === undefined && b.members.every((k) => site.has(lineKey((lines[k] as Line).clean)))) {
        b.hard = 'site-recurring';
      }
    });
  }
}

/** The page's own prose density: function words over units in its punctuated paragraphs (all non-chrome text if too few). */
function proseDensity(blocks: readonly Block[], th: Thresholds): number {
  let refStop = 0;
  let refUnits = 0;
  for (const b of blocks) {
    if (b.hard === undefined && b.len >= th.lengthLow && b.terminal) {
      refStop += b.stop;
      refUnits += b.units;
    }
  }
  if (refUnits < 30) {
    refStop = 0;
    refUnits = 0;
    for (const b of blocks) {
      if (b.hard === undefined) {
        refStop += b.stop;
        refUnits += b.units;
      }
    }
  }
  return refUnits > 0 ? refStop / refUnits : 0;
}

/** Step 3: jusText's initial classes, density relative to the page's prose. */
function classifyBlocks(blocks: Block[], ref: number, useDensity: boolean, th: Thresholds): void {
  for (const [bi, b] of blocks.entries()) {
    if (b.hard !== undefined) {
      b.cls0 = 'bad';
      continue;
    }
    const sd = b.units > 0 ? b.stop / b.units : 0;
    const prose = !useDensity || sd >= th.stopLowRatio * ref;
    const rich = !useDensity || sd >= th.stopHighRatio * ref;
    // A well-formed sentence: final punctuation, opens like a sentence, some function words. News
    // sentences full of names and numbers ("The 6.8-magnitude earthquake jolted Luding county…")
    // have a low density but this form.
    const sentence = b.terminal && b.sentenceStart && sd > 0;
    // The page's last block may be cut in mid-sentence by the scraper: it needs no final stop.
    const ends = b.terminal || bi === blocks.length - 1;
    if (b.len < th.lengthLow) {
      b.cls0 = sentence && (b.words >= 3 || SPACELESS.test(b.text)) && prose ? 'neargood' : 'short';
    } else if (!prose && !sentence) {
      b.cls0 = 'bad';
    } else if (rich && b.len >= th.lengthHigh && (ends || b.len >= 2 * th.lengthHigh)) {
      b.cls0 = 'good';
    } else {
      b.cls0 = 'neargood';
    }
  }
}

/**
 * A scraper cuts pages at a fixed size: a last line without a final stop that opens like a
 * sentence, has some function words, and directly follows body is the body's cut-off end.
 */
function keepCutOffEnd(blocks: Block[]): void {
  const last = blocks[blocks.length - 1];
  const beforeLast = blocks[blocks.length - 2];
  if (
    last !== undefined &&
    beforeLast !== undefined &&
    last.hard === undefined &&
    last.cls === 'bad' &&
    !last.terminal &&
    beforeLast.cls === 'good' &&
    last.sentenceStart &&
    last.stop > 0 &&
    (last.words >= 3 || SPACELESS.test(last.text))
  ) {
    last.cls = 'good';
    last.reason = 'cut-off-end';
  }
}

/**
 * A page where no hard evidence of chrome was found (no known phrase, menu, byline, caption or
 * repeat) keeps every block: removing short lines on context alone would make a clean text's
 * words depend on their order (a post or a list reordered would lose other lines). Measured on
 * web-wire and web-multi: the 71 pages without hard chrome lose 3 lines in all on context.
 */
function keepAllWithoutChrome(blocks: Block[]): void {
  if (blocks.some((b) => b.hard !== undefined)) return;
  for (const b of blocks) {
    if (b.cls === 'good') continue;
    b.cls = 'good';
    b.reason = 'no-chrome-on-page';
  }
}

/** Step 5: the headline, and its other copies as chrome. */
function markTitle(blocks: Block[], lang: string, th: Thresholds): void {
  if (!blocks.some((b) => b.cls === 'good')) return;
  const firstGood = blocks.findIndex(
    (b) => b.cls0 === 'good' || (b.cls === 'good' && b.hard === undefined && b.terminal),
  );
  const t = pickTitle(blocks, firstGood < 0 ? blocks.findIndex((b) => b.cls === 'good') : firstGood, lang, th);
  if (t === undefined) return;
  const tb = blocks[t] as Block;
  tb.title = true;
  tb.reason = 'headline';
  const key = tb.key;
  blocks.forEach((b, i) => {
    if (i !== t && b.key === key) {
      b.cls = 'bad';
      b.reason = 'title-repeated';
    }
  });
}

/** Step 6: when no body is left, keep the best lines rather than nothing. Returns whether it did. */
function applyFallback(blocks: Block[]): boolean {
  if (blocks.some((b) => b.cls === 'good' && !b.title)) return false;
  // On a page with known chrome, prose first (paragraphs and whole sentences); otherwise (a chat,
  // a post, a list) every line that is not known chrome.
  const prose = blocks.filter((b) => !b.title && (b.cls0 === 'good' || b.cls0 === 'neargood'));
  const chromeSeen = blocks.some((b) => b.hard !== undefined);
  const keep = chromeSeen && prose.length > 0 ? prose : blocks.filter((b) => b.hard === undefined && !b.title);
  for (const b of keep) {
    b.cls = 'good';
    b.reason = 'fallback';
  }
  if (keep.length === 0) {
    let best: Block | undefined;
    for (const b of blocks) if (!b.title && (best === undefined || b.len > best.len)) best = b;
    if (best) {
      best.cls = 'good';
      best.reason = 'fallback';
    }
  }
  return true;
}

function analyse(text: string, options: ExtractBodyOptions): Analysis {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const clean = cleanLine(raw);
    if (clean !== '') lines.push({ n: i + 1, raw, clean });
  });
  const lang = primaryLang(options.lang) ?? guessLang(lines.map((l) => l.clean));
  const th: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  if (lines.length === 0) return { blocks: [], lines, lang, ref: 0, useDensity: false, fallback: false };
  const blocks = toBlocks(lines, lang, th);
  markHardChrome(blocks, lines, options);
  const ref = proseDensity(blocks, th);
  const useDensity = ref >= th.minRefDensity;
  classifyBlocks(blocks, ref, useDensity, th);
  revise(blocks, th);
  keepCutOffEnd(blocks);
  keepAllWithoutChrome(blocks);
  markTitle(blocks, lang, th);
  const fallback = applyFallback(blocks);
  return { blocks, lines, lang, ref, useDensity, fallback };
}

/** The body lines joined with blank lines between paragraphs (lines of one wrapped block with spaces). */
export function bodyText(result: ExtractBodyResult): string {
  const parts: string[] = [];
  let previous = -2;
  for (const l of result.lines) {
    if (l.class !== 'body') continue;
    const t = l.clean.replace(LEADING_STAMP, '');
    if (parts.length > 0 && l.line === previous + 1) parts[parts.length - 1] += `\n${t}`;
    else parts.push(t);
    previous = l.line;
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Lines that recur across pages of one site

export interface SitePage {
  /** Host of the page's URL ("www.example.com"); pages are only compared within a host. */
  host: string;
  text: string;
}

export interface SiteLinesOptions {
  /** A line is site chrome when it is on at least this many distinct stories of the host. Default 3. */
  minPages?: number;
  /**
   * Two pages of one host count as the same story when this share of the smaller page's long lines
   * (8 words and more) is on the other page too. Default 0.5.
   */
  sameStory?: number;
}

/**
 * For each host, the `lineKey`s of lines printed on at least `minPages` distinct stories of that
 * host. Only pages of the same host are compared: a sentence found on many sites is the copied story,
 * not chrome. Pages of one host that carry the same story (an update, a write-thru, a mirror) count
 * once, so that a story run twice does not turn its own paragraphs into chrome.
 */
export function siteRecurringLines(
  pages: readonly SitePage[],
  options: SiteLinesOptions = {},
): Map<string, Set<string>> {
  const minPages = options.minPages ?? 3;
  const sameStory = options.sameStory ?? 0.5;
  const byHost = new Map<string, Array<Set<string>>>();
  for (const p of pages) {
    const host = p.host.toLowerCase().replace(/^www\./, '');
    const keys = new Set<string>();
    for (const l of p.text.split(/\r\n|\r|\n/)) {
      const k = lineKey(l);
      if (k !== '') keys.add(k);
    }
    const list = byHost.get(host) ?? [];
    list.push(keys);
    byHost.set(host, list);
  }
  const out = new Map<string, Set<string>>();
  for (const [host, list] of byHost) {
    // Lines on many pages of the host are chrome candidates; they must not make two pages look
    // like the same story, so story likeness is judged on the other long lines (8 words and more).
    const raw = new Map<string, number>();
    for (const keys of list) for (const k of keys) raw.set(k, (raw.get(k) ?? 0) + 1);
    const long = (keys: Set<string>): string[] =>
      [...keys].filter((k) => k.split(' ').length >= 8 && (raw.get(k) ?? 0) < minPages);
    // one representative per story: a page joins an earlier story when it shares most long lines
    const stories: Array<Set<string>> = [];
    for (const keys of list) {
      const mine = long(keys);
      const same = stories.find((s) => {
        const theirs = long(s);
        const smaller = Math.min(mine.length, theirs.length);
        if (smaller === 0) return false;
        const shared = mine.filter((k) => s.has(k)).length;
        return shared / smaller >= sameStory;
      });
      if (same) for (const k of keys) same.add(k);
      else stories.push(new Set(keys));
    }
    const counts = new Map<string, number>();
    for (const s of stories) for (const k of s) counts.set(k, (counts.get(k) ?? 0) + 1);
    const recurring = new Set<string>();
    for (const [k, c] of counts) if (c >= minPages) recurring.add(k);
    out.set(host, recurring);
  }
  return out;
}

/** The host of a page address ("www.example.com" → "example.com"), or undefined when it has none. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * For each article of a corpus, the keys of lines recurring on other pages of its site (by the
 * host of its `url`; see `siteRecurringLines`), or undefined when it has no address or its site
 * shows nothing recurring.
 */
export function siteLinesOf(
  articles: ReadonlyArray<{ text: string; url?: string }>,
  options: SiteLinesOptions = {},
): Array<ReadonlySet<string> | undefined> {
  const hosts = articles.map((a) => hostOf(a.url));
  const pages: SitePage[] = [];
  articles.forEach((a, i) => {
    const host = hosts[i];
    if (host) pages.push({ host, text: a.text });
  });
  if (pages.length === 0) return articles.map(() => undefined);
  const byHost = siteRecurringLines(pages, options);
  return hosts.map((h) => {
    const set = h ? byHost.get(h) : undefined;
    return set && set.size > 0 ? set : undefined;
  });
}
