/**
 * The file shelf (`io/shelf.ts`): what is put comes back as a copy, typed arrays and views
 * included, whatever was read in between; nothing is left in the temporary folder; a value is put
 * once; a closed shelf gives nothing back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileShelf } from '../../src/io/shelf.js';
import { ROOT } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'copydesk-shelf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createFileShelf', () => {
  it('leaves nothing in its folder, from the moment it is made', () => {
    const shelf = createFileShelf(dir);
    shelf.put(0, { a: 1 });
    expect(readdirSync(dir)).toEqual([]);
    expect(shelf.get(0)).toEqual({ a: 1 });
    shelf.close();
  });

  it('gives back copies of what was put, in any order of reads (property)', () => {
    const value = fc.record({
      lang: fc.string(),
      keys: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 30 }),
      numbers: fc.array(fc.integer(), { maxLength: 300 }),
    });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (values, reads) => {
          const shelf = createFileShelf(dir);
          try {
            // Typed arrays viewing one buffer, as a profile's keyed sentences do.
            const stored = values.map((v) => {
              const buffer = new ArrayBuffer(4 * v.numbers.length + 8);
              const view = new Int32Array(buffer, 8, v.numbers.length);
              view.set(v.numbers);
              return { ...v, view };
            });
            stored.forEach((v, k) => {
              shelf.put(k, v);
            });
            // Every value read is checked again after all the reads (a read must not change an earlier one).
            const got = reads.map((r) => {
              const k = r % stored.length;
              const value = shelf.get(k) as (typeof stored)[number];
              expect(value).toEqual(stored[k]);
              expect(value).not.toBe(stored[k]);
              expect(shelf.bytes(k)).toBeGreaterThan(0);
              return { k, value };
            });
            for (const { k, value } of got) expect(Array.from(value.view)).toEqual(values[k]?.numbers);
          } finally {
            shelf.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each([
    { type: 'Uint8Array', make: (xs: number[]) => new Uint8Array(xs) },
    { type: 'Uint16Array', make: (xs: number[]) => new Uint16Array(xs) },
    { type: 'Uint32Array', make: (xs: number[]) => new Uint32Array(xs) },
    { type: 'Float64Array', make: (xs: number[]) => new Float64Array(xs) },
  ])('a $type read earlier is not changed by later reads, nor by changing it', ({ make }) => {
    // The deserializer makes typed arrays views of the bytes it reads: each read needs its own.
    const shelf = createFileShelf(dir);
    shelf.put(0, { lang: 'en', xs: make([1, 2, 3]) });
    shelf.put(1, { lang: 'es', xs: make([7, 8, 9, 10]) });
    const first = shelf.get(0) as { xs: ArrayLike<number> & { [i: number]: number } };
    shelf.get(1);
    shelf.get(1);
    expect(Array.from(first.xs)).toEqual([1, 2, 3]);
    first.xs[0] = 99;
    expect(Array.from((shelf.get(0) as typeof first).xs)).toEqual([1, 2, 3]);
    shelf.close();
  });

  it.each([
    { what: 'a number never put', k: 5, expected: undefined },
    { what: 'a number past every put', k: 5000, expected: undefined },
  ])('$what: undefined, 0 bytes', ({ k, expected }) => {
    const shelf = createFileShelf(dir);
    shelf.put(0, 'x');
    shelf.put(2, 'z');
    expect(shelf.get(k)).toBe(expected);
    expect(shelf.bytes(k)).toBe(0);
    expect(shelf.get(2)).toBe('z');
    shelf.close();
  });

  it('refuses a value put twice, and gives nothing back once closed', () => {
    const shelf = createFileShelf(dir);
    shelf.put(3, [1, 2]);
    expect(() => shelf.put(3, [3])).toThrow(/value 3 was put already/);
    shelf.close();
    expect(shelf.get(3)).toBeUndefined();
    expect(() => shelf.put(4, 1)).toThrow(/after close/);
    shelf.close();
  });

  it('a value that cannot be written: one line naming the folder, the reason and what to do', () => {
    // A file size limit (`ulimit -f`, in 512-byte blocks) makes the second write fail with EFBIG
    // (Node ignores SIGXFSZ), as a full disk would with ENOSPC.
    const script = join(dir, 'write.ts');
    writeFileSync(
      script,
      `import { createFileShelf } from ${JSON.stringify(join(ROOT, 'src/io/shelf.ts'))};
const shelf = createFileShelf(${JSON.stringify(dir)});
shelf.put(0, 'x'.repeat(100));
try { shelf.put(1, 'y'.repeat(1 << 20)); console.log('written'); } catch (e) { console.log(e.name + ': ' + e.message); }
shelf.close();
`,
    );
    const run = spawnSync('bash', ['-c', `ulimit -f 200 && exec node --import tsx ${JSON.stringify(script)}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stdout.trim()).toBe(
      `InputError: ${dir}: cannot write the scan's temporary file (its articles and cross-language profiles): file too large for this file system (EFBIG); set TMPDIR to a folder with room`,
    );
  });

  it('fails with the system error where no file can be made', () => {
    expect(() => createFileShelf(join(dir, 'missing', 'folder'))).toThrow(/ENOENT/);
  });
});
