import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, weightsOf } from '../../../src/core/similarity/cosine.js';
import {
  countDocumentFrequencies,
  inverseDocumentFrequency,
  vectorizeCorpus,
  vectorizeTfIdf,
} from '../../../src/core/similarity/tfidf.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { contentTerms } from '../../../src/core/text/terms.js';
import { readSeed, SEED_PREFIXES } from '../fixtures/seeds.js';

const DOCS = [
  ['cuba', 'china', 'talk', 'cuba'],
  ['cuba', 'shanghai', 'trade'],
  ['cuba', 'china', 'friendship'],
];

/** Weight of one term in a vector, by its id. */
function weightOf(v: ReturnType<typeof vectorizeTfIdf>, ids: Map<string, number>, term: string): number {
  const i = v.ids.indexOf(ids.get(term) ?? -1);
  return i < 0 ? 0 : (weightsOf(v)[i] as number);
}

describe('document frequencies', () => {
  it('counts each term once per document', () => {
    const f = countDocumentFrequencies(DOCS);
    expect(f.documents).toBe(3);
    expect(Object.fromEntries(f.df)).toEqual({ cuba: 3, china: 2, talk: 1, shanghai: 1, trade: 1, friendship: 1 });
  });

  it('an empty corpus and an empty document', () => {
    expect(countDocumentFrequencies([])).toEqual({ documents: 0, df: new Map() });
    expect(countDocumentFrequencies([[]]).documents).toBe(1);
  });

  it('accepts any iterable (a generator)', () => {
    function* docs() {
      yield* DOCS;
    }
    expect(countDocumentFrequencies(docs())).toEqual(countDocumentFrequencies(DOCS));
  });
});

describe('inverse document frequency', () => {
  it('is the smoothed ln((1 + N) / (1 + df)) + 1', () => {
    const f = countDocumentFrequencies(DOCS);
    expect(inverseDocumentFrequency('cuba', f)).toBe(1);
    expect(inverseDocumentFrequency('china', f)).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(inverseDocumentFrequency('unseen', f)).toBeCloseTo(Math.log(4) + 1, 12);
  });

  it('decreases as the document frequency grows, and is ≥ 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 999 }), (n, d) => {
        fc.pre(d < n);
        const at = (df: number) => inverseDocumentFrequency('t', { documents: n, df: new Map([['t', df]]) });
        expect(at(d)).toBeGreaterThan(at(d + 1));
        expect(at(d + 1)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('TF-IDF vectors', () => {
  it('a term present in every document weighs least', () => {
    const f = countDocumentFrequencies(DOCS);
    const ids = new Map<string, number>();
    const v = vectorizeTfIdf(['cuba', 'china', 'talk'], f, ids);
    expect(weightOf(v, ids, 'cuba')).toBeLessThan(weightOf(v, ids, 'china'));
    expect(weightOf(v, ids, 'china')).toBeLessThan(weightOf(v, ids, 'talk'));
  });

  it('term frequency is sublinear: twice the term is 1 + ln 2 times the weight', () => {
    const f = countDocumentFrequencies(DOCS);
    const ids = new Map<string, number>();
    const once = vectorizeTfIdf(['talk'], f, ids);
    const twice = vectorizeTfIdf(['talk', 'talk'], f, ids);
    expect(weightOf(twice, ids, 'talk') / weightOf(once, ids, 'talk')).toBeCloseTo(1 + Math.LN2, 12);
  });

  it('are deterministic: the same documents in the same order give the same vectors', () => {
    const words = fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 8 }), { maxLength: 6 });
    fc.assert(
      fc.property(words, (docs) => {
        const run = () => {
          const f = countDocumentFrequencies(docs);
          const ids = new Map<string, number>();
          return docs.map((d) => vectorizeTfIdf(d, f, ids));
        };
        expect(run()).toEqual(run());
      }),
    );
  });

  it('the term map grows with new terms and keeps old ids', () => {
    const f = countDocumentFrequencies(DOCS);
    const ids = new Map<string, number>();
    vectorizeTfIdf(['cuba', 'china'], f, ids);
    const before = new Map(ids);
    vectorizeTfIdf(['trade', 'cuba'], f, ids);
    expect(ids.get('cuba')).toBe(before.get('cuba'));
    expect(ids.get('trade')).toBe(2);
  });

  it('on the seeds: formulaic terms shared by all five weigh least, and no two seeds reach cosine 0.6', () => {
    const terms = SEED_PREFIXES.map((s) => {
      const n = normalizeArticle({ id: s, text: readSeed(s) });
      return contentTerms(n.tokens, n.lang);
    });
    const f = countDocumentFrequencies(terms);
    // "cuba", "china", "communist", "party" are in every seed.
    for (const t of ['cuba', 'china', 'communist', 'parti']) expect(f.df.get(t)).toBe(5);
    const ids = new Map<string, number>();
    const vectors = terms.map((t) => vectorizeTfIdf(t, f, ids));
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        expect(cosineSimilarity(vectors[i] as never, vectors[j] as never)).toBeLessThan(0.6);
      }
    }
  });
});

/** What `vectorizeCorpus` must equal: the corpus's frequencies, then each list with one term map. */
function oneByOne(docs: readonly (readonly string[])[], weights?: readonly number[]) {
  const f = countDocumentFrequencies(docs, weights);
  const ids = new Map<string, number>();
  return docs.map((d) => vectorizeTfIdf(d, f, ids));
}

/** Vectors as plain arrays, so that equal means the same ids, counts and weights to the bit. */
function plain(vectors: ReturnType<typeof vectorizeTfIdf>[]) {
  return vectors.map((v) => ({
    ids: Array.from(v.ids),
    counts: Array.from(v.counts),
    weights: Array.from(weightsOf(v)),
    norm: v.norm,
    max: v.max,
    unitNorm: v.unitNorm,
  }));
}

describe('TF-IDF vectors of a whole corpus (vectorizeCorpus)', () => {
  it('are those of the frequencies and one term map, list by list, to the bit (any lists, any weights)', () => {
    const term = fc.oneof(
      fc.constantFrom('cuba', 'china', 'parti', 'talk', 'trade'),
      // Names an object's prototype holds, and an empty term.
      fc.constantFrom('constructor', '__proto__', 'toString', ''),
      fc.string({ maxLength: 3 }),
    );
    const docs = fc.array(fc.array(term, { maxLength: 12 }), { maxLength: 8 });
    // Fewer weights than lists: the rest count 1, as in countDocumentFrequencies.
    const weights = fc.option(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 8 }), { nil: undefined });
    fc.assert(
      fc.property(docs, weights, (d, w) => {
        expect(plain(vectorizeCorpus(d, w))).toEqual(plain(oneByOne(d, w)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['no lists', [] as string[][]],
    ['empty lists', [[], [], []]],
    ['one term in every list', [['cuba'], ['cuba', 'cuba'], ['cuba']]],
    // More distinct terms than the arrays start with (1,024): they grow on the way.
    ['2,500 distinct terms', [0, 1, 2].map((k) => Array.from({ length: 1200 }, (_, i) => `t${i + 650 * k}`))],
    // A count a byte cannot hold: that list's counts take four bytes each.
    ['a term 300 times', [[...Array<string>(300).fill('cuba'), 'china'], ['cuba']]],
  ])('%s', (_name, docs) => {
    expect(plain(vectorizeCorpus(docs))).toEqual(plain(oneByOne(docs)));
  });

  it('keeps counts, a byte each where they fit, and one idf table for the corpus', () => {
    const [many, few] = vectorizeCorpus([
      [...Array<string>(300).fill('cuba'), 'china'],
      ['cuba', 'cuba'],
    ]);
    expect(many?.counts).toBeInstanceOf(Uint32Array);
    expect([...(many?.counts ?? [])]).toEqual([300, 1]);
    expect(few?.counts).toBeInstanceOf(Uint8Array);
    expect([...(few?.counts ?? [])]).toEqual([2]);
    expect(few?.idf).toBe(many?.idf);
    // cuba in both lists: idf ln(3 / 3) + 1 = 1; its weight 1 + ln 300.
    expect(weightsOf(many as ReturnType<typeof vectorizeTfIdf>)[0]).toBe(1 + Math.log(300));
  });

  it('on the seeds, with a copy counted twice', () => {
    const terms = SEED_PREFIXES.map((s) => {
      const n = normalizeArticle({ id: s, text: readSeed(s) });
      return contentTerms(n.tokens, n.lang);
    });
    const weights = [1, 2, 1, 1, 1];
    expect(plain(vectorizeCorpus(terms, weights))).toEqual(plain(oneByOne(terms, weights)));
    expect(vectorizeCorpus(terms, weights)[0]?.ids.length).toBeGreaterThan(100);
  });
});
