/**
 * Names across scripts: a folded word in Latin letters (Cyrillic, Greek, Arabic and Hangul by
 * table; Han through pinyin), and two keys under which spellings that differ only by
 * transliteration convention fall together: a sound key (Xi/Si, Kissinger/Киссинджер,
 * Обамы/Obama) and a consonant skeleton (Γκέιτς/Gates, Пьер/Pierre). Tables, not models.
 */
import { remembered } from '../memo.js';

// Folded Cyrillic (й and ё are folded to и and е before this). дж is one sound (Киссинджер).
// biome-ignore format: a table
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye',
  ґ: 'g', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ў: 'u',
};
// biome-ignore format: a table
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps',
  ω: 'o',
};
// Arabic script writes few vowels: a consonant skeleton, long vowels as vowels.
// biome-ignore format: a table
const ARABIC: Readonly<Record<string, string>> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh',
  ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q',
  ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'u', ي: 'i', ى: 'a', ء: '', ئ: 'i', ؤ: 'u',
  پ: 'p', چ: 'ch', گ: 'g', ک: 'k', ی: 'i',
};
// Hangul syllables by jamo (Revised Romanization, simplified).
// biome-ignore format: a table
const HANGUL_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
// biome-ignore format: a table
const HANGUL_VOWEL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
// biome-ignore format: a table
const HANGUL_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
// Greek spells some sounds with two letters (Τζινπίνγκ, Μπιλ Γκέιτς).
// biome-ignore format: a table
const GREEK_DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/τζ/g, 'j'], [/^μπ/g, 'b'], [/μπ/g, 'mb'], [/^ντ/g, 'd'], [/ντ/g, 'nd'], [/γκ|γγ/g, 'g'], [/ου/g, 'u'],
  [/αι/g, 'e'], [/ει|οι/g, 'i'],
];

/** One Hangul syllable in Latin letters ('' for anything else). */
export function romanizeHangulSyllable(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0xac00 || cp > 0xd7a3) return '';
  const i = cp - 0xac00;
  return (
    (HANGUL_INITIAL[Math.floor(i / 588)] ?? '') +
    (HANGUL_VOWEL[Math.floor((i % 588) / 28)] ?? '') +
    (HANGUL_FINAL[i % 28] ?? '')
  );
}

/** A folded word in Latin letters: Cyrillic, Greek, Arabic and Hangul by table; Latin as it is; other scripts kept. */
export function toLatin(folded: string): string {
  let word = folded;
  if (/[\u0370-\u03ff]/.test(word)) for (const [re, to] of GREEK_DIGRAPHS) word = word.replace(re, to);
  let out = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x250) out += ch;
    else if (CYRILLIC[ch] !== undefined) out += CYRILLIC[ch];
    else if (GREEK[ch] !== undefined) out += GREEK[ch];
    else if (ARABIC[ch] !== undefined) out += ARABIC[ch];
    else if (cp >= 0xac00 && cp <= 0xd7a3) out += romanizeHangulSyllable(ch);
    else if (!/\p{M}/u.test(ch)) out += ch;
  }
  return out;
}

/**
 * The keys of the spellings met so far: names and syllable runs repeat across a corpus, and a key
 * costs a dozen regex replacements. A pure function's memo (a key depends on its spelling alone),
 * 200,000 spellings a generation (`remembered`, core/memo.ts).
 */
const REMEMBERED_KEYS = 200_000;
const soundKeys = remembered(soundKeyOf, REMEMBERED_KEYS);
const skeletonKeys = remembered(skeletonKeyOf, REMEMBERED_KEYS);

/**
 * Lets go of the spellings' keys remembered so far (what `soundKey` and `skeletonKey` return does
 * not change): for a caller past the stages that read many names.
 */
export function forgetNameKeys(): void {
  soundKeys.forget();
  skeletonKeys.forget();
}

/** Letters a–z only. */
function lettersOf(latin: string): string {
  return latin.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * A sound key: spellings that differ by transliteration convention fall together (x/s/sh, zh/j,
 * c/k, ts…), then cut to five letters so that case endings (Обамы, Pekings) do not matter.
 */
export function soundKey(latin: string): string {
  return soundKeys(latin);
}

/** `soundKey` without the memo (tests compare the two). */
export function soundKeyOf(latin: string): string {
  let w = lettersOf(latin);
  if (w.length === 0) return '';
  w = w
    .replace(/dzh|dž|dj/g, 'j')
    .replace(/zh/g, 'j')
    .replace(/tsch|tch|sch|sh|ch|ts|tz|cz|q|x/g, 's')
    .replace(/c(?=[ei])/g, 's')
    .replace(/ph/g, 'f')
    .replace(/(?<=[bcdfgjklmnprstvz])h|^h/g, '')
    .replace(/ck|c|k/g, 'k')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/ou|oo|u/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(.)\1+/g, '$1');
  return w.slice(0, 5);
}

/** Consonant classes: b/p, f/v/w, c/k/q, g/j, s/z/x, d/t merged. */
function consonantClass(s: string): string {
  return s
    .replace(/[bp]/g, 'b')
    .replace(/[fvw]/g, 'v')
    .replace(/[ckq]/g, 'k')
    .replace(/[gj]/g, 'j')
    .replace(/[szx]/g, 's')
    .replace(/[dt]/g, 't');
}

/**
 * A looser key: the first letter and the next consonant classes (vowels, h and y dropped). Greek,
 * Russian and pinyin spell vowels differently but keep most consonants. Names of three letters or
 * fewer keep their sound key.
 */
export function skeletonKey(latin: string): string {
  return skeletonKeys(latin);
}

/** `skeletonKey` without the memo (tests compare the two). */
export function skeletonKeyOf(latin: string): string {
  let w = lettersOf(latin);
  if (w.length <= 3) return soundKey(w);
  w = w
    .replace(/dzh|dž|dj|zh/g, 'j')
    .replace(/tsch|tch|sch|sh|ch|ts|tz|cz|sz|x|q/g, 's')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't');
  const first = /[aeiouy]/.test(w[0] as string) ? 'a' : (w[0] as string);
  const rest = w.slice(1).replace(/[aeiouyh]/g, '');
  return consonantClass(first + rest)
    .replace(/(.)\1+/g, '$1')
    .slice(0, 5);
}

/** Both keys of a word (or words joined) in Latin letters, when long enough: `v:` sound, `s:` skeleton. */
export function nameKeys(latin: string, minLetters = 2): string[] {
  const letters = lettersOf(latin);
  if (letters.length < minLetters) return [];
  const out: string[] = [];
  const v = soundKey(letters);
  if (v.length >= 2) out.push(`v:${v}`);
  const s = skeletonKey(letters);
  if (s.length >= 2 && `s:${s}` !== `v:${v}`) out.push(`s:${s}`);
  return out;
}

/**
 * Keys of a run of 2–4 Han or Hangul syllables joined: every such run of a text without capitals
 * may be a name. 奥巴马 ào-bā-mǎ: a leading vowel before another vowel is often not in the Latin
 * spelling (Obama), so the run without it gets a key too.
 */
export function syllableRunKeys(joined: string): string[] {
  const out: string[] = [];
  const v = soundKey(joined);
  if (v.length >= 4) out.push(`v:${v}`);
  const s = skeletonKey(joined);
  if (s.length >= 3) out.push(`s:${s}`);
  if (/^[aeo][aeiou]/.test(joined)) {
    const v2 = soundKey(joined.slice(1));
    if (v2.length >= 4) out.push(`v:${v2}`);
  }
  return out;
}
