// matchEquivalents against its plain definition: at each word, every form whose first word is the
// word as written, its folded form without a possessive, or a prefix of three letters, the first
// of the longest kept; then every substring form searched for in the whole text. The shortcuts
// (the lists read one by one, a text without any substring form's first code unit not searched)
// must give the same hits in the same order, on texts made of the shipped table's own forms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord } from '../../../src/core/text/tokens.js';
import {
  type EquivalentHit,
  type EquivalentsTable,
  matchEquivalents,
  parseEquivalents,
  type TableWord,
} from '../../../src/core/xling/equivalents.js';
import { ROOT } from '../../helpers/fixtures.js';

const table = parseEquivalents(readFileSync(join(ROOT, 'data', 'equivalents.tsv'), 'utf8'));

type Entry = EquivalentsTable['byFirst'] extends ReadonlyMap<string, readonly (infer E)[]> ? E : never;

function referenceMatch(t: EquivalentsTable, words: readonly TableWord[], text: string): EquivalentHit[] {
  const matches = (e: Entry, k: number, w: TableWord): boolean => {
    const want = e.form.words[k] as string;
    const have = e.form.caseSensitive ? w.raw : w.norm.replace(/'s$/, '');
    if (e.form.prefix && (k === e.form.words.length - 1 || want.length >= 4)) return have.startsWith(want);
    return have === want;
  };
  const hits: EquivalentHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as TableWord;
    const candidates = [
      ...(t.byFirst.get(w.raw) ?? []),
      ...(w.norm !== w.raw ? (t.byFirst.get(w.norm.replace(/'s$/, '')) ?? []) : []),
      ...(t.prefixes.get(w.norm.slice(0, 3)) ?? []),
    ];
    let best: { id: string; n: number } | null = null;
    for (const e of candidates) {
      const n = e.form.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = matches(e, k, words[i + k] as TableWord);
      if (ok && (!best || n > best.n)) best = { id: e.id, n };
    }
    if (!best) continue;
    hits.push({ id: best.id, word: i, words: best.n });
    i += best.n - 1;
  }
  for (const { id, text: s } of t.substrings)
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length))
      hits.push({ id, start: at, end: at + s.length });
  return hits;
}

// Pieces of text: the table's forms (words, prefixes with endings, substrings), possessives,
// other words in several scripts, and glue.
const tableWords = [
  ...table.byFirst.keys(),
  ...[...table.prefixes.values()].flat().map((e) => e.form.words[0] as string),
];
const substrings = table.substrings.map((s) => s.text);
const piece = fc.oneof(
  fc.constantFrom(...tableWords),
  fc.constantFrom(...tableWords).map((w) => `${w}'s`),
  fc.constantFrom(...tableWords).map((w) => `${w}ы`),
  fc.constantFrom(...substrings),
  fc.constantFrom(...substrings).map((s) => s.slice(0, 1)),
  fc.constantFrom('the', 'The', 'Party', 'de', 'Китай', '会议', '在', 'في', '회의', 'G20', 'EE', 'UU', 'US'),
);

function wordsOf(text: string): TableWord[] {
  return text
    .split(/[\s.\-'’]+/)
    .filter((w) => w !== '')
    .map((raw) => ({ raw, norm: foldWord(raw) }));
}

describe('matchEquivalents', () => {
  it('gives the hits of its plain definition, in the same order (any text of table forms)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '. ', '-')), { maxLength: 30 }), (parts) => {
        const text = parts.map(([p, glue]) => p + glue).join('');
        const words = wordsOf(text);
        expect(matchEquivalents(table, words, text)).toEqual(referenceMatch(table, words, text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds each substring form where indexOf from the end of its last occurrence would (overlapping forms)', () => {
    const small = parseEquivalents(
      ['ORG:A\t中中 | 中中中', 'ORG:B\t会议 | 议会', 'ORG:C\t中', 'GPE:D\tد | دد'].join('\n'),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('中', '会', '议', 'د', 'a', ' '), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const words = wordsOf(text);
        expect(matchEquivalents(small, words, text)).toEqual(referenceMatch(small, words, text));
      }),
      { numRuns: 500 },
    );
    expect(matchEquivalents(small, [], '中中中').filter((h) => h.id === 'ORG:A')).toEqual([
      { id: 'ORG:A', start: 0, end: 2 },
      { id: 'ORG:A', start: 0, end: 3 },
    ]);
  });

  it('finds a substring form in a text that has no other character of its script', () => {
    const text = 'Talks with the 中共 delegation';
    expect(matchEquivalents(table, wordsOf(text), text).some((h) => h.start === 15)).toBe(true);
    expect(matchEquivalents(table, wordsOf('Talks with the delegation'), 'Talks with the delegation')).toEqual([]);
  });
});
