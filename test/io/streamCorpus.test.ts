// streamCorpus (`index add` reads through it) reads the same inputs as readCorpus, article by
// article: the same articles in the same order, the same errors, the same notes.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/io/readCorpus.js';
import { countSmallInput, streamCorpus } from '../../src/io/streamCorpus.js';
import type { Article } from '../../src/types/index.js';
import { CORPUS, seed } from '../helpers/fixtures.js';

const PAGE = `<!DOCTYPE html><html><head><title>Cuba and China hold talks | Example News</title>
<meta property="article:published_time" content="2023-04-25T08:43:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Cuba and China hold talks</h1>
<p>${'Senior officials of the two parties met in Beijing on Monday to discuss cooperation in many fields. '.repeat(3)}</p>
<p>${'They agreed to strengthen exchanges between the parties and the two countries in the years ahead. '.repeat(3)}</p>
</article><footer>Copyright Example News.</footer></body></html>`;

async function streamed(inputs: string[], notes?: string[]): Promise<Article[]> {
  const out: Article[] = [];
  for await (const chunk of streamCorpus(inputs, notes ? { onNote: (n) => notes.push(n) } : {})) out.push(...chunk);
  return out;
}

/** A folder of every kind of input: text with front matter, a page, JSON Lines with text and html rows, a link. */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-stream-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'sub'), { recursive: true });
  writeFileSync(join(corpus, 'a.txt'), `---\ntitle: Front matter\ndate: 2024-04-23\n---\n${seed('000')}`);
  writeFileSync(join(corpus, 'sub', 'page.html'), PAGE);
  writeFileSync(
    join(corpus, 'rows.jsonl'),
    `${JSON.stringify({ id: 'r1', text: seed('001'), lang: 'en' })}\n\n${JSON.stringify({ id: 'r2', html: PAGE })}\n`,
  );
  writeFileSync(join(corpus, 'metadata.json'), JSON.stringify({ a: { source: 'sidecar' } }));
  symlinkSync(join(corpus, 'gone.txt'), join(corpus, 'broken.txt'));
  return corpus;
}

describe('streamCorpus reads what readCorpus reads', () => {
  it.each([
    ['the seeds folder (with its metadata sidecar)', () => [CORPUS]],
    ['a folder of text, a page, JSON Lines rows with text and html, a broken link', () => [mixedFolder()]],
    [
      'single files of each kind',
      () => {
        const corpus = mixedFolder();
        return [join(corpus, 'a.txt'), join(corpus, 'sub', 'page.html'), join(corpus, 'rows.jsonl')];
      },
    ],
  ])('%s: the same articles, in the same order, with the same notes', async (_name, inputs) => {
    const paths = inputs();
    const readNotes: string[] = [];
    const streamNotes: string[] = [];
    const expected = await readCorpus(paths, { onNote: (n) => readNotes.push(n) });
    expect(await streamed(paths, streamNotes)).toEqual(expected);
    expect(streamNotes).toEqual(readNotes);
    expect(await countSmallInput(paths, 1000)).toBe(expected.length);
  });

  it.each([
    ['an empty file', 'empty.jsonl', '', /empty\.jsonl: is empty/],
    ['a line of invalid JSON', 'bad.jsonl', '{"id": "x", "text": "y"}\n{oops\n', /bad\.jsonl: line 2: invalid JSON/],
    ['a row without text or html', 'notext.jsonl', '{"id": "x"}\n', /missing required field "text" \(or "html"\)/],
    [
      'two rows with one id',
      'dup.jsonl',
      '{"id": "x", "text": "a b c"}\n{"id": "x", "text": "d e f"}\n',
      /duplicate id "x"/,
    ],
  ])('refuses %s as readCorpus does', async (_name, file, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-stream-bad-'));
    writeFileSync(join(dir, file), content);
    await expect(readCorpus([join(dir, file)])).rejects.toThrow(message);
    await expect(streamed([join(dir, file)])).rejects.toThrow(message);
  });
});
