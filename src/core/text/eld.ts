/**
 * The one file that touches `eld` (pinned 2.1.0, Apache-2.0, pure JS): language identification
 * with its medium database, under the rules of `detect.ts`. Chosen over franc-min, tinyld and
 * cld3-asm by measurement (research/langid/REPORT.md): the only one right on every language of
 * the real pages (Romanian, Croatian and Turkish included), and the best on short text.
 *
 * eld is ESM-only and loading its database costs about 1.3 s of CPU and 58 MB of heap, so nothing
 * imports this module statically: the pipeline loads it with `import()` when an article lacks
 * `lang` metadata (pipeline/languages.ts), and commands that never normalize never pay for it.
 */
import { eld } from 'eld/medium';
import { createLanguageDetector, type LanguageDetector } from './detect.js';

/** eld/medium with the prose-line, 20-letter and 0.01-margin rules. */
export const detectLanguage: LanguageDetector = createLanguageDetector(eld);
