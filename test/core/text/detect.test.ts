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
