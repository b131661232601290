/**
 * The month and weekday names `monthDates` reads are looked up per word (`dateWordOf`): the
 * answer is `monthOf`, else minus `weekdayOf` (the table read in order), for any word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateWordOf, foldForm, MONTHS, monthOf, WEEKDAYS, weekdayOf } from '../../../src/core/xling/figures.js';

const answerOf = (w: string): number => {
  const month = monthOf(w);
  const weekday = weekdayOf(w.replace(/\.$/, ''));
  return month > 0 ? month : weekday > 0 ? -weekday : 0;
};

describe('date words looked up', () => {
  it.each([
    ['noviembre', 11],
    ['nov.', 11],
    ['ноября', 11],
    ['novembre', 11],
    ['friday', -5],
    ['samedi', -6],
    ['may', 5],
    ['talks', 0],
  ])('%s → %i (twice)', (word, expected) => {
    expect(dateWordOf(word)).toBe(expected);
    expect(dateWordOf(word)).toBe(expected);
  });

  it('is monthOf, else minus weekdayOf, on any word asked once or again (property)', () => {
    const word = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc
        .tuple(
          fc.constantFrom(
            'jan',
            'januar',
            'mar',
            'marzo',
            'juni',
            'junio',
            'sept',
            'october',
            'ноябр',
            'friday',
            'lunes',
            'mart',
            'mars',
            'martes',
            'august',
            'μαρτ',
            'sijec',
            'среду',
          ),
          fc.constantFrom('', '.', 'a', 'ya', 'ja', 'ing', 'es.', 'anj', 'ий', 'ова.'),
        )
        .map(([stem, end]) => stem + end),
      // Every month and weekday name of the tables, cut by up to four letters or given an ending,
      // and words of one or two letters (no shortcut for them).
      fc
        .tuple(
          fc.constantFrom(...MONTHS.flat(), ...WEEKDAYS.flat()),
          fc.integer({ min: 0, max: 4 }),
          fc.constantFrom('', '.', 'a', 'u', 'я', 'α', 'ima'),
        )
        .map(([name, cut, end]) => name.slice(0, Math.max(1, name.length - cut)) + end),
      fc.string({ unit: fc.constantFrom('a', 'j', 'm', 'я', 'м', '.', 'μ'), maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), (words) => {
        for (const w of [...words, ...words]) expect(dateWordOf(w)).toBe(answerOf(w));
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldForm', () => {
  it('is lower case with the accents dropped, ASCII or not (the ASCII shortcut changes nothing)', () => {
    const full = (w: string): string =>
      w
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' })), (w) => {
        expect(foldForm(w)).toBe(full(w));
      }),
      { numRuns: 2000 },
    );
    for (const w of ['Noviembre', 'ENERO', 'März', 'Février', 'ΣΕΠΤΕΜΒΡΙΟΥ', 'İstanbul'])
      expect(foldForm(w)).toBe(full(w));
  });
});
