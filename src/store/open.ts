/**
 * `openStore`: the one way commands open an index. The location names the store: a file path is
 * an SQLite index (the embedded default); a `postgres://` (or `postgresql://`) URL is an index in
 * a PostgreSQL database, shared by every machine that names it. Any other URL scheme is refused,
 * never quietly taken for a file path.
 */
import { type IndexStore, InputError, type SketchConfigSource } from '../types/index.js';

/** Where the CLI keeps its index when neither `--index` nor COPYDESK_INDEX is given. */
export const DEFAULT_INDEX_PATH = '.copydesk/index.db';

export interface OpenStoreOptions {
  /** Open for reading only (gate without --add, stats): the index must exist. */
  readonly?: boolean;
  /** Open for writing an index that must exist already (remove, rebuild). */
  mustExist?: boolean;
  /** Sketch config for a new index (an existing index keeps its own; a function is called only to create one). */
  config: SketchConfigSource;
  /** Open an index whose rebuild was interrupted (only `index rebuild` should). */
  allowRebuilding?: boolean;
}

/** A scheme such as `postgres:` or `file:` at the start of a location (a Windows drive letter is not one). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export const SERVER_SCHEMES = ['postgres', 'postgresql'] as const;

export async function openStore(location: string, options: OpenStoreOptions): Promise<IndexStore> {
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(location, options);
  }
  if (scheme !== undefined) {
    throw new InputError(
      `"${scheme}:" names a store this copydesk cannot open; --index takes the path of an SQLite index file or a postgres:// URL`,
      location.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@'),
    );
  }
  const { SqliteStore, inspectIndexFile } = await import('./sqlite.js');
  if (options.mustExist && inspectIndexFile(location) === 'new')
    throw new InputError('no index here yet (create one with `copydesk index add <files> --index PATH`)', location);
  return SqliteStore.open(location, options);
}
