/**
 * The cross-language profiles made on two threads (`profilesInWorker`) are those made in one
 * (`profileHere`): each at its article's place, over many shares, whichever thread made it; a scan
 * with the worker gives a byte-identical report, its articles' typed arrays in slabs or not; a
 * worker that fails fails the stage with its message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInternPool, internString } from '../../src/core/intern.js';
import { normalizeArticle } from '../../src/core/text/normalize.js';
import { parseEquivalents } from '../../src/core/xling/equivalents.js';
import { buildLexicon } from '../../src/core/xling/lexicon.js';
import { generateVariants } from '../../src/eval/generate.js';
import { readCorpus } from '../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../src/io/resources.js';
import { loadCrossLanguage } from '../../src/pipeline/crossLanguage.js';
import { type CrossProfiler, profileHere } from '../../src/pipeline/crossStage.js';
import { scanCorpus, scanCorpusAsync } from '../../src/pipeline/scan.js';
import {
  createKeyNumbers,
  keysReader,
  newKeys,
  numberProfileKeys,
  profilesInWorker,
} from '../../src/pipeline/workers/profilePool.js';
import { judgeInWorkers } from '../../src/pipeline/workers/scorePool.js';
import { renderJson } from '../../src/report/json.js';
import type { Article, NormalizedArticle } from '../../src/types/index.js';
import { CORPUS, EVAL_DIR, readEvalRows } from '../helpers/fixtures.js';

const WEB_MULTI = join(EVAL_DIR, 'web-multi.jsonl');
const judge = judgeInWorkers(0);

/**
 * The seeds and generated variants of each (copies, excerpts, edits), every third one said to be
 * Spanish: two known languages, so the scan profiles every article (what is compared here is
 * where the profiles are made, not whether a Spanish reading is right).
 */
async function twoLanguages(): Promise<Article[]> {
  const seeds = await readCorpus([CORPUS]);
  const variants = generateVariants(seeds, { seed: 11, perSource: 12 }).map((v) => ({ id: v.id, text: v.text }));
  return [...seeds, ...variants].map((a, i) => ({ ...a, lang: i % 3 === 0 ? 'es' : 'en' }));
}

describe('cross-language profiles made on two threads', async () => {
  const equivalents = parseEquivalents(await readEquivalentsText());
  const articles = await twoLanguages();

  it('are those made in one thread, in order, over many shares', async () => {
    const normalized = articles.map((a) => normalizeArticle(a));
    const words = new Map<string, Set<string>>();
    for (const n of normalized) words.set(n.lang, new Set([...(words.get(n.lang) ?? []), ...n.tokens]));
    const resources = loadCrossLanguage({ languages: ['en', 'es'], words }, { dictionaries: false, equivalents });
    // Shares of 7: the worker takes the first two, then one whenever it answers; this thread the rest.
    const shared = await profilesInWorker({ share: 7, minArticles: 0 })(normalized, resources);
    expect(normalized.length).toBeGreaterThan(5 * 7);
    expect(shared).toEqual(profileHere(normalized, resources));
    // What they hold: keyed sentences with keys, names read across languages.
    expect(shared.every((p) => p.keyed.keys.length > 0)).toBe(true);
    expect(shared.flatMap((p) => p.anchors.names).length).toBeGreaterThan(normalized.length);
  });

  it("keys travel as numbers: each key's string once, read back as the scan's thread's pooled copy", () => {
    const normalized = articles.slice(0, 12).map((a) => normalizeArticle(a));
    const words = new Map<string, Set<string>>();
    for (const n of normalized) words.set(n.lang, new Set([...(words.get(n.lang) ?? []), ...n.tokens]));
    const resources = loadCrossLanguage({ languages: ['en', 'es'], words }, { dictionaries: false, equivalents });
    const made = profileHere(normalized, resources);
    const numbers = createKeyNumbers();
    // Two replies: the first six profiles, then the other six (copies of the same seeds' variants).
    const replies = [made.slice(0, 6), made.slice(6)].map((share) => {
      const profiles = share.map((p) => numberProfileKeys(p, numbers));
      return structuredClone({ profiles, newKeys: newKeys(numbers) });
    });
    const [first, second] = replies as [(typeof replies)[0], (typeof replies)[0]];
    const distinct = new Set(made.flatMap((p) => [...p.keyed.keys, ...p.keyed.quotedKeys]));
    // Every key sent once, in the order numbered; the second reply sends only keys the first did not hold.
    expect(first.newKeys.length + second.newKeys.length).toBe(distinct.size);
    expect(new Set([...first.newKeys, ...second.newKeys]).size).toBe(distinct.size);
    expect(second.newKeys.length).toBeLessThan(first.newKeys.length);
    expect(first.profiles.every((p) => p.keyed.keys.length === 0 && p.keyNumbers.length > 0)).toBe(true);
    const pool = createInternPool();
    const reader = keysReader((k) => internString(pool, k));
    const back = replies.flatMap((r) => {
      reader.learn(r.newKeys);
      return r.profiles.map((p) => reader.read(p));
    });
    expect(back).toEqual(made);
    for (const p of back) for (const k of p.keyed.keys) expect(pool.strings.get(k)).toBe(k);
  });

  it('with a dictionary: the worker gets the lexicon as data and reads with it as this thread does', async () => {
    const normalized = articles.map((a) => normalizeArticle(a));
    // A few headwords the seeds hold (the "Spanish" ones are English text), and a name.
    const tools = {
      fold: (w: string) => w.toLowerCase(),
      stemForeign: (w: string) => w,
      stemEnglish: (w: string) => w.replace(/s$/, ''),
      englishStopwords: new Set(['the', 'a']),
    };
    const entries = ['party', 'relations', 'cooperation', 'president', 'meeting'].map((w) => ({
      headword: w,
      body: `${w}\n${w}\n`,
    }));
    const lexicon = buildLexicon('es', { toEnglish: [...entries, { headword: 'Cuba', body: 'Cuba\nCuba\n' }] }, tools);
    const resources = { lexicons: new Map([['es', lexicon]]), missing: [], equivalents };
    const shared = await profilesInWorker({ share: 7, minArticles: 0 })(normalized, resources);
    const here = profileHere(normalized, resources);
    expect(shared).toEqual(here);
    // The lexicon was read: Spanish profiles know some of their words.
    expect(here.some((p) => p.lang === 'es' && p.known > 0)).toBe(true);
  });

  it.each([
    ['articles as made', false],
    ["the articles' typed arrays in slabs", true],
  ])('a scan with the worker gives the same report: %s', async (_name, slabs) => {
    let calls = 0;
    const inWorker = profilesInWorker({ share: 9, minArticles: 0 });
    const counted: CrossProfiler = (list, resources) => {
      calls++;
      return inWorker(list, resources);
    };
    const options = { anchors: { equivalents }, crossLanguage: { dictionaries: false }, slabs };
    const withWorker = await scanCorpusAsync(articles, { ...options, judge, profiler: counted });
    expect(calls).toBe(1);
    expect(withWorker.crossLanguage?.languages).toEqual(['en', 'es']);
    expect(renderJson(withWorker)).toBe(renderJson(scanCorpus(articles, options)));
  });

  it.skipIf(!existsSync(WEB_MULTI))(
    'real pages in many languages, with the dictionaries installed here (web-multi, needs ../shared/eval): the same report',
    async () => {
      const multi = readEvalRows(WEB_MULTI).map((r) => ({ id: r.id, text: r.text, lang: r.lang }));
      const options = { anchors: { equivalents } };
      const withWorker = await scanCorpusAsync(multi, {
        ...options,
        judge,
        profiler: profilesInWorker({ share: 5, minArticles: 0 }),
      });
      expect(withWorker.crossLanguage?.languages.length).toBeGreaterThan(3);
      expect(renderJson(withWorker)).toBe(renderJson(scanCorpus(multi, options)));
    },
  );

  it('a worker that fails fails the stage, with its message', async () => {
    const normalized = articles.slice(0, 30).map((a) => normalizeArticle(a));
    // The worker's first share holds an article it cannot read (no sentences).
    const broken = [{ ...normalized[0], sentences: undefined } as unknown as NormalizedArticle, ...normalized.slice(1)];
    const resources = loadCrossLanguage(
      { languages: ['en', 'es'], words: new Map([['en', new Set<string>()]]) },
      { dictionaries: false, equivalents },
    );
    await expect(profilesInWorker({ share: 5, minArticles: 0 })(broken, resources)).rejects.toThrow(
      /^profile worker: /,
    );
  });

  it('below its size the worker is not started: the profiles are made here', async () => {
    const normalized = articles.slice(0, 12).map((a) => normalizeArticle(a));
    const resources = loadCrossLanguage(
      { languages: ['en', 'es'], words: new Map() },
      { dictionaries: false, equivalents },
    );
    // An article that would fail in a worker's first share fails here, in this thread, with the reading's own error.
    const broken = [{ ...normalized[0], sentences: undefined } as unknown as NormalizedArticle, ...normalized.slice(1)];
    await expect(profilesInWorker({ share: 5, minArticles: 100 })(broken, resources)).rejects.toThrow(TypeError);
    expect(() => profilesInWorker({ share: 0 })).toThrow(RangeError);
  });
});
