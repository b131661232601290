/**
 * The HTML reports in a real browser: Debian's chromium driven by playwright-core. Writes
 * screenshots to test/.tmp/screenshots/ (git-ignored) for a person to look at.
 *
 * Needs chromium (`apt-get install chromium`; `.ci/run` installs it). Set CHROMIUM_PATH for
 * another binary. Skipped, with a note, where it is absent, except under CI, where a missing
 * browser is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, seed } from '../helpers/fixtures.js';
import { runCli } from '../helpers/runCli.js';
import { HOSTILE, seed000Halves, seed004Republished } from './fixtures.js';

const CHROMIUM =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '';
const hasChromium = CHROMIUM !== '' && existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'test', '.tmp', 'screenshots');

/** The page's globals used below (the project compiles without the DOM library). */
interface PageGlobals {
  getComputedStyle(el: unknown): { textDecorationLine: string };
  document: { documentElement: { scrollWidth: number } };
}
const decoration = (el: unknown): string =>
  (globalThis as unknown as PageGlobals).getComputedStyle(el).textDecorationLine;

if (!hasChromium && process.env.CI) {
  describe('browser test', () => {
    it('needs chromium under CI (.ci/run installs it with apt-get)', () => {
      expect.fail(`chromium not found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser)`);
    });
  });
}

describe.skipIf(!hasChromium)(
  'HTML reports in chromium (skipped: no chromium; apt-get install chromium, or set CHROMIUM_PATH)',
  () => {
    let browser: Browser;
    let dir = '';
    let index = '';
    let hostilePage = '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'copydesk-browser-'));
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      const halves = seed000Halves();
      const files: Record<string, string> = {
        'seed000-intro.txt': halves.intro.text,
        'seed000-report.txt': halves.report.text,
        '002.txt': seed('002'),
        '004.txt': seed('004'),
        'seed004-republished.txt': seed004Republished().text,
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(corpus, name), text);
      const out = join(dir, 'reports');
      const scan = await runCli(['scan', corpus, '--out', out, '--format', 'json']);
      expect(scan.code, scan.stderr).toBe(0);
      index = join(out, 'index.html');
      const hostileA = join(dir, 'hostile-a.txt');
      const hostileB = join(dir, 'hostile-b.txt');
      writeFileSync(hostileA, HOSTILE.text);
      writeFileSync(hostileB, `${HOSTILE.text}\n\nA third paragraph.`);
      hostilePage = join(dir, 'hostile.html');
      const diff = await runCli(['diff', hostileA, hostileB, '--html', hostilePage]);
      expect(diff.code, diff.stderr).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    });

    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows the stories and the marks of one diff, at 1280 px and in print', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(index).href);
      expect(await page.title()).toBe('copydesk report');

      const stories = page.locator('ol.stories > li.story');
      const members = await stories.evaluateAll((els) =>
        els.map((el) => [...el.querySelectorAll('ul.members > li > b')].map((b) => b.textContent)),
      );
      expect(members).toEqual(expect.arrayContaining([['004', 'seed004-republished']]));

      // The seed 000 pair: its intro restates the report with "favourable" where the report says "favorable".
      const pair = page.locator('details.pair', { hasText: 'seed000-intro ↔ seed000-report' });
      await pair.locator(':scope > summary').click();
      const row = pair.locator('tr', { hasText: 'favourable' });
      await expect.poll(() => row.locator('del').allTextContents()).toEqual(['favourable']);
      expect(await row.locator('ins').allTextContents()).toEqual(['favorable']);
      expect(await row.locator('.kind').allTextContents()).toEqual(['spelling', 'spelling']);
      // Marks are not colour alone: struck through and underlined.
      expect(await row.locator('del').evaluate(decoration)).toContain('line-through');
      expect(await row.locator('ins').evaluate(decoration)).toContain('underline');
      // Reads at 1280 px: nothing wider than the window.
      expect(
        await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(1280);
      expect(requests).toEqual([]);

      await page.screenshot({ path: join(SHOTS, 'scan-index.png'), fullPage: true });
      // Folded pairs are hidden on screen and printed on paper: fold the seed 000 pair again.
      await pair.locator(':scope > summary').click();
      const folded = pair.locator('table.review');
      expect(await folded.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await folded.isVisible()).toBe(true);
      await page.screenshot({ path: join(SHOTS, 'scan-index-print.png'), fullPage: true });
      await page.close();
    });

    it('runs nothing from an article that holds markup and script', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(hostilePage).href);
      expect(await page.title()).toContain('hostile-a');
      expect(await page.locator('script, img').count()).toBe(0);
      expect(await page.locator('td.side.a').first().textContent()).toContain(
        '<script>document.title = "owned"</script>',
      );
      expect(dialogs).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'diff-hostile.png') });
      await page.close();
    });
  },
);
