// Golden reports for the seed corpus. After an intended change: `npx vitest run -u test/report`.
import { describe, expect, it } from 'vitest';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTable } from '../../src/report/table.js';
import { CORPUS } from '../helpers/fixtures.js';

describe('golden reports for corpus/', async () => {
  const articles = await readCorpus([CORPUS]);
  // Origins hold absolute paths; the golden files must not depend on where the repo is checked out.
  // The equivalents table as the CLI loads it, so that the events are the ones `copydesk scan` writes.
  const equivalents = parseEquivalents(await readEquivalentsText());
  const result = scanCorpus(
    articles.map(({ origin: _origin, ...a }) => a),
    { anchors: { equivalents } },
  );

  it('report.json', async () => {
    await expect(renderJson(result)).toMatchFileSnapshot('../golden/seeds/report.json');
    expect([...renderJsonChunks(result)].join('')).toBe(renderJson(result));
  });
  it('report.md', async () => {
    await expect(renderMarkdown(result)).toMatchFileSnapshot('../golden/seeds/report.md');
  });
  it('terminal table without colour', async () => {
    await expect(renderTable(result, { color: false })).toMatchFileSnapshot('../golden/seeds/table.txt');
  });
});
