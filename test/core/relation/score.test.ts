import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CopyUnits, copyCoverage } from '../../../src/core/relation/copy.js';
import { isSameLanguage } from '../../../src/core/relation/score.js';

const A = [
  'the minister met the delegation in beijing on monday',
  'both sides signed three agreements',
  'the talks lasted two hours',
];
const units = (sentences: string[], paragraphOf: number[] = sentences.map((_, i) => i)): CopyUnits => ({
  sentences,
  paragraphOf,
});
const len = (xs: readonly string[]) => xs.reduce((n, s) => n + s.length, 0);

describe('copyCoverage', () => {
  it.each([
    { name: 'identical', b: units(A), ab: 1, ba: 1 },
    {
      name: 'one sentence with OCR noise',
      b: units([A[0] as string, 'both sidcs signed threc agreernents', A[2] as string]),
      ab: 1,
      ba: 1,
    },
    { name: 'reordered', b: units([A[2] as string, A[0] as string, A[1] as string]), ab: 1, ba: 1 },
    {
      name: 'second sentence reworded',
      b: units([A[0] as string, 'three accords were concluded by the two parties', A[2] as string]),
      ab: ((A[0]?.length ?? 0) + (A[2]?.length ?? 0)) / len(A),
      ba:
        ((A[0]?.length ?? 0) + (A[2]?.length ?? 0)) /
        ((A[0]?.length ?? 0) + (A[2]?.length ?? 0) + 'three accords were concluded by the two parties'.length),
    },
    { name: 'nothing in common', b: units(['markets fell sharply on friday afternoon']), ab: 0, ba: 0 },
    {
      // Noise lowered a capital: B is one sentence where A has two. The paragraphs still match.
      name: 'sentence boundary lost, paragraph kept',
      b: units([`${A[0]} both sides signed three agreements`, A[2] as string], [0, 1]),
      aUnits: units(A, [0, 0, 1]),
      ab: 1,
      ba: 1,
    },
  ])('$name', ({ b, ab, ba, aUnits }) => {
    const got = copyCoverage(aUnits ?? units(A), b);
    expect(got.copyAB).toBeCloseTo(ab, 6);
    expect(got.copyBA).toBeCloseTo(ba, 6);
  });

  it('stays in [0, 1], is symmetric, and is 1 for a text against itself (property)', () => {
    const sentence = fc
      .array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma'), { minLength: 1, maxLength: 8 })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 6 }),
        fc.array(sentence, { minLength: 1, maxLength: 6 }),
        (a, b) => {
          const c = copyCoverage(units(a), units(b));
          const d = copyCoverage(units(b), units(a));
          expect(c.copyAB >= 0 && c.copyAB <= 1 && c.copyBA >= 0 && c.copyBA <= 1).toBe(true);
          expect(d.copyAB).toBeCloseTo(c.copyBA, 12);
          expect(copyCoverage(units(a), units(a)).copyAB).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('isSameLanguage', () => {
  it.each([
    { a: 'en', b: 'en', want: true },
    { a: 'en', b: 'de', want: false },
    { a: 'und', b: 'es', want: true },
  ])('$a/$b → $want', ({ a, b, want }) => expect(isSameLanguage(a, b)).toBe(want));
});
