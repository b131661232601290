import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  CHROME_RULES,
  type ClassifiedLine,
  explainBlocks,
  extractBody,
  joinedStart,
  lineKey,
  siteRecurringLines,
} from '../../../src/core/text/body.js';

/** Class of the (first) line whose text contains `needle`. */
function classOf(lines: ClassifiedLine[], needle: string): string {
  const l = lines.find((x) => x.text.includes(needle));
  if (!l) throw new Error(`no line with ${needle}`);
  return `${l.class}/${l.reason}`;
}

const P1 =
  'The national weather service said the storm would reach the coast on Tuesday night, bringing heavy rain and winds of up to 120 kilometres an hour to towns that are still rebuilding after last year’s floods.';
const P2 =
  'Officials in the region said schools would be closed for two days and that shelters had been opened in sports halls, where volunteers were handing out blankets and food to families who had left their homes.';
const P3 =
  '“We have learned from last year and we are better prepared now,” the regional governor told reporters, adding that the army was on standby to help with evacuations if the rivers burst their banks again.';

interface Case {
  name: string;
  text: string;
  lang?: string;
  /** substring of a line → expected "class/reason" (reason may be omitted: "class/") */
  expect: Record<string, string>;
  fallback?: boolean;
}

const cases: Case[] = [
  {
    name: 'one paragraph survives',
    text: P1,
    expect: { 'national weather service': 'body/good' },
  },
  {
    name: 'clean article: headline is the title, every paragraph is body',
    text: `Storm to hit coast on Tuesday\n\n${P1}\n\n${P2}\n\n${P3}`,
    expect: {
      'Storm to hit': 'title/headline',
      'national weather': 'body/good',
      'Officials in': 'body/good',
      'learned from': 'body/good',
    },
  },
  {
    name: 'radio player and sponsor slot around a wire story',
    text: [
      'Play Live Radio',
      'Next Up:',
      '0:00',
      '0:00 0:00',
      'Available On Air Stations',
      '',
      'Storm to hit coast on Tuesday',
      '',
      P1,
      '',
      'Sponsor Message',
      '',
      'Shelters have been opened in sports halls.',
    ].join('\n'),
    expect: {
      'Play Live Radio': 'chrome/media-player',
      'Next Up:': 'chrome/',
      'Available On Air': 'chrome/media-player',
      'Storm to hit': 'title/headline',
      'Sponsor Message': 'chrome/advertisement',
      // the sponsor slot is an insert: the sentence after it still has the body before it as neighbour
      'Shelters have been': 'body/near-good',
    },
  },
  {
    name: 'menu with separators',
    text: `Portada | China | Economía | Mundo | Opinión | Deportes\n\n${P1}\n\n${P2}`,
    expect: { Portada: 'chrome/menu', 'national weather': 'body/good' },
  },
  {
    name: 'caption printed twice, once with a credit',
    text: `${P1}\n\nFile picture of a flooded street.\n\nFile picture of a flooded street. (Source: istock.com)\n\n${P2}`,
    expect: {
      'File picture of a flooded street.': 'chrome/caption-repeated',
      'istock.com': 'chrome/caption-repeated',
      'Officials in': 'body/good',
    },
  },
  {
    name: 'dek repeats the lede, the lede keeps its dateline',
    text: `Storm to hit coast\n\nThe storm will reach the coast on Tuesday night, forecasters said.\n\nMIAMI (AP) — The storm will reach the coast on Tuesday night, forecasters said.\n\n${P2}`,
    expect: {
      'The storm will reach the coast on Tuesday night, forecasters said.': 'chrome/repeated',
      'MIAMI (AP)': 'body/',
    },
  },
  {
    name: 'a sub-heading between paragraphs stays, a run of short lines goes',
    text: `${P1}\n\nWhat happens next\n\n${P2}\n\nMost read\nLost luggage piles up\nAirport strike called off\nNew mayor sworn in`,
    expect: {
      'What happens next': 'body/short-kept',
      'Most read': 'chrome/related',
      'Lost luggage': 'chrome/short-run',
      'New mayor': 'chrome/short-run',
    },
  },
  {
    name: 'byline and timestamp between headline and lede',
    text: `Storm to hit coast on Tuesday\n\nBy JANE DOE\n\nPublished: June 02, 2022 05:13 AM GMT\n\nUpdated On: 02 November, 2022 05:45 PM IST | New Delhi | PTI\n\n${P1}\n\n${P2}`,
    expect: {
      'By JANE DOE': 'chrome/byline',
      'Published:': 'chrome/dateline',
      'Updated On': 'chrome/dateline',
      'Storm to hit': 'title/headline',
    },
  },
  {
    name: 'share, related, newsletter, cookie and comment chrome',
    text: [
      P1,
      '',
      'RELATED: Webb telescope reveals close-up of 50 stars being born',
      '',
      P2,
      '',
      'Share this article',
      'Sign up for our Free Newsletters',
      'We use cookies to make sure that you get the best experience on our website. By continuing you accept our use of cookies.',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ].join('\n'),
    expect: {
      'RELATED:': 'chrome/related',
      'Share this article': 'chrome/share-prompt',
      'Free Newsletters': 'chrome/newsletter',
      'We use cookies': 'chrome/legal',
      'Leave a Reply': 'chrome/comment-form',
      'Your email address': 'chrome/comment-form',
    },
  },
  {
    name: 'a news sentence about passwords is not a sign-in form',
    text: `${P1}\n\nThe hackers stole the usernames and passwords of more than two million customers, the company said in a statement on Monday, and it urged them to change their details.\n\n${P2}`,
    expect: { 'The hackers stole': 'body/' },
  },
  {
    name: 'a sentence that opens with a chrome word is not chrome',
    text: `${P1}\n\nRelated parties of the Iran nuclear agreement started talks in Vienna on Monday.\n\nMenu prices rose by 8 per cent in the capital last year, the statistics office said.\n\n${P2}`,
    expect: { 'Related parties': 'body/', 'Menu prices': 'body/' },
  },
  {
    name: 'hard-wrapped wire copy is joined into paragraphs',
    text: [
      'MONROVIA, May 9 Liberia was declared free from',
      'Ebola by the government and the World Health Organisation (WHO)',
      'on Saturday after 42 days without a new case of the virus, which',
      'killed more than 4,700 people there during a year-long epidemic.',
      'However, celebrations were muted by thoughts for the dead',
      'and medical charity Medecins Sans Frontieres (MSF) urged',
      'vigilance until the worst outbreak of the disease ever recorded',
      'was also extinguished in neighbouring Guinea and Sierra Leone.',
    ].join('\n'),
    expect: { MONROVIA: 'body/', 'on Saturday after': 'body/', 'and medical charity': 'body/', 'was also': 'body/' },
  },
  {
    name: 'photo caption with an agency credit',
    text: `${P1}\n\nRescuers search a collapsed house in the village on Monday. (Photo by Hong Fule/Xinhua)\n\n${P2}`,
    expect: { 'Rescuers search': 'chrome/caption' },
  },
  {
    name: 'Chinese page: breadcrumb, source line, share bar, body',
    lang: 'zh',
    text: [
      '您当前的位置 :浙江在线 > 浙江新闻 > 正文',
      '习近平会见美国前国务卿基辛格',
      '来源:光明网-《光明日报》2023-07-21 03:35',
      '点击右上角微信好友',
      '  新华社北京7月20日电 7月20日，国家主席习近平在北京钓鱼台国宾馆会见美国前国务卿基辛格。',
      '  习近平指出，基辛格博士刚刚度过百岁生日，你访问中国已经一百多次。这两个“一百”加在一起，使你这次访华具有特殊意义。',
      '  基辛格表示，感谢习近平主席选择在我首次访华会见中方领导人的钓鱼台国宾馆5号楼会见我。',
    ].join('\n'),
    expect: {
      您当前的位置: 'chrome/',
      '来源:光明网': 'chrome/credit',
      点击右上角: 'chrome/share-prompt',
      习近平会见美国前国务卿基辛格: 'title/headline',
      新华社北京: 'body/',
      基辛格博士: 'body/',
      基辛格表示: 'body/',
    },
  },
  {
    name: 'Korean page: timestamp and bracket menu',
    lang: 'ko',
    text: [
      '습근평, 오바마 미국전임 대통령 회견',
      '2017년 12월 01일 13:57【글자 크게',
      '복원 작게】【메모】【프린트】【창닫기】',
      '북경 11월 30일발 본사소식: 국가주석 습근평은 29일 조어대국빈관에서 미국 전임대통령 오바마를 접견했다. 습근평은 오바마가 미국 대통령으로 재임한 기간에 중미관계발전을 추동시키기 위해 한 노력에 대해 적극적으로 평가했다.',
      '습근평은 오바마에게 중공 19차 대회 주요성과를 소개했다. 오바마는 습근평의 회견에 감사를 표했다.',
    ].join('\n'),
    expect: {
      '2017년 12월': 'chrome/dateline',
      '【메모】': 'chrome/menu',
      '습근평, 오바마': 'title/headline',
      '북경 11월': 'body/',
      '중공 19차': 'body/',
    },
  },
  {
    name: 'Arabic statement',
    lang: 'ar',
    text: [
      'أعرب الأمين العام للأمم المتحدة عن حزنه العميق إزاء الزلزال الذي ضرب اليوم المغرب وتسبب في عديد الوفيات.',
      '',
      'ويعرب الأمين العام عن تضامنه مع الحكومة والشعب المغربي في هذه الظروف الصعبة. ويتقدم بتعازيه الخالصة لأسر الضحايا متمنيا الشفاء السريع للجرحى.',
    ].join('\n'),
    expect: { 'أعرب الأمين': 'body/', 'ويعرب الأمين': 'body/' },
  },
  {
    name: 'Croatian page with share label and repeated photo credit',
    text: [
      'Čelnik UN-a ožalošćen gubitkom života u potresu u Afganistanu',
      '',
      '2022-06-23 18:51:40 cri',
      'Share:',
      '',
      'Foto: Visual People',
      '',
      'Foto: Visual People',
      '',
      'Glavni tajnik UN-a Antonio Guterres izjavio je u srijedu da je ožalošćen tragičnim gubitkom života u potresu koji je pogodio Afganistan ranije tijekom dana.',
      '',
      'Ujedinjeni narodi u Afganistanu u potpunosti su mobilizirani, a ekipe UN-a već su na terenu te procjenjuju potrebe i pružaju početnu pomoć, rekao je.',
      '',
      'Više >>',
    ].join('\n'),
    expect: {
      'Čelnik UN-a': 'title/headline',
      '2022-06-23': 'chrome/dateline',
      'Share:': 'chrome/share-prompt',
      'Foto: Visual People': 'chrome/caption',
      'Glavni tajnik': 'body/',
      'Ujedinjeni narodi': 'body/',
      'Više >>': 'chrome/',
    },
  },
  {
    name: 'Turkish, Greek, Russian and Romanian paragraphs are body',
    text: [
      "Cumhurbaşkanı Erdoğan, Esenboğa Havalimanı'nda Türkiye'nin ilk astronotu Alper Gezeravcı ve ailesini kabul etti. Gezeravcı ise uzayda yanında bulunan Türk bayrağını Cumhurbaşkanı Erdoğan'a takdim etti.",
      '',
      '«Παλιό φίλο» χαρακτήρισε ο Κινέζος πρόεδρος Σι Τζινπίνγκ τον συνιδρυτή της Microsoft Μπιλ Γκέιτς, εκφράζοντας την ελπίδα να προχωρήσουν από κοινού σε ενέργειες που θα είναι ευεργετικές.',
      '',
      'Нобелевская премия в области физики 2023 года присуждена франко-американцу Пьеру Агостини, венгеро-австрийскому ученому Ференцу Краусу и француженке Анн Л’Юилье.',
      '',
      'Xi Jinping l-a numit pe Bill Gates "un vechi prieten" şi a spus că speră că vor putea desfăşura împreună activităţi benefice atât pentru China, cât şi pentru Statele Unite.',
    ].join('\n'),
    expect: { Cumhurbaşkanı: 'body/', Παλιό: 'body/', Нобелевская: 'body/', 'Xi Jinping l-a': 'body/' },
  },
  {
    name: 'an agency sign-off ends a paragraph, it is not a photo credit',
    text: `${P1}\n\n${P2}\n\nThe plea was filed by one Mursalin Asijith Shaikh. (Agencies)\n\nAlaphilippe, 28, was one of the victims of multiple crashes during the opening stage, which was won by Alexander Kristoff last Saturday. - REUTERS`,
    expect: { 'The plea was filed': 'body/', 'Alaphilippe, 28': 'body/' },
  },
  {
    name: 'a page cut in mid-sentence keeps its last words',
    text: `Storm to hit coast on Tuesday\n\n${P1}\n\n${P2}\n\nThe army said it was ready to help with the evac`,
    expect: { 'The army said': 'body/cut-off-end' },
  },
  {
    name: 'headline with no word in common with the lede is still the first line',
    text: `China makes all-out rescue effort as quake kills 46\nRescuers carry a survivor in Moxi Town on Monday. (Photo by Hong Fule/Xinhua)\nCHENGDU, Sept. 5 (Xinhua) -- Forty-six people have been killed in a 6.8-magnitude earthquake that jolted Luding County in Sichuan Province on Monday, local authorities said at a press briefing.\nAs of 8:30 p.m. Monday, 16 people were missing and over 50 were injured, said the deputy director of the provincial emergency management department.`,
    expect: { 'China makes': 'title/headline', CHENGDU: 'body/', 'As of 8:30': 'body/' },
  },
  {
    name: 'a chat of two short lines, with no chrome on the page, is kept whole',
    text: 'Is there a way to punish him\nSo that this does not happen again',
    expect: { 'Is there a way': 'body/no-chrome-on-page', 'So that this': 'body/no-chrome-on-page' },
    fallback: false,
  },
  {
    name: 'a post that is only a link is kept',
    text: 'https://www.youtube.com/watch?v=WxsYTK8l_Gk',
    expect: { youtube: 'body/no-chrome-on-page' },
    fallback: false,
  },
  {
    name: 'short lines beside known chrome and no paragraph: the best lines are kept (fallback)',
    text: 'Share this article\nIs there a way to punish him\nSo that this does not happen again',
    expect: { 'Share this': 'chrome/share-prompt', 'Is there a way': 'body/fallback', 'So that this': 'body/fallback' },
    fallback: true,
  },
];

describe('extractBody: named cases', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = extractBody(c.text, { lang: c.lang });
      for (const [needle, want] of Object.entries(c.expect)) {
        const got = classOf(r.lines, needle);
        if (want.endsWith('/')) expect(`${needle} → ${got.split('/')[0]}/`).toBe(`${needle} → ${want}`);
        else expect(`${needle} → ${got}`).toBe(`${needle} → ${want}`);
      }
      if (c.fallback !== undefined) expect(r.fallback).toBe(c.fallback);
    });
  }
});

describe('site-recurring lines', () => {
  const page = (story: string): string =>
    `Home | World | Business | Sport\n\n${story}\n\nThe Daily Planet is a member of the Independent Press Standards Organisation.`;
  it('marks lines the caller knows recur on the site, and nothing else', () => {
    const site = new Set([lineKey('The Daily Planet is a member of the Independent Press Standards Organisation.')]);
    const r = extractBody(page(`${P1}\n\n${P2}`), { siteLines: site });
    expect(classOf(r.lines, 'Daily Planet')).toBe('chrome/site-recurring');
    expect(classOf(r.lines, 'national weather')).toBe('body/good');
  });

  it('counts pages of the same host only, and one story once', () => {
    const pages = [
      { host: 'www.planet.example', text: page(P1) },
      { host: 'planet.example', text: page(P2) },
      { host: 'planet.example', text: page(P3) },
      // the same story again (an update): counts once with its first version
      { host: 'planet.example', text: page(`${P3}\n\nA later paragraph added to the update of the story.`) },
      // another site carrying the same wire story three times
      { host: 'wire.example', text: P1 },
      { host: 'copy.example', text: P1 },
      { host: 'other.example', text: P1 },
    ];
    const byHost = siteRecurringLines(pages, { minPages: 3 });
    const planet = byHost.get('planet.example') ?? new Set<string>();
    expect(planet.has(lineKey('The Daily Planet is a member of the Independent Press Standards Organisation.'))).toBe(
      true,
    );
    expect(planet.has(lineKey('Home | World | Business | Sport'))).toBe(true);
    expect(planet.has(lineKey(P3))).toBe(false);
    // P1 is on three sites but once per site: never site chrome
    for (const set of byHost.values()) expect(set.has(lineKey(P1))).toBe(false);
  });
});

describe('options', () => {
  it("takes the caller's chrome rules instead of the built-in ones", () => {
    const text = `${P1}\n\nPlanet Plus members read ad-free\n\n${P2}`;
    expect(classOf(extractBody(text).lines, 'Planet Plus')).toBe('body/short-kept');
    const rules = [...CHROME_RULES, { reason: 'house-ad', insert: true, maxLen: 60, pattern: /^planet plus\b/u }];
    expect(classOf(extractBody(text, { chromeRules: rules }).lines, 'Planet Plus')).toBe('chrome/house-ad');
  });

  it('explainBlocks gives the features behind each class', () => {
    const blocks = explainBlocks(`Home | News | Sport | Weather\n\n${P1}\n\n${P2}`);
    expect(blocks.map((b) => [b.lines, b.hard ?? b.initial, b.final])).toEqual([
      [[1], 'menu', 'chrome'],
      [[3], 'good', 'body'],
      [[5], 'good', 'body'],
    ]);
    expect(blocks[1]?.densityRatio).toBeGreaterThan(0.5);
  });
});

describe('lineKey', () => {
  it.each([
    ['  Share this  ARTICLE! ', 'share this article'],
    ['Updated: 3:17 pm', 'updated 0 0 pm'],
    [' date 2022-09-05 Strong earthquake shakes China', 'strong earthquake shakes china'],
    ['Séisme au Maroc : L’ONU', 'seisme au maroc l onu'],
  ])('%j → %j', (input, want) => {
    expect(lineKey(input)).toBe(want);
  });
});

describe('bodyText', () => {
  it('joins body paragraphs and leaves chrome and the title out', () => {
    const r = extractBody(`Storm to hit coast on Tuesday\n\nShare this article\n\n${P1}\n\n${P2}`);
    expect(bodyText(r)).toBe(`${P1}\n\n${P2}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over texts built from a seeded generator (no dependency): deterministic runs.

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SENTENCES = [
  P1,
  P2,
  P3,
  'Shallower quakes tend to cause more damage.',
  'Sichuan is regularly hit by earthquakes.',
];
const CHROME = [
  'Home | News | Sport | Weather',
  'Share this article',
  'Advertisement',
  'Sign in',
  'Most read',
  '0:00',
  'Subscribe to our newsletter',
];
const NOISE = ['', ' ', 'a', '…', '1', '|', '\t', 'Menu', 'ok', '»»'];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 14);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = [SENTENCES, CHROME, NOISE][Math.floor(next() * 3)] as string[];
    lines.push(pool[Math.floor(next() * pool.length)] as string);
  }
  return lines.join(next() < 0.5 ? '\n' : '\n\n');
}

describe('properties', () => {
  it('joinedStart is the start of all the lines joined, whatever the lines and the length', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.integer({ min: 0, max: 80 }), (lines, n) => {
        expect(joinedStart(lines, n)).toBe(lines.join('\n').slice(0, n));
      }),
      { numRuns: 3000 },
    );
    // The edge: the first lines joined are one short of n, and the separator after them counts.
    expect(joinedStart(['abc', 'def'], 4)).toBe('abc\n');
  });

  it('classifies every non-blank line once, in order, with its own text', () => {
    const next = rng(1);
    for (let k = 0; k < 300; k++) {
      const text = randomText(next);
      const input = text.split('\n');
      const r = extractBody(text);
      const nonBlank = input.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '');
      expect(r.lines.map((l) => l.line)).toEqual(nonBlank.map(([, n]) => n));
      expect(r.lines.map((l) => l.text)).toEqual(nonBlank.map(([l]) => l));
    }
  });

  it('never empties a text that has a non-blank line', () => {
    const next = rng(2);
    for (let k = 0; k < 300; k++) {
      const text = randomText(next);
      const r = extractBody(text);
      if (r.lines.length > 0) expect(r.lines.some((l) => l.class === 'body')).toBe(true);
    }
  });

  it('is deterministic and pure (same input, same output; options object untouched)', () => {
    const next = rng(3);
    for (let k = 0; k < 100; k++) {
      const text = randomText(next);
      const options = { lang: 'en', siteLines: new Set(['share this article']) };
      const a = extractBody(text, options);
      const b = extractBody(text, options);
      expect(b).toEqual(a);
      expect([...options.siteLines]).toEqual(['share this article']);
    }
  });

  it('chrome around a clean article does not remove its paragraphs', () => {
    const next = rng(4);
    for (let k = 0; k < 100; k++) {
      const paragraphs = Array.from(
        { length: 1 + Math.floor(next() * 3) },
        () => SENTENCES[Math.floor(next() * 3)] as string,
      );
      const before = Array.from(
        { length: Math.floor(next() * 4) },
        () => CHROME[Math.floor(next() * CHROME.length)] as string,
      );
      const after = Array.from(
        { length: Math.floor(next() * 4) },
        () => CHROME[Math.floor(next() * CHROME.length)] as string,
      );
      const text = [...before, '', ...paragraphs.flatMap((p) => [p, '']), ...after].join('\n');
      const r = extractBody(text);
      for (const l of r.lines) {
        if (paragraphs.includes(l.text) && !r.lines.some((o) => o !== l && o.text === l.text))
          expect(l.class).toBe('body');
        if (CHROME.includes(l.text) && l.text !== 'Most read') expect(l.class).toBe('chrome');
      }
    }
  });
});
