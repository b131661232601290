import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('copydesk gate: novel text about a known event', () => {
  const eventDir = makeTempDir('cli-gate-event');
  const eventIndex = join(eventDir, 'index.db');
  const id000 = '000_b20c2e0df0aa8a72';

  beforeAll(async () => {
    // An index of seed 000 alone; 001 (the same visit, reported independently) and 002 (another visit) are gated.
    const meta = JSON.parse(readFileSync(join(CORPUS, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    for (const [sub, prefixes] of [
      ['indexed', ['000']],
      ['new', ['001', '002']],
    ] as const) {
      const folder = join(eventDir, sub);
      mkdirSync(folder);
      const kept: Record<string, unknown> = {};
      for (const p of prefixes) {
        const id = Object.keys(meta).find((k) => k.startsWith(p)) as string;
        writeFileSync(join(folder, `${id}.txt`), readFileSync(join(CORPUS, `${id}.txt`)));
        kept[id] = meta[id];
      }
      writeFileSync(join(folder, 'metadata.json'), JSON.stringify(kept));
    }
    const add = await runCli(['index', 'add', join(eventDir, 'indexed'), '--index', eventIndex, '--events', '--quiet']);
    expect(add.code).toBe(0);
  });

  it('exits 0 and names the indexed report of the same event, with the reasons', async () => {
    const run = await runCli(['gate', join(eventDir, 'new'), '--index', eventIndex]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`novel text about a known event: "${id000}" \\(same actors [^)]*Alamo.*; dates 23–28 April 2024`),
    );
    expect(run.stdout).toContain('2 checked: 2 novel (1 about a known event), 0 redundant');
  });

  it('gives the event field in JSON', async () => {
    const run = await runCli(['gate', join(eventDir, 'new'), '--index', eventIndex, '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      results: Array<{
        input: string;
        verdict: string;
        event?: { known: boolean; matches: Array<{ id: string; reasons: string[] }> };
      }>;
    };
    expect(out.results.map((r) => [r.input.slice(0, 3), r.verdict, r.event?.known])).toEqual([
      ['001', 'novel', true],
      ['002', 'novel', false],
    ]);
    expect(out.results[0]?.event?.matches[0]?.id).toBe(id000);
    expect(out.results[0]?.event?.matches[0]?.reasons).toContain('dates 23–28 April 2024');
  });

  it('refuses an index of format 2 read-only with exit 2 and the advice to rebuild it', async () => {
    const old = join(eventDir, 'old.db');
    writeFileSync(old, readFileSync(eventIndex));
    const bytes = readFileSync(old);
    bytes.writeUInt32BE(2, 60);
    writeFileSync(old, bytes);
    const run = await runCli(['gate', join(eventDir, 'new'), '--index', old]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/format 2\): run `copydesk index rebuild` once to upgrade it/);
  });

  it('asks no event question of an index without event sketches, refuses `add --events` on it, and answers after `rebuild --events`', async () => {
    const plain = join(eventDir, 'plain.db');
    expect((await runCli(['index', 'add', join(eventDir, 'indexed'), '--index', plain, '--quiet'])).code).toBe(0);
    const stats = await runCli(['index', 'stats', '--index', plain]);
    expect(stats.stdout).toMatch(/^events {5}none/m);
    const before = await runCli(['gate', join(eventDir, 'new'), '--index', plain]);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('2 checked: 2 novel, 0 redundant');
    expect(before.stdout).not.toContain('known event');
    const hash = createHash('sha256').update(readFileSync(plain)).digest('hex');
    const refused = await runCli(['index', 'add', join(eventDir, 'new'), '--index', plain, '--events', '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/keeps no event sketches: run `copydesk index rebuild --events` once/);
    expect(createHash('sha256').update(readFileSync(plain)).digest('hex')).toBe(hash);
    const rebuilt = await runCli(['index', 'rebuild', '--index', plain, '--events', '--quiet']);
    expect(rebuilt.stdout).toContain('rebuilt 1 documents, with event sketches');
    const after = await runCli(['gate', join(eventDir, 'new'), '--index', plain]);
    expect(after.stdout).toContain('2 checked: 2 novel (1 about a known event), 0 redundant');
    expect((await runCli(['index', 'stats', '--index', plain])).stdout).toMatch(/^events {5}event sketches kept/m);
    const dropped = await runCli(['index', 'rebuild', '--index', plain, '--no-events', '--quiet']);
    expect(dropped.stdout).toMatch(/rebuilt 1 documents\n/);
    expect((await runCli(['gate', join(eventDir, 'new'), '--index', plain])).stdout).not.toContain('known event');
  });
});
