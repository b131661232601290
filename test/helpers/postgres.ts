/** The test PostgreSQL server (see postgresSetup.ts): a URL per test index, each in a schema of its own. */
import { inject } from 'vitest';

const base = inject('postgresUrl');
/** Why the PostgreSQL tests skip ('' when they run). */
export const postgresSkipReason = inject('postgresSkipReason');
export const hasPostgres = base !== '';

let n = 0;
const run = `${process.pid}_${Date.now().toString(36)}`;

/** The URL of a new, empty index. */
export function freshPostgresUrl(label = 't'): string {
  const sep = base.includes('?') ? '&' : '?';
  return `${base}${sep}schema=${`${label}_${run}_${n++}`.toLowerCase()}`;
}
