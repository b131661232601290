/**
 * Accuracy floors: a change to normalization, scoring or the thresholds that makes the detector
 * worse fails here. The seed part always runs; the WMT part reads ../shared/eval (never
 * committed) and is skipped, saying so, when that folder is absent.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EVAL_DIR,
  labelGenerated,
  loadGeneratedSources,
  loadSeeds,
  loadWebMulti,
  loadWebWire,
  loadWmt22News,
  loadWmt22ZhEn,
  loadWmt24EnEs,
} from '../../scripts/accuracy.js';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { evaluateGold } from '../../src/pipeline/evaluate.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import type { Article } from '../../src/types/index.js';

describe('accuracy floors on the seeds and their generated variants (always runs)', async () => {
  const seeds = await loadSeeds();

  it('keeps the five seeds in five stories: no false story link', () => {
    const result = scanCorpus(seeds);
    expect(result.stories.map((s) => s.members.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('finds every generated duplicate and republication of the seeds, and names the relation', () => {
    const gold = labelGenerated(seeds, 7, 10);
    const r = evaluateGold(gold);
    expect(r.documents).toBe(55);
    expect(r.ari).toBeGreaterThanOrEqual(0.99);
    expect(r.pairF1).toBeGreaterThanOrEqual(0.99);
    expect(r.bcubedF1).toBeGreaterThanOrEqual(0.99);
    // Measured 0.98 (49 of 50): an OCR copy whose damaged comment-form lines are no longer
    // recognized as boilerplate is called a republication.
    expect(r.relations?.accuracy).toBeGreaterThanOrEqual(0.96);
  });
});

const haveEval = existsSync(EVAL_DIR);
if (!haveEval) console.warn(`test/eval/regression: ${EVAL_DIR} is absent, so the WMT accuracy floors are skipped`);

describe.skipIf(!haveEval)('accuracy floors on ../shared/eval subsets (skipped when ../shared/eval is absent)', () => {
  /** The first `n` gold clusters in id order, whole. */
  function firstClusters(docs: readonly Article[], n: number): Article[] {
    const ids = [...new Set(docs.map((d) => String(d.meta?.cluster)))].sort().slice(0, n);
    return docs.filter((d) => ids.includes(String(d.meta?.cluster)));
  }

  it('WMT22 news, 8 documents × 14 English versions: same-language translation variants form one story each', async () => {
    const docs = firstClusters(await loadWmt22News(), 8);
    expect(docs).toHaveLength(112);
    const r = evaluateGold(docs);
    expect(r.ari).toBeGreaterThanOrEqual(0.99);
    expect(r.pairPrecision).toBe(1);
    expect(r.ari).toBeGreaterThan(r.baseline?.ari ?? 1);
  });

  it('web-wire, real scraped pages: wire families found whole, no independent report or distractor joined', async () => {
    const docs = await loadWebWire();
    const r = evaluateGold(docs);
    // Measured 0.963 (issue 9); the baseline 0.499.
    expect(r.ari).toBeGreaterThanOrEqual(0.95);
    expect(r.pairPrecision).toBe(1);
    expect(r.ari).toBeGreaterThan(r.baseline?.ari ?? 1);
  });

  it('web-wire events: copies, independent reports and undated pages of one happening in one event, distractors apart', async () => {
    const equivalents = parseEquivalents(await readEquivalentsText());
    const r = evaluateGold(await loadWebWire(), { level: 'event', anchors: { equivalents } });
    // Measured 0.982, pair precision 0.993 (issue 12): two undated distractors about one Ebola
    // outbreak are joined, one undated page stays alone.
    expect(r.level).toBe('event');
    expect(r.ari).toBeGreaterThanOrEqual(0.95);
    expect(r.pairPrecision).toBeGreaterThanOrEqual(0.98);
  });

  it('web-multi events, across 13 languages: no two happenings merged', async () => {
    const equivalents = parseEquivalents(await readEquivalentsText());
    const r = evaluateGold(await loadWebMulti(EVAL_DIR, false), { level: 'event', anchors: { equivalents } });
    // Measured 0.963, pair precision 1.000 with comparison across languages (0.831 and 0.981
    // without it): the floor keeps a margin of 0.06 for the dictionaries a machine may lack.
    expect(r.ari).toBeGreaterThanOrEqual(0.9);
    expect(r.pairPrecision).toBeGreaterThanOrEqual(0.99);
  });

  it('web-multi, real pages in 13 languages: same-language reuse (gold = family × language)', async () => {
    const r = evaluateGold(await loadWebMulti(EVAL_DIR, true), { crossLanguage: false });
    // Measured 0.916: one independent French report that quotes the statement unquoted joins its family.
    expect(r.ari).toBeGreaterThanOrEqual(0.9);
    expect(r.ari).toBeGreaterThan(r.baseline?.ari ?? 1);
  });

  it('WMT24 news, English and Spanish versions: one story per document and language', async () => {
    const docs = await loadWmt24EnEs(EVAL_DIR, ['news']);
    const r = evaluateGold(docs, { crossLanguage: false });
    expect(r.ari).toBeGreaterThanOrEqual(0.99);
    expect(r.ari).toBeGreaterThan(r.baseline?.ari ?? 1);
  });

  it('generated variants of 120 WMT sources (en, es, de): pair F1 and relation accuracy', async () => {
    const sources = (await loadGeneratedSources()).sort((a, b) => a.id.localeCompare(b.id));
    const pick = sources.filter((_, i) => i % 4 === 0).slice(0, 120);
    const gold = labelGenerated(pick, 1);
    // Gold is one story per source *and language* (WMT sources in en, es, de are translations of
    // each other): same-language detection, with comparison across languages off.
    const r = evaluateGold(gold, { crossLanguage: false });
    expect(r.pairF1).toBeGreaterThanOrEqual(0.99);
    // One variant per source, less those a kind skips (page kinds on posts, a re-lede not in English).
    expect(r.relations?.total).toBe(gold.length - pick.length);
    expect(r.relations?.total).toBeGreaterThan(90);
    // 0.9375 measured (6 of 96) since body extraction (issue 9): five social, speech and e-commerce
    // variants whose short lines read as chrome once a reorder, a page or a roundup moves them, and
    // one news article whose mojibake copy is called a republication (see the README, Accuracy).
    expect(r.relations?.accuracy).toBeGreaterThanOrEqual(0.92);
  });

  it('web-multi across languages: no distractor or independent report joins a family in another language', async () => {
    const r = evaluateGold(await loadWebMulti(), { baseline: false });
    // Measured ARI 0.604, pair precision 0.970 (the one false pair is the same-language French
    // UN News report above); target 0.9 not reached (README, "Across languages").
    expect(r.ari).toBeGreaterThanOrEqual(0.55);
    expect(r.pairPrecision).toBeGreaterThanOrEqual(0.96);
  });

  it('WMT22 news, Chinese sources and their English versions: one story per document across languages', async () => {
    const docs = firstClusters(await loadWmt22ZhEn(), 6);
    expect(docs).toHaveLength(90);
    const r = evaluateGold(docs, { baseline: false });
    expect(r.ari).toBeGreaterThanOrEqual(0.99);
  });
});
