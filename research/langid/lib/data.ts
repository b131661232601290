/**
 * Reads the eval sets (read-only, from ../shared/eval beside the repository) and cuts the snippets measured.
 * Nothing is copied: the scripts read the files in place.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../guessLanguage.js';

export const EVAL_DIR = process.env.EVAL_DIR ?? fileURLToPath(new URL('../../../../shared/eval', import.meta.url));

export interface Item {
  set: string;
  id: string;
  lang: string;
  text: string;
}

function readJsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(`${EVAL_DIR}/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/**
 * The sets. wmt22's 1–3 line 'conversation' items are kept apart from its article-like
 * domains (news, ecommerce, social): they are chat turns, a short-text test of their own.
 */
export function loadSets(): Item[] {
  const out: Item[] = [];
  const add = (set: string, rows: Array<Record<string, unknown>>) => {
    for (const r of rows) out.push({ set, id: String(r.id), lang: String(r.lang), text: String(r.text) });
  };
  add('web-multi', readJsonl('web-multi.jsonl'));
  add('web-wire', readJsonl('web-wire.jsonl'));
  // Label noise: 9 wmt24 'es' items are Claude-3.5 refusals written wholly in English
  // ("I apologize, but I cannot translate …"); every detector calls them 'en', rightly. Dropped.
  add(
    'wmt24',
    readJsonl('wmt24-en-multilingual.jsonl').filter(
      (r) => !(r.lang !== 'en' && String(r.text).startsWith('I apologize, but I cannot')),
    ),
  );
  const wmt22 = readJsonl('wmt22-zhen.jsonl');
  add('wmt22-doc', wmt22.filter((r) => r.domain !== 'conversation'));
  add('wmt22-chat', wmt22.filter((r) => r.domain === 'conversation'));
  return out;
}

export const SETS = ['web-multi', 'web-wire', 'wmt24', 'wmt22-doc', 'wmt22-chat'];
export const MODES = ['whole', 'first100', 'first300', 'midsent'] as const;
export type Mode = (typeof MODES)[number];

/** The first n code points (never a lone surrogate). */
export function firstChars(text: string, n: number): string {
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count++ >= n) break;
    out += ch;
  }
  return out;
}

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * "A single middle sentence": split every line into sentences (copydesk's splitSentences),
 * keep sentences of at least 20 characters (8 for Han/kana/Hangul text, which packs more per
 * character), and take the middle one. Falls back to the longest sentence.
 */
export function middleSentence(text: string): string {
  const sentences: string[] = [];
  for (const line of text.split('\n')) {
    for (const s of splitSentences(line)) sentences.push(line.slice(s.start, s.end));
  }
  if (sentences.length === 0) return text.trim();
  const ok = sentences.filter((s) => {
    const cjk = (s.match(SPACELESS) ?? []).length;
    return s.length >= (cjk > s.length / 3 ? 8 : 20);
  });
  if (ok.length === 0) return sentences.reduce((a, b) => (b.length > a.length ? b : a));
  return ok[Math.floor(ok.length / 2)] as string;
}

export function snippet(text: string, mode: Mode): string {
  switch (mode) {
    case 'whole':
      return text;
    case 'first100':
      return firstChars(text, 100);
    case 'first300':
      return firstChars(text, 300);
    case 'midsent':
      return middleSentence(text);
  }
}
