/**
 * Writing outputs without ever leaving a half-written file, or a half-replaced set of files.
 *
 * One file: written to a temporary file beside the target, then renamed over it (atomic on one file
 * system). A set of files (the scan's report.json, report.md and index.html): all are written into
 * a new staging folder inside the output folder, then renamed into place one after the other, in
 * one synchronous step that no signal handler can interrupt; the staging folder is then removed.
 * A signal that arrives while the staging files are written (Ctrl-C) stops before the first rename:
 * the old set stays whole. Only a SIGKILL or a power cut during the renames themselves (microseconds)
 * could leave a mixed set, and it leaves the staging folder behind to show it; the next write
 * removes it.
 *
 * Every failure the user can cause (the output is a file, a read-only place, a full disk) is an
 * `InputError` naming the path, the operating system's reason and its code: exit 2, not a crash.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../types/index.js';

const STAGING_PREFIX = '.copydesk-staging-';

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this file system',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links in the path',
  EMFILE: 'too many open files',
};

/** The reason of a file system error in words, with its code (`no space left on the device (ENOSPC)`). */
export function reasonOf(error: NodeJS.ErrnoException & { code: string }): string {
  return `${REASONS[error.code] ?? error.message} (${error.code})`;
}

/** An error from the file system, as an InputError naming the path, the reason and what to do. */
export function describeWriteError(error: unknown, path: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || error instanceof InputError) return error as InputError;
  return new InputError(
    `cannot write: ${reasonOf(error as NodeJS.ErrnoException & { code: string })}; existing files were left as they were`,
    path,
  );
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw describeWriteError(error, dir);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw describeWriteError(error, path);
  }
}

/** Pieces of a file's text are written this many characters at a time, at least. */
const PIECES_PER_WRITE = 1 << 20;

/**
 * A file's content: one string, or its pieces in order (`renderJsonChunks`: a large report is
 * never one string); pieces are gathered into writes of about a million characters.
 */
export type FileContent = string | Iterable<string>;

/** The pieces gathered into strings of about `PIECES_PER_WRITE` characters. */
function* batches(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= PIECES_PER_WRITE) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (size > 0) yield batch.join('');
}

/** Write pieces to a stream (stdout), a million characters at a time, waiting when it is full. */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const batch of batches(pieces)) if (!stream.write(batch)) await once(stream, 'drain');
}

async function writeContent(path: string, content: FileContent): Promise<void> {
  if (typeof content === 'string') await writeFile(path, content);
  else await pipeline(Readable.from(batches(content)), createWriteStream(path));
}

/** Thrown when a write of a set was stopped by a signal before anything was replaced. */
export class WriteInterrupted extends Error {
  override name = 'WriteInterrupted';
}

export interface WriteSetOptions {
  /** Asked between files: true stops the write (Ctrl-C) and leaves the old set as it was. */
  interrupted?: () => boolean;
  /** Told after each staged file. */
  onFile?: (done: number, total: number) => void;
}

/** Remove staging folders left by a process that no longer runs (killed during a write). */
function removeStaleStaging(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length).split('-')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Write files (name → content) into `dir` as one set: the files of the set are either all the old
 * ones or all the new ones. Other files in `dir` are not touched.
 */
export async function writeFileSet(
  dir: string,
  files: ReadonlyArray<readonly [name: string, content: FileContent]>,
  options: WriteSetOptions = {},
): Promise<void> {
  let staging = '';
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleStaging(dir);
    staging = await mkdtemp(join(dir, `${STAGING_PREFIX}${process.pid}-`));
  } catch (error) {
    throw describeWriteError(error, dir);
  }
  try {
    for (const [k, [name, content]] of files.entries()) {
      if (options.interrupted?.()) throw new WriteInterrupted(`stopped before ${name} was written`);
      await writeContent(join(staging, name), content);
      options.onFile?.(k + 1, files.length);
    }
    if (options.interrupted?.()) throw new WriteInterrupted('stopped before the reports were replaced');
    // The commit: synchronous, so no signal handler runs between two renames.
    for (const [name] of files) renameSync(join(staging, name), join(dir, name));
  } catch (error) {
    throw error instanceof WriteInterrupted ? error : describeWriteError(error, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
