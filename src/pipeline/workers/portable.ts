/**
 * What is posted to a worker must not carry a slab (`core/slab.ts`): structured clone copies a
 * typed array's whole buffer, and a view of a slab would send its 33 MiB. The score and profile
 * pools send articles through these.
 */
import type { NormalizedArticle } from '../../types/index.js';

/** A typed array with a buffer of its own: itself when it has one, else a copy. */
export function own<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(view: T): T {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : (view.slice() as T);
}

/** The normalized article with its typed arrays out of any slab. */
export function portableArticle(article: NormalizedArticle): NormalizedArticle {
  return { ...article, tokenSpans: own(article.tokenSpans), quoted: own(article.quoted) };
}
