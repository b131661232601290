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
  /** The message handing share `id` to a worker, and what it transfers. */
  message(id: number): { value: unknown; transfer?: Transferable[] };
  /** A worker's reply taken in (its result stored); an error when the reply is one. */
  reply(reply: Reply): Error | undefined;
  /** Share `id` done in the calling thread. */
  here(id: number): void;
  /** The error of a worker that exited before the stage ended. */
  stopped(code: number): Error;
}

/** Runs every share of `out` on `workers` and the calling thread; rejects with the first failure. */
export async function shareOut<Reply>(workers: readonly Worker[], out: ShareOut<Reply>): Promise<void> {
  let next = 0;
  let completed = 0;
  let failed: Error | undefined;
  let finish: (() => void) | undefined;
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const settled = (): void => {
    if (failed || completed === out.count) finish?.();
  };
  const feed = (w: Worker): void => {
    if (next >= out.count || failed) return;
    const { value, transfer } = out.message(next++);
    w.postMessage(value, transfer);
  };
  for (const w of workers) {
    w.on('message', (msg: Reply) => {
      const error = out.reply(msg);
      if (error) failed ??= error;
      else {
        completed++;
        feed(w);
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
    feed(w);
    feed(w);
  }
  while (next < out.count && !failed) {
    out.here(next++);
    completed++;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  settled();
  await allDone;
  if (failed) throw failed;
}
