// When `copydesk scan` reads the events stage's anchors in a worker thread (cli/options.ts).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { anchorsJobFor } from '../../src/cli/options.js';
import { ANCHOR_WORKER_MIN_ARTICLES } from '../../src/pipeline/workers/anchorsPool.js';

describe('anchorsJobFor', () => {
  const cores = availableParallelism() > 1;
  it.each([
    { name: 'a large corpus, no --workers', workers: undefined, articles: ANCHOR_WORKER_MIN_ARTICLES, job: cores },
    { name: 'one article fewer', workers: undefined, articles: ANCHOR_WORKER_MIN_ARTICLES - 1, job: false },
    { name: '--workers 0: all in the main thread', workers: '0', articles: 100_000, job: false },
    { name: '--workers 2', workers: '2', articles: 100_000, job: cores },
  ])('$name', async ({ workers, articles, job }) => {
    const got = await anchorsJobFor(workers === undefined ? {} : { workers }, articles);
    expect(typeof got === 'function').toBe(job);
  });

  it('a bad --workers is refused as the score stage refuses it', async () => {
    await expect(anchorsJobFor({ workers: 'many' }, 5000)).rejects.toThrow('--workers');
  });
});
