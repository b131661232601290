/**
 * The heap a whole-corpus command gets. `copydesk scan` (and `eval`, which scans its gold set)
 * keeps every article's normalized text and fingerprint in memory until its events stage, and its
 * vectors to the end: about 58 KB an article kept alive at the end of a scan of 10,000 articles of
 * the index benchmark's corpus (`scripts/scanMemory.ts`), and a peak RSS of 5.2 GiB, about 55 KB
 * an article, for its 100,000 (7.4 GiB before the stops that let go of what nothing read, numbered
 * the events stage's keys and put the articles' typed arrays in slabs; README, "Memory: the heap a
 * scan gets"; the message below keeps 120 KB, which a scan across languages needs). V8's default
 * limit is about 4 GB whatever the machine (4,144 MiB here, on 24 GiB), and a scan past it does
 * not fail cleanly: V8 aborts the process with "JavaScript heap out of memory" and a native stack
 * trace after minutes of work.
 *
 * So the launcher (bin/copydesk.js) runs these commands in a child Node process with
 * `--max-old-space-size` set to three quarters of the memory the process may use (the cgroup's
 * limit in a container, else the machine's), unless the user chose a limit already
 * (`--max-old-space-size` in NODE_OPTIONS or on node's command line) or the default is as large.
 * `COPYDESK_HEAP_MIB` sets that limit instead. The child's young generation is larger too
 * (`SEMI_SPACE_MIB`), and its old generation grows in smaller steps (`HEAP_GROWING_PERCENT`),
 * unless the user chose them. Other commands stream their input (`index add`,
 * `gate`) or read two texts (`compare`, `diff`) and start as they are: the child costs one more
 * Node start-up, about 60 ms (README). When the child is aborted (SIGABRT: what V8 does out of memory),
 * the launcher adds one line saying so and how to give the scan more memory, and exits 2.
 */

/** The launcher's line when the child was aborted (V8 out of memory), without the `copydesk: ` prefix. */
export function abortedMessage(command: string, heapMiB: number): string {
  return `${command} was aborted (SIGABRT), which is how Node ends a process out of memory (heap limit ${heapMiB} MiB; a scan needs up to about 120 KB an article): ${command} a part of the corpus, or allow more with ${HEAP_ENV}=<MiB>`;
}

/** The commands that hold a whole corpus in memory. */
export const WHOLE_CORPUS_COMMANDS: readonly string[] = ['scan', 'eval'];

/** Share of the usable memory given to the heap: the rest is for typed arrays, workers and the OS. */
export const HEAP_SHARE = 0.75;

/** Set in the child's environment, so that it never starts another. */
export const HEAP_MARKER = 'COPYDESK_HEAP_RAISED';

/** The user's choice of the heap for whole-corpus commands, in MiB (instead of `HEAP_SHARE` of the memory). */
export const HEAP_ENV = 'COPYDESK_HEAP_MIB';

export interface HeapSituation {
  /** The command line after `copydesk`. */
  argv: readonly string[];
  /** Node's own options (`process.execArgv`). */
  execArgv: readonly string[];
  /** The environment (NODE_OPTIONS and the marker are read). */
  env: Readonly<Record<string, string | undefined>>;
  /** Bytes the process may use: the cgroup limit when there is one, else the machine's memory. */
  memoryBytes: number;
  /** V8's current heap limit in bytes (`v8.getHeapStatistics().heap_size_limit`). */
  heapLimitBytes: number;
}

const MIB = 2 ** 20;

/** The command a command line names: its first word that is not an option (as `main` reads it). */
export function commandOf(argv: readonly string[]): string | undefined {
  return argv.find((a) => !a.startsWith('-'));
}

const HEAP_FLAG = /--max[-_]old[-_]space[-_]size/;
const SEMI_FLAG = /--max[-_]semi[-_]space[-_]size/;

/**
 * The young generation's semi-space the child gets, in MiB (Node 20's default: 16). A scan
 * allocates short-lived strings and arrays by the million beside a heap of long-lived articles,
 * and a young generation this small promotes many of them before they die. Measured on the index
 * benchmark's 10,000-article corpus (`scan --no-write --format json --no-cross-language`, one
 * run after the other, the same report each time): 68-71 s wall at the default, 62-63 s at 32,
 * 60-62 s at 64, 63 s at 128 (peak RSS 2.2-2.6, 2.3, 2.3-2.4, 3.1 GB): 32 to 64 was flat, and 64
 * was taken. Measured again once a scan held far less (2026-12-06; the same corpus across
 * languages, `--format json --no-write`, three runs side by side, the same report): 258.6 s of
 * CPU at 64, 261.2 at 32, 264.9 at 16; peak RSS 1,117, 1,059 and 1,026 MiB. The young
 * generation is two semi-spaces resident once grown (128 MiB at 64), in every stage, and a
 * 100,000-article scan was still a few hundred MiB above the issue's 2 GB: 32, for about 1 % of
 * CPU.
 */
export const SEMI_SPACE_MIB = 32;

const GROWING_NAME = '--heap[-_]growing[-_]percent';
const GROWING_FLAG = new RegExp(GROWING_NAME);
const GROWING_VALUE = new RegExp(`^${GROWING_NAME}=(\\d+)$`);

/**
 * How far the child's old generation may grow past what was alive after its last full
 * collection before the next one, in percent (V8's `--heap-growing-percent`; unset, V8 picks a
 * factor up to ×4 when the heap limit is large, as the raised one is). A scan's score and
 * cross-language stages make garbage by the gigabyte beside a live heap of one or two: with the
 * limit at 18 GB, V8 let the heap run to two or three times what was alive before collecting. On
 * the index benchmark's first 10,000 articles (`scan --no-write --format json --timings`, across
 * languages, two runs side by side, the same report): peak RSS 2,466 MiB unset, 2,103 at 100,
 * 1,675 at 30; wall 4:03 against 4:06, CPU 229 against 243 s (+6 %). Around it (another pair of
 * runs, beside a third scan): 1,819 MiB at 50 for 250 s of CPU, 1,576 at 15 for 264 s. So 30 is
 * where the curve bends: from 50 to 15 the peak moves by 13 %, the CPU the other way by 6 %, and
 * either neighbour would do. Larger corpora: README, "Memory: the heap a scan gets".
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * The growing step a process runs with, from its Node options (`process.execArgv`; the last given
 * wins, as in V8): a percentage, or undefined when V8 chooses (none given, or 0).
 */
export function growingStepOf(execArgv: readonly string[]): number | undefined {
  let step: number | undefined;
  // Node takes V8's integer options only as `--name=N` (`--heap-growing-percent 25` is refused).
  for (const a of execArgv) {
    const m = GROWING_VALUE.exec(a);
    if (m) step = Number(m[1]) || undefined;
  }
  return step;
}

function chosenBy(flag: RegExp, s: Pick<HeapSituation, 'execArgv' | 'env'>): boolean {
  return s.execArgv.some((a) => flag.test(a)) || flag.test(s.env.NODE_OPTIONS ?? '');
}

/**
 * Node's options for the child, after its own: the heap limit, V8's `gc` (`collecting`), then
 * the young generation's size and the old generation's growing step unless the user chose them
 * (in NODE_OPTIONS or on node's command line; Node accepts the growing step only on its command
 * line, where `--heap-growing-percent=0` gives V8 its own choice back).
 */
export function childFlags(heapMiB: number, s: Pick<HeapSituation, 'execArgv' | 'env'>): string[] {
  return [
    `--max-old-space-size=${heapMiB}`,
    // The scan asks for a full collection where a stage has let go of what it held (`collecting`).
    '--expose-gc',
    ...(chosenBy(SEMI_FLAG, s) ? [] : [`--max-semi-space-size=${SEMI_SPACE_MIB}`]),
    ...(chosenBy(GROWING_FLAG, s) ? [] : [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]),
  ];
}

/**
 * The heap limit in MiB to restart with, or undefined to run in this process: only for a
 * whole-corpus command; `COPYDESK_HEAP_MIB` when set; else when nobody chose a limit and the
 * raise is worth a process (at least a quarter above the current limit). Throws a RangeError
 * (the message for the user) when `COPYDESK_HEAP_MIB` is not a whole number of MiB.
 */
export function heapToRequest(s: HeapSituation): number | undefined {
  const command = commandOf(s.argv);
  if (command === undefined || !WHOLE_CORPUS_COMMANDS.includes(command)) return undefined;
  if (s.env[HEAP_MARKER] !== undefined) return undefined;
  const chosen = s.env[HEAP_ENV];
  if (chosen !== undefined && chosen !== '') {
    if (!/^[1-9][0-9]{0,8}$/.test(chosen.trim()))
      throw new RangeError(`${HEAP_ENV} must be a whole number of MiB (such as 8192), got "${chosen}"`);
    return Number(chosen.trim());
  }
  if (s.execArgv.some((a) => HEAP_FLAG.test(a)) || HEAP_FLAG.test(s.env.NODE_OPTIONS ?? '')) return undefined;
  if (!(s.memoryBytes > 0) || !(s.heapLimitBytes > 0)) return undefined;
  const wanted = Math.floor((s.memoryBytes * HEAP_SHARE) / MIB);
  return wanted >= (s.heapLimitBytes / MIB) * 1.25 ? wanted : undefined;
}

/**
 * Above this many articles a scan asks V8 for a full collection after each stage (`collecting`).
 * The seeds' scan would take half as long again: fifteen collections took 540–670 ms against
 * 820–1,130 ms for its stages (three runs, `--expose-gc`, the machine busy with other scans).
 */
export const COLLECT_MIN_ARTICLES = 5000;

/**
 * `onStage` followed by a full collection after each stage, where the process has V8's `gc` (the
 * launcher's child: `childFlags`) and the corpus is large; else `onStage` as it is. V8 collects
 * the old generation when it has grown by the growing step (30 % in the child) past what was alive
 * after its last full collection: when a stage lets go of hundreds of MB (the score stage's memos,
 * the articles before the events stage, the vectors once the scan returns), the next collection
 * still waits for the heap to grow 30 % past what was alive before, and the garbage of the stages
 * after fills the difference. Collected there, the next limit is counted from what is alive now.
 * On the index benchmark's first 10,000 articles (the report the same): from the score stage's
 * end to the events stage 991 → 904 MiB at most, the events stage 950 → 873, the peak (in the
 * score stage) the same, 4 % more CPU (`scan --no-write --format json --timings`, two runs side
 * by side).
 */
export function collecting(
  onStage: ((stage: string, ms: number) => void) | undefined,
  articles: number,
  gc: unknown = (globalThis as { gc?: unknown }).gc,
): { onStage: ((stage: string, ms: number) => void) | undefined; collect: () => void } {
  if (typeof gc !== 'function' || articles <= COLLECT_MIN_ARTICLES) return { onStage, collect: () => undefined };
  const collect = gc as () => void;
  return {
    onStage: (stage, ms) => {
      onStage?.(stage, ms);
      collect();
    },
    collect,
  };
}
