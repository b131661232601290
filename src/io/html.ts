/**
 * Article text from an HTML page: the one file that imports @mozilla/readability (Firefox's Reader
 * View) and linkedom (the DOM it runs on, without a browser). Readability keeps the main text and
 * drops menus, share bars, comment forms and footers; the text is then read block by block, so
 * headings and paragraphs stay separate paragraphs (its `textContent` runs them together). Title and
 * date come from the page (its metadata, `<title>`, `article:published_time`, `<time datetime>`).
 *
 * Nothing in the page runs: linkedom builds a DOM and runs no script, loads nothing.
 *
 * Edge cases pinned in tests: a page where Readability finds no article, or whose structure is too
 * flat or too deep for it (`MAX_CHILDREN`, `MAX_DEPTH`), falls back to the text of `<body>`; a page with no text at all is
 * refused; a page over `MAX_HTML_ELEMENTS` elements is refused rather than parsed for minutes.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * Most elements read in one page. Measured on this machine (linkedom + Readability, 2 shared
 * cores): a page built like a news page (navigation, an article of 1,000 paragraphs, a sidebar and
 * a footer of 2,000 links: 11,000 elements) takes 1.6 s, and the time grows linearly; 30,000 keeps
 * a page under about 5 s, three times the largest real page we expect (a long article with its
 * comments).
 */
export const MAX_HTML_ELEMENTS = 30_000;
/**
 * Most children of one element for Readability to run: it walks siblings, and linkedom rebuilds a
 * child list on each visit, so a flat page is quadratic (20,000 sibling `<div>`s: 142 s). A real page
 * nests its content; above this, the page's body text is read as it is, without Readability.
 */
export const MAX_CHILDREN = 1000;
/**
 * Deepest nesting for Readability to run: its time grows with depth (500 nested `<div>`s: 1.9 s,
 * 5,000: minutes, then a stack overflow). Real pages nest a few dozen levels, heavy ones under 100.
 */
export const MAX_DEPTH = 200;

export interface PageText {
  text: string;
  title?: string;
  /** As the page gives it (an ISO timestamp, usually). */
  date?: string;
}

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The number of elements of a page, the most children any element has and the deepest nesting (one pass, no recursion). */
function measureTree(root: DomNode): { elements: number; widest: number; deepest: number } {
  let elements = 0;
  let widest = 0;
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNode, number];
    deepest = Math.max(deepest, depth);
    const children = node.childNodes;
    let count = 0;
    for (let k = 0; k < children.length; k++) {
      const child = children[k] as DomNode;
      if (child.nodeType !== 1) continue;
      count++;
      stack.push([child, depth + 1]);
    }
    elements += count;
    widest = Math.max(widest, count);
  }
  return { elements, widest, deepest };
}

/** The text of a subtree, a blank line between blocks, white space collapsed inside them (iterative: no recursion on deep pages). */
function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const stack: Array<DomNode | 'end-block'> = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode | 'end-block';
    if (node === 'end-block') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    if (BLOCKS.has(name)) {
      flush();
      stack.push('end-block');
    }
    // One read of the child list: linkedom builds it anew on each access.
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] as DomNode);
  }
  flush();
  return paragraphs.join('\n\n');
}

function metaContent(document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }) {
  return (selector: string, attribute = 'content'): string | undefined => {
    const v = document.querySelector(selector)?.getAttribute(attribute)?.trim();
    return v ? v : undefined;
  };
}

/**
 * The main text of a page, with its title and date when the page has them. Throws a RangeError
 * (the reader turns it into an InputError naming the file) when the page is too large or has no text.
 */
export function extractPageText(html: string): PageText {
  const { document } = parseHTML(html);
  const meta = metaContent(document as never);
  // Read before Readability, which rewrites the document as it goes.
  const pageTitle = meta('meta[property="og:title"]') || document.title?.trim();
  const pageDate =
    meta('meta[property="article:published_time"]') || meta('meta[name="date"]') || meta('time[datetime]', 'datetime');
  const tree = measureTree(document as unknown as DomNode);
  if (tree.elements > MAX_HTML_ELEMENTS)
    throw new RangeError(
      `has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} HTML elements (${tree.elements.toLocaleString('en-US')}); not read as an article page`,
    );
  let article: ReturnType<Readability<string>['parse']> = null;
  if (tree.widest <= MAX_CHILDREN && tree.deepest <= MAX_DEPTH) {
    try {
      article = new Readability(document as never, { maxElemsToParse: MAX_HTML_ELEMENTS }).parse();
    } catch (error) {
      throw new RangeError(`could not be read as HTML (${(error as Error).message})`);
    }
  }
  const text = article?.content
    ? blockText(parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document as never)
    : blockText((document as unknown as { body: DomNode }).body ?? (document as never));
  if (text.trim() === '') throw new RangeError('has no text (an HTML page without an article or body text)');
  const out: PageText = { text };
  const title = article?.title?.trim() || pageTitle;
  if (title) out.title = title.replace(/\s+/g, ' ');
  const date = article?.publishedTime?.trim() || pageDate;
  if (date) out.date = date;
  return out;
}
