/**
 * Probes beyond the brief's four snippet kinds:
 *  A. very short inputs (first 15/25/40/60 chars): where does each package start guessing wrong?
 *  B. page chrome: every non-English text of web-multi and wmt24 (news + literary) with a block of
 *     English page chrome put in front (menus, share prompts, a byline), as a scraper of a
 *     non-English site with an English template would hand it over; raw vs "prose lines" trimming.
 *  C. junk that has no language (digits, URLs, names, emoji): how often is a language claimed?
 * `npx tsx probes.ts` → results/probes-*.jsonl (predictions) and results/probes.md
 */
import { writeFileSync } from 'node:fs';
import { firstChars, loadSets } from './lib/data.js';
import { type Detection, MAIN_DETECTORS, makeDetector } from './lib/detectors.js';
import { proseLines } from './lib/trim.js';

const items = loadSets();
const dets = await Promise.all([...MAIN_DETECTORS, 'eld-M', 'eld-XS'].map(makeDetector));
const out: string[] = [];
const rows: string[] = [];
const rec = (probe: string, det: string, id: string, truth: string, text: string, d: Detection) =>
  rows.push(JSON.stringify({ probe, det, id, truth, len: text.length, lang: d.lang, s1: d.s1, s2: d.s2, rel: d.reliable }));

// A. length curve
const LENGTHS = [15, 25, 40, 60];
out.push('### A. Very short inputs: accuracy % (und counts as wrong) / share answered wrongly %, all 4,986 items\n');
out.push(`| detector | ${LENGTHS.map((n) => `first ${n}`).join(' | ')} |`);
out.push(`|---|${LENGTHS.map(() => '---:').join('|')}|`);
for (const det of dets) {
  const cells = LENGTHS.map((n) => {
    let ok = 0;
    let wrong = 0;
    for (const it of items) {
      const t = firstChars(it.text, n);
      const d = det.detect(t);
      rec(`first${n}`, det.name, it.id, it.lang, t, d);
      if (d.lang === it.lang) ok++;
      else if (d.lang !== 'und') wrong++;
    }
    return `${((100 * ok) / items.length).toFixed(1)} / ${((100 * wrong) / items.length).toFixed(1)}`;
  });
  out.push(`| ${det.name} | ${cells.join(' | ')} |`);
}

// B. English chrome in front of non-English text
const CHROME = [
  'Skip to main content',
  'Menu',
  'Search',
  'Home',
  'World',
  'Business',
  'Sign in',
  'Subscribe',
  'Share on Facebook',
  'Share on X',
  'Advertisement',
  'Most read',
  'By Staff Reporter | Updated: Jan 12, 2024 08:35 AM',
  '',
].join('\n');
const wmt24Ids = new Set(
  items.filter((i) => i.set === 'wmt24' && i.lang !== 'en' && /news|literary/.test(i.id)).map((i) => i.id),
);
const foreign = items.filter((i) => (i.set === 'web-multi' && i.lang !== 'en') || wmt24Ids.has(i.id));
out.push(
  `\n### B. English page chrome (${CHROME.length} chars, 13 short lines) put before ${foreign.length} non-English texts (web-multi 31, wmt24 news+literary ${wmt24Ids.size}): accuracy %\n`,
);
out.push('| detector | without chrome | with chrome, raw | with chrome, prose lines only (lib/trim.ts) |');
out.push('|---|---:|---:|---:|');
for (const det of dets) {
  let a = 0;
  let b = 0;
  let c = 0;
  for (const it of foreign) {
    const withChrome = CHROME + it.text;
    const d0 = det.detect(it.text);
    const d1 = det.detect(withChrome);
    const d2 = det.detect(proseLines(withChrome));
    rec('chrome-raw', det.name, it.id, it.lang, withChrome, d1);
    rec('chrome-trim', det.name, it.id, it.lang, withChrome, d2);
    if (d0.lang === it.lang) a++;
    if (d1.lang === it.lang) b++;
    if (d2.lang === it.lang) c++;
  }
  const p = (x: number) => ((100 * x) / foreign.length).toFixed(1);
  out.push(`| ${det.name} | ${p(a)} | ${p(b)} | ${p(c)} |`);
}

// C. junk
const JUNK = [
  '12345',
  '2023-07-21 03:35',
  '01.12.2017 08h35',
  '+1 (202) 555-0147',
  '3,450.75 USD',
  'https://www.example.com/news/2023/07/21/article-12345.html',
  'editor@example.org',
  'Xi Jinping',
  'Bill Gates',
  'Antonio Guterres',
  'Alper Gezeravci',
  'NASA',
  'COVID-19',
  'iPhone 15 Pro Max',
  '😂😂😂 👍',
  '#BREAKING @AP',
  'ok',
  '>>',
  'Home | News | Sign in',
  'AFP / Reuters / AP',
];
out.push(`\n### C. ${JUNK.length} language-less strings (digits, dates, URL, e-mail, names, emoji, acronyms): answers given\n`);
out.push('| detector | answers other than und | what it said |');
out.push('|---|---:|---|');
for (const det of dets) {
  const said = JUNK.map((t) => {
    const d = det.detect(t);
    rec('junk', det.name, t, 'und', t, d);
    return d.lang;
  });
  out.push(
    `| ${det.name} | ${said.filter((l) => l !== 'und').length} | ${said.map((l, i) => `${JUNK[i]}→${l}`).join('; ')} |`,
  );
}

writeFileSync('results/probes.jsonl', `${rows.join('\n')}\n`);
writeFileSync('results/probes.md', `${out.join('\n')}\n`);
console.log(out.join('\n'));
