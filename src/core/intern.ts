/**
 * One copy of each distinct string and of each distinct list of strings, shared by everything a
 * pool is handed: keys and names recur across a corpus's documents, and each document made (or a
 * worker posted) copies of its own. Values are never changed, only which copy is held: what is
 * interned must not be changed afterwards by anyone (shared lists are frozen by contract, not by
 * `Object.freeze`, which would slow the many reads), and a list handed to a pool must not be
 * changed afterwards either (the pool remembers it by identity).
 */
export interface InternPool {
  strings: Map<string, string>;
  /** Lists by their length and strings joined with NUL (a list whose strings hold NUL is checked, see `internList`). */
  lists: Map<string, string[]>;
  /**
   * The pool's list for a list object already handed to it: one that several documents hold (a
   * word's keys from a corpus's word cache) is found by identity, without joining its strings.
   * Weak: a list seen once and let go by its holder is not kept alive by the pool.
   */
  seen: WeakMap<readonly string[], string[]>;
}

export function createInternPool(): InternPool {
  return { strings: new Map(), lists: new Map(), seen: new WeakMap() };
}

/** The pool's copy of `s` (`s` itself, the first time). */
export function internString(pool: InternPool, s: string): string {
  const known = pool.strings.get(s);
  if (known !== undefined) return known;
  pool.strings.set(s, s);
  return s;
}

function sameList(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The pool's copy of `list` (the same strings in the same order), at its exact length, its strings
 * interned too. Lists are found by their length and their strings joined with NUL (the length
 * tells `[]` from `['']`); two different lists share that key only when a string holds NUL
 * (`['a\0b', 'c']`, `['a', 'b\0c']`): the pooled list is compared before it is handed out, and such a
 * list gets a copy of its own.
 */
export function internList(pool: InternPool, list: readonly string[]): string[] {
  const seen = pool.seen.get(list);
  if (seen) return seen;
  const id = `${list.length}\u0000${list.join('\u0000')}`;
  const known = pool.lists.get(id);
  let shared: string[];
  if (known && sameList(known, list)) shared = known;
  else {
    shared = list.map((s) => internString(pool, s));
    if (!known) pool.lists.set(id, shared);
  }
  pool.seen.set(list, shared);
  return shared;
}
