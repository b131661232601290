/**
 * A JSON Lines file of valid UTF-8 is read a line at a time from its bytes
 * (`parseJsonLinesBytes`), where it was decoded whole first (`decodeText`, then
 * `parseJsonLines`): table-driven, each file is read both ways, through `readCorpus` as the CLI
 * reads it, and must give the same articles or the same one-line error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, parseJsonLines, parseJsonLinesBytes, readCorpus } from '../../src/io/readCorpus.js';

const dir = mkdtempSync(join(tmpdir(), 'copydesk-jsonl-'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

/** What reading gives: the articles, or the error's message. */
function outcome(read: () => unknown): unknown {
  try {
    return { articles: read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function outcomeAsync(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return { articles: await read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const row = (id: string, text: string) => JSON.stringify({ id, text });

const cases: Array<{ name: string; bytes: Uint8Array }> = [
  { name: 'two rows, a trailing newline', bytes: utf8(`${row('a', 'One.')}\n${row('b', 'Two.')}\n`) },
  { name: 'CRLF line ends and blank lines', bytes: utf8(`${row('a', 'One.')}\r\n\r\n  \r\n${row('b', 'Two.')}`) },
  { name: 'a byte-order mark', bytes: Uint8Array.from([...BOM, ...utf8(`${row('a', 'Díaz-Canel in Beijing.')}\n`)]) },
  {
    name: 'accents, CJK and an emoji',
    bytes: utf8(`${row('zh', '习近平会见迪亚斯-卡内尔。')}\n${row('e', 'Ludmila 🇨🇺')}\n`),
  },
  { name: 'a lone CR stays in the line', bytes: utf8(`${row('a', 'One.')}\r${row('b', 'Two.')}\n`) },
  { name: 'white space only', bytes: utf8(' \n\t\r\n\u00a0\n') },
  { name: 'a bad row after a good one', bytes: utf8(`${row('a', 'One.')}\n{"id":"b"}\n`) },
  { name: 'invalid JSON on line 2', bytes: utf8(`${row('a', 'One.')}\n{nope\n`) },
  { name: 'no trailing newline, a blank first line', bytes: utf8(`\n${row('a', 'One.')}`) },
];

describe('parseJsonLinesBytes', () => {
  it.each(cases)('$name: the same as decoding the file whole', ({ bytes }) => {
    const whole = outcome(() => parseJsonLines(decodeText(bytes, 'f.jsonl'), 'f.jsonl'));
    expect(outcome(() => parseJsonLinesBytes(bytes, 'f.jsonl'))).toEqual(whole);
  });

  it.each(cases)('$name: readCorpus gives what decoding whole gives', async ({ name, bytes }) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(file, bytes);
    const whole = outcome(() => parseJsonLines(decodeText(bytes, file), file));
    expect(await outcomeAsync(() => readCorpus([file]))).toEqual(whole);
  });

  it.each([
    {
      name: 'invalid UTF-8',
      bytes: Uint8Array.from([...utf8(`${row('a', 'One.')}\n{"id":"b","text":"caf`), 0xe9, ...utf8('"}\n')]),
      message: /first bad byte at offset 46/,
    },
    { name: 'NUL bytes', bytes: Uint8Array.from([...utf8(`${row('a', 'One.')}\n`), 0, 1, 2]), message: /binary file/ },
    {
      name: 'UTF-16 with its byte-order mark',
      bytes: Uint8Array.from([0xff, 0xfe, ...[...`${row('a', 'One.')}\n`].flatMap((c) => [c.charCodeAt(0), 0])]),
      message: undefined,
    },
    { name: 'empty', bytes: new Uint8Array(0), message: /is empty$/ },
  ])('$name: decoded whole as before, with the same outcome', async ({ name, bytes, message }) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(file, bytes);
    const whole = outcome(() => parseJsonLines(decodeText(bytes, file), file));
    const got = await outcomeAsync(() => readCorpus([file]));
    expect(got).toEqual(whole);
    if (message) expect((got as { error: string }).error).toMatch(message);
    else expect((got as { articles: unknown[] }).articles).toHaveLength(1);
  });
});
