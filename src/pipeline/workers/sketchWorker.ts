/**
 * Worker thread: sketches the articles it is sent (the costly stage of indexing) and posts back a
 * `PreparedBatch`: sketches and term indexes, as typed arrays (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createTokenCache } from '../../core/text/tokenCache.js';
import type { Article, SketchConfig } from '../../types/index.js';
import { prepareBatchWith } from '../indexing.js';

const cache = createTokenCache();
void workerData;

interface Job {
  id: number;
  articles: Article[];
  config: SketchConfig;
}

parentPort?.on('message', (job: Job) => {
  try {
    const batch = prepareBatchWith(job.articles, job.config, cache);
    parentPort?.postMessage({ id: job.id, batch }, [
      batch.docTerms.buffer as ArrayBuffer,
      batch.termStart.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
