/**
 * What is posted to a worker must not carry a slab (`core/slab.ts`): structured clone copies a
 * typed array's whole buffer, and a view of a slab would send its 33 MiB. The score and profile
 * pools send articles through these, and the score pool its vectors.
 */
import type { SparseVector } from '../../core/similarity/cosine.js';
import type { NormalizedArticle } from '../../types/index.js';

/** A typed array with a buffer of its own: itself when it has one, else a copy. */
export function own<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(view: T): T {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : (view.slice() as T);
}

/** The normalized article with its typed arrays out of any slab. */
export function portableArticle(article: NormalizedArticle): NormalizedArticle {
  return { ...article, tokenSpans: own(article.tokenSpans), quoted: own(article.quoted) };
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
