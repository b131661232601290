/**
 * Mistakes and bad files, through the built binary: each is exit 2 with one line naming the file and
 * what to do (never exit 3, never a stack trace), and nothing already written is lost.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, seed } from '../helpers/fixtures.js';
import {
  CAN_TEST_PERMISSIONS,
  hasBuild,
  OTHER_USER,
  record,
  runCopydesk,
  stderrLines,
  tempDir,
} from '../helpers/hostileHarness.js';

const MEMORY_MIB = 512;
const OLD_REPORTS: Record<string, string> = {
  'report.json': '{"old": true}\n',
  'report.md': '# old\n',
  'index.html': '<p>old</p>\n',
};

function oldReports(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(OLD_REPORTS)) writeFileSync(join(dir, name), content);
}

function expectOldReports(dir: string): void {
  for (const [name, content] of Object.entries(OLD_REPORTS))
    expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
}

/** One line on stderr, the copydesk prefix, exit 2, and within bounds. */
function expectOneLine(run: Awaited<ReturnType<typeof runCopydesk>>, message: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(stderrLines(run)).toHaveLength(1);
  expect(run.stderr).toMatch(/^copydesk: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
}

describe.skipIf(!hasBuild)('hostile input: mistakes and bad files (needs dist/)', () => {
  it('copydesk --version prints the package version', async () => {
    const run = await runCopydesk(['--version']);
    record('--version', run);
    const pkg = JSON.parse(readFileSync(join(CORPUS, '..', 'package.json'), 'utf8')) as { version: string };
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });

  it('an unknown option: one line with the copydesk prefix', async () => {
    const run = await runCopydesk(['scan', '--bogus']);
    record('unknown option', run);
    expectOneLine(run, /^copydesk: unknown option '--bogus'\n$/);
  });

  it('--out on a file: exit 2 with the reason, the file untouched', async () => {
    const dir = tempDir('out-file');
    writeFileSync(join(dir, 'reports'), 'not a folder\n');
    const run = await runCopydesk(['scan', CORPUS, '--out', join(dir, 'reports')]);
    record('scan --out on a file', run);
    expectOneLine(
      run,
      /reports: cannot write: a part of the path is a file, not a folder \((EEXIST|ENOTDIR)\); existing files were left as they were\n$/,
    );
    expect(readFileSync(join(dir, 'reports'), 'utf8')).toBe('not a folder\n');
  });

  // As root, the test runs copydesk as another user, who must be able to reach the project: a clone
  // inside a private folder (mktemp -d) cannot be, and the test is skipped there with this reason.
  it.skipIf(!CAN_TEST_PERMISSIONS)(
    `--out in a read-only place: exit 2 with the reason, the old reports untouched${CAN_TEST_PERMISSIONS ? '' : ' (skipped: run as root and the project is not reachable by another user)'}`,
    async () => {
      const dir = tempDir('read-only');
      const out = join(dir, 'reports');
      oldReports(out);
      chmodSync(out, 0o555);
      chmodSync(dir, 0o755);
      const run = await runCopydesk(['scan', CORPUS, '--out', out], { uid: OTHER_USER, cwd: dir });
      record('scan --out in a read-only place', run);
      expectOneLine(
        run,
        /reports: cannot write: permission denied \(EACCES\); existing files were left as they were\n$/,
      );
      expectOldReports(out);
    },
  );

  it('a full disk (a file-size limit) while the reports are written: exit 2 with the reason, the old reports whole', async () => {
    const dir = tempDir('full');
    const out = join(dir, 'reports');
    oldReports(out);
    const run = await runCopydesk(['scan', CORPUS, '--out', out], { fileSizeBlocks: 20 });
    record('scan with the disk full', run);
    expectOneLine(
      run,
      /reports: cannot write: file too large for this file system \(EFBIG\); existing files were left as they were\n$/,
    );
    expectOldReports(out);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'report.json', 'report.md']);
  });

  it('diff --html under a file: exit 2 naming it', async () => {
    const dir = tempDir('html-under-file');
    writeFileSync(join(dir, 'file'), 'x');
    const a = join(CORPUS, '000_b20c2e0df0aa8a72.txt');
    const run = await runCopydesk(['diff', a, a, '--html', join(dir, 'file', 'pair.html')]);
    record('diff --html under a file', run);
    expectOneLine(run, /file: cannot write: a part of the path is a file, not a folder/);
  });

  it('a UTF-16 file with a byte-order mark is read (not "a binary file")', async () => {
    const dir = tempDir('utf16');
    const text = seed('002');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    writeFileSync(join(dir, 'utf16.txt'), bytes);
    writeFileSync(join(dir, 'utf8.txt'), text);
    const run = await runCopydesk(['compare', join(dir, 'utf16.txt'), join(dir, 'utf8.txt'), '--format', 'json']);
    record('compare UTF-16 with UTF-8', run);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).relation).toBe('duplicate');
  });

  it('a folder whose articles are symbolic links: followed', async () => {
    const dir = tempDir('links');
    mkdirSync(join(dir, 'corpus'));
    for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.txt')))
      symlinkSync(join(CORPUS, f), join(dir, 'corpus', f));
    symlinkSync(join(dir, 'corpus'), join(dir, 'corpus', 'loop'));
    const run = await runCopydesk(['scan', join(dir, 'corpus'), '--no-write']);
    record('scan a folder of symbolic links', run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^5 documents, 5 stories/);
    expect(run.stderr).toMatch(/^copydesk: note: .*loop: skipped, a symbolic link back to a folder already read/);
  });

  const badFiles: Array<{ name: string; file: string; content: string | Uint8Array; message: RegExp }> = [
    { name: 'an empty file', file: 'empty.txt', content: '', message: /empty\.txt: is empty\n$/ },
    {
      name: 'a white-space-only file',
      file: 'blank.txt',
      content: ' \n\t \n',
      message: /blank\.txt: is empty \(only white space\)\n$/,
    },
    {
      name: 'a Latin-1 file',
      file: 'latin1.txt',
      content: Uint8Array.from('Díaz-Canel habló en La Habana.', (c) => c.charCodeAt(0)),
      message:
        /latin1\.txt: is not valid UTF-8 \(first bad byte at offset 1: 0xED\); if it is Latin-1 or Windows-1252, convert it first: iconv -f WINDOWS-1252 -t UTF-8\n$/,
    },
    {
      name: 'UTF-16 without a byte-order mark',
      file: 'utf16.txt',
      content: Buffer.from('Díaz-Canel spoke in Havana on Monday.', 'utf16le'),
      message:
        /utf16\.txt: looks like UTF-16 \(little-endian\) without a byte-order mark; convert it first: iconv -f UTF-16LE -t UTF-8\n$/,
    },
    {
      name: 'a binary file',
      file: 'photo.txt',
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2]),
      message: /photo\.txt: is a binary file/,
    },
    {
      name: 'a JSONL title that is not a string',
      file: 'fields.jsonl',
      content: '{"id":"a","text":"Some text here.","title":{"en":"T"}}\n',
      message: /fields\.jsonl line 1: field "title" must be a string, got object\n$/,
    },
    {
      name: 'a JSONL text that is a number',
      file: 'number.jsonl',
      content: '{"id":"a","text":42}\n',
      message: /number\.jsonl: line 1: field "text" must be a string, got number\n$/,
    },
    {
      name: 'a JSONL id that is an array',
      file: 'arrayid.jsonl',
      content: '{"id":["a"],"text":"x"}\n',
      message: /arrayid\.jsonl: line 1: field "id" must be a string, got an array\n$/,
    },
  ];
  const commands: Array<[string, (file: string, dir: string) => string[]]> = [
    ['scan', (f) => ['scan', f, '--no-write']],
    ['compare', (f) => ['compare', f, join(CORPUS, '000_b20c2e0df0aa8a72.txt')]],
    ['diff', (f) => ['diff', join(CORPUS, '000_b20c2e0df0aa8a72.txt'), f]],
    ['gate', (f, d) => ['gate', f, '--index', join(d, 'index.db')]],
    ['index add', (f, d) => ['index', 'add', f, '--index', join(d, 'index.db')]],
    ['eval', (f) => ['eval', '--gold', f]],
  ];
  for (const bad of badFiles)
    it.each(commands)(`${bad.name} → %s: exit 2, one line`, async (name, args) => {
      const dir = tempDir('bad');
      writeFileSync(join(dir, bad.file), bad.content);
      const run = await runCopydesk(args(join(dir, bad.file), dir));
      record(`${bad.name} (${name})`, run);
      expectOneLine(run, bad.message);
    });

  it('one-word articles: scanned, never linked to each other unless identical', async () => {
    const dir = tempDir('one-word');
    const file = join(dir, 'words.jsonl');
    writeFileSync(
      file,
      ['Cuba.', 'China.', 'Cuba.', 'Havana.'].map((text, i) => JSON.stringify({ id: `w${i}`, text })).join('\n'),
    );
    const run = await runCopydesk(['scan', file, '--no-write', '--format', 'json']);
    record('scan one-word articles', run);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.stories.map((s: { members: string[] }) => s.members)).toEqual([['w0', 'w2'], ['w1'], ['w3']]);
  });
});
