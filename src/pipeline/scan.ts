/**
 * scanCorpus: a corpus through the stages read (by the caller) → site chrome → prepare → fold
 * copies → weigh → candidates → judge → cluster → explain → events. Wiring only: every rule (and every bound: identical
 * copies folded, candidates per article, sentence pairs per pair) lives in core/. No file system,
 * no console; the CLI reads the input, shows progress and writes the reports.
 */
import { allPairs, type CandidatePairs, candidateFloor } from '../core/candidates/cosine.js';
import {
  groupByMatchingForm,
  type IdenticalGroups,
  isSameMatchingForm,
  matchingFormKey,
  pairsOfCopies,
} from '../core/candidates/identical.js';
import { flatPairs, type PairList, pairCount } from '../core/candidates/pairList.js';
import { EVENT_CANDIDATES_PER_STORY, type EventCandidateBounds } from '../core/events/candidates.js';
import { eventsOfStories } from '../core/events/events.js';
import {
  type AnchorTraits,
  anchorTraits,
  askedKeys,
  countNameKeys,
  describeDocument,
  describeStory,
  type EventDocument,
  internTraits,
  type NamePool,
  nameWeightsOf,
  readTraits,
  type StoryFeatures,
} from '../core/events/features.js';
import { KeyNumbers } from '../core/events/keys.js';
import { type Fingerprint, fingerprintArticle, withChars } from '../core/fingerprint/fingerprint.js';
import { createInternPool } from '../core/intern.js';
import { markFormulaic } from '../core/passages/formulaic.js';
import { noteDocument } from '../core/passages/selfRepetition.js';
import { judgePair, resolveThresholds } from '../core/relation/judge.js';
import { listPairs, MAX_LISTED_PAIRS_PER_DOCUMENT } from '../core/relation/listing.js';
import { pickNearest } from '../core/relation/nearest.js';
import {
  buildStories,
  compatibleAcrossLanguages,
  compatibleByCosine,
  type JudgedPair,
} from '../core/relation/stories.js';
import { rememberedProfile } from '../core/similarity/bigrams.js';
import { emptyVector, type SparseVector } from '../core/similarity/cosine.js';
import { vectorizeCorpus } from '../core/similarity/tfidf.js';
import { Slab } from '../core/slab.js';
import { siteLinesOf } from '../core/text/body.js';
import type { LanguageDetector } from '../core/text/detect.js';
import { normalizeArticle } from '../core/text/normalize.js';
import { ownString } from '../core/text/own.js';
import { createWordCache, type WordCache } from '../core/text/wordCache.js';
import { type AnchorResources, anchorSourceOf } from '../core/xling/anchors.js';
import { forgetNameKeys } from '../core/xling/transliterate.js';
import type {
  Article,
  DocumentNote,
  DocumentSummary,
  NormalizedArticle,
  PairResult,
  ScanResult,
  Sequence,
  Shelf,
  Story,
  Thresholds,
} from '../types/index.js';
import type { CrossLanguageOptions } from './crossLanguage.js';
import {
  type CrossLanguageLoader,
  type CrossProfiler,
  type CrossStageInput,
  type CrossStageResult,
  mergePairs,
  prepareCrossLanguage,
  prepareCrossLanguageAsync,
} from './crossStage.js';
import {
  type ArticleStore,
  fingerprintArticles,
  fingerprintWords,
  heldStore,
  type Kept,
  ownAction,
  shelfStore,
  wholeFingerprints,
} from './keptArticles.js';
import {
  type ArticleHead,
  type HeldFingerprint,
  type Judged,
  judgeAll,
  type PairJudge,
  type ScoringInput,
  wholeFingerprint,
} from './scoring.js';
import { type ProgressListener, type StageListener, timed, timedAsync } from './stages.js';
import type { AnchorsFeed, AnchorsJob } from './workers/anchorsPool.js';

export interface ScanOptions {
  thresholds?: Partial<Thresholds>;
  /** Score the whole page text: no body extraction (`--keep-chrome`). */
  keepChrome?: boolean;
  /**
   * Candidate pairs. Default: every pair whose TF-IDF cosine reaches the floor (`allPairs`, exact,
   * at most `MAX_CANDIDATES_PER_ARTICLE` per article); `lshCandidates` (core/candidates/lsh.ts) is
   * the sub-quadratic alternative for large corpora. Called with one fingerprint per group of
   * identical copies, to be read one at a time (`Sequence`: an array, or, in a scan that keeps its
   * articles on a shelf, each fingerprint made whole again when asked for). The vectors are the
   * scan's, read while it lasts: the events stage empties their list (`releasingVectors`).
   */
  candidates?: (
    fingerprints: Sequence<Fingerprint>,
    vectors: readonly SparseVector[],
    onProgress?: (done: number, total: number) => void,
  ) => CandidatePairs;
  /** Explain the closest unlinked pairs and mark formulaic shared passages (default true). */
  explain?: boolean;
  /** Group stories into events (default true). */
  events?: boolean;
  /** Tables the anchors (names, figures) are read with: the equivalents table (`io/resources.ts`). */
  anchors?: AnchorResources;
  /** Called after each stage with its name and the milliseconds it took. */
  onStage?: StageListener;
  /** Called during the long stages with how far they are (for a progress bar). */
  onProgress?: ProgressListener;
  /**
   * Most pairs a document is listed in (`MAX_LISTED_PAIRS_PER_DOCUMENT`, core/relation/listing.ts);
   * stories always use every linked pair. `Infinity` lists them all (the evaluation does).
   */
  maxListedPairs?: number;
  /** Language of articles without `lang` metadata (see `loadLanguageDetector`); default `guessLanguage`. */
  detectLanguage?: LanguageDetector;
  /**
   * Comparison across languages when the corpus holds several: dictionaries from `dictDir`
   * (default /usr/share/dictd), or none (`dictionaries: false`: names, numbers, dates and
   * cognates only); `false` turns it off (each language on its own, as before).
   */
  crossLanguage?: false | CrossLanguageOptions;
  /** How cross-language resources are loaded (tests pass their own). */
  loadCrossLanguage?: CrossLanguageLoader;
  /**
   * `scanCorpusAsync` only: how the cross-language profiles are made (`profilesInWorker`,
   * pipeline/workers/profilePool.ts, shares them with a worker thread); default: in this thread.
   */
  profiler?: CrossProfiler;
  /**
   * `scanCorpusAsync` only: the events stage's anchors read elsewhere while the other stages run
   * (`anchorsInWorker`, pipeline/workers/anchorsPool.ts), each article handed over as `prepare`
   * normalizes it.
   */
  anchorsJob?: AnchorsJob;
  /**
   * Empty each article's `text` once every article is normalized (the articles given are
   * changed): no stage after reads it, and a caller that holds the corpus only to hand it over
   * (the CLI reads it again for the reports' reviews) saves it for the rest of the scan: 5.4 KB
   * an article of the bench corpus, held from `prepare` to the end.
   */
  releaseTexts?: boolean;
  /**
   * Copy what is kept of each article in typed arrays (token offsets, quote marks, word shingles,
   * sentence terms) into slabs (`core/slab.ts`), so that letting them go gives their memory back
   * to the system. Default: above `SLAB_MIN_ARTICLES` articles. The same result either way.
   */
  slabs?: boolean;
  /**
   * Where a scan that uses slabs (`slabs`) puts what it would otherwise hold from stage to stage
   * (`io/shelf.ts`'s `createFileShelf`: a temporary file), reading each value back when a stage
   * needs it. Called once for the normalized articles, before the first is normalized (about 21
   * KB an article of the bench corpus held: pipeline/keptArticles.ts), and once for the
   * cross-language profiles, when they are made (about 15 KB); the scan closes each shelf when it
   * ends or fails. Without one (or when it gives none) they are held. The same result either way.
   */
  shelf?: () => Shelf | undefined;
}

/** Above this corpus size, the passages of linked pairs are not looked up (nearest pairs always are). */
const FORMULAIC_LOOKUP_LIMIT = 5000;

/**
 * The corpus prepared: every article normalized (and kept: `Kept`, held or on a shelf), identical
 * copies grouped, one fingerprint per group.
 */
interface Prepared {
  groups: IdenticalGroups;
  /** The articles and one fingerprint per group (`groups.firsts[k]` → `fingerprints.fps[k]`). */
  kept: Kept;
  /** Documents each fingerprint stands for. */
  weights: number[];
  /** Characters of each article's text as given. */
  chars: number[];
  /** Whether what is kept of each article was copied into slabs (`ScanOptions.slabs`). */
  slabs: boolean;
}

type SiteLines = ReadonlySet<string> | undefined;

/**
 * Normalize every article into `store`, each handed to `onNormalized` too; an article whose text,
 * title, language and site chrome repeat an earlier one's (a repost) reuses its normalized form
 * under its own id instead of being normalized again. Returns each article's matching-form key
 * (`matchingFormKey`), taken while the article is in hand.
 */
function normalizeAll(
  articles: readonly Article[],
  sites: readonly SiteLines[],
  options: ScanOptions,
  words: WordCache,
  store: ArticleStore,
  slab: Slab | undefined,
  onNormalized?: (normalized: NormalizedArticle) => void,
): Array<string | undefined> {
  const seen = new Map<string, Array<{ article: Article; siteLines: SiteLines; index: number }>>();
  return articles.map((a, i) => {
    options.onProgress?.('prepare', i + 1, articles.length);
    const siteLines = sites[i];
    const same = seen
      .get(a.text)
      ?.find((x) => x.article.title === a.title && x.article.lang === a.lang && x.siteLines === siteLines);
    let normalized: NormalizedArticle;
    if (same) normalized = { ...store.articleOf(same.index), id: a.id };
    else {
      normalized = normalizeArticle(a, {
        words,
        ...(options.keepChrome ? { keepChrome: true } : {}),
        ...(siteLines ? { siteLines } : {}),
        ...(options.detectLanguage ? { detectLanguage: options.detectLanguage } : {}),
      });
      if (slab) {
        normalized.tokenSpans = slab.copy(normalized.tokenSpans);
        normalized.quoted = slab.copy(normalized.quoted);
      }
      const list = seen.get(a.text);
      if (list) list.push({ article: a, siteLines, index: i });
      else seen.set(a.text, [{ article: a, siteLines, index: i }]);
    }
    onNormalized?.(normalized);
    store.add(i, normalized);
    return matchingFormKey(normalized);
  });
}

/**
 * Articles above which a scan copies what it keeps of each article in typed arrays into slabs
 * (`ScanOptions.slabs`, `core/slab.ts`), so that letting the articles go gives the memory back to
 * the system: a 100,000-article scan's C heap stayed at 1,721 MiB through its events stage, 890 MiB
 * of it arrays already let go (`/proc/<pid>/smaps`; about 9 KB an article). At or below it they
 * stay as made: the scoring workers are used by default up to `DEFAULT_WORKER_FINGERPRINTS`, the
 * same 5,000 (workers/scorePool.ts), and they copy the fingerprints by structured clone, which
 * copies a view's whole buffer (a slab's unused end with it). The score stage's
 * character shingles stay out of slabs: copied into them, what the stages after it held rose by
 * 100–200 MiB at 100,000 articles (the freed shingles no longer there for `malloc` to reuse).
 */
export const SLAB_MIN_ARTICLES = 5000;

function usesSlabs(articles: readonly Article[], options: ScanOptions): boolean {
  return options.slabs ?? articles.length > SLAB_MIN_ARTICLES;
}

/**
 * Where the articles are kept as they are normalized: on a shelf for a scan that uses slabs and
 * is given one (`ScanOptions.shelf`), else held.
 */
function articleStore(slabs: boolean, options: ScanOptions): ArticleStore {
  const shelf = slabs ? options.shelf?.() : undefined;
  return shelf ? shelfStore(shelf) : heldStore();
}

function prepare(
  articles: readonly Article[],
  options: ScanOptions,
  store: ArticleStore,
  slabs: boolean,
  onNormalized?: (normalized: NormalizedArticle) => void,
): Prepared {
  const { onStage } = options;
  // Lines a site repeats on many of its pages (menus, footers) are chrome, not the article.
  const sites = timed('site chrome', onStage, () =>
    options.keepChrome ? articles.map(() => undefined) : siteLinesOf(articles),
  );
  // One cache of folded words and terms for the corpus: each word folded and stemmed once.
  const words = createWordCache();
  const slab = slabs ? new Slab() : undefined;
  // Arrays a shelved article goes on the shelf with are not copied into slabs (they would stay there).
  const articleSlab = store.shelved ? undefined : slab;
  const keys = timed('prepare', onStage, () =>
    normalizeAll(articles, sites, options, words, store, articleSlab, onNormalized),
  );
  const chars = articles.map((a) => a.text.length);
  if (options.releaseTexts) for (const a of articles) a.text = '';
  const groups = timed('fold copies', onStage, () =>
    groupByMatchingForm(keys, (f, i) => isSameMatchingForm(store.articleOf(f), store.articleOf(i))),
  );
  const fps = timed('fingerprint', onStage, () =>
    groups.firsts.map((i, k) => {
      options.onProgress?.('fingerprint', k + 1, groups.firsts.length);
      // Without character shingles: the score stage makes them per pair (`judgeSlice`).
      const fp = fingerprintArticle(store.articleOf(i), words, { chars: false });
      // Shelved words go to the shelf as they are (`ArticleStore.keepFingerprint`), not into a slab.
      if (slab && !store.shelved) {
        fp.words = slab.copy(fp.words);
        const { ids, offsets } = fp.sentenceTerms;
        fp.sentenceTerms = { ...fp.sentenceTerms, ids: slab.copy(ids), offsets: slab.copy(offsets) };
      }
      return store.keepFingerprint(k, i, fp);
    }),
  );
  return {
    groups,
    kept: store.finish(fps, groups.firsts),
    weights: groups.members.map((m) => m.length),
    chars,
    slabs,
  };
}

/** Each copy listed against the first of its group (its pair with the first judged once, as the first with itself). */
function judgeCopies(p: Prepared, vectors: readonly SparseVector[], thresholds: Thresholds): PairResult[] {
  const { kept } = p;
  const out: PairResult[] = [];
  p.groups.members.forEach((members, k) => {
    if (members.length < 2) return;
    const fp = withChars(wholeFingerprint(kept.fingerprints, k));
    const self = judgePair(fp, fp, vectors[k] as SparseVector, vectors[k] as SparseVector, thresholds);
    const copies = members.slice(1).map((i) => kept.articleOf(i));
    for (const pair of pairsOfCopies(self, fp.article, copies)) out.push(pair);
  });
  return out;
}

function summarize(
  article: Article,
  chars: number,
  normalized: ArticleHead,
  words: number,
  notes: DocumentNote[],
): DocumentSummary {
  // Strings of their own: a slice of the text would keep the whole text to the end (`ownString`).
  const s: DocumentSummary = {
    id: article.id,
    chars,
    words,
    normalization: normalized.actions.map(ownAction),
    notes,
  };
  const title = article.title ?? normalized.title;
  if (title !== undefined) s.title = ownString(title);
  s.lang = normalized.lang;
  if (article.date !== undefined) s.date = article.date;
  if (article.source !== undefined) s.source = article.source;
  return s;
}

/** The document summaries; a copy shares the notes of the first of its group and names it. */
function summarizeAll(articles: readonly Article[], p: Prepared): DocumentSummary[] {
  const { kept } = p;
  const notes = p.groups.firsts.map((i) =>
    noteDocument(kept.articleOf(i)).map((n) => ({ ...n, text: ownString(n.text) })),
  );
  const groupIndex = new Map(p.groups.firsts.map((i, k) => [i, k]));
  return articles.map((a, i) => {
    const first = p.groups.firstOf[i] as number;
    const s = summarize(
      a,
      p.chars[i] as number,
      kept.heads[i] as ArticleHead,
      kept.words[i] as number,
      notes[groupIndex.get(first) as number] ?? [],
    );
    if (first !== i) s.copyOf = (articles[first] as Article).id;
    return s;
  });
}

/** The cluster stage: stories from the linked pairs, folded copies unfolded. */
function clusterAll(
  articles: readonly Article[],
  p: Prepared,
  vectors: readonly SparseVector[],
  linked: readonly JudgedPair[],
  cross: CrossStageResult | undefined,
  onProgress: ScanOptions['onProgress'],
): Story[] {
  const dates = new Map(articles.filter((a) => a.date !== undefined).map((a) => [a.id, a.date as string]));
  const { kept } = p;
  return buildStories(
    kept.fingerprints.fps.map((f) => f.id),
    linked,
    dates,
    {
      compatible: cross
        ? compatibleAcrossLanguages(kept.fingerprints.fps, vectors, cross.profileOf)
        : compatibleByCosine(vectors),
      copies: p.groups.members.map((m) => m.map((i) => (articles[i] as Article).id)),
      onProgress: (done, total) => onProgress?.('cluster', done, total),
    },
  );
}

/**
 * Whether fingerprint k's cross-language profile holds the very anchors the events stage would
 * read: its language had no dictionary (a dictionary adds names to the anchors) and the profile
 * was read with the same equivalents table. Then `extractAnchors` is not run twice on the same
 * text with the same tables (about a tenth of a multilingual scan's time). The profile is read
 * (from the shelf, when the scan put it there) only once the rest is known.
 */
function reusesProfile(
  fp: HeldFingerprint,
  cross: CrossStageResult | undefined,
  resources: AnchorResources,
): cross is CrossStageResult {
  return (
    cross !== undefined &&
    resources.lexicon === undefined &&
    resources.equivalents === cross.resources.equivalents &&
    !cross.resources.lexicons.has(fp.article.lang)
  );
}

/**
 * The anchors' traits the job read (one per article, `AnchorsJob`), from the end of `prepare`
 * until the events stage reads them: on the job's shelf when the scan gave it one (a scan that
 * shelves its articles), else held. The worker posts traits, not anchors (16 KB an article on
 * 3,000 bench articles, with where each name, number and date is mentioned, which the event level
 * does not read), and held ones share their strings as they arrive: about 6 KB an article, held
 * through every stage, until the shelf took them.
 */
interface HeldTraits {
  traits?: Sequence<AnchorTraits> | undefined;
}

/** What the events stage reads of each fingerprint's article: its anchors' traits and its language. */
interface EventInputs {
  /** Fingerprint k's anchors' traits (read back when they were shelved, once per call). */
  traitsOf: (k: number) => AnchorTraits;
  langs: string[];
}

/**
 * Each fingerprint's anchors' traits and language: all the events stage reads of the articles'
 * texts. The traits come from the fingerprint's profile when it holds the same anchors
 * (`reusesProfile`), else from the job's (`held`, one per article; a fingerprint's are those of
 * the first article of its group); read when asked for, so that they are not all made at once.
 * Without a job they are read here from the articles, before the events stage lets go of them.
 */
function eventInputs(
  p: Prepared,
  cross: CrossStageResult | undefined,
  resources: AnchorResources,
  held: HeldTraits | undefined,
): EventInputs {
  const { kept } = p;
  const read = held?.traits;
  if (held) held.traits = undefined;
  const { fps } = kept.fingerprints;
  const langs = fps.map((f) => f.article.lang);
  const { firsts } = p.groups;
  const { cleanLength } = kept;
  const reused = fps.map((f) => reusesProfile(f, cross, resources));
  const fromProfile = (k: number): AnchorTraits | undefined => {
    const profile = reused[k] ? cross?.profileOf(k) : undefined;
    return profile ? anchorTraits(profile.anchors, cleanLength[firsts[k] as number] as number) : undefined;
  };
  if (read !== undefined) {
    // Traits read back are fresh copies: their strings shared as the job shares those it holds,
    // else each document holds its own (a 30,000-article scan's events stage 1,717 → 1,898 MiB).
    const pool = createInternPool();
    return {
      langs,
      traitsOf: (k) => {
        const traits = fromProfile(k) ?? read.at(firsts[k] as number);
        if (traits === undefined) throw new Error(`scan: the anchors job gave no traits for article ${firsts[k]}`);
        return internTraits(traits, pool);
      },
    };
  }
  const traits = fps.map((_, k) => fromProfile(k) ?? readTraits(kept.articleOf(firsts[k] as number), resources));
  return { langs, traitsOf: (k) => traits[k] as AnchorTraits };
}

/**
 * The normalized articles and their fingerprints let go before the events stage links stories:
 * once the traits are read, no stage after reads them (the document summaries are made before),
 * and they were most of what a scan holds at that stage's peak (29 KB an article of the ~50 KB
 * alive after scoring, 3,000 bench articles). The groups of identical copies stay.
 */
function releaseArticles(p: Prepared): void {
  p.kept.release();
}

/**
 * Each story's event features (`describeStory`), its members' documents described as the story is
 * (`describeDocument`; a folded copy shares the traits of the first of its group, with its own
 * date) and let go after it: the names weighed first over every document (a first pass over the
 * traits, each fingerprint's once, counted for each article of its group), as `nameWeights` weighs
 * them over the documents. Every document described first and held until the stories were (3 KB a
 * document) took the events stage of 100,000 articles from 2,256 to 2,600 MiB RSS. The stories'
 * principal names come from one pool (`NamePool`); `vectors` is emptied as they are described
 * (`releasingVectors`).
 */
function describeStoriesOf(
  articles: readonly Article[],
  groups: IdenticalGroups,
  { traitsOf, langs }: EventInputs,
  vectors: SparseVector[],
  stories: readonly Story[],
): StoryFeatures[] {
  const df = new Map<string, number>();
  for (let k = 0; k < groups.firsts.length; k++)
    countNameKeys(df, traitsOf(k).names, (groups.members[k] as number[]).length);
  const weight = nameWeightsOf(df, articles.length);
  const groupIndex = new Map(groups.firsts.map((i, k) => [i, k]));
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  // The documents' look-up keys as sorted numbers, one numbering for the corpus (core/events/keys.ts).
  const numbers = new KeyNumbers();
  const fingerprintOf = (id: string): number | undefined => {
    const i = indexOf.get(id);
    return i === undefined ? undefined : (groupIndex.get(groups.firstOf[i] as number) as number);
  };
  // The look-up keys kept: those a principal name has (a second pass over the traits, `askedKeys`).
  const asked = askedKeys(membersTraits(stories, fingerprintOf, traitsOf), weight);
  const documentOf = (id: string): EventDocument[] => {
    const k = fingerprintOf(id);
    if (k === undefined) return [];
    const a = articles[indexOf.get(id) as number] as Article;
    return [
      describeDocument(a.id, langs[k] as string, a.date, traitsOf(k), vectors[k] as SparseVector, numbers, asked),
    ];
  };
  const release = releasingVectors(vectors, stories, fingerprintOf);
  const pool: NamePool = new Map();
  return stories.map((s) => {
    const features = describeStory(s, s.members.flatMap(documentOf), weight, pool);
    release(s);
    return features;
  });
}

/** Each story's members' traits, a story at a time (read when asked for, let go after). */
function* membersTraits(
  stories: readonly Story[],
  fingerprintOf: (id: string) => number | undefined,
  traitsOf: (k: number) => AnchorTraits,
): Generator<AnchorTraits[]> {
  for (const s of stories)
    yield s.members.flatMap((id) => {
      const k = fingerprintOf(id);
      return k === undefined ? [] : [traitsOf(k)];
    });
}

/** What a vector the events stage let go of reads as: nothing (no stage reads one after). */
const LET_GO_VECTOR: SparseVector = emptyVector();

/**
 * Each fingerprint's vector let go of (its place in `vectors` emptied) once every story naming
 * its articles is described: the events stage is the last to read them, and a story of several
 * members holds the sum of theirs (`centroidOf`), not the vectors themselves. A one-member story's
 * centroid reads its vector: that one stays, held by the story. The vectors were 2 KB an article
 * through the events stage of the first 30,000 bench articles (heap snapshot), and 35,541 of the
 * bench's 100,000 articles are in stories of several members.
 */
function releasingVectors(
  vectors: SparseVector[],
  stories: readonly Story[],
  fingerprintOf: (id: string) => number | undefined,
): (story: Story) => void {
  const readers = new Int32Array(vectors.length);
  for (const s of stories)
    for (const id of s.members) {
      const k = fingerprintOf(id);
      if (k !== undefined) readers[k] = (readers[k] as number) + 1;
    }
  return (story) => {
    for (const id of story.members) {
      const k = fingerprintOf(id);
      if (k === undefined) continue;
      readers[k] = (readers[k] as number) - 1;
      if (readers[k] === 0) vectors[k] = LET_GO_VECTOR;
    }
  };
}

/**
 * The events stage: each story's features (`describeStoriesOf`), then stories grouped into events;
 * the bounds their candidates met, as report fields. It empties `p`'s articles and fingerprints
 * (`releaseArticles`) and `vectors` (`releasingVectors`): the last stage to run.
 */
function eventsStage(
  articles: readonly Article[],
  p: Prepared,
  vectors: SparseVector[],
  stories: readonly Story[],
  pairs: readonly PairResult[],
  { cross, options, held }: { cross: CrossStageResult | undefined; options: ScanOptions; held: HeldTraits | undefined },
): Pick<ScanResult, 'events' | 'eventCandidates'> {
  let inputs: EventInputs | undefined = eventInputs(p, cross, options.anchors ?? {}, held);
  releaseArticles(p);
  // The copy test's bigram profiles the folded copies' judging remembered: no stage after reads them.
  rememberedProfile.forget();
  const features = describeStoriesOf(articles, p.groups, inputs, vectors, stories);
  // The stories hold what they read of the traits: each one's principal names, and a one-member
  // story's sets (most stories).
  inputs = undefined;
  const bounds: EventCandidateBounds = { commonKeys: 0, dropped: 0 };
  const events = eventsOfStories(features, pairs, bounds);
  forgetMemos();
  if (bounds.commonKeys === 0 && bounds.dropped === 0) return { events };
  return {
    events,
    eventCandidates: { perStory: EVENT_CANDIDATES_PER_STORY, commonNames: bounds.commonKeys, dropped: bounds.dropped },
  };
}

function byIds(x: PairResult, y: PairResult): number {
  return x.a.localeCompare(y.a) || x.b.localeCompare(y.b);
}

/** The cross-language options a scan profiles with: the scan's own equivalents table. */
function crossOptionsOf(options: ScanOptions): CrossLanguageOptions {
  return {
    ...(options.crossLanguage || {}),
    ...(options.anchors?.equivalents ? { equivalents: options.anchors.equivalents } : {}),
  };
}

/**
 * Across languages: each fingerprint profiled, and the pairs of different languages proposed that
 * same-language candidates cannot see (undefined with fewer than two known languages). The
 * profiles read names with the scan's own equivalents table.
 */
function crossStage(p: Prepared, options: ScanOptions): CrossStageResult | undefined {
  if (options.crossLanguage === false) return undefined;
  return timed('cross-language', options.onStage, () =>
    prepareCrossLanguage(crossInput(p), crossOptionsOf(options), options.loadCrossLanguage, shelfOf(p, options)),
  );
}

/** What the cross-language stage profiles: the fingerprints as held, their articles read one at a time. */
function crossInput(p: Prepared): CrossStageInput {
  return { fps: p.kept.fingerprints.fps, articles: fingerprintArticles(p.kept) };
}

/** The shelf the profiles go on: the caller's, for a scan that uses slabs. */
function shelfOf(p: Prepared, options: ScanOptions): (() => Shelf | undefined) | undefined {
  return p.slabs ? options.shelf : undefined;
}

/** `crossStage` with the profiles made by `options.profiler` when there is one (on several threads). */
async function crossStageAsync(p: Prepared, options: ScanOptions): Promise<CrossStageResult | undefined> {
  const { profiler } = options;
  if (options.crossLanguage === false || !profiler) return crossStage(p, options);
  return timedAsync(
    'cross-language',
    options.onStage,
    prepareCrossLanguageAsync(
      crossInput(p),
      profiler,
      crossOptionsOf(options),
      options.loadCrossLanguage,
      shelfOf(p, options),
    ),
  );
}

/** The scan up to its score stage: what that stage reads and what the stages after it need. */
interface BeforeScore {
  articles: readonly Article[];
  options: ScanOptions;
  thresholds: Thresholds;
  p: Prepared;
  vectors: SparseVector[];
  cross: CrossStageResult | undefined;
  /** How the candidates were found (their method and cap; their pairs are `pairs`). */
  candidates: CandidatePairs;
  /** The candidate pairs, flat, to be scored; emptied once they are (`letGoOfScoring`). */
  pairs: PairList;
  /** How many candidate pairs there were: the report counts them. */
  candidateCount: number;
}

/**
 * What the score stage alone read, let go once it ends:
 * - the candidate pairs (flat): the stages after read only their count, and the pairs (then a
 *   two-number array each) were held to the end of the scan. The caller's own array
 *   (`ScanOptions.candidates`) is not touched;
 * - the memos judging filled in this thread, bounded whatever the corpus size but full by then:
 *   the copy test's bigram profiles (`rememberedProfile`, 2 × `PROFILES_REMEMBERED` strings) and
 *   the names' sound and skeleton keys (`forgetNameKeys`, 2 × 200,000 spellings). They were held
 *   to the events stage, and to the end: once the score stage of the first 30,000 bench articles
 *   ended (with 2 × 50,000 profiles), V8's heap held 353 MiB after a collection with them, 273
 *   without (README). The folded copies, judged after it (each against itself), remember what
 *   they read afresh; the events stage forgets the memos again (`eventsStage`, `forgetMemos`).
 */
function letGoOfScoring(s: BeforeScore): void {
  s.pairs = NO_PAIRS;
  forgetMemos();
}

/**
 * The memos judging and describing fill (above), forgotten: after the score stage, and again once
 * the events stage has ended, which the folded copies' judging and the documents' names filled
 * again (31 MB of names' keys at the end of a 6,000-article `scanCorpus`, heap snapshot), held
 * while the report is written.
 */
function forgetMemos(): void {
  rememberedProfile.forget();
  forgetNameKeys();
}

/** The scan up to its cross-language stage. */
interface BeforeCross {
  thresholds: Thresholds;
  p: Prepared;
  vectors: SparseVector[];
  /** The candidate pairs within each language (`ScanOptions.candidates`, else `allPairs`). */
  own: CandidatePairs;
}

/**
 * The stages up to the cross-language one, the articles kept in `store` (which the caller closes,
 * whether they end or fail: `ArticleStore.close`).
 */
function beforeCross(
  articles: readonly Article[],
  options: ScanOptions,
  store: ArticleStore,
  slabs: boolean,
  hooks: { onNormalized?: (normalized: NormalizedArticle) => void; onPrepared?: () => void } = {},
): BeforeCross {
  const thresholds = resolveThresholds(options.thresholds);
  const p = prepare(articles, options, store, slabs, hooks.onNormalized);
  hooks.onPrepared?.();
  const fps: readonly { terms: string[] }[] = p.kept.fingerprints.fps;
  const vectors = timed('tfidf', options.onStage, () =>
    vectorizeCorpus(
      fps.map((f) => f.terms),
      p.weights,
    ),
  );
  const progress = (done: number, total: number) => options.onProgress?.('candidates', done, total);
  const own = timed('candidates', options.onStage, () => {
    // The fingerprints whole, one at a time: a shelved article is read back when asked for.
    const whole = wholeFingerprints(p.kept);
    return options.candidates
      ? options.candidates(whole, vectors, progress)
      : allPairs(whole, vectors, candidateFloor(thresholds), undefined, progress);
  });
  releaseTerms(p.kept.fingerprints.fps);
  return { thresholds, p, vectors, own };
}

/**
 * The candidate pairs within each language and those across languages, as one flat list
 * (`flatPairs`). The former are found before the cross-language stage, so that the content terms
 * they read are let go before it: 2.8 KB an article held through that stage, the scan's longest (a
 * heap snapshot of the first 10,000 bench articles), where the pairs found (26 an article there)
 * take 72 bytes each as two-number arrays in a list, 8 flat.
 */
function afterCross(
  articles: readonly Article[],
  options: ScanOptions,
  b: BeforeCross,
  cross: CrossStageResult | undefined,
): BeforeScore {
  const { thresholds, p, vectors, own } = b;
  const pairs = flatPairs(cross ? mergePairs(own.pairs, cross.pairs) : own.pairs);
  letGoOfLists(b, cross);
  const candidates = { ...own, pairs: [] };
  return { articles, options, thresholds, p, vectors, cross, candidates, pairs, candidateCount: pairCount(pairs) };
}

/**
 * The two lists the candidates were merged from, let go of once merged (and flattened: `PairList`,
 * 8 bytes a pair, let go of in turn when the score stage ends, `letGoOfScoring`). They were held
 * to the end of the scan by the stage results the scan keeps (`cross` for its profiles and
 * summary, `b` by its caller). The pairs across languages are most of a large corpus's
 * candidates: 732,148 of them held 50.3 MB (69 bytes a pair) through the events stage of the
 * first 30,000 bench articles (heap snapshot), and 100,000 articles have 2,491,025.
 */
function letGoOfLists(b: BeforeCross, cross: CrossStageResult | undefined): void {
  b.own = { ...b.own, pairs: [] };
  if (cross) cross.pairs = [];
}

const NO_TERMS: string[] = [];
const NO_PAIRS = new Uint32Array(0);

/**
 * Each fingerprint's content terms (with their repeats, one reference each) let go once the
 * TF-IDF vectors and the candidates are made: no stage after reads them, and they were 3.1 KB an
 * article held to the end of a 100,000-article scan.
 */
function releaseTerms(fps: readonly { terms: string[] }[]): void {
  for (const f of fps) f.terms = NO_TERMS;
}

/** Scan a corpus in this thread. */
export function scanCorpus(articles: readonly Article[], options: ScanOptions = {}): ScanResult {
  const slabs = usesSlabs(articles, options);
  const store = articleStore(slabs, options);
  let cross: CrossStageResult | undefined;
  try {
    const b = beforeCross(articles, options, store, slabs);
    cross = crossStage(b.p, options);
    const s = afterCross(articles, options, b, cross);
    const judged = timed('score', options.onStage, () => {
      const j = judgeAll(scoringInput(s), s.pairs, (done, total) => options.onProgress?.('score', done, total));
      letGoOfScoring(s);
      return j;
    });
    return afterScore(s, judged);
  } finally {
    cross?.shelf?.close();
    store.close();
  }
}

/** What the score stage reads: the fingerprints, their vectors and, when shelved, their profiles. */
function scoringInput(s: BeforeScore): ScoringInput {
  return {
    ...s.p.kept.fingerprints,
    vectors: s.vectors,
    thresholds: s.thresholds,
    ...(s.cross?.shelf ? { profileOf: s.cross.profileOf } : {}),
  };
}

/**
 * Progress that also takes in the anchors' traits the worker has sent back, every 64th call: the
 * stages before scoring do not return to the event loop, and what the worker posted waited
 * there, queued copies, until the score stage (a 30,000-article scan's peak RSS 2,132 → 2,042
 * MiB, and the wait for the anchors after scoring 3.7 s → 32 ms, `scan --timings`).
 */
function polling(feed: AnchorsFeed, onProgress: ProgressListener | undefined): ProgressListener {
  let calls = 0;
  return (stage, done, total) => {
    if ((++calls & 63) === 0) feed.poll();
    onProgress?.(stage, done, total);
  };
}

/**
 * Scan a corpus, its score stage run by `judge` (`judgeInWorkers`, pipeline/workers/scorePool.ts,
 * spreads it over worker threads); the same result as `scanCorpus`.
 */
export async function scanCorpusAsync(
  articles: readonly Article[],
  options: ScanOptions & { judge: PairJudge },
): Promise<ScanResult> {
  // Ends the anchors job if the scan fails before it is needed (its worker would keep the process alive).
  const abort = new AbortController();
  const slabs = usesSlabs(articles, options);
  const withJob = options.anchorsJob !== undefined && options.events !== false;
  let anchors: Promise<Sequence<AnchorTraits>> | undefined;
  let cross: CrossStageResult | undefined;
  let store: ArticleStore | undefined;
  // The traits go on a shelf of their own in a scan that shelves its articles.
  let traitsShelf: Shelf | undefined;
  try {
    store = articleStore(slabs, options);
    traitsShelf = withJob && store.shelved ? options.shelf?.() : undefined;
    // Each article's anchors' traits, read elsewhere from the moment it is normalized (one per article, in order).
    const feed = withJob ? options.anchorsJob?.(options.anchors ?? {}, abort.signal, traitsShelf) : undefined;
    const polled = feed ? { ...options, onProgress: polling(feed, options.onProgress) } : options;
    const b = beforeCross(
      articles,
      polled,
      store,
      slabs,
      feed
        ? {
            onNormalized: (n) => feed.add(anchorSourceOf(n)),
            onPrepared: () => {
              anchors = feed.end();
              // Awaited after the score stage; a failure before that is the scan's own.
              anchors.catch(() => undefined);
            },
          }
        : {},
    );
    cross = await crossStageAsync(b.p, options);
    const s = afterCross(articles, polled, b, cross);
    const t0 = performance.now();
    const judged = await options.judge(scoringInput(s), s.pairs, (done, total) =>
      options.onProgress?.('score', done, total),
    );
    // Let go of before the stage is told ended: a caller that collects garbage then finds them gone.
    letGoOfScoring(s);
    options.onStage?.('score', performance.now() - t0);
    // The time the scan waits for the anchors is a stage of its own in --timings.
    // Awaited inside a holder the events stage empties (`eventInputs`): the job that resumes this
    // function keeps what it was resumed with until the scan ends, as a settled promise keeps its value.
    const held = anchors
      ? await timedAsync(
          'anchors',
          options.onStage,
          anchors.then((traits): HeldTraits => ({ traits })),
        )
      : undefined;
    anchors = undefined;
    return afterScore(s, judged, held);
  } finally {
    abort.abort();
    cross?.shelf?.close();
    traitsShelf?.close();
    store?.close();
  }
}

/** The stages after scoring: copies, stories, listing, nearest pairs, notes, events. */
function afterScore(
  { articles, options, thresholds, p, vectors, cross, candidates, candidateCount }: BeforeScore,
  judged: Judged,
  held?: HeldTraits,
): ScanResult {
  const { onStage, onProgress } = options;
  const copyPairs = timed('copies', onStage, () => judgeCopies(p, vectors, thresholds));
  const stories = timed('cluster', onStage, () => clusterAll(articles, p, vectors, judged.linked, cross, onProgress));
  const listing = listPairs(
    judged.linked.map((j) => j.result),
    options.maxListedPairs ?? MAX_LISTED_PAIRS_PER_DOCUMENT,
  );
  const pairs = [...listing.listed, ...copyPairs].sort(byIds);
  const nearest =
    options.explain === false
      ? undefined
      : timed('explain', onStage, () => {
          const near = pickNearest(judged.nearest.list(), (k) => wholeFingerprint(p.kept.fingerprints, k));
          const words = fingerprintWords(p.kept);
          markFormulaic(articles.length <= FORMULAIC_LOOKUP_LIMIT ? [...pairs, ...near] : near, words, p.weights);
          return near;
        });
  // The summaries before the events stage, which lets go of the articles they read.
  const documents = timed('notes', onStage, () => summarizeAll(articles, p));
  const identical = articles.length - p.groups.firsts.length;
  const events =
    options.events === false
      ? undefined
      : timed('events', onStage, () =>
          eventsStage(articles, p, vectors, stories, [...judged.linked.map((j) => j.result), ...copyPairs], {
            cross,
            options,
            held,
          }),
        );
  return {
    version: 2,
    documents,
    pairs,
    stories,
    thresholds,
    candidates: {
      method: candidates.method,
      pairs: candidateCount,
      ...(identical > 0 ? { identical } : {}),
      ...(candidates.cap ? { cap: candidates.cap } : {}),
    },
    ...(listing.omitted > 0
      ? { listing: { perDocument: options.maxListedPairs ?? MAX_LISTED_PAIRS_PER_DOCUMENT, omitted: listing.omitted } }
      : {}),
    ...(nearest ? { nearest } : {}),
    ...(events ?? {}),
    ...(cross ? { crossLanguage: cross.summary } : {}),
  };
}
