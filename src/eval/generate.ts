/**
 * Labelled variants of real articles, for measuring the detector: the ways a news text is copied,
 * cut, padded and damaged on its way from one site to another. Pure and deterministic: the same
 * sources, options and seed give the same variants (a small PRNG of our own, never Math.random).
 *
 * Each variant names its source and its relation to it:
 * - `duplicate`: the same text up to normalization, boilerplate, order, spelling and noise:
 *   `boilerplate` (verbatim copy with comment forms, share prompts, captions, a title printed
 *   twice, "Fecha de publicación:" labels), `reorder` (body paragraphs in another order),
 *   `spelling` (British ↔ American), `quotes` (quote, dash and whitespace styles), `accents`
 *   (accents lost, mojibake "DÃ­az", or dropped letters "Daz"), `ocr` (character noise at 1–5 %);
 * - `republication`: one text holds most of the other, and they differ in length by at least a
 *   fifth: `intro` (an added intro restating the first paragraphs, +20–45 % of the words),
 *   `truncate` (a prefix of 30–80 % of the characters), `drop-paragraph` (paragraphs making up
 *   20–50 % of the words removed), `roundup` (the source in full followed by a brief of a second
 *   article in the same language, one at least 3/4 as long as the first when the sources hold one),
 *   `late-start` (a copy that starts at the second or third paragraph), `preview` (the first one
 *   or two paragraphs and a "continue reading" link);
 * - `edited-copy`: `re-lede` (the first paragraph replaced by a local lede of the copy's own);
 *
 * and, as pages are scraped: `page` (the text inside page chrome: a menu, a sign-in prompt, the
 * headline printed twice, a byline, a photo caption printed twice, related-story teasers and a
 * footer; a duplicate), `house-style` (per cent ↔ %, U.S. ↔ US, "Monday" → "yesterday", numbers
 * spelled out; a duplicate). The chrome and the ledes are written for this generator, not copied
 * from any page of the evaluation sets.
 *
 * A roundup belongs to its first source's cluster. The brief of the second article is its closing
 * sentences, a third of it (up to 38 % when the second is short): a roundup that held two whole
 * articles would belong to two stories at once, which a partition into stories cannot express; and the close (not the lead)
 * keeps the brief from resembling a truncated copy of the second article.
 */

import { americanizeWord } from '../core/text/spelling.js';
import type { Article } from '../types/index.js';

export type VariantKind =
  | 'boilerplate'
  | 'intro'
  | 'truncate'
  | 'drop-paragraph'
  | 'reorder'
  | 'spelling'
  | 'quotes'
  | 'accents'
  | 'ocr'
  | 'roundup'
  | 'page'
  | 'house-style'
  | 'late-start'
  | 'preview'
  | 're-lede';

export const VARIANT_KINDS: readonly VariantKind[] = [
  'boilerplate',
  'intro',
  'truncate',
  'drop-paragraph',
  'reorder',
  'spelling',
  'quotes',
  'accents',
  'ocr',
  'roundup',
  'page',
  'house-style',
  'late-start',
  'preview',
  're-lede',
];

/** Which relation each kind has to its source (see the module comment). */
export type VariantRelation = 'duplicate' | 'republication' | 'edited-copy';

export const KIND_RELATION: Readonly<Record<VariantKind, VariantRelation>> = Object.freeze({
  boilerplate: 'duplicate',
  reorder: 'duplicate',
  spelling: 'duplicate',
  quotes: 'duplicate',
  accents: 'duplicate',
  ocr: 'duplicate',
  intro: 'republication',
  truncate: 'republication',
  'drop-paragraph': 'republication',
  roundup: 'republication',
  page: 'duplicate',
  'house-style': 'duplicate',
  'late-start': 'republication',
  preview: 'republication',
  're-lede': 'edited-copy',
});

export interface GenerateOptions {
  seed: number;
  /** Kinds to generate, in turn (default: all). */
  kinds?: readonly VariantKind[];
  /** Variants per source (default 1). Kinds rotate over sources and variants so each kind is used evenly. */
  perSource?: number;
}

export interface GeneratedVariant {
  /** `<source id>~<kind>~<n>`: unique when source ids are. */
  id: string;
  text: string;
  sourceId: string;
  /** For a roundup: both sources, the one it holds in full first. */
  sourceIds?: string[];
  kind: VariantKind;
  relation: VariantRelation;
  /** The source's cluster (`meta.cluster`, else its id). */
  cluster: string;
}

/** mulberry32: a 32-bit PRNG, good enough for test data and fully reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = `${String(part)}\u0000`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

type Random = () => number;

function pick<T>(rng: Random, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function between(rng: Random, lo: number, hi: number): number {
  return lo + rng() * (hi - lo);
}

/** The cluster of a source article: its `meta.cluster`, else its id. */
export function clusterOf(article: Article): string {
  const c = article.meta?.cluster;
  return c === undefined || c === null ? article.id : String(c);
}

interface Layout {
  paragraphs: string[];
  separator: string;
}

function splitParagraphs(text: string): Layout {
  const separator = /\n[ \t]*\n/.test(text) ? '\n\n' : '\n';
  const paragraphs = text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return { paragraphs, separator };
}

function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => w !== '').length;
}

/** Sentences of a paragraph, roughly (used only to cut a one-paragraph text into units). */
function splitRough(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?。！？]["'”’)]*)\s+(?=\S)/u).filter((s) => s.trim() !== '');
}

/** Paragraphs when there are at least three, else sentences: the units a variant moves or drops. */
function unitsOf(text: string): Layout {
  const layout = splitParagraphs(text);
  if (layout.paragraphs.length >= 3) return layout;
  const sentences = layout.paragraphs.flatMap(splitRough);
  return sentences.length > layout.paragraphs.length ? { paragraphs: sentences, separator: ' ' } : layout;
}

// ---------------------------------------------------------------- duplicate kinds

const COMMENT_FORMS = [
  ['Leave a Reply', 'Your email address will not be published. Required fields are marked *'],
  ['Add new comment'],
  ['Deja un comentario'],
  ['Post a comment', 'You must be logged in to post a comment.'],
  ['3 Comments'],
];
const SHARE_PROMPTS = [
  'Share this article',
  'Tweet',
  'Facebook',
  'WhatsApp',
  'Print this page',
  'Read more',
  'Follow us on Twitter',
  'Advertisement',
  'Compartir',
  'Copy link',
];
const CAPTIONS = [
  'A general view of the venue on the day of the meeting. (Xinhua/Li Ming)',
  'People gather near the site on Tuesday. (AP Photo/J. Smith)',
  'File photo of the building. (Photo: Reuters)',
  'Participants attend the event. (Foto: EFE)',
];
const LABELS = [
  'Fecha de publicación: 2023-04-25',
  'Published: April 25, 2023',
  'Source: Agencies',
  'Autor: Redacción',
  'Tags: world, politics',
];

function addBoilerplate(text: string, rng: Random): string {
  const { paragraphs, separator } = splitParagraphs(text);
  const out = [...paragraphs];
  const first = out[0] ?? '';
  // A title printed twice: only when the first line reads as one (short, no final stop).
  if (out.length > 1 && first.length <= 150 && !/[.:;,]$/.test(first) && rng() < 0.6) out.splice(1, 0, first);
  const label = pick(rng, LABELS);
  out.splice(out.length > 1 ? 1 : 0, 0, label);
  if (out.length > 3 && rng() < 0.7) out.splice(2 + Math.floor(rng() * (out.length - 2)), 0, pick(rng, CAPTIONS));
  const shares = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < shares; i++) out.push(pick(rng, SHARE_PROMPTS));
  out.push(...pick(rng, COMMENT_FORMS));
  return out.join(separator);
}

function reorderUnits(text: string, rng: Random): string {
  const { paragraphs, separator } = unitsOf(text);
  if (paragraphs.length < 3) return paragraphs.slice().reverse().join(separator);
  // The first unit (title or lead) stays; the body is shuffled until its order changes.
  const body = paragraphs.slice(1);
  const order = body.map((_, i) => i);
  for (let tries = 0; tries < 8; tries++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    if (order.some((v, i) => v !== i)) break;
  }
  if (order.every((v, i) => v === i)) order.reverse();
  return [paragraphs[0] as string, ...order.map((i) => body[i] as string)].join(separator);
}

/** American → British forms for common news words (the reverse direction uses `americanizeWord`). */
const BRITISH: Record<string, string> = {
  color: 'colour',
  colors: 'colours',
  favor: 'favour',
  favorable: 'favourable',
  favorite: 'favourite',
  honor: 'honour',
  honored: 'honoured',
  labor: 'labour',
  neighbor: 'neighbour',
  neighbors: 'neighbours',
  neighboring: 'neighbouring',
  behavior: 'behaviour',
  harbor: 'harbour',
  rumor: 'rumour',
  rumors: 'rumours',
  center: 'centre',
  centers: 'centres',
  theater: 'theatre',
  meter: 'metre',
  meters: 'metres',
  kilometer: 'kilometre',
  kilometers: 'kilometres',
  defense: 'defence',
  offense: 'offence',
  program: 'programme',
  programs: 'programmes',
  organize: 'organise',
  organized: 'organised',
  organization: 'organisation',
  organizations: 'organisations',
  recognize: 'recognise',
  recognized: 'recognised',
  realize: 'realise',
  realized: 'realised',
  modernization: 'modernisation',
  modernize: 'modernise',
  emphasize: 'emphasise',
  emphasized: 'emphasised',
  stabilize: 'stabilise',
  prioritize: 'prioritise',
  criticize: 'criticise',
  criticized: 'criticised',
  mobilize: 'mobilise',
  analyze: 'analyse',
  analyzed: 'analysed',
  traveling: 'travelling',
  traveled: 'travelled',
  canceled: 'cancelled',
  labeled: 'labelled',
  modeling: 'modelling',
  signaled: 'signalled',
  toward: 'towards',
  judgment: 'judgement',
  gray: 'grey',
  catalog: 'catalogue',
  aging: 'ageing',
  industrialization: 'industrialisation',
  globalization: 'globalisation',
  utilize: 'utilise',
  memorize: 'memorise',
  summarize: 'summarise',
  symbolize: 'symbolise',
  minimize: 'minimise',
  maximize: 'maximise',
  optimize: 'optimise',
  optimization: 'optimisation',
  vigor: 'vigour',
  endeavor: 'endeavour',
  endeavors: 'endeavours',
};

function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase() && model.length > 1) return word.toUpperCase();
  if (model[0] === model[0]?.toUpperCase()) return (word[0]?.toUpperCase() ?? '') + word.slice(1);
  return word;
}

function respell(text: string): string {
  return text.replace(/\p{L}+/gu, (w) => {
    const lower = w.toLowerCase();
    const british = BRITISH[lower];
    if (british !== undefined && british !== lower) return matchCase(w, british);
    const american = americanizeWord(lower);
    return american !== lower ? matchCase(w, american) : w;
  });
}

function restyleQuotes(text: string, rng: Random): string {
  const curly = rng() < 0.5;
  let out = text;
  if (curly) {
    out = out
      .replace(/(^|[\s([])"/g, '$1“')
      .replace(/"/g, '”')
      .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
      .replace(/(^|[\s([])'/g, '$1‘')
      .replace(/'/g, '’')
      .replace(/ - /g, ' — ')
      .replace(/--/g, '–');
  } else {
    out = out
      .replace(/[“”«»„]/g, '"')
      .replace(/[‘’‚]/g, "'")
      .replace(/\s*[—–]\s*/g, ' - ');
  }
  // Whitespace: doubled spaces after some stops, non-breaking spaces, trailing blanks.
  out = out.replace(/([.,;]) (?=\S)/g, (m, p: string) => (rng() < 0.3 ? `${p}  ` : rng() < 0.1 ? `${p}\u00a0` : m));
  return out
    .split('\n')
    .map((line) => (line !== '' && rng() < 0.3 ? `${line}  ` : line))
    .join('\n');
}

/** cp1252 names of the bytes 0x80–0x9f (as browsers decode "latin-1"); undefined bytes stay C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** UTF-8 bytes read as cp1252/Latin-1: "Díaz" → "DÃ­az", "China’s" → "Chinaâ€™s". */
export function mojibake(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch)) {
      out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
  }
  return out;
}

function damageAccents(text: string, rng: Random): string {
  const mode = Math.floor(rng() * 3);
  if (mode === 0)
    return text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');
  if (mode === 1) return mojibake(text.normalize('NFC'));
  // Dropped letters: every non-ASCII letter lost, as a bad converter does ("Díaz" → "Daz").
  return text.normalize('NFC').replace(/[\u00c0-\u024f]/g, '');
}

const CONFUSABLE: Record<string, readonly string[]> = {
  m: ['rn', 'nn'],
  n: ['ri', 'h'],
  e: ['c', 'o'],
  c: ['e'],
  o: ['0', 'c'],
  l: ['1', 'I', 'i'],
  i: ['l', '1', 'j'],
  I: ['l', '1'],
  O: ['0', 'Q'],
  S: ['5'],
  s: ['5'],
  B: ['8'],
  g: ['q', '9'],
  h: ['b', 'n'],
  u: ['v', 'n'],
  a: ['o', 'e'],
  t: ['f', 'l'],
  f: ['t'],
  r: ['n'],
  d: ['cl'],
  w: ['vv'],
  '0': ['O'],
  '1': ['l'],
  '5': ['S'],
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** OCR-like noise: each letter or digit is damaged with probability `rate`. */
export function addCharacterNoise(text: string, rate: number, rng: Random): string {
  let out = '';
  for (const ch of text) {
    if (!/[\p{L}\p{N}]/u.test(ch) || rng() >= rate) {
      out += ch;
      continue;
    }
    const r = rng();
    const similar = CONFUSABLE[ch];
    if (r < 0.6 && similar) out += pick(rng, similar);
    else if (r < 0.8) out += LETTERS[Math.floor(rng() * LETTERS.length)];
    else if (r < 0.9)
      out += ''; // dropped
    else out += `${ch}${LETTERS[Math.floor(rng() * LETTERS.length)]}`; // a stray letter
  }
  return out;
}

// ---------------------------------------------------------------- republication kinds

const INTRO_LEADS = [
  'Editor’s note: this report first appeared elsewhere and is republished with permission.',
  'In case you missed it, here is the story in brief.',
  'What we know so far:',
  'The following report was originally published by our partners.',
];

/** An intro paragraph restating the first body paragraphs, then the whole source. */
function addIntro(text: string, rng: Random): string {
  const { paragraphs, separator } = unitsOf(text);
  const total = countWords(text);
  const target = total * between(rng, 0.2, 0.45);
  const start = paragraphs.length > 2 ? 1 : 0; // skip a title line
  const restated: string[] = [];
  let words = 0;
  for (let i = start; i < paragraphs.length && words < target; i++) {
    const p = paragraphs[i] as string;
    restated.push(p);
    words += countWords(p);
  }
  // Restating a text of one unit: repeat it whole (an intro that quotes the lead).
  const intro = `${pick(rng, INTRO_LEADS)} ${restated.join(' ')}`;
  return `${intro}${separator}${text.trim()}`;
}

/**
 * A prefix of 30–80 % of the characters (`fraction` clamped to that range), cut at the last
 * space at or before the target when there is one inside the range, never inside a surrogate pair.
 */
export function truncateText(text: string, fraction: number): string {
  const len = text.length;
  const lo = Math.ceil(len * 0.3);
  const hi = Math.floor(len * 0.8);
  const target = Math.min(hi, Math.max(lo, Math.round(len * fraction)));
  let cut = target;
  while (cut > lo && !/\s/.test(text[cut] ?? '')) cut--;
  if (!/\s/.test(text[cut] ?? '')) cut = target;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut = cut - 1 >= lo ? cut - 1 : cut + 1;
  return text.slice(0, cut);
}

function dropUnits(text: string, rng: Random): string {
  const { paragraphs, separator } = unitsOf(text);
  if (paragraphs.length < 2) return truncateText(text, 0.7);
  const total = countWords(text);
  const target = total * between(rng, 0.2, 0.5);
  const candidates = paragraphs.map((_, i) => i).slice(1);
  const dropped = new Set<number>();
  let words = 0;
  while (words < target && candidates.length > 0 && dropped.size < paragraphs.length - 1) {
    const k = Math.floor(rng() * candidates.length);
    const i = candidates.splice(k, 1)[0] as number;
    const w = countWords(paragraphs[i] as string);
    if (words + w > total * 0.6 && dropped.size > 0) continue;
    dropped.add(i);
    words += w;
  }
  return paragraphs.filter((_, i) => !dropped.has(i)).join(separator);
}

/**
 * The closing sentences of a text: about `share` of its words. When the next sentence back does
 * not fit whole, its last words fill the brief up to that share.
 */
export function briefOf(text: string, share = 1 / 3): string {
  const sentences = splitParagraphs(text).paragraphs.flatMap(splitRough);
  const target = Math.max(1, Math.floor(countWords(text) * share));
  const kept: string[] = [];
  let words = 0;
  for (let i = sentences.length - 1; i >= 0 && words < target; i--) {
    const parts = (sentences[i] as string).split(/\s+/).filter((w) => w !== '');
    if (words + parts.length <= target) {
      kept.unshift(parts.join(' '));
      words += parts.length;
    } else {
      kept.unshift(parts.slice(parts.length - (target - words)).join(' '));
      words = target;
    }
  }
  return kept.join(' ');
}

const ROUNDUP_JOINS = ['In other news:', 'Also today:', 'Elsewhere:', 'In brief:'];

/**
 * The first text in full, a join line, and a brief of the second: its closing third, or a little
 * more (up to 38 %) when a third would add less than 30 % to the first. Never more: a variant of
 * the second that kept half of it (drop-paragraph) would then fit mostly inside the brief. And
 * never more than 0.8 × the first's words, so the roundup stays mostly the first article.
 */
function makeRoundup(first: string, second: string, rng: Random): string {
  const { separator } = splitParagraphs(first);
  const w1 = countWords(first);
  const w2 = Math.max(1, countWords(second));
  // A third of the second, more (≤ 38 %) to add 30 % to the first, never more than 0.8 × the first.
  const share = Math.min(0.38, Math.max(1 / 3, (0.3 * w1) / w2), (0.8 * w1) / w2);
  return `${first.trim()}${separator}${pick(rng, ROUNDUP_JOINS)}${separator}${briefOf(second, share)}`;
}

// ---------------------------------------------------------------- scraped pages and edited copies

const MENUS = [
  'Home | World | Politics | Business | Sport | Culture',
  'News • Opinion • Video • Podcasts • Newsletters',
  'Inicio > Internacional > Asia',
  'Top stories / Local / Weather / Traffic',
];
const SIGN_IN = [
  ['Sign in', 'Create a free account to keep reading.'],
  ['Subscribe now', 'Already a subscriber? Log in'],
  ['Listen to this article', '4 min'],
];
const BYLINES = ['By Staff Reporter', 'By Wire Services', 'Updated 2 hours ago', 'Por Redacción'];
const TEASERS = [
  ['Related stories', 'Markets close higher after a quiet week', 'Five things to watch this weekend'],
  ['More from this section', 'Weather: rain expected on Sunday'],
];
const FOOTERS = [
  ['© 2024 The Daily Herald. All rights reserved.', 'Privacy policy | Terms of use | Contact us'],
  ['Copyright 2023. This material may not be published, broadcast or redistributed.'],
];

/** The text inside page chrome, as a scraper gets it (the headline, if any, printed twice). */
function wrapInPage(text: string, rng: Random): string {
  const { paragraphs, separator } = splitParagraphs(text);
  const first = paragraphs[0] ?? '';
  const headline = paragraphs.length > 1 && first.length <= 150 && !/[.:;,]$/.test(first);
  const body = headline ? paragraphs.slice(1) : paragraphs;
  const out: string[] = [pick(rng, MENUS), ...pick(rng, SIGN_IN)];
  if (headline) out.push(first, first);
  out.push(pick(rng, BYLINES));
  const caption = pick(rng, CAPTIONS);
  out.push(caption, caption);
  out.push(...body, ...pick(rng, TEASERS), ...pick(rng, FOOTERS));
  return out.join(separator);
}

/** House style: per cent ↔ %, U.S. ↔ US, weekdays → "yesterday", small numbers spelled out or not. */
function restyleHouse(text: string, rng: Random): string {
  const words: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5' };
  const toPercent = rng() < 0.5;
  return text
    .replace(toPercent ? / per ?cent\b/g : /(\d)%/g, toPercent ? '%' : '$1 per cent')
    .replace(/\bU\.S\.(?=\s)/g, 'US')
    .replace(/\b(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b/g, 'yesterday')
    .replace(/\b(one|two|three|four|five)\b/g, (w) => words[w] ?? w);
}

/** A copy that starts later: the first units dropped, 20–50 % of the words (a republication, not a duplicate). */
function startLater(text: string): string {
  const { paragraphs, separator } = unitsOf(text);
  if (paragraphs.length < 3) return text.slice(text.length - Math.floor(text.length * 0.6)).replace(/^\S*\s/, '');
  const total = countWords(text);
  let drop = 1;
  while (drop < paragraphs.length - 1 && countWords(paragraphs.slice(0, drop).join(' ')) < 0.2 * total) drop++;
  if (countWords(paragraphs.slice(0, drop).join(' ')) > 0.5 * total && drop > 1) drop--;
  return paragraphs.slice(drop).join(separator);
}

const CONTINUE = ['Continue reading…', 'Read the full story', 'Click here to read more'];

/** A preview: the first units, 15–50 % of the words and at least 40, and a link to the rest. */
function makePreview(text: string, rng: Random): string {
  const { paragraphs, separator } = unitsOf(text);
  if (paragraphs.length < 3) return truncateText(text, 0.4);
  const total = countWords(text);
  const target = Math.max(40, between(rng, 0.15, 0.5) * total);
  // Only paragraphs count towards the target (a headline, a time stamp or a photo caption before
  // the lede is kept but is not what the preview shows of the story).
  const prose = (p: string) => (countWords(p) >= 15 && /[.!?"”'’]$/.test(p) ? countWords(p) : 0);
  let keep = 0;
  let words = 0;
  while (keep < paragraphs.length - 1 && (words < target || keep === 0)) words += prose(paragraphs[keep++] as string);
  return `${paragraphs.slice(0, keep).join(separator)}${separator}${pick(rng, CONTINUE)}`;
}

const LOCAL = [
  'Readers in our region will want to know what was decided this week, and what it means for them.',
  'Local officials said they were following the developments closely and would comment later.',
  'The news was discussed widely on Tuesday, a day after it was first reported by the agencies.',
  'Our correspondent asked residents what they made of it; most said it was too early to tell.',
  'A spokesperson for the regional government declined to comment when reached by telephone.',
  'The story has been updated with reactions from the neighbouring towns.',
];

/**
 * An edited copy: a local lede in place of the first body unit, and a quarter to a third of the
 * other units replaced by local material, so that the copy keeps 50–80 % of the source word for
 * word (more would make it a republication or a duplicate).
 */
function reLede(text: string, rng: Random): string {
  const { paragraphs, separator } = unitsOf(text);
  if (paragraphs.length < 4) return `${pick(rng, LOCAL)}${separator}${truncateText(text, 0.6)}`;
  const first = paragraphs[0] ?? '';
  const at = first.length <= 150 && !/[.:;,]$/.test(first) ? 1 : 0;
  const out = [...paragraphs];
  out[at] = pick(rng, LOCAL);
  // Every third unit after the lede, so that rewritten parts sit between kept passages (an edit
  // of the whole copy), not next to each other (which would read as an added intro).
  for (let i = at + 2 + Math.floor(rng() * 2); i < out.length; i += 3) out[i] = pick(rng, LOCAL);
  return out.join(separator);
}

/**
 * The kinds that model how news pages are scraped and edited apply to article-like sources only:
 * at least three paragraphs and 150 words. A two-line post cut into a preview, or a chat wrapped
 * in a news page, has no defined relation to its source (its few lines read as chrome).
 */
const WEB_KINDS: ReadonlySet<VariantKind> = new Set(['page', 'late-start', 'preview', 're-lede']);

function isArticleLike(text: string): boolean {
  return splitParagraphs(text).paragraphs.length >= 3 && countWords(text) >= 150;
}

// ---------------------------------------------------------------- driver

function applyKind(kind: Exclude<VariantKind, 'roundup'>, text: string, rng: Random): string {
  switch (kind) {
    case 'boilerplate':
      return addBoilerplate(text, rng);
    case 'intro':
      return addIntro(text, rng);
    case 'truncate':
      return truncateText(text, between(rng, 0.3, 0.8));
    case 'drop-paragraph':
      return dropUnits(text, rng);
    case 'reorder':
      return reorderUnits(text, rng);
    case 'spelling':
      return respell(text);
    case 'quotes':
      return restyleQuotes(text, rng);
    case 'accents':
      return damageAccents(text, rng);
    case 'ocr':
      return addCharacterNoise(text, between(rng, 0.01, 0.05), rng);
    case 'page':
      return wrapInPage(text, rng);
    case 'house-style':
      return restyleHouse(text, rng);
    case 'late-start':
      return startLater(text);
    case 'preview':
      return makePreview(text, rng);
    case 're-lede':
      return reLede(text, rng);
  }
}

/**
 * Variants of each source: `perSource` of them, the kinds taken in turn across all sources so
 * each is used about equally. A roundup's second article is another source from another cluster
 * (none available: that variant is skipped); the page kinds skip sources that are not article-like. Each variant's randomness comes from the seed, its
 * source id and its number, so adding sources does not change the variants of the others.
 */
export function generateVariants(sources: readonly Article[], options: GenerateOptions): GeneratedVariant[] {
  const kinds = options.kinds ?? VARIANT_KINDS;
  const perSource = options.perSource ?? 1;
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${String(options.seed)}`);
  if (!Number.isInteger(perSource) || perSource < 1)
    throw new RangeError(`perSource must be a positive integer, got ${String(perSource)}`);
  if (kinds.length === 0) throw new RangeError('kinds must not be empty');
  for (const k of kinds)
    if (!VARIANT_KINDS.includes(k))
      throw new RangeError(`kind must be one of ${VARIANT_KINDS.join(', ')}, got "${String(k)}"`);
  const out: GeneratedVariant[] = [];
  sources.forEach((source, i) => {
    const cluster = clusterOf(source);
    for (let k = 0; k < perSource; k++) {
      const kind = kinds[(i * perSource + k) % kinds.length] as VariantKind;
      const rng = createRandom(hashSeed(options.seed, source.id, k, kind));
      const base = {
        id: `${source.id}~${kind}~${k}`,
        sourceId: source.id,
        kind,
        relation: KIND_RELATION[kind],
        cluster,
      };
      if (WEB_KINDS.has(kind) && !isArticleLike(source.text)) continue;
      // The local material of a re-lede is English.
      if (kind === 're-lede' && source.lang !== undefined && source.lang !== 'en') continue;
      if (kind === 'roundup') {
        const others = sources.filter((s) => clusterOf(s) !== cluster && s.lang === source.lang);
        if (others.length === 0) continue;
        // The brief (a third of the second article) should add at least a quarter to the first, so
        // that the roundup is clearly more than a copy: prefer seconds at least 3/4 as long.
        const words = countWords(source.text);
        const long = others.filter((s) => countWords(s.text) >= 0.75 * words);
        const second =
          long.length > 0
            ? pick(rng, long)
            : others.reduce((x, y) => (countWords(y.text) > countWords(x.text) ? y : x));
        out.push({ ...base, text: makeRoundup(source.text, second.text, rng), sourceIds: [source.id, second.id] });
      } else {
        out.push({ ...base, text: applyKind(kind, source.text, rng) });
      }
    }
  });
  return out;
}
