/**
 * `mayEndWithCredit` is a prefilter of `CAPTION_CREDIT_END`: every line the pattern matches must
 * pass it (else a caption would be kept as body text), on strings built from the pattern's own
 * pieces, on arbitrary strings, and on every line of the seeds and the real scraped pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTION_CREDIT_END, mayEndWithCredit } from '../../../src/core/text/chromePatterns.js';
import { CORPUS, EVAL_DIR, readEvalRows } from '../../helpers/fixtures.js';

/** The pattern's literals and character classes, with text and whitespace around them. */
// biome-ignore format: a table
const PIECES = [
  '(', ')', '[', ']', '/', ':', '=', '©', '.', ',', '-', "'", ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\n',
  'Photo', 'photo', 'PHOTO', 'Foto', 'Credit', 'credit', 'Source', 'Image', 'Picture', 'via', 'Getty', 'Getty Images',
  'iStock', 'istock', 'Shutterstock', 'AFP', 'AP Photo', 'Reuters', 'REUTERS', 'XINHUA', 'AP', 'Carlo Allegri',
  'Ding Haitao', 'ESO', 'word', 'Liberia', '2024', 'é', '记者', '新华社', '中新社', '黄敬文', '摄', '사진', '연합뉴스',
];

const builtLine = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));

/** Each line of the text, trimmed at its end as `isCaption` passes it. */
const endTrimmedLines = (text: string): string[] => text.split(/\r\n|\r|\n/).map((l) => l.trimEnd());

function failures(lines: readonly string[]): string[] {
  return lines.filter((t) => CAPTION_CREDIT_END.test(t) && !mayEndWithCredit(t));
}

describe('the photo-credit prefilter', () => {
  it('passes every line the pattern matches, on lines built from its pieces and on any string', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.oneof(builtLine, fc.string({ unit: 'grapheme', maxLength: 60 })), (s) => {
        const t = s.trimEnd();
        if (CAPTION_CREDIT_END.test(t)) {
          matched++;
          expect(mayEndWithCredit(t)).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches the pattern often enough for the property to mean something.
    expect(matched).toBeGreaterThan(500); // about 950 of the 20,000
  });

  it.each([
    ['Rescuers search the rubble. (Photo: AFP)', true],
    ['The telescope array. (M. Kornmesser/ESO via AP)', true],
    ['Traders work on the floor. REUTERS/Carlo Allegri', true],
    ['Credit: AP', true],
    ['© Stephane Mahe, Reuters', true],
    ['Workers at the port. [Photo/Xinhua]', true],
    ['新华社记者 黄敬文摄', true],
    ['A clinic in Monrovia, Liberia Getty', true],
    ['사진=연합뉴스', true],
    ['The talks ended on Friday without an agreement.', false],
    ['He said the two parties would deepen exchanges (Agencies)', false],
  ])('%s: the pattern %s, the prefilter agrees', (line, caption) => {
    expect(CAPTION_CREDIT_END.test(line)).toBe(caption);
    if (caption) expect(mayEndWithCredit(line)).toBe(true);
  });

  it('fails most lines of the seeds (the reason it exists) and passes every one the pattern matches', () => {
    const lines = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => endTrimmedLines(readFileSync(join(CORPUS, f), 'utf8')))
      .filter((l) => l !== '');
    expect(failures(lines)).toEqual([]);
    expect(lines.filter(mayEndWithCredit).length).toBeLessThan(lines.length / 2);
  });

  const pages = ['web-wire.jsonl', 'web-multi.jsonl'].map((f) => join(EVAL_DIR, f));
  it.skipIf(!pages.every(existsSync))(
    'passes every line of the real scraped pages the pattern matches (skipped: ../shared/eval web-*.jsonl absent)',
    () => {
      const lines = pages.flatMap((p) => readEvalRows(p).flatMap((r) => endTrimmedLines(r.text)));
      expect(lines.filter((t) => CAPTION_CREDIT_END.test(t)).length).toBeGreaterThan(10);
      expect(failures(lines)).toEqual([]);
    },
  );
});
