/**
 * Any result as JSON (two-space indent, a final newline). Results are built in a fixed key order
 * by the pipeline, so the same input gives byte-identical output. Schema of report.json: see the
 * README.
 */
export function renderJson(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
