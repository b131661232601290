/**
 * The event level's occasion and linking rules on hand-built story features (table-driven), and
 * on real texts: the seeds' two reports of the April 2024 visit, written by different outlets.
 */
import { describe, expect, it } from 'vitest';
import { centroidOf } from '../../../src/core/events/centroid.js';
import type { StoryFeatures } from '../../../src/core/events/features.js';
import { compareOccasions, EVENT_STALE_YEARS, EVENT_WINDOW_DAYS, formatDays } from '../../../src/core/events/link.js';
import { parseEquivalents } from '../../../src/core/xling/equivalents.js';
import { readCorpus } from '../../../src/io/readCorpus.js';
import { readEquivalentsText } from '../../../src/io/resources.js';
import { compareArticles } from '../../../src/pipeline/compare.js';
import { scanCorpus } from '../../../src/pipeline/scan.js';
import type { Article, Story } from '../../../src/types/index.js';
import { CORPUS } from '../../helpers/fixtures.js';

const DAY_2024_04_23 = Date.UTC(2024, 3, 23) / 86_400_000;

/** Story features with only what the occasion rules read. */
function features(o: { days?: number[]; years?: number[]; weekdays?: number[] }): StoryFeatures {
  const story: Story = { id: 's', members: ['x'], relations: {} } as unknown as Story;
  return {
    story,
    names: [],
    lookup: new Set(),
    figures: new Set(),
    years: new Set(o.years ?? []),
    days: o.days ?? [],
    weekdays: new Set(o.weekdays ?? []),
    languages: new Set(['en']),
    centroid: centroidOf([]),
  };
}

describe('compareOccasions', () => {
  const d = DAY_2024_04_23;
  it.each([
    { name: 'same day', a: { days: [d] }, b: { days: [d] }, want: 'same' },
    {
      name: `dates ${EVENT_WINDOW_DAYS} days apart`,
      a: { days: [d] },
      b: { days: [d + EVENT_WINDOW_DAYS] },
      want: 'same',
    },
    {
      name: `dates ${EVENT_WINDOW_DAYS + 1} days apart`,
      a: { days: [d] },
      b: { days: [d + EVENT_WINDOW_DAYS + 1] },
      want: 'other',
    },
    { name: 'undated, no years', a: { days: [d] }, b: {}, want: 'unknown' },
    { name: 'undated, writes the same year', a: { days: [d] }, b: { years: [2019, 2024] }, want: 'unknown' },
    { name: 'undated, writes a recent past year only', a: { days: [d] }, b: { years: [2022] }, want: 'unknown' },
    {
      name: `undated, latest year more than ${EVENT_STALE_YEARS} years before`,
      a: { days: [d] },
      b: { years: [1975, 2007] },
      want: 'other',
    },
    { name: 'undated, writes a later year', a: { days: [d] }, b: { years: [2026] }, want: 'other' },
    { name: 'both undated, ledes name other weekdays', a: { weekdays: [1] }, b: { weekdays: [4] }, want: 'other' },
    { name: 'both undated, ledes name the same weekday', a: { weekdays: [4] }, b: { weekdays: [4] }, want: 'unknown' },
  ])('$name: $want', ({ a, b, want }) => {
    expect(compareOccasions(features(a), features(b)).state).toBe(want);
    expect(compareOccasions(features(b), features(a)).state).toBe(want);
  });

  it('writes date ranges the way a reader would', () => {
    expect(formatDays([d])).toBe('23 April 2024');
    expect(formatDays([d, d + 5])).toBe('23–28 April 2024');
    expect(formatDays([d, d + 10])).toBe('23 April – 3 May 2024');
  });
});

describe('events over the seeds', async () => {
  const equivalents = parseEquivalents(await readEquivalentsText());
  // Read as the CLI reads corpus/: the dates come from the folder's metadata sidecar.
  const seeds = await readCorpus([CORPUS]);

  it('joins the two reports of the April 2024 IDCPC visit, keeps the other three occasions apart', () => {
    const scan = scanCorpus(seeds, { explain: false, anchors: { equivalents } });
    const events = scan.events ?? [];
    expect(events).toHaveLength(4);
    const joined = events.find((e) => e.stories.length === 2);
    expect(joined?.members.map((m) => m.id.slice(0, 3))).toEqual(['000', '001']);
    expect(joined?.members.map((m) => m.role)).toEqual(['original', 'independent-report']);
    expect(joined?.dates).toEqual(['2024-04-23', '2024-04-28']);
    expect(joined?.links[0]?.reasons.join('; ')).toMatch(/same actors .*dates 23–28 April 2024/);
    // Every story in exactly one event.
    const all = events.flatMap((e) => e.stories).sort();
    expect(all).toEqual(scan.stories.map((s) => s.id).sort());
  });

  it('gives the same events whatever the order of the articles', () => {
    const partition = (articles: typeof seeds) =>
      (scanCorpus(articles, { explain: false, anchors: { equivalents } }).events ?? [])
        .map((e) =>
          e.members
            .map((m) => m.id)
            .sort()
            .join(' '),
        )
        .sort();
    expect(partition([...seeds].reverse())).toEqual(partition(seeds));
  });

  it('compare names the event: the two April 2024 reports are one event, other years are not', () => {
    const [s000, s001, s002] = seeds;
    const same = compareArticles(s000 as Article, s001 as Article, { anchors: { equivalents }, context: seeds });
    expect(same.event?.same).toBe(true);
    const other = compareArticles(s000 as Article, s002 as Article, { anchors: { equivalents }, context: seeds });
    expect(other.event?.same).toBe(false);
    expect(other.event?.reasons.join('; ')).toMatch(/article dates \d+ days apart/);
  });
});
