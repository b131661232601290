import { describe, expect, it } from 'vitest';
import { americanizeWord } from '../../../src/core/text/spelling.js';
import { foldWord } from '../../../src/core/text/tokens.js';

describe('americanizeWord: British → American', () => {
  it.each([
    // -our
    ['favourable', 'favorable'],
    ['favour', 'favor'],
    ['favourite', 'favorite'],
    ['colour', 'color'],
    ['colourful', 'colorful'],
    ['honours', 'honors'],
    ['labour', 'labor'],
    ['neighbouring', 'neighboring'],
    ['behaviour', 'behavior'],
    ['harbour', 'harbor'],
    ['rumours', 'rumors'],
    ['endeavour', 'endeavor'],
    // -ise → -ize, with derived forms
    ['organisation', 'organization'],
    ['organisations', 'organizations'],
    ['organisational', 'organizational'],
    ['organised', 'organized'],
    ['recognise', 'recognize'],
    ['realising', 'realizing'],
    ['modernisation', 'modernization'],
    ['characterise', 'characterize'],
    ['prioritise', 'prioritize'],
    ['economise', 'economize'],
    ['emphasises', 'emphasizes'],
    ['recognisable', 'recognizable'],
    // -re → -er
    ['centre', 'center'],
    ['centres', 'centers'],
    ['theatre', 'theater'],
    ['kilometres', 'kilometers'],
    // doubled l
    ['travelled', 'traveled'],
    ['travelling', 'traveling'],
    ['traveller', 'traveler'],
    ['cancelled', 'canceled'],
    ['labelled', 'labeled'],
    ['modelling', 'modeling'],
    ['counsellor', 'counselor'],
    ['marvellous', 'marvelous'],
    // single words
    ['defence', 'defense'],
    ['offence', 'offense'],
    ['licence', 'license'],
    ['programme', 'program'],
    ['programmes', 'programs'],
    ['analyse', 'analyze'],
    ['analysed', 'analyzed'],
    ['catalogue', 'catalog'],
    ['judgement', 'judgment'],
    ['towards', 'toward'],
    ['grey', 'gray'],
  ])('%s → %s', (british, american) => {
    expect(americanizeWord(british)).toBe(american);
  });
});

describe('americanizeWord: words that must stay', () => {
  it.each([
    // -our that is not a British spelling
    'four',
    'hour',
    'hours',
    'tour',
    'tourism',
    'your',
    'yours',
    'flour',
    'detour',
    'contour',
    'devour',
    'glamour',
    // -ise that American English spells -ise too
    'advertise',
    'enterprise',
    'compromise',
    'exercise',
    'surprise',
    'supervise',
    'promise',
    'premise',
    'revise',
    'televise',
    'economist',
    'economic',
    'priorities',
    'authorities',
    'categories',
    'criticism',
    'characteristic',
    'organism',
    'realism',
    'capitalist',
    'emphases',
    // -l words whose double l is the same in both
    'compel',
    'compelled',
    'control',
    'controlled',
    'patrol',
    'patrolled',
    'cancellation',
    'installation',
    // names of Object.prototype properties (a plain-object lookup would return them)
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    // already American
    'favorable',
    'organization',
    'center',
    'traveled',
    'defense',
    'program',
  ])('%s', (word) => {
    expect(americanizeWord(word)).toBe(word);
  });
});

describe('americanizeWord inside foldWord', () => {
  it.each([
    ['Favourable', 'favorable'],
    ['ORGANISATION', 'organization'],
    ['Centre', 'center'],
  ])('%s folds to %s', (word, folded) => {
    expect(foldWord(word)).toBe(folded);
  });

  it('is idempotent on its own output', () => {
    for (const w of ['favourable', 'organisation', 'travelled', 'centre', 'programme', 'analyse', 'four']) {
      const once = americanizeWord(w);
      expect(americanizeWord(once)).toBe(once);
    }
  });
});
