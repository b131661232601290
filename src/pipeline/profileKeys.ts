/**
 * A cross-language profile with its keyed sentences' keys as numbers into a list of every key
 * numbered so far (`NumberedProfile`): how the profile worker posts profiles (each key's string
 * sent once, workers/profilePool.ts). A scan's shelf holds them so too, with their anchors'
 * strings numbered in the same list (shelvedProfile.ts).
 */
import { createVocabulary, type TermVocabulary, termId } from '../core/text/vocabulary.js';
import type { CrossProfile } from '../core/xling/profile.js';

/**
 * A profile as the worker posts it: its keyed sentences' keys (`keys`, `quotedKeys`) left empty,
 * sent instead as numbers into the worker's list of every key it has sent. About 400 keys an
 * article on the bench corpus, each a string the structured clone copied and the scan's thread
 * then looked up in its intern pool (`adopt`: 4.8 s of the scan's thread for the worker's half of
 * two rounds of 10,000 profiles, under a CPU profiler); most keys recur (69,000 distinct among
 * 2,000 articles' 820,000), so after the first shares nearly every key travels as 4 bytes.
 */
export interface NumberedProfile extends CrossProfile {
  keyNumbers: Uint32Array;
  quotedKeyNumbers: Uint32Array;
}

/**
 * The worker's key numbers: every key it has met, numbered in order (a vocabulary, as a scan numbers
 * its terms), and how many of them it has sent.
 */
export interface KeyNumbers {
  vocabulary: TermVocabulary;
  sent: number;
}

export function createKeyNumbers(): KeyNumbers {
  return { vocabulary: createVocabulary(), sent: 0 };
}

/** `profile` with its keyed sentences' keys as numbers (new keys numbered, to go with the next reply). */
export function numberProfileKeys(profile: CrossProfile, numbers: KeyNumbers): NumberedProfile {
  const number = (keys: readonly string[]): Uint32Array => Uint32Array.from(keys, (k) => termId(numbers.vocabulary, k));
  const { keyed } = profile;
  return {
    ...profile,
    keyed: { ...keyed, keys: [], quotedKeys: [] },
    keyNumbers: number(keyed.keys),
    quotedKeyNumbers: number(keyed.quotedKeys),
  };
}

/** The keys numbered since the last call (to be sent with this reply). */
export function newKeys(numbers: KeyNumbers): string[] {
  const { terms } = numbers.vocabulary;
  const out = terms.slice(numbers.sent);
  numbers.sent = terms.length;
  return out;
}

/**
 * The scan's thread's side: the worker's key numbers read back, each key the intern pool's copy
 * (looked up once, when its string arrives), the profile whole again.
 */
export function keysReader(intern: (key: string) => string): {
  learn: (keys: readonly string[]) => void;
  read: (profile: NumberedProfile) => CrossProfile;
} {
  const keys: string[] = [];
  return {
    learn: (fresh) => {
      for (const k of fresh) keys.push(intern(k));
    },
    read: (profile) => unnumbered(profile, keys),
  };
}

/** A numbered profile whole again, its keys read from `keys` (the list its numbers index). */
function unnumbered(
  { keyNumbers, quotedKeyNumbers, ...profile }: NumberedProfile,
  keys: readonly string[],
): CrossProfile {
  const of = (numbers: Uint32Array): string[] => Array.from(numbers, (n) => keys[n] as string);
  return { ...profile, keyed: { ...profile.keyed, keys: of(keyNumbers), quotedKeys: of(quotedKeyNumbers) } };
}
