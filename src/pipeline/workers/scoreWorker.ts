/**
 * Worker thread: judges shares of a scan's candidate pairs. Either it is sent the corpus's
 * fingerprints and vectors once, then flat pair lists (`judgeSlice`); or (`stream`) each share
 * comes with the articles it reads that this worker does not hold and those to let go of first
 * (workers/scorePool.ts, `judgeStreamed`). It posts back each share's linked pairs (streamed: with
 * their places in the share) and the closest unrelated ones it kept.
 */
import { parentPort } from 'node:worker_threads';
import { type Fingerprint, withChars } from '../../core/fingerprint/fingerprint.js';
import type { SparseVector } from '../../core/similarity/cosine.js';
import type { TermVocabulary } from '../../core/text/vocabulary.js';
import type { Thresholds } from '../../types/index.js';
import { emptyJudged, judgeFlat, judgeSlice, type ScoringInput } from '../scoring.js';
import { type PortableVector, restoredVector } from './portable.js';

interface StreamedArticle {
  g: number;
  fp: Fingerprint;
  vector: PortableVector;
}

type Message =
  | { type: 'init'; input: ScoringInput }
  | { type: 'share'; id: number; pairs: Uint32Array }
  | { type: 'stream'; thresholds: Thresholds; idf: Float64Array }
  | { type: 'stream-share'; id: number; drop: number[]; articles: StreamedArticle[]; pairs: Uint32Array };

let input: ScoringInput | undefined;

/** Streamed: the thresholds, and the articles held (their character shingles made on first use). */
let stream:
  | { thresholds: Thresholds; idf: Float64Array; held: Map<number, { fp: Fingerprint; vector: SparseVector }> }
  | undefined;
/**
 * The one vocabulary the streamed fingerprints' sentence terms are given: the scan's are all
 * numbered in one (the pool streams only then), which judging compares by identity alone.
 */
const vocabulary: TermVocabulary = { ids: new Map(), terms: [] };

function judgeStreamedShare(msg: Extract<Message, { type: 'stream-share' }>) {
  if (!stream) throw new Error('scoring worker: a streamed share before the stream');
  const { held, thresholds, idf } = stream;
  for (const g of msg.drop) held.delete(g);
  for (const a of msg.articles)
    held.set(a.g, {
      fp: { ...a.fp, sentenceTerms: { ...a.fp.sentenceTerms, vocabulary } },
      vector: restoredVector(a.vector, idf),
    });
  const entry = (g: number) => {
    const e = held.get(g);
    if (!e) throw new Error(`scoring worker: article ${g} was not sent`);
    if (!e.fp.chars) e.fp = withChars(e.fp);
    return e;
  };
  const linkedAt: number[] = [];
  const { linked, nearest } = judgeFlat(
    msg.pairs,
    (g) => entry(g).fp,
    (g) => entry(g).vector,
    thresholds,
    emptyJudged(),
    (place) => linkedAt.push(place),
  );
  return { id: msg.id, linked, linkedAt, nearest: nearest.list() };
}

parentPort?.on('message', (msg: Message) => {
  if (msg.type === 'init') {
    input = msg.input;
    return;
  }
  if (msg.type === 'stream') {
    stream = { thresholds: msg.thresholds, idf: msg.idf, held: new Map() };
    return;
  }
  try {
    if (msg.type === 'stream-share') {
      parentPort?.postMessage(judgeStreamedShare(msg));
      return;
    }
    if (!input) throw new Error('scoring worker: pairs before the corpus');
    const judged = judgeSlice(input, msg.pairs, emptyJudged());
    parentPort?.postMessage({ id: msg.id, linked: judged.linked, nearest: judged.nearest.list() });
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
