import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector, sampleForDetection, weightedLetters } from '../../../src/core/text/detect.js';
import { guessLanguage } from '../../../src/core/text/language.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { loadLanguageDetector, needsLanguageDetector } from '../../../src/pipeline/languages.js';

/** A stand-in scoring detector: answers what it is told, and records what it read. */
function fake(language: string, scores: Record<string, number>) {
  const seen: string[] = [];
  const detect = (t: string) => {
    seen.push(t);
    return { language, getScores: () => scores };
  };
  return { seen, detector: { detect } };
}

describe('language identification rules', () => {
  it.each([
    ['a name', 'Xi Jinping', 'und'],
    ['a date', '29 November 2017', 'und'],
    ['a menu', 'Home | News | Sign in', 'und'],
    ['a sentence', 'The president met the delegation in the capital on Wednesday.', 'en'],
  ])('calls %s und when it has under 20 letters', (_name, text, want) => {
    const { detector } = fake('en', { en: 0.5, fr: 0.1 });
    expect(createLanguageDetector(detector)(text)).toBe(want);
  });

  it('calls a text und when the best two scores are within 0.01', () => {
    const { detector } = fake('es', { es: 0.305, pt: 0.3 });
    expect(createLanguageDetector(detector)('Una frase bastante larga para que cuente como prosa.')).toBe('und');
  });

  it('reads prose lines only, without URLs, so an English menu does not decide', () => {
    const page =
      'Home\nNews\nSign in\nhttps://example.com/a/b\nLe président chinois a rencontré mercredi à Pékin l’ancien président américain.';
    expect(sampleForDetection(page)).toBe(
      'Le président chinois a rencontré mercredi à Pékin l’ancien président américain.',
    );
    expect(sampleForDetection('Short line\nanother')).toBe('Short line\nanother');
  });

  it('counts Han, kana and Hangul letters three times', () => {
    expect(weightedLetters('中国 ok 한국')).toBe(3 * 2 + 2 + 3 * 2);
  });

  it('lets metadata win, and uses the injected detector otherwise', () => {
    const detectLanguage = () => 'ro';
    const text = 'Președintele chinez Xi Jinping l-a primit pe Bill Gates la Beijing.';
    expect(normalizeArticle({ id: 'a', text, lang: 'es' }, { detectLanguage }).lang).toBe('es');
    expect(normalizeArticle({ id: 'a', text }, { detectLanguage }).lang).toBe('ro');
    expect(normalizeArticle({ id: 'a', text }).lang).toBe(guessLanguage(text));
  });

  it('loads a detector only when an article lacks lang', () => {
    expect(needsLanguageDetector([{ id: 'a', text: 'x', lang: 'en' }])).toBe(false);
    expect(
      needsLanguageDetector([
        { id: 'a', text: 'x', lang: 'en' },
        { id: 'b', text: 'y' },
      ]),
    ).toBe(true);
  });
});

describe('eld through the adapter', () => {
  it.each([
    ['en', 'Chinese President Xi Jinping met with former U.S. President Barack Obama in Beijing on Wednesday.'],
    ['es', 'El presidente chino, Xi Jinping, se reunió el miércoles en Pekín con el expresidente estadounidense.'],
    ['fr', 'Le président chinois Xi Jinping a rencontré mercredi à Pékin l’ancien président américain Barack Obama.'],
    ['ro', 'Președintele chinez Xi Jinping i-a spus vineri lui Bill Gates că speră ca prietenia să continue.'],
    ['hr', 'Glavni tajnik UN-a izrazio je duboku tugu zbog gubitka života u potresu u Afganistanu.'],
    ['tr', 'Türkiye’nin ilk astronotu Uluslararası Uzay İstasyonu’ndaki görevini tamamlayarak döndü.'],
    ['ru', 'Нобелевская премия по физике присуждена Пьеру Агостини, Ференцу Краусу и Анн Л’Юилье.'],
    ['zh', '国家主席习近平29日在北京会见美国前总统奥巴马。'],
  ])('reads %s', async (lang, text) => {
    const detect = await loadLanguageDetector();
    expect(detect(text)).toBe(lang);
  });
});

/** The sample as first defined, over the whole text at once: what the line-by-line reading must give. */
function sampleAtOnce(text: string): string {
  const clean = text.replace(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu, ' ');
  const spaceless = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const prose = clean
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      const cjk = [...t].filter((ch) => spaceless.test(ch)).length;
      return t.length >= (cjk * 2 > t.length ? 16 : 40);
    })
    .join('\n');
  const use = prose.length > 0 ? prose : clean;
  return use.length > 1000 ? use.slice(0, 1000) : use;
}

describe('the detection sample, read line by line', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      'Home',
      'News',
      ' ',
      '',
      'https://example.com/a?b=1',
      'WWW.Example.org',
      'httpſ://x.y',
      'a.b+c@mail.example.com',
    ),
    fc.constantFrom('中国共产党', '한국어', 'ひらがな', 'Le président chinois a rencontré', 'x@y', '@', 'www.'),
    fc.string({ maxLength: 12 }),
  );
  const line = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(' '));
  const text = fc.array(line, { maxLength: 14 }).map((lines) => lines.join('\n'));

  it('is the sample of the whole text at once (any lines, URLs, addresses, CJK, past 1,000 characters)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(sampleForDetection(t)).toBe(sampleAtOnce(t));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['an empty text', ''],
    ['a text ending in a line break', 'A line long enough to be read as prose by the sample.\n'],
    ['no prose line, past 1,000 characters', Array.from({ length: 120 }, (_, i) => `menu ${i}`).join('\n')],
    [
      'prose past 1,000 characters',
      Array.from({ length: 40 }, () => 'A sentence of prose that is long enough.').join('\n'),
    ],
    ['an address across lines', 'write to a.b@\nexample.com or to\nc@d.org today, a line of prose long enough'],
  ])('%s', (_name, t) => {
    expect(sampleForDetection(t)).toBe(sampleAtOnce(t));
  });

  it('stops counting letters at enough, and says the same of enough', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 0, max: 40 }), (t, enough) => {
        const all = weightedLetters(t);
        const some = weightedLetters(t, enough);
        expect(some >= enough).toBe(all >= enough);
        expect(some).toBeLessThanOrEqual(all);
      }),
    );
  });
});
