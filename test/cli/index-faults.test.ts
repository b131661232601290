/**
 * Faults, with real processes: SIGKILL in the middle of `index add`, and two processes writing to
 * and gating against one index at once. The CLI runs from sources through tsx.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSketchConfig } from '../../src/core/minhash/sketch.js';
import { VARIANT_KINDS } from '../../src/eval/generate.js';
import { addArticles } from '../../src/pipeline/indexing.js';
import { MemoryStore } from '../../src/store/memory.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Article } from '../../src/types/index.js';
import { ROOT } from '../helpers/fixtures.js';
import { makeTempDir, readSeeds, variantsOf } from '../store/fixtures.js';

const dir = makeTempDir('faults');
const config = createSketchConfig();
const KINDS = VARIANT_KINDS;

function startCli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'dev.ts'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  child.stdout?.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

function writeJsonl(path: string, articles: readonly Article[]): void {
  writeFileSync(path, `${articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n')}\n`);
}

function countDocuments(path: string): number {
  try {
    const store = SqliteStore.open(path, { readonly: true });
    try {
      return store.stats().documents;
    } finally {
      store.close();
    }
  } catch {
    return 0;
  }
}

/** The index agrees with one built from scratch (in memory) from the documents it holds. */
async function expectConsistent(path: string): Promise<number> {
  const store = SqliteStore.open(path, {});
  try {
    expect(store.checkIntegrity()).toBe('ok');
    const docs = [...store.iterateDocuments(500)].flat();
    const memory = new MemoryStore(store.config);
    await addArticles(
      memory,
      docs.map((d) => ({ id: d.id, text: d.text })),
    );
    const s = store.stats();
    const m = memory.stats();
    expect({ documents: s.documents, terms: s.terms, bucketEntries: s.bucketEntries }).toEqual({
      documents: m.documents,
      terms: m.terms,
      bucketEntries: m.bucketEntries,
    });
    const someTerms = [
      ...(docs[0] ? (await import('../../src/pipeline/indexing.js')).prepareEntry(docs[0], store.config).terms : []),
    ].slice(0, 50);
    expect(store.getDocumentFrequencies(someTerms)).toEqual(memory.getDocumentFrequencies(someTerms));
    return s.documents;
  } finally {
    store.close();
  }
}

describe('index faults (child processes)', () => {
  it('SIGKILL in the middle of `index add` leaves a usable index with whole batches only', async () => {
    const seeds = readSeeds();
    const articles = [
      ...seeds,
      ...variantsOf(seeds, KINDS, 11).flatMap((v, k) => [
        v,
        { id: `${v.id}-again-${k}`, text: `${v.text}\n\nRead more.` },
      ]),
    ];
    const input = join(dir, 'big.jsonl');
    writeJsonl(input, articles);
    const index = join(dir, 'killed.db');
    const batch = 10;
    const { child, done } = startCli([
      'index',
      'add',
      input,
      '--index',
      index,
      '--batch-size',
      String(batch),
      '--workers',
      '0',
      '--quiet',
    ]);
    // Kill once at least three batches are in.
    const deadline = Date.now() + 60_000;
    while (countDocuments(index) < 3 * batch && Date.now() < deadline) await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGKILL');
    const exit = await done;
    expect(exit.signal).toBe('SIGKILL');
    const kept = await expectConsistent(index);
    expect(kept % batch).toBe(0);
    expect(kept).toBeGreaterThanOrEqual(3 * batch);
    expect(kept).toBeLessThan(articles.length);
    // The index is usable: a gate runs, and adding again completes the rest.
    const gate = startCli(['gate', join(ROOT, 'corpus', '000_b20c2e0df0aa8a72.txt'), '--index', index]);
    expect((await gate.done).code).toBe(1);
    const again = startCli(['index', 'add', input, '--index', index, '--format', 'json', '--quiet']);
    expect((await again.done).code).toBe(0);
    expect(await expectConsistent(index)).toBe(articles.length);
  });

  it('two processes adding and one gating with --add at the same time do not corrupt the index', async () => {
    const seeds = readSeeds();
    const index = join(dir, 'shared.db');
    const base = SqliteStore.open(index, { config });
    base.close();
    const setA = variantsOf(seeds, KINDS, 21).map((a) => ({ ...a, id: `a/${a.id}` }));
    const setB = variantsOf(seeds, KINDS, 22).map((a) => ({ ...a, id: `b/${a.id}` }));
    const setC = variantsOf(seeds, KINDS, 23).map((a) => ({ ...a, id: `c/${a.id}` }));
    writeJsonl(join(dir, 'a.jsonl'), setA);
    writeJsonl(join(dir, 'b.jsonl'), setB);
    writeJsonl(join(dir, 'c.jsonl'), setC);
    const runs = [
      startCli([
        'index',
        'add',
        join(dir, 'a.jsonl'),
        '--index',
        index,
        '--batch-size',
        '5',
        '--workers',
        '0',
        '--quiet',
      ]),
      startCli([
        'index',
        'add',
        join(dir, 'b.jsonl'),
        '--index',
        index,
        '--batch-size',
        '7',
        '--workers',
        '0',
        '--quiet',
      ]),
      startCli(['gate', join(dir, 'c.jsonl'), '--index', index, '--add', '--quiet']),
    ];
    const exits = await Promise.all(runs.map((r) => r.done));
    expect(exits.map((e) => e.code)).toEqual([0, 0, expect.any(Number)]);
    expect([0, 1]).toContain(exits[2]?.code);
    const total = await expectConsistent(index);
    // Every article of A and B is in; of C, those the gate found novel.
    expect(total).toBeGreaterThanOrEqual(setA.length + setB.length);
  });
});
