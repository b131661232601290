/**
 * Worker thread: sketches the articles it is sent (the costly stage of indexing) and posts back a
 * `PreparedBatch`: sketches and term indexes, as typed arrays (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article, SketchConfig } from '../../types/index.js';
import { createInThreadPrepare } from '../indexing.js';

/** The one-pass scanner, or the path before it when the bench measures its baseline. */
const prepare = createInThreadPrepare((workerData as { path?: 'scan' | 'tokens' } | undefined)?.path ?? 'scan');

interface Job {
  id: number;
  articles: Article[];
  config: SketchConfig;
}

parentPort?.on('message', async (job: Job) => {
  try {
    const batch = await prepare(job.articles, job.config);
    parentPort?.postMessage({ id: job.id, batch }, [
      batch.docTerms.buffer as ArrayBuffer,
      batch.termStart.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
