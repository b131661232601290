/**
 * Sweep of the adapter's "und" rule (minimum letters × minimum eld margin) and database size,
 * through the adapter itself (detectLanguage.ts → createLanguageDetector), on:
 *  - every item of the five sets × whole / first100 / first300 / midsent,
 *  - very short prefixes (first 15 / 25 / 40 chars),
 *  - the 20 language-less strings of probes.ts (how many still get a language).
 * Also the calibration of the adapter's `confidence` for the chosen rule.
 * `npx tsx undsweep.ts` → results/undsweep.md
 */
import { writeFileSync } from 'node:fs';
import { eld as eldLarge } from 'eld/large';
import { eld as eldMedium } from 'eld/medium';
import { eld as eldSmall } from 'eld/small';
import { createLanguageDetector, type LanguageGuess, MIN_LETTERS, MIN_MARGIN } from './detectLanguage.js';
import { firstChars, loadSets, MODES, snippet } from './lib/data.js';

const items = loadSets();
const JUNK = [
  '12345', '2023-07-21 03:35', '01.12.2017 08h35', '+1 (202) 555-0147', '3,450.75 USD',
  'https://www.example.com/news/2023/07/21/article-12345.html', 'editor@example.org', 'Xi Jinping',
  'Bill Gates', 'Antonio Guterres', 'Alper Gezeravci', 'NASA', 'COVID-19', 'iPhone 15 Pro Max',
  '😂😂😂 👍', '#BREAKING @AP', 'ok', '>>', 'Home | News | Sign in', 'AFP / Reuters / AP',
];

const slices: Array<{ name: string; texts: Array<[string, string]> }> = [
  ...MODES.map((m) => ({ name: m, texts: items.map((it) => [snippet(it.text, m), it.lang] as [string, string]) })),
  ...[15, 25, 40].map((n) => ({
    name: `first${n}`,
    texts: items.map((it) => [firstChars(it.text, n), it.lang] as [string, string]),
  })),
];

const eldBySize = { large: eldLarge, medium: eldMedium, small: eldSmall };
const GRID: Array<{ size: keyof typeof eldBySize; minLetters: number; minMargin: number; proseOnly: boolean }> = [];
for (const size of ['large', 'medium', 'small'] as const) {
  for (const minLetters of [0, 10, 15, 20, 25, 30]) {
    for (const minMargin of [0, 0.01, 0.02, 0.03, 0.05]) GRID.push({ size, minLetters, minMargin, proseOnly: true });
  }
}
GRID.push({ size: 'medium', minLetters: MIN_LETTERS, minMargin: MIN_MARGIN, proseOnly: false });

const out: string[] = [];
out.push('Cells: coverage % / accuracy-on-answered %; last column: language-less strings still given a language (of 20).\n');
out.push(`| eld db | min letters | min margin | prose lines | ${slices.map((s) => s.name).join(' | ')} | junk |`);
out.push(`|---|---:|---:|---|${slices.map(() => '---:').join('|')}|---:|`);
for (const g of GRID) {
  const detect = createLanguageDetector(eldBySize[g.size], g);
  const cells = slices.map((s) => {
    let answered = 0;
    let ok = 0;
    for (const [t, truth] of s.texts) {
      const r = detect(t);
      if (r.lang === 'und') continue;
      answered++;
      if (r.lang === truth) ok++;
    }
    return `${((100 * answered) / s.texts.length).toFixed(1)} / ${((100 * ok) / Math.max(1, answered)).toFixed(2)}`;
  });
  const junk = JUNK.filter((t) => detect(t).lang !== 'und').length;
  const chosen = g.size === 'medium' && g.minLetters === MIN_LETTERS && g.minMargin === MIN_MARGIN;
  const mark = (s: string) => (chosen ? `**${s}**` : s);
  out.push(
    `| ${mark(g.size)} | ${g.minLetters} | ${g.minMargin} | ${g.proseOnly ? 'yes' : 'no'} | ${cells.join(' | ')} | ${junk} |`,
  );
}

// Calibration of the returned confidence, chosen rule, every slice pooled.
const detect = createLanguageDetector(eldMedium);
const bins = new Map<string, [number, number]>();
for (const s of slices) {
  for (const [t, truth] of s.texts) {
    const r: LanguageGuess = detect(t);
    if (r.lang === 'und') continue;
    const c = r.confidence;
    const bin = c >= 1 ? '1.0' : c >= 0.9 ? '0.9–1' : c >= 0.75 ? '0.75–0.9' : c >= 0.6 ? '0.6–0.75' : '0.5–0.6';
    const b = bins.get(bin) ?? [0, 0];
    b[1]++;
    if (r.lang === truth) b[0]++;
    bins.set(bin, b);
  }
}
out.push('\nCalibration of `confidence` (default rule, all slices above pooled):\n');
out.push('| confidence | answers | right % |');
out.push('|---|---:|---:|');
for (const bin of ['0.5–0.6', '0.6–0.75', '0.75–0.9', '0.9–1', '1.0']) {
  const [ok, n] = bins.get(bin) ?? [0, 0];
  out.push(`| ${bin} | ${n} | ${n ? ((100 * ok) / n).toFixed(2) : '–'} |`);
}

writeFileSync('results/undsweep.md', `${out.join('\n')}\n`);
console.log(out.join('\n'));
