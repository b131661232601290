/**
 * The cross-language stage's profiles made on two threads: the scan's and one worker
 * (profileWorker.ts) take shares of the articles, `PROFILE_SHARE` at a time, as each finishes its
 * last; each profile lands at its article's place, so the profiles, and all the scan makes of them,
 * are those of one thread (`profileArticle` is pure; a test holds the two together).
 *
 * Why: in a scan across languages the profiles are the longest stage the scan's thread runs alone
 * after `prepare` (a 100,000-article scan of the bench corpus: the cross-language stage 694 s, of
 * which the candidate search about 87; `profileArticle` about 3 ms an article). The worker gets a
 * copy of the resources (the dictionaries loaded for the corpus's words, the equivalents table)
 * and keeps its own word cache; each article travels as its normalized form (its typed arrays
 * copied first, so that a view of a slab does not send the slab), each profile back as its
 * compact form (the keyed sentences' buffer transferred, their keys as numbers, `NumberedProfile`;
 * its other strings shared again here).
 */
import type { Worker } from 'node:worker_threads';
import { type LexiconData, lexiconData, lexiconOf } from '../../core/xling/lexicon.js';
import type { CrossLanguageResources, CrossProfile } from '../../core/xling/profile.js';
import type { NormalizedArticle, Sequence } from '../../types/index.js';
import { type CrossProfiler, type ProfileSink, profileHere, profileMaker } from '../crossStage.js';
import { keysReader, type NumberedProfile } from '../profileKeys.js';
import { portableArticle } from './portable.js';
import { shareOut } from './shares.js';
import { spawnWorker } from './spawn.js';

/**
 * Articles in one share: about a third of a second of profiles (3 ms an article on the bench
 * corpus), so that the scan's thread reads the worker's replies and feeds it often, and the last
 * shares end close together.
 */
export const PROFILE_SHARE = 100;

/**
 * Articles from which the profiles are shared with a worker: below, its start and its copy of the
 * resources (0.4–0.8 s) cost more than it saves. Measured on the first bench articles in one
 * process (the dictionaries installed here, the equivalents table; medians of three): 1,000
 * articles 0.89 s in this thread against 1.24 s shared, 2,000 articles 5.3 against 4.2 s, 4,000
 * 12.9 against 9.2 s. The line falls between the first two sizes; 2,000 is the first measured
 * size that gains (README, "Scan on two cores").
 */
export const PROFILE_WORKER_MIN_ARTICLES = 2000;

export interface ProfileWorkerOptions {
  /** Articles in a share (default `PROFILE_SHARE`). */
  share?: number;
  /** Fewest articles for which the worker is started (default `PROFILE_WORKER_MIN_ARTICLES`). */
  minArticles?: number;
}

/** The resources as a worker is sent them (workerData): the lexicons as data (`resourcesFrom` gives them back). */
export interface SentResources extends Omit<CrossLanguageResources, 'lexicons'> {
  lexicons: ReadonlyMap<string, LexiconData>;
}

/** `resources` as a worker can be sent them (a lexicon's word test is a function: it goes as data). */
export function sendableResources(resources: CrossLanguageResources): SentResources {
  return {
    ...resources,
    lexicons: new Map([...resources.lexicons].map(([lang, lexicon]) => [lang, lexiconData(lexicon)])),
  };
}

/** The resources a worker was sent, whole again (`sendableResources` undone). */
export function resourcesFrom(sent: SentResources): CrossLanguageResources {
  return { ...sent, lexicons: new Map([...sent.lexicons].map(([lang, data]) => [lang, lexiconOf(data)])) };
}

interface ShareReply {
  id: number;
  /** Their keyed sentences' keys as numbers (`NumberedProfile`). */
  profiles?: NumberedProfile[];
  /** The keys numbered since the last reply, in the order of their numbers. */
  newKeys?: string[];
  error?: string;
}

export {
  createKeyNumbers,
  type KeyNumbers,
  keysReader,
  type NumberedProfile,
  newKeys,
  numberProfileKeys,
} from '../profileKeys.js';

/** A `CrossProfiler` that shares the profiles with one worker thread from `minArticles` articles on. */
export function profilesInWorker(options: ProfileWorkerOptions = {}): CrossProfiler {
  const share = options.share ?? PROFILE_SHARE;
  const minArticles = options.minArticles ?? PROFILE_WORKER_MIN_ARTICLES;
  if (!Number.isInteger(share) || share < 1) throw new RangeError(`share must be a whole number ≥ 1, got ${share}`);
  return async (articles, resources, sink) => {
    if (articles.length < minArticles || articles.length <= share) return profileHere(articles, resources, sink);
    const worker = spawnWorker('profileWorker', sendableResources(resources));
    try {
      return await profileShared(worker, articles, resources, share, sink);
    } finally {
      await worker.terminate();
    }
  };
}

/** Articles `from` up to `to` (fewer at the end), as the worker is sent them. */
function shareOf(articles: Sequence<NormalizedArticle>, from: number, to: number): NormalizedArticle[] {
  const out: NormalizedArticle[] = [];
  for (let k = from; k < Math.min(to, articles.length); k++)
    out.push(portableArticle(articles.at(k) as NormalizedArticle));
  return out;
}

async function profileShared(
  worker: Worker,
  articles: Sequence<NormalizedArticle>,
  resources: CrossLanguageResources,
  share: number,
  sink: ProfileSink | undefined,
): Promise<CrossProfile[]> {
  const { profile, adopt, intern } = profileMaker(resources);
  const total = articles.length;
  const out: CrossProfile[] = sink ? [] : new Array(total);
  const give: ProfileSink =
    sink ??
    ((k, p) => {
      out[k] = p;
    });
  // One worker answers its shares in the order it was given them: its new keys arrive in order.
  const numbered = keysReader(intern);
  await shareOut<ShareReply>([worker], {
    count: Math.ceil(total / share),
    message: (id) => ({ value: { id, articles: shareOf(articles, id * share, (id + 1) * share) } }),
    reply: (msg) => {
      if (msg.error !== undefined || !msg.profiles) return new Error(`profile worker: ${msg.error ?? 'no profiles'}`);
      numbered.learn(msg.newKeys ?? []);
      msg.profiles.forEach((p, k) => {
        give(msg.id * share + k, adopt(numbered.read(p)));
      });
      return undefined;
    },
    here: (id) => {
      const end = Math.min(total, (id + 1) * share);
      for (let i = id * share; i < end; i++) give(i, profile(articles.at(i) as NormalizedArticle));
    },
    stopped: (code) => new Error(`the profile worker stopped (exit code ${code}) before the stage ended`),
  });
  return out;
}
