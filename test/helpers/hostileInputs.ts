/** Hostile inputs, built on the fly from the seeds (deterministic; nothing large is committed). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seed } from './fixtures.js';
import { oneLiners, random } from './inputs.js';

export { oneLiners };

const SEEDS = ['000', '001', '002', '003', '004'];

/** The body paragraphs of all five seeds (their title lines and bylines left out). */
function paragraphs(): string[] {
  return SEEDS.flatMap((s) =>
    seed(s)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 200),
  );
}

/**
 * An article of about `bytes` characters: the seeds' paragraphs over and over, each one numbered so
 * that no two sentences are the same. `offset` starts elsewhere in the cycle (another text on the
 * same topic, sharing most of its vocabulary and many sentences).
 */
/** A distinct pseudo-word for each section number (base-15 syllables). */
function sectionName(k: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'po', 'an', 'el', 'ir', 'on', 'us'];
  let n = k;
  let w = '';
  do {
    w += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return w;
}

export function longArticle(bytes: number, offset = 0): string {
  const ps = paragraphs();
  const out: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    // The section is named by a pseudo-word, not a number: body extraction folds digits and sets
    // aside a paragraph printed twice in a page (chrome:repeated), which would leave one copy of each.
    const p = `${ps[(k + offset) % ps.length] as string} This was section ${sectionName(k)}.`;
    out.push(p);
    size += p.length + 2;
  }
  return out.join('\n\n');
}

/** A folder of `count` files, each the same article (a dump with many reposts). */
export function writeCopies(dir: string, count: number, text = seed('003')): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `repost-${String(i).padStart(5, '0')}.txt`), text);
  return dir;
}

/** JSON Lines of the one-line articles. */
export function writeOneLiners(path: string, count: number): string {
  writeFileSync(
    path,
    `${oneLiners(count)
      .map((a) => JSON.stringify(a))
      .join('\n')}\n`,
  );
  return path;
}

/** An article of pseudo-words: 8–14 sentences of 12–24 words, words drawn Zipf-like from 20,000. */
function pseudoArticle(next: () => number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'po', 'an', 'el', 'ir', 'on', 'us'];
  const word = (): string => {
    let n = Math.floor(20_000 ** next());
    let w = '';
    do {
      w += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    return w;
  };
  const sentences = Array.from({ length: 8 + Math.floor(next() * 7) }, () => {
    const words = Array.from({ length: 12 + Math.floor(next() * 13) }, word).join(' ');
    return `${words[0]?.toUpperCase()}${words.slice(1)}.`;
  });
  return [sentences.slice(0, 4), sentences.slice(4)].map((p) => p.join(' ')).join('\n\n');
}

/**
 * A corpus of `count` documents like a crawl: distinct articles of pseudo-words, with about one in
 * ten reposted as is, one in ten republished with an added paragraph and one in twenty cut short.
 * As JSON Lines.
 */
export function writeCrawl(path: string, count: number): string {
  const next = random(11);
  const rows: Array<{ id: string; title: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const id = `doc${String(i).padStart(5, '0')}`;
    const r = next();
    const earlier = rows[Math.floor(next() * rows.length)];
    let text: string;
    if (earlier && r < 0.1) text = earlier.text;
    else if (earlier && r < 0.2) text = `${pseudoArticle(next).split('\n\n')[0]}\n\n${earlier.text}`;
    else if (earlier && r < 0.25) text = earlier.text.split('\n\n')[0] as string;
    else text = pseudoArticle(next);
    rows.push({ id, title: `Report ${i}`, text });
  }
  writeFileSync(path, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  return path;
}

/** Strings that must never reach a terminal or a report as they are. */
export const HOSTILE_STRINGS = {
  clearScreen: '\u001b[2J\u001b[H',
  osc0: '\u001b]0;owned\u0007',
  osc8: '\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\',
  bell: '\u0007',
  carriageReturn: 'safe\rEVIL',
  csi8bit: '\u009b31m',
  bidi: '\u202egnp.exe',
} as const;

/** The raw characters of the strings above: none may appear in any output. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters the suite looks for
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Markdown that would become a link, an image or raw HTML if not escaped. */
export const MARKDOWN_ATTACKS = [
  '[click me](javascript:alert(1))',
  '![x](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'a | b | c',
];
