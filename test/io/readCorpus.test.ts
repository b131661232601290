import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
      message: /latin1\.txt: is not valid UTF-8 \(first bad byte at offset 1\)/,
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
    await expect(readCorpus([dir])).rejects.toThrow(/contains no \.txt, \.md or \.jsonl files/);
  });

  it('the same id from two inputs', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Some text.');
    await expect(readCorpus([join(dir, 'a.txt'), join(dir, 'a.txt')])).rejects.toThrow(/duplicate id "a"/);
  });

  it('decodeUtf8 names the offset of the first bad byte after valid multi-byte text', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Díaz '), 0xc3]);
    expect(() => decodeUtf8(bytes, 'f.txt')).toThrow('f.txt: is not valid UTF-8 (first bad byte at offset 6)');
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
