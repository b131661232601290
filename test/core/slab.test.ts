import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copiedTogether, Slab } from '../../src/core/slab.js';

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

describe('copiedTogether', () => {
  it('copies every array, in order, into one buffer of its own: same types and values, aligned, no byte of the originals (property)', () => {
    fc.assert(
      fc.property(arrays, fc.integer({ min: 0, max: 64 }), (specs, pad) => {
        // Views of a larger buffer, as the deserializer gives them.
        const originals = specs.map(([k, values]) => {
          const Kind = kinds[k] as (typeof kinds)[number];
          const record = new ArrayBuffer(8 * (values.length + pad + 1));
          const view = new Kind(record, 8 * pad, values.length);
          view.set(values as never);
          return view;
        });
        const copies = copiedTogether(originals);
        expect(copies).toHaveLength(originals.length);
        const buffers = new Set(copies.map((c) => c.buffer));
        expect(buffers.size).toBeLessThanOrEqual(1);
        const total = originals.reduce((s, a) => s + a.byteLength, 0);
        originals.forEach((a, i) => {
          const c = copies[i] as typeof a;
          expect(c.constructor).toBe(a.constructor);
          expect(Array.from(c)).toEqual(Array.from(a));
          expect(c.byteOffset % c.BYTES_PER_ELEMENT).toBe(0);
          expect(c.buffer).not.toBe(a.buffer);
        });
        // Their bytes, and no more than the padding alignment needs (under 8 bytes an array).
        for (const b of buffers) {
          expect(b.byteLength).toBeGreaterThanOrEqual(total);
          expect(b.byteLength).toBeLessThan(total + 8 * originals.length + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lays arrays that need no padding end to end', () => {
    const [wide, narrow, bytes] = copiedTogether([
      new Uint32Array([1, 2, 3]),
      new Uint16Array([4, 5]),
      new Uint8Array([6]),
    ] as const);
    expect([wide.byteOffset, narrow.byteOffset, bytes.byteOffset]).toEqual([0, 12, 16]);
    expect(wide.buffer.byteLength).toBe(17);
    expect([...wide, ...narrow, ...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
