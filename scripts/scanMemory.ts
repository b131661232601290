/**
 * Where a scan's memory goes, stage by stage: the scan of the first N articles of a JSON Lines
 * corpus (as `copydesk scan` runs it above 2,000 articles: LSH candidates, across languages unless
 * `--no-cross-language`), with a garbage collection at the end of each stage so that the heap
 * printed is what the stage keeps alive. Needs `--expose-gc`:
 *
 *   node --expose-gc --import tsx scripts/scanMemory.ts [corpus.jsonl] [N] [--no-cross-language] [--shelf]
 *
 * `--shelf`: the normalized articles and the cross-language profiles on file shelves between the
 * stages, as `copydesk scan` keeps them above 5,000 articles (`ScanOptions.shelf`).
 *
 * Prints per stage: seconds, heap before and after the collection, memory outside the heap
 * (`external`: typed arrays and buffers) and RSS, in MiB.
 */
import { readFileSync } from 'node:fs';
import { lshCandidates } from '../src/core/candidates/lsh.js';
import { createFileShelf } from '../src/io/shelf.js';
import { scanCorpus } from '../src/pipeline/scan.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [path = 'bench/.data/corpus-10000.jsonl', count = '10000'] = args;
const cross = !process.argv.includes('--no-cross-language');
const shelf = process.argv.includes('--shelf');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('scanMemory: run with node --expose-gc --import tsx\n');
  process.exit(2);
}
const articles = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .slice(0, Number(count))
  .map((l) => JSON.parse(l) as { id: string; text: string });
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0).padStart(6);
process.stdout.write(`${articles.length} articles${cross ? '' : ', --no-cross-language'}${shelf ? ', --shelf' : ''}\n`);
process.stdout.write('stage             seconds  heap   live   ext.    rss (MiB)\n');
scanCorpus(articles, {
  ...(cross ? {} : { crossLanguage: false as const }),
  ...(shelf ? { shelf: () => createFileShelf() } : {}),
  candidates: (fps, _vectors, onProgress) => lshCandidates(fps, { threshold: 0.3 }, onProgress),
  onStage: (stage, ms) => {
    const before = process.memoryUsage().heapUsed;
    gc();
    const m = process.memoryUsage();
    process.stdout.write(
      `${stage.padEnd(16)} ${(ms / 1000).toFixed(1).padStart(7)} ${mib(before)} ${mib(m.heapUsed)} ${mib(m.external)} ${mib(m.rss)}\n`,
    );
  },
});
