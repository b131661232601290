/**
 * vitest globalSetup: one temporary folder for the whole run, removed at its end. Tests make
 * their folders with `mkdtemp(tmpdir())` and the CLI runs they start write theirs there too; with
 * `TMPDIR` pointing here for the run (the test workers and every child process inherit it), none
 * of them is left behind (before this, each run of the suite left about 150 folders and 800 MB
 * in /tmp). Sticky and world-writable, as /tmp is: a permission test runs the CLI as another user,
 * and the throwaway PostgreSQL cluster runs as `postgres`.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => Promise<void> {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-test-run-'));
  chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  // Removed asynchronously: the folder holds close to a gigabyte at the end of a run. While it was
  // removed synchronously, every CI run printed "[vitest-pool]: Timeout terminating forks worker"
  // after the summary, though nothing had hung; the likely cause (not reproduced on demand) is
  // that the removal held vitest's main thread past its 10 s teardown timer while the last worker
  // was still stopping. No run since this change has printed it.
  return async () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    await rm(dir, { recursive: true, force: true });
  };
}
