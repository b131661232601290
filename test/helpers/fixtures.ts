/** Real texts for tests: the seed corpus, and the evaluation sets when ../shared is present. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CORPUS = join(ROOT, 'corpus');
export const EVAL_DIR = join(ROOT, '..', 'shared', 'eval');
export const WMT22 = join(EVAL_DIR, 'wmt22-zhen.jsonl');
export const hasWmt22 = existsSync(WMT22);

/** The seed articles by their three-digit prefix ('000' … '004'). */
export function seed(prefix: string): string {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix} in ${CORPUS}`);
  return readFileSync(join(CORPUS, file), 'utf8');
}

export interface EvalRow {
  id: string;
  cluster: string;
  lang: string;
  source: string;
  kind: string;
  domain: string;
  text: string;
}

export function readEvalRows(path: string): EvalRow[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as EvalRow);
}
