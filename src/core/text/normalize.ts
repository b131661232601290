/**
 * Normalization: keep the original for display, derive the matching form, and record every line
 * that was set aside and why, so that a report can say what was ignored.
 *
 * Display form: Unicode NFC (not NFKC: NFKC would turn Chinese full-width punctuation into ASCII
 * in what the user reads), whitespace collapsed, boilerplate lines removed, a title printed twice
 * collapsed. Matching form (see `foldWord`): NFKC, lower case, accents and quote styles folded,
 * British spelling made American.
 */
import type { Article, NormalizationAction, NormalizedArticle, Sentence } from '../../types/index.js';
import { extractBody } from './body.js';
import { bodyPlan, linesByPlan, type PlannedLine } from './bodyPlan.js';
import { cleanLine } from './chars.js';
import type { LanguageDetector } from './detect.js';
import { guessLanguage } from './language.js';
import { findQuotedRanges } from './quotes.js';
import { splitSentences } from './sentences.js';
import { tokenSpanArray } from './spans.js';
import { segmentWords, tokenizeWords } from './tokens.js';
import { foldCached, type WordCache } from './wordCache.js';

/** A rule that removes a whole line (a paragraph of the article) when it matches. */
export interface BoilerplateRule {
  name: string;
  /** Tested against the trimmed line. */
  pattern: RegExp;
  /** Longest line (in characters) the rule may remove; article sentences are longer. */
  maxLength: number;
}

const DATE_ONLY =
  /^(?:\d{1,2}\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:\s*[-–,|]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?\.?$/iu;

/** The default rules. Each one is a form seen around news articles on the web. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: 'comment-form',
    pattern:
      /^(?:leave a (?:reply|comment)|add (?:a )?new comment|post a comment|comments?(?: \(\d+\))?|\d+ comments?|your email address will not be published\.?.*|required fields are marked.*|save my name, email,? and website.*|notify me of (?:follow-up comments|new posts).*|you must be logged in to post a comment\.?|cancel reply|deja un comentario|dejar un comentario|añadir nuevo comentario)$/iu,
    maxLength: 160,
  },
  {
    name: 'captcha',
    pattern:
      /^(?:this question is for testing whether or not you are a human visitor.*|enter the characters shown in the image\.?|captcha|i'?m not a robot|verify you are human\.?|prove you are human\.?)$/iu,
    maxLength: 200,
  },
  {
    name: 'metadata-label',
    pattern:
      /^(?:fecha de publicaci[oó]n|fecha|imagen principal|image|photo|foto|publication date|published(?: on)?|updated(?: on)?|posted(?: on)?|date|autor|author|by|source|fuente|tags?|etiquetas|categor(?:y|ies|[ií]a)|keywords|editor|translated by|traducido por|责任编辑|编辑|来源|作者|记者|发布时间|分享到|原标题)\s*[:：].{0,80}$/iu,
    maxLength: 100,
  },
  { name: 'date-line', pattern: DATE_ONLY, maxLength: 50 },
  {
    name: 'timestamp',
    // A byline stamp: "Xinhua) 08:43, April 25, 2023", "(Reuters) 10:05 GMT | 3 May 2021". At most
    // three words before the time, and a date or a time zone after it: "Polls close at 8:00 pm",
    // a headline, is not a stamp.
    pattern:
      /^[\p{L}().,|/-]*(?:\s+[\p{L}().,|/-]+){0,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?[\s,|-]*(?:(?:gmt|utc|cst|bst|et)(?:[\s,|-]+(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2}))?|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})$/iu,
    maxLength: 70,
  },
  {
    name: 'share-prompt',
    pattern:
      /^(?:share(?: this(?: article| story| post)?)?(?: on \p{L}+)?|print(?: this (?:page|article))?|e-?mail(?: this (?:page|article))?|tweet|facebook|twitter|whatsapp|telegram|linkedin|copy link|click to (?:share|print|email)(?: [\p{L} ]{1,30})?[.:]?|read more(?: (?:here|about this|on this topic|news))?[.:…]*|related (?:articles|news|posts|stories)\s*:?|subscribe(?: (?:now|here|today|to (?:our|the) [\p{L} ]{1,30}))?[.!:]?|follow us(?: on [\p{L}]+(?:(?:,| and| or) [\p{L}]+)*)?[.!:]?|advertisement|sponsored(?: content)?|compartir|imprimir)$/iu,
    maxLength: 80,
  },
  {
    name: 'photo-caption',
    // A caption ends with a photo credit in brackets: "(Xinhua/Ding Haitao)", "(AP Photo/J. Doe)",
    // "(Photo: Reuters)". Captions repeat the lead sentence, so left in they inflate similarity.
    // The credit is an agency and a name, both capitalised, without digits or dots before the slash:
    // "(km/h)", "(2.5/3.0)", "(he/she)" and "(www.mfa.gov.cn/eng)" close article sentences, not captions.
    // Case-sensitive on purpose.
    pattern:
      /\((?:\p{Lu}[\p{L}&'’ -]{0,39}\/\s*\p{Lu}[\p{L}.'’ -]{1,59}|(?:[Pp]hoto|PHOTO|[Ff]ile [Pp]hoto|[Ff]oto|[Ii]mage)\s*:[^()]{1,60})\)\s*$/u,
    maxLength: 700,
  },
];

export interface NormalizeOptions {
  rules?: readonly BoilerplateRule[];
  /**
   * Keep the page chrome (menus, sign-in clutter, captions, bylines, share prompts: see
   * `body.ts`): only the boilerplate rules apply, line by line. Default false: scores use the
   * article body.
   */
  keepChrome?: boolean;
  /** `lineKey`s of lines recurring on other pages of the article's site (`siteRecurringLines`). */
  siteLines?: ReadonlySet<string>;
  /**
   * The language of an article without `lang` metadata, read from its cleaned text (eld through
   * `core/text/eld.ts`, loaded by the pipeline when needed). Default: `guessLanguage`, the script
   * and function-word guess (12 languages, no load cost). Metadata always wins.
   */
  detectLanguage?: LanguageDetector;
  /**
   * The paragraphs `selectParagraphs` chose from this article's text with these options, when
   * the caller has them already (the gate's scanner did): not selected again.
   */
  selected?: SelectedParagraphs;
  /** Words folded through this cache (a scan's, shared by its articles): the same tokens, faster, one string each. */
  words?: WordCache;
}

/** What normalization keeps of the text: paragraphs and their original line numbers. */
interface KeptParagraph {
  text: string;
  line: number;
}

/**
 * Remove boilerplate paragraphs and a repeated title. Pure: returns the kept paragraphs and the
 * actions, never throws on odd text.
 */
export function stripBoilerplate(
  text: string,
  rules: readonly BoilerplateRule[] = BOILERPLATE_RULES,
): { paragraphs: KeptParagraph[]; actions: NormalizationAction[] } {
  const actions: NormalizationAction[] = [];
  const paragraphs: KeptParagraph[] = [];
  const lines = text.normalize('NFC').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = cleanLine(raw);
    if (line === '') return;
    const rule = rules.find((r) => line.length <= r.maxLength && r.pattern.test(line));
    if (rule) {
      actions.push({ rule: `boilerplate:${rule.name}`, line: i + 1, text: shorten(line) });
      return;
    }
    const previous = paragraphs[paragraphs.length - 1];
    if (previous && paragraphs.length === 1 && sameLine(previous.text, line)) {
      actions.push({ rule: 'title-repeated', line: i + 1, text: shorten(line) });
      return;
    }
    paragraphs.push({ text: line, line: i + 1 });
  });
  return { paragraphs, actions };
}

/**
 * A line as the display text keeps it: zero-width characters removed, white space collapsed, NFC.
 * NFC again after the zero-width characters go: "e\u200b\u0301" only composes to "é" once the
 * space between them is removed, and the clean text must be a fixed point of normalization.
 * Zero-width characters go before spaces are collapsed ("a \ufeff b" would keep two spaces).
 */
/** What paragraph selection keeps: the paragraphs, what it set aside and why, and the headline it found. */
export interface SelectedParagraphs {
  paragraphs: KeptParagraph[];
  actions: NormalizationAction[];
  /** The page's headline, when body extraction found one (it is kept out of the paragraphs). */
  title?: string;
  /**
   * What body extraction decided for each line (`bodyPlan`), for `selectByPlan` to make the same
   * selection again from the same text without extracting it; absent with `keepChrome` or
   * `siteLines` (a plan made with them would not hold for the text alone). Made on every call,
   * read by the index only: 0.6 µs an article against 560 for the extraction (the first 4,000
   * bench articles), not worth an option.
   */
  plan?: string;
}

/**
 * The paragraphs the scores use: the article body (`extractBody`: page chrome set aside, each
 * line with its reason), then the boilerplate rules on what is left; the lines of one hard-wrapped
 * paragraph are joined. With `keepChrome`, only the boilerplate rules apply (`stripBoilerplate`).
 * The one function that decides which text counts: `normalizeArticle` and the index's bulk path
 * (`tokenCache.ts`) both call it.
 */
export function selectParagraphs(
  text: string,
  lang: string | undefined,
  options: NormalizeOptions = {},
): SelectedParagraphs {
  const rules = options.rules ?? BOILERPLATE_RULES;
  if (options.keepChrome) return stripBoilerplate(text, rules);
  const extracted = extractBody(text.normalize('NFC'), {
    ...(lang ? { lang } : {}),
    ...(options.siteLines ? { siteLines: options.siteLines } : {}),
  });
  const selected = paragraphsOf(extracted.lines, rules);
  const plan = options.siteLines ? undefined : bodyPlan(extracted.lines);
  return plan === undefined ? selected : { ...selected, plan };
}

/**
 * `selectParagraphs(text, lang)` made again from its `plan` (the same paragraphs, actions and
 * title, the plan kept), the text's lines cleaned but its body not extracted again; undefined
 * when the plan does not hold for this text or this copydesk (`linesByPlan`): then select.
 * Without `keepChrome` or `siteLines` only, as plans are made.
 */
export function selectByPlan(
  text: string,
  plan: string,
  rules: readonly BoilerplateRule[] = BOILERPLATE_RULES,
): SelectedParagraphs | undefined {
  const lines = linesByPlan(text.normalize('NFC'), plan);
  return lines === undefined ? undefined : { ...paragraphsOf(lines, rules), plan };
}

/** Paragraph selection from the classified lines: chrome and title set aside, the boilerplate rules, wrapped lines joined. */
function paragraphsOf(lines: readonly PlannedLine[], rules: readonly BoilerplateRule[]): SelectedParagraphs {
  const actions: NormalizationAction[] = [];
  const paragraphs: KeptParagraph[] = [];
  let title: string | undefined;
  let lastBlock = -1;
  for (const l of lines) {
    const line = l.clean;
    if (line === '') continue;
    if (l.class === 'chrome') {
      actions.push({ rule: `chrome:${l.reason}`, line: l.line, text: shorten(line) });
      continue;
    }
    if (l.class === 'title') {
      title ??= line;
      actions.push({ rule: 'title', line: l.line, text: shorten(line) });
      continue;
    }
    const rule = rules.find((r) => line.length <= r.maxLength && r.pattern.test(line));
    if (rule) {
      actions.push({ rule: `boilerplate:${rule.name}`, line: l.line, text: shorten(line) });
      continue;
    }
    const previous = paragraphs[paragraphs.length - 1];
    if (previous && l.block === lastBlock) previous.text = `${previous.text} ${line}`;
    else paragraphs.push({ text: line, line: l.line });
    lastBlock = l.block;
  }
  return title === undefined ? { paragraphs, actions } : { paragraphs, actions, title };
}

function sameLine(a: string, b: string): boolean {
  return tokenizeWords(a).join(' ') === tokenizeWords(b).join(' ');
}

function shorten(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A first paragraph that reads as a headline: short, no final full stop. */
function looksLikeTitle(paragraph: string): boolean {
  const words = paragraph.split(' ').length;
  return words <= 25 && paragraph.length <= 200 && !/[.:;,]$/.test(paragraph);
}

/** A sentence's folded tokens (a new array: the article holds them once, in `tokens`). */
export function sentenceTokens(article: Pick<NormalizedArticle, 'tokens'>, s: SentenceRange): string[] {
  return article.tokens.slice(s.tokenStart, s.tokenEnd);
}

/** Where a sentence's tokens are in its article's. */
export type SentenceRange = Pick<Sentence, 'tokenStart' | 'tokenEnd'>;

/** How many tokens sentence k has (0 past the last). */
export function tokenCountAt(article: Pick<NormalizedArticle, 'sentences'>, k: number): number {
  const s = article.sentences[k];
  return s ? tokenCount(s) : 0;
}

/** How many tokens a sentence has. */
export function tokenCount(s: SentenceRange): number {
  return s.tokenEnd - s.tokenStart;
}

/**
 * Normalize one article: clean display text, folded tokens, sentences with offsets, and the list
 * of what was removed.
 */
export function normalizeArticle(article: Article, options: NormalizeOptions = {}): NormalizedArticle {
  const selected = options.selected ?? selectParagraphs(article.text, article.lang, options);
  const cache = options.words;
  const fold = cache ? (raw: string) => foldCached(cache, raw) : undefined;
  const { paragraphs, actions } = selected;
  const sentences: Sentence[] = [];
  const tokens: string[] = [];
  const spans: number[] = [];
  const quoted: number[] = [];
  let clean = '';
  paragraphs.forEach((p, pi) => {
    if (pi > 0) clean += '\n\n';
    const base = clean.length;
    clean += p.text;
    const quotes = findQuotedRanges(p.text);
    for (const span of splitSentences(p.text)) {
      const text = p.text.slice(span.start, span.end);
      const found = segmentWords(text, fold);
      if (found.length === 0) continue;
      const tokenStart = tokens.length;
      for (const w of found) {
        tokens.push(w.norm);
        spans.push(base + span.start + w.start, base + span.start + w.end);
        const at = span.start + w.start;
        quoted.push(quotes.some(([from, to]) => at >= from && at < to) ? 1 : 0);
      }
      sentences.push({
        index: sentences.length,
        paragraph: pi,
        start: base + span.start,
        end: base + span.end,
        text, // replaced below by the same characters of `clean`
        tokenStart,
        tokenEnd: tokens.length,
      });
    }
  });
  // Each sentence's text as a slice of `clean`, which the article keeps anyway: a slice of the
  // paragraph's own string would keep that string alive too, a second copy of the whole text
  // (a 10,000-article scan held about 30 KB an article that way; scripts/scanMemory.ts). Sliced
  // once `clean` is whole: slicing it while it grows would flatten (copy) it at every paragraph.
  for (const s of sentences) s.text = clean.slice(s.start, s.end);
  const first = paragraphs[0]?.text;
  const title =
    article.title ??
    selected.title ??
    (options.keepChrome && first !== undefined && paragraphs.length > 1 && looksLikeTitle(first) ? first : undefined);
  return {
    id: article.id,
    clean,
    title,
    lang: article.lang ?? (options.detectLanguage ?? guessLanguage)(clean),
    ...(article.date !== undefined ? { date: article.date } : {}),
    tokens,
    tokenSpans: tokenSpanArray(spans, clean.length),
    quoted: Uint8Array.from(quoted),
    sentences,
    actions,
  };
}
