/** A remembered function (`remembered`), with a way to let go of what it remembers. */
export type Remembered<K, V> = ((key: K) => V) & {
  /** Drops every remembered answer (what the function returns does not change). */
  forget(): void;
};

/**
 * A pure function's answers remembered: for values that depend on their key alone and recur
 * across a corpus (a name's sound key, a word's month, a sentence's bigram profile). Two
 * generations of at most `perGeneration` keys each: when the newer fills, the older is dropped and
 * the newer becomes the older, and a key found in the older moves up, so the keys still in use stay
 * and memory stays bounded. What it returns is always `f(key)`; only how often `f` runs changes.
 * `f` must not return `undefined` (such an answer is computed again each time).
 */
export function remembered<K, V>(
  f: (key: K) => V,
  perGeneration: number,
  /**
   * What is remembered of a key, and `f` is given (default the key itself): a string cut from a
   * larger one (`ownString`) would keep that one alive as long as it is remembered.
   */
  keep: (key: K) => K = (key) => key,
): Remembered<K, V> {
  let newer = new Map<K, V>();
  let older = new Map<K, V>();
  const lookUp = (key: K): V => {
    const known = newer.get(key);
    if (known !== undefined) return known;
    const kept = keep(key);
    const value = older.get(key) ?? f(kept);
    if (newer.size >= perGeneration) {
      older = newer;
      newer = new Map();
    }
    newer.set(kept, value);
    return value;
  };
  return Object.assign(lookUp, {
    forget(): void {
      newer = new Map();
      older = new Map();
    },
  });
}
