/**
 * vitest globalSetup: a PostgreSQL server for the store tests. `COPYDESK_TEST_POSTGRES` (a
 * postgres:// URL, as `.ci/run` exports) is used as it is; otherwise, when PostgreSQL's binaries
 * are installed (Debian's `postgresql` package), a throwaway cluster is started on a Unix socket
 * in a temporary folder and removed at the end. When neither works, the tests that need it skip
 * and say why (`postgresSkipReason`).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresSkipReason: string;
  }
}

function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return undefined;
}

/** Run a PostgreSQL binary, as the `postgres` user when we are root (initdb refuses root). */
function runAs(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('su', ['postgres', '-c', [bin, ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.COPYDESK_TEST_POSTGRES;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresSkipReason', '');
    return undefined;
  }
  const bin = findBinaries();
  if (!bin) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresSkipReason',
      'PostgreSQL is not installed (apt-get install postgresql, or set COPYDESK_TEST_POSTGRES)',
    );
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-pg-'));
  const port = String(20000 + (process.pid % 20000));
  try {
    if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
    runAs(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
    runAs(join(bin, 'pg_ctl'), [
      '-D',
      join(dir, 'data'),
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses= -c fsync=off`,
      '-w',
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    project.provide('postgresUrl', '');
    project.provide(
      'postgresSkipReason',
      `a throwaway PostgreSQL cluster could not be started (${(error as Error).message.split('\n')[0]})`,
    );
    return undefined;
  }
  project.provide('postgresUrl', `postgresql://postgres@localhost/postgres?host=${dir}&port=${port}`);
  project.provide('postgresSkipReason', '');
  return () => {
    try {
      runAs(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      if (!process.env.KEEPPG) rmSync(dir, { recursive: true, force: true });
    }
  };
}
