/**
 * `copydesk scan` lets go of the texts it scanned and reads the corpus again for the reports'
 * reviews (`sameCorpus`): the articles read again must be the ones scanned, or no report is
 * written and the error names the article that changed.
 */
import { describe, expect, it } from 'vitest';
import { sameCorpus, textDigests } from '../../src/cli/commands/scan.js';
import type { Article } from '../../src/types/index.js';
import { InputError } from '../../src/types/index.js';

const scanned = {
  documents: [
    { id: 'a', chars: 5, words: 1, normalization: [], notes: [] },
    { id: 'b', chars: 3, words: 1, normalization: [], notes: [] },
  ],
};
const article = (id: string, text: string): Article => ({ id, text, origin: `corpus/${id}.txt` });

describe('sameCorpus', () => {
  it('gives back the corpus read again when it is the one scanned', () => {
    const again = [article('a', 'hello'), article('b', 'abc')];
    expect(sameCorpus(scanned, again)).toBe(again);
  });

  it.each([
    {
      name: 'an article added',
      again: [article('a', 'hello'), article('b', 'abc'), article('c', 'x')],
      message: 'the corpus went from 2 to 3 articles while the scan ran',
    },
    { name: 'an article removed', again: [article('a', 'hello')], message: 'the corpus went from 2 to 1 articles' },
    {
      name: 'another id in its place',
      again: [article('a', 'hello'), article('c', 'abc')],
      message: 'corpus/c.txt: article 2 was "b" and is now "c"',
    },
    {
      name: 'a text edited',
      again: [article('a', 'hello!'), article('b', 'abc')],
      message:
        'corpus/a.txt: "a" changed (5 characters when scanned, 6 now) while the scan ran: no report written; scan again',
    },
  ])('refuses the corpus read again with $name', ({ again, message }) => {
    expect(() => sameCorpus(scanned, again)).toThrow(InputError);
    expect(() => sameCorpus(scanned, again)).toThrow(message);
  });

  it('with the digests kept at the first read, refuses a text edited to the same length', () => {
    const digests = textDigests([article('a', 'hello'), article('b', 'abc')]);
    const again = [article('a', 'hello'), article('b', 'abd')];
    expect(() => sameCorpus(scanned, again, digests)).toThrow(
      'corpus/b.txt: "b" changed (another text of the same 3 characters) while the scan ran: no report written; scan again',
    );
    // Without them, only the lengths are compared (a library caller that kept none).
    expect(sameCorpus(scanned, again)).toBe(again);
    const same = [article('a', 'hello'), article('b', 'abc')];
    expect(sameCorpus(scanned, same, digests)).toBe(same);
  });
});
