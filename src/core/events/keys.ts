/**
 * The keys a document's or story's names may be found under (`EventDocument.lookup`), held as
 * sorted numbers where a scan holds them for every document. A `Set` of 460 key strings (the bench
 * corpus's mean) took 6.6 KB an article for the whole events stage, its largest part (heap
 * snapshot of a 5,000-article scan once its documents were described: 33 MB of 177); sorted ids in
 * an `Int32Array` take 4 bytes a key, and the corpus's distinct keys are numbered once
 * (`KeyNumbers`). Asked the same questions (`has`, iteration), they answer as the set did; only the
 * order of iteration differs (by number, not by insertion), which no reader depends on. Pure.
 */
import { createVocabulary, type TermVocabulary, termId } from '../text/vocabulary.js';

/** What the event level asks of a set of keys: a `Set<string>` is one; `SortedKeys` another. */
export interface KeySet {
  has(key: string): boolean;
  [Symbol.iterator](): Iterator<string>;
  readonly size: number;
}

/**
 * One number for each distinct key, in the order first met (a `TermVocabulary`, as the sentence
 * terms are numbered), shared by the documents of a corpus.
 */
export class KeyNumbers {
  private readonly vocabulary: TermVocabulary = createVocabulary();
  private readonly lists = new WeakMap<readonly string[], { ids: Int32Array; at: number }>();

  /** The key's number, given it now when it has none. */
  number(key: string): number {
    return termId(this.vocabulary, key);
  }

  /** The key's number, or undefined when no document has it. */
  find(key: string): number | undefined {
    return this.vocabulary.ids.get(key);
  }

  key(id: number): string {
    return this.vocabulary.terms[id] as string;
  }

  /**
   * The numbers of the keys in a name's list that have one, remembered per list (a name's keys are
   * one array shared by every document naming it: `internTraits`), until more keys are numbered.
   * The event link asks whether a story names each principal of another under any of its keys, for
   * every candidate pair: a look-up per list, not one per key.
   */
  numbersOf(keys: readonly string[]): Int32Array {
    const numbered = this.vocabulary.terms.length;
    const known = this.lists.get(keys);
    if (known && known.at === numbered) return known.ids;
    const ids: number[] = [];
    for (const k of keys) {
      const id = this.vocabulary.ids.get(k);
      if (id !== undefined) ids.push(id);
    }
    const entry = { ids: Int32Array.from(ids), at: numbered };
    this.lists.set(keys, entry);
    return entry.ids;
  }
}

/** Distinct ids, sorted, from ids in any order with repeats. */
function sortedDistinct(ids: Int32Array): Int32Array {
  ids.sort();
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i] as number;
  return n === ids.length ? ids : ids.slice(0, n);
}

/** A set of keys as their sorted numbers in `numbers`. */
export class SortedKeys implements KeySet {
  private constructor(
    private readonly ids: Int32Array,
    private readonly numbers: KeyNumbers,
  ) {}

  /** The keys of a document, numbered (and new ones given numbers) in `numbers`. */
  static of(keys: readonly string[], numbers: KeyNumbers): SortedKeys {
    const ids = new Int32Array(keys.length);
    keys.forEach((k, i) => {
      ids[i] = numbers.number(k);
    });
    return new SortedKeys(sortedDistinct(ids), numbers);
  }

  /** The union of sets numbered in the same `KeyNumbers` (a story's, from its members'); at least one. */
  static union(sets: readonly SortedKeys[]): SortedKeys {
    const numbers = sets[0]?.numbers;
    if (!numbers) throw new RangeError('a union of no sets');
    let total = 0;
    for (const s of sets) {
      if (s.numbers !== numbers) throw new RangeError('keys numbered elsewhere cannot be merged');
      total += s.ids.length;
    }
    const ids = new Int32Array(total);
    let at = 0;
    for (const s of sets) {
      ids.set(s.ids, at);
      at += s.ids.length;
    }
    return new SortedKeys(sortedDistinct(ids), numbers);
  }

  get size(): number {
    return this.ids.length;
  }

  has(key: string): boolean {
    const id = this.numbers.find(key);
    return id !== undefined && this.hasNumber(id);
  }

  /** Whether any of `keys` is here (numbered in this set's `KeyNumbers`). */
  hasAny(keys: readonly string[]): boolean {
    for (const id of this.numbers.numbersOf(keys)) if (this.hasNumber(id)) return true;
    return false;
  }

  private hasNumber(id: number): boolean {
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid] as number;
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const id of this.ids) yield this.numbers.key(id);
  }
}

/** The union of key sets: sorted numbers when every one is (`SortedKeys`), else a `Set`. */
export function unionOfKeys(sets: readonly KeySet[]): KeySet {
  if (sets.length > 0 && sets.every((k) => k instanceof SortedKeys)) return SortedKeys.union(sets as SortedKeys[]);
  const out = new Set<string>();
  for (const keys of sets) for (const k of keys) out.add(k);
  return out;
}

/** Whether `set` holds any of `keys` (a name's keys: is the name mentioned there?). */
export function hasAnyKey(set: KeySet, keys: readonly string[]): boolean {
  if (set instanceof SortedKeys) return set.hasAny(keys);
  for (const k of keys) if (set.has(k)) return true;
  return false;
}
