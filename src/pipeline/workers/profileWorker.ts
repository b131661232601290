/**
 * Worker thread: cross-language profiles of a scan's articles (`profileArticle`, then
 * `compactProfile`). Sent the resources once (workerData: dictionaries as data and the
 * equivalents table, by structured clone; `sendableResources`), then shares of normalized
 * articles; posts back each share's profiles, their keyed sentences' buffers transferred and
 * their keys as numbers (`numberProfileKeys`, each key's string sent once, with the first share
 * that holds it). Its intern pool is emptied after each share: the profiles' other strings leave
 * as copies, and the scan's thread shares them (`adopt`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { NormalizedArticle } from '../../types/index.js';
import { profileMaker } from '../crossStage.js';
import { createKeyNumbers, newKeys, numberProfileKeys, resourcesFrom, type SentResources } from './profilePool.js';

const { profile, forgetShared } = profileMaker(resourcesFrom(workerData as SentResources));
const numbers = createKeyNumbers();

parentPort?.on('message', (msg: { id: number; articles: NormalizedArticle[] }) => {
  try {
    const profiles = msg.articles.map((a) => numberProfileKeys(profile(a), numbers));
    const buffers = new Set(profiles.map((p) => p.keyed.hashes.buffer as ArrayBuffer));
    parentPort?.postMessage({ id: msg.id, profiles, newKeys: newKeys(numbers) }, [...buffers]);
    forgetShared();
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
