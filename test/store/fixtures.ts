/** Articles for the index tests: the five seeds, and variants made from them by the generator. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVariants, type VariantKind } from '../../src/eval/generate.js';
import type { Article } from '../../src/types/index.js';
import { CORPUS } from '../helpers/fixtures.js';

export function readSeeds(): Article[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(CORPUS, f), 'utf8') }));
}

export function variantsOf(sources: readonly Article[], kinds: readonly VariantKind[], seed = 1): Article[] {
  return generateVariants(sources, { seed, kinds, perSource: kinds.length }).map((v) => ({ id: v.id, text: v.text }));
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `copydesk-${prefix}-`));
}
