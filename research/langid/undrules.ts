/**
 * "und" rules: for each detector, candidate rules that turn a low-confidence answer into 'und',
 * and their effect: coverage (share of items given a language) and accuracy on those items
 * (precision), per snippet mode, all sets pooled; web-multi alone as the real-page check.
 * `npx tsx undrules.ts` → results/undrules.md
 */
import { writeFileSync } from 'node:fs';
import { type Pred, readPreds } from './analyze.js';
import { MODES } from './lib/data.js';

type Rule = { name: string; keep: (p: Pred) => boolean };

const margin = (p: Pred) => p.s1 - p.s2;
const nonUnd = (p: Pred) => p.lang !== 'und';

const RULES: Record<string, Rule[]> = {
  guess: [{ name: 'as is (returns und itself)', keep: nonUnd }],
  'eld-L': [
    { name: 'as is (und only when no n-gram matched)', keep: nonUnd },
    { name: 'isReliable()', keep: (p) => nonUnd(p) && p.rel === true },
    ...[0.02, 0.05, 0.08, 0.1].map((t) => ({ name: `s1 − s2 ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && margin(p) >= t })),
    ...[0.6, 0.65, 0.7].map((t) => ({ name: `s1 ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && p.s1 >= t })),
    {
      name: 'isReliable() && s1 − s2 ≥ 0.05',
      keep: (p) => nonUnd(p) && p.rel === true && margin(p) >= 0.05,
    },
  ],
  'franc-min': [
    { name: 'as is (und under 10 chars)', keep: nonUnd },
    ...[0.02, 0.05, 0.1, 0.2].map((t) => ({ name: `1 − s2 ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && margin(p) >= t })),
  ],
  franc: [
    { name: 'as is (und under 10 chars)', keep: nonUnd },
    ...[0.02, 0.05, 0.1, 0.2].map((t) => ({ name: `1 − s2 ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && margin(p) >= t })),
  ],
  tinyld: [
    { name: 'as is (detectAll empty)', keep: nonUnd },
    ...[0.3, 0.5, 0.7, 0.9].map((t) => ({ name: `accuracy ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && p.s1 >= t })),
    ...[0.1, 0.3].map((t) => ({ name: `s1 − s2 ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && margin(p) >= t })),
  ],
  cld3: [
    { name: 'as is (minBytes 0)', keep: nonUnd },
    { name: 'is_reliable (probability > 0.7)', keep: (p) => nonUnd(p) && p.rel === true },
    ...[0.5, 0.9, 0.95].map((t) => ({ name: `probability ≥ ${t}`, keep: (p: Pred) => nonUnd(p) && p.s1 >= t })),
    {
      name: 'default create() (minBytes 140) + is_reliable',
      keep: (p) => nonUnd(p) && p.rel === true && Buffer.byteLength(p.raw) >= 0 && p.len >= 0 && byteLenOk(p),
    },
  ],
};
// cld3's own default refuses texts under 140 bytes; the prediction file keeps the snippet length
// in UTF-16 units, which for the sets here is a close stand-in (CJK: 3 bytes per unit).
const byteLenOk = (p: Pred) => p.len * (p.truth === 'zh' || p.truth === 'ko' ? 3 : 1.05) >= 140;

const preds = readPreds();
const out: string[] = [];
const cell = (ps: Pred[], rule: Rule) => {
  const kept = ps.filter(rule.keep);
  const ok = kept.filter((p) => p.lang === p.truth).length;
  const cov = kept.length / ps.length;
  const prec = kept.length ? ok / kept.length : 1;
  return `${(100 * cov).toFixed(1)} / ${(100 * prec).toFixed(1)}`;
};

out.push('Cells: coverage % / accuracy-on-answered %. "all" pools every item of the five sets (4,986 per mode).\n');
for (const [det, rules] of Object.entries(RULES)) {
  const mine = preds.filter((p) => p.det === det);
  if (!mine.length) continue;
  out.push(`\n#### ${det}\n`);
  const cols = [...MODES.map((m) => `all ${m}`), 'web-multi first100', 'web-multi midsent'];
  out.push(`| rule | ${cols.join(' | ')} |`);
  out.push(`|---|${cols.map(() => '---:').join('|')}|`);
  for (const r of rules) {
    const cells = [
      ...MODES.map((m) => cell(mine.filter((p) => p.mode === m), r)),
      cell(mine.filter((p) => p.set === 'web-multi' && p.mode === 'first100'), r),
      cell(mine.filter((p) => p.set === 'web-multi' && p.mode === 'midsent'), r),
    ];
    out.push(`| ${r.name} | ${cells.join(' | ')} |`);
  }
}

// Score distributions for the recommended detector: correct vs wrong answers.
out.push('\n#### eld-L score distribution (all sets, all modes): deciles of s1 and s1 − s2\n');
const q = (xs: number[], f: number) => xs.sort((a, b) => a - b)[Math.floor(f * (xs.length - 1))]?.toFixed(3);
for (const [label, sel] of [
  ['correct', (p: Pred) => p.lang === p.truth],
  ['wrong', (p: Pred) => p.lang !== p.truth && p.lang !== 'und'],
] as const) {
  const ps = preds.filter((p) => p.det === 'eld-L' && sel(p));
  const qs = [0.01, 0.05, 0.1, 0.5, 0.9];
  out.push(
    `- ${label} (n=${ps.length}): s1 p1/p5/p10/p50/p90 = ${qs.map((f) => q(ps.map((p) => p.s1), f)).join(' / ')}; margin = ${qs
      .map((f) => q(ps.map(margin), f))
      .join(' / ')}; isReliable true ${ps.filter((p) => p.rel).length}`,
  );
}

const text = out.join('\n');
writeFileSync('results/undrules.md', `${text}\n`);
console.log(text);
