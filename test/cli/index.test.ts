import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSketchConfig } from '../../src/core/minhash/sketch.js';
import { addArticles } from '../../src/pipeline/indexing.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { CORPUS } from '../helpers/fixtures.js';
import { runCli } from '../helpers/runCli.js';
import { makeTempDir, readSeeds } from '../store/fixtures.js';

const dir = makeTempDir('cli-index');

describe('copydesk index', () => {
  it('add, add again (unchanged), stats, remove, rebuild', async () => {
    const index = join(dir, 'a.db');
    const add = await runCli(['index', 'add', CORPUS, '--index', index]);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/: 5 added, 0 replaced, 0 unchanged \(/);
    expect(add.stderr).toBe('');
    // The band keys were merged before the command ended (after its workers stopped): none pending.
    const db = new Database(index, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM pending_bands').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM bands').pluck().get()).toBeGreaterThan(5 * 53);
    db.close();
    const again = await runCli(['index', 'add', CORPUS, '--index', index, '--format', 'json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, replaced: 0, unchanged: 5 });
    const stats = await runCli(['index', 'stats', '--index', index]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^documents {2}5$/m);
    expect(stats.stdout).toMatch(
      /^screens {4}5 of 5 documents with a screen digest \(the gate rules chance candidates out on it\)$/m,
    );
    expect(stats.stdout).toMatch(
      /^chars {6}MinHash 128 \(12-char shingles\), LSH \d+ bands × \d+ rows for Jaccard 0\.3$/m,
    );
    const json = JSON.parse((await runCli(['index', 'stats', '--index', index, '--format', 'json'])).stdout) as {
      documents: number;
      bucketEntries: number;
    };
    const remove = await runCli(['index', 'remove', '000_b20c2e0df0aa8a72', '--index', index]);
    expect(remove.code).toBe(0);
    expect(remove.stdout).toContain('1 removed');
    const after = JSON.parse((await runCli(['index', 'stats', '--index', index, '--format', 'json'])).stdout) as {
      documents: number;
      bucketEntries: number;
    };
    expect(after.documents).toBe(json.documents - 1);
    expect(after.bucketEntries).toBeLessThan(json.bucketEntries);
    const rebuild = await runCli(['index', 'rebuild', '--index', index]);
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toContain('rebuilt 4 documents');
    const rebuilt = JSON.parse((await runCli(['index', 'stats', '--index', index, '--format', 'json'])).stdout) as {
      documents: number;
      bucketEntries: number;
    };
    expect(rebuilt).toMatchObject({ documents: after.documents, bucketEntries: after.bucketEntries, screened: 4 });
    // An index made before the screen digests (the table gone): stats says so, read-only, and the
    // next writable command adds them.
    const old = new Database(index);
    old.exec('DROP TRIGGER screens_on_update; DROP TRIGGER screens_on_delete; DROP TABLE screens;');
    old.close();
    expect((await runCli(['index', 'stats', '--index', index])).stdout).toMatch(
      /^screens {4}0 of 4 documents with a screen digest .*; the others' signatures are read whole \(`index rebuild` gives every document one; an index made before them gets them on its next `index add` or `index remove` too\)$/m,
    );
    expect((await runCli(['index', 'add', CORPUS, '--index', index])).code).toBe(0);
    expect(JSON.parse((await runCli(['index', 'stats', '--index', index, '--format', 'json'])).stdout)).toMatchObject({
      documents: 5,
      screened: 5,
    });
  });

  it('an index made before the containment channel: gate answers without it, `index rebuild` adds it', async () => {
    const index = join(dir, 'bands-only.db');
    const { containment: _, ...bandsOnly } = createSketchConfig();
    const store = await SqliteStore.open(index, { config: bandsOnly });
    await addArticles(store, readSeeds());
    await store.close();
    // Seed 003 from 30 % of its text to 45 %: Jaccard about 0.15 with the whole, which no band catches.
    const seed = readSeeds().find((a) => a.id.startsWith('003')) as { text: string };
    const n = seed.text.length;
    const excerpt = join(dir, 'excerpt.txt');
    writeFileSync(excerpt, seed.text.slice(seed.text.indexOf(' ', n * 0.3) + 1, seed.text.indexOf(' ', n * 0.45)));
    const before = await runCli(['index', 'stats', '--index', index]);
    expect(before.stdout).toMatch(/^samples {4}none \(`index rebuild` adds them/m);
    expect((await runCli(['gate', excerpt, '--index', index])).code).toBe(0);
    expect((await runCli(['index', 'rebuild', '--index', index])).code).toBe(0);
    const after = await runCli(['index', 'stats', '--index', index]);
    expect(after.stdout).toMatch(/^samples {4}1 in 32 character shingles/m);
    const gate = await runCli(['gate', excerpt, '--index', index]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/^redundant excerpt\n {2}republication of "?003_/);
  });

  it.each([
    {
      name: 'remove of an unknown id',
      args: (p: string) => ['index', 'remove', 'no-such-id', '--index', p],
      stderr: /not in the index: "no-such-id"/,
    },
    {
      name: 'stats of a missing index',
      args: () => ['index', 'stats', '--index', join(dir, 'missing.db')],
      stderr: /no index here yet/,
    },
    {
      name: 'add of a missing input',
      args: (p: string) => ['index', 'add', join(dir, 'nope'), '--index', p],
      stderr: /nope/,
    },
    {
      name: 'a bad --batch-size',
      args: (p: string) => ['index', 'add', CORPUS, '--index', p, '--batch-size', '0'],
      stderr: /--batch-size must be a number in \[1, 1000000\], got "0"/,
    },
  ])('exits 2 with one line on $name', async ({ args, stderr }) => {
    const index = join(dir, 'b.db');
    await runCli(['index', 'add', CORPUS, '--index', index, '--quiet']);
    const run = await runCli(args(index));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('where the index is', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it.each([
    {
      name: 'a zero-byte --index file (refused, not adopted, left untouched)',
      make: () => {
        const p = join(dir, 'zero.db');
        writeFileSync(p, '');
        return p;
      },
      stderr: /zero\.db: is an empty file, not a copydesk index/,
    },
    {
      name: 'an --index under a path whose parent is a file',
      make: () => {
        writeFileSync(join(dir, 'plain.txt'), 'a file');
        return join(dir, 'plain.txt', 'index.db');
      },
      stderr: /cannot create the index here \(a parent of this path is a file, not a folder, ENOTDIR\)/,
    },
    {
      name: 'an --index in a place nobody may write',
      make: () => '/sys/copydesk-test/index.db',
      stderr: /cannot create the index here \(/,
    },
    {
      name: 'an --index URL with a scheme this copydesk cannot open',
      make: () => 'mysql://db.example/archive',
      stderr: /"mysql:" names a store this copydesk cannot open/,
    },
  ])('exits 2 with the reason on $name', async ({ make, stderr }) => {
    const index = make();
    const before = existsSync(index) ? sha(index) : undefined;
    for (const args of [
      ['index', 'add', CORPUS, '--index', index, '--quiet'],
      ['gate', CORPUS, '--index', index, '--add', '--quiet'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(stderr);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    if (before !== undefined) expect(sha(index)).toBe(before);
    expect(existsSync(join(process.cwd(), 'mysql:'))).toBe(false);
  });

  it('COPYDESK_INDEX names the index when --index is not given', async () => {
    const index = join(dir, 'from-env.db');
    const previous = process.env.COPYDESK_INDEX;
    process.env.COPYDESK_INDEX = index;
    try {
      const add = await runCli(['index', 'add', CORPUS, '--quiet']);
      expect(add.stdout).toContain(`${index}: 5 added`);
      const stats = await runCli(['index', 'stats', '--format', 'json']);
      expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 5 });
    } finally {
      if (previous === undefined) delete process.env.COPYDESK_INDEX;
      else process.env.COPYDESK_INDEX = previous;
    }
  });
});
