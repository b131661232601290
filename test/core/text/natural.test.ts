import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getStemmer, getStopwords } from '../../../src/core/text/natural.js';
import { foldWord } from '../../../src/core/text/tokens.js';

describe('stemmers (loaded by subpath)', () => {
  it('the English Porter stemmer does not join favour and favor: spelling is folded first', () => {
    const porter = getStemmer('en');
    expect(porter).toBeDefined();
    expect(porter?.stem('favour')).toBe('favour');
    expect(porter?.stem('favor')).toBe('favor');
    expect(porter?.stem(foldWord('favourable'))).toBe(porter?.stem('favorable'));
  });

  it.each([
    ['en', 'talks', 'talk'],
    ['en', 'cooperation', 'cooper'],
    ['es', 'acuerdos', 'acuerd'],
    ['de', 'Beziehungen', 'bezieh'],
    ['fr', 'relations', 'relat'],
    ['ru', 'отношения', 'отношен'],
  ])('%s: %s → %s', (lang, word, stem) => {
    expect(getStemmer(lang)?.stem(word.toLowerCase())).toBe(stem);
  });

  it.each(['und', 'zh', 'ja', 'xx', ''])('no stemmer for %j', (lang) => {
    expect(getStemmer(lang)).toBeUndefined();
  });

  it('a region subtag or capitals select the language', () => {
    expect(getStemmer('EN-GB')).toBe(getStemmer('en'));
    expect(getStemmer('pt-BR')).toBe(getStemmer('pt'));
  });
});

describe('stop words', () => {
  it.each([
    ['en', 'the'],
    ['en', 'and'],
    ['es', 'mas'], // "más" in natural's list, folded like our tokens
    ['es', 'tambien'],
    ['de', 'fur'], // "für"
    ['de', 'uber'], // "über"
    ['fr', 'les'],
  ])('%s has %s', (lang, word) => {
    expect(getStopwords(lang).has(word)).toBe(true);
  });

  it('every listed word is in its folded form', () => {
    for (const lang of ['en', 'es', 'de', 'fr', 'it', 'pt', 'ru', 'zh', 'ja']) {
      for (const w of getStopwords(lang)) expect(foldWord(w), `${lang}: ${w}`).toBe(w);
    }
  });

  it.each(['und', 'xx', ''])('unknown language %j → an empty list', (lang) => {
    expect(getStopwords(lang).size).toBe(0);
  });

  it('content words are not stop words', () => {
    expect(getStopwords('en').has('cuba')).toBe(false);
    expect(getStopwords('es').has('acuerdos')).toBe(false);
  });
});

describe('importing the core does not load natural’s index', () => {
  it('only the stemmer and stop-word subpaths are loaded, and nothing is printed but our line', () => {
    const script = fileURLToPath(new URL('./fixtures/loadCore.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stdout.trim().split('\n');
    // The bare `natural` index runs dotenv, which prints "injected env" lines on stdout.
    expect(lines).toHaveLength(1);
    expect(child.stdout).not.toMatch(/dotenv|injected env/);
    const { terms, loaded } = JSON.parse(lines[0] as string) as { terms: string[]; loaded: string[] };
    expect(terms).toEqual(['favor', 'talk', 'lo', 'acuerdo', 'acuerd']);
    expect(loaded).not.toContain('natural/lib/natural/index.js');
    expect(loaded.every((m) => /^natural\/lib\/natural\/(stemmers|util|tokenizers)\//.test(m))).toBe(true);
    expect(loaded).toContain('natural/lib/natural/stemmers/porter_stemmer.js');
    expect(loaded).toContain('natural/lib/natural/util/stopwords.js');
  });
});
