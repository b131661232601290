import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/fixtures.js';
import { runCli } from '../helpers/runCli.js';

describe('copydesk scan', () => {
  it('prints only JSON on stdout with --format json, and the same JSON twice', async () => {
    const first = await runCli(['scan', CORPUS, '--no-write', '--format', 'json']);
    const second = await runCli(['scan', CORPUS, '--no-write', '--format', 'json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.version).toBe(2);
    expect(report.documents).toHaveLength(5);
    expect(report.stories).toHaveLength(5);
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints a table of stories by default', async () => {
    const run = await runCli(['scan', CORPUS, '--no-write', '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 documents, 5 stories, 0 related pairs');
    expect(run.stdout).toContain('│ s1    │ 000_b20c2e0df0aa8a72 │');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('accepts --workers (the seeds give too few pairs for workers: judged in the thread, the same report)', async () => {
    const alone = await runCli(['scan', CORPUS, '--no-write', '--format', 'json']);
    const shared = await runCli(['scan', CORPUS, '--no-write', '--format', 'json', '--workers', '2']);
    expect(shared.code).toBe(0);
    expect(shared.stdout).toBe(alone.stdout);
  });

  it('accepts thresholds as options', async () => {
    const run = await runCli(['scan', CORPUS, '--no-write', '--format', 'json', '--translation-cosine', '0.5']);
    expect(JSON.parse(run.stdout).thresholds.translationCosine).toBe(0.5);
  });

  const badInput: Array<{ name: string; args: (dir: string) => string[]; message: RegExp }> = [
    {
      name: 'a missing path',
      args: () => ['scan', '/no/such/corpus', '--no-write'],
      message: /^copydesk: \/no\/such\/corpus: no such file or directory\n$/,
    },
    {
      name: 'a malformed JSONL line',
      args: (dir) => {
        writeFileSync(join(dir, 'c.jsonl'), '{"id":"a","text":"x"}\nnot json\n');
        return ['scan', join(dir, 'c.jsonl'), '--no-write'];
      },
      message: /^copydesk: .*c\.jsonl: line 2: invalid JSON .*\n$/,
    },
    {
      name: 'an unknown format',
      args: () => ['scan', CORPUS, '--no-write', '--format', 'xml'],
      message: /^copydesk: --format must be one of table, json, md, got "xml"\n$/,
    },
    {
      name: 'a negative number of workers',
      args: () => ['scan', CORPUS, '--no-write', '--workers', '-1'],
      message: /^copydesk: --workers must be a number in \[0, 64\], got "-1"\n$/,
    },
    {
      name: 'a threshold out of range',
      args: () => ['scan', CORPUS, '--no-write', '--duplicate', '1.5'],
      message: /^copydesk: --duplicate must be a number in \[0, 1\], got "1.5"\n$/,
    },
  ];
  it.each(badInput)('exits 2 with one line for $name', async ({ args, message }) => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
    const run = await runCli(args(dir));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('shows the stack only with --verbose', async () => {
    const run = await runCli(['--verbose', 'scan', '/no/such/corpus', '--no-write']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('at ');
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli(['scna'])).code).toBe(2);
    expect((await runCli(['scan', '--bogus'])).code).toBe(2);
  });
});

describe('copydesk compare', () => {
  it('prints one pair object as JSON', async () => {
    const run = await runCli([
      'compare',
      '000_b20c2e0df0aa8a72',
      '002_d3ce4053ebf7dfb8',
      '--corpus',
      CORPUS,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const pair = JSON.parse(run.stdout);
    expect(pair).toMatchObject({ a: '000_b20c2e0df0aa8a72', b: '002_d3ce4053ebf7dfb8', relation: 'unrelated' });
    expect(Object.keys(pair.scores)).toEqual(
      expect.arrayContaining(['jaccard', 'containmentAB', 'containmentBA', 'cosine']),
    );
    expect(pair.reasons.length).toBeGreaterThan(0);
  });

  it('compares two files and names the relation in the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-cmp-'));
    const text = readFileSync(join(CORPUS, '002_d3ce4053ebf7dfb8.txt'), 'utf8');
    writeFileSync(join(dir, 'copy.txt'), `${text}\n\nShare this article\n`);
    const run = await runCli([
      'compare',
      join(CORPUS, '002_d3ce4053ebf7dfb8.txt'),
      join(dir, 'copy.txt'),
      '--no-color',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^002_d3ce4053ebf7dfb8 ↔ copy: duplicate\n/);
    expect(run.stdout).toContain('reasons:');
  });

  it('exits 2 when an id is not in the corpus', async () => {
    const run = await runCli(['compare', 'nope', '000_b20c2e0df0aa8a72', '--corpus', CORPUS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no article with id "nope"/);
  });
});
