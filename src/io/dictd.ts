/**
 * Reader for dictd databases (`NAME.index` + `NAME.dict.dz`), as Debian's dict-freedict-*
 * packages install them under /usr/share/dictd. The only code that reads dictionaries from disk;
 * parsing the entries into a lexicon is core/xling/lexicon.ts.
 *
 * Format: each index line is `headword<TAB>offset<TAB>length`, the numbers in dictd's base-64
 * numerals (A–Z a–z 0–9 + /, most significant digit first), addressing the uncompressed text. The
 * `.dict.dz` is dictzip, a gzip stream (random access through its chunk table is not needed: a
 * whole dictionary is read once).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A dictd number (a plain base-64 numeral, not RFC 4648 base64). */
export function decodeDictdNumber(s: string): number {
  let n = 0;
  for (const ch of s) {
    const d = B64.indexOf(ch);
    if (d < 0) throw new RangeError(`bad dictd number "${s}"`);
    n = n * 64 + d;
  }
  return n;
}

/** One dictionary entry: the headword and its text (the first line repeats the headword). */
export interface DictdEntry {
  headword: string;
  body: string;
}

/** Whether a dictd database (`base` without extension) is installed. */
export function hasDictd(base: string): boolean {
  return existsSync(`${base}.index`) && (existsSync(`${base}.dict.dz`) || existsSync(`${base}.dict`));
}

/**
 * The entries of a dictd database, without dictfmt's `00-database-*` entries; with `keep`, only
 * those whose index headword it accepts (the text of the others is never decoded: German has half
 * a million). Synchronous: the scan asks for a dictionary between its stages, once per language.
 */
export function readDictd(base: string, keep?: (headword: string) => boolean): DictdEntry[] {
  const index = readFileSync(`${base}.index`, 'utf8');
  const data = existsSync(`${base}.dict.dz`)
    ? gunzipSync(readFileSync(`${base}.dict.dz`), { chunkSize: 1 << 20 })
    : readFileSync(`${base}.dict`);
  const out: DictdEntry[] = [];
  for (const line of index.split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (headword === undefined || offset === undefined || length === undefined) continue;
    if (headword.startsWith('00-database') || headword.startsWith('00database')) continue;
    if (keep && !keep(headword)) continue;
    const at = decodeDictdNumber(offset);
    out.push({ headword, body: data.subarray(at, at + decodeDictdNumber(length)).toString('utf8') });
  }
  return out;
}
