/**
 * Hostile strings (terminal escape sequences, OSC links and titles, a bell, a carriage return, C1
 * controls, bidirectional overrides; Markdown links to javascript:, raw HTML, table pipes) in ids,
 * titles and article text, through every command and every format: nothing raw reaches a terminal,
 * report.md renders no link, image or tag from the input, the HTML runs nothing, and the JSON keeps
 * the data as it was.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../helpers/fixtures.js';
import { hasBuild, record, runCopydesk, tempDir } from '../helpers/hostileHarness.js';
import { HOSTILE_STRINGS, MARKDOWN_ATTACKS, RAW_CONTROL } from '../helpers/hostileInputs.js';

const EVIL = Object.values(HOSTILE_STRINGS).join(' ');
const ID_A = `evil${HOSTILE_STRINGS.clearScreen}${HOSTILE_STRINGS.osc0}`;
const ID_B = `copy${HOSTILE_STRINGS.bidi}${HOSTILE_STRINGS.csi8bit}`;
const TITLE = `${MARKDOWN_ATTACKS.join(' ')} ${HOSTILE_STRINGS.osc8}`;

/** The seed report with the hostile strings in its sentences, and a republished copy of it. */
function hostileTexts(): { a: string; b: string } {
  const paragraphs = seed('002').split(/\n\s*\n/);
  const a = paragraphs
    .map((p, k) =>
      // The Markdown and HTML attacks come before EVIL, whose carriage return ends the line: the rest
      // of that line is a line of its own, which body extraction sets aside (chrome:menu).
      k === 4 ? `${p} ${MARKDOWN_ATTACKS.join(' ')} ${EVIL}` : k === 6 ? `${HOSTILE_STRINGS.carriageReturn} ${p}` : p,
    )
    .join('\n\n');
  return { a, b: `An editor's note ${HOSTILE_STRINGS.bell} before the text.\n\n${a}` };
}

function expectNoRawControl(output: string): void {
  const hit = RAW_CONTROL.exec(output);
  expect(
    hit,
    hit
      ? `raw U+${(hit[0].codePointAt(0) as number).toString(16)} at ${hit.index}: …${JSON.stringify(output.slice(Math.max(0, hit.index - 30), hit.index + 10))}`
      : '',
  ).toBeNull();
}

describe.skipIf(!hasBuild)('hostile strings through every command and format (needs dist/)', () => {
  const dir = tempDir('escape');
  const jsonl = join(dir, 'hostile.jsonl');
  const files = join(dir, 'files');
  const index = join(dir, 'index.db');
  const gold = join(dir, 'gold.jsonl');

  beforeAll(() => {
    const { a, b } = hostileTexts();
    writeFileSync(
      jsonl,
      `${[
        { id: ID_A, title: TITLE, date: '[x](javascript:alert(1))', text: a },
        { id: ID_B, title: `<b>${HOSTILE_STRINGS.clearScreen}</b>`, text: b },
        { id: 'plain', text: seed('004') },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    writeFileSync(
      gold,
      `${[
        { id: ID_A, text: a, cluster: `c${HOSTILE_STRINGS.bell}`, relation: 'original' },
        {
          id: ID_B,
          text: b,
          cluster: `c${HOSTILE_STRINGS.bell}`,
          relation: `republication${HOSTILE_STRINGS.clearScreen}`,
          source: ID_A,
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    mkdirSync(files);
    // File names carry escape sequences too: they become ids and appear in messages.
    writeFileSync(join(files, `a${HOSTILE_STRINGS.clearScreen}.txt`), a);
    writeFileSync(join(files, `b${HOSTILE_STRINGS.osc0}.txt`), b);
  });

  const a = () => join(files, `a${HOSTILE_STRINGS.clearScreen}.txt`);
  const b = () => join(files, `b${HOSTILE_STRINGS.osc0}.txt`);
  const cases: Array<[string, () => string[]]> = [
    ['scan (table)', () => ['scan', jsonl, '--out', join(dir, 'reports')]],
    ['scan --format md', () => ['scan', jsonl, '--no-write', '--format', 'md']],
    ['scan --format json', () => ['scan', jsonl, '--no-write', '--format', 'json']],
    ['scan of files with hostile names', () => ['scan', files, '--no-write']],
    ['compare (table)', () => ['compare', ID_A, ID_B, '--corpus', jsonl]],
    ['compare --format json', () => ['compare', a(), b(), '--format', 'json']],
    ['diff (inline)', () => ['diff', a(), b()]],
    ['diff --no-color --layout side-by-side', () => ['diff', a(), b(), '--no-color', '--layout', 'side-by-side']],
    ['diff --format json', () => ['diff', a(), b(), '--format', 'json']],
    ['diff --html', () => ['diff', a(), b(), '--html', join(dir, 'pair.html')]],
    ['index add', () => ['index', 'add', a(), '--index', index]],
    ['index stats', () => ['index', 'stats', '--index', index]],
    ['gate (text)', () => ['gate', b(), jsonl, '--index', index]],
    ['gate --format json', () => ['gate', b(), '--index', index, '--format', 'json']],
    ['eval (table)', () => ['eval', '--gold', gold]],
    ['eval --format json', () => ['eval', '--gold', gold, '--format', 'json']],
    ['an error naming a hostile file', () => ['scan', join(dir, `missing${HOSTILE_STRINGS.osc8}.txt`)]],
    ['an error naming a hostile id', () => ['compare', `nope${HOSTILE_STRINGS.clearScreen}`, ID_A, '--corpus', jsonl]],
  ];

  it.each(cases)('%s: no raw control character on stdout or stderr', async (name, args) => {
    const run = await runCopydesk(args());
    record(`hostile strings: ${name}`, run);
    expect([0, 1, 2]).toContain(run.code);
    if (!name.startsWith('an error')) expect(run.code === 2 ? run.stderr : '').toBe('');
    expectNoRawControl(run.stdout);
    expectNoRawControl(run.stderr);
    expect(run.peakMiB).toBeLessThan(512);
  });

  it('the terminal shows the marks where the controls were', async () => {
    const run = await runCopydesk(['compare', ID_A, ID_B, '--corpus', jsonl]);
    expect(run.stdout).toContain('evil␛[2J␛[H␛]0;owned␇ ↔ copy\\u{202e}gnp.exe\\u{9b}31m');
    const error = await runCopydesk(['scan', join(dir, `missing${HOSTILE_STRINGS.clearScreen}.txt`)]);
    expect(error.stderr).toBe(`copydesk: ${join(dir, 'missing␛[2J␛[H.txt')}: no such file or directory\n`);
  });

  it('JSON keeps every string as it was (escaped in the text, equal once parsed)', async () => {
    const run = await runCopydesk(['scan', jsonl, '--no-write', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.documents.map((d: { id: string }) => d.id)).toEqual([ID_A, ID_B, 'plain']);
    expect(report.documents[0].title).toBe(TITLE);
    expect(run.stdout).toContain('\\u001b[2J');
    expect(run.stdout).toContain('\\u202e');
  });

  it('report.md: no link, image, tag or extra table cell from the input', async () => {
    const md = readFileSync(join(dir, 'reports', 'report.md'), 'utf8');
    expect(md).not.toMatch(/(?<!\\)\]\(|<img|<script|<b>/);
    expect(md).toContain('\\[click me\\](javascript:alert(1))');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('a \\| b \\| c');
    expectNoRawControl(md);
    // Every table row keeps its column count: no pipe from the input splits a cell.
    for (const table of md.split('\n\n').filter((block) => block.startsWith('| '))) {
      const rows = table.split('\n').filter((row) => row !== '');
      const columns = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(columns(row)).toBe(columns(rows[0] as string));
    }
  });

  it('index.html and the pair page: no element from the input, no script, no network', () => {
    for (const page of [join(dir, 'reports', 'index.html'), join(dir, 'pair.html')]) {
      const html = readFileSync(page, 'utf8');
      expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expectNoRawControl(html);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    }
  });
});
