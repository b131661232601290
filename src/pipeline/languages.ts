/**
 * Loading the language detector: eld costs about 1.3 s and 58 MB to load, so it is imported only
 * when some article has no `lang` metadata (metadata always wins), and never by commands that do
 * not normalize text (`--help`, `--version`, `index stats`).
 */
import type { LanguageDetector } from '../core/text/detect.js';
import type { Article } from '../types/index.js';

/** Whether any article lacks `lang` metadata (only then is a detector worth loading). */
export function needsLanguageDetector(articles: readonly Article[]): boolean {
  return articles.some((a) => a.lang === undefined || a.lang === '');
}

/** eld/medium with copydesk's rules (`core/text/eld.ts`), loaded on first call. */
export async function loadLanguageDetector(): Promise<LanguageDetector> {
  const { detectLanguage } = await import('../core/text/eld.js');
  return detectLanguage;
}

/** The detector when the articles need one, else undefined (the scan then uses no detector). */
export async function languageDetectorFor(articles: readonly Article[]): Promise<LanguageDetector | undefined> {
  return needsLanguageDetector(articles) ? loadLanguageDetector() : undefined;
}
