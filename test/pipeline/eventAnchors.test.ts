/**
 * The events stage reads each document's anchors (names, numbers, dates). In a scan across
 * languages the cross-language profiles have read them already, with the same equivalents table;
 * where no dictionary added names (`reusableAnchors` in pipeline/scan.ts) the scan reuses them
 * instead of reading the text again. These cases hold that reuse to the reading it replaces: a
 * loader that parses its own copy of the table (so nothing is reused) gives the same result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { type CrossLanguageOptions, loadCrossLanguage } from '../../src/pipeline/crossLanguage.js';
import type { CrossLanguageLoader } from '../../src/pipeline/crossStage.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import type { Article } from '../../src/types/index.js';
import { EVAL_DIR, readEvalRows } from '../helpers/fixtures.js';

const WEB_MULTI = join(EVAL_DIR, 'web-multi.jsonl');

/** The default loader, but with a table of its own: the profiles' anchors are never reused. */
const ownTable: CrossLanguageLoader = (needs, options) => {
  const { equivalents: _shared, ...rest } = options;
  return loadCrossLanguage(needs, rest);
};

describe.skipIf(!existsSync(WEB_MULTI))('events: anchors reused from the profiles (needs ../shared/eval)', async () => {
  const equivalents = parseEquivalents(await readEquivalentsText());
  // Real pages in many languages: the first 24 of web-multi (several families, 9 languages). Read
  // in the tests: a skipped describe still runs its body.
  const articles = (): Article[] =>
    readEvalRows(WEB_MULTI)
      .slice(0, 24)
      .map((r) => ({ id: r.id, text: r.text, lang: r.lang }));

  it.each<[string, CrossLanguageOptions]>([
    ['without dictionaries (every document reuses)', { dictionaries: false }],
    ['with the dictionaries installed here (languages without one reuse)', {}],
  ])('%s: the same result as reading every text again', (_name, crossLanguage) => {
    const corpus = articles();
    const reused = scanCorpus(corpus, { anchors: { equivalents }, crossLanguage });
    const readAgain = scanCorpus(corpus, { anchors: { equivalents }, crossLanguage, loadCrossLanguage: ownTable });
    expect(new Set(corpus.map((a) => a.lang)).size).toBeGreaterThan(3);
    expect(reused.events?.length).toBeGreaterThan(0);
    expect(reused).toEqual(readAgain);
  });
});
