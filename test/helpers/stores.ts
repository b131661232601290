/** The stores every test of the index runs against: memory, SQLite, and PostgreSQL when a server can be had. */
import { join } from 'node:path';
import { MemoryStore } from '../../src/store/memory.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { IndexStore, SketchConfig } from '../../src/types/index.js';
import { makeTempDir } from '../store/fixtures.js';
import { freshPostgresUrl, hasPostgres, postgresSkipReason } from './postgres.js';

export interface StoreKind {
  name: string;
  /** Why this store's tests skip ('' when they run). */
  skip: string;
  open: (config: SketchConfig) => Promise<IndexStore>;
}

export function storeKinds(label: string): StoreKind[] {
  const dir = makeTempDir(label);
  let n = 0;
  return [
    { name: 'memory', skip: '', open: async (config) => new MemoryStore(config) },
    { name: 'sqlite', skip: '', open: (config) => SqliteStore.open(join(dir, `s${n++}.db`), { config }) },
    {
      name: hasPostgres ? 'postgres' : `postgres (skipped: ${postgresSkipReason})`,
      skip: postgresSkipReason,
      open: (config) => PostgresStore.open(freshPostgresUrl(label), { config }),
    },
  ];
}
