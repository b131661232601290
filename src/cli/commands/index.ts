/**
 * `copydesk index add|remove|stats|rebuild`: the persistent index the gate checks against
 * (SQLite, default `.copydesk/index.db`).
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

async function open(location: string, readonly: boolean, allowRebuilding = false): Promise<IndexStore> {
  const { openStore } = await import('../../store/open.js');
  const { createSketchConfig } = await import('../../core/minhash/sketch.js');
  return openStore(location, { readonly, allowRebuilding, config: createSketchConfig() });
}

async function choosePrepare(count: number, workersOption: unknown) {
  const { availableParallelism } = await import('node:os');
  const workers =
    workersOption === undefined
      ? count >= WORKERS_FROM
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
  const { readCorpus } = await import('../../io/readCorpus.js');
  const articles = await readCorpus(inputs, READ_OPTIONS);
  const store = await open(String(opts.index), false);
  const { addArticles } = await import('../../pipeline/indexing.js');
  const { startProgress } = await import('../progress.js');
  const pool = await choosePrepare(articles.length, opts.workers);
  const bar = startProgress({ label: 'index add', total: articles.length, quiet: opts.quiet === true });
  const t0 = performance.now();
  try {
    const result = await addArticles(store, articles, {
      batchSize: Math.floor(batchSize),
      ...(pool.prepare ? { prepare: pool.prepare } : {}),
      onProgress: (p) => bar.update(p.done, p.chars),
    });
    bar.stop();
    const summary = {
      index: String(opts.index),
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
    store.close();
  }
}

async function removeAction(ids: string[], opts: Record<string, unknown>): Promise<void> {
  const { InputError } = await import('../../types/index.js');
  const { existsSync } = await import('node:fs');
  if (!existsSync(String(opts.index))) throw new InputError('no index here', String(opts.index));
  const store = await open(String(opts.index), false);
  try {
    const { removeDocuments } = await import('../../pipeline/indexing.js');
    const { removed, missing } = removeDocuments(store, ids);
    process.stdout.write(`${escapeTerminal(String(opts.index))}: ${removed.length} removed\n`);
    if (missing.length > 0)
      throw new InputError(`not in the index: ${missing.map((m) => `"${m}"`).join(', ')}`, String(opts.index));
  } finally {
    store.close();
  }
}

async function statsAction(opts: Record<string, unknown>): Promise<void> {
  const render = await getRenderer('stats', String(opts.format));
  const store = await open(String(opts.index), true);
  try {
    process.stdout.write(render(store.stats(), {}));
  } finally {
    store.close();
  }
}

async function rebuildAction(opts: Record<string, unknown>): Promise<void> {
  const store = await open(String(opts.index), false, true);
  const total = store.stats().documents;
  const pool = await choosePrepare(total, opts.workers);
  const { rebuildIndex } = await import('../../pipeline/indexing.js');
  const { startProgress } = await import('../progress.js');
  const bar = startProgress({ label: 'index rebuild', total, quiet: opts.quiet === true });
  try {
    const r = await rebuildIndex(store, {
      ...(pool.prepare ? { prepare: pool.prepare } : {}),
      onProgress: (p) => bar.update(p.done, p.chars),
    });
    bar.stop();
    store.checkpoint?.();
    process.stdout.write(`${escapeTerminal(String(opts.index))}: rebuilt ${r.documents} documents\n`);
  } finally {
    bar.stop();
    await pool.close();
    store.close();
  }
}

export function register(program: Command): void {
  const index = program.command('index').description('build and inspect the index that `copydesk gate` checks against');
  index
    .command('add')
    .description('add articles to the index (an id already there with another text is replaced)')
    .argument('<inputs...>', 'folders, .txt/.md/.html files or .jsonl files')
    .option('--index <path>', 'index file', DEFAULT_INDEX_PATH)
    .option('--batch-size <n>', 'articles per transaction (as DEFAULT_BATCH_SIZE in pipeline/indexing.ts)', '1000')
    .option(
      '--workers <n>',
      `worker threads for sketching (default: one per core from ${WORKERS_FROM} articles, else 0)`,
    )
    .option('--format <format>', `summary format: ${SUMMARY_FORMATS.join(', ')}`, 'text')
    .option('--quiet', 'no progress bar')
    .action(addAction);
  index
    .command('remove')
    .description('remove articles from the index by id')
    .argument('<ids...>', 'article ids')
    .option('--index <path>', 'index file', DEFAULT_INDEX_PATH)
    .action(removeAction);
  index
    .command('stats')
    .description('documents, terms, LSH parameters and size of the index')
    .option('--index <path>', 'index file', DEFAULT_INDEX_PATH)
    .option('--format <format>', `output format: ${rendererNames('stats').join(', ')}`, 'text')
    .action(statsAction);
  index
    .command('rebuild')
    .description('recompute signatures, LSH buckets and document frequencies from the stored texts')
    .option('--index <path>', 'index file', DEFAULT_INDEX_PATH)
    .option('--workers <n>', 'worker threads for sketching')
    .option('--quiet', 'no progress bar')
    .action(rebuildAction);
}
