/**
 * A stage split into numbered shares that worker threads and the calling thread take as each
 * finishes its last: each worker has two shares in flight (it never waits to be handed the next),
 * the calling thread takes the next share itself and yields between shares so that replies are
 * read. Where each share's result goes is the caller's (`ShareOut`), so the result can be exactly
 * that of one thread. The score stage (scorePool.ts) and the cross-language profiles
 * (profilePool.ts) run on it.
 */
import type { Transferable, Worker } from 'node:worker_threads';

export interface ShareOut<Reply> {
  /** How many shares. */
  count: number;
  /**
   * The message handing share `id` to worker `worker` (its place in the list given), and what it
   * transfers. Each worker is sent its shares in the order of these calls.
   */
  message(id: number, worker: number): { value: unknown; transfer?: Transferable[] };
  /** A worker's reply taken in (its result stored); an error when the reply is one. */
  reply(reply: Reply): Error | undefined;
  /** Share `id` done in the calling thread. */
  here(id: number): void;
  /** The error of a worker that exited before the stage ended. */
  stopped(code: number): Error;
  /**
   * `'ends'`: the workers take the shares from the first on, the calling thread from the last
   * back, so that each side's shares follow one another (default `'ascending'`: all from the first on).
   */
  from?: 'ascending' | 'ends';
}

/** Runs every share of `out` on `workers` and the calling thread; rejects with the first failure. */
export async function shareOut<Reply>(workers: readonly Worker[], out: ShareOut<Reply>): Promise<void> {
  // Shares next..last are left: the workers take `next`, the calling thread `last` when from the ends.
  let next = 0;
  let last = out.count - 1;
  const ends = out.from === 'ends';
  let completed = 0;
  let failed: Error | undefined;
  let finish: (() => void) | undefined;
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const settled = (): void => {
    if (failed || completed === out.count) finish?.();
  };
  const feed = (w: Worker, index: number): void => {
    if (next > last || failed) return;
    const { value, transfer } = out.message(next++, index);
    w.postMessage(value, transfer);
  };
  workers.forEach((w, index) => {
    w.on('message', (msg: Reply) => {
      const error = out.reply(msg);
      if (error) failed ??= error;
      else {
        completed++;
        feed(w, index);
      }
      settled();
    });
    w.on('error', (error) => {
      failed ??= error;
      settled();
    });
    // A worker gone before its shares came back (killed, out of memory) fails the stage, never hangs it.
    w.on('exit', (code) => {
      if (completed < out.count) failed ??= out.stopped(code);
      settled();
    });
    feed(w, index);
    feed(w, index);
  });
  while (next <= last && !failed) {
    out.here(ends ? last-- : next++);
    completed++;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  settled();
  await allDone;
  if (failed) throw failed;
}
