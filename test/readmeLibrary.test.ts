/**
 * The README's Library section compiles: each of its TypeScript blocks, as a user writes it
 * (imports from `copydesk` and `copydesk/sqlite`, the package's entry points), typechecked against
 * the sources with the project's compiler options. The texts and corpus the blocks leave to the
 * reader (`a`, `b`, `articles`) are declared. A block that calls a function the library does not
 * export, or passes an option a function does not take, fails here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The ```ts blocks between `## Library` and the next `## ` heading. */
function libraryBlocks(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf('\n## Library\n');
  const to = readme.indexOf('\n## ', from + 1);
  const section = readme.slice(from, to);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

/** A block as a module importing the sources: the package's entry points are its exports. */
function asModule(block: string): string {
  const entry = (path: string) => JSON.stringify(join(ROOT, path));
  const source = block
    .replaceAll("from 'copydesk/sqlite'", `from ${entry('src/store/sqlite.js')}`)
    .replaceAll("from 'copydesk'", `from ${entry('src/index.js')}`);
  return [
    `import type { Article as ReaderArticle } from ${entry('src/types/index.js')};`,
    'declare const a: string;',
    'declare const b: string;',
    'declare const articles: ReaderArticle[];',
    source,
  ].join('\n');
}

describe("the README's Library section", () => {
  const blocks = libraryBlocks();

  it('has its blocks, each importing the package by name only', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const block of blocks) {
      const specifiers = [...block.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const s of specifiers) expect(['copydesk', 'copydesk/sqlite']).toContain(s);
    }
  });

  it('typechecks against the sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-readme-'));
    try {
      const files = blocks.map((block, n) => {
        const file = join(dir, `block${n}.mts`);
        writeFileSync(file, asModule(block));
        return file;
      });
      const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
      const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
      const program = ts.createProgram(files, {
        ...options,
        noEmit: true,
        rootDir: '/',
        typeRoots: [join(ROOT, 'node_modules/@types')],
      });
      const messages = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file === undefined || files.includes(d.file.fileName))
        .map((d) => {
          const where = d.file
            ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
            : '';
          return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
        });
      expect(messages).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
