/**
 * The events stage's anchors read in a worker thread while the scan's thread runs its other
 * stages. `extractAnchors` is about 1.7 ms an article, and the stages after `prepare` run on one
 * core above 5,000 articles: in a 100,000-article scan (`scan --no-cross-language`, `node
 * --cpu-prof`) the anchors were 174 s of the events stage's 431. The articles go over as
 * `AnchorSource`s (the clean text and the sentences' offsets: the words are found again there,
 * not copied); the anchors come back in order, the same as `extractAnchors` gives here (pure; a
 * test holds the two together).
 */
import type { AnchorResources, AnchorSource } from '../../core/xling/anchors.js';
import type { Anchors } from '../../types/index.js';
import { spawnWorker } from './spawn.js';

/** Articles a message carries: small enough to interleave, large enough that messages are few. */
export const ANCHOR_BATCH = 200;

/**
 * Articles from which a scan reads its anchors in a worker: below, the worker's start (about 0.1 s
 * of module loading) is a large share of what it saves (about 1.7 ms an article).
 */
export const ANCHOR_WORKER_MIN_ARTICLES = 1000;

/** Reads the anchors of `sources` in order: `extractAnchors` of each, in a worker thread. */
export type AnchorsJob = (
  sources: readonly AnchorSource[],
  resources: AnchorResources,
  signal?: AbortSignal,
) => Promise<Anchors[]>;

/**
 * The anchors of `sources`, read in one worker thread, `batch` articles a message. Every batch is
 * posted at once (the scan's thread may not return to its event loop until the events stage); the
 * worker ends with the job, or when `signal` aborts (the scan failed before it needed the anchors).
 */
export function anchorsInWorker(batch = ANCHOR_BATCH): AnchorsJob {
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be a whole number ≥ 1, got ${batch}`);
  return async (sources, resources, signal) => {
    const worker = spawnWorker('anchorsWorker', resources);
    signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
    const batches = Math.ceil(sources.length / batch);
    const results: Anchors[][] = new Array(batches);
    try {
      await new Promise<void>((resolve, reject) => {
        let received = 0;
        if (batches === 0) resolve();
        worker.on('message', (msg: { id: number; anchors?: Anchors[]; error?: string }) => {
          if (msg.error !== undefined || !msg.anchors) {
            reject(new Error(`anchors worker: ${msg.error ?? 'no anchors'}`));
            return;
          }
          results[msg.id] = msg.anchors;
          if (++received === batches) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (received < batches)
            reject(new Error(`the anchors worker stopped (exit code ${code}) before its last batch`));
        });
        for (let b = 0; b < batches; b++)
          worker.postMessage({ id: b, sources: sources.slice(b * batch, (b + 1) * batch) });
      });
    } finally {
      await worker.terminate();
    }
    return results.flat();
  };
}
