import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { termCountsJson } from '../../src/store/sqlite.js';

/**
 * A load's term counts reach SQLite as one JSON object (`termCountsJson`, read by `json_each` in
 * the statement that adds them): what SQLite reads back must be the very terms and counts, or the
 * counts must be refused (undefined) so that the statement per term runs instead.
 */
const db = new Database(':memory:');
const read = db.prepare('SELECT key, value FROM json_each(?)').raw();
afterAll(() => db.close());

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters termCountsJson refuses
const CONTROL = /[\u0000-\u001f]/;

const viaJson = (json: string): Array<[string, number]> => read.all(json) as Array<[string, number]>;

describe('termCountsJson', () => {
  it('gives SQLite the terms, in the order given, with their counts (counts of 0 left out)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: -5, max: 1000 }), { minLength: 30, maxLength: 30 }),
        (terms, ns) => {
          const counts = new Map(terms.map((t, i) => [t, ns[i] as number]));
          const json = termCountsJson(terms, counts);
          const clean = terms.every((t) => !CONTROL.test(t));
          if (!clean) {
            expect(json).toBeUndefined();
            return;
          }
          expect(json).toBeDefined();
          expect(viaJson(json as string)).toEqual(
            terms.filter((t) => counts.get(t) !== 0).map((t) => [t, counts.get(t)]),
          );
        },
      ),
    );
  });

  it.each([
    ['a control character', ['ok', 'tab\there']],
    ['NUL', ['a\u0000b']],
    ['a lone high surrogate', ['x\uD800']],
    ['a lone low surrogate', ['\uDC00y']],
  ])('refuses counts holding %s (the statement per term runs instead)', (_what, terms) => {
    expect(termCountsJson(terms, new Map(terms.map((t) => [t, 1])))).toBeUndefined();
  });

  it.each([
    ['accents and scripts', ['díaz-canel', '习近平', 'путин', 'ελλάδα']],
    ['quotes and backslashes', ['o"neil', 'back\\slash', "l'été"]],
    ['a surrogate pair', ['emoji😀word']],
    ['what an object would reorder', ['2024', '10', '__proto__', 'constructor']],
  ])('passes %s exactly, in order', (_what, terms) => {
    const counts = new Map(terms.map((t, i) => [t, i + 1]));
    expect(viaJson(termCountsJson(terms, counts) as string)).toEqual(terms.map((t, i) => [t, i + 1]));
  });
});
