/**
 * What is posted to a worker must not carry a slab (`core/slab.ts`): structured clone copies a
 * typed array's whole buffer, and a view of a slab would send its 33 MiB. The score and profile
 * pools send articles through these, and the score pool its vectors.
 */
import type { SparseVector } from '../../core/similarity/cosine.js';
import type { NormalizedArticle } from '../../types/index.js';

/**
 * A typed array with a buffer of its own: itself when it has one, else a copy. A copy's buffer is
 * added to `moved` when one is given, for the message to transfer rather than clone: nothing else
 * holds it, and cloned it would stay behind as garbage beside the worker's copy (a scan's score
 * stage sends some 100,000 articles to its worker at 30,000 articles, about 13 KB of copies each).
 */
export function own<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
  view: T,
  moved?: ArrayBuffer[],
): T {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) return view;
  const copy = view.slice() as T;
  moved?.push(copy.buffer as ArrayBuffer);
  return copy;
}

/** The normalized article with its typed arrays out of any slab (copies' buffers into `moved`, as `own`). */
export function portableArticle(article: NormalizedArticle, moved?: ArrayBuffer[]): NormalizedArticle {
  return { ...article, tokenSpans: own(article.tokenSpans, moved), quoted: own(article.quoted, moved) };
}

/** A vector as a stream of shares posts it: without the idf table of its corpus, sent once. */
export type PortableVector = Omit<SparseVector, 'idf'> & { idf?: Float64Array };

/**
 * The vector without `shared`, its corpus's idf table (as long as the vocabulary: structured
 * clone would copy it with every share), or whole when it has a table of its own.
 */
export function portableVector(v: SparseVector, shared: Float64Array): PortableVector {
  if (v.idf !== shared) return v;
  const { idf: _shared, ...rest } = v;
  return rest;
}

/** The vector `portableVector` posted, its corpus's table put back. */
export function restoredVector(v: PortableVector, shared: Float64Array): SparseVector {
  return v.idf ? (v as SparseVector) : { ...v, idf: shared };
}
