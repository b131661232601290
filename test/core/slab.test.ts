import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slab } from '../../src/core/slab.js';

const kinds = [Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array] as const;

/** Some typed arrays of every packable kind, with their values. */
const arrays = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: kinds.length - 1 }),
    fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 40 }),
  ),
  { maxLength: 30 },
);

describe('Slab', () => {
  it('copies each array with its type, length and values, and later copies never overwrite earlier ones', () => {
    fc.assert(
      fc.property(arrays, fc.integer({ min: 8, max: 512 }), (specs, bytes) => {
        const slab = new Slab(bytes);
        const originals = specs.map(([k, values]) => new (kinds[k] as (typeof kinds)[number])(values));
        const copies = originals.map((a) => slab.copy(a));
        originals.forEach((a, i) => {
          const c = copies[i] as typeof a;
          expect(c.constructor).toBe(a.constructor);
          expect(Array.from(c)).toEqual(Array.from(a));
          if (a.length > 0) expect(c).not.toBe(a);
          // Aligned for its element size, inside its buffer.
          expect(c.byteOffset % c.BYTES_PER_ELEMENT).toBe(0);
        });
        // The copies share buffers without overlapping: each filled with its own mark keeps it.
        copies.forEach((c, i) => {
          c.fill(i + 1);
        });
        copies.forEach((c, i) => {
          expect(Array.from(c).every((v) => v === i + 1)).toBe(true);
        });
      }),
    );
  });

  it('puts small arrays in one shared buffer and a large one in its own', () => {
    const slab = new Slab(1024);
    const a = slab.copy(new Uint32Array([1, 2, 3]));
    const b = slab.copy(new Uint16Array([4, 5]));
    const c = slab.copy(new Float64Array([0.5]));
    expect(a.buffer).toBe(b.buffer);
    expect(b.buffer).toBe(c.buffer);
    expect(a.buffer.byteLength).toBe(1024);
    expect(c.byteOffset % 8).toBe(0);
    const big = slab.copy(new Uint8Array(300));
    expect(big.buffer).not.toBe(a.buffer);
    expect(big.buffer.byteLength).toBe(300);
    // A full slab starts another.
    const fill = Array.from({ length: 8 }, () => slab.copy(new Uint32Array(60)));
    expect(new Set(fill.map((x) => x.buffer)).size).toBeGreaterThan(1);
  });

  it('returns an empty array as it is and refuses a slab too small for one value', () => {
    const slab = new Slab(64);
    const empty = new Uint32Array(0);
    expect(slab.copy(empty)).toBe(empty);
    expect(() => new Slab(4)).toThrow(/at least 8 bytes, got 4/);
  });
});
