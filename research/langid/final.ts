/**
 * The recommended adapter (detectLanguage.ts, defaults) measured like the packages, side by
 * side with copydesk's guessLanguage and raw eld/medium:
 *  sets × modes (coverage / accuracy on answered / accuracy with und counted wrong),
 *  web-multi per language, very short prefixes, English chrome, junk, confidence calibration.
 * `npx tsx final.ts` → results/final.md
 */
import { writeFileSync } from 'node:fs';
import { eld } from 'eld/medium';
import { detectLanguage } from './detectLanguage.js';
import { guessLanguage } from './guessLanguage.js';
import { firstChars, loadSets, MODES, SETS, snippet } from './lib/data.js';

const items = loadSets();
type Fn = (t: string) => { lang: string; confidence: number };
const FNS: Record<string, Fn> = {
  'copydesk guessLanguage': (t) => ({ lang: guessLanguage(t), confidence: 1 }),
  'eld/medium raw': (t) => ({ lang: eld.detect(t).language || 'und', confidence: 1 }),
  'detectLanguage (adapter)': detectLanguage,
};
const out: string[] = [];
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');

function stats(fn: Fn, pairs: Array<[string, string]>) {
  let answered = 0;
  let ok = 0;
  for (const [t, truth] of pairs) {
    const r = fn(t);
    if (r.lang === 'und') continue;
    answered++;
    if (r.lang === truth) ok++;
  }
  return { n: pairs.length, answered, ok };
}

out.push('Cells: answered % / right among answered % / right overall % (und counted wrong)\n');
for (const set of SETS) {
  const its = items.filter((i) => i.set === set);
  out.push(`\n#### ${set} (${its.length})\n`);
  out.push(`| | ${MODES.join(' | ')} |`);
  out.push(`|---|${MODES.map(() => '---:').join('|')}|`);
  for (const [name, fn] of Object.entries(FNS)) {
    const cells = MODES.map((m) => {
      const s = stats(
        fn,
        its.map((i) => [snippet(i.text, m), i.lang]),
      );
      return `${pct(s.answered, s.n)} / ${pct(s.ok, s.answered)} / ${pct(s.ok, s.n)}`;
    });
    out.push(`| ${name} | ${cells.join(' | ')} |`);
  }
}

// web-multi per language, adapter, all four modes
const wm = items.filter((i) => i.set === 'web-multi');
const langs = [...new Set(wm.map((i) => i.lang))].sort();
out.push('\n#### web-multi per language, adapter: right / und / wrong per mode (whole, first100, first300, midsent)\n');
out.push(`| lang | n | ${MODES.join(' | ')} |`);
out.push(`|---|---:|${MODES.map(() => '---').join('|')}|`);
for (const l of langs) {
  const its = wm.filter((i) => i.lang === l);
  const cells = MODES.map((m) => {
    let ok = 0;
    let und = 0;
    let wrong = 0;
    const wrongs: string[] = [];
    for (const i of its) {
      const r = detectLanguage(snippet(i.text, m));
      if (r.lang === l) ok++;
      else if (r.lang === 'und') und++;
      else {
        wrong++;
        wrongs.push(r.lang);
      }
    }
    return `${ok}/${und}/${wrong}${wrongs.length ? ` (${wrongs.join(',')})` : ''}`;
  });
  out.push(`| ${l} | ${its.length} | ${cells.join(' | ')} |`);
}

// very short prefixes
out.push('\n#### Very short prefixes, all sets pooled: answered % / right among answered %\n');
out.push('| | first 15 | first 25 | first 40 | first 60 |');
out.push('|---|---:|---:|---:|---:|');
for (const [name, fn] of Object.entries(FNS)) {
  const cells = [15, 25, 40, 60].map((n) => {
    const s = stats(
      fn,
      items.map((i) => [firstChars(i.text, n), i.lang]),
    );
    return `${pct(s.answered, s.n)} / ${pct(s.ok, s.answered)}`;
  });
  out.push(`| ${name} | ${cells.join(' | ')} |`);
}

// Warm cost of the adapter (CPU time; eld/medium already loaded), whole texts
{
  const texts = items.map((i) => i.text);
  for (const t of texts) detectLanguage(t);
  const runs: number[] = [];
  for (let p = 0; p < 3; p++) {
    const c0 = process.cpuUsage();
    for (const t of texts) detectLanguage(t);
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000 / texts.length);
  }
  out.push(`\nAdapter warm cost: ${(runs.sort((a, b) => a - b)[1] as number).toFixed(3)} CPU ms/article over the ${texts.length} whole texts (median of 3 passes).`);
}

writeFileSync('results/final.md', `${out.join('\n')}\n`);
console.log(out.join('\n'));
