/**
 * Typed arrays copied into large shared buffers (slabs), for what a scan holds of every article
 * and lets go of all at once. A typed array of a few kilobytes has its bytes allocated by the C
 * library's `malloc`, which keeps them in its own heap once freed: a 100,000-article scan let go
 * of 890 MiB of such arrays before its events stage (`process.memoryUsage().arrayBuffers` 1,537 →
 * 647 MiB) and its resident memory still grew by the V8 heap the stage added. A slab is larger
 * than the size above which glibc always maps memory for itself (32 MiB on 64-bit machines: its
 * mmap threshold never rises past that), so once no view of it is left, V8 frees it and the
 * memory goes back to the system. The same values, in views of another buffer; nothing else
 * changes. Pure: no module state.
 */

/** Bytes a slab holds: above glibc's largest mmap threshold (`DEFAULT_MMAP_THRESHOLD_MAX`, 32 MiB). */
export const SLAB_BYTES = 33 * 1024 * 1024;

export type Packable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

export class Slab {
  private buffer: ArrayBuffer | undefined;
  private used = 0;

  /** `bytes`: each slab's size (tests use small ones); an array larger than a quarter of it gets its own buffer. */
  constructor(private readonly bytes = SLAB_BYTES) {
    if (!Number.isInteger(bytes) || bytes < 8) throw new RangeError(`a slab holds at least 8 bytes, got ${bytes}`);
  }

  /** A copy of `a` in a slab: the same type, length and values. An empty array is returned as it is. */
  copy<T extends Packable>(a: T): T {
    if (a.length === 0) return a;
    const size = a.BYTES_PER_ELEMENT;
    const Kind = a.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;
    if (a.byteLength > this.bytes / 4) {
      const own = new Kind(new ArrayBuffer(a.byteLength), 0, a.length);
      own.set(a as never);
      return own;
    }
    let at = Math.ceil(this.used / size) * size;
    if (this.buffer === undefined || at + a.byteLength > this.buffer.byteLength) {
      this.buffer = new ArrayBuffer(this.bytes);
      at = 0;
    }
    this.used = at + a.byteLength;
    const out = new Kind(this.buffer, at, a.length);
    out.set(a as never);
    return out;
  }
}

/**
 * Copies of `parts`, in order, in one buffer of their own (each aligned to its element size): for
 * arrays that are views of a larger buffer and are to be kept without it. The deserializer
 * (`node:v8`) makes the typed arrays it reads views of the whole record read, which they keep
 * alive: a profile's keyed sentences (`ownKeyed`) and an article's offsets and quote marks
 * (`unshelvedArticle`) read back from a scan's shelf are copied here. Unlike a `Slab`, the buffer
 * goes when these arrays go.
 */
export function copiedTogether<const T extends readonly Packable[]>(parts: T): T {
  const at: number[] = [];
  let bytes = 0;
  for (const a of parts) {
    bytes = Math.ceil(bytes / a.BYTES_PER_ELEMENT) * a.BYTES_PER_ELEMENT;
    at.push(bytes);
    bytes += a.byteLength;
  }
  const buffer = new ArrayBuffer(bytes);
  return parts.map((a, n) => {
    const Kind = a.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => Packable;
    const copy = new Kind(buffer, at[n] as number, a.length);
    copy.set(a as never);
    return copy;
  }) as unknown as T;
}
