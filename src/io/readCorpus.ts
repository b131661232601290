/**
 * Reading articles: the one place (with writeFile.ts) that touches the file system.
 *
 * Inputs are folders (searched recursively for .txt, .md, .html/.htm and .jsonl; symbolic links are
 * followed, a link back to a folder already read is skipped with a note), single article files, and
 * JSON Lines files. HTML pages, and JSON Lines rows with an `html` field instead of `text`, are read
 * through html.ts (the main text, title and date of the page). Text is UTF-8 (a byte-order mark is
 * dropped) or UTF-16 with a byte-order mark (decoded). Every problem becomes an `InputError` naming
 * the file (and line), so the CLI prints one line and exits 2.
 */
import { isUtf8 } from 'node:buffer';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { type Article, InputError } from '../types/index.js';
import type { PageText } from './html.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const KNOWN_FIELDS = new Set(['id', 'text', 'title', 'lang', 'date', 'source', 'url']);
/** Folder-level sidecar: `{ "<id>": { "title": …, "date": …, … } }`. */
export const METADATA_FILE = 'metadata.json';
/** Files read at once (a folder of 200,000 articles reads in parallel, not one by one). */
const READ_CONCURRENCY = 16;

export interface ReadOptions {
  /** Told after each file read, with the number of files found. */
  onProgress?: (done: number, total: number) => void;
  /** Told of each thing skipped on the way (a broken symbolic link, a link back to a parent folder). */
  onNote?: (message: string) => void;
}

/** Decode UTF-8 strictly; name the byte offset of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('is empty', file);
  if (bytes.includes(0)) throw new InputError(describeNulBytes(bytes), file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      `is not valid UTF-8 (first bad byte at offset ${at}: 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}); if it is Latin-1 or Windows-1252, convert it first: iconv -f WINDOWS-1252 -t UTF-8`,
      file,
    );
  }
  return checkNotBlank(text, file);
}

function checkNotBlank(text: string, file: string): string {
  if (text.trim() === '') throw new InputError('is empty (only white space)', file);
  return text;
}

/** NUL bytes: UTF-16 without a byte-order mark (every other byte 0 in ASCII text), or binary. */
function describeNulBytes(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 4096);
  let evenZero = 0;
  let oddZero = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) evenZero++;
      else oddZero++;
    }
  });
  const half = sample.length / 2;
  if (oddZero > 0.4 * half && evenZero < 0.05 * half)
    return 'looks like UTF-16 (little-endian) without a byte-order mark; convert it first: iconv -f UTF-16LE -t UTF-8';
  if (evenZero > 0.4 * half && oddZero < 0.05 * half)
    return 'looks like UTF-16 (big-endian) without a byte-order mark; convert it first: iconv -f UTF-16BE -t UTF-8';
  return 'is a binary file (it contains NUL bytes), not UTF-8 text';
}

/**
 * Decode a text file: UTF-8 (with or without a byte-order mark), or UTF-16 announced by its
 * byte-order mark (FF FE little-endian, FE FF big-endian). UTF-32 and anything else is refused
 * with the reason and the command that converts it.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff))
    throw new InputError('is UTF-32 text; convert it first: iconv -f UTF-32 -t UTF-8', file);
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined;
  if (utf16 === undefined) return decodeUtf8(bytes, file);
  if (bytes.length === 2) throw new InputError('is empty', file);
  try {
    return checkNotBlank(new TextDecoder(utf16, { fatal: true }).decode(bytes), file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()}`,
      file,
    );
  }
}

export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'ENAMETOOLONG') return 'name too long';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files (raise the limit: ulimit -n)';
  return (error as Error).message;
}

/** Split `---\nkey: value\n---` front matter off a text file. Values are plain strings. */
export function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of (m[1] as string).split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) meta[kv[1] as string] = (kv[2] as string).replace(/^["']|["']$/g, '');
  }
  return { meta, body: text.slice(m[0].length) };
}

export function applyMeta(article: Article, meta: Record<string, unknown>, where: string): Article {
  const out: Article = { ...article };
  const extra: Record<string, unknown> = { ...(article.meta ?? {}) };
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'id' || key === 'text' || key === 'html') continue;
    if (KNOWN_FIELDS.has(key)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string')
        throw new InputError(`field "${key}" must be a string, got ${describeType(value)}`, where);
      (out as unknown as Record<string, string>)[key] = value;
    } else {
      extra[key] = value;
    }
  }
  if (Object.keys(extra).length > 0) out.meta = extra;
  return out;
}

function describeType(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}

/** One .txt or .md file as an article; its id is given by the caller. */
export async function readTextArticle(path: string, id: string): Promise<Article> {
  const text = decodeText(await readBytes(path), path);
  const { meta, body } = splitFrontMatter(text);
  if (body.trim() === '') throw new InputError('has front matter but no text', path);
  return applyMeta({ id, text: body, origin: path }, meta, path);
}

export type ExtractPage = (html: string) => PageText;

export async function loadExtractor(): Promise<ExtractPage> {
  return (await import('./html.js')).extractPageText;
}

/** A page's text as an article: its title and date unless metadata gives them. */
function pageArticle(page: PageText, id: string, origin: string): Article {
  const article: Article = { id, text: page.text, origin };
  if (page.title !== undefined) article.title = page.title;
  if (page.date !== undefined) article.date = page.date;
  return article;
}

function extractOrThrow(extract: ExtractPage, html: string, where: string): PageText {
  try {
    return extract(html);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(error.message, where);
    throw error;
  }
}

/** The charset a page declares in its first bytes (`<meta charset>`), when TextDecoder knows it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (!label || label === 'utf-8' || label === 'utf8') return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** One .html or .htm file as an article: its main text, and its title and date. */
export async function readHtmlArticle(path: string, id: string, extract: ExtractPage): Promise<Article> {
  const bytes = await readBytes(path);
  const charset = bytes.length > 0 ? declaredCharset(bytes) : undefined;
  const html = charset ? checkNotBlank(new TextDecoder(charset).decode(bytes), path) : decodeText(bytes, path);
  return pageArticle(extractOrThrow(extract, html, path), id, path);
}

/** The text of one JSON Lines row: its `text`, or the main text of its `html`. */
function rowText(obj: Record<string, unknown>, line: number, file: string, extract?: ExtractPage): PageText {
  if (obj.text === undefined && typeof obj.html === 'string' && extract)
    return extractOrThrow(extract, obj.html, `${file}: line ${line}`);
  if (typeof obj.text !== 'string') {
    throw new InputError(
      `line ${line}: ${obj.text === undefined ? 'missing required field "text" (or "html")' : `field "text" must be a string, got ${describeType(obj.text)}`}`,
      file,
    );
  }
  if (obj.text.trim() === '') throw new InputError(`line ${line}: field "text" is empty`, file);
  return { text: obj.text };
}

/** One row of a JSON Lines file, checked. */
export function parseRow(line: string, n: number, file: string, extract?: ExtractPage): Article {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    throw new InputError(`line ${n}: invalid JSON (${(error as Error).message})`, file);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    throw new InputError(`line ${n}: expected a JSON object, got ${describeType(row)}`, file);
  const obj = row as Record<string, unknown>;
  if (obj.id === undefined || obj.id === null || obj.id === '')
    throw new InputError(`line ${n}: missing required field "id"`, file);
  if (typeof obj.id !== 'string' && typeof obj.id !== 'number')
    throw new InputError(`line ${n}: field "id" must be a string, got ${describeType(obj.id)}`, file);
  const page = rowText(obj, n, file, extract);
  const article = pageArticle(page, String(obj.id), `${file}:${n}`);
  return applyMeta(article, obj, `${file} line ${n}`);
}

/**
 * Parse a JSON Lines file: one article a line, `id` and `text` required (or `html`, when an
 * extractor is given: the page's main text, title and date). Blank lines are skipped.
 */
export function parseJsonLines(content: string, file: string, extract?: ExtractPage): Article[] {
  const out: Article[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') out.push(parseRow(line, i + 1, file, extract));
  });
  if (out.length === 0) throw new InputError('has no articles (no non-empty lines)', file);
  return out;
}

/**
 * A JSON Lines file's articles. A file of valid UTF-8 (most) is checked whole as `decodeText`
 * checks it (`isUtf8`, natively), then decoded a line at a time (`parseJsonLinesBytes`): the whole
 * file was a string beside its bytes and its lines, 334 MB of the index benchmark's 100,000
 * articles (up to twice that as UTF-16, which V8 uses for a string with any character past
 * U+00FF), and reading it took the scan to 1,905 MiB before its first stage. Any other file
 * (UTF-16 with a byte-order mark, or one `decodeText` refuses) is decoded whole, with the same
 * errors as before.
 */
async function readJsonLinesFile(path: string): Promise<Article[]> {
  const bytes = await readBytes(path);
  if (bytes.length > 0 && !bytes.includes(0) && isUtf8(bytes)) {
    const extract = includesBytes(bytes, '"html"') ? await loadExtractor() : undefined;
    return parseJsonLinesBytes(bytes, path, extract);
  }
  const content = decodeText(bytes, path);
  const extract = content.includes('"html"') ? await loadExtractor() : undefined;
  return parseJsonLines(content, path, extract);
}

function includesBytes(bytes: Uint8Array, ascii: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ascii, 0, 'latin1');
}

/**
 * `parseJsonLines` of the bytes of a valid UTF-8 file (`isUtf8`; a leading byte-order mark
 * skipped, as the decoder skips it), each line decoded on its own: the same articles and errors,
 * without the file as one string.
 */
export function parseJsonLinesBytes(bytes: Uint8Array, file: string, extract?: ExtractPage): Article[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Article[] = [];
  let blank = true;
  let n = 0;
  let start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  while (start <= buffer.length) {
    const found = buffer.indexOf(10, start);
    const nl = found < 0 ? buffer.length : found;
    const end = nl > start && buffer[nl - 1] === 13 ? nl - 1 : nl;
    n++;
    const line = buffer.toString('utf8', start, end);
    if (line.trim() !== '') {
      if (blank) blank = false;
      out.push(parseRow(line, n, file, extract));
    }
    start = nl + 1;
  }
  if (blank) throw new InputError('is empty (only white space)', file);
  return out;
}

/** A file to read: its kind, and the id it gets (articles found in folders). */
interface Entry {
  path: string;
  kind: 'text' | 'html' | 'jsonl';
  id?: string;
  /** The folder it was found in, for the sidecar metadata. */
  folder?: string;
}

export function kindOf(path: string): Entry['kind'] | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl') return 'jsonl';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  return undefined;
}

/**
 * The files of a folder, depth first, names sorted. Symbolic links are followed (stat, not lstat);
 * a link to a folder already on the way (a loop) is skipped with a note, as is a broken link.
 */
export async function walk(dir: string, seen: Set<string>, onNote: (m: string) => void): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) {
    onNote(`${dir}: skipped, a symbolic link back to a folder already read (${real})`);
    return [];
  }
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        onNote(`${full}: skipped, a broken symbolic link`);
        continue;
      }
    }
    if (isDir) for (const f of await walk(full, seen, onNote)) files.push(f);
    else if (isFile) files.push(full);
  }
  seen.delete(real);
  return files;
}

export async function readSidecar(dir: string): Promise<Record<string, Record<string, unknown>>> {
  const path = join(dir, METADATA_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(bytes, path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`invalid JSON (${(error as Error).message})`, path);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError('expected an object mapping article ids to metadata objects', path);
  }
  return parsed as Record<string, Record<string, unknown>>;
}

/** The entries of one input: a folder's article files, or the file itself. */
async function listInput(path: string, onNote: (m: string) => void): Promise<Entry[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
  if (!info.isDirectory()) {
    const kind = kindOf(path) ?? 'text';
    return [{ path, kind, ...(kind === 'jsonl' ? {} : { id: basename(path, extname(path)) }) }];
  }
  const entries: Entry[] = [];
  for (const file of await walk(path, new Set(), onNote)) {
    const kind = kindOf(file);
    if (kind === undefined) continue;
    const id = relative(path, file).slice(0, -extname(file).length).split(sep).join('/');
    entries.push({ path: file, kind, folder: path, ...(kind === 'jsonl' ? {} : { id }) });
  }
  if (entries.length === 0) throw new InputError('contains no .txt, .md, .html or .jsonl files', path);
  return entries;
}

/** Read one entry into its articles (a JSON Lines file holds many). */
async function readEntry(
  entry: Entry,
  sidecars: Map<string, Record<string, Record<string, unknown>>>,
  extract: ExtractPage | undefined,
): Promise<Article[]> {
  if (entry.kind === 'jsonl') return readJsonLinesFile(entry.path);
  const id = entry.id as string;
  const article =
    entry.kind === 'html'
      ? await readHtmlArticle(entry.path, id, extract as ExtractPage)
      : await readTextArticle(entry.path, id);
  const meta = entry.folder === undefined ? undefined : sidecars.get(entry.folder)?.[id];
  return meta && typeof meta === 'object'
    ? [applyMeta(article, meta, join(entry.folder as string, METADATA_FILE))]
    : [article];
}

/** Read entries a few at a time, keeping their order. */
async function readAll(
  entries: readonly Entry[],
  options: ReadOptions,
  sidecars: Map<string, Record<string, Record<string, unknown>>>,
): Promise<Article[][]> {
  const extract = entries.some((e) => e.kind === 'html') ? await loadExtractor() : undefined;
  const out: Article[][] = new Array(entries.length);
  // The first bad file in input order is the one reported, whichever read finished first: no entry
  // is started after a failure, and every entry before a failing one was started before it.
  const failures = new Map<number, unknown>();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length && failures.size === 0) {
      const k = next++;
      try {
        out[k] = await readEntry(entries[k] as Entry, sidecars, extract);
      } catch (error) {
        failures.set(k, error);
      }
      options.onProgress?.(++done, entries.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  return out;
}

/** Read one input: a folder, a .jsonl file, or an article file. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<Article[]> {
  return readCorpus([path], options);
}

/** Read every input, in order, and refuse duplicate ids. */
export async function readCorpus(inputs: readonly string[], options: ReadOptions = {}): Promise<Article[]> {
  if (inputs.length === 0) throw new InputError('no input given');
  const onNote = options.onNote ?? (() => {});
  const entries: Entry[] = [];
  const sidecars = new Map<string, Record<string, Record<string, unknown>>>();
  for (const input of inputs) {
    const listed = await listInput(input, onNote);
    const folder = listed[0]?.folder;
    if (folder !== undefined && !sidecars.has(folder)) sidecars.set(folder, await readSidecar(folder));
    for (const e of listed) entries.push(e);
  }
  const all: Article[] = [];
  const seen = new Map<string, string>();
  for (const [k, articles] of (await readAll(entries, options, sidecars)).entries()) {
    for (const article of articles) {
      const previous = seen.get(article.id);
      if (previous !== undefined)
        throw new InputError(
          `duplicate id "${article.id}" (also in ${previous})`,
          article.origin ?? (entries[k] as Entry).path,
        );
      seen.set(article.id, article.origin ?? (entries[k] as Entry).path);
      all.push(article);
    }
  }
  return all;
}

/** A single file as one article (a .jsonl file must hold exactly one line). */
export async function readArticleFile(path: string): Promise<Article> {
  const articles = await readInput(path);
  if (articles.length !== 1) throw new InputError(`expected one article, found ${articles.length}`, path);
  return articles[0] as Article;
}

/**
 * The two articles of a comparison: two files, or two ids inside `corpus`. Returns the corpus as
 * the third element (empty without one), for TF-IDF weights.
 */
export async function resolvePair(
  refA: string,
  refB: string,
  corpus?: string,
  options: ReadOptions = {},
): Promise<[Article, Article, Article[]]> {
  if (corpus === undefined) return [await readArticleFile(refA), await readArticleFile(refB), []];
  const all = await readCorpus([corpus], options);
  const find = (ref: string): Article => {
    const hit = all.find((a) => a.id === ref) ?? all.find((a) => a.id === basename(ref, extname(ref)));
    if (!hit) throw new InputError(`no article with id "${ref}" (ids look like "${all[0]?.id ?? ''}")`, corpus);
    return hit;
  };
  return [find(refA), find(refB), all];
}
