/**
 * Ctrl-C while `scan` writes its reports: report.json, report.md and index.html are replaced as a set
 * (io/writeFile.ts), so whenever the signal lands they all come from one run: the old set or the new
 * one, never a mix. Before, report.json and report.md were written, then the pair diffs computed,
 * then index.html: a Ctrl-C in between left a new report.json beside the old index.html.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VARIANT_KINDS } from '../../src/eval/generate.js';
import { CORPUS } from '../helpers/fixtures.js';
import { hasBuild, record, runCopydesk, tempDir } from '../helpers/hostileHarness.js';
import { readSeeds, variantsOf } from '../store/fixtures.js';

/** The number of documents each report of the set says it covers. */
function setOf(out: string): { json: number; md: number; html: number } {
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).documents.length as number;
  const md = Number(/^([\d,]+) documents/m.exec(readFileSync(join(out, 'report.md'), 'utf8'))?.[1]?.replace(/,/g, ''));
  const html = Number(
    /<p>([\d,]+) articles?,/.exec(readFileSync(join(out, 'index.html'), 'utf8'))?.[1]?.replace(/,/g, ''),
  );
  return { json, md, html };
}

describe.skipIf(!hasBuild)('Ctrl-C during the report writes (needs dist/)', () => {
  // Twelve scans one after the other (six moments, a clean scan and an interrupted one each): on a
  // loaded machine (two suites at once) they passed 60 s; the
  // bound only guards against a hang.
  it('leaves the old set or the new set, never a mix', async () => {
    const dir = tempDir('sigint');
    const out = join(dir, 'reports');
    const seeds = readSeeds();
    const corpus = [...seeds, ...variantsOf(seeds, VARIANT_KINDS, 2)];
    const input = join(dir, 'variants.jsonl');
    writeFileSync(input, `${corpus.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n')}\n`);
    const outcomes: string[] = [];
    // After the last scan stage (while the pair diffs are drawn: where the old code had written two
    // of the three files), and right after rendering (while the set is staged and renamed).
    const moments: Array<[RegExp, number]> = [
      ...[300, 1500].map((ms): [RegExp, number] => [/^explain: \d+ ms$/m, ms]),
      ...[0, 2, 5, 15].map((ms): [RegExp, number] => [/^render: \d+ ms$/m, ms]),
    ];
    for (const [when, delayMs] of moments) {
      const first = await runCopydesk(['scan', CORPUS, '--out', out, '--format', 'json']);
      expect(first.code, first.stderr).toBe(0);
      expect(setOf(out)).toEqual({ json: 5, md: 5, html: 5 });
      const run = await runCopydesk(['scan', input, '--out', out, '--timings', '--format', 'json'], {
        interrupt: { when, signal: 'SIGINT', delayMs },
        timeoutSeconds: 120,
      });
      record(`Ctrl-C ${delayMs} ms after ${when.source.slice(1, 8)}`, run);
      expect(run.code === 3, run.stderr).toBe(false);
      const set = setOf(out);
      outcomes.push(`${when.source.slice(1, 8)}+${delayMs} ms: exit ${run.code ?? run.signal}, ${set.json} documents`);
      expect(set.md, outcomes.join('; ')).toBe(set.json);
      expect(set.html, outcomes.join('; ')).toBe(set.json);
      expect([5, corpus.length]).toContain(set.json);
      if (run.code === 130) expect(run.stderr).toMatch(/copydesk: interrupted \(SIGINT\)/);
    }
    // The signal landed inside the write at least once, and was handled there.
    expect(
      outcomes.some((o) => /exit 130/.test(o)),
      outcomes.join('; '),
    ).toBe(true);
  }, 300_000);
});
