/**
 * Reading articles as a stream: the same inputs, checks and errors as `readCorpus` (whose parsing
 * helpers it reuses), but yielded in chunks as they are read, so `index add` of a multi-gigabyte
 * JSON Lines file holds one chunk at a time instead of the whole file. JSON Lines files are read
 * in 1 MiB blocks and cut at line ends; each line is decoded as strict UTF-8 on its own.
 *
 * Duplicate ids across all inputs are refused as `readCorpus` refuses them; to do that the ids seen
 * are kept (one Map entry per article: about 80 MB for a million ids of 20 characters).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { type Article, InputError } from '../types/index.js';
import {
  applyMeta,
  describeFsError,
  type ExtractPage,
  firstInvalidUtf8,
  kindOf,
  loadExtractor,
  METADATA_FILE,
  parseRow,
  type ReadOptions,
  readHtmlArticle,
  readSidecar,
  readTextArticle,
  walk,
} from './readCorpus.js';

/** Articles per yielded chunk. */
const CHUNK = 500;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** One line's bytes as text, strictly; `offset` is the line's first byte in the file, for the error. */
function decodeLine(bytes: Uint8Array, offset: number, file: string): string {
  if (bytes.includes(0)) throw new InputError('is a binary file (it contains NUL bytes), not UTF-8 text', file);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError(`is not valid UTF-8 (first bad byte at offset ${offset + firstInvalidUtf8(bytes)})`, file);
  }
}

/** The lines of a file as byte arrays, with the offset of each, read in blocks. */
async function* readLines(path: string): AsyncGenerator<{ bytes: Uint8Array; offset: number }> {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const block of stream) {
      const data: Buffer = carry.length > 0 ? Buffer.concat([carry, block as Buffer]) : (block as Buffer);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        const end = nl > start && data[nl - 1] === 13 ? nl - 1 : nl;
        yield { bytes: data.subarray(start, end), offset: offset + start };
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
      offset += start;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), path);
  }
  if (carry.length > 0) yield { bytes: carry, offset };
}

/** The articles of one JSON Lines file, one at a time. */
async function* streamJsonLines(path: string): AsyncGenerator<Article> {
  let lineNumber = 0;
  let any = false;
  let bytes = 0;
  // The page extractor (Readability over linkedom) is loaded only when a row carries `html`.
  let extract: ExtractPage | undefined;
  for await (const line of readLines(path)) {
    lineNumber++;
    bytes += line.bytes.length + 1;
    const text = decodeLine(line.bytes, line.offset, path);
    if (text.trim() === '') continue;
    if (extract === undefined && text.includes('"html"')) extract = await loadExtractor();
    any = true;
    yield parseRow(text, lineNumber, path, extract);
  }
  if (bytes === 0) throw new InputError('is empty', path);
  if (!any) throw new InputError('has no articles (no non-empty lines)', path);
}

async function* streamFolder(dir: string, onNote: (m: string) => void): AsyncGenerator<Article> {
  const sidecar = await readSidecar(dir);
  let any = false;
  let extract: ExtractPage | undefined;
  for (const file of await walk(dir, new Set(), onNote)) {
    const kind = kindOf(file);
    if (kind === undefined) continue;
    any = true;
    if (kind === 'jsonl') {
      for await (const a of streamJsonLines(file)) yield a;
      continue;
    }
    const id = relative(dir, file).slice(0, -extname(file).length).split(sep).join('/');
    if (kind === 'html') extract ??= await loadExtractor();
    const article =
      kind === 'html' ? await readHtmlArticle(file, id, extract as ExtractPage) : await readTextArticle(file, id);
    const meta = sidecar[id];
    yield meta && typeof meta === 'object' ? applyMeta(article, meta, join(dir, METADATA_FILE)) : article;
  }
  if (!any) throw new InputError('contains no .txt, .md, .html or .jsonl files', dir);
}

/** One input, article by article: a folder, a .jsonl file, an .html page or a text file. */
async function* streamInput(path: string, onNote: (m: string) => void): AsyncGenerator<Article> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
  const kind = kindOf(path);
  const id = basename(path, extname(path));
  if (info.isDirectory()) yield* streamFolder(path, onNote);
  else if (kind === 'jsonl') yield* streamJsonLines(path);
  else if (kind === 'html') yield await readHtmlArticle(path, id, await loadExtractor());
  else yield await readTextArticle(path, id);
}

/**
 * Every input, in order, in chunks of up to 500 articles; duplicate ids are refused. Notes about
 * skipped files (broken links, link loops) go to `options.onNote`.
 */
export async function* streamCorpus(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<Article[]> {
  if (inputs.length === 0) throw new InputError('no input given');
  const onNote = options.onNote ?? (() => {});
  const seen = new Map<string, string>();
  let chunk: Article[] = [];
  for (const input of inputs) {
    for await (const article of streamInput(input, onNote)) {
      const previous = seen.get(article.id);
      if (previous !== undefined)
        throw new InputError(`duplicate id "${article.id}" (also in ${previous})`, article.origin ?? input);
      // The origin's file part is shared between the articles of one file (no copy per id).
      seen.set(article.id, article.origin ?? input);
      chunk.push(article);
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The number of articles in the inputs when it is below `limit`, else undefined (the reading stops
 * there). For the progress bar and the choice of worker threads, before the real pass.
 */
export async function countSmallInput(inputs: readonly string[], limit: number): Promise<number | undefined> {
  let n = 0;
  // Notes are left to the real pass (they would be printed twice).
  for await (const chunk of streamCorpus(inputs)) {
    n += chunk.length;
    if (n >= limit) return undefined;
  }
  return n;
}
