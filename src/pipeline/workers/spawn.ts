/**
 * Start one of this folder's worker files. Run from TypeScript sources (tsx, vitest), the file is
 * `.ts` and is loaded through tsx; from the built package it is plain `.js`.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** `name`: the worker file's name without extension (`sketchWorker`, `scoreWorker`). */
export function spawnWorker(name: string, workerData?: unknown): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(url, { workerData });
  // Node 20 applies no ESM loader hooks inside worker threads, so a CommonJS bootstrap registers
  // tsx's require hook and loads the worker module through it.
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(fileURLToPath(url))});`;
  return new Worker(bootstrap, { eval: true, workerData });
}
