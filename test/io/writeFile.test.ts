import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WriteInterrupted, writeFileAtomic, writeFileSet, writePieces } from '../../src/io/writeFile.js';
import { InputError } from '../../src/types/index.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'copydesk-write-'));
const SET = [
  ['report.json', '{"new": true}\n'],
  ['report.md', '# new\n'],
  ['index.html', '<p>new</p>\n'],
] as const;

function oldSet(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name] of SET) writeFileSync(join(dir, name), `old ${name}\n`);
  writeFileSync(join(dir, 'notes.txt'), 'mine\n');
}

describe('writeFileSet', () => {
  it('replaces the set, leaves other files, and removes its staging folder', async () => {
    const dir = join(tempDir(), 'reports');
    oldSet(dir);
    await writeFileSet(dir, SET);
    for (const [name, content] of SET) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'notes.txt', 'report.json', 'report.md']);
  });

  it('writes a file given in pieces as their text in order, across writes of a million characters', async () => {
    const dir = join(tempDir(), 'reports');
    // 3,000 pieces of 1,000 characters (three batches), with letters outside ASCII.
    const pieces = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(6, '0')}é${'x'.repeat(993)}\n`);
    function* lazily() {
      yield* pieces;
    }
    await writeFileSet(dir, [
      ['report.json', lazily()],
      ['report.md', '# new\n'],
    ]);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(pieces.join(''));
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('# new\n');
  });

  it('writePieces waits for a slow stream and loses nothing', async () => {
    const got: string[] = [];
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk, _encoding, done) {
        got.push(String(chunk));
        setTimeout(done, 1);
      },
    });
    const pieces = Array.from({ length: 2500 }, (_, i) => `${i}:${'y'.repeat(997)}\n`);
    await writePieces(slow, pieces);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(got.join('')).toBe(pieces.join(''));
    expect(got.length).toBeGreaterThan(1);
  });

  it.each([0, 1, 2, 3])(
    'stopped after %i staged files: the old set is whole, nothing staged is left',
    async (after) => {
      const dir = join(tempDir(), 'reports');
      oldSet(dir);
      let staged = 0;
      const run = writeFileSet(dir, SET, { interrupted: () => staged >= after, onFile: () => staged++ });
      await expect(run).rejects.toBeInstanceOf(WriteInterrupted);
      for (const [name] of SET) expect(readFileSync(join(dir, name), 'utf8')).toBe(`old ${name}\n`);
      expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    },
  );

  it('removes a staging folder left by a process that was killed', async () => {
    const dir = join(tempDir(), 'reports');
    mkdirSync(join(dir, '.copydesk-staging-999999999-abc'), { recursive: true });
    await writeFileSet(dir, SET);
    expect(existsSync(join(dir, '.copydesk-staging-999999999-abc'))).toBe(false);
  });

  it('an output folder that is a file: an InputError with the reason, the file untouched', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'reports'), 'a file\n');
    const error = await writeFileSet(join(root, 'reports'), SET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /reports: cannot write: a part of the path is a file, not a folder \((EEXIST|ENOTDIR)\); existing files were left as they were$/,
    );
    expect(readFileSync(join(root, 'reports'), 'utf8')).toBe('a file\n');
  });
});

describe('writeFileAtomic', () => {
  it('under a file: an InputError naming the folder', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), 'x');
    await expect(writeFileAtomic(join(root, 'file', 'pair.html'), '<p>x</p>')).rejects.toThrow(
      /file: cannot write: a part of the path is a file, not a folder \((EEXIST|ENOTDIR)\)/,
    );
  });
});
