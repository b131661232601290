/**
 * A document's event features: its anchors' traits (`anchorTraits`, what a scan holds for every
 * article and a worker posts) and the document described from them (`describeDocument`): the
 * occasion's day, the lede's weekday, the figures and years, on short real-style texts; stories
 * described from them with their names from a pool and their small sets shared (`describeStory`).
 */

import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  anchorTraits,
  askedKeys,
  dayOf,
  describeDocument,
  describeStory,
  internTraits,
  type NamePool,
  storyPrincipals,
} from '../../../src/core/events/features.js';
import { hasAnyKey } from '../../../src/core/events/keys.js';
import { createInternPool } from '../../../src/core/intern.js';
import { emptyVector } from '../../../src/core/similarity/cosine.js';
import { normalizeArticle } from '../../../src/core/text/normalize.js';
import { extractAnchors } from '../../../src/core/xling/anchors.js';

const NO_VECTOR = emptyVector();

const LEDE =
  'Havana, April 23, 2024. Liu Jianchao met Cuban leader Miguel Díaz-Canel on Tuesday in Havana to discuss cooperation.';
const BODY = [
  'The delegation signed 14 agreements worth 120 million dollars, Liu Jianchao said.',
  'Díaz-Canel thanked the International Department for its support since 1960.',
  'Both sides praised the friendship between the two parties and the two peoples.',
  'The talks followed a visit by a Cuban delegation in 2023 and will continue next year.',
].join(' ');

function traitsOf(text: string) {
  const n = normalizeArticle({ id: 'a', text });
  return { n, traits: anchorTraits(extractAnchors(n), n.clean.length) };
}

describe('anchorTraits', () => {
  const { traits } = traitsOf(`${LEDE} ${BODY}`);

  it('keeps the names without where the text mentions them', () => {
    expect(traits.names.map((x) => x.text)).toEqual(expect.arrayContaining(['Liu Jianchao']));
    for (const name of traits.names) expect(name).not.toHaveProperty('mentions');
  });

  it('reads the lede: its full date as the named day, its weekday', () => {
    expect(traits.namedDay).toBe(dayOf('2024-04-23'));
    expect(traits.ledeWeekday).toBe(2);
  });

  it('figures: numbers that tell occasions apart, not years; years the text writes, each once', () => {
    // "120 million" is one figure; the lede's date is one too (month and day); 1960, 2023, 2024 are years.
    expect(traits.figures).toEqual(['n:14', 'n:120000000', '--4-23']);
    expect([...traits.years].sort()).toEqual(expect.arrayContaining([1960, 2023, 2024]));
    expect(new Set(traits.years).size).toBe(traits.years.length);
  });

  it('a date and weekday past the lede are not the occasion', () => {
    const late = traitsOf(`${BODY} ${BODY} ${BODY} The next round is set for Friday, June 7, 2024.`).traits;
    expect(late.namedDay).toBeUndefined();
    expect(late.ledeWeekday).toBeUndefined();
  });

  it('survives a structured clone (what the worker posts) unchanged', () => {
    expect(structuredClone(traits)).toEqual(traits);
  });
});

describe('describeDocument: the occasion day', () => {
  const { n, traits } = traitsOf(`${LEDE} ${BODY}`);
  const named = dayOf('2024-04-23') as number;
  it.each([
    { name: 'no article date: the day the lede names', date: undefined, want: named },
    { name: 'published that day', date: '2024-04-23', want: named },
    { name: 'republished three weeks later', date: '2024-05-14', want: named },
    { name: 'the day before (time zones)', date: '2024-04-22', want: named },
    { name: 'published two months later: its own date', date: '2024-06-23', want: dayOf('2024-06-23') },
    { name: 'dated before the named day: its own date', date: '2024-04-10', want: dayOf('2024-04-10') },
  ])('$name', ({ date, want }) => {
    const d = describeDocument('a', n.lang, date, traits, NO_VECTOR);
    expect(d.day).toBe(want);
    expect([...d.figures]).toEqual(traits.figures);
    expect(d.lookup).toEqual(new Set(traits.lookup));
    expect(d.ledeWeekday).toBe(2);
  });

  it('no date anywhere: no day', () => {
    const plain = traitsOf(BODY);
    expect(describeDocument('a', plain.n.lang, undefined, plain.traits, NO_VECTOR).day).toBeUndefined();
  });
});

describe('internTraits', () => {
  const texts = [`${LEDE} ${BODY}`, `${BODY} ${LEDE}`, `Liu Jianchao and Díaz-Canel met again. ${BODY}`];
  const read = texts.map((t) => traitsOf(t).traits);

  it('changes nothing a document reads', () => {
    const pool = createInternPool();
    const interned = read.map((t) => internTraits(structuredClone(t), pool));
    expect(interned).toEqual(read);
  });

  it("documents naming the same person share one list of that name's keys", () => {
    const pool = createInternPool();
    const [a, b, c] = read.map((t) => internTraits(structuredClone(t), pool));
    const liu = (t: typeof a) => t?.names.find((n) => n.text === 'Liu Jianchao');
    expect(liu(a)?.keys.length).toBeGreaterThan(0);
    expect(liu(b)?.keys).toBe(liu(a)?.keys);
    expect(liu(c)?.keys).toBe(liu(a)?.keys);
    // Without the pool, two reads are two lists.
    expect(liu(structuredClone(read[1]))?.keys).not.toBe(liu(a)?.keys);
  });
});

describe('describeStory with a pool of names', () => {
  const texts = [
    `${LEDE} ${BODY}`,
    'Havana, April 25, 2024. Miguel Díaz-Canel received Liu Jianchao on Thursday and praised the two parties.',
    'Beijing, May 2, 2024. On Thursday the minister Liu Jianchao told reporters in Beijing that the International Department would host Cuban officials, Liu Jianchao said.',
  ];
  const docs = texts.map((text, k) => {
    const n = normalizeArticle({ id: `d${k}`, text });
    return describeDocument(`d${k}`, 'en', `2024-0${4 + Math.floor(k / 2)}-2${3 + 2 * k}`, readTraitsOf(n), NO_VECTOR);
  });
  const weight = () => 1;
  const stories = [
    { id: 's1', members: ['d0', 'd1'] },
    { id: 's2', members: ['d2'] },
  ];
  const membersOf = (s: { members: string[] }) => docs.filter((d) => s.members.includes(d.id));

  it('describes each story as without the pool, the same name one object across stories', () => {
    const pool: NamePool = new Map();
    const pooled = stories.map((s) => describeStory(s, membersOf(s), weight, pool));
    const own = stories.map((s) => describeStory(s, membersOf(s), weight));
    // What the stages after read of a name; `first` and `count` are the first naming document's.
    const read = (fs: typeof pooled) =>
      fs.map((f) => ({
        ...f,
        names: f.names.map((n) => ({ weight: n.weight, ...pick(n.anchor) })),
      }));
    const pick = ({ key, keys, text, english, kind }: (typeof pooled)[number]['names'][number]['anchor']) => ({
      key,
      keys,
      text,
      english,
      kind,
    });
    expect(read(pooled)).toEqual(read(own));
    // A name both stories hold as written alike is one object with the pool, two without.
    const alike = (fs: typeof pooled) =>
      (fs[1]?.names ?? []).flatMap((n) => {
        const same = fs[0]?.names.find((m) => isDeepStrictEqual(pick(m.anchor), pick(n.anchor)));
        return same ? [[same.anchor, n.anchor]] : [];
      });
    expect(alike(pooled).length).toBeGreaterThan(0);
    for (const [x, y] of alike(pooled)) expect(x).toBe(y);
    for (const [x, y] of alike(own)) expect(x).not.toBe(y);
  });

  it('shares the sets that hold the same few members: languages, weekdays, none', () => {
    const [a, b] = stories.map((s) => describeStory(s, membersOf(s), weight));
    expect(a?.languages).toBe(b?.languages);
    expect([...(a?.languages ?? [])]).toEqual(['en']);
    const again = describeStory(
      stories[1] as (typeof stories)[number],
      membersOf(stories[1] as (typeof stories)[number]),
      weight,
    );
    expect(again.weekdays).toBe(b?.weekdays);
    expect([...(b?.weekdays ?? [])].sort()).toEqual([3, 4]);
    const plain = describeDocument('p', 'en', undefined, { names: [], lookup: [], figures: [], years: [] }, NO_VECTOR);
    expect(plain.figures.size).toBe(0);
    expect(plain.figures).toBe(plain.years);
  });
});

function readTraitsOf(n: ReturnType<typeof normalizeArticle>) {
  return anchorTraits(extractAnchors(n), n.clean.length);
}

describe('askedKeys: the look-up keys a story is asked about', () => {
  const texts = [
    // More names than a story's principals: the last few are never asked about.
    `${LEDE} ${BODY} Delegates came from Angola, Brazil, Chile, Denmark, Egypt, Finland, Ghana, Hungary, Iceland, Jamaica, Kenya, Lebanon, Mexico and Norway.`,
    'Havana, April 25, 2024. Miguel Díaz-Canel received Liu Jianchao on Thursday and praised the Communist Party of Cuba and the Communist Party of China.',
    'Beijing, May 2, 2024. On Thursday the minister Liu Jianchao told reporters in Beijing that the International Department would host Cuban officials, Liu Jianchao said.',
  ];
  const traits = texts.map((text) => readTraitsOf(normalizeArticle({ id: 'x', text })));
  const weight = (key: string) => 1 + key.length / 10;
  const stories = traits.map((t) => [t]);
  const asked = askedKeys(stories, weight);

  it('holds every key of every principal name, and only those', () => {
    const expected = new Set(stories.flatMap((m) => storyPrincipals(m, weight).flatMap((n) => n.anchor.keys)));
    expect(asked).toEqual(expected);
    expect(asked.size).toBeGreaterThan(0);
  });

  it('leaves out look-up keys no principal name has, and every answer about a principal the same', () => {
    const docs = (keep?: ReadonlySet<string>) =>
      traits.map((t, k) => describeDocument(`d${k}`, 'en', undefined, t, NO_VECTOR, undefined, keep));
    const whole = docs();
    const kept = docs(asked);
    const all = whole.reduce((n, d) => n + d.lookup.size, 0);
    expect(kept.reduce((n, d) => n + d.lookup.size, 0)).toBeLessThan(all);
    for (const m of stories)
      for (const n of storyPrincipals(m, weight))
        for (let d = 0; d < whole.length; d++)
          expect(hasAnyKey((kept[d] as (typeof kept)[number]).lookup, n.anchor.keys)).toBe(
            hasAnyKey((whole[d] as (typeof whole)[number]).lookup, n.anchor.keys),
          );
  });
});
