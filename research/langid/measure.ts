/**
 * Accuracy run: every detector × every item × every snippet mode → results/preds.jsonl
 * (ids, labels and predictions only; no text). `npx tsx measure.ts [detector ...]`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadSets, MODES, snippet } from './lib/data.js';
import { MAIN_DETECTORS, SIDE_DETECTORS, makeDetector } from './lib/detectors.js';

const names = process.argv.slice(2).length ? process.argv.slice(2) : [...MAIN_DETECTORS, ...SIDE_DETECTORS];
const items = loadSets();
mkdirSync('results', { recursive: true });

// Cut every snippet once.
const cut = items.map((it) => Object.fromEntries(MODES.map((m) => [m, snippet(it.text, m)])) as Record<string, string>);

const lines: string[] = [];
for (const name of names) {
  const det = await makeDetector(name);
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    for (const mode of MODES) {
      const text = cut[i]![mode]!;
      const d = det.detect(text);
      lines.push(
        JSON.stringify({
          det: name,
          set: it.set,
          id: it.id,
          mode,
          truth: it.lang,
          len: text.length,
          lang: d.lang,
          raw: d.raw,
          s1: Number(d.s1.toFixed(4)),
          s2: Number(d.s2.toFixed(4)),
          second: d.second,
          rel: d.reliable,
        }),
      );
    }
  }
  console.error(`${name}: ${items.length} items × ${MODES.length} modes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const out = names.length === MAIN_DETECTORS.length + SIDE_DETECTORS.length ? 'results/preds.jsonl' : `results/preds-${names.join('+')}.jsonl`;
writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`wrote ${lines.length} rows to ${out}`);

// Snippet length summary (so the report can say what "first 100" etc. mean in practice).
const lenStats: Record<string, string> = {};
for (const mode of MODES) {
  const ls = cut.map((c) => c[mode]!.length).sort((a, b) => a - b);
  lenStats[mode] = `median ${ls[Math.floor(ls.length / 2)]}, p10 ${ls[Math.floor(ls.length / 10)]}`;
}
writeFileSync('results/snippet-lengths.json', JSON.stringify(lenStats, null, 2));
