/**
 * The accuracy table of the README: `npx tsx scripts/accuracy.ts` measures every row, ours and the
 * word-3-gram-Jaccard baseline in the same run, and prints the Markdown table.
 *
 *   npx tsx scripts/accuracy.ts                      all rows
 *   npx tsx scripts/accuracy.ts --only generated     one row (names: see DATA_SETS, `mrpc`, `seeds`)
 *   npx tsx scripts/accuracy.ts --write-gold DIR     also write each document set as gold JSON Lines,
 *                                                    so that `copydesk eval --gold DIR/<name>.jsonl`
 *                                                    reproduces the row through the CLI
 *   npx tsx scripts/accuracy.ts --sweep-baseline     the baseline's ARI at thresholds 0.05–0.9
 *
 * Data: ../shared/eval (see its README; never committed) and corpus/ (the seeds).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shingleWords } from '../src/core/fingerprint/shingle.js';
import { DEFAULT_THRESHOLDS } from '../src/core/relation/classify.js';
import { DEFAULT_SENTENCE_SIMILARITY } from '../src/core/relation/monotone.js';
import { diceOfSets, jaccard } from '../src/core/similarity/sets.js';
import { contentTerms } from '../src/core/text/terms.js';
import { tokenizeWords } from '../src/core/text/tokens.js';
import { BASELINE_JACCARD, linkByJaccard } from '../src/eval/baseline.js';
import { clusterOf, generateVariants } from '../src/eval/generate.js';
import { labelStories, readGoldClusters } from '../src/eval/gold.js';
import { scorePartition } from '../src/eval/metrics.js';
import { readCorpus } from '../src/io/readCorpus.js';
import { evaluateGold } from '../src/pipeline/evaluate.js';
import { scanCorpus } from '../src/pipeline/scan.js';
import type { Article, EvaluationResult } from '../src/types/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EVAL_DIR = resolve(ROOT, '../shared/eval');
export const CORPUS_DIR = join(ROOT, 'corpus');

/** MT outputs that refused to translate (WMT24 speech: "I apologize, but I cannot translate…"): not translations. */
const REFUSAL = /^I apologi[sz]e, but I can(?:not|'t)/;

function withCluster(a: Article, cluster: string): Article {
  return { ...a, meta: { ...(a.meta ?? {}), cluster } };
}

/** WMT22 zh→en, news domain, the 14 English versions of each of the 25 documents. */
export async function loadWmt22News(evalDir = EVAL_DIR): Promise<Article[]> {
  const all = await readCorpus([join(evalDir, 'wmt22-zhen.jsonl')]);
  return all.filter((a) => a.meta?.domain === 'news' && a.lang === 'en');
}

/**
 * WMT24: the English document and its Spanish versions (1 human, 3 MT). Gold: one story per
 * document and language (a translation into another language is not a same-language variant).
 */
export async function loadWmt24EnEs(evalDir = EVAL_DIR, domains?: readonly string[]): Promise<Article[]> {
  const all = await readCorpus([join(evalDir, 'wmt24-en-multilingual.jsonl')]);
  return all
    .filter((a) => (a.lang === 'en' || a.lang === 'es') && !REFUSAL.test(a.text))
    .filter((a) => !domains || domains.includes(String(a.meta?.domain)))
    .map((a) => withCluster(a, `${String(a.meta?.cluster)}|${a.lang}`));
}

/**
 * Sources of the generated set: distinct documents, one version per document and language:
 * WMT22 human-A English of the news, e-commerce and social documents (conversation items, 1–3
 * lines, left out), and the WMT24 English source, Spanish human and German human versions of
 * every document (news, social, speech, literary). Each is its own gold cluster.
 */
export async function loadGeneratedSources(evalDir = EVAL_DIR): Promise<Article[]> {
  const w22 = await readCorpus([join(evalDir, 'wmt22-zhen.jsonl')]);
  const w24 = await readCorpus([join(evalDir, 'wmt24-en-multilingual.jsonl')]);
  const a = w22.filter((x) => x.meta?.domain !== 'conversation' && x.source === 'human-A');
  const b = w24.filter(
    (x) => ['source-en', 'es-human-A', 'de-human-A'].includes(String(x.source)) && !REFUSAL.test(x.text),
  );
  return [...a, ...b].map((x) => withCluster(x, `${String(x.meta?.cluster)}|${x.lang}`));
}

/**
 * Sources in other languages for same-language copies: Chinese (WMT22 sources of the news,
 * e-commerce and social documents; WMT24 human Chinese), Spanish (WMT24 human Spanish) and French
 * (web-multi's French pages). Each is its own gold cluster.
 */
export async function loadOtherLanguageSources(evalDir = EVAL_DIR): Promise<Article[]> {
  const w22 = await readCorpus([join(evalDir, 'wmt22-zhen.jsonl')]);
  const w24 = await readCorpus([join(evalDir, 'wmt24-en-multilingual.jsonl')]);
  const wm = await readCorpus([join(evalDir, 'web-multi.jsonl')]);
  const zh = w22.filter((x) => x.lang === 'zh' && x.meta?.domain !== 'conversation');
  const zh24 = w24.filter((x) => x.source === 'zh-human-A');
  const es = w24.filter((x) => x.source === 'es-human-A' && !REFUSAL.test(x.text));
  const fr = wm.filter((x) => x.lang === 'fr');
  return [...zh, ...zh24, ...es, ...fr].map((x) =>
    withCluster(x, `${String(x.meta?.cluster ?? x.id)}|${x.lang}|${x.id}`),
  );
}

/** Sources and their variants as gold articles: `relation` and `source` label each variant. */
export function labelGenerated(sources: readonly Article[], seed: number, perSource = 1): Article[] {
  const lang = new Map(sources.map((s) => [s.id, s.lang]));
  const variants = generateVariants(sources, { seed, perSource });
  return [
    ...sources.map((s) => ({
      id: s.id,
      text: s.text,
      source: s.id,
      ...(s.lang ? { lang: s.lang } : {}),
      meta: { cluster: clusterOf(s), relation: 'original', kind: 'original' },
    })),
    ...variants.map((v) => {
      const l = lang.get(v.sourceId);
      return {
        id: v.id,
        text: v.text,
        source: v.sourceId,
        ...(l ? { lang: l } : {}),
        meta: { cluster: v.cluster, relation: v.relation, kind: v.kind },
      };
    }),
  ];
}

/** Real scraped pages: wire stories copied across outlets (gold = copy family). */
export async function loadWebWire(evalDir = EVAL_DIR): Promise<Article[]> {
  return readCorpus([join(evalDir, 'web-wire.jsonl')]);
}

/**
 * Real scraped pages in 13 languages. `sameLanguage`: gold = copy family × language, so that a
 * translation into another language counts as another story (what same-language detection can
 * reach); otherwise the copy family.
 */
export async function loadWebMulti(evalDir = EVAL_DIR, sameLanguage = false): Promise<Article[]> {
  const all = await readCorpus([join(evalDir, 'web-multi.jsonl')]);
  return sameLanguage ? all.map((a) => withCluster(a, `${String(a.meta?.cluster)}|${a.lang}`)) : all;
}

/** The seeds (corpus/*.txt), each its own story. */
export async function loadSeeds(corpusDir = CORPUS_DIR): Promise<Article[]> {
  return (await readCorpus([corpusDir])).map((a) => withCluster(a, a.id));
}

/** The equivalents table, as the CLI loads it. */
async function loadEquivalents() {
  const { readEquivalentsText } = await import('../src/io/resources.js');
  const { parseEquivalents } = await import('../src/core/xling/equivalents.js');
  return parseEquivalents(await readEquivalentsText());
}

export interface DataSet {
  name: string;
  what: string;
  load: () => Promise<Article[]>;
  /** Scored against the `event` labels (stories grouped into events), with the equivalents table. */
  level?: 'event';
}

export const DATA_SETS: readonly DataSet[] = [
  {
    name: 'wmt22-news-en',
    what: 'WMT22 zh→en news, 25 documents × 14 English versions (2 human, 12 MT)',
    load: () => loadWmt22News(),
  },
  {
    name: 'wmt24-en-es-news',
    what: 'WMT24 news, English source + 4 Spanish versions; gold = document × language',
    load: () => loadWmt24EnEs(EVAL_DIR, ['news']),
  },
  {
    name: 'wmt24-en-es',
    what: 'WMT24 all domains (news, social, speech, literary), English + Spanish; MT refusals removed',
    load: () => loadWmt24EnEs(),
  },
  {
    name: 'web-wire',
    what: 'real news pages (page chrome and all): 10 wire stories copied across outlets, independent reports, distractors',
    load: () => loadWebWire(),
  },
  {
    name: 'web-multi-same-language',
    what: 'real news pages in 13 languages; gold = copy family × language (same-language reuse only)',
    load: () => loadWebMulti(EVAL_DIR, true),
  },
  {
    name: 'web-wire-events',
    what: 'the web-wire pages, gold = event (copies, independent reports and undated pages of one happening)',
    load: () => loadWebWire(),
    level: 'event',
  },
  {
    name: 'web-multi-events',
    what: 'the web-multi pages in 13 languages, gold = event',
    load: () => loadWebMulti(EVAL_DIR, false),
    level: 'event',
  },
  {
    name: 'generated',
    what: 'generated variants (seed 1, one per source, 10 kinds in turn) of 582 WMT sources in en/es/de',
    load: async () => labelGenerated(await loadGeneratedSources(), 1),
  },
  {
    name: 'generated-zh-es-fr',
    what: 'generated variants (seed 1) of Chinese, Spanish and French sources: same-language copies beyond English',
    load: async () => labelGenerated(await loadOtherLanguageSources(), 1),
  },
  {
    name: 'seeds+generated',
    what: 'the 5 seeds and 10 generated variants of each (seed 7)',
    load: async () => labelGenerated(await loadSeeds(), 7, 10),
  },
  {
    name: 'seeds',
    what: 'the 5 seeds (different reports with formulaic language): any link is false',
    load: () => loadSeeds(),
  },
];

interface BinaryScores {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
}

export interface MrpcResult {
  pairs: number;
  ours: BinaryScores;
  baseline: BinaryScores;
  /** For reference: each measure at the threshold (0.05 steps) with the best accuracy on MRPC itself. */
  oursBest: BinaryScores;
  baselineBest: BinaryScores;
}

function binaryScores(
  pred: readonly boolean[],
  gold: readonly boolean[],
): { accuracy: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  pred.forEach((p, i) => {
    const g = gold[i];
    if (p === g) right++;
    if (p && g) tp++;
    else if (p && !g) fp++;
    else if (!p && g) fn++;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    accuracy: right / pred.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/**
 * MRPC train: our sentence-matching decision (Dice of stemmed content terms ≥ the alignment's
 * threshold) as a paraphrase classifier, beside word 3-gram Jaccard at the baseline threshold.
 */
export async function measureMrpc(evalDir = EVAL_DIR): Promise<MrpcResult> {
  const { readFile } = await import('node:fs/promises');
  const rows = (await readFile(join(evalDir, 'mrpc-train.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { a: string; b: string; label: number });
  const gold = rows.map((r) => r.label === 1);
  const terms = (s: string) => new Set(contentTerms(tokenizeWords(s), 'en'));
  const ourScore = rows.map((r) => diceOfSets(terms(r.a), terms(r.b)));
  const baseScore = rows.map((r) => jaccard(shingleWords(tokenizeWords(r.a), 3), shingleWords(tokenizeWords(r.b), 3)));
  const at = (scores: readonly number[], t: number): BinaryScores => ({
    ...binaryScores(
      scores.map((x) => x >= t),
      gold,
    ),
    threshold: t,
  });
  const best = (scores: readonly number[]): BinaryScores => {
    let top = at(scores, 0.05);
    for (let k = 2; k <= 19; k++) {
      const c = at(scores, Number((k * 0.05).toFixed(2)));
      if (c.accuracy > top.accuracy) top = c;
    }
    return top;
  };
  return {
    pairs: rows.length,
    ours: at(ourScore, DEFAULT_SENTENCE_SIMILARITY),
    baseline: at(baseScore, BASELINE_JACCARD),
    oursBest: best(ourScore),
    baselineBest: best(baseScore),
  };
}

/** WMT24 in all five languages (MT refusals removed); gold = the document, whatever the language. */
export async function loadWmt24All(evalDir = EVAL_DIR, domains?: readonly string[]): Promise<Article[]> {
  const all = await readCorpus([join(evalDir, 'wmt24-en-multilingual.jsonl')]);
  return all.filter((a) => !REFUSAL.test(a.text)).filter((a) => !domains || domains.includes(String(a.meta?.domain)));
}

/** WMT22 zh→en news: the Chinese source and its 14 English versions; gold = the document. */
export async function loadWmt22ZhEn(evalDir = EVAL_DIR): Promise<Article[]> {
  const all = await readCorpus([join(evalDir, 'wmt22-zhen.jsonl')]);
  return all.filter((a) => a.meta?.domain === 'news');
}

interface CrossSet {
  name: string;
  what: string;
  load: () => Promise<Article[]>;
  dictionaries?: false;
  /** Drop the `lang` metadata and identify languages with eld or with `guessLanguage`. */
  identify?: 'eld' | 'guess';
}

/** Rows of "same document" across languages: one story per document, all languages together. */
export const CROSS_SETS: readonly CrossSet[] = [
  {
    name: 'wmt24-news-xling',
    what: 'WMT24 news: English, Spanish (4), Chinese (3), German (2), Russian; gold = document',
    load: () => loadWmt24All(EVAL_DIR, ['news']),
  },
  {
    name: 'wmt24-xling',
    what: 'WMT24 all domains (news, social, speech, literary), five languages; gold = document',
    load: () => loadWmt24All(),
  },
  {
    name: 'wmt22-zhen-news',
    what: 'WMT22 news: Chinese source + 14 English versions; gold = document',
    load: () => loadWmt22ZhEn(),
  },
  {
    name: 'web-multi',
    what: 'real pages in 13 languages; gold = copy family across languages',
    load: () => loadWebMulti(),
  },
  {
    name: 'web-multi-nodict',
    what: 'web-multi without bilingual dictionaries (names, numbers, dates, cognates only)',
    load: () => loadWebMulti(),
    dictionaries: false,
  },
  {
    name: 'web-multi-eld',
    what: 'web-multi with its lang metadata removed, languages identified by eld',
    load: () => loadWebMulti(),
    identify: 'eld',
  },
  {
    name: 'web-multi-guess',
    what: 'web-multi with its lang metadata removed, languages guessed by guessLanguage',
    load: () => loadWebMulti(),
    identify: 'guess',
  },
  {
    name: 'wmt24-news-xling-nodict',
    what: 'WMT24 news without bilingual dictionaries',
    load: () => loadWmt24All(EVAL_DIR, ['news']),
    dictionaries: false,
  },
];

/** Pairwise precision, recall and F1 of "same story" per pair of languages (different languages only, and all of them). */
export function pairsByLanguage(
  docs: readonly Article[],
  predicted: readonly string[],
): Map<string, { tp: number; fp: number; fn: number }> {
  const out = new Map<string, { tp: number; fp: number; fn: number }>();
  const gold = docs.map((d) => String(d.meta?.cluster));
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      const la = docs[i]?.lang ?? 'und';
      const lb = docs[j]?.lang ?? 'und';
      if (la === lb) continue;
      const g = gold[i] === gold[j];
      const p = predicted[i] === predicted[j];
      if (!g && !p) continue;
      for (const key of [[la, lb].sort().join('↔'), 'all cross-language']) {
        const c = out.get(key) ?? { tp: 0, fp: 0, fn: 0 };
        if (g && p) c.tp++;
        else if (p) c.fp++;
        else c.fn++;
        out.set(key, c);
      }
    }
  return out;
}

async function crossLanguageRows(only: string | undefined): Promise<string[]> {
  const lines: string[] = [];
  for (const set of CROSS_SETS) {
    if (only && only !== set.name) continue;
    const docs = await set.load();
    const detectLanguage =
      set.identify === 'eld' ? await (await import('../src/pipeline/languages.js')).loadLanguageDetector() : undefined;
    const input = set.identify ? docs.map(({ lang: _lang, ...d }) => d) : docs;
    const t0 = performance.now();
    const scan = scanCorpus(input, {
      explain: false,
      ...(set.dictionaries === false ? { crossLanguage: { dictionaries: false } } : {}),
      ...(detectLanguage ? { detectLanguage } : {}),
    });
    if (set.identify) {
      const wrong = scan.documents.filter((d, i) => d.lang !== docs[i]?.lang);
      lines.push(
        '',
        `${set.name}: language right for ${docs.length - wrong.length} of ${docs.length} documents${wrong.length > 0 ? ` (wrong: ${wrong.map((d) => `${d.id} ${d.lang}`).join(', ')})` : ''}`,
      );
    }
    const predicted = labelStories(docs, scan);
    const part = scorePartition(readGoldClusters(docs), predicted);
    const ms = performance.now() - t0;
    process.stderr.write(
      `${set.name}: ${set.what}: ${docs.length} documents, ${(ms / 1000).toFixed(1)} s; ${JSON.stringify(scan.crossLanguage)}\n`,
    );
    lines.push(
      '',
      `${set.name}: ${set.what}. ${docs.length} documents; ARI ${f3(part.ari)}, pair P ${f3(part.pairPrecision)} R ${f3(part.pairRecall)} F1 ${f3(part.pairF1)}; dictionaries: ${scan.crossLanguage?.dictionaries.join(', ') || 'none'}${scan.crossLanguage?.missing.length ? ` (none for ${scan.crossLanguage.missing.join(', ')})` : ''}; ${scan.crossLanguage?.candidates ?? 0} cross-language candidate pairs; ${(ms / 1000).toFixed(1)} s`,
      '',
    );
    lines.push('| languages | same-document pairs (gold) | precision | recall | F1 |', '|---|---|---|---|---|');
    const rows = [...pairsByLanguage(docs, predicted)].sort((x, y) =>
      x[0] === 'all cross-language' ? 1 : y[0] === 'all cross-language' ? -1 : x[0].localeCompare(y[0]),
    );
    for (const [key, c] of rows) {
      const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
      const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
      const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
      lines.push(`| ${key} | ${c.tp + c.fn} | ${f3(p)} | ${f3(r)} | ${f3(f)} |`);
    }
  }
  return lines;
}

const f3 = (x: number) => x.toFixed(3);

function row(name: string, r: EvaluationResult, ms: number): string {
  const b = r.baseline;
  const rel = r.relations && r.relations.total > 0 ? `${f3(r.relations.accuracy)} (${r.relations.total})` : '–';
  return `| ${name} | ${r.documents} / ${r.clusters} | **${f3(r.ari)}** / ${b ? f3(b.ari) : '–'} | **${f3(r.pairPrecision)}** / ${b ? f3(b.pairPrecision) : '–'} | **${f3(r.pairRecall)}** / ${b ? f3(b.pairRecall) : '–'} | **${f3(r.pairF1)}** / ${b ? f3(b.pairF1) : '–'} | **${f3(r.bcubedF1)}** / ${b ? f3(b.bcubedF1) : '–'} | ${rel} | ${(ms / 1000).toFixed(1)} s | \`npx tsx scripts/accuracy.ts --only ${name}\` |`;
}

function gold(article: Article): string {
  const { meta, origin: _o, ...rest } = article;
  return JSON.stringify({ ...rest, ...(meta ?? {}) });
}

async function main(argv: string[]): Promise<void> {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const goldDir = argv.includes('--write-gold') ? argv[argv.indexOf('--write-gold') + 1] : undefined;
  const sweep = argv.includes('--sweep-baseline');
  if (!existsSync(EVAL_DIR)) {
    process.stderr.write(
      `accuracy: ${EVAL_DIR} not found (the eval data lives beside the project, in ../shared/eval)\n`,
    );
    process.exitCode = 2;
    return;
  }
  const lines: string[] = [];
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}. Thresholds: ${JSON.stringify(DEFAULT_THRESHOLDS)}; baseline: word 3-gram Jaccard ≥ ${BASELINE_JACCARD}, union-find.`,
    '',
  );
  lines.push(
    '| data set | docs / gold stories | ARI (ours / baseline) | pair precision | pair recall | pair F1 | B-cubed F1 | relation accuracy (pairs) | time (ours + baseline) | reproduce |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  const sweepRows: Array<{ name: string; ari: Map<number, number> }> = [];
  for (const set of DATA_SETS) {
    if (only && only !== set.name) continue;
    const docs = await set.load();
    if (goldDir) {
      mkdirSync(goldDir, { recursive: true });
      writeFileSync(join(goldDir, `${set.name}.jsonl`), `${docs.map(gold).join('\n')}\n`);
    }
    const t0 = performance.now();
    // Story rows' gold is one story per document *and language*: they measure same-language
    // detection, with comparison across languages off (as before it existed). Event rows run as
    // the CLI does (across languages on): an event's gold holds every language of it.
    const result = evaluateGold(
      docs,
      set.level === 'event'
        ? { level: 'event', anchors: { equivalents: await loadEquivalents() } }
        : { crossLanguage: false },
    );
    const ms = performance.now() - t0;
    lines.push(row(set.name, result, ms));
    process.stderr.write(`${set.name}: ${set.what}: ${docs.length} documents, ${(ms / 1000).toFixed(1)} s\n`);
    if (result.relations) process.stderr.write(`  relations: ${JSON.stringify(result.relations.confusion)}\n`);
    if (sweep && set.level !== 'event') {
      const labels = readGoldClusters(docs);
      const ari = new Map<number, number>();
      for (let t = 0.05; t < 0.91; t += 0.05)
        ari.set(Number(t.toFixed(2)), scorePartition(labels, linkByJaccard(docs, t)).ari);
      sweepRows.push({ name: set.name, ari });
    }
  }
  lines.push(...(await crossLanguageRows(only)));
  if (!only || only === 'mrpc') {
    const m = await measureMrpc();
    lines.push('');
    lines.push(
      '| MRPC train (sentence pairs) | pairs | accuracy (ours / baseline) | precision | recall | F1 | reproduce |',
    );
    lines.push('|---|---|---|---|---|---|---|');
    lines.push(
      `| term Dice ≥ ${m.ours.threshold} (alignment threshold) / word 3-gram Jaccard ≥ ${m.baseline.threshold} | ${m.pairs} | **${f3(m.ours.accuracy)}** / ${f3(m.baseline.accuracy)} | **${f3(m.ours.precision)}** / ${f3(m.baseline.precision)} | **${f3(m.ours.recall)}** / ${f3(m.baseline.recall)} | **${f3(m.ours.f1)}** / ${f3(m.baseline.f1)} | \`npx tsx scripts/accuracy.ts --only mrpc\` |`,
      `| for reference, each at its best threshold on MRPC: term Dice ≥ ${m.oursBest.threshold} / Jaccard ≥ ${m.baselineBest.threshold} | ${m.pairs} | ${f3(m.oursBest.accuracy)} / ${f3(m.baselineBest.accuracy)} | ${f3(m.oursBest.precision)} / ${f3(m.baselineBest.precision)} | ${f3(m.oursBest.recall)} / ${f3(m.baselineBest.recall)} | ${f3(m.oursBest.f1)} / ${f3(m.baselineBest.f1)} | same |`,
    );
  }
  if (sweep && sweepRows.length > 0) {
    const ts = [...(sweepRows[0]?.ari.keys() ?? [])];
    lines.push('', `| baseline threshold | ${ts.join(' | ')} |`, `|---|${ts.map(() => '---').join('|')}|`);
    for (const r of sweepRows) lines.push(`| ${r.name} | ${ts.map((t) => f3(r.ari.get(t) ?? 0)).join(' | ')} |`);
    const mean = ts.map((t) => sweepRows.reduce((n, r) => n + (r.ari.get(t) ?? 0), 0) / sweepRows.length);
    lines.push(`| mean ARI | ${mean.map(f3).join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
