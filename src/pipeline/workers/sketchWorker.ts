/**
 * Worker thread: normalizes and sketches the articles it is sent (the costly stage of indexing)
 * and posts back the entries. Typed arrays travel as structured clones.
 */
import { parentPort } from 'node:worker_threads';
import { createTokenCache } from '../../core/text/tokenCache.js';

import type { Article, SketchConfig } from '../../types/index.js';
import { prepareEntry } from '../indexing.js';

const cache = createTokenCache();

interface Job {
  id: number;
  articles: Article[];
  config: SketchConfig;
}

parentPort?.on('message', (job: Job) => {
  try {
    const entries = job.articles.map((a) => prepareEntry(a, job.config, cache));
    parentPort?.postMessage({ id: job.id, entries });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
