/**
 * Word diff of two aligned pieces of text (a sentence, or two sentences against one), on the
 * original text, with the kind of each change where it can be told.
 *
 * Tokens are words (`segmentWords`: `\p{L}`/`\p{N}` runs, and `Intl.Segmenter` words for Chinese
 * and Japanese) and single punctuation marks; each keeps the whitespace before it, so the parts
 * put back together give the original text. The ignore options change only the key two tokens
 * are compared by, never what is shown. Numbers are compared as written under every option: a
 * changed figure or date always shows.
 */
import type { ChangeKind, DiffCounts, DiffPart } from '../../types/review.js';
import { editDistance } from '../similarity/edit.js';
import { americanizeWord } from '../text/spelling.js';
import { foldWord, segmentWords } from '../text/tokens.js';
import { diffTokenKeys } from './jsdiff.js';

export interface DiffOptions {
  ignoreCase?: boolean;
  /** Leave punctuation and quote marks out of the comparison (they stay in the text shown). */
  ignorePunctuation?: boolean;
  /** Count British and American spellings of a word as the same word. */
  ignoreSpelling?: boolean;
  /**
   * Largest edit, in tokens inserted plus deleted, that the word diff searches for; beyond it the
   * two texts are shown as one replaced block. Bounds the time on long unrelated texts.
   */
  maxEditLength?: number;
}

export const DEFAULT_MAX_EDIT_LENGTH = 400;

/** A token of the text shown: a word or a punctuation mark, with the whitespace before it. */
export interface DiffToken {
  /** Whitespace (and, with `ignorePunctuation`, the punctuation) before the token. */
  lead: string;
  text: string;
  /** True for a word, false for a punctuation mark. */
  word: boolean;
  /** With `ignorePunctuation`: punctuation after the last word, shown but not compared. */
  tail?: string;
}

export interface WordDiffResult {
  parts: DiffPart[];
  counts: DiffCounts;
  /** True when the edit exceeded `maxEditLength` and the texts were compared as wholes. */
  coarse: boolean;
}

/** Words and punctuation marks of a text, each with the whitespace before it; trailing whitespace is dropped. */
export function tokenizeForDiff(text: string): DiffToken[] {
  const out: DiffToken[] = [];
  let pos = 0;
  let lead = '';
  const pushGap = (gap: string): void => {
    for (const ch of gap) {
      if (/\s/u.test(ch)) lead += ch;
      else {
        out.push({ lead, text: ch, word: false });
        lead = '';
      }
    }
  };
  for (const w of segmentWords(text)) {
    pushGap(text.slice(pos, w.start));
    out.push({ lead, text: text.slice(w.start, w.end), word: true });
    lead = '';
    pos = w.end;
  }
  pushGap(text.slice(pos));
  return out;
}

const DIGITS = /\p{N}/u;
const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)$/i;
// Ordinal and cardinal number words that carry a figure as much as digits do.
const NUMBER_WORDS =
  /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|first|second|third|fourth|fifth|dozen|half|percent)$/i;

function isFigure(t: DiffToken): boolean {
  return t.word && (DIGITS.test(t.text) || MONTHS.test(t.text) || NUMBER_WORDS.test(t.text));
}

const lower = (s: string): string => s.toLocaleLowerCase('und');
const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
// What is left of a word once every character an encoding can damage is removed: "Díaz", "Daz",
// "D?az", "DÃ­az" and "D\uFFFDaz" all give "Daz".
const keepAscii = (s: string): string => s.replace(/[^\x20-\x3e\x40-\x7e]/g, '');

/** The key a word is compared by under the ignore options. */
function wordKey(text: string, options: DiffOptions): string {
  if (DIGITS.test(text)) return text;
  let key = options.ignoreCase ? lower(text) : text;
  if (options.ignoreSpelling) {
    const l = lower(text);
    const am = americanizeWord(l);
    if (am !== l) key = options.ignoreCase || text[0] === l[0] ? am : (am[0] ?? '').toUpperCase() + am.slice(1);
  }
  return key;
}

const isCapitalized = (s: string): boolean => /^\p{Lu}/u.test(s);

/** The kind of change from one word to another (both words, not equal). */
export function classifyWordChange(a: string, b: string): ChangeKind {
  if (
    DIGITS.test(a) ||
    DIGITS.test(b) ||
    MONTHS.test(a) ||
    MONTHS.test(b) ||
    NUMBER_WORDS.test(a) ||
    NUMBER_WORDS.test(b)
  )
    return 'number';
  if (lower(a) === lower(b)) return 'case';
  const la = lower(stripAccents(a));
  const lb = lower(stripAccents(b));
  if (la === lb) return 'accents';
  // Encoding damage needs Latin letters left on both sides: a Chinese word has no ASCII at all.
  const damaged = keepAscii(a) !== a || keepAscii(b) !== b;
  const latin = /\p{Script=Latin}/u;
  if (damaged && latin.test(keepAscii(a)) && latin.test(keepAscii(b)) && lower(keepAscii(a)) === lower(keepAscii(b)))
    return 'accents';
  if (foldWord(a) === foldWord(b)) return 'spelling';
  if (isCapitalized(a) && isCapitalized(b) && Math.min(la.length, lb.length) >= 4) {
    const d = editDistance(la, lb);
    if (d <= Math.max(1, Math.floor(Math.max(la.length, lb.length) / 4)) && la[0] === lb[0]) return 'transliteration';
  }
  return 'reworded';
}

/** The kind of a replaced run: one kind when all its word pairs agree or only punctuation differs. */
function classifyRun(a: readonly DiffToken[], b: readonly DiffToken[]): ChangeKind {
  const wa = a.filter((t) => t.word);
  const wb = b.filter((t) => t.word);
  const figuresA = a.filter(isFigure).map((t) => lower(t.text));
  const figuresB = b.filter(isFigure).map((t) => lower(t.text));
  if (figuresA.join(' ') !== figuresB.join(' ')) return 'number';
  if (wa.length === wb.length && wa.every((t, i) => t.text === wb[i]?.text)) return 'punctuation';
  if (wa.length !== wb.length || wa.length === 0) return 'reworded';
  let kind: ChangeKind | undefined;
  for (let i = 0; i < wa.length; i++) {
    const x = (wa[i] as DiffToken).text;
    const y = (wb[i] as DiffToken).text;
    if (x === y) continue;
    const k = classifyWordChange(x, y);
    if (kind !== undefined && k !== kind) return 'reworded';
    kind = k;
  }
  return kind ?? 'punctuation';
}

/** The kind of a run only one side has: punctuation, a figure, or (undefined) plain words. */
function classifyOneSided(tokens: readonly DiffToken[]): ChangeKind | undefined {
  if (tokens.every((t) => !t.word)) return 'punctuation';
  if (tokens.some(isFigure)) return 'number';
  return undefined;
}

const join = (tokens: readonly DiffToken[]): string => tokens.map((t) => t.lead + t.text + (t.tail ?? '')).join('');
const countWords = (tokens: readonly DiffToken[]): number => tokens.reduce((n, t) => n + (t.word ? 1 : 0), 0);

/** With `ignorePunctuation`, punctuation marks become part of the lead of the next word (or the tail of the last). */
function foldPunctuation(tokens: DiffToken[]): DiffToken[] {
  const out: DiffToken[] = [];
  let pending = '';
  for (const t of tokens) {
    if (t.word) {
      out.push({ lead: pending + t.lead, text: t.text, word: true });
      pending = '';
    } else pending += t.lead + t.text;
  }
  if (pending !== '') {
    const last = out[out.length - 1];
    if (last) last.tail = pending;
    else {
      const lead = /^\s*/u.exec(pending)?.[0] ?? '';
      out.push({ lead, text: pending.slice(lead.length), word: false });
    }
  }
  return out;
}

function emptyCounts(): DiffCounts {
  return { wordsA: 0, wordsB: 0, kept: 0, added: 0, dropped: 0, changedA: 0, changedB: 0 };
}

/** Split a replaced run of equal word counts into word pairs when their kinds differ, so that a spelling fix next to a rewording shows as each. */
function splitReplace(a: DiffToken[], b: DiffToken[]): DiffPart[] {
  const whole: DiffPart = { op: 'replace', a: join(a), b: join(b), kind: classifyRun(a, b) };
  if (whole.kind !== 'reworded' || a.length !== b.length || a.length < 2) return [whole];
  const pairs = a.map((t, i) => ({ x: t, y: b[i] as DiffToken }));
  if (!pairs.every((p) => p.x.word === p.y.word)) return [whole];
  const parts: DiffPart[] = [];
  for (const { x, y } of pairs) {
    const part: DiffPart =
      x.text === y.text
        ? { op: 'equal', a: join([x]), b: join([y]) }
        : {
            op: 'replace',
            a: join([x]),
            b: join([y]),
            kind: x.word ? classifyWordChange(x.text, y.text) : 'punctuation',
          };
    const prev = parts[parts.length - 1];
    if (prev && prev.op === part.op && prev.kind === part.kind) {
      prev.a += part.a;
      prev.b += part.b;
    } else parts.push(part);
  }
  return parts;
}

/**
 * Diff two texts word by word. The parts, read on their `a` side, give back A's text; on their
 * `b` side, B's text (without trailing whitespace).
 */
export function diffWordsOf(textA: string, textB: string, options: DiffOptions = {}): WordDiffResult {
  let ta = tokenizeForDiff(textA);
  let tb = tokenizeForDiff(textB);
  if (options.ignorePunctuation) {
    ta = foldPunctuation(ta);
    tb = foldPunctuation(tb);
  }
  const keyOf = (t: DiffToken): string => (t.word ? `w${wordKey(t.text, options)}` : `p${t.text}`);
  const ka = ta.map(keyOf);
  const kb = tb.map(keyOf);
  const counts = emptyCounts();
  counts.wordsA = countWords(ta);
  counts.wordsB = countWords(tb);
  const maxEdit = Math.min(
    options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH,
    Math.ceil((ta.length + tb.length) * 0.75) + 4,
  );
  const runs = diffTokenKeys(ka, kb, { maxEditLength: maxEdit });
  if (runs === undefined) {
    counts.changedA = counts.wordsA;
    counts.changedB = counts.wordsB;
    return { parts: [{ op: 'replace', a: join(ta), b: join(tb), kind: classifyRun(ta, tb) }], counts, coarse: true };
  }
  const parts: DiffPart[] = [];
  let i = 0;
  while (i < runs.length) {
    const run = runs[i] as (typeof runs)[number];
    if (run.op === 'equal') {
      const a = ta.slice(run.startA, run.startA + run.countA);
      const b = tb.slice(run.startB, run.startB + run.countB);
      parts.push({ op: 'equal', a: join(a), b: join(b) });
      counts.kept += countWords(a);
      i++;
      continue;
    }
    // Gather a delete and an insert that follow each other into one replaced run.
    let del: DiffToken[] = [];
    let ins: DiffToken[] = [];
    while (i < runs.length && (runs[i] as (typeof runs)[number]).op !== 'equal') {
      const r = runs[i] as (typeof runs)[number];
      if (r.op === 'delete') del = del.concat(ta.slice(r.startA, r.startA + r.countA));
      else ins = ins.concat(tb.slice(r.startB, r.startB + r.countB));
      i++;
    }
    if (del.length > 0 && ins.length > 0) {
      counts.changedA += countWords(del);
      counts.changedB += countWords(ins);
      parts.push(...splitReplace(del, ins));
    } else if (del.length > 0) {
      counts.dropped += countWords(del);
      const kind = classifyOneSided(del);
      parts.push(kind ? { op: 'delete', a: join(del), b: '', kind } : { op: 'delete', a: join(del), b: '' });
    } else {
      counts.added += countWords(ins);
      const kind = classifyOneSided(ins);
      parts.push(kind ? { op: 'insert', a: '', b: join(ins), kind } : { op: 'insert', a: '', b: join(ins) });
    }
  }
  return { parts, counts, coarse: false };
}
