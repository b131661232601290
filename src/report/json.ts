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
