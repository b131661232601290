/**
 * The one file that touches `pinyin-pro` (pinned 3.29.4): toneless pinyin syllables of Han
 * characters, so that 奥巴马 (ào bā mǎ) can meet Obama. pinyin-pro reads polyphonic characters
 * in context (行 as háng or xíng) from its own word list; it is pure JS and loads no data at run
 * time. Edge cases pinned in test/core/xling/transliterate.test.ts: non-Han characters are dropped
 * before the call, so the result has one syllable per Han character.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** Toneless pinyin of each Han character of `text`, lower case, `ü` written `v` (nü → nv). */
export function hanSyllables(text: string): string[] {
  const chars = [...text].filter((c) => HAN.test(c));
  if (chars.length === 0) return [];
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', v: true }) as string[];
  return syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
}
