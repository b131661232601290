import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyWordChange, diffWordsOf, tokenizeForDiff } from '../../../src/core/review/diff.js';
import { diffTokenKeys } from '../../../src/core/review/jsdiff.js';
import type { ChangeKind } from '../../../src/types/review.js';

const changed = (a: string, b: string, options = {}) =>
  diffWordsOf(a, b, options).parts.filter((p) => p.op !== 'equal');

describe('classifyWordChange', () => {
  const cases: Array<[name: string, a: string, b: string, kind: ChangeKind]> = [
    ['British/American -our', 'favourable', 'favorable', 'spelling'],
    ['British/American -ise', 'organised', 'organized', 'spelling'],
    ['accent dropped', 'Díaz', 'Diaz', 'accents'],
    ['accented letter lost to encoding damage', 'Díaz', 'Daz', 'accents'],
    ['UTF-8 read as Latin-1', 'Díaz', 'DÃ­az', 'accents'],
    ['replacement character', 'Bermúdez', 'Berm\uFFFDdez', 'accents'],
    ['transliterated name', 'Ludmila', 'Liudmila', 'transliteration'],
    ['transliterated name, doubled letter', 'Zelensky', 'Zelenskyy', 'transliteration'],
    ['case only', 'Parties', 'parties', 'case'],
    ['a figure', '23', '24', 'number'],
    ['a month', 'April', 'May', 'number'],
    ['a number word', 'two', 'three', 'number'],
    ['a different word', 'talks', 'meeting', 'reworded'],
    ['two Chinese words are not encoding damage', '回忆', '记忆', 'reworded'],
    ['lower-case near miss is not a name', 'form', 'from', 'reworded'],
  ];
  it.each(cases)('%s: %s → %s', (_name, a, b, kind) => {
    expect(classifyWordChange(a, b)).toBe(kind);
  });
});

describe('diffWordsOf', () => {
  it('shows favourable/favorable as the only change, a spelling variant (seed 000)', () => {
    const a =
      'and create a favourable environment of public opinion for promoting the socialist causes of both countries.';
    const b =
      'and create a favorable environment of public opinion for promoting the socialist causes of both countries. ';
    expect(changed(a, b)).toEqual([{ op: 'replace', a: ' favourable', b: ' favorable', kind: 'spelling' }]);
  });

  const kinds: Array<[name: string, a: string, b: string, expected: Array<{ op: string; kind?: ChangeKind }>]> = [
    [
      'a comma added',
      'Alamo said the Cuban side',
      'Alamo said, the Cuban side',
      [{ op: 'insert', kind: 'punctuation' }],
    ],
    [
      'curly quotes for straight',
      'He said “yes” today',
      'He said "yes" today',
      [
        { op: 'replace', kind: 'punctuation' },
        { op: 'replace', kind: 'punctuation' },
      ],
    ],
    [
      'a date changed',
      'They met on April 23 in Beijing.',
      'They met on April 24 in Beijing.',
      [{ op: 'replace', kind: 'number' }],
    ],
    [
      'a date dropped',
      'They met on April 23, during her visit.',
      'They met during her visit.',
      [{ op: 'delete', kind: 'number' }],
    ],
    ['name variant', 'Liudmila Alamo met Liu', 'Ludmila Alamo met Liu', [{ op: 'replace', kind: 'transliteration' }]],
    ['encoding damage', 'Miguel Díaz-Canel arrived', 'Miguel Daz-Canel arrived', [{ op: 'replace', kind: 'accents' }]],
    [
      'a phrase reworded',
      'the two sides held talks in Havana',
      'the two sides met in Havana',
      [{ op: 'replace', kind: 'reworded' }],
    ],
    ['words added', 'Liu met Alamo.', 'Liu met here today with Alamo.', [{ op: 'insert', kind: 'number' }]],
    ['plain words added', 'Liu met Alamo.', 'Liu warmly met Alamo.', [{ op: 'insert' }]],
  ];
  it.each(kinds)('%s', (_name, a, b, expected) => {
    expect(changed(a, b).map((p) => (p.kind ? { op: p.op, kind: p.kind } : { op: p.op }))).toEqual(expected);
  });

  it('splits a replaced run into word pairs when their kinds differ', () => {
    const parts = changed('a favourable colour scheme', 'a favorable color pattern');
    expect(parts.map((p) => [p.a.trim(), p.b.trim(), p.kind])).toEqual([
      ['favourable colour', 'favorable color', 'spelling'],
      ['scheme', 'pattern', 'reworded'],
    ]);
  });

  const ignoring: Array<[name: string, a: string, b: string, options: object]> = [
    ['--ignore-spelling', 'a favourable climate', 'a favorable climate', { ignoreSpelling: true }],
    ['--ignore-case', 'the Two Parties', 'the two parties', { ignoreCase: true }],
    ['--ignore-punctuation', 'Alamo said, “the Cuban side”', 'Alamo said the Cuban side', { ignorePunctuation: true }],
  ];
  it.each(ignoring)('%s hides what it ignores and shows it without the option', (_name, a, b, options) => {
    expect(changed(a, b, options)).toEqual([]);
    expect(changed(a, b).length).toBeGreaterThan(0);
  });

  it('never ignores a changed number', () => {
    const options = { ignoreCase: true, ignorePunctuation: true, ignoreSpelling: true };
    expect(changed('about 2,000 people', 'about 2,500 people', options)).toEqual([
      { op: 'replace', a: ' 2,000', b: ' 2,500', kind: 'number' },
    ]);
  });

  it('segments Chinese into words with Intl.Segmenter', () => {
    const words = tokenizeForDiff('中国共产党与古巴共产党举行会谈。').filter((t) => t.word);
    expect(words.length).toBeGreaterThan(3);
    const parts = changed('中国共产党与古巴共产党举行会谈。', '中国共产党与古巴共产党举行会见。');
    expect(parts.map((p) => p.op)).toEqual(['replace']);
    expect(parts[0]?.a.length).toBeLessThan(5);
  });

  it('counts words as wdiff -s does', () => {
    const { counts } = diffWordsOf('one cat sat on the mat', 'one dog sat on a red mat');
    expect(counts).toEqual({ wordsA: 6, wordsB: 7, kept: 4, added: 0, dropped: 0, changedA: 2, changedB: 3 });
  });

  it('falls back to one replaced block when the edit is longer than maxEditLength', () => {
    const a = Array.from({ length: 300 }, (_, i) => `alpha${i}`).join(' ');
    const b = Array.from({ length: 300 }, (_, i) => `beta${i}`).join(' ');
    const d = diffWordsOf(a, b, { maxEditLength: 50 });
    expect(d.coarse).toBe(true);
    expect(d.parts).toHaveLength(1);
    expect(d.counts).toMatchObject({ wordsA: 300, wordsB: 300, changedA: 300, changedB: 300, kept: 0 });
  });
});

describe('diffTokenKeys (jsdiff adapter)', () => {
  it('returns undefined past maxEditLength and runs within it', () => {
    expect(diffTokenKeys(['a', 'b', 'c'], ['x', 'y', 'z'], { maxEditLength: 2 })).toBeUndefined();
    expect(diffTokenKeys(['a', 'b', 'c'], ['a', 'y', 'c'], { maxEditLength: 2 })?.map((r) => r.op)).toEqual([
      'equal',
      'delete',
      'insert',
      'equal',
    ]);
  });
  it('rejects a negative maxEditLength, naming the value', () => {
    expect(() => diffTokenKeys([], [], { maxEditLength: -1 })).toThrow(
      'maxEditLength must be a non-negative integer, got -1',
    );
  });
});

describe('diffWordsOf properties', () => {
  const word = fc.constantFrom(
    'the',
    'Party',
    'favourable',
    'favorable',
    'Díaz',
    'Diaz',
    '23',
    '2,000',
    'talks',
    '中国',
    '会谈',
  );
  const punct = fc.constantFrom(',', '.', '“', '”', '(', ')');
  const text = fc
    .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: punct }), { maxLength: 25 })
    .map((t) => t.join(' '));

  it('its parts give back both texts, and the counts add up', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), fc.boolean(), (a, b, ignore, ignorePunctuation) => {
        const d = diffWordsOf(a, b, { ignoreCase: ignore, ignoreSpelling: ignore, ignorePunctuation });
        expect(d.parts.map((p) => p.a).join('')).toBe(a.trimEnd());
        if (!ignore && !ignorePunctuation) expect(d.parts.map((p) => p.b).join('')).toBe(b.trimEnd());
        const c = d.counts;
        expect(c.kept + c.dropped + c.changedA).toBe(c.wordsA);
        expect(c.kept + c.added + c.changedB).toBe(c.wordsB);
      }),
    );
  });

  it('finds no change between a text and itself', () => {
    fc.assert(
      fc.property(text, (a) => {
        expect(diffWordsOf(a, a).parts.every((p) => p.op === 'equal')).toBe(true);
      }),
    );
  });
});
