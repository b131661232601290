import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSelfRepetition } from '../../../src/core/passages/selfRepetition.js';
import { findSharedRuns } from '../../../src/core/passages/sharedRuns.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { readSeed } from '../fixtures/seeds.js';

const norm = (id: string, text: string) => normalizeArticle({ id, text });

describe('findSharedRuns', () => {
  it('seed 002 and a copy with an inserted sentence: two runs, before and after the insertion', () => {
    const original = readSeed('002');
    const marker = 'He said China will, as always,';
    const inserted = 'The visit was the first by a senior Cuban party official since the pandemic began in early 2020.';
    const copy = original.replace(marker, `${inserted} ${marker}`);
    expect(copy).not.toBe(original);
    const a = norm('a', original).tokens;
    const b = norm('b', copy).tokens;
    const at = a.indexOf('he', a.indexOf('interests')); // the first word of the sentence the insertion precedes
    const extra = norm('x', inserted).tokens.length;

    const runs = findSharedRuns(a, b, { limit: 5 });
    expect(runs).toHaveLength(2);
    const [first, second] = [...runs].sort((x, y) => x.startA - y.startA);
    expect(first).toEqual({ startA: 0, startB: 0, length: at });
    expect(second).toEqual({ startA: at, startB: at + extra, length: a.length - at });
  });

  it('runs are longest first, at least minWords long, and do not overlap in A', () => {
    const tokens = fc.array(fc.constantFrom('cuba', 'china', 'party', 'the', 'talks', 'of'), {
      minLength: 0,
      maxLength: 60,
    });
    fc.assert(
      fc.property(tokens, tokens, fc.integer({ min: 2, max: 6 }), (a, b, k) => {
        const runs = findSharedRuns(a, b, { minWords: k, limit: 100 });
        for (const r of runs) {
          expect(r.length).toBeGreaterThanOrEqual(k);
          expect(a.slice(r.startA, r.startA + r.length)).toEqual(b.slice(r.startB, r.startB + r.length));
        }
        for (let i = 1; i < runs.length; i++) {
          expect((runs[i - 1] as { length: number }).length).toBeGreaterThanOrEqual(
            (runs[i] as { length: number }).length,
          );
        }
        const byA = [...runs].sort((x, y) => x.startA - y.startA);
        for (let i = 1; i < byA.length; i++) {
          const prev = byA[i - 1] as { startA: number; length: number };
          expect((byA[i] as { startA: number }).startA).toBeGreaterThanOrEqual(prev.startA + prev.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes the longest of several places in B where a phrase recurs', () => {
    const phrase = 'to implement the important consensus reached by the two leaders'.split(' ');
    const a = [...phrase, 'and', 'deepen', 'practical', 'cooperation', 'in', 'various', 'fields'];
    // B says the phrase twice: first cut short, then in full as A has it.
    const b = [...phrase, 'said', 'Morales', 'today', ...a];
    expect(findSharedRuns(a, b)).toEqual([{ startA: 0, startB: phrase.length + 3, length: a.length }]);
  });

  it.each([
    ['A shorter than minWords', ['a', 'b'], ['a', 'b', 'c'], 3],
    ['nothing shared', ['a', 'b', 'c'], ['d', 'e', 'f'], 3],
    ['empty', [], [], 8],
  ])('no runs: %s', (_name, a, b, k) => {
    expect(findSharedRuns(a, b, { minWords: k })).toEqual([]);
  });

  it('limit caps the number of runs', () => {
    const a = 'a b c d x e f g h y i j k l'.split(' ');
    const b = 'a b c d z e f g h w i j k l'.split(' ');
    expect(findSharedRuns(a, b, { minWords: 4, limit: 2 })).toHaveLength(2);
    expect(findSharedRuns(a, b, { minWords: 4, limit: 5 })).toHaveLength(3);
  });
});

describe('findSelfRepetition', () => {
  it('seed 000: the intro restates the report it republishes', () => {
    const n = norm('000', readSeed('000'));
    const notes = findSelfRepetition(n);
    const intro = n.sentences.findIndex((s) => s.text.startsWith('Alamo said the Cuban side sincerely thanks'));
    const report = n.sentences.findIndex((s) => s.text.startsWith('Alamo said, the Cuban side sincerely thanks'));
    expect(intro).toBeGreaterThanOrEqual(0);
    expect(report).toBeGreaterThan(intro);
    const note = notes.find((x) => x.first === intro && x.second === report);
    expect(note).toMatchObject({ kind: 'self-repetition', similarity: 1 });
    expect(note?.text.startsWith('Alamo said the Cuban side sincerely thanks China')).toBe(true);
    expect(note?.text.length).toBeLessThanOrEqual(120);
  });

  it.each(['001', '002', '004'])('seed %s repeats nothing', (seed) => {
    expect(findSelfRepetition(norm(seed, readSeed(seed)))).toEqual([]);
  });

  it('neighbouring sentences and short sentences are not reported', () => {
    const s = 'The two parties agreed to strengthen exchanges and cooperation in ideological and other fields';
    expect(findSelfRepetition(norm('x', `${s}. ${s}.`))).toEqual([]);
    expect(findSelfRepetition(norm('y', 'Cuba thanks China. Other words here. Cuba thanks China.'))).toEqual([]);
    expect(findSelfRepetition(norm('z', `${s}. Other words here. ${s}.`))).toHaveLength(1);
  });
});
