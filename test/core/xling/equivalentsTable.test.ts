// The shipped equivalents table (data/equivalents.tsv): every country, one key across languages
// and scripts, no form under two keys, and the generated block equal to what its script writes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BEGIN,
  END,
  formOfName,
  inflect,
  loadCountrySources,
  rebuildEquivalents,
} from '../../../scripts/build-equivalents.js';
import { foldWord } from '../../../src/core/text/tokens.js';
import { matchEquivalents, parseEquivalents } from '../../../src/core/xling/equivalents.js';
import { ROOT } from '../../helpers/fixtures.js';

const FILE = join(ROOT, 'data', 'equivalents.tsv');
const text = readFileSync(FILE, 'utf8');
const table = parseEquivalents(text);

/** The ids the table finds in a phrase (words parted by spaces, as the tokenizer would give them). */
function idsIn(phrase: string): string[] {
  const words = phrase
    .split(/[\s.-]+/)
    .filter((w) => w !== '')
    .map((raw) => ({ raw, norm: foldWord(raw) }));
  return [...new Set(matchEquivalents(table, words, phrase).map((h) => h.id))];
}

describe('the equivalents table', () => {
  it('parses, with a row for every country', () => {
    expect(table.rows).toBeGreaterThan(450);
    expect(text).toContain(BEGIN);
    expect(text).toContain(END);
  });

  it.each([
    ['Cuba', 'GPE:CU', ['Cuba', 'Kuba', 'Куба', 'Кубы', 'Κούβα', 'Küba', '古巴', '쿠바', 'كوبا', 'Cuban', 'cubaine']],
    [
      'Germany',
      'GPE:DE',
      ['Germany', 'Alemania', 'Allemagne', 'Deutschland', 'Германия', 'Германии', '德国', 'Njemačka', 'Almanya'],
    ],
    ['China', 'GPE:CN', ['China', 'Chine', 'Китай', 'КНР', 'Κίνα', 'Kina', 'Çin', '中国', '중국', 'الصين']],
    [
      'United States',
      'GPE:US',
      ['United States', 'Estados Unidos', 'США', 'ΗΠΑ', 'A.B.D.', '美国', 'الولايات المتحدة'],
    ],
    ['United Kingdom', 'GPE:UK', ['United Kingdom', 'Royaume-Uni', 'Великобритания', 'Birleşik Krallık', '英国']],
    ['South Korea', 'GPE:KR', ['South Korea', 'Corea del Sur', 'Южная Корея', 'Güney Kore', '韩国', '대한민국']],
    ['Mexico', 'GPE:MX', ['Mexico', 'México', 'Mexique', 'Mexiko', 'Messico', 'Мексика', 'Μεξικό', '墨西哥', '멕시코']],
    ['Holy See', 'ORG:VATICAN', ['Holy See', 'Vatican', 'Santa Sede', 'Ватикан', '梵蒂冈']],
    ['Havana', 'CITY:HAVANA', ['Havana']],
  ])('%s: every form maps to %s', (_name, id, forms) => {
    for (const form of forms) expect(idsIn(form), form).toEqual([id]);
  });

  it.each([
    ['es "cada" (Croatian Čada)', 'cada dia'],
    ['ru "того" (Togo)', 'после того'],
    ['en "island" (Iceland in German)', 'an island'],
    ['en "male" (Malé)', 'a male nurse'],
    ['zh 中非 inside 项目中非常', '项目中非常'],
    ['zh 海地 inside 沿海地区', '沿海地区'],
    ['ko particle 이란', '사랑이란'],
  ])('a common word is no country: %s', (_name, phrase) => {
    expect(idsIn(phrase)).toEqual([]);
  });

  it('gives no form to two keys', () => {
    const owners = new Map<string, Set<string>>();
    const own = (key: string, id: string) => owners.set(key, (owners.get(key) ?? new Set()).add(id));
    for (const [, entries] of table.byFirst)
      for (const { id, form } of entries)
        own(`${form.caseSensitive ? 'cs' : 'ci'}:${form.words.join(' ')}${form.prefix ? '*' : ''}`, id);
    for (const [, entries] of table.prefixes) for (const { id, form } of entries) own(`ci:${form.words[0]}*`, id);
    for (const { id, text: s } of table.substrings) own(`sub:${s}`, id);
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k} → ${[...ids].join(', ')}`);
    expect(shared).toEqual([]);
  });
});

describe('the generator', () => {
  it.each([
    ['a folded name', 'Estados Unidos', { form: 'estados unidos' }],
    ['an acronym as written', 'КНР', { form: 'КНР' }],
    ['dotted letters as an acronym', 'U.S.A.', { form: 'U S A' }],
    ['Han as written', '古巴', { form: '古巴' }],
    ['one Han character dropped', '金', { dropped: '金', why: 'too short to match as a substring' }],
  ])('formOfName: %s', (_name, name, expected) => {
    expect(formOfName(name)).toEqual(expected);
  });

  it.each([
    ['Cyrillic under four letters', 'Чад'],
    ['an elided article', "Côte d'Ivoire"],
    ['a two-letter acronym', 'US'],
  ])('formOfName drops %s', (_name, name) => {
    expect(formOfName(name)).toHaveProperty('why');
  });

  it.each([
    ['ru -а', 'куба', 'ru', ['куба', 'кубы', 'кубе', 'кубу', 'кубой']],
    ['ru -ия', 'германия', 'ru', ['германия', 'германии', 'германию', 'германией']],
    ['ru consonant', 'иран', 'ru', ['иран', 'ирана', 'иране', 'ирану', 'ираном']],
    ['ru vowel + а, not declined', 'самоа', 'ru', ['самоа']],
    ['hr -a', 'kuba', 'hr', ['kuba', 'kube', 'kubi', 'kubu', 'kubom']],
    ['el genitive', 'κούβα', 'el', ['κούβα', 'κούβας']],
    ['en unchanged', 'cuba', 'en', ['cuba']],
  ])('inflect: %s', (_name, word, lang, forms) => {
    expect(inflect(word, lang)).toEqual(forms);
  });
});

const require = createRequire(import.meta.url);
const hasSources = ['i18n-iso-countries/package.json', 'world-countries/package.json'].every((p) => {
  try {
    require.resolve(p);
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!hasSources)(
  'data/equivalents.tsv equals what scripts/build-equivalents.ts writes (skipped when the devDependencies i18n-iso-countries and world-countries are not installed)',
  () => {
    it('has not drifted from its sources', () => {
      expect(rebuildEquivalents(text, loadCountrySources())).toBe(text);
    });
  },
);
