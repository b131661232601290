import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  CHROME_RULES,
  type ClassifiedLine,
  explainBlocks,
  extractBody,
  joinedStart,
  lineKey,
  siteRecurringLines,
} from '../../../src/core/text/body.js';
import { BODY_CASES, P1, P2, P3 } from './fixtures/bodyCases.js';

/** Class of the (first) line whose text contains `needle`. */
function classOf(lines: ClassifiedLine[], needle: string): string {
  const l = lines.find((x) => x.text.includes(needle));
  if (!l) throw new Error(`no line with ${needle}`);
  return `${l.class}/${l.reason}`;
}

describe('extractBody: named cases', () => {
  for (const c of BODY_CASES) {
    it(c.name, () => {
      const r = extractBody(c.text, { lang: c.lang });
      for (const [needle, want] of Object.entries(c.expect)) {
        const got = classOf(r.lines, needle);
        if (want.endsWith('/')) expect(`${needle} → ${got.split('/')[0]}/`).toBe(`${needle} → ${want}`);
        else expect(`${needle} → ${got}`).toBe(`${needle} → ${want}`);
      }
      if (c.fallback !== undefined) expect(r.fallback).toBe(c.fallback);
    });
  }
});

describe('site-recurring lines', () => {
  const page = (story: string): string =>
    `Home | World | Business | Sport\n\n${story}\n\nThe Daily Planet is a member of the Independent Press Standards Organisation.`;
  it('marks lines the caller knows recur on the site, and nothing else', () => {
    const site = new Set([lineKey('The Daily Planet is a member of the Independent Press Standards Organisation.')]);
    const r = extractBody(page(`${P1}\n\n${P2}`), { siteLines: site });
    expect(classOf(r.lines, 'Daily Planet')).toBe('chrome/site-recurring');
    expect(classOf(r.lines, 'national weather')).toBe('body/good');
  });

  it('counts pages of the same host only, and one story once', () => {
    const pages = [
      { host: 'www.planet.example', text: page(P1) },
      { host: 'planet.example', text: page(P2) },
      { host: 'planet.example', text: page(P3) },
      // the same story again (an update): counts once with its first version
      { host: 'planet.example', text: page(`${P3}\n\nA later paragraph added to the update of the story.`) },
      // another site carrying the same wire story three times
      { host: 'wire.example', text: P1 },
      { host: 'copy.example', text: P1 },
      { host: 'other.example', text: P1 },
    ];
    const byHost = siteRecurringLines(pages, { minPages: 3 });
    const planet = byHost.get('planet.example') ?? new Set<string>();
    expect(planet.has(lineKey('The Daily Planet is a member of the Independent Press Standards Organisation.'))).toBe(
      true,
    );
    expect(planet.has(lineKey('Home | World | Business | Sport'))).toBe(true);
    expect(planet.has(lineKey(P3))).toBe(false);
    // P1 is on three sites but once per site: never site chrome
    for (const set of byHost.values()) expect(set.has(lineKey(P1))).toBe(false);
  });
});

describe('options', () => {
  it("takes the caller's chrome rules instead of the built-in ones", () => {
    const text = `${P1}\n\nPlanet Plus members read ad-free\n\n${P2}`;
    expect(classOf(extractBody(text).lines, 'Planet Plus')).toBe('body/short-kept');
    const rules = [...CHROME_RULES, { reason: 'house-ad', insert: true, maxLen: 60, pattern: /^planet plus\b/u }];
    expect(classOf(extractBody(text, { chromeRules: rules }).lines, 'Planet Plus')).toBe('chrome/house-ad');
  });

  it('explainBlocks gives the features behind each class', () => {
    const blocks = explainBlocks(`Home | News | Sport | Weather\n\n${P1}\n\n${P2}`);
    expect(blocks.map((b) => [b.lines, b.hard ?? b.initial, b.final])).toEqual([
      [[1], 'menu', 'chrome'],
      [[3], 'good', 'body'],
      [[5], 'good', 'body'],
    ]);
    expect(blocks[1]?.densityRatio).toBeGreaterThan(0.5);
  });
});

describe('lineKey', () => {
  it.each([
    ['  Share this  ARTICLE! ', 'share this article'],
    ['Updated: 3:17 pm', 'updated 0 0 pm'],
    [' date 2022-09-05 Strong earthquake shakes China', 'strong earthquake shakes china'],
    ['Séisme au Maroc : L’ONU', 'seisme au maroc l onu'],
  ])('%j → %j', (input, want) => {
    expect(lineKey(input)).toBe(want);
  });
});

describe('bodyText', () => {
  it('joins body paragraphs and leaves chrome and the title out', () => {
    const r = extractBody(`Storm to hit coast on Tuesday\n\nShare this article\n\n${P1}\n\n${P2}`);
    expect(bodyText(r)).toBe(`${P1}\n\n${P2}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over texts built from a seeded generator (no dependency): deterministic runs.

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SENTENCES = [
  P1,
  P2,
  P3,
  'Shallower quakes tend to cause more damage.',
  'Sichuan is regularly hit by earthquakes.',
];
const CHROME = [
  'Home | News | Sport | Weather',
  'Share this article',
  'Advertisement',
  'Sign in',
  'Most read',
  '0:00',
  'Subscribe to our newsletter',
];
const NOISE = ['', ' ', 'a', '…', '1', '|', '\t', 'Menu', 'ok', '»»'];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 14);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = [SENTENCES, CHROME, NOISE][Math.floor(next() * 3)] as string[];
    lines.push(pool[Math.floor(next() * pool.length)] as string);
  }
  return lines.join(next() < 0.5 ? '\n' : '\n\n');
}

describe('properties', () => {
  it('joinedStart is the start of all the lines joined, whatever the lines and the length', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.integer({ min: 0, max: 80 }), (lines, n) => {
        expect(joinedStart(lines, n)).toBe(lines.join('\n').slice(0, n));
      }),
      { numRuns: 3000 },
    );
    // The edge: the first lines joined are one short of n, and the separator after them counts.
    expect(joinedStart(['abc', 'def'], 4)).toBe('abc\n');
  });

  it('classifies every non-blank line once, in order, with its own text', () => {
    const next = rng(1);
    for (let k = 0; k < 300; k++) {
      const text = randomText(next);
      const input = text.split('\n');
      const r = extractBody(text);
      const nonBlank = input.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '');
      expect(r.lines.map((l) => l.line)).toEqual(nonBlank.map(([, n]) => n));
      expect(r.lines.map((l) => l.text)).toEqual(nonBlank.map(([l]) => l));
    }
  });

  it('never empties a text that has a non-blank line', () => {
    const next = rng(2);
    for (let k = 0; k < 300; k++) {
      const text = randomText(next);
      const r = extractBody(text);
      if (r.lines.length > 0) expect(r.lines.some((l) => l.class === 'body')).toBe(true);
    }
  });

  it('is deterministic and pure (same input, same output; options object untouched)', () => {
    const next = rng(3);
    for (let k = 0; k < 100; k++) {
      const text = randomText(next);
      const options = { lang: 'en', siteLines: new Set(['share this article']) };
      const a = extractBody(text, options);
      const b = extractBody(text, options);
      expect(b).toEqual(a);
      expect([...options.siteLines]).toEqual(['share this article']);
    }
  });

  it('chrome around a clean article does not remove its paragraphs', () => {
    const next = rng(4);
    for (let k = 0; k < 100; k++) {
      const paragraphs = Array.from(
        { length: 1 + Math.floor(next() * 3) },
        () => SENTENCES[Math.floor(next() * 3)] as string,
      );
      const before = Array.from(
        { length: Math.floor(next() * 4) },
        () => CHROME[Math.floor(next() * CHROME.length)] as string,
      );
      const after = Array.from(
        { length: Math.floor(next() * 4) },
        () => CHROME[Math.floor(next() * CHROME.length)] as string,
      );
      const text = [...before, '', ...paragraphs.flatMap((p) => [p, '']), ...after].join('\n');
      const r = extractBody(text);
      for (const l of r.lines) {
        if (paragraphs.includes(l.text) && !r.lines.some((o) => o !== l && o.text === l.text))
          expect(l.class).toBe('body');
        if (CHROME.includes(l.text) && l.text !== 'Most read') expect(l.class).toBe('chrome');
      }
    }
  });
});
