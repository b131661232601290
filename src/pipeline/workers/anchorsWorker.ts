/**
 * Worker thread: the anchors of a scan's articles (`extractAnchors`), read while the scan's thread
 * runs its other stages. Sent the tables once (workerData), then batches of articles as
 * `AnchorSource`s; posts back each batch's anchors.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnchorResources, type AnchorSource, anchorTextOf, extractAnchors } from '../../core/xling/anchors.js';

const resources = (workerData ?? {}) as AnchorResources;

parentPort?.on('message', (msg: { id: number; sources: AnchorSource[] }) => {
  try {
    const anchors = msg.sources.map((s) => extractAnchors(anchorTextOf(s), resources));
    parentPort?.postMessage({ id: msg.id, anchors });
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
