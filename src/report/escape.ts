/**
 * Text from the input (ids, titles, article text, file names) on its way out, made harmless for
 * where it goes. An article or an id can hold escape sequences (`ESC[2J` clears the screen, OSC 8
 * makes a link, OSC 0 retitles the window), a bell, a carriage return that overwrites the line,
 * or bidirectional overrides that reorder what is shown; in a Markdown report, a link to
 * `javascript:` or raw HTML. Nothing is removed: each such character is shown as a visible mark,
 * so the reader sees that it was there.
 *
 * - C0 controls (U+0000–U+001F) become their Control Pictures (ESC → ␛, BEL → ␇, CR → ␍, LF → ␊,
 *   TAB → ␉), DEL becomes ␡;
 * - C1 controls (U+0080–U+009F: 0x9B is a one-byte CSI), bidirectional controls and the Unicode
 *   line and paragraph separators become `\u{…}`.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters this file exists to catch
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function visible(c: string): string {
  const code = c.codePointAt(0) as number;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u{${code.toString(16)}}`;
}

/** Whether a string holds any character `escapeTerminal` would change. */
export function hasUnsafeCharacters(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s);
}

/** Text for a terminal: every control, escape and bidirectional character shown as a visible mark. */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE, visible);
}

/** The same, for a text whose line breaks are meant (a passage, a message of several lines). */
export function escapeTerminalLines(s: string): string {
  return s
    .split('\n')
    .map((line) => escapeTerminal(line))
    .join('\n');
}

// The Markdown punctuation that can start something from inside a line (CommonMark lets any ASCII
// punctuation be escaped with a backslash): emphasis, code spans, links and images (their `[`),
// table cells, headings (after a `> `), strikethrough, GitHub's `$` maths; `<` `>` `&` become
// entities below. Parentheses, `!` and `+` mean nothing without these, so they stay as they are;
// so does `_` inside a word (`a_b` is never emphasis), which keeps ids such as `000_b20c` readable.
const MARKDOWN_PUNCTUATION = /[\\`*[\]#|~$]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/**
 * Text for a Markdown report, inline (a table cell, a list item): line breaks become spaces,
 * controls visible marks, `& < >` HTML entities (so no raw HTML, no autolink `<…>`), Markdown's
 * punctuation backslash-escaped (so no link, image, emphasis, code span or table cell from the
 * input), and `://` and `www.` broken so that GitHub's bare-URL autolinks stay text.
 */
export function escapeMarkdown(s: string): string {
  return escapeTerminal(s.replace(/\r\n|\r|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/**
 * JSON text made safe to print: C1, bidirectional and separator characters inside strings written
 * as `\uXXXX` escapes (JSON.stringify leaves them raw; it already escapes C0). The parsed value is
 * unchanged.
 */
export function escapeJsonText(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
}
