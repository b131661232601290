/**
 * The sound and skeleton keys are remembered per spelling: the remembered key is the key computed
 * afresh, for any spelling, asked once or again, and for the names the anchors read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forgetNameKeys,
  skeletonKey,
  skeletonKeyOf,
  soundKey,
  soundKeyOf,
} from '../../../src/core/xling/transliterate.js';

describe('remembered name keys', () => {
  it.each([
    ['xijinping', 'sijin', 'sjnbn'],
    ['shijinping', 'sijin', 'sjnbn'],
    ['diazcanel', 'diazk', 'tsknl'],
    ['obama', 'obama', 'abm'],
    ['tsipras', 'sipra', 'sbrs'],
  ])('%s → sound %s, skeleton %s (twice)', (spelling, sound, skeleton) => {
    for (let k = 0; k < 2; k++) {
      expect(soundKey(spelling)).toBe(sound);
      expect(skeletonKey(spelling)).toBe(skeleton);
    }
  });

  it('a remembered key is the key computed afresh, on any spelling, asked once or again, or after forgetting', () => {
    const spelling = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc
        .array(fc.constantFrom('a', 'e', 'o', 'u', 'y', 'h', 'sh', 'ch', 'zh', 'ts', 'k', 'c', 'x', 'q', 'ph', 'w'), {
          maxLength: 10,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(spelling, { maxLength: 8 }), (spellings) => {
        for (const s of [...spellings, ...spellings]) {
          expect(soundKey(s)).toBe(soundKeyOf(s));
          expect(skeletonKey(s)).toBe(skeletonKeyOf(s));
        }
        // Forgotten between the two halves (as a scan does after its score stage): the same keys.
        forgetNameKeys();
        for (const s of spellings) {
          expect(soundKey(s)).toBe(soundKeyOf(s));
          expect(skeletonKey(s)).toBe(skeletonKeyOf(s));
        }
      }),
      { numRuns: 500 },
    );
  });
});
