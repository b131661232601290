// The launcher's heap for whole-corpus commands (src/cli/heap.ts, bin/copydesk.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  COLLECT_MIN_ARTICLES,
  childFlags,
  collecting,
  growingStepOf,
  HEAP_ENV,
  HEAP_GROWING_PERCENT,
  HEAP_MARKER,
  type HeapSituation,
  heapToRequest,
  SEMI_SPACE_MIB,
} from '../../src/cli/heap.js';
import { CORPUS, ROOT } from '../helpers/fixtures.js';

const GIB = 2 ** 30;
const base: HeapSituation = {
  argv: ['scan', 'corpus'],
  execArgv: [],
  env: {},
  memoryBytes: 24 * GIB,
  heapLimitBytes: 4144 * 2 ** 20,
};

describe('heapToRequest', () => {
  const CASES: Array<{ name: string; change: Partial<HeapSituation>; want: number | undefined }> = [
    { name: 'scan on 24 GiB: three quarters of it', change: {}, want: 18432 },
    { name: 'eval too', change: { argv: ['eval', '--gold', 'g.jsonl'] }, want: 18432 },
    { name: 'the command after a global option', change: { argv: ['--verbose', 'scan', 'x'] }, want: 18432 },
    { name: 'a container limit of 8 GiB', change: { memoryBytes: 8 * GIB }, want: 6144 },
    { name: 'gate streams its input', change: { argv: ['gate', 'a.txt'] }, want: undefined },
    { name: 'index add streams its input', change: { argv: ['index', 'add', 'x.jsonl'] }, want: undefined },
    { name: 'no command (help)', change: { argv: ['--help'] }, want: undefined },
    { name: 'the child itself', change: { env: { [HEAP_MARKER]: '18432' } }, want: undefined },
    {
      name: 'a limit in NODE_OPTIONS',
      change: { env: { NODE_OPTIONS: '--enable-source-maps --max-old-space-size=3000' } },
      want: undefined,
    },
    { name: 'a limit on node’s command line', change: { execArgv: ['--max_old_space_size=3000'] }, want: undefined },
    { name: '4 GiB machine: no gain worth a process', change: { memoryBytes: 4 * GIB }, want: undefined },
    { name: 'a raise under a quarter', change: { memoryBytes: 6.5 * GIB }, want: undefined },
    { name: 'a raise of a quarter or more', change: { memoryBytes: 7 * GIB }, want: 5376 },
    { name: 'memory unknown', change: { memoryBytes: 0 }, want: undefined },
    { name: 'COPYDESK_HEAP_MIB', change: { env: { [HEAP_ENV]: '8192' } }, want: 8192 },
    {
      name: 'COPYDESK_HEAP_MIB over a limit in NODE_OPTIONS',
      change: { env: { [HEAP_ENV]: ' 6000 ', NODE_OPTIONS: '--max-old-space-size=3000' } },
      want: 6000,
    },
    { name: 'COPYDESK_HEAP_MIB below the default', change: { env: { [HEAP_ENV]: '512' } }, want: 512 },
    { name: 'COPYDESK_HEAP_MIB empty: as unset', change: { env: { [HEAP_ENV]: '' } }, want: 18432 },
    {
      name: 'COPYDESK_HEAP_MIB for gate: not read',
      change: { argv: ['gate'], env: { [HEAP_ENV]: 'x' } },
      want: undefined,
    },
  ];
  it.each(CASES)('$name', ({ change, want }) => {
    expect(heapToRequest({ ...base, ...change })).toBe(want);
  });
  it.each(['abc', '0', '-5', '1.5', '8g', '12 34'])(
    'refuses COPYDESK_HEAP_MIB=%j with the value in the message',
    (v) => {
      expect(() => heapToRequest({ ...base, env: { [HEAP_ENV]: v } })).toThrow(
        `COPYDESK_HEAP_MIB must be a whole number of MiB (such as 8192), got "${v}"`,
      );
    },
  );
});

describe('growingStepOf', () => {
  it.each([
    { execArgv: [], want: undefined },
    { execArgv: ['--max-semi-space-size=8'], want: undefined },
    { execArgv: ['--heap-growing-percent=30'], want: 30 },
    { execArgv: ['--heap_growing_percent=5', '--heap-growing-percent=0'], want: undefined },
    { execArgv: ['--heap-growing-percent=0', '--enable-source-maps', '--heap-growing-percent=40'], want: 40 },
  ])('$execArgv -> $want', ({ execArgv, want }) => {
    expect(growingStepOf(execArgv)).toBe(want);
  });
});

describe('childFlags', () => {
  it.each([
    {
      name: 'nothing chosen: the heap, the young generation, the growing step',
      execArgv: [],
      env: {},
      semi: true,
      grow: true,
    },
    {
      name: 'a semi-space in NODE_OPTIONS',
      execArgv: [],
      env: { NODE_OPTIONS: '--max-semi-space-size=8' },
      semi: false,
      grow: true,
    },
    {
      name: 'a semi-space on node’s command line',
      execArgv: ['--max_semi_space_size=8'],
      env: {},
      semi: false,
      grow: true,
    },
    {
      name: 'a growing step on node’s command line',
      execArgv: ['--heap_growing_percent=5'],
      env: {},
      semi: true,
      grow: false,
    },
    {
      name: 'both chosen (Node refuses the growing step in NODE_OPTIONS)',
      execArgv: ['--heap-growing-percent=0'],
      env: { NODE_OPTIONS: '--max-semi-space-size=8' },
      semi: false,
      grow: false,
    },
    {
      name: 'other options only',
      execArgv: ['--enable-source-maps'],
      env: { NODE_OPTIONS: '--trace-gc' },
      semi: true,
      grow: true,
    },
  ])('$name', ({ execArgv, env, semi, grow }) => {
    expect(childFlags(18432, { execArgv, env })).toEqual([
      '--max-old-space-size=18432',
      '--expose-gc',
      ...(semi ? [`--max-semi-space-size=${SEMI_SPACE_MIB}`] : []),
      ...(grow ? [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`] : []),
    ]);
  });
});

describe('collecting', () => {
  it.each([
    {
      name: 'a large corpus with gc: a collection after each stage',
      gc: true,
      articles: COLLECT_MIN_ARTICLES + 1,
      collections: 3,
    },
    { name: 'the limit itself: none', gc: true, articles: COLLECT_MIN_ARTICLES, collections: 0 },
    { name: 'no gc (the first process): none', gc: false, articles: 100_000, collections: 0 },
  ])('$name', ({ gc, articles, collections }) => {
    const log: string[] = [];
    const stages = collecting((stage, ms) => log.push(`${stage} ${ms}`), articles, gc ? () => log.push('gc') : null);
    stages.onStage?.('prepare', 5);
    stages.onStage?.('score', 7);
    stages.collect();
    const each = collections > 0 ? ['gc'] : [];
    expect(log).toEqual(['prepare 5', ...each, 'score 7', ...each, ...each]);
    expect(log.filter((line) => line === 'gc')).toHaveLength(collections);
  });

  it('keeps no listener where there was none and nothing to collect', () => {
    expect(collecting(undefined, 10, () => undefined).onStage).toBeUndefined();
    const stages = collecting(undefined, 100_000, () => undefined);
    expect(typeof stages.onStage).toBe('function');
  });
});

const BIN = join(ROOT, 'bin', 'copydesk.js');
/** The heap limit (MiB) and growing step a `scan --timings` run reports; `nodeArgs` go before the launcher. */
function reportedMemory(
  env: Record<string, string | undefined>,
  nodeArgs: readonly string[] = [],
): { limit: number; step: string } {
  const run = spawnSync(process.execPath, [...nodeArgs, BIN, 'scan', CORPUS, '--no-write', '--timings', '--quiet'], {
    encoding: 'utf8',
    env,
  });
  expect(run.status).toBe(0);
  const m = /^memory: peak RSS \d+ MiB, heap limit (\d+) MiB, growing step (.+)$/m.exec(run.stderr);
  if (!m) throw new Error(`no memory line in: ${run.stderr}`);
  return { limit: Number(m[1]), step: m[2] as string };
}
const reportedLimit = (env: Record<string, string | undefined>): number => reportedMemory(env).limit;

describe.skipIf(!existsSync(join(ROOT, 'dist', 'cli', 'heap.js')))('the launcher', () => {
  const env = { ...process.env, NODE_OPTIONS: undefined, [HEAP_MARKER]: undefined, [HEAP_ENV]: undefined };
  it('runs scan with the heap heapToRequest asks for, or as it is when it asks for none', () => {
    const defaultMiB = getHeapStatistics().heap_size_limit / 2 ** 20;
    const want = heapToRequest({
      argv: ['scan'],
      execArgv: [],
      env: {},
      memoryBytes: Math.min(process.constrainedMemory?.() || Number.POSITIVE_INFINITY, totalmem()),
      heapLimitBytes: getHeapStatistics().heap_size_limit,
    });
    const got = reportedLimit(env);
    // V8 adds its young generation, three semi-spaces (48 MiB at the default), to the old-space
    // size asked for: the child's is `SEMI_SPACE_MIB` each.
    if (want === undefined) expect(Math.abs(got - defaultMiB)).toBeLessThan(64);
    else {
      expect(got).toBeGreaterThanOrEqual(want + 2 * SEMI_SPACE_MIB);
      expect(got).toBeLessThan(want + 3 * SEMI_SPACE_MIB + 64);
    }
  });

  it("out of memory: one line of its own after V8's report, exit 2, the reports already written untouched", () => {
    const out = mkdtempSync(join(tmpdir(), 'copydesk-heap-'));
    writeFileSync(join(out, 'report.json'), '{"kept": true}\n');
    const run = spawnSync(process.execPath, [BIN, 'scan', CORPUS, '--out', out, '--quiet'], {
      encoding: 'utf8',
      env: { ...env, [HEAP_ENV]: '12' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'copydesk: scan was aborted (SIGABRT), which is how Node ends a process out of memory (heap limit 12 MiB; a scan needs up to about 120 KB an article): scan a part of the corpus, or allow more with COPYDESK_HEAP_MIB=<MiB>',
    );
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('{"kept": true}\n');
  });

  it('refuses a bad COPYDESK_HEAP_MIB in one line, exit 2', () => {
    const run = spawnSync(process.execPath, [BIN, 'scan', CORPUS, '--no-write'], {
      encoding: 'utf8',
      env: { ...env, [HEAP_ENV]: 'lots' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('copydesk: COPYDESK_HEAP_MIB must be a whole number of MiB (such as 8192), got "lots"\n');
    expect(run.stdout).toBe('');
  });

  it('keeps the limit the user set in NODE_OPTIONS', () => {
    const got = reportedMemory({ ...env, NODE_OPTIONS: '--max-old-space-size=1500' });
    expect(got.limit).toBeGreaterThanOrEqual(1500);
    expect(got.limit).toBeLessThan(1500 + 128);
    // No second process: V8's growing step, which Node would not take from NODE_OPTIONS anyway.
    expect(got.step).toBe("V8's own");
  });

  it.each([
    { name: 'the launcher’s growing step in the scan’s process', nodeArgs: [], step: `${HEAP_GROWING_PERCENT} %` },
    { name: 'the step given to node kept (0: V8’s own)', nodeArgs: ['--heap-growing-percent=0'], step: "V8's own" },
    { name: 'the step given to node kept (45 %)', nodeArgs: ['--heap-growing-percent=45'], step: '45 %' },
  ])('$name', ({ nodeArgs, step }) => {
    // COPYDESK_HEAP_MIB makes the launcher start the second process whatever the machine.
    const got = reportedMemory({ ...env, [HEAP_ENV]: '3000' }, nodeArgs);
    expect(got.step).toBe(step);
    expect(got.limit).toBeGreaterThanOrEqual(3000);
  });

  it('passes a SIGTERM sent to it on to the scan, exits by that signal, and leaves no process behind', async () => {
    const out = mkdtempSync(join(tmpdir(), 'copydesk-heap-'));
    const child = spawn(process.execPath, [BIN, 'scan', CORPUS, '--out', out, '--timings', '--quiet'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Wait until the scan itself (the launcher's child) reports its first stage.
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes(': ')) resolve();
      });
      child.on('exit', () => reject(new Error(`ended before a stage: ${err}`)));
    });
    child.kill('SIGTERM');
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Killed by the signal, or (if it came while the reports were written) stopped with 130.
    expect(exit.signal === 'SIGTERM' || exit.code === 130).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const left = spawnSync('pgrep', ['-f', out], { encoding: 'utf8' });
    expect(left.stdout.trim()).toBe('');
  });
});
