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
import type { SparseVector } from './cosine.js';
import { toSparseVector } from './cosine.js';

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

/** The smoothed inverse document frequency of a term (a term never seen counts as df 0). */
export function inverseDocumentFrequency(term: string, freqs: DocumentFrequencies): number {
  const df = freqs.df.get(term) ?? 0;
  return Math.log((1 + freqs.documents) / (1 + df)) + 1;
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
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const entries = new Map<number, number>();
  for (const [term, tf] of counts) {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    }
    entries.set(id, (1 + Math.log(tf)) * inverseDocumentFrequency(term, freqs));
  }
  return toSparseVector(entries);
}

/**
 * TF-IDF vectors of a whole corpus, document frequencies counted over that corpus (`weights`: how
 * many documents each list stands for, as in `countDocumentFrequencies`).
 */
export function vectorizeCorpus(
  termLists: readonly (readonly string[])[],
  weights?: readonly number[],
): SparseVector[] {
  const freqs = countDocumentFrequencies(termLists, weights);
  const termIds = new Map<string, number>();
  return termLists.map((terms) => vectorizeTfIdf(terms, freqs, termIds));
}
