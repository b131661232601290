/**
 * Scan speed with and without languages to compare across: a corpus of N mixed-language articles
 * (WMT24's English, Spanish, German, Russian and Chinese documents, plus generated variants of
 * them up to N) against N same-language articles (WMT22 and WMT24 English, plus variants), both
 * scanned as `copydesk scan` does above 2,000 articles (LSH candidates; the mixed corpus adds the
 * cross-language stage: dictionaries for its languages, profiles, the key index, and scoring
 * of the pairs it proposes). Same process, same variant generator and seed; runs interleaved.
 * Target (issue 10): mixed no slower than 2× same-language at 10k.
 */
import { lshCandidates } from '../dist/core/candidates/lsh.js';
import { generateVariants } from '../dist/eval/generate.js';
import { readCorpus } from '../dist/io/readCorpus.js';
import { scanCorpus } from '../dist/pipeline/scan.js';
import type { Article } from '../dist/types/index.js';
import type { BenchContext } from './run.js';

const EVAL = new URL('../../shared/eval/', import.meta.url).pathname;

/** Sources up to `n` with generated variants (seed 1) of them. */
function grow(sources: readonly Article[], n: number): Article[] {
  const out = [...sources.slice(0, n)];
  for (let seed = 1; out.length < n; seed++) {
    for (const v of generateVariants(sources, { seed, perSource: 1 })) {
      if (out.length >= n) break;
      const lang = sources.find((s) => s.id === v.sourceId)?.lang;
      out.push({ id: `${v.id}~${seed}`, text: v.text, ...(lang ? { lang } : {}) });
    }
  }
  return out;
}

function timeScan(articles: readonly Article[]): { ms: number; pairs: number; stages: string } {
  const stages: string[] = [];
  const t0 = performance.now();
  const r = scanCorpus(articles, {
    explain: false,
    candidates: (fps) => lshCandidates(fps),
    onStage: (s, ms) => stages.push(`${s} ${(ms / 1000).toFixed(1)} s`),
  });
  return { ms: performance.now() - t0, pairs: r.candidates.pairs, stages: stages.join(', ') };
}

export default async function (ctx: BenchContext): Promise<string> {
  const n = ctx.quick ? 2000 : 10000;
  const w24 = (await readCorpus([`${EVAL}wmt24-en-multilingual.jsonl`])).filter(
    (a) => !/^I apologi[sz]e, but I can/.test(a.text),
  );
  const w22 = await readCorpus([`${EVAL}wmt22-zhen.jsonl`]);
  const english = [...w24, ...w22].filter((a) => a.lang === 'en' && a.meta?.domain !== 'conversation');
  const mixed = grow(w24, n);
  const same = grow(english, n);
  const langs = [...new Set(mixed.map((a) => a.lang))].sort().join(', ');
  ctx.log(`corpora: ${mixed.length} mixed (${langs}), ${same.length} English`);
  const rows: string[] = [];
  const ratios: number[] = [];
  for (let run = 1; run <= (ctx.quick ? 1 : 2); run++) {
    const s = timeScan(same);
    ctx.log(`run ${run} same-language: ${(s.ms / 1000).toFixed(1)} s (${s.stages})`);
    const m = timeScan(mixed);
    ctx.log(`run ${run} mixed: ${(m.ms / 1000).toFixed(1)} s (${m.stages})`);
    ratios.push(m.ms / s.ms);
    rows.push(
      `| ${run} | ${(s.ms / 1000).toFixed(1)} s (${s.pairs} pairs) | ${(m.ms / 1000).toFixed(1)} s (${m.pairs} pairs) | ${(m.ms / s.ms).toFixed(2)} |`,
    );
    rows.push(`|  | ${s.stages} | ${m.stages} | |`);
  }
  return `Scan of ${n} articles: mixed languages (${langs}; WMT24 documents and generated variants) against English only (WMT22/WMT24 English and generated variants), LSH candidates as \`scan\` uses above 2,000 articles, dictionaries from /usr/share/dictd.

| run | same-language | mixed languages | ratio |
|---|---|---|---|
${rows.join('\n')}

Mixed / same-language: ${ratios.map((r) => r.toFixed(2)).join(', ')} (target ≤ 2).`;
}
