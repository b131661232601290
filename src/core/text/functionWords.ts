/**
 * Small function-word lists, one per language, written for this module (not copied from a stop
 * list package). They are only used for a density ("how much of this line is grammar"), which is
 * compared with the density of the same page's own prose (see `body.ts`), so a list needs to be
 * representative, not complete. Entries are stored folded: lower case, accents removed (NFD without
 * combining marks), the same folding `foldToken` applies to the text.
 *
 * zh: single characters (function characters); the density counts Han characters.
 * ko: endings (particles / verb endings) matched at the end of a space-separated word (eojeol).
 */

// biome-ignore format: word lists read best filled
const RAW: Record<string, string> = {
  en: `the a an and or but of to in on at for with from by as is are was were be been being has have had it its
    this that these those he she they we you i his her their our your my him them us who whom which what when where
    while not no will would can could should may might must said says also than then there here about after before
    over under into out up down more most some any all such only other if so do does did just because since during
    between against through both each very how why too own same once again s t`,
  es: `de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya o este si porque
    esta entre cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos uno les ni contra
    otros ese eso ante ellos e esto mi antes algunos que unos yo otro otras otra el tanto esa estos mucho quienes nada
    muchos cual poco ella estar estas algunas algo es son fue ha han habia ser dijo segun tras sido era`,
  fr: `de la le et les des en un une du que qui dans a au aux pour pas par sur ne se plus il elle ils elles est sont
    ont ete etre avec ce cette ces son sa ses leur leurs nous vous on mais ou comme y tout tous tres aussi meme si
    lors entre apres avant sans sous dont l d qu n s c j m avait etait fait selon`,
  de: `der die das und in den von zu mit sich des auf fur ist im dem nicht ein eine als auch es an werden aus er hat
    dass sie nach wird bei einer um am sind noch wie einem uber einen so zum war haben nur oder aber vor zur bis mehr
    durch man sein wurde sei ihr ihre seine wir kann wenn was diese dieser schon hatte habe gegen unter sagte sowie
    damit wo ob seit`,
  it: `di e il la che in a per un una del della dei delle degli le i gli lo l da dal dalla con su sul sulla non si
    come ma anche piu al alla ai alle nel nella nei sono ha hanno era stato essere questo questa suo sua loro o se dopo
    tra fra cui quando ancora tutto tutti molto gia ed d un c`,
  pt: `de a o que e do da em um para e com nao uma os no se na por mais as dos como mas foi ao ele das tem seu sua ou
    ser quando muito ha nos ja esta eu tambem so pelo pela ate isso ela entre era depois sem mesmo aos ter seus quem
    nas esse eles essa num nem suas pode disse foram sao sobre neste apos`,
  ro: `si in de la a cu pe ca nu se din care o un este sunt au fost pentru al ale lui mai ca dar sau cel cea prin dupa
    fie va vor ar ce ei el ea le i l s acest aceasta aceste fi are avea doar sa unui unei dintre catre fara`,
  hr: `i u je na se da su za od s sa a o iz ne sto kao koji koja koje to te ce bi ili ali po pri do kako biti bio
    bila bilo sam smo ste nije vec jos samo kod prema nakon ovaj ova ovo taj ta tijekom kada gdje jer ga ih mu im
    njegov njihov rekao rekla`,
  tr: `ve bir bu da de icin ile olarak olan daha en cok gibi ama ancak kadar sonra her sey ki o ne mi mu degil var
    yok ise veya ya hem diye gore uzere tarafindan oldugu oldugunu etti eden edildi yapti oldu dedi bunu bunun su
    onun ilk yeni arasinda ayrica`,
  el: `και το η ο του της την των τον τα οι σε στο στη στην στον στα στις στους με για απο που να θα δεν ειναι οτι
    ως ενα μια εναν μιας τις τους αλλα η οπως πως κατα μετα προς χωρις εχει ειχε ηταν αυτο αυτη αυτος ενω`,
  ru: `и в не на что с по как к за из о от у для это он она они его ее их был была были быть а но же бы то так при
    до после также который которые которая которого об или ли уже еще только во со под над между без чтобы сказал
    этом этот эта года`,
  ar: `في من على إلى الى عن مع أن إن ان التي الذي هذا هذه ذلك تلك كان كانت قد لا ما لم لن بين بعد قبل عند كل أو او
    ثم حتى هو هي وقد وفي ومن كما ولا أي غير منذ خلال حيث وهو وهي الذين`,
};

// Chinese: function characters, plus clause punctuation (counted as grammar too: prose is full of
// it, menus and labels are not).
const ZH_CHARS =
  '的了在是和与及也都就对为将把被从向到于以而并等这那其之我你他她们它有个不没还又但却说中要会能可已，。、；：！？,;:!?';

// Korean: a word (eojeol) ending in one of these particles or endings counts as a grammar word.
// biome-ignore format: list
const KO_ENDINGS = ['은', '는', '이', '가', '을', '를', '의', '에', '에서', '에게', '로', '으로', '와', '과', '도', '만',
  '고', '며', '면', '서', '다', '까지', '부터', '께서', '라고', '하고', '하며', '하는', '했다', '한다', '된다', '있다'];

/** The first non-ASCII UTF-16 unit at or after `from`, or -1 (a loop: a `/u` regex's exec was slower). */
function nonAsciiFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}

/** The fold itself: NFKC, lower case, NFD, combining marks out, NFC. */
function foldAll(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Below this length a text with a non-ASCII character is folded whole; above it, piece by piece
 * (`foldToken`). Any length gives the same string; a piece costs a few calls more.
 */
const FOLD_WHOLE_UNDER = 64;

/**
 * Fold a token the way the lists are stored: NFKC, lower case, combining marks removed. ASCII text
 * (most of it) has nothing for the normalizations to change: lower case alone, the same result.
 *
 * A longer text (a block, a language sample) is folded a space-separated piece at a time, only
 * the pieces around its non-ASCII characters going through the normalizations: one curly quote
 * sent a whole English page through them (the fold and its mark regex were a tenth of body
 * extraction's time, `node --cpu-prof`). The same string: a space (U+0020) is a starter no
 * canonical mapping holds, so no normalization composes, decomposes or reorders across it, and it
 * is neither cased nor case-ignorable, so lower casing's one context rule (a final sigma) reads
 * the same on either side of it. Pinned by a property test against the whole-text fold.
 */
export function foldToken(token: string): string {
  let at = nonAsciiFrom(token, 0);
  if (at < 0) return token.toLowerCase();
  if (token.length < FOLD_WHOLE_UNDER) return foldAll(token);
  let out = '';
  let done = 0;
  while (done < token.length) {
    if (done > 0) at = nonAsciiFrom(token, done);
    if (at < 0) {
      out += token.slice(done).toLowerCase();
      break;
    }
    // The piece holding it: from the space before it (`done` is 0 or at a space) to the space
    // after it, stretched over the pieces after while a non-ASCII character is within reach (a
    // piece a word in Cyrillic or Greek text would be many short calls).
    const start = token.lastIndexOf(' ', at) + 1;
    let end = token.indexOf(' ', at);
    while (end >= 0) {
      const next = nonAsciiFrom(token, end);
      if (next < 0 || next - end > FOLD_WHOLE_UNDER) break;
      end = token.indexOf(' ', next);
    }
    if (end < 0) end = token.length;
    out += token.slice(done, start).toLowerCase() + foldAll(token.slice(start, end));
    done = end;
  }
  return out;
}

const LISTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(RAW).map(([lang, words]) => [
    lang,
    new Set(
      words
        .split(/\s+/)
        .filter((w) => w !== '')
        .map(foldToken),
    ),
  ]),
);

export const ZH_STOP: ReadonlySet<string> = new Set([...ZH_CHARS]);
export const KO_STOP_ENDINGS: readonly string[] = KO_ENDINGS;

/** Languages with a word list. zh and ko are handled by script, not by a list. */
export const LIST_LANGS: readonly string[] = [...LISTS.keys()];

export function stopList(lang: string): ReadonlySet<string> | undefined {
  return LISTS.get(lang);
}
