/**
 * Worker thread: the anchors of a scan's articles (`extractAnchors`), read while the scan's thread
 * runs its other stages. Sent the tables once (workerData), then batches of articles as
 * `AnchorSource`s; posts back each batch's anchors' traits (`readTraits`: what the events stage reads).
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { readTraits } from '../../core/events/features.js';
import { createWordCache, foldCached } from '../../core/text/wordCache.js';
import { type AnchorResources, type AnchorSource, anchorTextOf } from '../../core/xling/anchors.js';

const resources = (workerData ?? {}) as AnchorResources;
/**
 * The thread's folded words, the same folds as `foldWord`: at most 100,000 (then cleared), about
 * 15 MB, where the scan's own cache may hold 500,000: this one serves a thread whose memory is
 * added to the scan's peak.
 */
const words = createWordCache(100_000);
const fold = (raw: string): string => foldCached(words, raw);

/**
 * Where the traits go: the port the first message hands over (the scan's thread reads it without
 * returning to its event loop, `receiveMessageOnPort`); the pool sends it before any batch.
 */
let out: MessagePort | undefined;

parentPort?.on('message', (msg: { port: MessagePort } | { id: number; sources: AnchorSource[] }) => {
  if ('port' in msg) {
    out = msg.port;
    return;
  }
  const to = out;
  // An error here ends the thread: the pool reports it (its 'error' event).
  if (!to) throw new Error('anchors worker: a batch came before the port to answer on');
  try {
    const traits = msg.sources.map((s) => readTraits(anchorTextOf(s, fold), resources));
    to.postMessage({ id: msg.id, traits });
  } catch (error) {
    to.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
