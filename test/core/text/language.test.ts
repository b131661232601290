/**
 * `guessLanguage` was rewritten as one pass (speed); this pins it to the former implementation —
 * about 45 regular-expression and `split` passes, kept here verbatim as the reference — on real
 * texts in many languages and on random mixes of scripts, function words and separators.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../src/core/text/language.js';
import { EVAL_DIR, readEvalRows } from '../../helpers/fixtures.js';
import { readSeeds } from '../../store/fixtures.js';

function referenceGuessLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const count = (re: RegExp): number => sample.match(re)?.length ?? 0;
  const letters = count(/\p{L}/gu) || 1;
  if (count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) / letters > 0.1) return 'ja';
  if (count(/\p{Script=Han}/gu) / letters > 0.3) return 'zh';
  if (count(/\p{Script=Hangul}/gu) / letters > 0.3) return 'ko';
  if (count(/\p{Script=Cyrillic}/gu) / letters > 0.3) return 'ru';
  if (count(/\p{Script=Arabic}/gu) / letters > 0.3) return 'ar';
  if (count(/\p{Script=Greek}/gu) / letters > 0.3) return 'el';
  const words = ` ${sample.toLowerCase().replace(/[^\p{L}]+/gu, ' ')} `;
  const score = (list: string[]): number => list.reduce((n, w) => n + (words.split(` ${w} `).length - 1), 0);
  const marks = (re: RegExp): number => count(re);
  const candidates: Array<[string, number]> = [
    ['en', score(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'you', 'it', 'was'])],
    ['es', score(['el', 'los', 'las', 'que', 'del', 'por', 'una', 'con', 'es', 'un', 'lo', 'se']) + marks(/[¿¡ñ]/giu)],
    ['de', score(['der', 'die', 'und', 'das', 'nicht', 'mit', 'ist', 'den', 'ein', 'du', 'wir', 'auf']) + marks(/ß/gu)],
    ['fr', score(['le', 'les', 'des', 'est', 'une', 'dans', 'pour', 'qui'])],
    ['pt', score(['os', 'não', 'uma', 'com', 'para', 'do', 'da', 'em', 'você']) + marks(/[ãõ]/giu)],
    ['it', score(['il', 'della', 'che', 'gli', 'per', 'una', 'non', 'sono'])],
  ];
  candidates.sort((x, y) => y[1] - x[1]);
  const best = candidates[0];
  return best && best[1] > 0 ? best[0] : 'und';
}

describe('guessLanguage (one pass) agrees with the former implementation', () => {
  it.each([
    ['repeated function words: every other one of a run counts', 'the the the le le le le le'],
    ['ties keep the list order', 'una una'],
    ['Spanish marks and Portuguese tildes', '¿Qué? ¡Sí! Ñandú, ação, Ã Õ ñ'],
    ['German sharp s, upper-case umlauts', 'Straße STRASSE ÄÖÜ die der'],
    ['Greek final sigma after lower-casing', 'ΟΔΟΣ ΚΑΙ ΤΟΥ ΣΑΣ the'],
    ['dotted capital I', 'İstanbul İS THE İT'],
    ['decomposed accents split words', 'na\u0303o voce\u0302 para'],
    ['kana beside Han', '東京都で会議が開かれました。'],
    ['Hangul', '서울에서 회의가 열렸다'],
    ['Arabic', 'قال الرئيس إن the'],
    ['an astral Han character and a lone surrogate', '𠀀𠀁 the \ud800 of \udc00'],
    ['a surrogate pair cut at 4,000', `${'a '.repeat(1999)}x𠀀`],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(guessLanguage(text)).toBe(referenceGuessLanguage(text));
  });

  it('on the seeds', () => {
    for (const a of readSeeds()) expect(guessLanguage(a.text), a.id).toBe(referenceGuessLanguage(a.text));
  });

  it('on random mixes of function words, scripts and separators', () => {
    // biome-ignore format: a word list reads best filled
    const pieces = [
      'the', 'The', 'THE', 'and', 'es', 'una', 'não', 'NÃO', 'você', 'der', 'ß', 'le', 'les', 'il', 'che', 'os',
      'ñ', '¿', '¡', 'ã', 'Õ', '中', '国', 'で', 'カ', '한', 'д', 'ا', 'Σ', 'σ', 'İ', '𠀀', '\ud800', '\u0303',
      ' ', '  ', '.', ',', '-', '\n', '1', "'", 'x', 'ab',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        expect(guessLanguage(text)).toBe(referenceGuessLanguage(text));
      }),
      { numRuns: 2000 },
    );
  });
});

const WMT24 = `${EVAL_DIR}/wmt24-en-multilingual.jsonl`;
const WMT22 = `${EVAL_DIR}/wmt22-zhen.jsonl`;
describe.skipIf(!existsSync(WMT24) || !existsSync(WMT22))(
  'guessLanguage agrees with the former implementation on every WMT22/WMT24 document (needs ../shared/eval)',
  () => {
    it('every document', () => {
      for (const r of [...readEvalRows(WMT24), ...readEvalRows(WMT22)]) {
        expect(guessLanguage(r.text), r.id).toBe(referenceGuessLanguage(r.text));
      }
    });
  },
);
