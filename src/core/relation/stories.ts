/**
 * Stories from judged pairs: which relations join a story, how strong each edge is, and which
 * member is the likely origin.
 */
import type { PairResult, Relation, Story } from '../../types/index.js';
import type { Fingerprint } from '../fingerprint/fingerprint.js';
import { cosineSimilarity, type SparseVector } from '../similarity/cosine.js';
import { measureCross } from '../xling/evidence.js';
import type { CrossProfile } from '../xling/profile.js';
import { RELATION_STRENGTH } from './classify.js';
import { clusterStories, type StoryEdge } from './cluster.js';
import { isSameLanguage } from './score.js';

/**
 * Two members of a would-be story with no edge between them still agree when their TF-IDF cosine
 * reaches this: the preview and the later copy of one wire story share names and facts. Measured:
 * on web-wire, the copies in the Boeing family that share no passage with the Spanish
 * round-trip copy w043 have cosine 0.54–0.56 with it; documents of different WMT22 stories stay
 * ≤ 0.30, and a generated roundup's two sources (different documents) with them.
 */
export const STORY_COMPATIBLE_COSINE = 0.4;

/** The compatibility test for `clusterStories`: cosine of the two documents' vectors. */
export function compatibleByCosine(vectors: readonly SparseVector[]): (a: number, b: number) => boolean {
  return (a, b) => cosineSimilarity(vectors[a] as SparseVector, vectors[b] as SparseVector) >= STORY_COMPATIBLE_COSINE;
}

/**
 * Across languages the TF-IDF cosine is near 0 whatever the texts say, so two members of a would-be
 * story in different languages agree when their sentences align at least this far (weaker side,
 * cross-language alignment) and their dates do not contradict each other. Set on WMT24: pairs of
 * different news documents align ≤ 0.27 and 99 % of those of every domain ≤ 0.31; a translation
 * that was abridged and reordered (web-multi's AFP story in English and French) aligns 0.40.
 */
export const STORY_COMPATIBLE_CROSS = 0.3;

/** What the compatibility test reads of a fingerprint: its article's language and its profile, when it holds it. */
type LanguageOf = { article: Pick<Fingerprint['article'], 'lang'>; cross?: CrossProfile };

/**
 * The compatibility test with languages: the cosine test within a language, the cross-language
 * alignment test between two (each pair measured once, on demand). `profileOf`: fingerprint k's
 * profile (default its own `cross`; a scan that shelved them reads them back).
 */
export function compatibleAcrossLanguages(
  fingerprints: readonly LanguageOf[],
  vectors: readonly SparseVector[],
  profileOf: (k: number) => CrossProfile | undefined = (k) => fingerprints[k]?.cross,
): (a: number, b: number) => boolean {
  const byCosine = compatibleByCosine(vectors);
  const memo = new Map<number, boolean>();
  return (a, b) => {
    // `isCrossLanguage`, the profiles read only for a pair of two languages not measured yet.
    const fa = fingerprints[a] as LanguageOf;
    const fb = fingerprints[b] as LanguageOf;
    if (isSameLanguage(fa.article.lang, fb.article.lang)) return byCosine(a, b);
    const key = Math.min(a, b) * fingerprints.length + Math.max(a, b);
    let ok = memo.get(key);
    if (ok === undefined) {
      const pa = profileOf(a);
      const pb = profileOf(b);
      if (!pa || !pb) return byCosine(a, b);
      const e = measureCross(pa, pb);
      ok = !e.dates.conflict && Math.min(e.aligned.a, e.aligned.b) >= STORY_COMPATIBLE_CROSS;
      memo.set(key, ok);
    }
    return ok;
  };
}

/** Relations that put two articles in one story. */
export const STORY_RELATIONS: ReadonlySet<Relation> = new Set([
  'duplicate',
  'republication',
  'edited-copy',
  'translation-variant',
  // Measured on web-wire and web-multi: without it, 8 of the 10 wire families and 5 same-language
  // families split (quoting several paragraphs of the wire story is how edited copies are made).
  'shares-passage',
]);

/** A judged pair with the document indexes of its two sides. */
export interface JudgedPair {
  i: number;
  j: number;
  result: PairResult;
}

/** The story edges among judged pairs: strongest relation first, cosine breaking ties inside a relation. */
export function toStoryEdges(judged: readonly JudgedPair[]): StoryEdge[] {
  return judged
    .filter((p) => STORY_RELATIONS.has(p.result.relation))
    .map((p) => ({ a: p.i, b: p.j, strength: RELATION_STRENGTH[p.result.relation] + p.result.scores.cosine }));
}

/**
 * Name the origin of a story from how often each member is held by another (republication pairs
 * inside the story): the member held most often, when no other is held as often; else the
 * earliest dated member.
 */
export function chooseOrigin(
  members: readonly string[],
  held: ReadonlyMap<string, number>,
  dates: ReadonlyMap<string, string>,
): Pick<Story, 'origin' | 'originBy'> {
  if (members.length === 1) return {};
  const byHeld = members
    .filter((m) => held.has(m))
    .map((m): [string, number] => [m, held.get(m) as number])
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  if (byHeld.length > 0 && (byHeld.length === 1 || (byHeld[0]?.[1] ?? 0) > (byHeld[1]?.[1] ?? 0))) {
    return { origin: byHeld[0]?.[0], originBy: 'containment' };
  }
  const dated = members
    .filter((m) => dates.has(m))
    .sort((x, y) => (dates.get(x) as string).localeCompare(dates.get(y) as string) || x.localeCompare(y));
  if (dated.length > 0) return { origin: dated[0], originBy: 'date' };
  return {};
}

/** Name the origin of a story: the member the others contain, else the earliest dated one. */
export function pickOrigin(
  members: readonly string[],
  pairs: readonly PairResult[],
  dates: ReadonlyMap<string, string>,
): Pick<Story, 'origin' | 'originBy'> {
  const inStory = new Set(members);
  const held = new Map<string, number>();
  for (const p of pairs) {
    if (p.relation !== 'republication' || !p.container || !inStory.has(p.a) || !inStory.has(p.b)) continue;
    const inner = p.container === p.a ? p.b : p.a;
    held.set(inner, (held.get(inner) ?? 0) + 1);
  }
  return chooseOrigin(members, held, dates);
}

export interface BuildStoriesOptions {
  /**
   * The documents each item of `ids` stands for, itself first (identical copies folded into one
   * item: core/candidates/identical.ts). Default: each item stands for itself. Stories then list
   * every document, and are those the unfolded documents would form.
   */
  copies?: readonly (readonly string[])[];
  /** Items (indexes into `ids`) that count in favour of a merge without an edge (clusterStories' `compatible`). */
  compatible?: (a: number, b: number) => boolean;
  /** Told how far the clustering is (clusterStories' `onProgress`). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Stories of a corpus: documents (`ids`, in corpus order) clustered by the story edges of the
 * judged pairs, members sorted, stories ordered by their first member and numbered s1, s2, …
 */
export function buildStories(
  ids: readonly string[],
  judged: readonly JudgedPair[],
  dates: ReadonlyMap<string, string>,
  options: BuildStoriesOptions = {},
): Story[] {
  const copiesOf = (i: number): readonly string[] => options.copies?.[i] ?? [ids[i] as string];
  const groups = clusterStories(ids.length, toStoryEdges(judged), {
    weights: ids.map((_, i) => copiesOf(i).length),
    ...(options.compatible ? { compatible: options.compatible } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const storyOf = new Int32Array(ids.length);
  groups.forEach((g, k) => {
    for (const i of g) storyOf[i] = k;
  });
  // How often each document is held by another of its story, each held copy by each holding copy.
  const held = new Map<string, number>();
  for (const p of judged) {
    const r = p.result;
    if (r.relation !== 'republication' || !r.container || storyOf[p.i] !== storyOf[p.j]) continue;
    const [inner, outer] = r.container === r.a ? [p.j, p.i] : [p.i, p.j];
    for (const doc of copiesOf(inner)) held.set(doc, (held.get(doc) ?? 0) + copiesOf(outer).length);
  }
  return groups
    .map((g) => g.flatMap(copiesOf).sort())
    .sort((x, y) => (x[0] as string).localeCompare(y[0] as string))
    .map((members, k): Story => ({ id: `s${k + 1}`, members, ...chooseOrigin(members, held, dates) }));
}
