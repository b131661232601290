/**
 * Progress bars on stderr: the only file that imports cli-progress. Off (a no-op) when stderr is
 * not a terminal or with --quiet, so pipes, CI logs and `--format json` stay clean.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, chars?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
}

const SILENT: Progress = { update() {}, stop() {} };

function isShown(stream: NodeJS.WriteStream, quiet: boolean | undefined): boolean {
  return !quiet && stream.isTTY === true;
}

export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (!isShown(stream, options.quiet) || options.total <= 0) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${options.label} [{bar}] {percentage}% {value}/{total} articles, {mb} MB, {rate}/s, eta {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  bar.start(options.total, 0, { mb: '0.0', rate: '0' });
  return {
    update(done, chars = 0) {
      const seconds = (performance.now() - t0) / 1000;
      bar.update(done, {
        mb: (chars / 1e6).toFixed(1),
        rate: seconds > 0 ? Math.round(done / seconds).toString() : '0',
      });
    },
    stop() {
      bar.stop();
    },
  };
}

/** What each stage counts, for the bar's label. */
const UNITS: Record<string, string> = {
  read: 'files',
  prepare: 'articles',
  fingerprint: 'articles',
  candidates: 'articles',
  score: 'pairs',
  cluster: 'links',
  review: 'pair diffs',
  write: 'files',
};

export interface StageProgress {
  /** A stage's progress: a new stage name ends the previous bar and starts its own. */
  update(stage: string, done: number, total: number): void;
  stop(): void;
}

const SILENT_STAGES: StageProgress = { update() {}, stop() {} };

/**
 * One bar per stage of a long command (scan: read, prepare, fingerprint, candidates, score, cluster,
 * review, write), redrawn at most ten times a second. Only on a terminal, never with `quiet`.
 */
export function startStageProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): StageProgress {
  const stream = options.stream ?? process.stderr;
  if (!isShown(stream, options.quiet)) return SILENT_STAGES;
  let current: { stage: string; bar: cliProgress.SingleBar; last: number } | undefined;
  const stop = (): void => {
    current?.bar.stop();
    current = undefined;
  };
  return {
    update(stage, done, total) {
      if (total <= 0) return;
      if (current?.stage !== stage) {
        stop();
        const bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${stage.padEnd(11)} [{bar}] {percentage}% {value}/{total} ${UNITS[stage] ?? 'items'}, eta {eta_formatted}`,
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 100,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
        current = { stage, bar, last: 0 };
      }
      const now = performance.now();
      if (done >= total || now - current.last >= 100) {
        current.bar.update(done);
        current.last = now;
      }
    },
    stop,
  };
}
