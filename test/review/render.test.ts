import { describe, expect, it } from 'vitest';
import { reviewArticles } from '../../src/core/review/review.js';
import { reviewScanPairs } from '../../src/pipeline/reviewPairs.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import { escapeHtml, renderReviewPage, renderScanHtml } from '../../src/report/html.js';
import { renderReviewText } from '../../src/report/reviewText.js';
import { seed } from '../helpers/fixtures.js';
import { HOSTILE, seed000Halves, seed004Republished } from './fixtures.js';

/** The escape character that starts an ANSI colour code. */
const ESC = String.fromCharCode(27);

const { intro, report } = seed000Halves();
const review = reviewArticles(intro, report);

describe('terminal view (golden, no colour)', () => {
  it('inline', async () => {
    await expect(renderReviewText(review, { width: 100 })).toMatchFileSnapshot('golden/seed000-inline.txt');
  });
  it('side by side', async () => {
    await expect(renderReviewText(review, { width: 120, layout: 'side-by-side' })).toMatchFileSnapshot(
      'golden/seed000-side-by-side.txt',
    );
  });
  it('changes only, with spelling ignored', async () => {
    const r = reviewArticles(intro, report, { ignoreSpelling: true });
    await expect(renderReviewText(r, { width: 100, changesOnly: true })).toMatchFileSnapshot(
      'golden/seed000-changes-ignore-spelling.txt',
    );
  });

  it('colours only when asked, and keeps the marks either way', () => {
    const plain = renderReviewText(review);
    const coloured = renderReviewText(review, { color: true });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}[31;9m[-favourable-]${ESC}[0m`);
    expect(coloured.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '')).toBe(plain);
  });

  it('wraps every line within the width', () => {
    for (const width of [40, 72, 120]) {
      for (const layout of ['inline', 'side-by-side'] as const) {
        const long = renderReviewText(review, { width, layout })
          .split('\n')
          // The header and summary lines are not wrapped; the rows are.
          .filter((l) => !/^(?:A |B |A: |B: |marks:|sentences:|changes:|shared passages:|set aside in )/.test(l))
          .filter((l) => [...l].length > width);
        expect(long, `${layout} at ${width}`).toEqual([]);
      }
    }
  });
});

describe('HTML views', () => {
  it('one pair, as a page (golden)', async () => {
    await expect(renderReviewPage(review)).toMatchFileSnapshot('golden/seed000-review.html');
  });

  it('the scan report with stories, matrix and pair diffs (golden)', async () => {
    const articles = [{ id: '002', text: seed('002') }, { id: '004', text: seed('004') }, seed004Republished()];
    const result = scanCorpus(articles);
    const html = renderScanHtml(result, { reviews: reviewScanPairs(result, articles) });
    expect(html).toContain('<h2 id="stories">');
    await expect(html).toMatchFileSnapshot('golden/scan-index.html');
  });

  it('shows markup and script in an article as text, and has no script of its own', () => {
    const other = { id: 'plain', text: 'Breaking: a meeting. A second paragraph about the meeting in Havana.' };
    const html = renderReviewPage(reviewArticles(HOSTILE, other));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;document.title=&#39;owned&#39;&quot;&gt;');
    expect(html).toContain('&lt;script&gt;document.title = &quot;owned&quot;&lt;/script&gt;');
    expect(html).toContain('hostile&lt;b&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/https?:\/\//);
  });

  it.each([
    ['<', '&lt;'],
    ['a & b', 'a &amp; b'],
    [`"'`, '&quot;&#39;'],
  ])('escapeHtml(%j) → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});
