/**
 * Data files that ship with copydesk (`data/`), read from beside the code: `data/` is two levels
 * up from both `src/io/` (run from source) and `dist/io/` (the built package).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const DATA = new URL('../../data/', import.meta.url);

/** The text of the cross-language equivalents table (`data/equivalents.tsv`; parsed by core/xling/equivalents.ts). */
export async function readEquivalentsText(): Promise<string> {
  return readFile(new URL('equivalents.tsv', DATA), 'utf8');
}

/** The same, read synchronously (the scan's cross-language stage loads between its stages). */
export function readEquivalentsTextSync(): string {
  return readFileSync(new URL('equivalents.tsv', DATA), 'utf8');
}
