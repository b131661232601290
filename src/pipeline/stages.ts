/** Named, timed stages: each pipeline is a sequence of them, and `--timings` prints their times. */

/** Called after each stage with its name and the milliseconds it took. */
export type StageListener = (stage: string, ms: number) => void;

/** Run one stage, report its time, return its result. */
export function timed<T>(stage: string, onStage: StageListener | undefined, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  onStage?.(stage, performance.now() - t0);
  return out;
}

/** The time spent waiting for work done elsewhere (a worker's), reported as a stage. */
export async function timedAsync<T>(
  stage: string,
  onStage: StageListener | undefined,
  pending: Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  const out = await pending;
  onStage?.(stage, performance.now() - t0);
  return out;
}

/** Called during a long stage with the items done so far and the total (for a progress bar). */
export type ProgressListener = (stage: string, done: number, total: number) => void;
