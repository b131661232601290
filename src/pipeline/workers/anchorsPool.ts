/**
 * The events stage's anchors read in a worker thread while the scan's thread runs its other
 * stages. `extractAnchors` is about 1.7 ms an article, and the stages after `prepare` run on one
 * core above 5,000 articles: in a 100,000-article scan (`scan --no-cross-language`, `node
 * --cpu-prof`) the anchors were 174 s of the events stage's 431. Articles are handed over as
 * `prepare` normalizes them, as `AnchorSource`s (the clean text and the sentences' offsets: the
 * words are found again there, not copied); what comes back, in order, is what the events stage
 * reads of the anchors, their traits (`anchorTraits`: the names without their mentions' offsets,
 * the figures, the lede's day), the same as `extractAnchors` and `anchorTraits` give here (pure; a
 * test holds the two together), their strings shared as they arrive (`internTraits`): held for
 * every article until the events stage, about 6 KB an article where the anchors were 16
 * (3,000 bench articles, `--expose-gc` heap after `gc()`), unless the job is given a shelf (a
 * large scan's: then each goes there as it comes back, and is read back by the events stage).
 */

import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { type AnchorTraits, internTraits } from '../../core/events/features.js';
import { createInternPool } from '../../core/intern.js';
import type { AnchorResources, AnchorSource } from '../../core/xling/anchors.js';
import type { Sequence, Shelf } from '../../types/index.js';
import { spawnWorker } from './spawn.js';

/** Articles a message carries: small enough that the worker starts early, large enough that messages are few. */
export const ANCHOR_BATCH = 200;

/**
 * Articles from which a scan reads its anchors in a worker: below, the worker's start (about 0.1 s
 * of module loading) is a large share of what it saves (about 1.7 ms an article).
 */
export const ANCHOR_WORKER_MIN_ARTICLES = 1000;

/** Articles handed over one by one, then their anchors' traits, in the order they came. */
export interface AnchorsFeed {
  add(source: AnchorSource): void;
  /**
   * Takes in the traits the worker has sent back so far, without returning to the event loop
   * (what a long stage that does not await calls now and then; `add` does it for each batch).
   */
  poll(): void;
  /**
   * No more articles: the anchors' traits of those added, in order: held, or read back one at a
   * time from the job's shelf when it was given one.
   */
  end(): Promise<Sequence<AnchorTraits>>;
}

/**
 * Starts reading anchors elsewhere with these tables; `signal` ends it (the scan failed first).
 * Given `shelf`, each article's traits are put there (as value k, the k-th article added) the
 * moment they come back, instead of being held until the events stage; the caller closes it.
 */
export type AnchorsJob = (resources: AnchorResources, signal?: AbortSignal, shelf?: Shelf) => AnchorsFeed;

/**
 * Anchors read in one worker thread, `batch` articles a message, each batch posted as soon as it
 * is full (the scan's thread need not return to its event loop: the worker reads on while it
 * works). The worker ends with the job, or when `signal` aborts.
 */
export function anchorsInWorker(batch = ANCHOR_BATCH): AnchorsJob {
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be a whole number ≥ 1, got ${batch}`);
  return (resources, signal, shelf) => {
    const worker = spawnWorker('anchorsWorker', resources);
    const kept = traitsKept(batch, shelf);
    let posted = 0;
    let received = 0;
    let pending: AnchorSource[] = [];
    let added = 0;
    let failed: Error | undefined;
    let settle: (() => void) | undefined;
    const check = (): void => {
      if (settle && (failed || received === posted)) settle();
    };
    // The traits come back on a port of their own, read as they arrive when the scan's thread is
    // idle and, as it hands over each batch, without returning to its event loop: left unread
    // until the stages after `prepare` awaited, they were posted copies queued for minutes.
    const { port1: replies, port2 } = new MessageChannel();
    worker.postMessage({ port: port2 }, [port2]);
    signal?.addEventListener(
      'abort',
      () => {
        replies.close();
        void worker.terminate();
      },
      { once: true },
    );
    const take = (msg: { id: number; traits?: AnchorTraits[]; error?: string }): void => {
      if (msg.error !== undefined || !msg.traits) failed ??= new Error(`anchors worker: ${msg.error ?? 'no anchors'}`);
      else {
        // A shelf that cannot be written (a full disk) fails the job, reported when the scan waits for it.
        try {
          kept.take(msg.id, msg.traits);
        } catch (error) {
          failed ??= error as Error;
        }
        received++;
      }
      check();
    };
    replies.on('message', take);
    const drain = (): void => {
      for (let m = receiveMessageOnPort(replies); m !== undefined; m = receiveMessageOnPort(replies)) take(m.message);
    };
    worker.on('error', (error) => {
      failed ??= error;
      check();
    });
    worker.on('exit', (code) => {
      if (received < posted || !settle)
        failed ??= new Error(`the anchors worker stopped (exit code ${code}) before its last batch`);
      check();
    });
    const flush = (): void => {
      if (pending.length === 0) return;
      worker.postMessage({ id: posted++, sources: pending });
      pending = [];
      drain();
    };
    return {
      add(source) {
        added++;
        pending.push(source);
        if (pending.length >= batch) flush();
      },
      poll: drain,
      async end() {
        flush();
        try {
          await new Promise<void>((resolve) => {
            settle = resolve;
            check();
          });
          if (failed) throw failed;
          return kept.finish(added);
        } finally {
          replies.close();
          await worker.terminate();
        }
      },
    };
  };
}

/**
 * The traits of the job's batches as they come back (batch `id` holds articles `id * batch` on:
 * batches go out full but the last): put on `shelf` when there is one, else held, their strings
 * shared. `finish` gives them to the caller, in order.
 */
function traitsKept(
  batch: number,
  shelf: Shelf | undefined,
): { take(id: number, traits: AnchorTraits[]): void; finish(count: number): Sequence<AnchorTraits> } {
  if (shelf)
    return {
      take: (id, traits) => {
        for (const [i, t] of traits.entries()) shelf.put(id * batch + i, t);
      },
      finish: (count) => ({ length: count, at: (k) => shelf.get(k) as AnchorTraits | undefined }),
    };
  const results: AnchorTraits[][] = [];
  // One copy of each key and name among the traits held (they arrive as fresh copies).
  const pool = createInternPool();
  return {
    take: (id, traits) => {
      results[id] = traits.map((t) => internTraits(t, pool));
    },
    finish: () => {
      // The traits are the caller's from here: the feed (alive while the scan runs) keeps
      // neither them nor the pool that shared their strings.
      const all = results.flat();
      results.length = 0;
      pool.strings.clear();
      pool.lists.clear();
      return all;
    },
  };
}
