import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossLanguageCandidates } from '../../../src/core/candidates/crossLanguage.js';
import { createInternPool } from '../../../src/core/intern.js';
import { classifyPair } from '../../../src/core/relation/classify.js';
import { reviewNormalized } from '../../../src/core/review/review.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { parseEquivalents } from '../../../src/core/xling/equivalents.js';
import { describeCross, measureCross } from '../../../src/core/xling/evidence.js';
import { keysOf } from '../../../src/core/xling/keyed.js';
import { buildLexicon, buildPivotLexicon, glossesOf, lookUp } from '../../../src/core/xling/lexicon.js';
import {
  type CrossLanguageResources,
  type CrossProfile,
  compactProfile,
  profileArticle,
} from '../../../src/core/xling/profile.js';
import { decodeDictdNumber, readDictd } from '../../../src/io/dictd.js';
import { loadCrossLanguage, startsWithAny } from '../../../src/pipeline/crossLanguage.js';
import { scanCorpus } from '../../../src/pipeline/scan.js';
import { renderReviewText } from '../../../src/report/reviewText.js';
import type { Article, PairScores } from '../../../src/types/index.js';
import { ROOT } from '../../helpers/fixtures.js';

const equivalents = parseEquivalents(readFileSync(join(ROOT, 'data', 'equivalents.tsv'), 'utf8'));
/** No dictionary at all: names, numbers, dates, the equivalents table and cognates. */
const bare: CrossLanguageResources = { equivalents, lexicons: new Map(), missing: ['es'] };

const EN: Article = {
  id: 'en',
  lang: 'en',
  date: '2023-06-16',
  text: [
    'Chinese President Xi Jinping met Microsoft co-founder Bill Gates in Beijing on Friday, 16 June 2023.',
    'Xi told Gates that he was the first American friend he had met in Beijing this year.',
    'The Bill and Melinda Gates Foundation pledged 50 million dollars for global health cooperation with China.',
    'Gates said the foundation would support research on malaria and tuberculosis in Africa.',
    'The meeting at the Diaoyutai State Guesthouse came days before a visit by Antony Blinken.',
  ].join('\n'),
};
const ES: Article = {
  id: 'es',
  lang: 'es',
  date: '2023-06-16',
  text: [
    'El presidente chino Xi Jinping se reunió con el cofundador de Microsoft Bill Gates en Pekín el viernes 16 de junio de 2023.',
    'Xi dijo a Gates que era el primer amigo estadounidense que había recibido en Pekín este año.',
    'La Fundación Bill y Melinda Gates prometió 50 millones de dólares para la cooperación sanitaria global con China.',
    'Gates dijo que la fundación apoyaría la investigación sobre la malaria y la tuberculosis en África.',
    'La reunión en la Casa de Huéspedes de Estado de Diaoyutai se produjo días antes de una visita de Antony Blinken.',
  ].join('\n'),
};
/** Same actors, another occasion (the Boao meeting of 2015), in Spanish. */
const LOOKALIKE: Article = {
  id: 'boao',
  lang: 'es',
  date: '2015-03-29',
  text: [
    'El presidente chino Xi Jinping se reunió con Bill Gates en Boao, en la provincia de Hainan, el 28 de marzo de 2015.',
    'Xi elogió la labor de la Fundación Bill y Melinda Gates en la lucha contra la pobreza en China.',
    'Gates dijo que la fundación ampliaría su cooperación con China en la agricultura y la salud.',
  ].join('\n'),
};

const profile = (a: Article, res = bare) => profileArticle(normalizeArticle(a), res);

describe('cross-language evidence without dictionaries', () => {
  it('aligns a translation sentence for sentence on names, numbers, dates and cognates', () => {
    const e = measureCross(profile(EN), profile(ES));
    expect(e.aligned.pairs).toBeGreaterThanOrEqual(4);
    expect(Math.min(e.aligned.a, e.aligned.b)).toBeGreaterThanOrEqual(0.4);
    expect(e.numbers.list).toContain('50 million');
    expect(e.dates.shared).toEqual(expect.arrayContaining(['6-16', '2023']));
    expect(e.dates.conflict).toBeUndefined();
    expect(describeCross(e)).toMatch(
      /^shares \d+ of \d+ names \(.*Xi Jinping.*\) and all 1 of 1 numbers \(50 million\).*; dates agree \(6-16, 2023\); \d sentences align in order$/,
    );
  });

  it('finds the look-alike of another occasion contradicting the dates', () => {
    const e = measureCross(profile(EN), profile(LOOKALIKE));
    expect(e.dates.conflict).toEqual({ a: ['6-16'], b: ['3-28'] });
  });
});

describe('compactProfile', () => {
  const texts = [EN, ES, LOOKALIKE];

  it('drops the mentions and the lists of keys, and changes nothing a comparison reads', () => {
    const made = texts.map((a) => profile(a));
    const pool = createInternPool();
    const interned = made.map((p) => compactProfile(structuredClone(p), pool));
    const drop = <T extends { mentions: unknown }>({ mentions: _m, ...rest }: T) => rest;
    expect(made[0]?.anchors.names.some((n) => n.mentions.length > 0)).toBe(true);
    expect(interned).toEqual(
      made.map(({ sentences: _s, ...p }) => ({
        ...p,
        anchors: {
          names: p.anchors.names.map(drop),
          numbers: p.anchors.numbers.map(drop),
          dates: p.anchors.dates.map(drop),
          lookupKeys: p.anchors.lookupKeys,
        },
      })),
    );
    for (const p of interned) {
      for (const a of [...p.anchors.names, ...p.anchors.numbers, ...p.anchors.dates])
        expect('mentions' in a).toBe(false);
      expect('sentences' in p).toBe(false);
    }
    for (const [x, y] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const)
      expect(measureCross(interned[x] as CrossProfile, interned[y] as CrossProfile)).toEqual(
        measureCross(made[x] as CrossProfile, made[y] as CrossProfile),
      );
  });

  it('texts naming the same person share one list of its keys; every look-up key and word list goes through the pool', () => {
    const pool = createInternPool();
    // Each profiled apart (its own word cache), as copies from two places would be.
    const [en, es] = [EN, ES].map((a) => compactProfile(profile(a), pool)) as [CrossProfile, CrossProfile];
    // Chinese text: its look-up keys include every run of syllables, not only its names' keys.
    const zhText = '习近平在北京会见比尔·盖茨。盖茨基金会承诺为全球卫生合作提供五千万美元。';
    const zh = compactProfile(profile({ id: 'zh', lang: 'zh', text: zhText }), pool);
    const nameKeys = new Set(zh.anchors.names.flatMap((n) => n.keys));
    expect(zh.anchors.lookupKeys.some((k) => !nameKeys.has(k))).toBe(true);
    const xi = (p: CrossProfile) => p.anchors.names.find((n) => n.text === 'Xi Jinping');
    expect(xi(en)?.keys.length).toBeGreaterThan(0);
    expect(xi(es)?.keys).toBe(xi(en)?.keys);
    // A string's identity cannot be observed: that the pool was handed every look-up key can.
    for (const p of [en, es, zh]) for (const k of p.anchors.lookupKeys) expect(pool.strings.has(k)).toBe(true);
    // Each key of the sentences went through the pool too.
    for (const p of [en, es, zh]) for (const k of keysOf(p.keyed)) expect(pool.strings.has(k)).toBe(true);
    expect(es.keyed.keys.length).toBeGreaterThan(10);
  });

  it('a profile made with the pool holds its copies of every key from the start, and compacts to the same profile without looking them up again', () => {
    const zh = {
      id: 'zh',
      lang: 'zh',
      text: '习近平在北京会见比尔·盖茨。盖茨基金会承诺为全球卫生合作提供五千万美元，2023年6月16日。',
    };
    const articles = [EN, ES, LOOKALIKE, zh].map((a) => normalizeArticle(a));
    // One word cache and one pool for all, as a scan's profile maker holds them.
    const cache = new Map();
    const pool = createInternPool();
    const made = articles.map((a) => profileArticle(a, bare, cache, pool));
    for (const p of made) for (const k of keysOf(p.keyed)) expect(pool.strings.get(k)).toBe(k);
    const kept = made.map((p) => compactProfile(p, pool, true));
    // The same as a profile made without the pool and compacted by looking every key up.
    const apart = articles.map((a) => compactProfile(profileArticle(a, bare), createInternPool()));
    expect(kept).toEqual(apart);
    for (const p of kept) for (const k of keysOf(p.keyed)) expect(pool.strings.get(k)).toBe(k);
    // Figures and names were among the keys: a date key, and a name read in two languages.
    expect(kept.some((p) => p.keyed.keys.some((k) => k.startsWith('d:')))).toBe(true);
    expect(kept[0]?.keyed.keys.some((k) => (kept[1]?.keyed.keys ?? []).includes(k))).toBe(true);
  });
});

describe('the cross-language relation', () => {
  const base: PairScores = {
    jaccard: 0,
    containmentAB: 0,
    containmentBA: 0,
    charContainmentAB: 0,
    charContainmentBA: 0,
    cosine: 0,
    alignedAB: 0,
    alignedBA: 0,
    lengthRatio: 0.9,
  };
  it.each([
    [
      'both texts aligned',
      { crossAlignedAB: 0.8, crossAlignedBA: 0.7, crossAlignedPairs: 6, dateConflict: 0 },
      'translation-variant',
    ],
    [
      'a statement whole inside a longer article',
      { crossAlignedAB: 0.9, crossAlignedBA: 0.3, crossAlignedPairs: 4, dateConflict: 0 },
      'translation-variant',
    ],
    [
      'one sentence only',
      { crossAlignedAB: 0.9, crossAlignedBA: 0.9, crossAlignedPairs: 1, dateConflict: 0 },
      'unrelated',
    ],
    [
      'weakly aligned',
      { crossAlignedAB: 0.39, crossAlignedBA: 0.5, crossAlignedPairs: 5, dateConflict: 0 },
      'unrelated',
    ],
    [
      'aligned, but the dates contradict',
      { crossAlignedAB: 0.8, crossAlignedBA: 0.8, crossAlignedPairs: 6, dateConflict: 1 },
      'unrelated',
    ],
  ])('%s', (_name, cross, relation) => {
    const c = classifyPair({ ...base, ...cross });
    expect(c.relation).toBe(relation);
    expect(c.reasons.length).toBeGreaterThan(0);
  });

  it('leaves same-language pairs to the same-language rules (no cross score, no cross reason)', () => {
    const c = classifyPair({
      ...base,
      cosine: 0.6,
      alignedAB: 0.9,
      alignedBA: 0.9,
      alignedPairs: 6,
      alignedSimilarity: 0.7,
    });
    expect(c.relation).toBe('translation-variant');
    expect(c.reasons.some((r) => r.score.startsWith('cross'))).toBe(false);
  });
});

describe('candidates and the scan across languages', () => {
  it('proposes the translation and not a text in the same language', () => {
    const { pairs } = crossLanguageCandidates([profile(EN), profile(ES), profile({ ...EN, id: 'en2' })]);
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).not.toContainEqual([0, 2]);
  });

  it.each([
    // English proposes only the first Spanish text; the second is kept because it proposes English.
    [1, 2, 1],
    [2, 2, 0],
    [30, 2, 0],
  ])('with at most %i proposal(s) per document: %i pair(s), %i proposal(s) left out', (cap, pairCount, dropped) => {
    // The English text and two Spanish versions of it: each English-Spanish pair answers the queries.
    const out = crossLanguageCandidates([profile(EN), profile(ES), profile({ ...ES, id: 'es2' })], {
      maxPerDocument: cap,
    });
    expect(out.pairs).toHaveLength(pairCount);
    expect(out.dropped).toBe(dropped);
    // The document that proposes keeps the one that answers most, then the first.
    expect(out.pairs[0]).toEqual([0, 1]);
  });

  it('joins the translation into one story, keeps the look-alike out, and says which dictionaries were missing', () => {
    const result = scanCorpus([EN, ES, LOOKALIKE], { loadCrossLanguage: () => bare });
    expect(result.stories.map((s) => s.members)).toEqual([['boao'], ['en', 'es']]);
    const pair = result.pairs.find((p) => p.a === 'en' && p.b === 'es');
    expect(pair).toMatchObject({ relation: 'translation-variant', languages: ['en', 'es'] });
    expect(pair?.reasons[0]?.note).toMatch(/^shares/);
    expect(result.crossLanguage).toMatchObject({ languages: ['en', 'es'], dictionaries: [], missing: ['es'] });
  });

  it('keeps each language on its own with crossLanguage: false', () => {
    const result = scanCorpus([EN, ES], { crossLanguage: false, loadCrossLanguage: () => bare });
    expect(result.stories).toHaveLength(2);
    expect(result.crossLanguage).toBeUndefined();
  });
});

describe('the review across two languages', () => {
  it('aligns paragraphs side by side and marks the shared names and figures', () => {
    const review = reviewNormalized(normalizeArticle(EN), normalizeArticle(ES), { crossLanguage: bare });
    expect(review.rows.map((r) => r.kind)).toEqual(['aligned', 'aligned', 'aligned', 'aligned', 'aligned']);
    const first = review.rows[0];
    const marked = (first?.marks?.b ?? []).map(([s, e]) => first?.parts[0]?.b.slice(s, e));
    expect(marked).toEqual(
      expect.arrayContaining(['Xi Jinping', 'Microsoft Bill Gates', 'Pekín', '16 de junio de 2023']),
    );
    const text = renderReviewText(review, { width: 100 });
    expect(text).toContain('⟦Xi Jinping⟧');
    expect(text).toContain('languages: en (A) and es (B): 5 paragraphs aligned, of 5 in A and 5 in B');
  });
});

describe('dictionaries', () => {
  it('decodes dictd numbers and reads a dictd database, keeping only wanted headwords', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('BA')).toBe(64);
    const dir = mkdtempSync(join(tmpdir(), 'dictd-'));
    const body1 = 'casa /ˈkasa/ <n, fem>\nhouse, home\n';
    const body2 = 'perro /ˈpero/\ndog\n';
    writeFileSync(join(dir, 'x.dict'), body1 + body2);
    const b64 = (n: number) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[n] as string;
    writeFileSync(
      join(dir, 'x.index'),
      `casa\tA\t${b64(Buffer.byteLength(body1))}\nperro\t${b64(Buffer.byteLength(body1))}\t${b64(Buffer.byteLength(body2))}\n`,
    );
    expect(readDictd(join(dir, 'x')).map((e) => e.headword)).toEqual(['casa', 'perro']);
    expect(readDictd(join(dir, 'x'), (h) => h === 'perro')).toEqual([{ headword: 'perro', body: body2 }]);
  });

  const tools = {
    fold: (w: string) => w.toLowerCase(),
    stemForeign: (w: string) => w,
    stemEnglish: (w: string) => w.replace(/s$/, ''),
    englishStopwords: new Set(['the', 'a']),
  };

  it('reads FreeDict glosses and inverts an English → foreign dictionary', () => {
    expect(glossesOf('casa /ˈkasa/ <n, fem>\n1. house (building); home [archaic]\n see: {hogar}\n')).toEqual([
      'house',
      'home',
    ]);
    const lex = buildLexicon(
      'es',
      {
        toEnglish: [{ headword: 'casa', body: 'casa\nhouse, home\n' }],
        fromEnglish: [{ headword: 'dog', body: 'dog\nperro\n' }],
      },
      tools,
    );
    expect(lookUp(lex, 'casa', (w) => w)).toEqual(['house', 'home']);
    expect(lookUp(lex, 'perro', (w) => w)).toEqual(['dog']);
  });

  it('gives Russian words English stems through German', () => {
    const german = buildLexicon('de', { toEnglish: [{ headword: 'haus', body: 'Haus\nhouse\n' }] }, tools);
    const ru = buildPivotLexicon('ru', [{ headword: 'haus', body: 'Haus\nдом 2.\n' }], german, (w) => w, tools);
    expect(lookUp(ru, 'дом', (w) => w)).toEqual(['house']);
  });

  it.skipIf(!existsSync('/usr/share/dictd/freedict-spa-eng.index'))(
    'loads only the corpus languages and words from Debian’s FreeDict',
    () => {
      const res = loadCrossLanguage({
        languages: ['en', 'es', 'ko'],
        words: new Map([['es', new Set(['casa', 'presidente'])]]),
      });
      expect([...res.lexicons.keys()]).toEqual(['es']);
      expect(res.missing).toEqual(['ko']);
      expect(lookUp(res.lexicons.get('es') as never, 'casa', (w) => w)).toContain('hous');
    },
  );
});

describe('startsWithAny (which headwords a dictionary load stems)', () => {
  it('is "some start of 2 characters or more is a stem", for any stems and word (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'ä', 'ß', 'n'), maxLength: 7 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(word, { maxLength: 20 }), (stems, words) => {
        const set = new Set(stems);
        const test = startsWithAny(set);
        for (const w of words) {
          let expected = false;
          for (let k = 2; k <= w.length; k++) if (set.has(w.slice(0, k))) expected = true;
          expect(test(w)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
    expect(startsWithAny(new Set(['zusammen', 'a']))('zusammenarbeit')).toBe(true);
    expect(startsWithAny(new Set(['zusammen', 'a']))('abkommen')).toBe(false);
  });
});
