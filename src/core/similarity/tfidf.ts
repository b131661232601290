/**
 * TF-IDF over stemmed content words, sparse, our own.
 *
 * natural's `TfIdf` is not used: it stores each document as an object of counts and computes the
 * IDF of every term on each query, which is quadratic over a corpus. Here the vocabulary and the
 * document frequencies are built once, and each document becomes a sorted sparse vector whose
 * cosine with another is a linear merge.
 *
 * Weights: sublinear tf (1 + ln tf) and the smoothed idf ln((1 + N) / (1 + df)) + 1. Terms that
 * recur in many documents — the formulaic language of diplomatic readouts, "community with a
 * shared future" — weigh least, so they cannot by themselves make two reports look alike.
 */
import type { SparseVector, TermCounts } from './cosine.js';
import { sparseVectorOf, sublinearTf } from './cosine.js';

/** Document frequencies of terms over a set of documents. */
export interface DocumentFrequencies {
  /** Number of documents counted. */
  documents: number;
  /** term → number of documents that contain it. */
  df: Map<string, number>;
}

/**
 * Count the document frequency of every term. `weights[k]`: how many documents the k-th list
 * stands for (identical copies counted once and weighed by their number); 1 each by default.
 */
export function countDocumentFrequencies(
  termLists: Iterable<readonly string[]>,
  weights?: readonly number[],
): DocumentFrequencies {
  const df = new Map<string, number>();
  let documents = 0;
  let k = 0;
  for (const terms of termLists) {
    const w = weights?.[k++] ?? 1;
    documents += w;
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + w);
  }
  return { documents, df };
}

/** The smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1 of a term in `df` of `documents`. */
export function smoothedIdf(documents: number, df: number): number {
  return Math.log((1 + documents) / (1 + df)) + 1;
}

/** The smoothed inverse document frequency of a term (a term never seen counts as df 0). */
export function inverseDocumentFrequency(term: string, freqs: DocumentFrequencies): number {
  return smoothedIdf(freqs.documents, freqs.df.get(term) ?? 0);
}

/**
 * A TF-IDF vector. `termIds` gives each term a stable number; pass the same map for every
 * document of one comparison (it grows as new terms are met).
 */
export function vectorizeTfIdf(
  terms: readonly string[],
  freqs: DocumentFrequencies,
  termIds: Map<string, number>,
): SparseVector {
  const counts = new Map<number, number>();
  const idfs = new Map<number, number>();
  for (const term of terms) {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    }
    const tf = counts.get(id);
    if (tf === undefined) idfs.set(id, inverseDocumentFrequency(term, freqs));
    counts.set(id, (tf ?? 0) + 1);
  }
  // A zero weight is left out (none is: tf weight and idf are both at least 1).
  const ids = Uint32Array.from(
    [...counts.keys()].filter((id) => sublinearTf(counts.get(id) as number) * (idfs.get(id) as number) !== 0),
  ).sort();
  // Its own idf table, as long as its largest id + 1: the ids of one comparison are few.
  const idf = new Float64Array(ids.length > 0 ? (ids[ids.length - 1] as number) + 1 : 0);
  const tfs = countsArray(
    ids.length,
    ids.reduce((m, id) => Math.max(m, counts.get(id) as number), 0),
  );
  ids.forEach((id, k) => {
    idf[id] = idfs.get(id) as number;
    tfs[k] = counts.get(id) as number;
  });
  return sparseVectorOf(ids, tfs, idf);
}

/** Room for `n` counts up to `max`: a byte each when they fit. */
function countsArray(n: number, max: number): TermCounts {
  return max < 256 ? new Uint8Array(n) : new Uint32Array(n);
}

/**
 * TF-IDF vectors of a whole corpus, document frequencies counted over that corpus (`weights`: how
 * many documents each list stands for, as in `countDocumentFrequencies`). The same vectors, bit
 * for bit, as `countDocumentFrequencies` and then `vectorizeTfIdf` of each list with one term map
 * (a property test holds the two together): the terms numbered as that map numbers them (lists in
 * order, a list's terms where they first occur), the same sums in the same order, the same
 * formulas. Counted by number in typed arrays rather than in a `Map` and a `Set` per list and
 * per term: the scan's TF-IDF stage took 39 s of a 100,000-article scan that way (`scan --timings`).
 */
export function vectorizeCorpus(
  termLists: readonly (readonly string[])[],
  weights?: readonly number[],
): SparseVector[] {
  const termIds = new Map<string, number>();
  let df = new Float64Array(1024);
  // The last list (its index + 1) whose terms counted the term: each list counts it once.
  let lastList = new Int32Array(1024);
  let documents = 0;
  // Every list's terms by number, one after the other: one look-up a term, not one a pass.
  let total = 0;
  for (const terms of termLists) total += terms.length;
  const numbered = new Uint32Array(total);
  let at = 0;
  for (let k = 0; k < termLists.length; k++) {
    const w = weights?.[k] ?? 1;
    documents += w;
    for (const t of termLists[k] as readonly string[]) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(t, id);
        if (id === df.length) {
          df = grown(df, new Float64Array(2 * id));
          lastList = grown(lastList, new Int32Array(2 * id));
        }
      }
      numbered[at++] = id;
      if (lastList[id] !== k + 1) {
        lastList[id] = k + 1;
        df[id] = (df[id] as number) + w;
      }
    }
  }
  // `inverseDocumentFrequency` of each term, once.
  const idf = new Float64Array(termIds.size);
  for (let id = 0; id < idf.length; id++) idf[id] = smoothedIdf(documents, df[id] as number);
  const counts = new Int32Array(termIds.size);
  at = 0;
  return termLists.map((terms) => {
    const met: number[] = [];
    let most = 0;
    for (const end = at + terms.length; at < end; at++) {
      const id = numbered[at] as number;
      if ((counts[id] as number) === 0) met.push(id);
      counts[id] = (counts[id] as number) + 1;
      most = Math.max(most, counts[id] as number);
    }
    const ids = Uint32Array.from(met).sort();
    const tfs = countsArray(ids.length, most);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const tf = counts[id] as number;
      counts[id] = 0;
      // As `vectorizeTfIdf`: a zero weight is left out.
      if (sublinearTf(tf) * (idf[id] as number) !== 0) {
        ids[n] = id;
        tfs[n++] = tf;
      }
    }
    return n === ids.length ? sparseVectorOf(ids, tfs, idf) : sparseVectorOf(ids.slice(0, n), tfs.slice(0, n), idf);
  });
}

/** `to` with `from`'s values at its start. */
function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
