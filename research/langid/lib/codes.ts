/**
 * Code normalisation: every detector's output is reduced to ISO 639-1 where one exists.
 *
 * franc / franc-min return ISO 639-3 (individual-language codes, e.g. `cmn` for Mandarin,
 * `arb` for Standard Arabic, `pes` for Iranian Persian, `zlm` for Malay), so a plain 639-2/T
 * table is not enough: the macrolanguage members need their own rows. This table covers every
 * code franc@6.2.0 (187 languages incl. its single-script ones) can return that has a 639-1
 * code; the rest (ceb, hil, ilo, bho, mai, mag, …) have no 639-1 code and map to themselves
 * (an adapter returning 639-1 must treat them as 'und').
 */
export const ISO639_3_TO_1: Readonly<Record<string, string>> = {
  // franc-min (and franc) Latin/Cyrillic/Arabic/Devanagari trigram languages
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', ara: 'ar', ayr: 'ay', azj: 'az', bam: 'bm', bel: 'be',
  ben: 'bn', bod: 'bo', bos: 'bs', bul: 'bg', cat: 'ca', ces: 'cs', ckb: 'ku', cmn: 'zh', dan: 'da',
  deu: 'de', ekk: 'et', ell: 'el', eng: 'en', epo: 'eo', ewe: 'ee', fin: 'fi', fra: 'fr', fuf: 'ff',
  fuv: 'ff', gle: 'ga', glg: 'gl', guj: 'gu', hat: 'ht', hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr',
  hun: 'hu', hye: 'hy', ibo: 'ig', iii: 'ii', ind: 'id', isl: 'is', ita: 'it', jav: 'jv', jpn: 'ja',
  kat: 'ka', kaz: 'kk', khk: 'mn', khm: 'km', kan: 'kn', kin: 'rw', kir: 'ky', kng: 'kg', kor: 'ko',
  lao: 'lo', lat: 'la', lin: 'ln', lit: 'lt', lua: 'lu', lug: 'lg', lvs: 'lv', mal: 'ml', mar: 'mr',
  mkd: 'mk', mon: 'mn', mya: 'my', nds: 'nds', nld: 'nl', nno: 'nn', nob: 'nb', npi: 'ne', nya: 'ny',
  pan: 'pa', pbu: 'ps', pes: 'fa', prs: 'fa', plt: 'mg', pol: 'pl', por: 'pt', qug: 'qu', quy: 'qu',
  quz: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sag: 'sg', sin: 'si', slk: 'sk', slv: 'sl', sna: 'sn',
  som: 'so', sot: 'st', spa: 'es', src: 'sc', srp: 'sr', ssw: 'ss', sun: 'su', swe: 'sv', swh: 'sw',
  tam: 'ta', tat: 'tt', tel: 'te', tgk: 'tg', tgl: 'tl', tha: 'th', tir: 'ti', tsn: 'tn', tso: 'ts',
  tuk: 'tk', tur: 'tr', uig: 'ug', ukr: 'uk', urd: 'ur', uzn: 'uz', ven: 've', vie: 'vi', wol: 'wo',
  xho: 'xh', ydd: 'yi', yid: 'yi', yor: 'yo', zlm: 'ms', zsm: 'ms', zul: 'zu', zyb: 'za',
  // only in franc's single-script table
  zgh: 'zgh', // Standard Moroccan Tamazight: no 639-1 code
};

/** Normalise a detector's raw code to ISO 639-1 (or keep it when no 639-1 code exists). */
export function toIso1(raw: string): string {
  if (!raw || raw === 'und') return 'und';
  if (raw.length === 3) return ISO639_3_TO_1[raw] ?? raw;
  // CLD3 quirks: legacy Hebrew code, Filipino, romanised variants (kept distinct: 'zh-Latn' is pinyin)
  if (raw === 'iw') return 'he';
  if (raw === 'fil') return 'tl';
  return raw;
}
