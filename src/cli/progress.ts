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

export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || stream.isTTY !== true || options.total <= 0) return SILENT;
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
