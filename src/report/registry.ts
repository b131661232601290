/**
 * Renderers chosen by name: for each kind of result, the formats it can be printed in. A command
 * asks `getRenderer(subject, name)` and never picks with if/else; an unknown name is refused with
 * the list of known ones. Each renderer module is imported only when asked for, so `gate` never
 * loads the HTML or table code.
 */
import {
  type EvaluationResult,
  type GateResult,
  type IndexStats,
  InputError,
  type PairResult,
  type Review,
  type ScanResult,
} from '../types/index.js';

/** What a renderer may be told; each uses the fields that concern it. */
export interface RenderOptions {
  /** ANSI colour (terminal renderers). */
  color?: boolean;
  /** Columns to wrap at (review text). */
  width?: number;
  /** Review text: sentences one under the other, or side by side. */
  layout?: 'inline' | 'side-by-side';
  /** Review text: leave out unchanged sentences. */
  changesOnly?: boolean;
  /** Gate text: only redundant articles. */
  quiet?: boolean;
  /** Evaluation text: the gold file's name. */
  gold?: string;
}

export type Renderer<T> = (value: T, options: RenderOptions) => string;

/** The kinds of result, by name. */
export interface RenderSubjects {
  scan: ScanResult;
  pair: PairResult;
  review: Review;
  gate: GateResult;
  evaluation: EvaluationResult;
  stats: IndexStats;
}

type Loader<T> = () => Promise<Renderer<T>>;

const json: Loader<unknown> = async () => (await import('./json.js')).renderJson;

const REGISTRY: { [K in keyof RenderSubjects]: Record<string, Loader<RenderSubjects[K]>> } = {
  scan: {
    table: async () => (await import('./table.js')).renderTable,
    json,
    md: async () => (await import('./markdown.js')).renderMarkdown,
  },
  pair: {
    table: async () => (await import('./table.js')).renderPairTable,
    json,
  },
  review: {
    text: async () => (await import('./reviewText.js')).renderReviewText,
    json,
  },
  gate: {
    text: async () => (await import('./gateText.js')).renderGateText,
    json,
  },
  evaluation: {
    table: async () => (await import('./evaluation.js')).renderEvaluation,
    json,
  },
  stats: {
    text: async () => (await import('./indexStats.js')).renderIndexStats,
    json,
  },
};

/** The format names a kind of result can be rendered in, in their listed order (the first is the default). */
export function rendererNames(subject: keyof RenderSubjects): string[] {
  return Object.keys(REGISTRY[subject]);
}

/** The renderer of that name, or an InputError listing the names there are. */
export async function getRenderer<K extends keyof RenderSubjects>(
  subject: K,
  name: string,
): Promise<Renderer<RenderSubjects[K]>> {
  const table = REGISTRY[subject] as Record<string, Loader<RenderSubjects[K]>>;
  const load = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!load) throw new InputError(`--format must be one of ${rendererNames(subject).join(', ')}, got "${name}"`);
  return load();
}

/** A renderer whose text comes in pieces, in order (written as they come: `writePieces`, io/writeFile.ts). */
export type PieceRenderer<T> = (value: T, options: RenderOptions) => Iterable<string>;

/** Formats that render in pieces of their own: a large corpus's JSON report is never one string. */
const PIECES: Record<string, () => Promise<PieceRenderer<unknown>>> = {
  json: async () => (await import('./json.js')).renderJsonChunks,
};

/** `getRenderer`, its text in pieces: the format's own pieces when it has them, else its one string. */
export async function getPieceRenderer<K extends keyof RenderSubjects>(
  subject: K,
  name: string,
): Promise<PieceRenderer<RenderSubjects[K]>> {
  const render = await getRenderer(subject, name);
  const pieces = Object.hasOwn(PIECES, name) ? PIECES[name] : undefined;
  if (pieces) return await pieces();
  return (value, options) => [render(value, options)];
}
