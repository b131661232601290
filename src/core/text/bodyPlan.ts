/**
 * A body plan: what body extraction decided for each line of a text, written as a short string
 * so that an index can keep it beside the text and paragraph selection can be made again from
 * the text without extracting the body again (`selectByPlan` in normalize.ts).
 *
 * Why: the gate normalizes every candidate it verifies from the stored text, and body extraction
 * was the largest part of that (0.85 of 1.8 ms a candidate on the index bench's 100k index,
 * `scripts/gateSteps.ts`), while the selection made again from a plan splits and cleans the lines
 * and applies the boilerplate rules: 0.11 ms there.
 *
 * The form: `BODY_PLAN_VERSION`, `|`, then one token per line that is not empty once cleaned, in
 * order, separated by `,`: the line's class (`b` body, `t` title, `c` chrome), `+` when the line
 * is in the block of the line before it (one hard-wrapped paragraph), and, for chrome, the reason
 * (what paragraph selection writes in its actions). A token repeated n times in a row is written
 * once followed by `*n`. "2|t,b,b+,b+,cmenu*12" is a headline, a paragraph of three lines, and
 * twelve menu lines.
 *
 * A plan is only as good as the extraction that made it: `BODY_PLAN_VERSION` names the extraction
 * it comes from, and a plan of another version is not read (the text is extracted again). A test
 * pins what extraction gives on fixed texts to the version, so that a change to extraction fails
 * it until the version changes.
 */
import type { ClassifiedLine, LineClass } from './body.js';
import { cleanLine } from './chars.js';

/**
 * The version of body extraction plans are made by. Change it whenever `extractBody` classifies
 * or groups some line differently (test/core/bodyPlan.test.ts fails until then).
 */
export const BODY_PLAN_VERSION = 1;

/** What paragraph selection reads of an extracted line. */
export type PlannedLine = Pick<ClassifiedLine, 'line' | 'clean' | 'class' | 'reason' | 'block'>;

const CLASS_CODE: Record<LineClass, string> = { body: 'b', title: 't', chrome: 'c' };
const CODE_CLASS: Record<string, LineClass> = { b: 'body', t: 'title', c: 'chrome' };

/** A chrome reason a plan can hold as it is: nothing that separates tokens. */
const PLAIN_REASON = /^[a-z0-9-]*$/;

/**
 * The plan of an extraction's lines (`extractBody(…).lines`, in their order), or undefined when
 * a reason holds a character the form cannot (no reason copydesk gives does).
 */
export function bodyPlan(lines: readonly PlannedLine[]): string | undefined {
  const tokens: string[] = [];
  let previous = -1;
  for (const l of lines) {
    if (l.class === 'chrome' && !PLAIN_REASON.test(l.reason)) return undefined;
    tokens.push(`${CLASS_CODE[l.class]}${l.block === previous ? '+' : ''}${l.class === 'chrome' ? l.reason : ''}`);
    previous = l.block;
  }
  let out = `${BODY_PLAN_VERSION}|`;
  for (let i = 0; i < tokens.length; ) {
    let j = i + 1;
    while (j < tokens.length && tokens[j] === tokens[i]) j++;
    out += `${i > 0 ? ',' : ''}${tokens[i]}${j - i > 1 ? `*${j - i}` : ''}`;
    i = j;
  }
  return out;
}

/**
 * The lines of `text` (NFC already) as the plan says extraction classified them: the text split
 * and each line cleaned as `extractBody` does it, the plan's classes and blocks laid on the lines
 * that are not empty. Undefined when the plan is of another version, malformed, or does not fit
 * the text (another number of lines): the caller extracts the body then. Body and title lines get
 * no reason (paragraph selection reads only chrome's).
 */
export function linesByPlan(text: string, plan: string): PlannedLine[] | undefined {
  const bar = plan.indexOf('|');
  if (bar < 0 || plan.slice(0, bar) !== String(BODY_PLAN_VERSION)) return undefined;
  const raws = text.split(/\r\n|\r|\n/);
  const steps: Array<{ cls: LineClass; joined: boolean; reason: string }> = [];
  const body = plan.slice(bar + 1);
  if (body !== '')
    for (const token of body.split(',')) {
      const star = token.indexOf('*');
      const repeat = star < 0 ? 1 : Number(token.slice(star + 1));
      const code = star < 0 ? token : token.slice(0, star);
      const cls = CODE_CLASS[code.charAt(0)];
      if (cls === undefined || !Number.isInteger(repeat) || (star >= 0 && repeat < 2)) return undefined;
      // More lines than the text has: it does not fit (and a damaged count is never unrolled).
      if (steps.length + repeat > raws.length) return undefined;
      const joined = code.charAt(1) === '+';
      const reason = code.slice(joined ? 2 : 1);
      if (cls !== 'chrome' && reason !== '') return undefined;
      for (let k = 0; k < repeat; k++) steps.push({ cls, joined, reason });
    }
  const lines: PlannedLine[] = [];
  let block = -1;
  let fits = true;
  raws.forEach((raw, i) => {
    const clean = cleanLine(raw);
    if (clean === '' || !fits) return;
    const step = steps[lines.length];
    if (step === undefined || (step.joined && block < 0)) {
      fits = false;
      return;
    }
    if (!step.joined) block++;
    lines.push({ line: i + 1, clean, class: step.cls, reason: step.reason, block });
  });
  return fits && lines.length === steps.length ? lines : undefined;
}
