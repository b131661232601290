/**
 * Review (align + word diff) time for 800- and 5,000-word pairs: an edited copy (the usual case)
 * and two unrelated articles (the worst case for a diff), against a baseline in the same process:
 * jsdiff's `diffWords` on the whole texts, which is what one would write without alignment.
 * Also counts how many of the edits made to the copy the review reports (accuracy beside speed).
 *
 * Texts: English news documents of ../shared/eval (WMT22 and WMT24 human translations), joined
 * until long enough; without them, the seed corpus, repeated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { reviewArticles } from '../dist/core/review/review.js';
import type { Review } from '../dist/types/review.js';
import type { BenchContext } from './run.js';

const ROOT = join(import.meta.dirname, '..');
const EVAL = join(ROOT, '..', 'shared', 'eval');

interface Doc {
  text: string;
  words: number;
}

function englishDocs(): { docs: Doc[]; source: string } {
  const files = ['wmt22-zhen.jsonl', 'wmt24-en-multilingual.jsonl']
    .map((f) => join(EVAL, f))
    .filter((f) => existsSync(f));
  const docs: Doc[] = [];
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').trim().split('\n')) {
      const r = JSON.parse(line) as { lang: string; domain: string; source: string; text: string };
      if (
        r.lang === 'en' &&
        (r.domain === 'news' || r.domain === 'literary') &&
        /human|original|source/.test(r.source)
      ) {
        docs.push({ text: r.text, words: r.text.split(/\s+/).length });
      }
    }
  }
  if (docs.length >= 20) return { docs, source: 'WMT22/WMT24 English news and literary documents (../shared/eval)' };
  const seeds = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt'));
  const texts = seeds.map((f) => readFileSync(join(ROOT, 'corpus', f), 'utf8'));
  return {
    docs: texts.map((text) => ({ text, words: text.split(/\s+/).length })),
    source: 'the seed corpus, repeated (../shared/eval absent)',
  };
}

/** Paragraphs from `docs` starting at `from`, until `words` words. */
function buildText(docs: readonly Doc[], from: number, words: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let k = from; n < words; k++) {
    const doc = docs[k % docs.length] as Doc;
    for (const p of doc.text.split('\n')) {
      if (n >= words) break;
      if (p.trim() === '') continue;
      out.push(p.trim());
      n += p.split(/\s+/).length;
    }
  }
  return out;
}

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edits {
  copy: string[];
  dropped: number;
  added: number;
  changed: number;
}

/** An edited copy: an intro added, ~5 % of paragraphs dropped, ~10 % with one word changed, one paragraph moved. */
function editCopy(paragraphs: readonly string[], extra: readonly string[], seed: number): Edits {
  const rnd = random(seed);
  const copy: string[] = [extra[0] as string];
  let dropped = 0;
  let changed = 0;
  for (const p of paragraphs) {
    const r = rnd();
    if (r < 0.05) {
      dropped++;
      continue;
    }
    if (r < 0.15) {
      const words = p.split(' ');
      const at = Math.floor(rnd() * words.length);
      words[at] = 'substituted';
      copy.push(words.join(' '));
      changed++;
      continue;
    }
    copy.push(p);
  }
  const moved = copy.splice(2, 1);
  copy.push(...moved);
  return { copy, dropped, added: 1, changed };
}

function time(fn: () => void, runs: number): number {
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((x, y) => x - y);
  return ms[Math.floor(ms.length / 2)] as number;
}

export default async function (ctx: BenchContext): Promise<string> {
  const { docs, source } = englishDocs();
  const sizes = ctx.quick ? [800] : [800, 5000];
  const runs = ctx.quick ? 3 : 7;
  const rows: string[] = [];
  const accuracy: string[] = [];
  for (const words of sizes) {
    const a = buildText(docs, 0, words);
    const unrelated = buildText(docs, Math.floor(docs.length / 2), words);
    const edits = editCopy(a, unrelated, words);
    const cases: Array<[string, string, string]> = [
      ['edited copy', a.join('\n\n'), edits.copy.join('\n\n')],
      ['unrelated', a.join('\n\n'), unrelated.join('\n\n')],
    ];
    for (const [name, ta, tb] of cases) {
      let review: Review | undefined;
      const ours = time(() => {
        review = reviewArticles({ id: 'a', text: ta }, { id: 'b', text: tb });
      }, runs);
      let timedOut = false;
      const base = time(
        () => {
          timedOut = diffWords(ta, tb, { timeout: 10_000 }) === undefined;
        },
        name === 'unrelated' && words > 1000 ? 1 : runs,
      );
      const s = (review as Review).summary;
      const line = `| ${words} | ${name} | ${s.wordsA} / ${s.wordsB} | ${ours.toFixed(1)} | ${timedOut ? '> 10,000 (gave up)' : base.toFixed(1)} | ${(base / ours).toFixed(1)}× |`;
      rows.push(line);
      ctx.log(line);
      if (name === 'edited copy') {
        const changedRows = (review as Review).rows.filter((r) => r.kind === 'changed').length;
        accuracy.push(
          `| ${words} | ${edits.dropped} | ${s.sentencesDropped} | ${edits.changed} | ${changedRows} | ${s.sentencesMoved} (1 paragraph moved) | ${s.sentencesAdded} (intro: 1 paragraph) | ${(review as Review).rows.filter((r) => r.coarse).length} |`,
        );
      }
    }
  }
  return `Method: \`reviewArticles\` (normalize, align sentences, word-diff each aligned unit, count) on pairs built from ${source}; median of ${runs} runs after none discarded. Baseline: jsdiff \`diffWords\` on the whole texts (no alignment; timeout 10 s), same process. An edited copy has an intro paragraph added, ~5 % of paragraphs dropped, ~10 % with one word substituted and one paragraph moved to the end (deterministic PRNG); unrelated is two different runs of documents of the same length.

| words | pair | words A / B | review ms | diffWords ms | baseline / review |
|---:|---|---|---:|---:|---:|
${rows.join('\n')}

What the review reports of the edits made to the copy (paragraphs, counted as sentences by the review):

| words | paragraphs dropped | sentences dropped | paragraphs with a word changed | rows changed | moved | added | rows too different for a word diff |
|---:|---:|---:|---:|---:|---|---|---:|
${accuracy.join('\n')}

Targets from the issue: under 50 ms for 800 words and under 500 ms for 5,000 words. The word diff of each unit is bounded by \`maxEditLength\` (at most 400 tokens, and three quarters of the unit), so unrelated long texts cannot take quadratic time; units past the bound are shown whole.`;
}
