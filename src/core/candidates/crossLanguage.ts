/**
 * Candidate pairs across languages at corpus scale, without comparing all pairs: an inverted
 * index of language-neutral keys (first tried in a prototype outside the repository). Each
 * document can be found under its names' keys (and, in Chinese and Korean, the keys of every
 * syllable run), its strong numbers, its days, and the English stems of its words; it looks for
 * others with each of its names, numbers and days and its rarest stems, and a document of another
 * language that answers at least `minShared` of these queries is proposed. Keys held by more than
 * `maxShare` of the documents (the country of the whole corpus, the current year) are not used,
 * so the cost stays near linear.
 */
import { keysOf } from '../xling/keyed.js';
import type { CrossProfile } from '../xling/profile.js';

export interface CrossCandidateOptions {
  /** Least number of queries (a name, a number, a day, a rare stem) the other document answers. Default 2. */
  minShared?: number;
  /** Rarest English stems each document queries with. Default 12. */
  rareStems?: number;
  /** Keys held by more than this share of the documents (and more than 20 documents) are left out. Default 0.05. */
  maxShare?: number;
  /**
   * Most documents each document proposes, those answering the most queries first (a pair is kept
   * when either side proposes it). Default 30, measured on the sets of scripts/accuracy.ts: it
   * keeps every same-document pair proposed on WMT24 news (765) and web-multi (59), and 5,771 of
   * 5,807 on WMT24 all domains (0.6 % lost; a cap of 20 loses 1.4 %, 10 loses 4.7 %), while a
   * corpus of 2,000 articles assembled from real lines with no translation in it (the index
   * benchmark's) goes from 75,660 proposed pairs to 38,126. At its 10,000 articles (random lines of
   * every WMT version, so two articles often share a line in two translations) the cap is what
   * bounds the stage: 240,327 pairs, 5,791,808 proposals left out. Ranking by the summed IDF of the
   * answered queries instead keeps, of the 7,587 same-document pairs in two languages of
   * scripts/accuracy.ts's wmt24-xling set, 5,783 at 30 (count: 5,765) and 5,743 at 20 (count:
   * 5,718), with about as many pairs (17,129 against 17,139 at 30): not adopted.
   */
  maxPerDocument?: number;
}

/** Defaults, measured by candidate recall on WMT24 news and web-multi (README "Accuracy"). */
export const CROSS_CANDIDATES: Readonly<Required<CrossCandidateOptions>> = Object.freeze({
  minShared: 2,
  rareStems: 12,
  maxShare: 0.05,
  maxPerDocument: 30,
});

export interface CrossCandidates {
  /** Candidate pairs (i < j), sorted. */
  pairs: Array<[number, number]>;
  /** Proposals left out by `maxPerDocument` (counted per proposing document). */
  dropped: number;
}

/**
 * The keys a document can be found under. This, `queriesOf` and `rarestStems` define the search
 * on strings (the property test's reference); `crossLanguageCandidates` does the same by number.
 */
export function findableKeys(p: CrossProfile): Set<string> {
  const keys = new Set<string>(p.anchors.lookupKeys);
  for (const k of keysOf(p.keyed)) if (!k.startsWith('c:')) keys.add(k);
  return keys;
}

/** A document's queries: each a list of keys that answer it (a name has several). */
export function queriesOf(p: CrossProfile, df: ReadonlyMap<string, number>, rare: number): string[][] {
  const out: string[][] = p.anchors.names.map((n) => n.keys);
  for (const n of p.anchors.numbers) if (!n.weak) out.push([n.key]);
  for (const d of p.anchors.dates)
    if (d.month !== undefined && d.day !== undefined) out.push([`d:${d.month}-${d.day}`]);
  const stems = new Set<string>();
  for (const k of keysOf(p.keyed)) if (k.startsWith('e:')) stems.add(k);
  for (const k of rarestStems(stems, df, rare)) out.push([k]);
  return out;
}

/**
 * The `rare` least of `items` by `before` (a total order), least first, in `kept` (emptied
 * first): what sorting them all and keeping the first `rare` gives, in one pass.
 */
function keepLeast<T>(items: Iterable<T>, rare: number, before: (a: T, b: T) => boolean, kept: T[] = []): T[] {
  kept.length = 0;
  if (rare <= 0) return kept;
  for (const x of items) {
    if (kept.length === rare && !before(x, kept[rare - 1] as T)) continue;
    let at = kept.length === rare ? rare - 1 : kept.length;
    while (at > 0 && before(x, kept[at - 1] as T)) {
      kept[at] = kept[at - 1] as T;
      at--;
    }
    kept[at] = x;
  }
  return kept;
}

/**
 * The `rare` stems of lowest document frequency, ties by code unit order, in that order: what
 * sorting them all and keeping the first `rare` gives (the order is total: the stems are
 * distinct), with each frequency read once (sorting a text's few hundred stems with two look-ups
 * per comparison was a tenth of the 10,000-article scan's cross-language stage).
 */
export function rarestStems(stems: Iterable<string>, df: ReadonlyMap<string, number>, rare: number): string[] {
  const counted = Array.from(stems, (k) => ({ k, n: df.get(k) ?? 0 }));
  const before = (a: { k: string; n: number }, b: { k: string; n: number }): boolean =>
    a.n < b.n || (a.n === b.n && a.k < b.k);
  return keepLeast(counted, rare, before).map((e) => e.k);
}

/** A growable list of 32-bit integers (the keys' numbers, the flat lists below). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
}

/**
 * What the search keeps of one document: its distinct findable keys (and, apart, its stems) as
 * numbers, and its queries (each a run of key numbers; a name has several keys) as numbers.
 */
interface NumberedDocument {
  keys: Int32Array;
  stems: Int32Array;
  queries: Int32Array;
  /** Where each query ends in `queries`. */
  queryEnds: Int32Array;
}

const NO_NUMBERS = new Int32Array(0);

/**
 * The search's index, built one document at a time in any order (`add`), then searched once
 * (`propose`): a document's profile is read only while it is added, so a scan can let each go
 * (or put it on a shelf) as soon as it is made. Every key is numbered as first met, each
 * document's distinct findable keys, stems and queries kept as numbers, and each key's document
 * frequency counted: the strings are looked up once per document that holds them, where the
 * search looked each one up again to list its postings, to count them and to rank a document's
 * stems. The numbers depend on the order of the adds; what `propose` gives does not (a test adds
 * in shuffled orders).
 */
export class CrossCandidateSearch {
  private readonly ids = new Map<string, number>();
  private readonly keyOf: string[] = [];
  private readonly df = new IntList();
  private readonly docs: Array<NumberedDocument | undefined>;
  private readonly langOf: Int32Array;
  private readonly langIds = new Map<string, number>();
  // Scratch lists of the document being added.
  private readonly keys = new IntList();
  private readonly stems = new IntList();
  private readonly queries = new IntList();
  private readonly queryEnds = new IntList();
  private readonly met = new Set<number>();

  /** A search over `count` documents, numbered 0 to count − 1. */
  constructor(private readonly count: number) {
    this.docs = new Array(count).fill(undefined);
    this.langOf = new Int32Array(count).fill(-1);
  }

  private idOf(k: string): number {
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.keyOf.length;
      this.ids.set(k, id);
      this.keyOf.push(k);
      this.df.push(0);
    }
    return id;
  }

  /** Document `i`'s profile (each document once; an `und` one is never proposed, nor found). */
  add(i: number, p: CrossProfile): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.count)
      throw new RangeError(`document ${i} is outside the search's 0 to ${this.count - 1}`);
    if (this.docs[i] !== undefined) throw new RangeError(`document ${i} was added already`);
    let lang = this.langIds.get(p.lang);
    if (lang === undefined) {
      lang = this.langIds.size;
      this.langIds.set(p.lang, lang);
    }
    this.langOf[i] = lang;
    if (p.lang === 'und') {
      this.docs[i] = { keys: NO_NUMBERS, stems: NO_NUMBERS, queries: NO_NUMBERS, queryEnds: NO_NUMBERS };
      return;
    }
    const { keys, stems, queries, queryEnds, met } = this;
    keys.length = 0;
    stems.length = 0;
    queries.length = 0;
    queryEnds.length = 0;
    met.clear();
    // A key among both its anchors' and its sentences' keys is met once.
    const meet = (id: number): void => {
      if (met.has(id)) return;
      met.add(id);
      this.df.data[id] = (this.df.data[id] as number) + 1;
      keys.push(id);
    };
    for (const k of p.anchors.lookupKeys) meet(this.idOf(k));
    for (const k of keysOf(p.keyed)) {
      if (k.startsWith('c:')) continue;
      const id = this.idOf(k);
      meet(id);
      // `keysOf` yields each key once (quotedKeys are those of quoted sentences alone).
      if (k.startsWith('e:')) stems.push(id);
    }
    // The queries of `queriesOf` but the stems (ranked in `propose`, by the frequencies of all):
    // a key no document is found under gets a number with no postings, which answers nothing.
    const query = (ks: readonly string[]): void => {
      for (const k of ks) queries.push(this.idOf(k));
      queryEnds.push(queries.length);
    };
    for (const name of p.anchors.names) query(name.keys);
    for (const num of p.anchors.numbers) if (!num.weak) query([num.key]);
    for (const d of p.anchors.dates) if (d.month !== undefined && d.day !== undefined) query([`d:${d.month}-${d.day}`]);
    this.docs[i] = {
      keys: keys.data.slice(0, keys.length),
      stems: stems.data.slice(0, stems.length),
      queries: queries.data.slice(0, queries.length),
      queryEnds: queryEnds.data.slice(0, queryEnds.length),
    };
  }

  /**
   * Pairs (i < j) of documents in different, known languages that share at least `minShared`
   * rare anchors or stems (`crossLanguageCandidates`); every document must have been added.
   */
  propose(options: CrossCandidateOptions = {}): CrossCandidates {
    const { minShared, rareStems, maxShare, maxPerDocument } = { ...CROSS_CANDIDATES, ...options };
    const n = this.count;
    const missing = this.docs.indexOf(undefined);
    if (missing >= 0) throw new RangeError(`document ${missing} of ${n} was never added`);
    const docs = this.docs as NumberedDocument[];
    const df = this.df.data;
    const maxDocs = Math.max(20, Math.floor(maxShare * n));
    const { postFrom, postDocs } = postingsOf(df, docs, this.keyOf.length, maxDocs);
    const found = new Set<number>();
    let dropped = 0;
    // Per document: the queries each other document answered, and the last query that counted it
    // (a name with several keys counts once). Typed arrays, reset through the list of those touched.
    const counts = new Int32Array(n);
    const stamp = new Int32Array(n).fill(-1);
    const langOf = this.langOf;
    const und = this.langIds.get('und');
    const rarest = rarestStemIds(df, this.keyOf, rareStems);
    let query = 0;
    const touched: number[] = [];
    const walk = (id: number, i: number, lang: number): void => {
      const end = postFrom[id + 1] as number;
      for (let at = postFrom[id] as number; at < end; at++) {
        const j = postDocs[at] as number;
        if (stamp[j] === query || j === i || langOf[j] === lang) continue;
        stamp[j] = query;
        if (counts[j] === 0) touched.push(j);
        counts[j] = (counts[j] as number) + 1;
      }
    };
    docs.forEach((d, i) => {
      const lang = langOf[i] as number;
      if (lang === und) return;
      touched.length = 0;
      let from = 0;
      for (const to of d.queryEnds) {
        for (let q = from; q < to; q++) walk(d.queries[q] as number, i, lang);
        from = to;
        query++;
      }
      for (const id of rarest(d.stems, 0, d.stems.length)) {
        walk(id, i, lang);
        query++;
      }
      const answered: Array<[number, number]> = [];
      for (const j of touched) {
        if ((counts[j] as number) >= minShared) answered.push([j, counts[j] as number]);
        counts[j] = 0;
      }
      if (answered.length > maxPerDocument) {
        dropped += answered.length - maxPerDocument;
        answered.sort((x, y) => y[1] - x[1] || x[0] - y[0]).length = maxPerDocument;
      }
      for (const [j] of answered) found.add(Math.min(i, j) * n + Math.max(i, j));
    });
    const pairs = [...found].sort((x, y) => x - y).map((code): [number, number] => [Math.floor(code / n), code % n]);
    return { pairs, dropped };
  }
}

/** The postings of the keys held by `maxDocs` or fewer documents: key id's documents at postFrom[id]..postFrom[id + 1], in document order. */
function postingsOf(
  df: Int32Array,
  docs: readonly NumberedDocument[],
  keyCount: number,
  maxDocs: number,
): { postFrom: Int32Array; postDocs: Int32Array } {
  const postFrom = new Int32Array(keyCount + 1);
  for (let id = 0; id < keyCount; id++) {
    const d = df[id] as number;
    postFrom[id + 1] = (postFrom[id] as number) + (d <= maxDocs ? d : 0);
  }
  const postDocs = new Int32Array(postFrom[keyCount] as number);
  const fill = postFrom.slice(0, keyCount);
  docs.forEach((doc, i) => {
    for (const id of doc.keys) {
      if ((df[id] as number) > maxDocs) continue;
      postDocs[fill[id] as number] = i;
      fill[id] = (fill[id] as number) + 1;
    }
  });
  return { postFrom, postDocs };
}

/**
 * `rarestStems` by number: of the stem ids in ids[from..to), the `rare` of lowest frequency, ties
 * by the keys' code units, in that order (the array returned is reused by the next call).
 */
function rarestStemIds(
  df: Int32Array,
  keyOf: readonly string[],
  rare: number,
): (ids: Int32Array, from: number, to: number) => number[] {
  const kept: number[] = [];
  const rarer = (a: number, b: number): boolean =>
    (df[a] as number) < (df[b] as number) || (df[a] === df[b] && (keyOf[a] as string) < (keyOf[b] as string));
  return (ids, from, to) => keepLeast(ids.subarray(from, to), rare, rarer, kept);
}

/**
 * Pairs (i < j) of documents in different, known languages that share at least `minShared` rare
 * anchors or stems. `und` documents are left to the same-language path, which compares them with all.
 *
 * What `queriesOf` and `rarestStems` define, with the keys as numbers: the postings of the keys
 * held by `maxDocs` or fewer documents in one flat array (a key held by more is never read, so its
 * list is not made), each list in document order. On the first 30,000 articles of the index
 * benchmark's corpus (29,272 profiles, 826,046 pairs) the search took 12.8 s where the same
 * search on strings took 18.8 (medians of six runs each, the two alternating in one process; the
 * same pairs and the same number dropped).
 */
export function crossLanguageCandidates(
  profiles: readonly CrossProfile[],
  options: CrossCandidateOptions = {},
): CrossCandidates {
  const search = new CrossCandidateSearch(profiles.length);
  profiles.forEach((p, i) => {
    search.add(i, p);
  });
  return search.propose(options);
}
