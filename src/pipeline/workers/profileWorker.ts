/**
 * Worker thread: cross-language profiles of a scan's articles (`profileArticle`, then
 * `compactProfile`). Sent the resources once (workerData: dictionaries as data and the
 * equivalents table, by structured clone; `sendableResources`), then shares of normalized
 * articles; posts back each share's profiles, their keyed sentences' buffers transferred. Its
 * intern pool is emptied after each share: the profiles leave as copies, and the scan's thread
 * shares their strings (`adopt`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { NormalizedArticle } from '../../types/index.js';
import { profileMaker } from '../crossStage.js';
import { resourcesFrom, type SentResources } from './profilePool.js';

const { profile, forgetShared } = profileMaker(resourcesFrom(workerData as SentResources));

parentPort?.on('message', (msg: { id: number; articles: NormalizedArticle[] }) => {
  try {
    const profiles = msg.articles.map(profile);
    const buffers = new Set(profiles.map((p) => p.keyed.hashes.buffer as ArrayBuffer));
    parentPort?.postMessage({ id: msg.id, profiles }, [...buffers]);
    forgetShared();
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
