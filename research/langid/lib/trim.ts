/**
 * Input trimming tried before detection: keep the "prose lines" of a scraped page (menus, share
 * prompts, bylines and datelines are short lines), then the first 1,000 characters of them.
 */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** A line is prose when it has at least 40 characters (16 when mostly Han/kana/Hangul). */
function isProse(line: string): boolean {
  const t = line.trim();
  const cjk = (t.match(SPACELESS) ?? []).length;
  return t.length >= (cjk * 2 > t.length ? 16 : 40);
}

/**
 * Prose lines of `text`, joined by newlines, cut at `max` characters. When the text has no prose
 * line (a headline, a preview, a chat turn), the text itself, cut the same way.
 */
export function proseLines(text: string, max = 1000): string {
  const prose = text.split('\n').filter(isProse).join('\n');
  const use = prose.length > 0 ? prose : text;
  return use.length > max ? use.slice(0, max) : use;
}
