/**
 * Cross-language candidates (core/candidates/crossLanguage.ts) against their definition, written
 * here the plain way (a map of counts and a set of documents per query): the same pairs and the
 * same number left out by the per-document cap, whatever the documents and options.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROSS_CANDIDATES,
  type CrossCandidateOptions,
  CrossCandidateSearch,
  crossLanguageCandidates,
  findableKeys,
  queriesOf,
  rarestStems,
} from '../../../src/core/candidates/crossLanguage.js';
import { keySentences } from '../../../src/core/xling/keyed.js';
import type { CrossProfile } from '../../../src/core/xling/profile.js';
import type { DateAnchor, NameAnchor, NumberAnchor } from '../../../src/types/index.js';

/** The definition: the counting the typed arrays replaced, over the same keys and queries. */
function reference(profiles: readonly CrossProfile[], options: CrossCandidateOptions) {
  const { minShared, rareStems, maxShare, maxPerDocument } = { ...CROSS_CANDIDATES, ...options };
  const n = profiles.length;
  const maxDocs = Math.max(20, Math.floor(maxShare * n));
  const postings = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    if (p.lang === 'und') return;
    for (const k of findableKeys(p)) postings.set(k, [...(postings.get(k) ?? []), i]);
  });
  const df = new Map([...postings].map(([k, l]) => [k, l.length]));
  const found = new Set<string>();
  let dropped = 0;
  profiles.forEach((p, i) => {
    if (p.lang === 'und') return;
    const counts = new Map<number, number>();
    for (const keys of queriesOf(p, df, rareStems)) {
      const hit = new Set<number>();
      for (const k of keys) {
        const list = postings.get(k) ?? [];
        if (list.length > maxDocs) continue;
        for (const j of list) if (j !== i && profiles[j]?.lang !== p.lang) hit.add(j);
      }
      for (const j of hit) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    const answered = [...counts].filter(([, c]) => c >= minShared);
    if (answered.length > maxPerDocument) {
      dropped += answered.length - maxPerDocument;
      answered.sort((x, y) => y[1] - x[1] || x[0] - y[0]).length = maxPerDocument;
    }
    for (const [j] of answered) found.add(`${Math.min(i, j)},${Math.max(i, j)}`);
  });
  const pairs = [...found].map((s) => s.split(',').map(Number) as [number, number]);
  return { pairs: pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]), dropped };
}

const name = (k: number): NameAnchor => ({
  key: `n:${k}`,
  keys: [`n:${k}`, `s:${k % 4}`],
  text: `Name${k}`,
  first: 0,
  count: 1,
  mentions: [],
});
const num = (k: number, weak: boolean): NumberAnchor => ({
  key: `#${k}`,
  value: k,
  percent: false,
  weak,
  text: String(k),
  first: 0,
  count: 1,
  mentions: [],
});

/** A date with or without its month and day; the profile's sentences hold the key of a whole one (as `anchorKeys` puts it). */
const date = (month: number | undefined, day: number | undefined): DateAnchor => ({
  key: `--${month ?? 0}-${day ?? 0}`,
  ...(month === undefined ? {} : { month }),
  ...(day === undefined ? {} : { day }),
  text: 'a day',
  first: 0,
  count: 1,
  mentions: [],
});

/** A document: a language, a few names, numbers and days, sentences of stems and cognates from a small vocabulary. */
const profileArb = fc
  .record({
    lang: fc.constantFrom('en', 'es', 'zh', 'und'),
    names: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }),
    numbers: fc.array(fc.record({ k: fc.integer({ min: 11, max: 16 }), weak: fc.boolean() }), { maxLength: 3 }),
    dates: fc.array(
      fc.record({
        month: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
        day: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 2 },
    ),
    sentences: fc.array(
      fc.record({ words: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }), quoted: fc.boolean() }),
      { maxLength: 4 },
    ),
  })
  .map(({ lang, names, numbers, dates, sentences }): CrossProfile => {
    const ns = names.map(name);
    const ds = dates.map((d) => date(d.month, d.day));
    const dayKeys = ds.flatMap((d) => (d.month === undefined ? [] : [[`d:${d.month}-${d.day}`]]));
    return {
      lang,
      anchors: {
        names: ns,
        numbers: numbers.map((x) => num(x.k, x.weak)),
        dates: ds,
        lookupKeys: [...new Set(ns.flatMap((x) => x.keys))].sort(),
      },
      keyed: keySentences([
        // A name's keys are in the sentence that names it too (as `profileArticle` adds them), so
        // a document meets some keys twice, and a key may be in quoted and unquoted sentences.
        ...sentences.map(({ words: ws, quoted }, k) => {
          const words = ws.map((w) => [`e:w${w}`, `c:w${w % 7}`, ...(ns[k]?.keys ?? [])]);
          return { words, quoted };
        }),
        { words: dayKeys, quoted: false },
      ]),
      length: 100,
      dictionary: true,
      known: 1,
    };
  });

describe('crossLanguageCandidates against its definition', () => {
  it('proposes the same pairs and leaves out as many, with any options', () => {
    fc.assert(
      fc.property(
        fc.array(profileArb, { maxLength: 60 }),
        fc.record({
          minShared: fc.integer({ min: 1, max: 3 }),
          rareStems: fc.integer({ min: 1, max: 12 }),
          maxShare: fc.constantFrom(0.01, 0.05, 0.5),
          maxPerDocument: fc.integer({ min: 1, max: 30 }),
        }),
        (profiles, options) => {
          expect(crossLanguageCandidates(profiles, options)).toEqual(reference(profiles, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('built one document at a time in any order (as a scan adds profiles as they are made): the same pairs', () => {
    fc.assert(
      fc.property(
        fc.array(profileArb, { minLength: 1, maxLength: 50 }).chain((profiles) =>
          fc.tuple(
            fc.constant(profiles),
            fc.shuffledSubarray(
              profiles.map((_, i) => i),
              { minLength: profiles.length },
            ),
          ),
        ),
        fc.integer({ min: 1, max: 3 }),
        ([profiles, order], minShared) => {
          const search = new CrossCandidateSearch(profiles.length);
          for (const i of order) search.add(i, profiles[i] as CrossProfile);
          expect(search.propose({ minShared })).toEqual(reference(profiles, { minShared }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    {
      what: 'a document added twice',
      run: (s: CrossCandidateSearch, p: CrossProfile) => [s.add(0, p), s.add(0, p)],
      error: /document 0 was added already/,
    },
    {
      what: 'a document outside the search',
      run: (s: CrossCandidateSearch, p: CrossProfile) => s.add(2, p),
      error: /document 2 is outside the search's 0 to 1/,
    },
    {
      what: 'a search with a document never added',
      run: (s: CrossCandidateSearch, p: CrossProfile) => [s.add(1, p), s.propose()],
      error: /document 0 of 2 was never added/,
    },
  ])('refuses $what', ({ run, error }) => {
    const p: CrossProfile = {
      lang: 'en',
      anchors: { names: [], numbers: [], dates: [], lookupKeys: [] },
      keyed: keySentences([{ words: [['e:w1']], quoted: false }]),
      length: 10,
      dictionary: false,
      known: 1,
    };
    expect(() => run(new CrossCandidateSearch(2), p)).toThrow(error);
  });

  it('counts a document once under a key both its anchors and its sentences hold', () => {
    // Eleven documents hold the name's keys in both places; twenty may hold a key. Counted twice
    // a document, the name would be held by 22 and left out, and no pair would share two queries.
    const doc = (lang: string): CrossProfile => {
      const n1 = name(1);
      return {
        lang,
        anchors: { names: [n1], numbers: [num(12, false)], dates: [], lookupKeys: [...n1.keys, '#12'] },
        keyed: keySentences([{ words: [['e:w1', ...n1.keys]], quoted: false }]),
        length: 100,
        dictionary: true,
        known: 1,
      };
    };
    const profiles = [doc('es'), ...Array.from({ length: 10 }, () => doc('en'))];
    const got = crossLanguageCandidates(profiles, { minShared: 2, rareStems: 0 });
    expect(got).toEqual(reference(profiles, { minShared: 2, rareStems: 0 }));
    expect(got.pairs).toEqual(Array.from({ length: 10 }, (_, k) => [0, k + 1]));
  });

  it('never pairs two documents of one language, nor an undetermined one', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { maxLength: 40 }), (profiles) => {
        for (const [i, j] of crossLanguageCandidates(profiles, { minShared: 1 }).pairs) {
          expect(i).toBeLessThan(j);
          expect(profiles[i]?.lang).not.toBe(profiles[j]?.lang);
          expect(profiles[i]?.lang).not.toBe('und');
          expect(profiles[j]?.lang).not.toBe('und');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('rarestStems', () => {
  it('is the stems sorted by document frequency, then by code units, cut at `rare` (property)', () => {
    const stem = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'Z'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.uniqueArray(stem, { maxLength: 40 }),
        fc.dictionary(stem, fc.integer({ min: 0, max: 6 })),
        fc.integer({ min: 0, max: 15 }),
        (stems, counts, rare) => {
          const df = new Map(Object.entries(counts));
          const sorted = [...stems]
            .sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1))
            .slice(0, rare);
          expect(rarestStems(stems, df, rare)).toEqual(sorted);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
