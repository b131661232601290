/**
 * The floors of src/ and who may import whom (../shared/DESIGN.md, README "How it works"). Biome's
 * per-folder rules catch a wrong import while editing; this test reads every source file, static
 * and dynamic imports alike, and fails when an arrow runs back up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Each floor and the floors it may import (besides itself). `root` is src/index.ts, the library API. */
const ALLOWED: Record<string, readonly string[]> = {
  types: [],
  core: ['types'],
  eval: ['core', 'types'],
  io: ['types'],
  report: ['types'],
  store: ['types'],
  pipeline: ['core', 'eval', 'io', 'store', 'types'],
  cli: ['core', 'eval', 'io', 'pipeline', 'report', 'store', 'types'],
  root: ['core', 'eval', 'io', 'pipeline', 'report', 'store', 'types'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function floorOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? (rel.split('/')[0] as string) : 'root';
}

/** Relative import specifiers of a module's text: `from '…'`, `import '…'` and `import('…')`. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1] as string);
  return out;
}

/** Every import that runs against the table: "file → target". */
function violations(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const from = floorOf(file);
    for (const spec of importsOf(text)) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const to = floorOf(target);
      if (to !== from && !(ALLOWED[from] ?? []).includes(to))
        out.push(
          `${relative(SRC, file)} → ${relative(SRC, target)} (${from} may import ${ALLOWED[from]?.join(', ') || 'nothing'})`,
        );
    }
  }
  return out;
}

describe('architecture', () => {
  const files = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('puts every source file on a known floor', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => floorOf(f.file)).filter((floor) => !(floor in ALLOWED))).toEqual([]);
  });

  it('has no import that runs back up a floor (static or dynamic)', () => {
    expect(violations(files)).toEqual([]);
  });

  it.each([
    ['core importing a renderer', 'core/round.ts', "import { renderJson } from '../report/json.js';"],
    ['store importing core', 'store/open.ts', "const m = await import('../core/round.js');"],
    ['report importing the pipeline', 'report/json.ts', "export { scanCorpus } from '../pipeline/scan.js';"],
    ['types importing core', 'types/errors.ts', "import type { X } from '../core/round.js';"],
  ])('catches %s', (_name, file, line) => {
    expect(violations([{ file: join(SRC, file), text: line }])).toHaveLength(1);
  });
});
