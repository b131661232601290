import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { extractAnchors } from '../../../src/core/xling/anchors.js';
import { parseEquivalents } from '../../../src/core/xling/equivalents.js';
import { extractFigures, parseHanNumeral, parseNumber } from '../../../src/core/xling/figures.js';
import { nameKeys, soundKey, toLatin } from '../../../src/core/xling/transliterate.js';
import type { Anchors } from '../../../src/types/index.js';
import { EVAL_DIR, ROOT } from '../../helpers/fixtures.js';

const equivalents = parseEquivalents(readFileSync(join(ROOT, 'data', 'equivalents.tsv'), 'utf8'));

function anchorsOf(text: string, lang: string, date?: string): Anchors {
  return extractAnchors(normalizeArticle({ id: 'x', text, lang, ...(date ? { date } : {}) }), { equivalents });
}

describe('figures', () => {
  it.each([
    ['en thousands and decimals', '1,000.5', 'en', 1000.5],
    ['es thousands and decimals', '1.000,5', 'es', 1000.5],
    ['es thousands', '1.500', 'es', 1500],
    ['en decimal', '1.500', 'en', 1.5],
    ['fr space thousands', '1 000,5', 'fr', 1000.5],
    ['de million dots', '1.000.000', 'de', 1e6],
  ])('reads %s', (_name, s, lang, value) => {
    expect(parseNumber(s, lang)).toBe(value);
  });

  it.each([
    ['二〇一七', 2017],
    ['十九', 19],
    ['三千五百', 3500],
    ['三万', 30000],
    ['两亿', 2e8],
  ])('reads the Chinese numeral %s', (s, value) => {
    expect(parseHanNumeral(s)).toBe(value);
  });

  it.each([
    ['en', 'On Nov. 29, 2017, 1,500 people paid 3.5 billion dollars, 12% more.'],
    ['es', 'El 29 de noviembre de 2017, 1.500 personas pagaron 3.500 millones de dólares, un 12 por ciento más.'],
    ['fr', 'Le 29 novembre 2017, 1 500 personnes ont payé 3,5 milliards de dollars, 12 % de plus.'],
    ['de', 'Am 29. November 2017 zahlten 1.500 Menschen 3,5 Milliarden Dollar, 12 Prozent mehr.'],
    ['ru', '29 ноября 2017 года 1 500 человек заплатили 3,5 млрд долларов, на 12 процентов больше.'],
    ['zh', '2017年11月29日，一千五百人支付了35亿美元，增加了百分之十二。'],
  ])('gives one date, one count, one amount and one percentage in %s', (lang, text) => {
    const figures = extractFigures(text, lang);
    expect(figures.filter((f) => f.type === 'date')).toMatchObject([{ year: 2017, month: 11, day: 29 }]);
    expect(figures.filter((f) => f.type === 'number')).toMatchObject([
      { value: 1500, percent: false },
      { value: 3.5e9, percent: false },
      { value: 12, percent: true },
    ]);
  });

  it('leaves out times of day and a month word that is also a common word without a day', () => {
    const figures = extractFigures('At 10:30 they may meet in March.', 'en');
    expect(figures).toMatchObject([{ type: 'date', month: 3 }]);
  });
});

describe('transliteration', () => {
  it.each([
    ['Обама', 'Obama'],
    ['Киссинджер', 'Kissinger'],
    ['Си Цзиньпин', 'Xi Jinping'],
  ])('gives %s and %s a shared key', (a, b) => {
    const keysA = a.split(' ').flatMap((w) => nameKeys(toLatin(w.toLowerCase())));
    const keysB = b.split(' ').flatMap((w) => nameKeys(w.toLowerCase()));
    expect(keysA.some((k) => keysB.includes(k))).toBe(true);
  });

  it('cuts case endings off the sound key (Обамы = Obama)', () => {
    expect(soundKey(toLatin('обамы')).slice(0, 4)).toBe(soundKey('obama').slice(0, 4));
  });
});

describe('extractAnchors', () => {
  it('finds the same organisation in six scripts under one key (the equivalents table)', () => {
    const texts: Array<[string, string]> = [
      ['en', 'The United Nations said the UN would help.'],
      ['es', 'La ONU dijo que ayudaría.'],
      ['ru', 'В ООН заявили, что помогут.'],
      ['zh', '联合国表示将提供帮助。'],
      ['ko', '유엔은 도움을 주겠다고 밝혔다.'],
      ['ar', 'قالت الأمم المتحدة إنها ستساعد.'],
    ];
    for (const [lang, text] of texts) {
      const a = anchorsOf(text, lang);
      expect(
        a.names.map((n) => n.key),
        `${lang}: ${text}`,
      ).toContain('ORG:UN');
      expect(a.names.find((n) => n.key === 'ORG:UN')?.kind).toBe('organisation');
    }
  });

  it('counts a surname after the full name as one name, and a title before it makes a person', () => {
    const a = anchorsOf(
      'Chinese President Xi Jinping met Barack Obama in Beijing. Obama thanked Xi Jinping. Later Obama left.',
      'en',
    );
    const obama = a.names.find((n) => n.text === 'Barack Obama');
    expect(obama).toMatchObject({ count: 3 });
    expect(a.names.find((n) => n.text === 'Xi Jinping')).toMatchObject({ kind: 'person', count: 2 });
    expect(a.names.find((n) => n.key === 'CITY:BEIJING')).toMatchObject({ kind: 'place' });
  });

  it('does not take a sentence-initial or a lower-case-elsewhere word for a name', () => {
    const a = anchorsOf('Today the talks began. The Talks will go on, talks said.', 'en');
    expect(a.names).toEqual([]);
  });

  it('gives a day without a year the article date’s year, and the year before across New Year', () => {
    expect(anchorsOf('They met on 29 November.', 'en', '2017-12-01').dates).toMatchObject([
      { key: '2017-11-29', yearFrom: 'article' },
    ]);
    expect(anchorsOf('They met on 29 December.', 'en', '2018-01-03').dates).toMatchObject([
      { key: '2017-12-29', yearFrom: 'article' },
    ]);
    expect(anchorsOf('They met on 29 November 2016.', 'en', '2017-12-01').dates).toMatchObject([
      { key: '2016-11-29', yearFrom: 'text' },
    ]);
    expect(anchorsOf('They met on 29 November.', 'en').dates).toMatchObject([{ key: '--11-29' }]);
  });

  it('finds the English name of a Chinese text’s name through the syllable keys', () => {
    const zh = anchorsOf('习近平会见奥巴马。', 'zh');
    const en = anchorsOf('Xi Jinping met Barack Obama.', 'en');
    for (const name of en.names)
      expect(
        name.keys.some((k) => zh.lookupKeys.includes(k)),
        name.text,
      ).toBe(true);
  });

  it('marks weak numbers and groups repeated figures with every mention', () => {
    const a = anchorsOf('Of the 3 plans, 1,500 said yes. Again, 1,500 said yes.', 'en');
    expect(a.numbers).toMatchObject([
      { key: 'n:3', weak: true, count: 1 },
      { key: 'n:1500', weak: false, count: 2, text: '1,500' },
    ]);
  });

  it('points every mention at its text in the cleaned article (any text)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('en', 'es', 'ru', 'zh'), (text, lang) => {
        const n = normalizeArticle({ id: 'p', text, lang });
        const a = extractAnchors(n, { equivalents });
        for (const x of [...a.names, ...a.numbers, ...a.dates]) {
          expect(x.count).toBe(x.mentions.length);
          expect(x.first).toBe(x.mentions[0]?.[0]);
          for (const [s, e] of x.mentions) {
            expect(s).toBeLessThan(e);
            expect(e).toBeLessThanOrEqual(n.clean.length);
          }
        }
        expect(extractAnchors(n, { equivalents })).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a malformed table row with its line number', () => {
    expect(() => parseEquivalents('# c\nORG:UN UN | ONU\n')).toThrow(/line 2/);
  });

  const webMulti = join(EVAL_DIR, 'web-multi.jsonl');
  it.skipIf(!existsSync(webMulti))('shares the names and numbers of a real readout and its French version', () => {
    const rows = readFileSync(webMulti, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string; lang: string; date?: string });
    const get = (id: string) => {
      const r = rows.find((x) => x.id === id);
      if (!r) throw new Error(id);
      return extractAnchors(normalizeArticle(r), { equivalents });
    };
    const en = get('m001');
    const fr = get('m002');
    const shared = en.names.filter((n) => n.keys.some((k) => fr.lookupKeys.includes(k))).map((n) => n.text);
    expect(shared).toEqual(
      expect.arrayContaining(['Xi Jinping', 'Barack Obama', 'Beijing', 'Communist Party of China']),
    );
    expect(fr.numbers.map((n) => n.key)).toEqual(expect.arrayContaining(en.numbers.map((n) => n.key)));
  });
});
