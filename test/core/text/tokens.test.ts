import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessLanguage, isSpaceless } from '../../../src/core/text/language.js';
import { splitSentences } from '../../../src/core/text/sentences.js';
import {
  createWordScratch,
  findWords,
  foldWord,
  segmentWords,
  tokenizeWords,
  WORD_RE,
} from '../../../src/core/text/tokens.js';
import { hasEval, readEvalItems, readSeed, SEED_PREFIXES } from '../fixtures/seeds.js';

const require = createRequire(import.meta.url);

describe('foldWord', () => {
  it.each([
    ['accents', 'Díaz', 'diaz'],
    ['accents in a surname', 'Bermúdez', 'bermudez'],
    ['capital with accent', 'Álamo', 'alamo'],
    ['n with tilde', 'España', 'espana'],
    ['curly apostrophe', 'China’s', "china's"],
    ['modifier-letter apostrophe', 'Chinaʼs', "china's"],
    ['straight apostrophe unchanged', "China's", "china's"],
    ['ligature fi (NFKC)', 'ﬁnancial', 'financial'],
    ['ligature ffl (NFKC)', 'ba\ufb04e', 'baffle'],
    ['full-width letters (NFKC)', 'Ｃｕｂａ', 'cuba'],
    ['full-width digits (NFKC)', '２０２３', '2023'],
    ['decomposed accent (NFD input)', 'Di\u0301az', 'diaz'],
    ['British spelling', 'Favourable', 'favorable'],
    ['German sharp s kept', 'Straße', 'straße'],
    ['Chinese unchanged', '古巴', '古巴'],
    ['Japanese voiced kana keep their mark', 'が', 'が'],
    ['Cyrillic lower-cased', 'КУБА', 'куба'],
  ])('%s: %s → %s', (_name, word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (w) => {
        const once = foldWord(w);
        expect(foldWord(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('segmentWords and tokenizeWords', () => {
  it.each([
    ['hyphenated name splits at the hyphen', 'Díaz-Canel', ['diaz', 'canel']],
    ['possessive kept with its word', "Xi Jinping's Thought", ['xi', "jinping's", 'thought']],
    ['numbers keep separators', 'about 2,000.5 tonnes on 24.04', ['about', '2,000.5', 'tons', 'on', '24.04']],
    ['punctuation dropped', '“close ties” — (PCC)!', ['close', 'ties', 'pcc']],
    ['accented Spanish', 'Fecha de publicación', ['fecha', 'de', 'publicacion']],
  ])('%s', (_name, text, tokens) => {
    expect(tokenizeWords(text)).toEqual(tokens);
  });

  it('keeps accented letters where natural’s WordTokenizer cuts them out', () => {
    // Pins why tokens.ts does not use natural's tokenizers: they split on [^A-Za-z0-9].
    const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js') as {
      WordTokenizer: new () => { tokenize(s: string): string[] };
    };
    const text = 'Miguel Díaz-Canel Bermúdez met Ludmila Álamo';
    expect(new WordTokenizer().tokenize(text)).toEqual([
      'Miguel',
      'D',
      'az',
      'Canel',
      'Berm',
      'dez',
      'met',
      'Ludmila',
      'lamo',
    ]);
    expect(tokenizeWords(text)).toEqual(['miguel', 'diaz', 'canel', 'bermudez', 'met', 'ludmila', 'alamo']);
  });

  it.each([
    ['Chinese', '习近平主席在北京会见古巴领导人', ['习', '近平', '主席', '在', '北京', '会见', '古巴', '领导', '人']],
    ['Chinese with Latin inside', '中国和Cuba的合作', ['中国', '和', 'cuba', '的', '合作']],
    ['Japanese', '東京都で会議が開かれました', ['東京', '都', 'で', '会議', 'が']],
  ])('%s goes through Intl.Segmenter', (_name, text, prefix) => {
    expect(tokenizeWords(text).slice(0, prefix.length)).toEqual(prefix);
  });

  it('offsets slice back to the original word on every seed', () => {
    for (const seed of SEED_PREFIXES) {
      const text = readSeed(seed);
      for (const w of segmentWords(text)) expect(foldWord(text.slice(w.start, w.end))).toBe(w.norm);
    }
  });

  it('offsets slice back to the original word on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        let last = 0;
        for (const w of segmentWords(text)) {
          expect(w.start).toBeGreaterThanOrEqual(last);
          expect(w.end).toBeGreaterThan(w.start);
          expect(foldWord(text.slice(w.start, w.end))).toBe(w.norm);
          last = w.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
  it.each([
    ['plain', 'Cuba thanked China. China thanked Cuba.', ['Cuba thanked China.', 'China thanked Cuba.']],
    ['Mr. and Dr. are not ends', 'Mr. Liu met Dr. Alamo. They talked.', ['Mr. Liu met Dr. Alamo.', 'They talked.']],
    [
      'U.S. inside a sentence',
      'He visited the U.S. Embassy in Havana. Then he left.',
      ['He visited the U.S. Embassy in Havana.', 'Then he left.'],
    ],
    [
      'initials',
      'The report by J. R. Smith was read. Nobody objected.',
      ['The report by J. R. Smith was read.', 'Nobody objected.'],
    ],
    [
      'No. before a number',
      'Document No. 5 was signed. No. 6 followed.',
      ['Document No. 5 was signed.', 'No. 6 followed.'],
    ],
    ['the word no ends a sentence', 'The answer was no. The talks ended.', ['The answer was no.', 'The talks ended.']],
    ['closing quote', 'He said “It is over.” Then he left.', ['He said “It is over.”', 'Then he left.']],
    [
      'question inside a quote before lower case',
      '“Is it true?” she asked. Yes.',
      ['“Is it true?” she asked.', 'Yes.'],
    ],
    ['decimal number', 'Growth was 5.2 percent. Trade rose.', ['Growth was 5.2 percent.', 'Trade rose.']],
    ['dialogue dash opens a sentence', 'Hazlo eso. - No quiero. — Bueno.', ['Hazlo eso.', '- No quiero.', '— Bueno.']],
    ['a dash before lower case does not', 'It ended. - and then more.', ['It ended. - and then more.']],
    ['lower case after a stop', 'See p. 5 and e.g. the annex.', ['See p. 5 and e.g. the annex.']],
    [
      'Chinese full stops',
      '习近平会见古巴领导人。双方同意加强合作！',
      ['习近平会见古巴领导人。', '双方同意加强合作！'],
    ],
    ['Chinese quote after the stop', '他说：“这是好事。”双方同意。', ['他说：“这是好事。”', '双方同意。']],
    ['no end mark', 'A line without an end', ['A line without an end']],
    ['only spaces', '   ', []],
  ])('%s', (_name, text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it('spans are trimmed, ordered and cover every word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const spans = splitSentences(text);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
          last = s.end;
        }
        expect(spans.flatMap((s) => tokenizeWords(text.slice(s.start, s.end))).length).toBeGreaterThanOrEqual(
          tokenizeWords(text).length - spans.length,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('guessLanguage and isSpaceless', () => {
  it.each(SEED_PREFIXES)('seed %s is English', (seed) => {
    expect(guessLanguage(readSeed(seed))).toBe('en');
  });

  it.each([
    ['es', 'El presidente de Cuba se reunió con los dirigentes del partido en La Habana.'],
    ['es', '¿Qué tal esas llamadas? ¡Vaya! Asunto oficial.'],
    ['de', 'Der Präsident und die Delegation sind nicht mit dem Zug gekommen.'],
    ['fr', 'Le président est arrivé dans la capitale pour une visite qui durera trois jours.'],
    ['pt', 'O presidente não veio com os ministros para a reunião do partido.'],
    ['zh', '习近平主席在北京会见古巴领导人。'],
    ['ja', '東京都で会議が開かれました。'],
    ['ru', 'Президент Кубы прибыл в Пекин.'],
    ['und', '12345 !!!'],
    ['und', ''],
  ])('%s: %s', (lang, text) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it.each([
    ['习近平主席在北京会见古巴领导人。', true],
    ['東京都で会議が開かれました。', true],
    ['Cuba and China (中国) signed.', false],
    ['', false],
  ])('isSpaceless(%j) = %s', (text, spaceless) => {
    expect(isSpaceless(text)).toBe(spaceless);
  });
});

const WMT22 = 'wmt22-zhen.jsonl';
const WMT24 = 'wmt24-en-multilingual.jsonl';
describe.skipIf(!hasEval(WMT22) || !hasEval(WMT24))(
  'guessLanguage on WMT documents (skipped when ../shared/eval is absent)',
  () => {
    it('every news document of WMT22 and WMT24 gets its language', () => {
      const items = [...(readEvalItems(WMT22) ?? []), ...(readEvalItems(WMT24) ?? [])].filter(
        (i) => i.domain === 'news',
      );
      expect(items.length).toBeGreaterThan(300);
      const wrong = items.filter((i) => guessLanguage(i.text) !== i.lang).map((i) => `${i.id}: ${i.lang}`);
      expect(wrong).toEqual([]);
    });

    it('at least 98% of all WMT24 documents, speech and social included', () => {
      // Some items labelled es are in fact English (a machine translator's refusal to translate),
      // so the bar is not 100%.
      const items = readEvalItems(WMT24) ?? [];
      const right = items.filter((i) => guessLanguage(i.text) === i.lang).length;
      expect(right / items.length).toBeGreaterThanOrEqual(0.98);
    });
  },
);

describe('findWords', () => {
  /** The words as the regex alone finds them: [start, end] pairs. */
  function byRegex(text: string): number[] {
    return [...text.matchAll(new RegExp(WORD_RE.source, WORD_RE.flags))].flatMap((m) => [
      m.index,
      m.index + m[0].length,
    ]);
  }
  function byHand(text: string): number[] {
    const scratch = createWordScratch();
    const n = findWords(text, scratch);
    return [...scratch.at.subarray(0, 2 * n)];
  }

  it.each([
    [
      'numbers keep their separators',
      'On 12.03.2024 at 10:30, 2,000.5 people',
      ['On', '12.03.2024', 'at', '10:30', '2,000.5', 'people'],
    ],
    ['a number ends where letters start', '3rd of 21st', ['3', 'rd', 'of', '21', 'st']],
    ['a separator not followed by a digit ends it', '5. 6,x 7:', ['5', '6', 'x', '7']],
    ['apostrophes join words, straight and curly', "China's rock’n’roll don'", ["China's", 'rock’n’roll', 'don']],
    ['a leading or doubled apostrophe does not', "'tis a''b", ['tis', 'a', 'b']],
    [
      'accented and decomposed letters stay in the word',
      'Díaz-Canel Di\u0301az café',
      ['Díaz', 'Canel', 'Di\u0301az', 'café'],
    ],
    ['the modifier letter apostrophe', 'Chinaʼs', ['Chinaʼs']],
    ['non-ASCII digits and superscripts', '١٢٣ x² 3²', ['١٢٣', 'x²', '3²']],
    ['quotes and dashes between words', '“Cuba” — China’s', ['Cuba', 'China’s']],
    ['scripts without spaces are one run', '中国与古巴，共产党', ['中国与古巴', '共产党']],
  ])('%s', (_name, text, words) => {
    const at = byHand(text);
    expect(at).toEqual(byRegex(text));
    expect(Array.from({ length: at.length / 2 }, (_, k) => text.slice(at[2 * k], at[2 * k + 1]))).toEqual(words);
  });

  it('finds what WORD_RE finds, on any text', () => {
    // biome-ignore format: a list
    const fragments = ['a', 'Z', '0', '9', ' ', '.', ',', ':', "'", '’', 'ʼ', '-', 'é', '\u0301', '²', '٣', '中', '“', '\n', '😀',
      '\ud800', 'x1', '1x', "don't", '3.5', 'ß'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 60 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => {
        expect(byHand(s)).toEqual(byRegex(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('segmentWords reads a text of 40,000 words, then a short one, each whole', () => {
    const long = segmentWords('word '.repeat(40_000));
    expect(long).toHaveLength(40_000);
    expect(long[39_999]).toEqual({ norm: 'word', start: 199_995, end: 199_999 });
    expect(segmentWords('Two Words')).toEqual([
      { norm: 'two', start: 0, end: 3 },
      { norm: 'words', start: 4, end: 9 },
    ]);
  });

  it('grows its buffer and reads the same words again with it', () => {
    const scratch = createWordScratch();
    const text = 'word '.repeat(1000);
    expect(findWords(text, scratch)).toBe(1000);
    expect(findWords('two words', scratch)).toBe(2);
    expect([...scratch.at.subarray(0, 4)]).toEqual([0, 3, 4, 9]);
  });
});
