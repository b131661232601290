/**
 * `copydesk index add|remove|stats|rebuild`: the persistent index the gate checks against
 * (an SQLite file, default `.copydesk/index.db`, or a PostgreSQL database named by a
 * `postgres://` URL; `--index` or the COPYDESK_INDEX environment variable says which).
 */
import type { Command } from 'commander';
import { escapeTerminal } from '../../report/escape.js';
import { renderJson } from '../../report/json.js';
import { getRenderer, rendererNames } from '../../report/registry.js';
import { DEFAULT_INDEX_PATH } from '../../store/open.js';
import type { IndexStore } from '../../types/index.js';
import { parseChoice, parseNumberOption } from '../errors.js';
import { READ_OPTIONS } from '../options.js';

const SUMMARY_FORMATS = ['text', 'json'] as const;
/** Below this many articles, worker threads cost more to start than they save. */
const WORKERS_FROM = 2000;

/** Where the index is: `--index`, else $COPYDESK_INDEX, else the default file. */
export function indexLocation(opts: Record<string, unknown>): string {
  if (typeof opts.index === 'string') return opts.index;
  const env = process.env.COPYDESK_INDEX;
  return env !== undefined && env !== '' ? env : DEFAULT_INDEX_PATH;
}

/** `--index` as help shows it. */
export const INDEX_OPTION = [
  '--index <location>',
  `index: an SQLite file or a postgres:// URL (default: $COPYDESK_INDEX, else ${DEFAULT_INDEX_PATH})`,
] as const;

/** A location as printed: a URL without its password. */
export function showLocation(location: string): string {
  return location.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** Open the index; a new one is created with event sketches when `events` (`index add --events`). */
async function open(
  location: string,
  mode: { readonly?: boolean; mustExist?: boolean; allowRebuilding?: boolean },
  events = false,
): Promise<IndexStore> {
  const { openStore } = await import('../../store/open.js');
  const { createSketchConfig } = await import('../../core/minhash/sketch.js');
  return openStore(location, {
    ...mode,
    config: () => ({ ...createSketchConfig(), ...(events ? { events: true } : {}) }),
  });
}

/**
 * `index add --events` on an index that keeps no event sketches: refused before anything is
 * written (its documents have none, and the gate would answer for a part of them only).
 */
async function requireEvents(store: IndexStore, location: string): Promise<void> {
  if (store.config.events === true) return;
  await store.close();
  const { InputError } = await import('../../types/index.js');
  throw new InputError(
    'this index keeps no event sketches: run `copydesk index rebuild --events` once to add them',
    showLocation(location),
  );
}

async function choosePrepare(count: number | undefined, workersOption: unknown) {
  const { availableParallelism } = await import('node:os');
  const workers =
    workersOption === undefined
      ? count === undefined || count >= WORKERS_FROM
        ? availableParallelism()
        : 0
      : parseNumberOption('--workers', String(workersOption), 0, 64);
  if (workers === 0) return { prepare: undefined, close: async () => {} };
  const { startSketchPool } = await import('../../pipeline/workers/pool.js');
  const pool = startSketchPool(workers);
  return { prepare: pool.prepare, close: () => pool.close() };
}

async function addAction(inputs: string[], opts: Record<string, unknown>): Promise<void> {
  const format = parseChoice('--format', String(opts.format), SUMMARY_FORMATS);
  const batchSize = parseNumberOption('--batch-size', String(opts.batchSize), 1, 1e6);
  const location = indexLocation(opts);
  const { streamCorpus, countSmallInput } = await import('../../io/streamCorpus.js');
  // Read as it is indexed: memory stays bounded whatever the input's size. Small inputs are
  // counted first (for the progress bar and the choice of worker threads).
  const count = await countSmallInput(inputs, WORKERS_FROM);
  const store = await open(location, {}, opts.events === true);
  if (opts.events === true) await requireEvents(store, location);
  const { addArticles } = await import('../../pipeline/indexing.js');
  const { startProgress } = await import('../progress.js');
  const pool = await choosePrepare(count, opts.workers);
  const bar = startProgress({ label: 'index add', total: count ?? 0, quiet: opts.quiet === true });
  const t0 = performance.now();
  try {
    const result = await addArticles(store, streamCorpus(inputs, READ_OPTIONS), {
      batchSize: Math.floor(batchSize),
      ...(pool.prepare ? { prepare: pool.prepare } : {}),
      onProgress: (p) => bar.update(p.done, p.chars),
      keepPendingKeys: true,
    });
    // The band keys are merged once the workers are gone: their heaps are not held through the
    // merge, the peak of a large load.
    await pool.close();
    await store.mergePendingKeys();
    bar.stop();
    const summary = {
      index: showLocation(location),
      added: result.added.length,
      replaced: result.replaced.length,
      unchanged: result.unchanged.length,
      seconds: Math.round((performance.now() - t0) / 10) / 100,
    };
    if (format === 'json') process.stdout.write(renderJson(summary));
    else
      process.stdout.write(
        `${escapeTerminal(summary.index)}: ${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged (${summary.seconds} s)\n`,
      );
  } finally {
    bar.stop();
    await pool.close();
    await store.close();
  }
}

async function removeAction(ids: string[], opts: Record<string, unknown>): Promise<void> {
  const { InputError } = await import('../../types/index.js');
  const location = indexLocation(opts);
  const store = await open(location, { mustExist: true });
  try {
    const { removeDocuments } = await import('../../pipeline/indexing.js');
    const { removed, missing } = await removeDocuments(store, ids);
    process.stdout.write(`${escapeTerminal(showLocation(location))}: ${removed.length} removed\n`);
    if (missing.length > 0)
      throw new InputError(`not in the index: ${missing.map((m) => `"${m}"`).join(', ')}`, showLocation(location));
  } finally {
    await store.close();
  }
}

async function statsAction(opts: Record<string, unknown>): Promise<void> {
  const render = await getRenderer('stats', String(opts.format));
  const store = await open(indexLocation(opts), { readonly: true });
  try {
    process.stdout.write(render(await store.stats(), {}));
  } finally {
    await store.close();
  }
}

async function rebuildAction(opts: Record<string, unknown>): Promise<void> {
  const location = indexLocation(opts);
  const store = await open(location, { mustExist: true, allowRebuilding: true });
  const pool = await choosePrepare((await store.stats()).documents, opts.workers);
  const { rebuildIndex } = await import('../../pipeline/indexing.js');
  const { startProgress } = await import('../progress.js');
  const bar = startProgress({
    label: 'index rebuild',
    total: (await store.stats()).documents,
    quiet: opts.quiet === true,
  });
  try {
    const { createSketchConfig } = await import('../../core/minhash/sketch.js');
    const r = await rebuildIndex(store, {
      // The stored bands are kept; the containment channel is added (an index made before it has none).
      // --events / --no-events turn event sketches on or off; without either the index keeps its choice.
      config: {
        ...store.config,
        containment: store.config.containment ?? createSketchConfig().containment,
        ...(typeof opts.events === 'boolean' ? { events: opts.events } : {}),
      },
      ...(pool.prepare ? { prepare: pool.prepare } : {}),
      onProgress: (p) => bar.update(p.done, p.chars),
    });
    bar.stop();
    await store.checkpoint?.();
    const events = store.config.events === true ? ', with event sketches' : '';
    process.stdout.write(`${escapeTerminal(showLocation(location))}: rebuilt ${r.documents} documents${events}\n`);
  } finally {
    bar.stop();
    await pool.close();
    await store.close();
  }
}

export function register(program: Command): void {
  const index = program.command('index').description('build and inspect the index that `copydesk gate` checks against');
  index
    .command('add')
    .description('add articles to the index (an id already there with another text is replaced)')
    .argument('<inputs...>', 'folders, .txt/.md/.html files or .jsonl files')
    .option(...INDEX_OPTION)
    .option('--batch-size <n>', 'articles per transaction (as DEFAULT_BATCH_SIZE in pipeline/indexing.ts)', '1000')
    .option(
      '--workers <n>',
      `worker threads for sketching (default: one per core from ${WORKERS_FROM} articles, else 0)`,
    )
    .option('--format <format>', `summary format: ${SUMMARY_FORMATS.join(', ')}`, 'text')
    .option(
      '--events',
      'keep event sketches, so the gate can say "novel text about a known event" (a new index; an existing one needs `index rebuild --events`)',
    )
    .option('--quiet', 'no progress bar')
    .action(addAction);
  index
    .command('remove')
    .description('remove articles from the index by id')
    .argument('<ids...>', 'article ids')
    .option(...INDEX_OPTION)
    .action(removeAction);
  index
    .command('stats')
    .description('documents, terms, LSH parameters and size of the index')
    .option(...INDEX_OPTION)
    .option('--format <format>', `output format: ${rendererNames('stats').join(', ')}`, 'text')
    .action(statsAction);
  index
    .command('rebuild')
    .description('recompute signatures, LSH buckets, sampled shingles and document frequencies from the stored texts')
    .option(...INDEX_OPTION)
    .option('--workers <n>', 'worker threads for sketching')
    .option('--events', 'keep event sketches from now on (for the gate\'s "known event")')
    .option('--no-events', 'drop event sketches')
    .option('--quiet', 'no progress bar')
    .action(rebuildAction);
}
