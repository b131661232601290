import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewArticles } from '../../src/core/review/review.js';
import { escapeJsonText, escapeMarkdown, escapeTerminal, hasUnsafeCharacters } from '../../src/report/escape.js';
import { escapeHtml } from '../../src/report/html.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { renderReviewText } from '../../src/report/reviewText.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters no output may hold
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escapeTerminal', () => {
  it.each([
    ['clear screen', '\u001b[2J', '␛[2J'],
    ['OSC 0 window title', '\u001b]0;owned\u0007', '␛]0;owned␇'],
    ['carriage return', 'safe\rEVIL', 'safe␍EVIL'],
    ['line feed and tab', 'a\nb\tc', 'a␊b␉c'],
    ['DEL', 'x\u007f', 'x␡'],
    ['8-bit CSI', '\u009b31m', '\\u{9b}31m'],
    ['right-to-left override', '\u202egnp.exe', '\\u{202e}gnp.exe'],
    ['plain text, accents and CJK', 'Díaz 中国 “talks”', 'Díaz 中国 “talks”'],
  ])('%s', (_name, input, output) => {
    expect(escapeTerminal(input)).toBe(output);
    expect(hasUnsafeCharacters(input)).toBe(input !== output);
  });

  it('leaves no raw control character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(RAW.test(escapeTerminal(s))).toBe(false);
        expect(RAW.test(escapeHtml(s))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['a link to javascript:', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['an image', '![x](https://evil.example/p.png)', '!\\[x\\](https\\://evil.example/p.png)'],
    ['raw HTML', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an entity', '&lt;', '&amp;lt;'],
    ['table pipes', 'a | b', 'a \\| b'],
    ['emphasis and code', '*bold* `code` ~~gone~~', '\\*bold\\* \\`code\\` \\~\\~gone\\~\\~'],
    ['a heading after a quote mark', '# title', '\\# title'],
    [
      'a bare URL (GitHub autolink)',
      'see www.evil.example or https://evil.example',
      'see www\\.evil.example or https\\://evil.example',
    ],
    ['ids with underscores inside words stay readable', '000_b20c2e0df0aa8a72', '000_b20c2e0df0aa8a72'],
    ['an underscore at a word edge', '_emphasis_', '\\_emphasis\\_'],
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
  ])('%s', (_name, input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  it('never lets a bracket, a pipe, a tag or a raw control through unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toMatch(/(?<!\\)(?:\\\\)*[[\]|`*<>]/);
        expect(out).not.toMatch(/[\n\r]/);
        expect(RAW.test(out)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('JSON output', () => {
  it('writes C1, bidi and separator characters as \\u escapes; the parsed value is unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = renderJson(value);
        expect(RAW.test(text.replace(/\n/g, ''))).toBe(false);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
    expect(escapeJsonText('"\u009b\u202e"')).toBe('"\\u009b\\u202e"');
  });

  it('in pieces, byte for byte renderJson, for any value (property)', () => {
    // Objects with arrays (of objects, of arrays, of strings with line breaks, separators and
    // bidi controls), empty ones, undefined members, and values that are not objects at all.
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    const member = fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.constant(undefined), text);
    const value = fc.oneof(
      fc.dictionary(text, member, { maxKeys: 6 }),
      fc.jsonValue(),
      fc.array(fc.dictionary(text, member, { maxKeys: 3 }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect([...renderJsonChunks(v)].join('')).toBe(renderJson(v));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the review in colour', () => {
  it('sends only its own colour codes, never one from the article', () => {
    const a = { id: 'a\u001b[31m', text: 'The council met on Monday \u001b[2J to vote on the budget.' };
    const b = { id: 'b', text: 'The council met on Tuesday \u001b]0;x\u0007 to vote on the budget.' };
    const out = renderReviewText(reviewArticles(a, b), { color: true, layout: 'side-by-side', width: 100 });
    // Our codes are SGR only: ESC [ digits ; digits m.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: our own colour codes are what is removed
    const withoutOurs = out.replace(/\u001b\[[\d;]*m/g, '');
    expect(withoutOurs).not.toContain('\u001b');
    expect(RAW.test(withoutOurs.replace(/\n/g, ''))).toBe(false);
    expect(withoutOurs).toContain('␛');
    expect(withoutOurs).toContain('a␛[31m');
  });
});
