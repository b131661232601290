/**
 * The cross-language equivalents table (`data/equivalents.tsv`): acronyms, organisations,
 * countries with their adjectives, capitals and agencies, written differently in each language
 * (UN | ONU | ООН | 联合国; CPC | CCP | PCC | PCCh | КПК | 中共). Data, not code: a row is added
 * to the file, not here. Parsing and matching are pure; reading the file is io/'s job.
 *
 * A form with a capital letter matches the words as written (US, EE UU for EE.UU.); a lower-case
 * form matches folded words (accents dropped); a form ending in `*` matches any word starting with
 * it (case endings: кита* = Китай, Китая); a form in Han, Hangul or Arabic script matches as a
 * substring of the text (those scripts have no spaces, or attach particles to the word).
 */
import type { NameKind } from '../../types/anchors.js';
import { foldWord } from '../text/tokens.js';

interface Form {
  /** Words of the form: as written (case-sensitive forms) or folded; the last one maybe a prefix. */
  words: string[];
  caseSensitive: boolean;
  prefix: boolean;
}

interface Entry {
  id: string;
  form: Form;
}

/** The parsed table: look-ups by first word, by prefix and by substring. */
export interface EquivalentsTable {
  /** First word (as written for case-sensitive forms, folded otherwise) → the forms starting with it. */
  byFirst: ReadonlyMap<string, readonly Entry[]>;
  /** One-word prefix forms, by their first three letters. */
  prefixes: ReadonlyMap<string, readonly Entry[]>;
  /** Forms in Han, Hangul or Arabic script. */
  substrings: ReadonlyArray<{ id: string; text: string }>;
  /**
   * The substring forms by their first code unit (their indexes in `substrings`, in order), and the
   * least such code unit: a text is read once for the places a form may start, where each of the
   * 945 forms was searched for in the whole of every text.
   */
  substringStarts: ReadonlyMap<number, readonly number[]>;
  substringFloor: number;
  /** Number of rows. */
  rows: number;
}

/** A word of a text as the table matches it. */
export interface TableWord {
  /** As written. */
  raw: string;
  /** Folded (`foldWord`). */
  norm: string;
}

/** A table entry found in a text: its id and the words it covers (none for a substring match). */
export interface EquivalentHit {
  id: string;
  /** Index of the first word covered and the number of words, or the character range for a substring hit. */
  word?: number;
  words?: number;
  start?: number;
  end?: number;
}

const SUBSTRING_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Arabic}]/u;

function pushTo(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Parse the TSV text of the table (`id<TAB>form | form | …`; `#` comments). Throws on a malformed row. */
export function parseEquivalents(tsv: string): EquivalentsTable {
  const byFirst = new Map<string, Entry[]>();
  const prefixes = new Map<string, Entry[]>();
  const substrings: Array<{ id: string; text: string }> = [];
  let rows = 0;
  tsv.split('\n').forEach((line, i) => {
    if (line.startsWith('#') || line.trim() === '') return;
    const [id, forms, ...rest] = line.split('\t');
    if (!id || !forms || rest.length > 0 || !/^[A-Z]+:[A-Z0-9]+$/.test(id))
      throw new RangeError(`equivalents table line ${i + 1}: expected "KIND:NAME<TAB>form | form …"`);
    rows++;
    for (const raw of forms.split('|').map((f) => f.trim())) {
      if (raw === '') continue;
      if (SUBSTRING_SCRIPT.test(raw)) {
        substrings.push({ id, text: raw.normalize('NFC') });
        continue;
      }
      const prefix = raw.endsWith('*');
      const body = prefix ? raw.slice(0, -1) : raw;
      const caseSensitive = /\p{Lu}/u.test(body);
      const words = body
        .split(/[\s.\-'’]+/)
        .filter((w) => w.length > 0)
        .map((w) => (caseSensitive ? w.normalize('NFC') : foldWord(w)));
      if (words.length === 0) continue;
      const entry = { id, form: { words, caseSensitive, prefix } };
      if (prefix && words.length === 1) pushTo(prefixes, (words[0] as string).slice(0, 3), entry);
      else pushTo(byFirst, words[0] as string, entry);
    }
  });
  const substringStarts = new Map<number, number[]>();
  substrings.forEach((f, k) => {
    const c = f.text.charCodeAt(0);
    const list = substringStarts.get(c);
    if (list) list.push(k);
    else substringStarts.set(c, [k]);
  });
  const substringFloor = Math.min(...substringStarts.keys());
  return { byFirst, prefixes, substrings, substringStarts, substringFloor, rows };
}

/** What kind of name a table id is: `ORG:` an organisation, `GPE:` and `CITY:` a place, `PER:` a person. */
export function kindOfEntry(id: string): NameKind | undefined {
  if (id.startsWith('ORG:')) return 'organisation';
  if (id.startsWith('GPE:') || id.startsWith('CITY:')) return 'place';
  if (id.startsWith('PER:')) return 'person';
  return undefined;
}

/** A folded word without its possessive 's (`/'s$/` replaced, without a regex run on every word). */
export const withoutPossessive = (norm: string): string => (norm.endsWith("'s") ? norm.slice(0, -2) : norm);

function wordMatches(form: Form, k: number, word: TableWord): boolean {
  const want = form.words[k] as string;
  const have = form.caseSensitive ? word.raw : withoutPossessive(word.norm);
  if (form.prefix && k === form.words.length - 1) return have.startsWith(want);
  if (form.prefix && want.length >= 4) return have.startsWith(want);
  return have === want;
}

/** The longest table form starting at word `i`, if any. */
function longestAt(table: EquivalentsTable, words: readonly TableWord[], i: number): { id: string; n: number } | null {
  const w = words[i] as TableWord;
  // The forms by the word as written, by its folded form, by its first three letters, in that
  // order (the first of the longest wins), read list by list: most words start no form, and an
  // array of the three made for each word was a third of matching the table.
  let best: { id: string; n: number } | null = null;
  const consider = (entries: readonly Entry[] | undefined): void => {
    if (!entries) return;
    for (const { id, form } of entries) {
      const n = form.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(form, k, words[i + k] as TableWord);
      if (ok && (!best || n > best.n)) best = { id, n };
    }
  };
  consider(table.byFirst.get(w.raw));
  if (w.norm !== w.raw) consider(table.byFirst.get(withoutPossessive(w.norm)));
  consider(table.prefixes.get(w.norm.slice(0, 3)));
  return best;
}

/**
 * Where each substring form occurs in `text`, left to right, an occurrence not overlapping the
 * form's one before (what `indexOf` from the end of the last one finds), the forms in table order:
 * the text read once, a form tried only where its first code unit is.
 */
function substringHits(table: EquivalentsTable, text: string, hits: EquivalentHit[]): void {
  const { substrings, substringStarts: starts, substringFloor: floor } = table;
  // Each form's occurrences so far; the next may start at the end of the last one.
  let found: Map<number, number[]> | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < floor) continue;
    const forms = starts.get(c);
    if (!forms) continue;
    for (const k of forms) {
      const s = (substrings[k] as { text: string }).text;
      const at = found?.get(k);
      if ((at && i < (at[at.length - 1] as number) + s.length) || !text.startsWith(s, i)) continue;
      if (at) at.push(i);
      else {
        found ??= new Map();
        found.set(k, [i]);
      }
    }
  }
  if (!found) return;
  for (const k of [...found.keys()].sort((x, y) => x - y)) {
    const { id, text: s } = substrings[k] as { id: string; text: string };
    for (const at of found.get(k) as number[]) hits.push({ id, start: at, end: at + s.length });
  }
}

/**
 * Table entries found in a text: word forms over `words` (longest form first, no overlap), and
 * substring forms over `text`. A longer substring (中国共产党) also contains shorter ones (中国):
 * both are kept, as the text names both.
 */
export function matchEquivalents(table: EquivalentsTable, words: readonly TableWord[], text: string): EquivalentHit[] {
  const hits: EquivalentHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const best = longestAt(table, words, i);
    if (!best) continue;
    hits.push({ id: best.id, word: i, words: best.n });
    i += best.n - 1;
  }
  substringHits(table, text, hits);
  return hits;
}
