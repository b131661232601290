/**
 * A profile put on a scan's shelf (`shelvedProfile`) and read back (`unshelvedProfile`), through the
 * serializer as the file shelf writes and reads it, is the profile it was: the seeds' profiles in
 * two languages, and anchors of every shape (fields absent or present, any strings and values);
 * its strings are numbered once in the scan's list; a field the columns cannot hold is refused.
 */
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import type { CrossProfile } from '../../src/core/xling/profile.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { loadCrossLanguage } from '../../src/pipeline/crossLanguage.js';
import { profileHere } from '../../src/pipeline/crossStage.js';
import { createKeyNumbers, type KeyNumbers } from '../../src/pipeline/profileKeys.js';
import { type ShelvedProfile, shelvedProfile, unshelvedProfile } from '../../src/pipeline/shelvedProfile.js';
import type { NameKind, UnplacedAnchors } from '../../src/types/index.js';
import { CORPUS } from '../helpers/fixtures.js';

/** Through the shelf and back, as the file shelf does it (v8 serialize, deserialize). */
function roundTrip(profile: CrossProfile, numbers: KeyNumbers): CrossProfile {
  const onShelf = deserialize(serialize(shelvedProfile(profile, numbers))) as ShelvedProfile;
  return unshelvedProfile(onShelf, numbers.vocabulary.terms);
}

describe('a profile on the shelf and back', async () => {
  const equivalents = parseEquivalents(await readEquivalentsText());
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 5, perSource: 4 }).map((v) => ({ id: v.id, text: v.text }));
  const normalized = [...seeds, ...variants].map((a, i) => normalizeArticle({ ...a, lang: i % 2 === 0 ? 'es' : 'en' }));
  const words = new Map<string, Set<string>>();
  for (const n of normalized) words.set(n.lang, new Set([...(words.get(n.lang) ?? []), ...n.tokens]));
  const resources = loadCrossLanguage({ languages: ['en', 'es'], words }, { dictionaries: false, equivalents });
  const profiles = profileHere(normalized, resources);

  it('is the profile it was, for real articles in two languages', () => {
    const numbers = createKeyNumbers();
    const back = profiles.map((p) => roundTrip(p, numbers));
    expect(back).toEqual(profiles);
    // What was compared is not empty: names, numbers and dates, keyed sentences with their keys.
    expect(profiles.some((p) => p.anchors.names.length > 0 && p.anchors.dates.length > 0)).toBe(true);
    expect(profiles.some((p) => p.anchors.numbers.length > 0)).toBe(true);
    expect(back.every((p) => p.keyed.keys.length > 0)).toBe(true);
  });

  it('numbers each string once, whatever profile holds it', () => {
    const numbers = createKeyNumbers();
    for (const p of profiles) shelvedProfile(p, numbers);
    const { terms } = numbers.vocabulary;
    expect(new Set(terms).size).toBe(terms.length);
    const before = terms.length;
    for (const p of profiles) shelvedProfile(p, numbers);
    expect(terms.length).toBe(before);
    const names = profiles.flatMap((p) => p.anchors.names.map((n) => n.text));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(terms).toContain(name);
  });

  const text = fc.string({ unit: 'grapheme', maxLength: 12 });
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const whole = fc.integer({ min: -100_000, max: 100_000 });
  const count = fc.nat({ max: 1_000_000 });
  const anchors: fc.Arbitrary<UnplacedAnchors> = fc.record({
    names: fc.array(
      fc.record({
        key: text,
        keys: fc.array(text, { maxLength: 5 }),
        text,
        english: maybe(text),
        kind: maybe(fc.constantFrom<NameKind>('person', 'organisation', 'place')),
        first: count,
        count,
      }),
      { maxLength: 6 },
    ),
    numbers: fc.array(
      fc.record({
        key: text,
        value: fc.double(),
        percent: fc.boolean(),
        weak: fc.boolean(),
        text,
        first: count,
        count,
      }),
      { maxLength: 6 },
    ),
    dates: fc.array(
      fc.record({
        key: text,
        year: maybe(whole),
        month: maybe(fc.integer({ min: 1, max: 12 })),
        day: maybe(fc.integer({ min: 1, max: 31 })),
        weekday: maybe(fc.integer({ min: 1, max: 7 })),
        yearFrom: maybe(fc.constantFrom<'text' | 'article'>('text', 'article')),
        text,
        first: count,
        count,
      }),
      { maxLength: 6 },
    ),
    lookupKeys: fc.array(text, { maxLength: 8 }),
  });

  it('keeps anchors of every shape: fields absent or present, any strings and values', () => {
    fc.assert(
      fc.property(anchors, fc.nat({ max: profiles.length - 1 }), (a, at) => {
        const numbers = createKeyNumbers();
        const profile = { ...(profiles[at] as CrossProfile), anchors: a };
        const back = roundTrip(profile, numbers);
        expect(back).toEqual(profile);
        // Absent fields stay absent (undefined), not 0 or the empty string.
        back.anchors.dates.forEach((d, r) => {
          expect(d.year).toBe(a.dates[r]?.year);
          expect(d.yearFrom).toBe(a.dates[r]?.yearFrom);
        });
        back.anchors.names.forEach((n, r) => {
          expect(n.english).toBe(a.names[r]?.english);
        });
      }),
      { numRuns: 200, seed: 48 },
    );
  });

  it.each([
    ['kind of name', { names: [{ key: 'k', keys: [], text: 't', kind: 'planet', first: 0, count: 1 }] }],
    ['source of a year', { dates: [{ key: 'k', text: 't', yearFrom: 'guess', first: 0, count: 1 }] }],
  ])('refuses an unknown %s, naming it', (what, part) => {
    const profile = profiles[0] as CrossProfile;
    const odd = {
      ...profile,
      anchors: { names: [], numbers: [], dates: [], lookupKeys: [], ...part },
    } as unknown as CrossProfile;
    expect(() => shelvedProfile(odd, createKeyNumbers())).toThrow(
      new RangeError(`a shelved profile: unknown ${what} ${what === 'kind of name' ? 'planet' : 'guess'}`),
    );
  });
});
