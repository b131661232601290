/**
 * Tables from results/preds.jsonl → results/accuracy.md (and stdout).
 * `npx tsx analyze.ts [preds file]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { MODES, SETS } from './lib/data.js';
import { MAIN_DETECTORS, SIDE_DETECTORS } from './lib/detectors.js';

export interface Pred {
  det: string;
  set: string;
  id: string;
  mode: string;
  truth: string;
  len: number;
  lang: string;
  raw: string;
  s1: number;
  s2: number;
  second: string;
  rel: boolean | null;
}

export function readPreds(file = 'results/preds.jsonl'): Pred[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** accuracy (und counts as wrong) and macro accuracy (mean of per-language recall). */
export function score(ps: Pred[]): { n: number; acc: number; macro: number; perLang: Map<string, [number, number]> } {
  const perLang = new Map<string, [number, number]>();
  let ok = 0;
  for (const p of ps) {
    const c = perLang.get(p.truth) ?? [0, 0];
    c[1]++;
    if (p.lang === p.truth) {
      c[0]++;
      ok++;
    }
    perLang.set(p.truth, c);
  }
  const recalls = [...perLang.values()].map(([a, b]) => a / b);
  return {
    n: ps.length,
    acc: ps.length ? ok / ps.length : 0,
    macro: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : 0,
    perLang,
  };
}

const pct = (x: number) => (100 * x).toFixed(1);

function group<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const a = m.get(k);
    if (a) a.push(x);
    else m.set(k, [x]);
  }
  return m;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const preds = readPreds(process.argv[2]);
  const by = group(preds, (p) => `${p.det}|${p.set}|${p.mode}`);
  const dets = [...MAIN_DETECTORS, ...SIDE_DETECTORS].filter((d) => preds.some((p) => p.det === d));
  const out: string[] = [];

  // 1. accuracy / macro per set × mode
  for (const set of SETS) {
    const langs = [...new Set(preds.filter((p) => p.set === set).map((p) => p.truth))];
    const n = preds.filter((p) => p.set === set && p.det === dets[0] && p.mode === 'whole').length;
    out.push(`\n### ${set} (${n} items; ${langs.length} language(s): ${langs.join(', ')}) — accuracy % / macro %\n`);
    out.push(`| detector | ${MODES.join(' | ')} |`);
    out.push(`|---|${MODES.map(() => '---:').join('|')}|`);
    for (const d of dets) {
      const cells = MODES.map((m) => {
        const s = score(by.get(`${d}|${set}|${m}`) ?? []);
        return langs.length > 1 ? `${pct(s.acc)} / ${pct(s.macro)}` : pct(s.acc);
      });
      out.push(`| ${d} | ${cells.join(' | ')} |`);
    }
  }

  // 2. per-language recall, per set, whole + short modes
  for (const set of ['web-multi', 'wmt24', 'wmt22-doc']) {
    const langs = [...new Set(preds.filter((p) => p.set === set).map((p) => p.truth))].sort();
    for (const mode of MODES) {
      out.push(`\n#### per-language correct, ${set}, ${mode}\n`);
      out.push(`| detector | ${langs.join(' | ')} |`);
      out.push(`|---|${langs.map(() => '---:').join('|')}|`);
      for (const d of dets) {
        const s = score(by.get(`${d}|${set}|${mode}`) ?? []);
        out.push(
          `| ${d} | ${langs
            .map((l) => {
              const [a, b] = s.perLang.get(l) ?? [0, 0];
              return set === 'web-multi' ? `${a}/${b}` : pct(a / b);
            })
            .join(' | ')} |`,
        );
      }
    }
  }

  // 3. what the wrong answers were (all sets, all modes)
  out.push('\n### Most frequent wrong answers (truth→answer ×count), all sets and modes\n');
  for (const d of dets) {
    const wrong = new Map<string, number>();
    for (const p of preds) {
      if (p.det !== d || p.lang === p.truth) continue;
      const k = `${p.truth}→${p.lang}`;
      wrong.set(k, (wrong.get(k) ?? 0) + 1);
    }
    const top = [...wrong.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
    out.push(`- ${d}: ${top.map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  }

  const text = out.join('\n');
  writeFileSync('results/accuracy.md', `${text}\n`);
  console.log(text);
}
