/**
 * Strings kept long after the text they were cut from. V8 keeps a substring of 13 characters or
 * more as a slice that points into its parent, so a title or a removed line held for the report
 * keeps the whole text it came from alive. A scan lets go of its texts once every article is
 * normalized (`ScanOptions.releaseTexts`), yet 5,000 bench articles' document summaries still held
 * 15.8 MB of whole texts through such slices (heap snapshot at the events stage: the titles and the
 * normalization actions' lines). Pure.
 */

/**
 * `s` as a string of its own, holding nothing it was cut from. A string the JSON parser builds is
 * new and flat; short strings (no slice below 13 characters) are returned as they are.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
