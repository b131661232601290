/**
 * Any result as JSON (two-space indent, a final newline). Results are built in a fixed key order
 * by the pipeline, so the same input gives byte-identical output. Schema of report.json: see the
 * README. C1 and bidirectional control characters inside strings are written as `\uXXXX` escapes
 * (report/escape.ts), so that printing the JSON to a terminal runs nothing; the parsed value is the same.
 */
import { escapeJsonText } from './escape.js';

export function renderJson(result: unknown): string {
  return `${escapeJsonText(JSON.stringify(result, null, 2))}\n`;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** `JSON.stringify(value, null, 2)` placed `depth` levels in: each line after the first indented. */
function nested(value: unknown, depth: number): string {
  const text = omitted(value) ? 'null' : (JSON.stringify(value, null, 2) as string);
  return escapeJsonText(depth === 0 ? text : text.replaceAll('\n', `\n${'  '.repeat(depth)}`));
}

/**
 * The same text as `renderJson`, in pieces: an object's arrays one element at a time. A
 * 100,000-article scan's report is 274 MB of JSON, which `renderJson` builds as one string (and
 * again escaped): the peak of that scan's memory (`scan --format json`). Byte for byte the same
 * (a property test holds the two together); a value with `toJSON` at the top is left to
 * `renderJson`. Strings in JSON never hold a raw line break, so indenting each line of a nested
 * value is what JSON.stringify does at that depth.
 */
export function* renderJsonChunks(result: unknown): Generator<string> {
  if (
    result === null ||
    typeof result !== 'object' ||
    Array.isArray(result) ||
    typeof (result as { toJSON?: unknown }).toJSON === 'function'
  ) {
    yield renderJson(result);
    return;
  }
  const entries = Object.entries(result).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const head = `  ${escapeJsonText(JSON.stringify(key))}: `;
    const tail = i < entries.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `${head}[\n`;
      for (let j = 0; j < value.length; j++) yield `    ${nested(value[j], 2)}${j < value.length - 1 ? ',' : ''}\n`;
      yield `  ]${tail}`;
    } else yield `${head}${nested(value, 1)}${tail}`;
  }
  yield '}\n';
}
