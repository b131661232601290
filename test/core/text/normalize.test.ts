import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOILERPLATE_RULES,
  normalizeArticle,
  sentenceTokens,
  stripBoilerplate,
  tokenCount,
} from '../../../src/core/text/normalize.js';
import type { Sentence } from '../../../src/types/index.js';
import { readSeed } from '../fixtures/seeds.js';

/** Which rule (if any) removes this one line, placed after a title so the title rule cannot fire. */
function ruleFor(line: string): string | undefined {
  const { actions } = stripBoilerplate(`A headline for the test\n\n${line}`);
  return actions.find((a) => a.line === 3)?.rule;
}

describe('boilerplate on the seeds', () => {
  const cases: Array<{ name: string; seed: string; removed: Array<[number, string, string]> }> = [
    {
      name: '000: the headline set apart, the comment form after the article',
      seed: '000',
      removed: [
        [1, 'title', 'China and Cuba working to strengthen mutually beneficial cooperation'],
        [15, 'chrome:comment-form', 'Leave a Reply'],
        [17, 'chrome:comment-form', 'Your email address will not be published. Required fields are marked *'],
      ],
    },
    {
      name: '001: title twice, metadata labels, date line, comment form and captcha',
      seed: '001',
      removed: [
        [1, 'title', 'Communist Parties of Cuba and China highlight ties of friendship'],
        [3, 'chrome:title-repeated', 'Communist Parties of Cuba and China highlight ties of friendship'],
        [4, 'chrome:label', 'Fecha de publicación:'],
        [5, 'chrome:dateline', '28 April 2024'],
        [6, 'chrome:label', 'Imagen principal:'],
        [30, 'chrome:comment-form', 'Add new comment'],
        [32, 'chrome:comment-form', 'This question is for testing whether or not you are a human visitor'],
        [33, 'chrome:comment-form', 'Enter the characters shown in the image.'],
      ],
    },
    {
      name: '002: the headline, the Xinhua time stamp and the photo caption',
      seed: '002',
      removed: [
        [1, 'title', 'Senior CPC, PCC officials hold talks in Beijing'],
        [3, 'chrome:dateline', 'Xinhua) 08:43, April 25, 2023'],
        [5, 'chrome:caption', 'Cai Qi, a member of the Standing Committee'],
      ],
    },
    { name: '003: nothing to remove', seed: '003', removed: [] },
    { name: '004: nothing to remove (trailing blank lines only)', seed: '004', removed: [] },
  ];

  it.each(cases)('$name', ({ seed, removed }) => {
    const text = readSeed(seed);
    const { actions } = normalizeArticle({ id: seed, text });
    expect(actions.map((a) => [a.line, a.rule])).toEqual(removed.map(([line, rule]) => [line, rule]));
    const lines = text.split('\n');
    for (const [i, [line, , start]] of removed.entries()) {
      // The recorded line number points at the removed line of the original text.
      expect(lines[line - 1]?.trim().startsWith(start), `line ${line}`).toBe(true);
      expect(actions[i]?.text?.startsWith(start.slice(0, 60))).toBe(true);
    }
  });

  it('002: the caption is gone from the clean text but the dateline paragraph stays', () => {
    const n = normalizeArticle({ id: '002', text: readSeed('002') });
    expect(n.clean).not.toContain('(Xinhua/Ding Haitao)');
    expect(n.clean).not.toContain('08:43');
    expect(n.clean).toContain('BEIJING, April 24 (Xinhua) -- Senior Communist Party of China (CPC) official Cai Qi');
  });

  it('001: the headline is the title, and the article starts after the metadata', () => {
    const n = normalizeArticle({ id: '001', text: readSeed('001') });
    expect(n.title).toBe('Communist Parties of Cuba and China highlight ties of friendship');
    expect(n.clean.startsWith('Cuba and China highlighted the "close ties')).toBe(true);
    expect(n.clean).not.toMatch(/Fecha|Imagen|captcha|human visitor|Add new comment/i);
  });

  it('with keepChrome, only the boilerplate rules apply and the headline stays in the text', () => {
    const n = normalizeArticle({ id: '001', text: readSeed('001') }, { keepChrome: true });
    const paragraphs = n.clean.split('\n\n');
    expect(paragraphs[0]).toBe('Communist Parties of Cuba and China highlight ties of friendship');
    expect(n.actions.map((a) => a.rule)).toContain('boilerplate:captcha');
    expect(n.actions.some((a) => a.rule.startsWith('chrome:'))).toBe(false);
  });
});

describe('boilerplate rules, line by line', () => {
  const removed: Array<[string, string]> = [
    ['Leave a Reply', 'boilerplate:comment-form'],
    ['Add new comment', 'boilerplate:comment-form'],
    ['Deja un comentario', 'boilerplate:comment-form'],
    ['Enter the characters shown in the image.', 'boilerplate:captcha'],
    ['Fecha de publicación: 28 April 2024', 'boilerplate:metadata-label'],
    ['Imagen principal:', 'boilerplate:metadata-label'],
    ['责任编辑：王明', 'boilerplate:metadata-label'],
    ['来源：新华社', 'boilerplate:metadata-label'],
    ['25 April 2023', 'boilerplate:date-line'],
    ['2023-04-25 08:43', 'boilerplate:date-line'],
    ['Xinhua) 08:43, April 25, 2023', 'boilerplate:timestamp'],
    ['(Reuters) 10:05 GMT | 3 May 2021', 'boilerplate:timestamp'],
    ['Updated 10:05 GMT', 'boilerplate:timestamp'],
    ['Share this article', 'boilerplate:share-prompt'],
    ['Share', 'boilerplate:share-prompt'],
    ['Subscribe to our newsletter', 'boilerplate:share-prompt'],
    ['Follow us on Twitter and Facebook', 'boilerplate:share-prompt'],
    ['Read more', 'boilerplate:share-prompt'],
    ['Delegates pose for a group photo in Havana, Cuba, May 3, 2024. (AP Photo/J. Doe)', 'boilerplate:photo-caption'],
    ['The Great Hall of the People in Beijing. (Photo: Reuters)', 'boilerplate:photo-caption'],
  ];
  it.each(removed)('removes %j (%s)', (line, rule) => {
    expect(ruleFor(line)).toBe(rule);
  });

  // Article sentences that look a little like boilerplate and must stay.
  const kept: Array<[string, string]> = [
    ['a sentence with a date', 'The delegation arrived in Havana on April 25, 2023, for three days of talks.'],
    ['a date followed by a clause', 'April 25, 2023 was the first day of the visit.'],
    ['a sentence starting with Share', 'Share prices in Shanghai rose 2 percent after the talks.'],
    ['a sentence starting with Subscribe', 'Subscribers to the state broadcaster rose 10% last year'],
    ['a sentence starting with Read more', 'Read more books, the minister urged students'],
    ['a sentence starting with Follow us', 'Follow us, the protesters chanted'],
    ['a headline with a time', 'Polls close at 8:00 pm'],
    ['a sentence with a time and a full stop', 'The talks began at 10:30 in the Great Hall.'],
    [
      'a paragraph with brackets',
      'The Communist Party of Cuba (PCC) and the Communist Party of China (CPC) signed a memorandum (in Spanish and Chinese).',
    ],
    ['a paragraph ending in a unit in brackets', 'The new railway runs at 350 kilometres an hour (km/h)'],
    ['a paragraph ending in a ratio', 'Exports grew faster than imports (2.5/3.0)'],
    ['a paragraph ending in a web address', 'The full statement is on the ministry website (www.mfa.gov.cn/eng)'],
    ['a sentence mentioning comments', 'Comments from both sides were published on Monday.'],
    ['a byline-like sentence', 'By the end of the visit, both sides had signed five agreements.'],
    [
      'a Chinese sentence starting with a label word',
      '来源于双方的共识：加强合作，共同发展，推动两国关系不断向前迈进。',
    ],
  ];
  it.each(kept)('keeps %s', (_name, line) => {
    expect(ruleFor(line)).toBeUndefined();
  });

  it('every default rule has a name, a pattern without the sticky g flag, and a length cap', () => {
    for (const r of BOILERPLATE_RULES) {
      // A /g pattern would carry lastIndex from one line to the next in RegExp#test.
      expect(r.pattern.flags).not.toContain('g');
      expect(r.maxLength).toBeGreaterThan(0);
    }
  });

  it('a rule does not remove a line longer than its cap', () => {
    const long = `Share ${'and share again '.repeat(10)}`.trim();
    expect(ruleFor(long)).toBeUndefined();
  });

  it('custom rules replace the defaults', () => {
    const rules = [{ name: 'signature', pattern: /^— the editors$/i, maxLength: 40 }];
    const { paragraphs, actions } = stripBoilerplate('Leave a Reply\n— The Editors', rules);
    expect(paragraphs.map((p) => p.text)).toEqual(['Leave a Reply']);
    expect(actions).toEqual([{ rule: 'boilerplate:signature', line: 2, text: '— The Editors' }]);
  });
});

describe('title and structure', () => {
  it.each([
    ['000', 'China and Cuba working to strengthen mutually beneficial cooperation and promote socialist development'],
    ['001', 'Communist Parties of Cuba and China highlight ties of friendship'],
    ['002', 'Senior CPC, PCC officials hold talks in Beijing'],
    ['003', undefined],
    ['004', undefined],
  ])('seed %s title', (seed, title) => {
    expect(normalizeArticle({ id: seed, text: readSeed(seed) }).title).toBe(title);
  });

  it('metadata title wins over the first line', () => {
    const n = normalizeArticle({ id: 'x', title: 'Given title', text: 'A headline\n\nThe body of the article.' });
    expect(n.title).toBe('Given title');
  });

  it('a lone paragraph is never taken as the title', () => {
    expect(normalizeArticle({ id: 'x', text: 'Just one line without stop' }).title).toBeUndefined();
  });

  it('a repeated title differing only in case and punctuation is collapsed (chrome kept)', () => {
    const text = 'Cuba and China Sign Deal\nCUBA AND CHINA SIGN DEAL!\n\nThe body.';
    const n = normalizeArticle({ id: 'x', text }, { keepChrome: true });
    expect(n.actions).toEqual([{ rule: 'title-repeated', line: 2, text: 'CUBA AND CHINA SIGN DEAL!' }]);
  });

  it('a headline printed twice above an article: the title once, its copy set aside', () => {
    const body = readSeed('004').trim();
    const n = normalizeArticle({
      id: 'x',
      text: `Cuba and China sign trade deal\nCuba and China Sign Trade Deal\n\n${body}`,
    });
    expect(n.title).toBe('Cuba and China sign trade deal');
    expect(n.actions.slice(0, 2).map((a) => [a.line, a.rule])).toEqual([
      [1, 'title'],
      [2, 'chrome:title-repeated'],
    ]);
    expect(n.clean.startsWith('Shanghai Party Secretary')).toBe(true);
  });

  it('sentence offsets point into clean, and tokens are folded', () => {
    const n = normalizeArticle({ id: '000', text: readSeed('000') });
    for (const s of n.sentences) expect(n.clean.slice(s.start, s.end)).toBe(s.text);
    expect(n.tokens).toContain('diaz');
    expect(n.tokens).toContain('favorable'); // "favourable" in the intro, folded
    expect(n.tokens).not.toContain('favourable');
    // The sentences' token ranges tile the tokens, each sentence with at least one.
    expect(n.sentences.map((s) => [s.tokenStart, s.tokenEnd])).toEqual(
      n.sentences.map((s, k) => [k === 0 ? 0 : (n.sentences[k - 1]?.tokenEnd as number), s.tokenEnd]),
    );
    expect(n.sentences.at(-1)?.tokenEnd).toBe(n.tokens.length);
    expect(n.sentences.every((s) => tokenCount(s) > 0)).toBe(true);
    expect(sentenceTokens(n, n.sentences[0] as Sentence)).toEqual(
      n.tokens.slice(0, tokenCount(n.sentences[0] as Sentence)),
    );
    expect(n.lang).toBe('en');
  });

  it('curly quotes, non-breaking spaces and zero-width characters do not change the tokens', () => {
    const a = normalizeArticle({ id: 'a', text: 'China’s “great cause”\u00a0of reunification.' });
    const b = normalizeArticle({ id: 'b', text: 'China\'s "great\u200b cause" of reunification.' });
    expect(a.tokens).toEqual(b.tokens);
  });

  it('Windows and old Mac line ends count lines like Unix ones', () => {
    const { actions } = stripBoilerplate('Title\r\n\r\nBody text here.\rLeave a Reply');
    expect(actions).toEqual([{ rule: 'boilerplate:comment-form', line: 4, text: 'Leave a Reply' }]);
  });
});

describe('properties', () => {
  // The text normalization (white space, NFC, boilerplate rules) is a fixed point. Body
  // extraction is a choice among lines that depends on the lines around each (jusText's context
  // rules), so a soup of chrome fragments can lose a line more on a second pass; on real pages
  // (the seeds, below) the extracted body is kept whole.
  const same = (text: string) => {
    const once = normalizeArticle({ id: 'p', text }, { keepChrome: true });
    const twice = normalizeArticle({ id: 'p', text: once.clean }, { keepChrome: true });
    expect(twice.clean).toBe(once.clean);
    expect(twice.tokens).toEqual(once.tokens);
    expect(twice.title).toBe(once.title);
    expect(twice.actions).toEqual([]);
  };
  const sameBody = (text: string) => {
    const once = normalizeArticle({ id: 'p', text });
    const twice = normalizeArticle({ id: 'p', text: once.clean });
    // The headline was set apart the first time: the cleaned text has none left to find.
    expect(twice.clean).toBe(once.clean);
    expect(twice.tokens).toEqual(once.tokens);
    expect(twice.actions).toEqual([]);
  };

  it.each(['000', '001', '002', '003', '004'])(
    'the extracted body of seed %s is kept whole on a second pass',
    (seed) => {
      sameBody(readSeed(seed));
    },
  );

  it.each(['000', '001', '002', '003', '004'])('normalization is idempotent on seed %s', (seed) => {
    same(readSeed(seed));
  });

  it('normalization is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => same(text)),
      { numRuns: 300 },
    );
  });

  it('normalization is idempotent on lines built from article material and boilerplate', () => {
    const pieces = [
      'Leave a Reply',
      'Share',
      'Polls close at 8:00 pm',
      'Xinhua) 08:43, April 25, 2023',
      'Cuba and China highlighted the "close ties of friendship".',
      'café',
      'e\u200b\u0301',
      '\u00a0',
      '\ufeff',
      '\u2028',
      '28 April 2024',
      'Fecha de publicación:',
      '(Xinhua/Ding Haitao)',
      'Díaz-Canel.',
      '',
    ];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\n\n'), (lines, sep) =>
        same(lines.join(sep)),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode, and every action names a real line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const n = normalizeArticle({ id: 'p', text });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const a of n.actions) expect(a.line).toBeGreaterThanOrEqual(1);
        for (const a of n.actions) expect(a.line).toBeLessThanOrEqual(lines);
        for (const s of n.sentences) expect(n.clean.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });
});
