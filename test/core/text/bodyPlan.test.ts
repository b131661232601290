import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBody } from '../../../src/core/text/body.js';
import { BODY_PLAN_VERSION, bodyPlan, linesByPlan } from '../../../src/core/text/bodyPlan.js';
import { selectByPlan, selectParagraphs } from '../../../src/core/text/normalize.js';
import { EVAL_DIR, readEvalRows } from '../../helpers/fixtures.js';
import { readSeed, SEED_PREFIXES } from '../fixtures/seeds.js';
import { BODY_CASES, P1, P2, P3 } from './fixtures/bodyCases.js';

interface Text {
  name: string;
  text: string;
  lang?: string;
}

const TEXTS: Text[] = [
  ...BODY_CASES.map((c) => ({ name: c.name, text: c.text, ...(c.lang ? { lang: c.lang } : {}) })),
  ...SEED_PREFIXES.map((p) => ({ name: `seed ${p}`, text: readSeed(p) })),
];

/** `selectParagraphs` made again from its plan: the same selection, plan and all. */
function again(t: Text) {
  const selected = selectParagraphs(t.text, t.lang);
  return { selected, planned: selected.plan === undefined ? undefined : selectByPlan(t.text, selected.plan) };
}

describe('body plans: the same selection without extracting the body again', () => {
  it.each(TEXTS)('$name', (t) => {
    const { selected, planned } = again(t);
    expect(selected.plan).toMatch(new RegExp(`^${BODY_PLAN_VERSION}\\|`));
    expect(planned).toEqual(selected);
  });

  it('holds for texts made of page lines in any order (menus, captions, bylines, wrapped lines, blank lines, CRLF)', () => {
    const pool = [
      P1,
      P2,
      P3,
      'Home | World | Business | Sport',
      'Share this article',
      'By Jane Doe, Reuters',
      'April 25, 2023 08:43',
      'The minister arrives in Havana. (Xinhua/Ding Haitao)',
      'Read more',
      'China, Cuba pledge closer ties',
      'the storm would reach the coast on Tuesday night, bringing heavy rain and winds',
      'of up to 120 kilometres an hour to towns that are still rebuilding after last',
      'year’s floods, officials said on Monday.',
      '\u200b',
      '   ',
      '© 2023 The Daily Planet. All rights reserved.',
      'Los ministros se reunieron en La Habana para firmar el acuerdo de cooperación.',
    ];
    const texts = fc.record({
      lines: fc.array(fc.constantFrom(...pool), { minLength: 0, maxLength: 14 }),
      breaks: fc.array(fc.constantFrom('\n', '\n\n', '\r\n', '\r'), { minLength: 14, maxLength: 14 }),
      lang: fc.constantFrom(undefined, 'en', 'es'),
    });
    fc.assert(
      fc.property(texts, ({ lines, breaks, lang }) => {
        const text = lines.map((l, i) => l + (breaks[i] as string)).join('');
        const { selected, planned } = again({ name: '', text, ...(lang ? { lang } : {}) });
        expect(planned).toEqual(selected);
      }),
      { numRuns: 300, seed: 57 },
    );
  });

  const pages = ['web-wire.jsonl', 'web-multi.jsonl'].map((f) => join(EVAL_DIR, f));
  it.skipIf(!pages.every(existsSync))(
    'holds for every real scraped page of web-wire and web-multi (skipped: ../shared/eval absent)',
    () => {
      let planned = 0;
      for (const file of pages)
        for (const row of readEvalRows(file)) {
          const t = { name: row.id, text: row.text, ...(row.lang ? { lang: row.lang } : {}) };
          const got = again(t);
          expect(got.planned, t.name).toEqual(got.selected);
          planned++;
        }
      expect(planned).toBeGreaterThan(100);
    },
  );
});

describe('body plans that do not hold are not read', () => {
  const text = `China, Cuba pledge closer ties\n\n${P1}\n\nHome | World | Business | Sport\n\n${P2}`;
  const plan = selectParagraphs(text, 'en').plan as string;

  it.each([
    ['another version', plan.replace(/^\d+\|/, `${BODY_PLAN_VERSION + 1}|`)],
    ['no version', plan.slice(plan.indexOf('|') + 1)],
    ['a line more', `${plan},b`],
    ['a line fewer', plan.replace(/,[^,]*$/, '')],
    ['an unknown class', plan.replace(/\|./, '|x')],
    ['a count of one', `${plan}*1`],
    ['a count that is no number', `${plan}*two`],
    ['a count past the text (a damaged index: never unrolled)', `${plan},cmenu*99999999999`],
    ['a body line with a reason', plan.replace(/\|t/, '|bgood')],
    ['a first line joined to the line before', plan.replace(/\|t/, '|t+')],
  ])('%s', (_name, bad) => {
    expect(bad).not.toBe(plan);
    expect(selectByPlan(text, bad)).toBeUndefined();
  });

  it('another text with another number of lines, and its own text line for line', () => {
    // Plans are kept beside their own text: `linesByPlan` checks that one fits by its lines' count.
    expect(selectByPlan(`${P1}\n\n${P2}`, plan)).toBeUndefined();
    expect(linesByPlan(text, plan)?.map((l) => l.clean)).toEqual(text.split('\n\n'));
  });

  it('is written short: runs of one token once, with their count', () => {
    const menu = Array.from({ length: 12 }, (_, i) => `Section ${i + 1}`).join('\n');
    const page = `${menu}\n\n${P1}\n\n${P2}`;
    const made = selectParagraphs(page, 'en').plan as string;
    expect(made).toMatch(/\*\d+/);
    expect(made.length).toBeLessThan(40);
    expect(selectByPlan(page, made)).toEqual(selectParagraphs(page, 'en'));
  });

  it('is not made for a chrome reason the form cannot hold, nor with site lines or with the chrome kept', () => {
    const line = { line: 1, clean: 'x', class: 'chrome' as const, reason: 'a,b', block: 0 };
    expect(bodyPlan([line])).toBeUndefined();
    expect(bodyPlan([{ ...line, reason: 'menu' }])).toBe(`${BODY_PLAN_VERSION}|cmenu`);
    expect(selectParagraphs(text, 'en', { siteLines: new Set() }).plan).toBeUndefined();
    expect(selectParagraphs(text, 'en', { keepChrome: true }).plan).toBeUndefined();
  });
});

/**
 * What body extraction makes of the texts above, pinned to the plan version: an index keeps the
 * plans of the extraction that wrote them, so a change to extraction must change
 * `BODY_PLAN_VERSION` (src/core/text/bodyPlan.ts), or the gate would read old plans as new ones.
 * When this fails because extraction was changed on purpose: raise the version, and put the
 * printed digest here under it.
 */
const EXTRACTION_DIGESTS: Record<number, string> = {
  1: 'f4925191793b2b995888d5a5894c7c043025061cb6f290496633c5687d9ba6a9',
};

describe('body plan version', () => {
  it('names the extraction that makes the plans (change BODY_PLAN_VERSION when extraction changes)', () => {
    const hash = createHash('sha256');
    for (const t of TEXTS) {
      const { lines } = extractBody(t.text.normalize('NFC'), t.lang ? { lang: t.lang } : {});
      hash.update(JSON.stringify([t.name, lines.map((l) => [l.line, l.class, l.reason, l.block])]));
    }
    const digest = hash.digest('hex');
    expect(
      EXTRACTION_DIGESTS[BODY_PLAN_VERSION],
      `extraction now gives ${digest}: raise BODY_PLAN_VERSION and record it`,
    ).toBe(digest);
  });
});
