/**
 * Quotations: the stretches of a paragraph inside quotation marks. Two reports that print the same
 * statement in quotation marks quote one speaker; they did not copy each other, so passages both
 * quote do not count as copying (see `core/relation/score.ts`).
 *
 * Marks: “…” and "…" (straight quotes pair up in order), «…», „…“ (German), ‹…›, 「…」 and 『…』.
 * Single quotes are left alone: ’ is also the apostrophe. A quotation still open at the end of a
 * paragraph runs to its end: news style opens each paragraph of a long quotation again and
 * closes only the last.
 */

const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '«': '»',
  '„': '“',
  '‹': '›',
  '「': '」',
  '『': '』',
};

/** The [start, end) character ranges of one paragraph that lie inside quotation marks. */
export function findQuotedRanges(paragraph: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i] as string;
    if (open < 0) {
      if (ch === '"') {
        open = i;
        closer = '"';
      } else if (Object.hasOwn(PAIRS, ch)) {
        open = i;
        closer = PAIRS[ch] as string;
      }
    } else if (ch === closer) {
      ranges.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, paragraph.length]);
  return ranges;
}
