/**
 * A shelf in a temporary file (`Shelf`, types/scan.ts): each value serialized (`v8.serialize`,
 * the structured clone's format) and appended, read back by its offset. The file is unlinked as
 * soon as it is opened, so that nothing is left behind whatever ends the process (a kill, a
 * crash): its space is the system's again when the descriptor closes. What it holds is in the
 * system's page cache, not in the process's memory.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { InputError, type Shelf } from '../types/index.js';
import { reasonOf } from './writeFile.js';

/** A growable list of numbers (offsets and lengths by value number). */
function grown(a: Float64Array<ArrayBuffer>, at: number): Float64Array<ArrayBuffer> {
  if (at < a.length) return a;
  const b = new Float64Array(Math.max(2 * a.length, at + 1)).fill(-1);
  b.set(a);
  return b;
}

/**
 * A shelf in a new temporary file under `dir` (default the system's, `os.tmpdir()`: `TMPDIR`, else
 * /tmp). Throws the system's error when the file cannot be made (the scan then holds what it would
 * have put there), and an `InputError` naming the folder when a value cannot be written (a full
 * disk: the scan stops with that one line, exit 2).
 */
export function createFileShelf(dir: string = tmpdir()): Shelf {
  const folder = mkdtempSync(join(dir, 'copydesk-shelf-'));
  const path = join(folder, 'values');
  let fd: number;
  try {
    fd = openSync(path, 'w+');
  } finally {
    // Unlinked at once: the open descriptor keeps the file; nothing stays on disk after.
    rmSync(folder, { recursive: true, force: true });
  }
  let end = 0;
  let offsets = new Float64Array(1024).fill(-1);
  let lengths = new Float64Array(1024).fill(-1);
  let closed = false;
  return {
    put(k, value) {
      if (closed) throw new Error('shelf: put after close');
      if ((offsets[k] ?? -1) >= 0) throw new Error(`shelf: value ${k} was put already`);
      const bytes = serialize(value);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, end + written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === undefined) throw error;
        throw new InputError(
          `cannot write the scan's temporary file (its articles and cross-language profiles): ${reasonOf(error as NodeJS.ErrnoException & { code: string })}; set TMPDIR to a folder with room`,
          dir,
        );
      }
      offsets = grown(offsets, k);
      lengths = grown(lengths, k);
      offsets[k] = end;
      lengths[k] = bytes.length;
      end += bytes.length;
    },
    get(k) {
      const at = offsets[k] ?? -1;
      if (at < 0 || closed) return undefined;
      const length = lengths[k] as number;
      // A buffer of its own for each read: the deserializer makes the typed arrays it reads views
      // of the buffer it is given (when aligned), so a reused one would change them on the next read.
      const bytes = Buffer.allocUnsafeSlow(length);
      let read = 0;
      while (read < length) {
        const n = readSync(fd, bytes, read, length - read, at + read);
        if (n === 0) throw new Error(`shelf: value ${k} cut short (${read} of ${length} bytes)`);
        read += n;
      }
      return deserialize(bytes);
    },
    bytes(k) {
      const length = lengths[k] ?? -1;
      return length < 0 ? 0 : length;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}
