import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startStageProgress } from '../../src/cli/progress.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { scanCorpus } from '../../src/pipeline/scan.js';
import { CORPUS } from '../helpers/fixtures.js';

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTerminal(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(stream, {
    isTTY,
    columns: 120,
    rows: 40,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  stream.text = () => chunks.join('');
  return stream;
}

describe('scan progress', () => {
  it('the scan reports each long stage with its count', async () => {
    const seen = new Map<string, number>();
    const articles = await readCorpus([CORPUS], { onProgress: (_done, total) => seen.set('read', total) });
    scanCorpus(articles, { onProgress: (stage, _done, total) => seen.set(stage, total) });
    expect(Object.fromEntries(seen)).toEqual({
      read: 5,
      prepare: 5,
      fingerprint: 5,
      candidates: 5,
      score: 9,
      cluster: 0,
    });
  });

  it('draws one bar per stage on a terminal', () => {
    const stream = fakeTerminal(true);
    const bars = startStageProgress({ stream });
    for (let i = 1; i <= 3; i++) bars.update('prepare', i, 3);
    for (let i = 1; i <= 9; i++) bars.update('score', i, 9);
    bars.stop();
    expect(stream.text()).toMatch(/prepare\s+\[.*\] 100% 3\/3 articles/);
    expect(stream.text()).toMatch(/score\s+\[.*\] \d+% \d\/9 pairs/);
  });

  it.each([
    ['stderr is not a terminal', false, false],
    ['--quiet', true, true],
  ])('draws nothing when %s', (_name, isTTY, quiet) => {
    const stream = fakeTerminal(isTTY);
    const bars = startStageProgress({ stream, quiet });
    bars.update('score', 1, 2);
    bars.stop();
    expect(stream.text()).toBe('');
  });
});
