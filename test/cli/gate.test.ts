import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, seed } from '../helpers/fixtures.js';
import { runCli } from '../helpers/runCli.js';
import { makeTempDir } from '../store/fixtures.js';

const dir = makeTempDir('cli-gate');
const index = join(dir, 'index.db');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const novelText =
  'Harbour pilots in Rotterdam halted traffic on Tuesday after fog reduced visibility to under fifty metres.\n\nPort officials said ships would resume moving once the fog lifted, probably by the evening, and that no collisions had been reported during the closure.\n';

beforeAll(async () => {
  const run = await runCli(['index', 'add', CORPUS, '--index', index, '--quiet']);
  expect(run.code).toBe(0);
  writeFileSync(join(dir, 'novel.txt'), novelText);
  // A republication: the first 60 % of seed 000 under a new headline.
  const s = seed('000');
  writeFileSync(
    join(dir, 'excerpt.txt'),
    `Ties between two parties, an excerpt\n\n${s.slice(0, Math.floor(s.length * 0.6))}`,
  );
});

describe('copydesk gate', () => {
  it('exits 0 when every article is novel', async () => {
    const run = await runCli(['gate', join(dir, 'novel.txt'), '--index', index]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^novel {5}novel\n/);
    expect(run.stdout).toContain('1 checked: 1 novel, 0 redundant');
  });

  it('exits 1 when any article is redundant, and prints the match, relation, scores and shared passages', async () => {
    const run = await runCli(['gate', join(dir, 'novel.txt'), join(dir, 'excerpt.txt'), '--index', index]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('redundant excerpt');
    expect(run.stdout).toMatch(
      /republication of "000_b20c2e0df0aa8a72" \("000_b20c2e0df0aa8a72" holds the input\): \w+\(max\) [\d.]+ >= [\d.]+/,
    );
    expect(run.stdout).toMatch(/- republication 000_b20c2e0df0aa8a72: char containment [\d.]+\/[\d.]+, word Jaccard/);
    expect(run.stdout).toContain('shared: "');
  });

  it('prints only JSON on stdout with --format json, in the documented shape', async () => {
    const run = await runCli([
      'gate',
      join(dir, 'excerpt.txt'),
      join(dir, 'novel.txt'),
      '--index',
      index,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as {
      results: Array<{
        input: string;
        verdict: string;
        matches: Array<{ id: string; relation: string; scores: Record<string, number> }>;
      }>;
    };
    expect(out.results.map((r) => [r.input, r.verdict])).toEqual([
      ['excerpt', 'redundant'],
      ['novel', 'novel'],
    ]);
    expect(out.results[0]?.matches[0]).toMatchObject({ id: '000_b20c2e0df0aa8a72', relation: 'republication' });
    expect(typeof out.results[0]?.matches[0]?.scores.charContainmentAB).toBe('number');
  });

  it('--quiet prints only the redundant articles', async () => {
    const run = await runCli(['gate', join(dir, 'novel.txt'), join(dir, 'excerpt.txt'), '--index', index, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/^novel/m);
    expect(run.stdout).toMatch(/^redundant excerpt/m);
  });

  it('--add indexes the novel articles: a second gate of the same file is redundant', async () => {
    const own = join(dir, 'add.db');
    await runCli(['index', 'add', CORPUS, '--index', own, '--quiet']);
    const first = await runCli(['gate', join(dir, 'novel.txt'), '--index', own, '--add']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1 added to the index');
    const second = await runCli(['gate', join(dir, 'novel.txt'), '--index', own]);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('duplicate of "novel"');
  });

  it.each([
    {
      name: 'a missing input file',
      args: () => ['gate', join(dir, 'nope.txt'), '--index', index],
      stderr: /^copydesk: .*nope\.txt: /,
    },
    {
      name: 'a missing index',
      args: () => ['gate', join(dir, 'novel.txt'), '--index', join(dir, 'none.db')],
      stderr: /no index here yet/,
    },
    {
      name: 'a bad --format',
      args: () => ['gate', join(dir, 'novel.txt'), '--index', index, '--format', 'xml'],
      stderr: /--format must be one of text, json, got "xml"/,
    },
  ])('exits 2 with one line on $name', async ({ args, stderr }) => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it.each([
    { name: 'a text file', content: Buffer.from('not an index\n'.repeat(50)) },
    {
      name: 'a PNG image',
      content: Buffer.from([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        ...Array.from({ length: 200 }, (_, i) => i),
      ]),
    },
  ])(
    'refuses $name as --index: exit 2, one line, file unchanged (with or without --add)',
    async ({ name, content }) => {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.db`);
      writeFileSync(path, content);
      const before = sha(path);
      for (const extra of [[], ['--add']]) {
        const run = await runCli(['gate', join(dir, 'novel.txt'), '--index', path, ...extra]);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(
          /^copydesk: .*: not a copydesk index \(not an SQLite database; the file was left untouched\)\n$/,
        );
      }
      const add = await runCli(['index', 'add', CORPUS, '--index', path]);
      expect(add.code).toBe(2);
      expect(sha(path)).toBe(before);
      expect(existsSync(`${path}-wal`)).toBe(false);
      expect(existsSync(`${path}-shm`)).toBe(false);
    },
  );
});
