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
import { addArticles, prepareEntry } from '../../src/pipeline/indexing.js';
import { MemoryStore } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Article, StoredDocument } from '../../src/types/index.js';
import { ROOT } from '../helpers/fixtures.js';
import { freshPostgresUrl, hasPostgres, postgresSkipReason } from '../helpers/postgres.js';
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

async function countDocuments(location: string): Promise<number> {
  try {
    const store = await openStore(location, { readonly: true, config });
    try {
      return (await store.stats()).documents;
    } finally {
      await store.close();
    }
  } catch {
    return 0;
  }
}

/** The index agrees with one built from scratch (in memory) from the documents it holds. */
async function expectConsistent(location: string): Promise<number> {
  const store = await openStore(location, { config });
  try {
    if (store instanceof SqliteStore) expect(store.checkIntegrity()).toBe('ok');
    const docs: StoredDocument[] = [];
    for await (const page of store.iterateDocuments(500)) docs.push(...page);
    const memory = new MemoryStore(store.config);
    await addArticles(
      memory,
      docs.map((d) => ({ id: d.id, text: d.text })),
    );
    const s = await store.stats();
    const m = await memory.stats();
    expect({ documents: s.documents, terms: s.terms, bucketEntries: s.bucketEntries }).toEqual({
      documents: m.documents,
      terms: m.terms,
      bucketEntries: m.bucketEntries,
    });
    const someTerms = [...(docs[0] ? (prepareEntry(docs[0], store.config).terms ?? []) : [])].slice(0, 50);
    expect(await store.getDocumentFrequencies(someTerms)).toEqual(await memory.getDocumentFrequencies(someTerms));
    // Every document's signatures and band keys are there, as a fresh build makes them.
    for (const d of docs.slice(0, 40)) {
      const e = prepareEntry(d, store.config);
      expect((await store.findByBands('chars', e.charKeys)).find((h) => h.id === d.id)).toEqual({
        id: d.id,
        bands: store.config.chars.bands,
      });
    }
    return s.documents;
  } finally {
    await store.close();
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
    while ((await countDocuments(index)) < 3 * batch && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 30));
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
    const base = await SqliteStore.open(index, { config });
    await base.close();
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

describe('concurrent writers over overlapping inputs (child processes)', () => {
  it('two `index add` runs sharing ids both succeed: identical texts unchanged, others replaced (the last writer wins)', async () => {
    const seeds = readSeeds();
    const index = join(dir, 'overlap.db');
    // Long enough (200 shared ids, batches of 2) that the two runs write at the same time: before
    // this, the second to reach a shared id failed with "already indexed".
    const shared = [31, 33, 34, 35].flatMap((s) =>
      variantsOf(seeds, KINDS, s).map((a) => ({ ...a, id: `${s}/${a.id}` })),
    );
    // B holds every id of A: half with the same text, half with another one, and ids of its own.
    const setA = shared;
    const setB = [
      ...shared.map((a, i) =>
        i % 2 === 0 ? a : { id: a.id, text: `${a.text}\n\nA paragraph only B's copy has, number ${i}.` },
      ),
      ...variantsOf(seeds, KINDS, 32).map((a) => ({ ...a, id: `b/${a.id}` })),
    ];
    writeJsonl(join(dir, 'overlap-a.jsonl'), setA);
    writeJsonl(join(dir, 'overlap-b.jsonl'), setB);
    const args = (file: string) => [
      'index',
      'add',
      join(dir, file),
      '--index',
      index,
      '--batch-size',
      '2',
      '--workers',
      '0',
      '--quiet',
    ];
    const runs = [startCli(args('overlap-a.jsonl')), startCli(args('overlap-b.jsonl'))];
    const exits = await Promise.all(runs.map((r) => r.done));
    expect(exits.map((e) => [e.code, e.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(await expectConsistent(index)).toBe(new Set([...setA, ...setB].map((a) => a.id)).size);
    // Each shared id holds the text of one of the two writers, whole.
    const store = await openStore(index, { readonly: true, config });
    const docs = await store.getDocuments(shared.map((a) => a.id));
    await store.close();
    for (const [i, d] of docs.entries()) expect([setA[i]?.text, setB[i]?.text]).toContain(d.text);
  });
});

describe.skipIf(!hasPostgres)(
  `PostgreSQL shared by many processes${hasPostgres ? '' : ` (skipped: ${postgresSkipReason})`}`,
  () => {
    it('four `index add` processes, a killed one and a gate loop: exact counts, the killed writer loses only its open batch', async () => {
      const seeds = readSeeds();
      const url = freshPostgresUrl('faults');
      const sets = [41, 42, 43, 44].map((s) => variantsOf(seeds, KINDS, s).map((a) => ({ ...a, id: `w${s}/${a.id}` })));
      for (const [k, set] of sets.entries()) writeJsonl(join(dir, `pg-${k}.jsonl`), set);
      const doomed = variantsOf(seeds, KINDS, 45).flatMap((v, k) => [
        { ...v, id: `k/${v.id}` },
        { id: `k/${v.id}-again-${k}`, text: `${v.text}\n\nRead more.` },
      ]);
      writeJsonl(join(dir, 'pg-doomed.jsonl'), doomed);
      // The index exists before the writers start (each would also create it; they race for it safely).
      await (await openStore(url, { config })).close();
      const add = (file: string, batch: string) =>
        startCli(['index', 'add', join(dir, file), '--index', url, '--batch-size', batch, '--workers', '0', '--quiet']);
      const writers = sets.map((_, k) => add(`pg-${k}.jsonl`, String(5 + k)));
      const killed = add('pg-doomed.jsonl', '10');
      const gates: number[] = [];
      let writing = true;
      const all = Promise.all(writers.map((w) => w.done)).finally(() => {
        writing = false;
      });
      const gateLoop = (async () => {
        while (writing && gates.length < 12) {
          const g = startCli(['gate', join(ROOT, 'corpus', '000_b20c2e0df0aa8a72.txt'), '--index', url, '--quiet']);
          gates.push((await g.done).code ?? -1);
        }
      })();
      const deadline = Date.now() + 90_000;
      while ((await countDocuments(`${url}`)) < 30 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      killed.child.kill('SIGKILL');
      expect((await killed.done).signal).toBe('SIGKILL');
      const exits = await all;
      await gateLoop;
      expect(exits.map((e) => [e.code, e.stderr])).toEqual(sets.map(() => [0, '']));
      // A gate during the writes answers 0 or 1 (the seed is not indexed, its variants arrive).
      expect(gates.length).toBeGreaterThan(0);
      for (const code of gates) expect([0, 1]).toContain(code);
      const store = await openStore(url, { readonly: true, config });
      const doomedKept = (await store.getHashes(doomed.map((a) => a.id))).size;
      await store.close();
      expect(doomedKept % 10).toBe(0);
      expect(doomedKept).toBeLessThan(doomed.length);
      const total = await expectConsistent(url);
      expect(total).toBe(sets.reduce((n, s) => n + s.length, 0) + doomedKept);
    });
  },
);
