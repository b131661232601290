/**
 * A small pool of worker threads that sketch batches of articles (see `sketchWorker.ts`). A batch
 * is split into one slice per worker; the slices come back in input order and are joined into one
 * `PreparedBatch`. Only sketches and term indexes travel back (typed arrays), never the texts.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Article, SketchConfig } from '../../types/index.js';
import { joinPreparedBatches, type PrepareBatch, type PreparedBatch } from '../indexing.js';
import { spawnWorker } from './spawn.js';

interface Pending {
  resolve: (batch: PreparedBatch) => void;
  reject: (error: Error) => void;
}

export interface SketchPool {
  prepare: PrepareBatch;
  close(): Promise<void>;
}

/** Which sketching path the workers take: the one-pass scanner, or the path before it (bench baseline). */
export type SketchPath = 'scan' | 'tokens';

/** Start `size` workers (default: one per core). */
export function startSketchPool(size = availableParallelism(), path: SketchPath = 'scan'): SketchPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => spawnWorker('sketchWorker', { path }));
  const pending = new Map<number, Pending>();
  let next = 0;
  let closing: Promise<void> | undefined;
  for (const w of workers) {
    w.on('message', (msg: { id: number; batch?: PreparedBatch; error?: string }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.batch as PreparedBatch);
    });
    w.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
  }
  const run = (worker: Worker, articles: Article[], config: SketchConfig): Promise<PreparedBatch> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, articles, config });
    });
  return {
    async prepare(articles, config) {
      const per = Math.ceil(articles.length / workers.length);
      const parts = await Promise.all(
        workers.flatMap((w, k) =>
          k * per < articles.length ? [run(w, articles.slice(k * per, (k + 1) * per), config)] : [],
        ),
      );
      return parts.length === 0
        ? { sketches: [], terms: [], docTerms: new Uint32Array(0), termStart: new Uint32Array(1), events: [] }
        : joinPreparedBatches(parts);
    },
    async close() {
      // Idempotent: a caller may close early and again in its `finally`.
      closing ??= Promise.all(workers.map((w) => w.terminate())).then(() => undefined);
      await closing;
    },
  };
}
