import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../src/types/review.js';
import { CORPUS, ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/runCli.js';
import { seed000Halves } from './fixtures.js';

/** The escape character that starts an ANSI colour code. */
const ESC = String.fromCharCode(27);

let dir = '';
let intro = '';
let report = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-diff-'));
  const halves = seed000Halves();
  intro = join(dir, 'intro.txt');
  report = join(dir, 'report.txt');
  writeFileSync(intro, halves.intro.text);
  writeFileSync(report, halves.report.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('copydesk diff', () => {
  it("seed 000's intro against the report it republishes: favourable/favorable is a spelling variant and the only change in its sentence", async () => {
    const run = await runCli(['diff', intro, report, '--format', 'json']);
    expect(run.code).toBe(0);
    const review = JSON.parse(run.stdout) as Review;
    const row = review.rows.find((r) => r.parts.some((p) => p.a.includes('favourable')));
    expect(row?.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'replace', a: ' favourable', b: ' favorable', kind: 'spelling' },
    ]);
    const text = await runCli(['diff', intro, report, '--width', '100']);
    expect(text.stdout).toContain('[-favourable-]{+favorable+}<spelling>');
    expect(text.stdout).toContain('changes: NUMBER 2, punctuation 1, reworded 1, spelling 1');
  });

  it('--ignore-spelling and --changes-only leave that sentence out', async () => {
    const run = await runCli(['diff', intro, report, '--ignore-spelling', '--changes-only']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('favourable');
    expect(run.stdout).toContain('ignoring spelling');
  });

  it('reads two ids inside --corpus, side by side', async () => {
    const run = await runCli([
      'diff',
      '002_d3ce4053ebf7dfb8',
      '004_1ccc425c9663fbbb',
      '--corpus',
      CORPUS,
      '--layout',
      'side-by-side',
      '--width',
      '80',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^A: 002_d3ce4053ebf7dfb8/m);
    expect(run.stdout).toContain(' | ');
    expect(run.stdout).not.toContain(ESC);
  });

  it('--html writes the pair page', async () => {
    const out = join(dir, 'out', 'pair.html');
    const run = await runCli(['diff', intro, report, '--html', out, '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`wrote ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<del>favourable</del><span class="kind kind-spelling"');
    expect(html).toContain('<ins>favorable</ins>');
  });

  const bad: Array<[name: string, args: () => string[], message: RegExp]> = [
    ['a missing file', () => ['diff', join(dir, 'nope.txt'), report], /^copydesk: .*nope\.txt: /],
    [
      'an unknown layout',
      () => ['diff', intro, report, '--layout', 'columns'],
      /--layout must be one of inline, side-by-side, got "columns"/,
    ],
    [
      'a width out of range',
      () => ['diff', intro, report, '--width', '10'],
      /--width must be a number in \[40, 1000\], got "10"/,
    ],
    [
      'an id not in the corpus',
      () => ['diff', '002_d3ce4053ebf7dfb8', 'zzz', '--corpus', CORPUS],
      /no article with id "zzz"/,
    ],
  ];
  it.each(bad)('exits 2 with one line on stderr for %s', async (_name, args, message) => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('end to end in a child process: no colour in a pipe, exit 0', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'dev.ts'), 'diff', intro, report],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '1' },
      },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('[-favourable-]{+favorable+}<spelling>');
    expect(child.stdout).not.toContain(ESC);
  });
});
