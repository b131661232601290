import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseJsonLines, readCorpus, resolvePair, splitFrontMatter } from '../../src/io/readCorpus.js';
import { InputError } from '../../src/types/index.js';
import { CORPUS, seed } from '../helpers/fixtures.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'copydesk-io-'));
}

describe('readCorpus on the seed folder', () => {
  it('reads the five seeds with ids relative to the folder and metadata from the sidecar', async () => {
    const articles = await readCorpus([CORPUS]);
    expect(articles.map((a) => a.id)).toEqual([
      '000_b20c2e0df0aa8a72',
      '001_bb560fb1aa56975a',
      '002_d3ce4053ebf7dfb8',
      '003_65bd95d5408cf1d8',
      '004_1ccc425c9663fbbb',
    ]);
    expect(articles[0]).toMatchObject({ source: 'socialistchina.org', date: '2024-05-14', lang: 'en' });
    expect(articles[0]?.meta).toMatchObject({ note: expect.stringContaining('IDCPC') });
    expect(articles[0]?.text).toBe(seed('000'));
  });
});

describe('folders, front matter and JSON Lines', () => {
  it('walks sub-folders, keeps .txt/.md, ids use forward slashes', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'wire', 'xinhua'), { recursive: true });
    writeFileSync(join(dir, 'wire', 'xinhua', 'a.txt'), seed('002'));
    writeFileSync(
      join(dir, 'b.md'),
      '---\ntitle: "Talks in Beijing"\ndate: 2023-04-25\noutlet: people\n---\nBody of the article here.',
    );
    writeFileSync(join(dir, 'notes.csv'), 'ignored');
    const articles = await readCorpus([dir]);
    expect(articles.map((a) => a.id)).toEqual(['b', 'wire/xinhua/a']);
    expect(articles[0]).toMatchObject({
      title: 'Talks in Beijing',
      date: '2023-04-25',
      text: 'Body of the article here.',
      meta: { outlet: 'people' },
    });
  });

  it('parses JSON Lines, keeps unknown fields in meta, skips blank lines', () => {
    const rows = parseJsonLines(
      '{"id":"a","text":"One.","cluster":"c1","lang":"en"}\n\n{"id":7,"text":"Two."}\n',
      'x.jsonl',
    );
    expect(rows).toEqual([
      { id: 'a', text: 'One.', lang: 'en', meta: { cluster: 'c1' }, origin: 'x.jsonl:1' },
      { id: '7', text: 'Two.', origin: 'x.jsonl:3' },
    ]);
  });

  it('splits front matter only when it is closed', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody')).toEqual({ meta: { a: '1' }, body: 'body' });
    expect(splitFrontMatter('--- not front matter')).toEqual({ meta: {}, body: '--- not front matter' });
  });
});

describe('bad input: one message naming the file and the problem', () => {
  const cases: Array<{ name: string; file: string; content: string | Uint8Array; message: RegExp }> = [
    { name: 'empty file', file: 'empty.txt', content: '', message: /empty\.txt: is empty$/ },
    {
      name: 'white space only',
      file: 'blank.txt',
      content: ' \n\t\n',
      message: /blank\.txt: is empty \(only white space\)/,
    },
    {
      name: 'binary file',
      file: 'image.txt',
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d]),
      message: /image\.txt: is a binary file/,
    },
    {
      name: 'invalid UTF-8',
      file: 'latin1.txt',
      content: new Uint8Array([0x44, 0xed, 0x61, 0x7a]),
      message:
        /latin1\.txt: is not valid UTF-8 \(first bad byte at offset 1: 0xED\); if it is Latin-1 or Windows-1252, convert it first: iconv -f WINDOWS-1252 -t UTF-8$/,
    },
    {
      name: 'malformed JSONL line',
      file: 'bad.jsonl',
      content: '{"id":"a","text":"ok"}\n{"id":"b","text":\n',
      message: /bad\.jsonl: line 2: invalid JSON/,
    },
    {
      name: 'JSONL line without text',
      file: 'notext.jsonl',
      content: '{"id":"a"}\n',
      message: /notext\.jsonl: line 1: missing required field "text"/,
    },
    {
      name: 'JSONL line without id',
      file: 'noid.jsonl',
      content: '{"text":"x"}\n',
      message: /noid\.jsonl: line 1: missing required field "id"/,
    },
    {
      name: 'JSONL array line',
      file: 'array.jsonl',
      content: '[1,2]\n',
      message: /array\.jsonl: line 1: expected a JSON object, got an array/,
    },
    {
      name: 'JSONL duplicate ids',
      file: 'dup.jsonl',
      content: '{"id":"a","text":"x"}\n{"id":"a","text":"y"}\n',
      message: /dup\.jsonl:2: duplicate id "a" \(also in .*dup\.jsonl:1\)/,
    },
  ];
  it.each(cases)('$name', async ({ file, content, message }) => {
    const dir = tempDir();
    const path = join(dir, file);
    writeFileSync(path, content);
    const error = await readCorpus([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a missing path', async () => {
    await expect(readCorpus(['/nonexistent/corpus'])).rejects.toThrow('/nonexistent/corpus: no such file or directory');
  });

  it('a folder with no articles', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.csv'), 'a,b');
    await expect(readCorpus([dir])).rejects.toThrow(/contains no \.txt, \.md, \.html or \.jsonl files/);
  });

  it('the same id from two inputs', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Some text.');
    await expect(readCorpus([join(dir, 'a.txt'), join(dir, 'a.txt')])).rejects.toThrow(/duplicate id "a"/);
  });

  it('decodeUtf8 names the offset of the first bad byte after valid multi-byte text', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Díaz '), 0xc3]);
    expect(() => decodeUtf8(bytes, 'f.txt')).toThrow('f.txt: is not valid UTF-8 (first bad byte at offset 6: 0xC3)');
  });
});

describe('resolvePair', () => {
  it('finds two ids in a corpus and returns the corpus for IDF', async () => {
    const [a, b, all] = await resolvePair('000_b20c2e0df0aa8a72', '002_d3ce4053ebf7dfb8.txt', CORPUS);
    expect([a.id, b.id, all.length]).toEqual(['000_b20c2e0df0aa8a72', '002_d3ce4053ebf7dfb8', 5]);
  });
  it('names the corpus when an id is unknown', async () => {
    await expect(resolvePair('nope', '000_b20c2e0df0aa8a72', CORPUS)).rejects.toThrow(
      /corpus: no article with id "nope"/,
    );
  });
  it('reads two files without a corpus', async () => {
    const [a, b, all] = await resolvePair(
      join(CORPUS, '000_b20c2e0df0aa8a72.txt'),
      join(CORPUS, '001_bb560fb1aa56975a.txt'),
    );
    expect([a.id, b.id, all]).toEqual(['000_b20c2e0df0aa8a72', '001_bb560fb1aa56975a', []]);
    expect(b.text).toBe(readFileSync(join(CORPUS, '001_bb560fb1aa56975a.txt'), 'utf8'));
  });
});

describe('encodings', () => {
  const text = 'Díaz-Canel met the delegation in Havana on Monday.';
  const utf16 = (le: boolean): Uint8Array => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };

  it.each([
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16 little-endian with a byte-order mark', utf16(true)],
    ['UTF-16 big-endian with a byte-order mark', utf16(false)],
  ])('decodes %s', async (_name, bytes) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), bytes);
    const [article] = await readCorpus([join(dir, 'a.txt')]);
    expect(article?.text).toBe(text);
  });

  it.each([
    [
      'UTF-16 without a byte-order mark',
      utf16(true).subarray(2),
      /looks like UTF-16 \(little-endian\) without a byte-order mark; convert it first: iconv -f UTF-16LE -t UTF-8$/,
    ],
    [
      'UTF-32',
      new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]),
      /is UTF-32 text; convert it first: iconv -f UTF-32 -t UTF-8$/,
    ],
    ['a lone UTF-16 byte-order mark', new Uint8Array([0xff, 0xfe]), /: is empty$/],
  ])('names %s', async (_name, bytes, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), bytes);
    await expect(readCorpus([join(dir, 'a.txt')])).rejects.toThrow(message);
  });
});

describe('symbolic links in folders', () => {
  it('follows links to articles and to folders, skips a loop and a broken link with a note', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const corpus = join(dir, 'corpus');
    mkdirSync(join(store, 'more'), { recursive: true });
    mkdirSync(corpus);
    writeFileSync(join(store, 'a.txt'), seed('001'));
    writeFileSync(join(store, 'more', 'b.txt'), seed('002'));
    symlinkSync(join(store, 'a.txt'), join(corpus, 'a.txt'));
    symlinkSync(join(store, 'more'), join(corpus, 'more'));
    symlinkSync(corpus, join(corpus, 'loop'));
    symlinkSync(join(store, 'gone.txt'), join(corpus, 'gone.txt'));
    const notes: string[] = [];
    const articles = await readCorpus([corpus], { onNote: (n) => notes.push(n) });
    expect(articles.map((a) => a.id)).toEqual(['a', 'more/b']);
    expect(notes).toEqual([
      `${join(corpus, 'gone.txt')}: skipped, a broken symbolic link`,
      `${join(corpus, 'loop')}: skipped, a symbolic link back to a folder already read (${realpathSync(corpus)})`,
    ]);
  });
});

describe('HTML pages', () => {
  const page = `<!DOCTYPE html><html><head><title>Cuba and China hold talks | Example News</title>
<meta property="article:published_time" content="2023-04-25T08:43:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sports">Sports</a></nav>
<article><h1>Cuba and China hold talks</h1>
<p>${'Senior officials of the two parties met in Beijing on Monday to discuss cooperation in many fields. '.repeat(3)}</p>
<p>${'They agreed to strengthen exchanges between the parties and the two countries in the years ahead. '.repeat(3)}</p>
<script>document.title = "owned"</script></article>
<footer>Copyright Example News. All rights reserved.</footer></body></html>`;

  it('reads the main text of a .html file, its title and date, without menus, footer or script', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'talks.html'), page);
    const [article] = await readCorpus([dir]);
    expect(article?.id).toBe('talks');
    expect(article?.title).toBe('Cuba and China hold talks');
    expect(article?.date).toBe('2023-04-25T08:43:00Z');
    // Readability keeps the headline as the title, not in the text; the two paragraphs stay two.
    const paragraphs = article?.text.split('\n\n') ?? [];
    expect(paragraphs[0]).toMatch(/^Senior officials of the two parties met in Beijing/);
    expect(paragraphs[1]).toMatch(/^They agreed to strengthen exchanges/);
    expect(paragraphs).toHaveLength(2);
    expect(article?.text).not.toMatch(/Home|Copyright|owned/);
  });

  it('reads a JSON Lines row with an `html` field instead of `text`', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pages.jsonl'), `${JSON.stringify({ id: 'p1', html: page, source: 'example' })}\n`);
    const [article] = await readCorpus([join(dir, 'pages.jsonl')]);
    expect(article).toMatchObject({ id: 'p1', source: 'example', title: 'Cuba and China hold talks' });
    expect(article?.text).toMatch(/^Senior officials of the two parties .*\n\nThey agreed/);
  });

  it('honours a declared Latin-1 charset', async () => {
    const dir = tempDir();
    const latin1 = Uint8Array.from(
      '<html><head><meta charset="iso-8859-1"></head><body><p>D\u00edaz-Canel habl\u00f3 en La Habana sobre la cooperaci\u00f3n.</p></body></html>',
      (c) => c.charCodeAt(0),
    );
    writeFileSync(join(dir, 'es.html'), latin1);
    const [article] = await readCorpus([join(dir, 'es.html')]);
    expect(article?.text).toContain('Díaz-Canel habló en La Habana');
  });

  it.each([
    ['a page without text', '<html><body><nav></nav><script>x()</script></body></html>', /empty\.html: has no text/],
    [
      'a page of more elements than the limit',
      `<html><body>${'<div><span>x</span></div>'.repeat(60_000)}</body></html>`,
      /huge\.html: has more than 30,000 HTML elements \(120,00\d\); not read as an article page$/,
    ],
  ])('refuses %s', async (_name, html, message) => {
    const dir = tempDir();
    const file = join(dir, _name === 'a page without text' ? 'empty.html' : 'huge.html');
    writeFileSync(file, html);
    await expect(readCorpus([file])).rejects.toThrow(message);
  });
});

describe('HTML pages built to be slow', () => {
  it.each([
    [
      '12,000 sibling elements (Readability walks siblings: quadratic)',
      `<p>${'<span>word </span>'.repeat(12_000)}</p>`,
    ],
    ['5,000 nested elements (Readability recurses)', `${'<div>'.repeat(5000)}word${'</div>'.repeat(5000)}`],
  ])('%s: read as plain body text, in bounded time', async (_name, body) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), `<html><body>${body}</body></html>`);
    const t0 = performance.now();
    const [article] = await readCorpus([join(dir, 'page.html')]);
    expect(article?.text.startsWith('word')).toBe(true);
    // Generous: about 1 s here; Readability on the same page took minutes.
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});

describe('fields of the wrong type', () => {
  it.each([
    [
      '"title" an object',
      '{"id":"a","text":"x","title":{"en":"T"}}',
      /line 1: field "title" must be a string, got object$/,
    ],
    ['"date" a number', '{"id":"a","text":"x","date":20240101}', /line 1: field "date" must be a string, got number$/],
    ['"text" an array', '{"id":"a","text":["x"]}', /line 1: field "text" must be a string, got an array$/],
    ['"id" null', '{"id":null,"text":"x"}', /line 1: missing required field "id"$/],
    ['"id" an object', '{"id":{"x":1},"text":"x"}', /line 1: field "id" must be a string, got object$/],
  ])('%s', async (_name, line, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.jsonl'), `${line}\n`);
    await expect(readCorpus([join(dir, 'x.jsonl')])).rejects.toThrow(message);
  });
});

describe('reading in parallel', () => {
  it('reports the first bad file in input order, whichever read ends first', async () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `${String(i).padStart(2, '0')}.txt`), 'Some text.');
    writeFileSync(join(dir, '07.txt'), '');
    writeFileSync(join(dir, '30.txt'), new Uint8Array([0xff, 0x00]));
    for (let run = 0; run < 5; run++) await expect(readCorpus([dir])).rejects.toThrow(/07\.txt: is empty$/);
  });
});
