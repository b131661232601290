/**
 * The review of two texts in different languages: a word diff means nothing across languages, so
 * their paragraphs are aligned in order (the cross-language sentence alignment of core/xling run
 * over paragraphs) and shown side by side, with the names, numbers and dates both texts give
 * marked in each, and the paragraphs only one has shown alone.
 */
import type { Mention, NormalizedArticle } from '../../types/index.js';
import type { Review, ReviewRow, ReviewSide, ReviewSummary } from '../../types/review.js';
import { roundScore } from '../round.js';
import { tokenCountAt } from '../text/normalize.js';
import { alignCross, measureCross } from '../xling/evidence.js';
import { keySentences } from '../xling/keyed.js';
import type { CrossProfile, CrossSentence, PlacedCrossProfile } from '../xling/profile.js';

/**
 * Least similarity of two paragraphs to be shown as counterparts. Lower than the sentence
 * threshold (0.3): a paragraph holds more words, and a translator who splits or merges sentences
 * still keeps the paragraph.
 */
const PARAGRAPH_SIMILARITY = 0.2;

/** The profile with its sentences merged by paragraph. */
function byParagraph(article: NormalizedArticle, profile: PlacedCrossProfile): CrossProfile {
  const out: CrossSentence[] = [];
  profile.sentences.forEach((s, k) => {
    const p = article.sentences[k]?.paragraph ?? 0;
    while (out.length <= p) out.push({ words: [], quoted: false });
    const into = out[p] as CrossSentence;
    out[p] = {
      words: [...into.words, ...s.words],
      quoted: into.quoted || s.quoted,
    };
  });
  return { ...profile, keyed: keySentences(out) };
}

/** Paragraph texts of the cleaned text and where each starts. */
function paragraphsOf(article: NormalizedArticle): Array<{ text: string; start: number; sentences: number[] }> {
  const out: Array<{ text: string; start: number; sentences: number[] }> = [];
  let at = 0;
  for (const text of article.clean.split('\n\n')) {
    out.push({ text, start: at, sentences: [] });
    at += text.length + 2;
  }
  for (const s of article.sentences) out[s.paragraph]?.sentences.push(s.index);
  return out;
}

/** Shared anchors' mentions in one text (character ranges of the cleaned text). */
function sharedMentions(own: PlacedCrossProfile, other: CrossProfile): Mention[] {
  const keys = new Set(other.anchors.lookupKeys);
  const numbers = new Set(other.anchors.numbers.map((n) => n.key));
  const dateKey = (d: CrossProfile['anchors']['dates'][number]): string | undefined =>
    d.day !== undefined
      ? `${d.month}-${d.day}`
      : d.month === undefined && d.year !== undefined
        ? `${d.year}`
        : undefined;
  const days = new Set<string | undefined>(other.anchors.dates.map(dateKey).filter((k) => k !== undefined));
  const out: Mention[] = [];
  for (const n of own.anchors.names) if (n.keys.some((k) => keys.has(k))) out.push(...n.mentions);
  for (const n of own.anchors.numbers) if (!n.weak && numbers.has(n.key)) out.push(...n.mentions);
  for (const d of own.anchors.dates) if (dateKey(d) !== undefined && days.has(dateKey(d))) out.push(...d.mentions);
  return out.sort((x, y) => x[0] - y[0]);
}

/** The mentions inside one paragraph, relative to its start, without overlaps. */
function marksIn(mentions: readonly Mention[], start: number, length: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of mentions) {
    if (s < start || e > start + length) continue;
    const last = out[out.length - 1];
    if (last && s - start < last[1]) continue;
    out.push([s - start, e - start]);
  }
  return out;
}

function sideOf(article: NormalizedArticle): ReviewSide {
  const side: ReviewSide = {
    id: article.id,
    lang: article.lang,
    sentences: article.sentences.map((x) => x.text),
    paragraphs: article.sentences.map((x) => x.paragraph),
  };
  if (article.title !== undefined) side.title = article.title;
  if (article.actions.length > 0) side.setAside = article.actions.map((x) => ({ ...x }));
  return side;
}

function summaryOf(a: NormalizedArticle, b: NormalizedArticle, rows: readonly ReviewRow[]): ReviewSummary {
  const words = (art: NormalizedArticle, idx: readonly number[]) => idx.reduce((n, k) => n + tokenCountAt(art, k), 0);
  let inA = 0;
  let inB = 0;
  for (const r of rows)
    if (r.kind === 'aligned') {
      inA += words(a, r.a);
      inB += words(b, r.b);
    }
  const wordsA = a.tokens.length;
  const wordsB = b.tokens.length;
  return {
    wordsA,
    wordsB,
    kept: 0,
    added: rows.filter((r) => r.kind === 'added').reduce((n, r) => n + words(b, r.b), 0),
    dropped: rows.filter((r) => r.kind === 'dropped').reduce((n, r) => n + words(a, r.a), 0),
    changedA: 0,
    changedB: 0,
    sentencesA: a.sentences.length,
    sentencesB: b.sentences.length,
    sentencesAdded: rows.filter((r) => r.kind === 'added').reduce((n, r) => n + r.b.length, 0),
    sentencesDropped: rows.filter((r) => r.kind === 'dropped').reduce((n, r) => n + r.a.length, 0),
    sentencesMoved: 0,
    sentencesSplitOrMerged: 0,
    // Across languages, "found in the other" is the share of words in aligned paragraphs.
    shareAinB: wordsA === 0 ? 1 : roundScore(inA / wordsA),
    shareBinA: wordsB === 0 ? 1 : roundScore(inB / wordsB),
    kinds: {},
  };
}

/** The review of two articles in different languages, from their cross-language profiles. */
export function reviewAcrossLanguages(
  a: NormalizedArticle,
  b: NormalizedArticle,
  pa: PlacedCrossProfile,
  pb: PlacedCrossProfile,
): Review {
  const paraA = paragraphsOf(a);
  const paraB = paragraphsOf(b);
  const matches = alignCross(byParagraph(a, pa), byParagraph(b, pb), PARAGRAPH_SIMILARITY).matches;
  const mentionsA = sharedMentions(pa, pb);
  const mentionsB = sharedMentions(pb, pa);
  const rows: ReviewRow[] = [];
  const alone = (side: 'a' | 'b', k: number): ReviewRow => {
    const p = (side === 'a' ? paraA : paraB)[k] as { text: string; sentences: number[] };
    return side === 'a'
      ? { kind: 'dropped', a: p.sentences, b: [], similarity: 0, parts: [{ op: 'delete', a: p.text, b: '' }] }
      : { kind: 'added', a: [], b: p.sentences, similarity: 0, parts: [{ op: 'insert', a: '', b: p.text }] };
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj, sim] of [...matches, [paraA.length, paraB.length, 0] as [number, number, number]]) {
    for (; i < mi; i++) rows.push(alone('a', i));
    for (; j < mj; j++) rows.push(alone('b', j));
    if (mi >= paraA.length) break;
    const x = paraA[mi] as { text: string; start: number; sentences: number[] };
    const y = paraB[mj] as { text: string; start: number; sentences: number[] };
    rows.push({
      kind: 'aligned',
      a: x.sentences,
      b: y.sentences,
      similarity: roundScore(sim),
      parts: [{ op: 'equal', a: x.text, b: y.text }],
      marks: { a: marksIn(mentionsA, x.start, x.text.length), b: marksIn(mentionsB, y.start, y.text.length) },
    });
    i = mi + 1;
    j = mj + 1;
  }
  const e = measureCross(pa, pb);
  return {
    a: sideOf(a),
    b: sideOf(b),
    rows: rows.filter((r) => r.a.length + r.b.length > 0),
    summary: summaryOf(a, b, rows),
    ignore: { case: false, punctuation: false, spelling: false },
    crossLanguage: {
      languages: [a.lang, b.lang],
      paragraphsA: paraA.length,
      paragraphsB: paraB.length,
      aligned: matches.length,
      names: e.names.list,
      numbers: e.numbers.list,
      dates: e.dates.shared,
    },
  };
}
