/**
 * JSON report. The object is built in a fixed key order by the pipeline, so the same input gives
 * byte-identical output. Schema: see README "report.json".
 */
import type { PairResult, ScanResult } from '../types/index.js';

export function renderJson(result: ScanResult | PairResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
