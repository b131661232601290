/**
 * Huge input, through the built binary: every command stays within its time and memory bounds and
 * says what it left out. Bounds are generous (the machine is shared and slow); what the cases were
 * before is in the issue ("Bad, huge and hostile input"): heap out of memory, exit 134 or 3, 4.4 GB.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from '../helpers/fixtures.js';
import { hasBuild, record, runCopydesk, tempDir } from '../helpers/hostileHarness.js';
import { longArticle, writeCopies, writeCrawl, writeOneLiners } from '../helpers/hostileInputs.js';

/** Peak memory every case here stays under (the heaviest measured: see test/.tmp/hostile-results.jsonl). */
const MEMORY_MIB = 1536;

describe.skipIf(!hasBuild)('hostile input: size (needs dist/: npm run build)', () => {
  it('scan of 1,500 copies of one article: one story of 1,500 members, found in linear time, a small report', async () => {
    const dir = tempDir('copies');
    writeCopies(join(dir, 'corpus'), 1500);
    const out = join(dir, 'reports');
    const run = await runCopydesk(['scan', join(dir, 'corpus'), '--out', out, '--format', 'json'], {
      timeoutSeconds: 90,
    });
    record('scan 1,500 copies', run);
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.stories).toHaveLength(1);
    expect(report.stories[0].members).toHaveLength(1500);
    expect(report.pairs).toHaveLength(1499);
    expect(report.candidates.identical).toBe(1499);
    expect(statSync(join(out, 'report.json')).size).toBeLessThan(8e6);
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('eval of a gold file holding 1,500 copies of one article: scored, baseline included, in bounded time', async () => {
    const dir = tempDir('eval-copies');
    const gold = join(dir, 'gold.jsonl');
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: `c${i}`, text: seed('003'), cluster: 'one' }));
    rows.push({ id: 'other', text: seed('001'), cluster: 'two' });
    writeFileSync(gold, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const run = await runCopydesk(['eval', '--gold', gold, '--format', 'json'], { timeoutSeconds: 120 });
    record('eval 1,500 copies', run);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.ari).toBe(1);
    expect(result.baseline.ari).toBe(1);
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('scan of 500 copies: exit 0, a table of a few lines, report.json of a few MB (not 162 MB)', async () => {
    const dir = tempDir('copies500');
    writeCopies(join(dir, 'corpus'), 500);
    const out = join(dir, 'reports');
    const run = await runCopydesk(['scan', join(dir, 'corpus'), '--out', out], { timeoutSeconds: 60 });
    record('scan 500 copies', run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').length).toBeLessThan(80);
    expect(run.stdout).toMatch(/^500 documents, 1 stories, 499 related pairs .*499 identical copies folded/);
    expect(run.stdout).toContain('… and 489 more related pairs: see');
    expect(statSync(join(out, 'report.json')).size).toBeLessThan(3e6);
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('scan of 10,000 one-line articles from a 15-word vocabulary: bounded, and the caps are reported', async () => {
    const dir = tempDir('lines');
    const input = writeOneLiners(join(dir, 'lines.jsonl'), 10_000);
    const run = await runCopydesk(['scan', input, '--no-write'], { timeoutSeconds: 150 });
    record('scan 10,000 one-line articles', run);
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^10,000 documents, [\d,]+ stories, [\d,]+ related pairs \([\d,]+ compared, lsh\); at most 100 candidate pairs scored per article \([\d,]+ left out\); large LSH buckets read in part \([\d,]+ bucket mates not examined\)(; at most 20 pairs listed per document \([\d,]+ more linked pairs in the stories\))?; [\d,]+ events \([\d,]+ of several stories\)$/,
    );
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('scan of one 3 MB article: done soon after its stages, self-repetition windowed and said so', async () => {
    const dir = tempDir('long');
    const file = join(dir, 'long.txt');
    writeFileSync(file, longArticle(3e6));
    const run = await runCopydesk(['scan', file, '--no-write', '--format', 'json'], { timeoutSeconds: 90 });
    record('scan one 3 MB article', run);
    expect(run.code, run.stderr).toBe(0);
    const notes = JSON.parse(run.stdout).documents[0].notes;
    expect(notes.at(-1).kind).toBe('limit');
    expect(notes.at(-1).text).toMatch(/sentences compared only with the \d+ after them/);
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('compare of a 3 MB article with a 1 MB one: a verdict, alignment skipped with a reason', async () => {
    const dir = tempDir('compare');
    writeFileSync(join(dir, 'a.txt'), longArticle(3e6));
    writeFileSync(join(dir, 'b.txt'), longArticle(1e6, 3));
    const run = await runCopydesk(['compare', join(dir, 'a.txt'), join(dir, 'b.txt')], { timeoutSeconds: 120 });
    record('compare 3 MB with 1 MB', run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sentencePairs [\d.]+ >= 4000000 \(\d+ × \d+ sentences: over the limit/);
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('diff of a 3 MB article with a 1 MB one: refused with the limit and the option that raises it', async () => {
    const dir = tempDir('diff');
    writeFileSync(join(dir, 'a.txt'), longArticle(3e6));
    writeFileSync(join(dir, 'b.txt'), longArticle(1e6, 3));
    const run = await runCopydesk(['diff', join(dir, 'a.txt'), join(dir, 'b.txt')], { timeoutSeconds: 120 });
    record('diff 3 MB with 1 MB', run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^copydesk: .*a\.txt and .*b\.txt: [\d,]+ × [\d,]+ sentences is more than the 4,000,000 sentence pairs a review aligns: too long to align .*; --max-sentence-pairs \d+ would allow it\n$/,
    );
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('gate of a 3 MB article against an index holding another 3 MB one: a verdict, not exit 3', async () => {
    const dir = tempDir('gate');
    const index = join(dir, 'index.db');
    writeFileSync(join(dir, 'archived.txt'), longArticle(3e6, 3));
    writeFileSync(join(dir, 'new.txt'), longArticle(3e6));
    const add = await runCopydesk(['index', 'add', join(dir, 'archived.txt'), '--index', index], {
      timeoutSeconds: 120,
    });
    expect(add.code, add.stderr).toBe(0);
    const run = await runCopydesk(['gate', join(dir, 'new.txt'), '--index', index], { timeoutSeconds: 120 });
    record('gate 3 MB against an index with 3 MB', run);
    expect([0, 1]).toContain(run.code);
    expect(run.stderr).toBe('');
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('scan of 4,870 documents: a summary of a few dozen lines, an HTML page of bounded size with a story index', async () => {
    const dir = tempDir('crawl');
    const input = writeCrawl(join(dir, 'crawl.jsonl'), 4870);
    const out = join(dir, 'reports');
    const run = await runCopydesk(['scan', input, '--out', out], { timeoutSeconds: 180 });
    record('scan 4,870 documents', run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').length).toBeLessThan(80);
    expect(run.stdout).toMatch(
      /… and [\d,]+ more stories \(the largest are shown\): see .*reports\/report\.md and report\.json/,
    );
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html.length).toBeLessThan(6e6);
    expect(html).toContain('<table class="story-index">');
    expect((html.match(/<details class="pair"/g) ?? []).length).toBeLessThanOrEqual(500);
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
  }, 300_000);

  it('scan of a folder of 200,000 one-word articles: read in parallel, folded, done', async () => {
    const dir = tempDir('many');
    const corpus = join(dir, 'corpus');
    const words = ['budget', 'council', 'river', 'school', 'mayor', 'vote', 'road', 'water'];
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(corpus, `d${d}`), { recursive: true });
      for (let f = 0; f < 2000; f++)
        writeFileSync(join(corpus, `d${d}`, `${f}.txt`), `${words[(d + f) % words.length]}\n`);
    }
    const run = await runCopydesk(['scan', corpus, '--no-write'], { timeoutSeconds: 240 });
    record('scan 200,000 one-word files', run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^200,000 documents, 8 stories, 199,992 related pairs .*199,992 identical copies folded/,
    );
    expect(run.peakMiB).toBeLessThan(MEMORY_MIB);
    expect(existsSync(corpus)).toBe(true);
  }, 300_000);
});
