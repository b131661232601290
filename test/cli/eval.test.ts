import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'copydesk-eval-'));
const CORPUS = new URL('../../corpus', import.meta.url).pathname;

describe('copydesk generate + eval', () => {
  const gold = join(dir, 'gold.jsonl');

  it('generate writes the sources and labelled variants as JSON Lines, the same for the same seed', async () => {
    const run = await runCli(['generate', '--from', CORPUS, '--seed', '7', '--per-source', '4', '--out', gold]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('5 sources and 20 variants');
    const rows = readFileSync(gold, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(25);
    expect(rows.filter((r) => r.relation === 'original')).toHaveLength(5);
    for (const r of rows)
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'text', 'cluster', 'relation', 'source', 'kind']));
    const again = join(dir, 'again.jsonl');
    await runCli(['generate', '--from', CORPUS, '--seed', '7', '--per-source', '4', '--out', again]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(gold, 'utf8'));
  });

  it('eval --format json prints only JSON with the metrics, the relations and the baseline', async () => {
    const run = await runCli(['eval', '--gold', gold, '--format', 'json']);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of [
      'ari',
      'pairPrecision',
      'pairRecall',
      'pairF1',
      'bcubedPrecision',
      'bcubedRecall',
      'bcubedF1',
      'documents',
      'clusters',
      'baseline',
    ])
      expect(r).toHaveProperty(key);
    expect(r.documents).toBe(25);
    expect(r.clusters).toBe(5);
    expect(r.ari).toBe(1);
    expect((r.relations as { total: number }).total).toBe(20);
    expect((r.baseline as { method: string }).method).toBe('word-3-gram-jaccard');
  });

  it('eval prints a table with ours and the baseline side by side, and the confusion table', async () => {
    const run = await runCli(['eval', '--gold', gold]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ARI\s+1\.0000\s+\d\.\d{4}$/m);
    expect(run.stdout).toContain('baseline (word 3-gram Jaccard ≥ 0.3)');
    expect(run.stdout).toMatch(/relations \(field "relation"\): 20 labelled pairs/);
    expect(run.stdout).toMatch(/^gold \\ predicted\s+duplicate\s+(?:\S+\s+)*republication$/m);
  });

  it.each([
    {
      name: 'a document without cluster',
      line: '{"id":"a","text":"Some text here."}',
      want: /gold\.bad\.jsonl:2: missing gold field "cluster"/,
    },
    { name: 'invalid JSON', line: '{"id":', want: /line 2: invalid JSON/ },
  ])('eval exits 2 with one line for $name', async ({ line, want }) => {
    const bad = join(dir, 'gold.bad.jsonl');
    writeFileSync(bad, `{"id":"x","text":"First article text.","cluster":"c1"}\n${line}\n`);
    const run = await runCli(['eval', '--gold', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(want);
  });

  it.each([
    {
      name: 'unknown format',
      args: ['eval', '--gold', 'x.jsonl', '--format', 'xml'],
      want: /--format must be one of table, json/,
    },
    {
      name: 'unknown kind',
      args: ['generate', '--from', CORPUS, '--out', join(dir, 'k.jsonl'), '--kinds', 'ocr,paraphrase'],
      want: /--kinds must list kinds among .* got "paraphrase"/,
    },
    {
      name: 'seed not a whole number',
      args: ['generate', '--from', CORPUS, '--out', join(dir, 'k.jsonl'), '--seed', '1.5'],
      want: /--seed must be a whole number/,
    },
  ])('exits 2 on bad usage: $name', async ({ args, want }) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(want);
  });
});
