/**
 * British → American spelling, applied to folded (lower-case, accent-free) words so that
 * "favourable" and "favorable" count as the same word when matching.
 *
 * Families are rules over an explicit list of stems, never a bare suffix rule: "-our → -or"
 * alone would turn "four", "hour" and "tour" into non-words, and "-ise → -ize" would touch
 * "advertise", "enterprise" and "compromise", which American English spells with -ise too.
 */

// biome-ignore format: a word list reads best filled
const OUR_STEMS = [
  'arbo', 'ardo', 'armo', 'behavio', 'cando', 'clamo', 'colo', 'endeavo', 'favo', 'fervo', 'flavo',
  'harbo', 'hono', 'humo', 'labo', 'neighbo', 'odo', 'parlo', 'rigo', 'rumo', 'savo', 'splendo',
  'tumo', 'valo', 'vapo', 'vigo',
];

// biome-ignore format: a word list reads best filled
const ISE_STEMS = [
  'apolog', 'author', 'capital', 'categor', 'central', 'character', 'civil', 'commercial',
  'critic', 'democrat', 'emphas', 'familiar', 'final', 'formal', 'global', 'harmon', 'industrial',
  'institutional', 'internal', 'international', 'jeopard', 'legal', 'liberal', 'local', 'marginal',
  'maxim', 'memor', 'minim', 'mobil', 'modern', 'monopol', 'national', 'neutral', 'normal',
  'optim', 'organ', 'penal', 'polar', 'popular', 'priorit', 'privat', 'real', 'recogn',
  'revolution', 'scrutin', 'special', 'stabil', 'standard', 'subsid', 'summar', 'symbol',
  'sympath', 'synchron', 'util', 'visual', 'vandal', 'fertil', 'hospital', 'militar', 'digit',
  'computer', 'econom', 'patron', 'terror', 'theor', 'person', 'human', 'galvan', 'agon',
  'sanit', 'steril', 'tranquil',
];
const ISE_SUFFIXES = ['e', 'es', 'ed', 'ing', 'ation', 'ations', 'ational', 'er', 'ers', 'able'];

// biome-ignore format: a word list reads best filled
const LL_STEMS = [
  'cancel', 'channel', 'counsel', 'dial', 'duel', 'equal', 'fuel', 'jewel', 'label', 'level',
  'marshal', 'model', 'panel', 'pedal', 'quarrel', 'rival', 'shovel', 'signal', 'total', 'travel',
  'tunnel', 'initial', 'barrel', 'yodel', 'grovel', 'marvel', 'snorkel',
];
const LL_SUFFIXES = ['ed', 'ing', 'er', 'ers'];

// biome-ignore format: a word list reads best filled
const RE_WORDS: Record<string, string> = {
  centre: 'center', centres: 'centers', centred: 'centered', theatre: 'theater',
  theatres: 'theaters', metre: 'meter', metres: 'meters', litre: 'liter', litres: 'liters',
  fibre: 'fiber', fibres: 'fibers', calibre: 'caliber', sombre: 'somber', spectre: 'specter',
  lustre: 'luster', meagre: 'meager', sabre: 'saber', manoeuvre: 'maneuver',
  manoeuvres: 'maneuvers', kilometre: 'kilometer', kilometres: 'kilometers',
  centimetre: 'centimeter', centimetres: 'centimeters', millimetre: 'millimeter',
  millimetres: 'millimeters',
};

// biome-ignore format: a word list reads best filled
const SINGLE_WORDS: Record<string, string> = {
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses',
  licence: 'license', licences: 'licenses', pretence: 'pretense', programme: 'program',
  programmes: 'programs', grey: 'gray', aluminium: 'aluminum', sceptical: 'skeptical',
  sceptic: 'skeptic', sceptics: 'skeptics', scepticism: 'skepticism', mould: 'mold',
  plough: 'plow', enrolment: 'enrollment', fulfilment: 'fulfillment', instalment: 'installment',
  skilful: 'skillful', wilful: 'willful', judgement: 'judgment', judgements: 'judgments',
  acknowledgement: 'acknowledgment', ageing: 'aging', catalogue: 'catalog', catalogues: 'catalogs',
  jewellery: 'jewelry', pyjamas: 'pajamas', aeroplane: 'airplane', aeroplanes: 'airplanes',
  moustache: 'mustache', enquiry: 'inquiry', enquiries: 'inquiries', analyse: 'analyze',
  analysed: 'analyzed', analyses: 'analyzes', analysing: 'analyzing', paralyse: 'paralyze',
  paralysed: 'paralyzed', practise: 'practice', practised: 'practiced', practising: 'practicing',
  fulfil: 'fulfill', fulfils: 'fulfills', enrol: 'enroll', enrols: 'enrolls', distil: 'distill',
  instil: 'instill', towards: 'toward', whilst: 'while', amongst: 'among', learnt: 'learned',
  spelt: 'spelled', cosy: 'cozy', tonne: 'ton', tonnes: 'tons', oestrogen: 'estrogen',
  paediatric: 'pediatric', encyclopaedia: 'encyclopedia', haemorrhage: 'hemorrhage',
  anaemia: 'anemia', anaesthetic: 'anesthetic', diarrhoea: 'diarrhea', oesophagus: 'esophagus',
  foetus: 'fetus', mediaeval: 'medieval', archaeology: 'archeology', manoeuvring: 'maneuvering',
  storeys: 'stories', kerb: 'curb', counsellor: 'counselor', counsellors: 'counselors',
  marvellous: 'marvelous', woollen: 'woolen', cheque: 'check', cheques: 'checks', tyre: 'tire', tyres: 'tires',
};

const OUR_RE = new RegExp(`^(${OUR_STEMS.join('|')})ur([a-z]*)$`);
const ISE_RE = new RegExp(`^(${ISE_STEMS.join('|')})is(${ISE_SUFFIXES.join('|')})$`);
const LL_RE = new RegExp(`^(${LL_STEMS.join('|')})l(${LL_SUFFIXES.join('|')})$`);

/**
 * The American form of a folded British word, or the word itself.
 * @example americanizeWord('favourable') // 'favorable'
 */
export function americanizeWord(word: string): string {
  // Own properties only: a plain object would answer "constructor" or "__proto__" from its prototype.
  const single = Object.hasOwn(SINGLE_WORDS, word)
    ? SINGLE_WORDS[word]
    : Object.hasOwn(RE_WORDS, word)
      ? RE_WORDS[word]
      : undefined;
  if (single !== undefined) return single;
  if (word.length < 5) return word;
  if (word.includes('our')) {
    const m = OUR_RE.exec(word);
    if (m) return `${m[1]}r${m[2]}`;
  }
  if (word.includes('is')) {
    const m = ISE_RE.exec(word);
    if (m) return `${m[1]}iz${m[2]}`;
  }
  if (word.includes('ll')) {
    const m = LL_RE.exec(word);
    if (m) return `${m[1]}${m[2]}`;
  }
  return word;
}
