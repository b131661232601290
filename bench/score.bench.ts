/**
 * The scan's score stage in its thread (the baseline) against the same stage shared with one
 * scoring worker (`scan --workers 1`, pipeline/workers/scorePool.ts): sent the whole corpus once
 * (what a scan does up to 5,000 fingerprints), and streamed (each share sent the articles it
 * reads, what a scan does above), in one process, on the same
 * input: the first N articles of the index benchmark's corpus (10,000; `--quick` 2,000), scanned
 * as `copydesk scan` scans them (LSH candidates, cross-language pairs with the dictionaries), the
 * stages before scoring run once and their fingerprints, vectors and pairs kept. The runs must
 * give the same linked pairs in the same order and the same closest unrelated pairs.
 *
 * Then the cross-language stage's profiles of the same fingerprints' articles, made in the thread
 * (the baseline, `profileHere`) and shared with one worker (`profilesInWorker`, what `copydesk
 * scan` does from 2,000 articles on 2+ cores), with the resources the scan loads: the two must be
 * the same profiles, in the same order.
 */
import { isDeepStrictEqual } from 'node:util';
import { loadAnchorResources } from '../dist/cli/options.js';
import { lshCandidates } from '../dist/core/candidates/lsh.js';
import { type PairList, pairCount } from '../dist/core/candidates/pairList.js';
import { pickNearest } from '../dist/core/relation/nearest.js';
import { readCorpus } from '../dist/io/readCorpus.js';
import { loadCrossLanguage } from '../dist/pipeline/crossLanguage.js';
import { corpusNeeds, profileHere } from '../dist/pipeline/crossStage.js';
import { scanCorpusAsync } from '../dist/pipeline/scan.js';
import type { HeldScoringInput, Judged, PairJudge } from '../dist/pipeline/scoring.js';
import { profilesInWorker } from '../dist/pipeline/workers/profilePool.js';
import { judgeInWorkers } from '../dist/pipeline/workers/scorePool.js';
import { loadPool, writeCorpus } from './index.bench.js';
import type { BenchContext } from './run.js';

const fmt = (x: number, digits = 1): string => x.toFixed(digits);
const mib = (): number => process.memoryUsage().rss / 2 ** 20;

/**
 * The same linked pairs in the same order, and the same closest unrelated pairs as the report
 * picks them (`pickNearest`: the keeper's list holds at least those, in the order offered, which a
 * streamed stage changes).
 */
function sameJudged(a: Judged, b: Judged, fps: HeldScoringInput['fps']): boolean {
  const closest = (j: Judged) => JSON.stringify(pickNearest(j.nearest.list(), fps).map((p) => [p.a, p.b]));
  return JSON.stringify(a.linked) === JSON.stringify(b.linked) && closest(a) === closest(b);
}

/** The profiles in the thread and shared with a worker, timed one after the other; the same profiles or a throw. */
async function profileRows(input: HeldScoringInput, ctx: BenchContext): Promise<string[]> {
  const articles = input.fps.map((f) => f.article);
  const { equivalents } = await loadAnchorResources();
  const needs = corpusNeeds(articles);
  if (needs.languages.length < 2) return ['(one language: no cross-language profiles)'];
  const resources = loadCrossLanguage(needs, { equivalents });
  let t0 = performance.now();
  const here = profileHere(articles, resources);
  const hereSeconds = (performance.now() - t0) / 1000;
  ctx.log(`  profiles in its thread: ${fmt(hereSeconds)} s`);
  t0 = performance.now();
  const shared = await profilesInWorker({ minArticles: 0 })(articles, resources);
  const sharedSeconds = (performance.now() - t0) / 1000;
  ctx.log(`  profiles, thread + 1 worker: ${fmt(sharedSeconds)} s`);
  if (!isDeepStrictEqual(here, shared)) throw new Error('score bench: the profiles shared with a worker differ');
  return [
    `Cross-language profiles of the same ${articles.length.toLocaleString('en-US')} fingerprints' articles (${needs.languages.length} languages, the dictionaries installed here); both runs made the same profiles in the same order.`,
    '',
    '| profiles | seconds | × baseline | ms an article |',
    '|---|---:|---:|---:|',
    `| in its thread (baseline) | ${fmt(hereSeconds)} | 1.00 | ${fmt((1000 * hereSeconds) / articles.length, 2)} |`,
    `| thread + 1 worker | ${fmt(sharedSeconds)} | ${fmt(hereSeconds / sharedSeconds, 2)} | ${fmt((1000 * sharedSeconds) / articles.length, 2)} |`,
  ];
}

/**
 * The score stage's input for the first `n` articles of the index benchmark's corpus, scanned as
 * `copydesk scan` scans them up to that stage (its fingerprints, vectors and candidate pairs).
 */
export async function scoreStageInput(
  n: number,
  ctx: BenchContext,
): Promise<{ input: HeldScoringInput; pairs: PairList }> {
  const corpus = writeCorpus(n < 10_000 ? 10_000 : n, loadPool(), ctx.log);
  const articles = (await readCorpus([corpus.path])).slice(0, n);
  let captured: { input: HeldScoringInput; pairs: PairList } | undefined;
  const capture: PairJudge = async (input, pairs) => {
    // Given no shelf, the scan holds its articles: the fingerprints are whole.
    if (input.shelved) throw new Error('score bench: the scan shelved its articles');
    captured = { input, pairs };
    return judgeInWorkers(0)(input, []);
  };
  const stages: string[] = [];
  await scanCorpusAsync(articles, {
    candidates: (fps, _vectors, onProgress) => lshCandidates(fps, { threshold: 0.3 }, onProgress),
    judge: capture,
    events: false,
    explain: false,
    onStage: (stage, ms) => stages.push(`${stage} ${fmt(ms / 1000)} s`),
  });
  if (!captured) throw new Error('score bench: the scan never reached its score stage');
  ctx.log(
    `  ${n} articles, ${captured.input.fps.length} fingerprints, ${pairCount(captured.pairs)} pairs; before scoring: ${stages.join(', ')}`,
  );
  return captured;
}

export default async function score(ctx: BenchContext): Promise<string> {
  const n = ctx.quick ? 2_000 : 10_000;
  const { input, pairs } = await scoreStageInput(n, ctx);
  const rows: Array<{ label: string; seconds: number; rss: number }> = [];
  const results: Judged[] = [];
  for (const [label, workers, copyUpTo] of [
    ['in its thread (baseline)', 0, undefined],
    ['thread + 1 worker, sent the corpus once', 1, Number.POSITIVE_INFINITY],
    ['thread + 1 worker, streamed', 1, 0],
  ] as const) {
    const t0 = performance.now();
    results.push(
      await judgeInWorkers(workers, { always: true, ...(copyUpTo === undefined ? {} : { copyUpTo }) })(input, pairs),
    );
    const seconds = (performance.now() - t0) / 1000;
    rows.push({ label, seconds, rss: mib() });
    ctx.log(`  ${label}: ${fmt(seconds)} s, RSS after ${fmt(mib(), 0)} MiB`);
  }
  const [base, ...shared] = results as [Judged, ...Judged[]];
  if (!shared.every((r) => sameJudged(base, r, input.fps)))
    throw new Error('score bench: a worker run judged differently from the thread alone');
  const baseSeconds = (rows[0] as { seconds: number }).seconds;
  const profiles = await profileRows(input, ctx);
  return [
    'Method: see the comment at the top of bench/score.bench.ts.',
    '',
    `${n.toLocaleString('en-US')} articles, ${input.fps.length.toLocaleString('en-US')} fingerprints (identical copies folded), ${pairCount(pairs).toLocaleString('en-US')} candidate pairs (${base.linked.length.toLocaleString('en-US')} linked); every run gave the same linked pairs in the same order and the same closest unrelated pairs.`,
    '',
    '| score stage | seconds | × baseline | ms a pair | process RSS after (MiB) |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${fmt(r.seconds)} | ${fmt(baseSeconds / r.seconds, 2)} | ${fmt((1000 * r.seconds) / pairCount(pairs), 3)} | ${fmt(r.rss, 0)} |`,
    ),
    '',
    'Sent the corpus once, the worker holds a copy of the fingerprints and vectors while the stage lasts (structured clone); streamed, it holds those its shares read, at most 4,000 between shares (`STREAM_HELD`). The process RSS above is read after the stage, when the worker has ended. The peak of a whole `copydesk scan` is in the README ("Scan on two cores").',
    '',
    ...profiles,
  ].join('\n');
}
