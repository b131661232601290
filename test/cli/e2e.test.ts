// End to end: the built binary, as a user runs it (`npm test` builds dist/ first, see `pretest`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, ROOT } from '../helpers/fixtures.js';

const BIN = join(ROOT, 'bin', 'copydesk.js');

function copydesk(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))('the built copydesk binary', () => {
  it('scans the corpus and writes the three reports', () => {
    const out = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
    const run = copydesk(['scan', CORPUS, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 documents, 5 stories');
    for (const f of ['report.json', 'report.md', 'index.html']) expect(existsSync(join(out, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).stories).toHaveLength(5);
  });

  it('prints nothing but JSON on stdout with --format json (no dotenv lines from natural)', () => {
    const run = copydesk(['scan', CORPUS, '--no-write', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it('exits 2 with one line on bad input, and leaves the reports already written as they were', () => {
    const out = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
    writeFileSync(join(out, 'report.json'), '{"kept": true}\n');
    const bad = join(out, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"fine"}\n{"id":"b"\n');
    const run = copydesk(['scan', bad, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^copydesk: ${bad}: line 2: invalid JSON \\(.*position 9.*\\)\n$`));
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"kept": true}\n');
  });

  it('prints help and exits 0', () => {
    const run = copydesk(['--help']);
    expect(run.code).toBe(0);
    for (const c of ['scan', 'compare', 'diff', 'eval', 'generate', 'index', 'gate']) expect(run.stdout).toContain(c);
  });
});
