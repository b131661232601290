/**
 * `ownString`: the same string, whatever it holds (lone surrogates, controls, quotes), cut from a
 * longer text or not. What it is for (no slice of the parent kept) is measured by heap snapshot,
 * not here: a test sees the value, not how V8 stores it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownString } from '../../../src/core/text/own.js';

describe('ownString', () => {
  it('returns an equal string for any code units, sliced from a longer one or not (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(40), fc.nat(40), (s, before, after) => {
        expect(ownString(s)).toBe(s);
        const text = `${'x'.repeat(before)}${s}${'y'.repeat(after)}`;
        const cut = text.slice(before, before + s.length);
        expect(ownString(cut)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a lone high surrogate in a long line', 'Díaz-Canel \ud800 met Xi Jinping in Beijing'],
    ['a lone low surrogate', '\udc00 Liudmila / Ludmila, favourable / favorable'],
    ['quotes, backslashes and controls', 'He said "no" \\ then \u0000\u001f\n\t left'],
    ['short (returned as it is)', 'Xi Jinping'],
    ['empty', ''],
  ])('%s', (_label, s) => {
    expect(ownString(s)).toBe(s);
    expect(ownString(s).length).toBe(s.length);
  });
});
