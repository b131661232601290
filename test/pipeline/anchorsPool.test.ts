/**
 * The events stage's anchors read in a worker thread (`anchorsInWorker`) are those the scan's
 * thread reads: the article sent as an `AnchorSource` (clean text, sentence offsets) gives the same
 * words and the same anchors, the worker posts back their traits as `anchorTraits` gives them here,
 * and a scan with the job gives a byte-identical report, in one
 * language and across languages. A failing job fails the scan; a scan that fails first ends the job.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnchorTraits, anchorTraits } from '../../src/core/events/features.js';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { createWordCache, foldCached } from '../../src/core/text/wordCache.js';
import { anchorSourceOf, anchorTextOf, extractAnchors } from '../../src/core/xling/anchors.js';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { scanCorpus, scanCorpusAsync } from '../../src/pipeline/scan.js';
import { type AnchorsJob, anchorsInWorker } from '../../src/pipeline/workers/anchorsPool.js';
import { judgeInWorkers } from '../../src/pipeline/workers/scorePool.js';
import { renderJson } from '../../src/report/json.js';
import type { Article } from '../../src/types/index.js';
import { CORPUS, EVAL_DIR, readEvalRows } from '../helpers/fixtures.js';

const WEB_MULTI = join(EVAL_DIR, 'web-multi.jsonl');
const judge = judgeInWorkers(0);

/** The seeds and generated variants of each: copies, excerpts, edits, previews (more than a batch). */
async function seedsAndVariants(): Promise<Article[]> {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 7, perSource: 12 }).map((v) => ({ id: v.id, text: v.text }));
  return [...seeds, ...variants];
}

describe('anchors read in a worker', async () => {
  const equivalents = parseEquivalents(await readEquivalentsText());
  const articles = await seedsAndVariants();

  it('an article sent as its clean text and sentence offsets gives the same words and anchors', () => {
    // The worker folds through a word cache it keeps from article to article.
    const words = createWordCache();
    for (const a of articles.slice(0, 60)) {
      const n = normalizeArticle(a);
      const text = anchorTextOf(anchorSourceOf(n));
      expect(anchorTextOf(anchorSourceOf(n), (raw) => foldCached(words, raw))).toEqual(text);
      expect(text.sentences.map((s) => [s.index, s.tokenStart, s.tokenEnd])).toEqual(
        n.sentences.map((s) => [s.index, s.tokenStart, s.tokenEnd]),
      );
      expect(text.tokens).toEqual(n.tokens);
      expect([...text.tokenSpans]).toEqual([...n.tokenSpans]);
      expect(extractAnchors(text, { equivalents })).toEqual(extractAnchors(n, { equivalents }));
    }
  });

  it("the worker's traits, in order over several batches, are those read here", async () => {
    const sample = articles.slice(0, 45);
    const feed = anchorsInWorker(10)({ equivalents });
    const normalized = sample.map((a) => normalizeArticle(a));
    for (const n of normalized) feed.add(anchorSourceOf(n));
    const read = await feed.end();
    const traits = Array.from({ length: read.length }, (_, k) => read.at(k) as AnchorTraits);
    expect(traits).toEqual(normalized.map((n) => anchorTraits(extractAnchors(n, { equivalents }), n.clean.length)));
    // What makes them small: no name carries its mentions.
    expect(traits.flatMap((t) => t.names).length).toBeGreaterThan(sample.length);
    for (const t of traits) for (const name of t.names) expect(name).not.toHaveProperty('mentions');
  });

  it('given a shelf, the traits go there as they come back, in order; one that cannot be written fails the job', async () => {
    const sample = articles.slice(0, 25);
    const normalized = sample.map((a) => normalizeArticle(a));
    const held = new Map<number, unknown>();
    const shelf = {
      put: (k: number, v: unknown) => void held.set(k, structuredClone(v)),
      get: (k: number) => structuredClone(held.get(k)),
      bytes: () => 0,
      close: () => undefined,
    };
    const feed = anchorsInWorker(10)({ equivalents }, undefined, shelf);
    for (const n of normalized) feed.add(anchorSourceOf(n));
    const read = await feed.end();
    expect([...held.keys()].sort((x, y) => x - y)).toEqual(normalized.map((_, k) => k));
    expect(Array.from({ length: read.length }, (_, k) => read.at(k))).toEqual(
      normalized.map((n) => anchorTraits(extractAnchors(n, { equivalents }), n.clean.length)),
    );
    const full = {
      ...shelf,
      put: () => {
        throw new Error('no space left on device');
      },
    };
    const failing = anchorsInWorker(10)({ equivalents }, undefined, full);
    for (const n of normalized) failing.add(anchorSourceOf(n));
    await expect(failing.end()).rejects.toThrow('no space left on device');
  });

  it('a scan with the job: the same report as one without, sent in several batches', async () => {
    // Batches of 10: several messages each way.
    const batch = 10;
    expect(articles.length).toBeGreaterThan(2 * batch);
    let sent = 0;
    let polled = 0;
    const inWorker = anchorsInWorker(batch);
    const counted: AnchorsJob = (resources, signal) => {
      const feed = inWorker(resources, signal);
      return {
        add: (source) => {
          sent++;
          feed.add(source);
        },
        poll: () => {
          polled++;
          feed.poll();
        },
        end: () => feed.end(),
      };
    };
    const options = { crossLanguage: false as const, anchors: { equivalents } };
    const withJob = await scanCorpusAsync(articles, { ...options, judge, anchorsJob: counted });
    // Every article, copies included, as it was normalized.
    expect(sent).toBe(articles.length);
    // The stages before scoring take in what the worker sent back as they report progress.
    expect(polled).toBeGreaterThan(0);
    expect(withJob.events?.length).toBeGreaterThan(0);
    expect(renderJson(withJob)).toBe(renderJson(scanCorpus(articles, options)));
  });

  it.skipIf(!existsSync(WEB_MULTI))('across languages (web-multi, needs ../shared/eval): the same report', async () => {
    const multi = readEvalRows(WEB_MULTI).map((r) => ({ id: r.id, text: r.text, lang: r.lang }));
    const options = { anchors: { equivalents }, crossLanguage: { dictionaries: false } };
    const withJob = await scanCorpusAsync(multi, { ...options, judge, anchorsJob: anchorsInWorker(10) });
    expect(withJob.crossLanguage).toBeDefined();
    expect(renderJson(withJob)).toBe(renderJson(scanCorpus(multi, options)));
  });

  it('a job that fails fails the scan, with its message', async () => {
    const failing: AnchorsJob = () => ({
      add: () => undefined,
      poll: () => undefined,
      end: async () => {
        throw new Error('anchors worker: out of memory');
      },
    });
    await expect(scanCorpusAsync(articles.slice(0, 20), { judge, anchorsJob: failing })).rejects.toThrow(
      'anchors worker: out of memory',
    );
  });

  it('a scan that fails before it needs the anchors ends the job (its signal aborts)', async () => {
    let signal: AbortSignal | undefined;
    const waiting: AnchorsJob = (_resources, s) => {
      signal = s;
      return { add: () => undefined, poll: () => undefined, end: () => new Promise(() => undefined) };
    };
    const broken = () => {
      throw new Error('candidates failed');
    };
    await expect(
      scanCorpusAsync(articles.slice(0, 20), { judge, anchorsJob: waiting, candidates: broken }),
    ).rejects.toThrow('candidates failed');
    expect(signal?.aborted).toBe(true);
  });

  it('no events, no job', async () => {
    let called = false;
    const job: AnchorsJob = () => {
      called = true;
      return { add: () => undefined, poll: () => undefined, end: async () => [] };
    };
    await scanCorpusAsync(articles.slice(0, 20), { judge, anchorsJob: job, events: false, crossLanguage: false });
    expect(called).toBe(false);
  });
});
