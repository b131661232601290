/**
 * The hostile-input suite's runner: the built binary in a child process, with its wall time and its
 * peak memory (measure.mjs, loaded with `node --import`), killed when it runs past its time bound.
 * Every run is recorded; the suite writes them to test/.tmp/hostile-results.json (count, time,
 * peak memory of each case) for the README and the closing note.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './fixtures.js';

export const BIN = join(ROOT, 'bin', 'copydesk.js');
const MEASURE = join(ROOT, 'test', 'hostile', 'measure.mjs');
export const RESULTS = join(ROOT, 'test', '.tmp', 'hostile-results.jsonl');
export const hasBuild = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));

export interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory in MiB (undefined when the process died before it could say). */
  peakMiB: number | undefined;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  /** Killed (SIGKILL) past this many seconds. */
  timeoutSeconds?: number;
  env?: Record<string, string>;
  /** Send this signal once stderr matches `when` (then after `delayMs`). */
  interrupt?: { when: RegExp; signal: NodeJS.Signals; delayMs?: number };
  /** Run as this user id (for permission tests when the suite runs as root). */
  uid?: number;
  /** Extra arguments for node before the script (e.g. a heap limit). */
  nodeArgs?: string[];
  /** Largest file the command may write, in 512-byte blocks (`ulimit -f`). */
  fileSizeBlocks?: number;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `copydesk-hostile-${prefix}-`));
}

/** Run `copydesk args…` and measure it. */
export function runCopydesk(args: string[], options: RunOptions = {}): Promise<Run> {
  const measureDir = tempDir('measure');
  // Another user (a permission test run as root) must be able to write the measure file.
  if (options.uid !== undefined) chmodSync(measureDir, 0o777);
  const measure = join(measureDir, 'usage.json');
  const t0 = performance.now();
  const node = [process.execPath, ...(options.nodeArgs ?? []), '--import', MEASURE, BIN, ...args];
  // A file-size limit (ulimit -f, in 512-byte blocks) makes a write fail past it, as a full disk does.
  const [command, ...argv] =
    options.fileSizeBlocks === undefined
      ? node
      : ['/bin/sh', '-c', `ulimit -f ${options.fileSizeBlocks} && exec "$@"`, 'sh', ...node];
  const child = spawn(command as string, argv, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env, HOSTILE_MEASURE: measure },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  let interrupted = false;
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
    const i = options.interrupt;
    if (i && !interrupted && i.when.test(stderr)) {
      interrupted = true;
      setTimeout(() => child.kill(i.signal), i.delayMs ?? 0);
    }
  });
  const timer = setTimeout(
    () => {
      timedOut = true;
      child.kill('SIGKILL');
    },
    (options.timeoutSeconds ?? 60) * 1000,
  );
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const usage = existsSync(measure)
        ? (JSON.parse(readFileSync(measure, 'utf8')) as { maxRssKiB: number })
        : undefined;
      rmSync(measureDir, { recursive: true, force: true });
      resolve({
        code,
        signal,
        stdout,
        stderr,
        seconds: (performance.now() - t0) / 1000,
        peakMiB: usage ? usage.maxRssKiB / 1024 : undefined,
        timedOut,
      });
    });
  });
}

/** Record one case's outcome for the results file. */
export function record(name: string, run: Run): void {
  mkdirSync(join(ROOT, 'test', '.tmp'), { recursive: true });
  appendFileSync(
    RESULTS,
    `${JSON.stringify({ case: name, code: run.code, seconds: Math.round(run.seconds * 100) / 100, peakMiB: run.peakMiB === undefined ? null : Math.round(run.peakMiB) })}\n`,
  );
}

/** The message lines of stderr (progress bars are off: stderr is not a terminal). */
export function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter((l) => l !== '');
}

/** Whether other users can reach the project: every folder from it up to / searchable by others. */
function reachableByOthers(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

const ROOT_USER = process.getuid?.() === 0;

/** Another user to run as, for permission tests, when the suite runs as root (root ignores permissions). */
export const OTHER_USER = ROOT_USER && reachableByOthers(ROOT) ? 65534 : undefined;

/**
 * Whether permission tests can run: not as root, or as root with another user who can reach the
 * project (a clone inside a private folder, such as `mktemp -d` makes, cannot be run by another user).
 */
export const CAN_TEST_PERMISSIONS = !ROOT_USER || OTHER_USER !== undefined;
