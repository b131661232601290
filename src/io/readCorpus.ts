/**
 * Reading articles: the one place (with writeFile.ts) that touches the file system.
 *
 * Inputs are folders (searched recursively for .txt, .md and .jsonl), single .txt/.md files, and
 * JSON Lines files. Every problem becomes an `InputError` naming the file (and line), so the CLI
 * prints one line and exits 2.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { type Article, InputError } from '../types/index.js';

export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);
const KNOWN_FIELDS = new Set(['id', 'text', 'title', 'lang', 'date', 'source', 'url']);
/** Folder-level sidecar: `{ "<id>": { "title": …, "date": …, … } }`. */
export const METADATA_FILE = 'metadata.json';

/** Decode UTF-8 strictly; name the byte offset of the first invalid sequence. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError('is empty', file);
  if (bytes.includes(0)) throw new InputError('is a binary file (it contains NUL bytes), not UTF-8 text', file);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === '') throw new InputError('is empty (only white space)', file);
    return text;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`, file);
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
    if (key === 'id' || key === 'text') continue;
    if (KNOWN_FIELDS.has(key)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string')
        throw new InputError(`field "${key}" must be a string, got ${typeof value}`, where);
      (out as unknown as Record<string, string>)[key] = value;
    } else {
      extra[key] = value;
    }
  }
  if (Object.keys(extra).length > 0) out.meta = extra;
  return out;
}

/** One .txt or .md file as an article; its id is given by the caller. */
export async function readTextArticle(path: string, id: string): Promise<Article> {
  const text = decodeUtf8(await readBytes(path), path);
  const { meta, body } = splitFrontMatter(text);
  if (body.trim() === '') throw new InputError('has front matter but no text', path);
  return applyMeta({ id, text: body, origin: path }, meta, path);
}

/** Parse one line of a JSON Lines file (`lineNumber` from 1): an article, or undefined for a blank line. */
export function parseJsonLine(line: string, lineNumber: number, file: string): Article | undefined {
  const where = `${file}:${lineNumber}`;
  if (line.trim() === '') return undefined;
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    throw new InputError(`line ${lineNumber}: invalid JSON (${(error as Error).message})`, file);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new InputError(
      `line ${lineNumber}: expected a JSON object, got ${Array.isArray(row) ? 'an array' : typeof row}`,
      file,
    );
  }
  const obj = row as Record<string, unknown>;
  if (obj.id === undefined || obj.id === null || obj.id === '')
    throw new InputError(`line ${lineNumber}: missing required field "id"`, file);
  if (typeof obj.id !== 'string' && typeof obj.id !== 'number')
    throw new InputError(`line ${lineNumber}: field "id" must be a string, got ${typeof obj.id}`, file);
  if (typeof obj.text !== 'string') {
    throw new InputError(
      `line ${lineNumber}: ${obj.text === undefined ? 'missing required field "text"' : `field "text" must be a string, got ${typeof obj.text}`}`,
      file,
    );
  }
  if (obj.text.trim() === '') throw new InputError(`line ${lineNumber}: field "text" is empty`, file);
  return applyMeta({ id: String(obj.id), text: obj.text, origin: where }, obj, `${file} line ${lineNumber}`);
}

/** Parse a JSON Lines file: one article a line, `id` and `text` required. */
export function parseJsonLines(content: string, file: string): Article[] {
  const out: Article[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    const article = parseJsonLine(line, i + 1, file);
    if (article) out.push(article);
  });
  if (out.length === 0) throw new InputError('has no articles (no non-empty lines)', file);
  return out;
}

async function readJsonLinesFile(path: string): Promise<Article[]> {
  return parseJsonLines(decodeUtf8(await readBytes(path), path), path);
}

export async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full)));
    else if (e.isFile()) files.push(full);
  }
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
    parsed = JSON.parse(decodeUtf8(bytes, path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`invalid JSON (${(error as Error).message})`, path);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError('expected an object mapping article ids to metadata objects', path);
  }
  return parsed as Record<string, Record<string, unknown>>;
}

async function readFolder(dir: string): Promise<Article[]> {
  const sidecar = await readSidecar(dir);
  const out: Article[] = [];
  for (const file of await walk(dir)) {
    const ext = extname(file).toLowerCase();
    if (ext === '.jsonl') out.push(...(await readJsonLinesFile(file)));
    else if (TEXT_EXTENSIONS.has(ext)) {
      const id = relative(dir, file).slice(0, -ext.length).split(sep).join('/');
      const article = await readTextArticle(file, id);
      const meta = sidecar[id];
      out.push(meta && typeof meta === 'object' ? applyMeta(article, meta, join(dir, METADATA_FILE)) : article);
    }
  }
  if (out.length === 0) throw new InputError('contains no .txt, .md or .jsonl files', dir);
  return out;
}

/** Read one input: a folder, a .jsonl file, or a text file. */
export async function readInput(path: string): Promise<Article[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
  if (info.isDirectory()) return readFolder(path);
  if (extname(path).toLowerCase() === '.jsonl') return readJsonLinesFile(path);
  return [await readTextArticle(path, basename(path, extname(path)))];
}

/** Read every input, in order, and refuse duplicate ids. */
export async function readCorpus(inputs: readonly string[]): Promise<Article[]> {
  if (inputs.length === 0) throw new InputError('no input given');
  const all: Article[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    for (const article of await readInput(input)) {
      const previous = seen.get(article.id);
      if (previous !== undefined) {
        throw new InputError(`duplicate id "${article.id}" (also in ${previous})`, article.origin ?? input);
      }
      seen.set(article.id, article.origin ?? input);
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
export async function resolvePair(refA: string, refB: string, corpus?: string): Promise<[Article, Article, Article[]]> {
  if (corpus === undefined) return [await readArticleFile(refA), await readArticleFile(refB), []];
  const all = await readCorpus([corpus]);
  const find = (ref: string): Article => {
    const hit = all.find((a) => a.id === ref) ?? all.find((a) => a.id === basename(ref, extname(ref)));
    if (!hit) throw new InputError(`no article with id "${ref}" (ids look like "${all[0]?.id ?? ''}")`, corpus);
    return hit;
  };
  return [find(refA), find(refB), all];
}
