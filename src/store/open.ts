/**
 * `openStore`: the one way commands open an index. The location names the store: a file path is
 * an SQLite index (the embedded default). A location with a URL scheme (`postgres://…`) names a
 * server database; one this build cannot open is refused, never quietly replaced by a local file.
 */
import { type IndexStore, InputError, type SketchConfig } from '../types/index.js';

/** Where the CLI keeps its index when `--index` is not given. */
export const DEFAULT_INDEX_PATH = '.copydesk/index.db';

export interface OpenStoreOptions {
  /** Open for reading only (gate without --add, stats): the index must exist. */
  readonly?: boolean;
  /** Sketch config for a new index (an existing index keeps its own). */
  config: SketchConfig;
  /** Open an index whose rebuild was interrupted (only `index rebuild` should). */
  allowRebuilding?: boolean;
}

/** A scheme such as `postgres:` or `file:` at the start of a location (a Windows drive letter is not one). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export async function openStore(location: string, options: OpenStoreOptions): Promise<IndexStore> {
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    throw new InputError(
      `"${scheme}:" names a store this copydesk cannot open; --index takes the path of an SQLite index file`,
      location,
    );
  }
  const { SqliteStore } = await import('./sqlite.js');
  return SqliteStore.open(location, options);
}
