// Events in every report: the terminal summary, report.md and index.html group stories under the
// events they report, and say how each member reached print. Run on the seeds (000 and 001 are
// one event: Ludmila Álamo's April 2024 visit, a republished readout and an outlet's own report).
import { describe, expect, it } from 'vitest';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import { renderScanHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';
import type { ScanResult } from '../../src/types/index.js';
import { CORPUS } from '../helpers/fixtures.js';

const A = '000_b20c2e0df0aa8a72';
const B = '001_bb560fb1aa56975a';

/** The same result with every id renamed (hostile ids through every renderer). */
function renamed(result: ScanResult, rename: (id: string) => string): ScanResult {
  return JSON.parse(JSON.stringify(result), (_key, value) =>
    typeof value === 'string' && /^\d{3}_[0-9a-f]{16}$/.test(value) ? rename(value) : value,
  );
}

describe('events in the reports', async () => {
  const articles = await readCorpus([CORPUS]);
  const equivalents = parseEquivalents(await readEquivalentsText());
  const result = scanCorpus(articles, { anchors: { equivalents } });
  const joined = result.events?.find((e) => e.stories.length > 1);

  it('the seeds hold one event of two stories: 000 the original, 001 an independent report', () => {
    expect(joined?.members.map((m) => [m.id, m.role])).toEqual([
      [A, 'original'],
      [B, 'independent-report'],
    ]);
  });

  it.each([
    ['terminal', () => renderTable(result)],
    ['report.md', () => renderMarkdown(result)],
    ['index.html', () => renderScanHtml(result)],
  ])('%s: the event, its members with their roles, its dates and the event count', (_name, render) => {
    const out = render();
    expect(out).toContain('4 events (1 of several stories)');
    expect(out).toMatch(new RegExp(`${A}.{0,400}original`, 's'));
    expect(out).toMatch(new RegExp(`${B}.{0,400}independent report`, 's'));
    expect(out).toMatch(/2024-04-23/);
  });

  it('report.md says why the stories are one event', () => {
    const md = renderMarkdown(result);
    expect(md).toContain('## Events');
    expect(md).toMatch(/### e\d+: why its stories are one event\n\n- s\d+ and s\d+: same actors .*dates/);
  });

  it('without events (scan --no-events) no report mentions them', () => {
    const plain = scanCorpus(articles, { anchors: { equivalents }, events: false });
    for (const out of [renderTable(plain), renderMarkdown(plain), renderScanHtml(plain)])
      expect(out).not.toMatch(/event/i);
  });

  it('hostile ids in an event are escaped in every report', () => {
    const evil = renamed(result, (id) => (id === B ? '<img src=x onerror=alert(1)>|\u001b[2J' : id));
    expect(renderTable(evil)).toContain('<img src=x onerror=alert(1)>|␛[2J (independent report');
    expect(renderMarkdown(evil)).toContain('&lt;img src=x onerror=alert(1)&gt;\\|');
    expect(renderScanHtml(evil)).not.toContain('<img');
  });
});
