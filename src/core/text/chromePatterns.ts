/**
 * Page-chrome phrases: the lines a news page prints around every article. Each rule names what it
 * found (the `reason` of a chrome line) and says whether the line is an *insert*: chrome that sits
 * inside the article or right against it (an ad slot, a "Related:" link, a caption, a share bar, a
 * byline, a timestamp, a credit). Inserts are transparent when neighbours are looked up, so a body
 * paragraph after "Sponsor Message" still has the body before it as a neighbour, and a lede after
 * "By AFP, Beijing / Published: …" still has the paragraphs after it. Navigation, sign-in,
 * newsletter and legal text are not inserts: they mark the edge of the article.
 *
 * All patterns are tested against the folded line (NFKC, lower case, accents removed, whitespace
 * collapsed), so they are written in lower case without accents. `maxLen` (characters) keeps a rule
 * from firing on an article sentence that happens to contain its words.
 *
 * The phrases come from the public chrome of news sites in general and from reading web-wire.jsonl;
 * the ones written after reading web-multi.jsonl (the held-out set) are separate rules tagged
 * `origin: 'web-multi'`, so that the measurement can leave them out.
 */

export interface ChromeRule {
  reason: string;
  pattern: RegExp;
  maxLen: number;
  insert: boolean;
  /**
   * Longer lines match only if the match opens the line or the line speaks to the reader ("you",
   * "vous", "Sie"...): "Hackers stole the username and password of…" is news, "Enter the
   * username on file and we'll send you a code" is a form.
   */
  proseLen?: number;
  /**
   * 'web-multi' for phrases written after reading the pages of web-multi.jsonl (the held-out set):
   * scripts/measure.ts leaves them out to give a held-out figure for the lexicon too.
   */
  origin?: 'web-multi';
}

// biome-ignore format: long alternations read best one group a line
export const CHROME_RULES: readonly ChromeRule[] = Object.freeze([
  {
    reason: 'share-prompt',
    insert: true,
    maxLen: 80,
    pattern: new RegExp(
      '^(?:share(?: this(?: article| story| post| page)?)?(?: on [a-z]+)?(?: via)?\\s*:?' +
        '|tweet|print(?: this (?:page|article))?|e-?mail(?: this (?:page|article))?|send(?: in)? e-?mail.*|copy(?: the)? link' +
        '|whatsapp|facebook|twitter|x|linkedin|telegram|pinterest|reddit|flipboard|youtube|instagram' +
        '|comments?(?: \\(\\d+\\))?|\\d+ comments?|show comments|view comments' +
        '|partager|imprimer|compartir(?: en)?\\s*:?|comparte|imprimir' +
        '|teilen|drucken|condividi|stampa|compartilhe|partilhar|distribuie|podijeli|paylas' +
        '|поделиться|κοινοποιηση|مشاركة|分享(?:到)?\\s*:?|공유(?:하기)?' +
        '|follow (?:us|@\\S+)(?: on .{1,40})?|follow .{1,40} on (?:whatsapp|twitter|x|facebook|instagram|telegram|google news)' +
        '|siganos.*|sigue(?:nos)? .{0,40}|suivez-nous.*|folgen sie uns.*|seguici.*|siga-nos.*' +
        ')\\s*[.!:]?$',
    ),
  },
  {
    reason: 'advertisement',
    insert: true,
    maxLen: 40,
    pattern:
      /^(?:advertisements?|ad|sponsored(?: content)?|sponsor(?:ed)? message|supported by|paid content|publicidad|publicite|anzeige|werbung|pubblicita|publicidade|reclama|publicitate|oglas|reklam|реклама|διαφημιση|اعلان|广告|광고)\s*:?$/u,
  },
  {
    reason: 'related',
    insert: true,
    maxLen: 200,
    pattern: new RegExp(
      '^(?:>>|»|›|→|▶)' +
        '|^(?:related(?: stories| articles| news| posts| content| coverage| links| topics)?|read (?:more|also|next)|see also|also read|also see' +
        '|more (?:news|stories|from .{1,30})|recommended(?: stories| for you)?|popular(?: stories| now| news)?|latest(?: stories| news)?' +
        '|top stories|most (?:read|popular|viewed|shared)|you (?:may|might) (?:also )?like|trending(?: now)?|editor\'?s picks?' +
        '|voir aussi|lea tambien|leer mas|lee tambien|te puede interesar' +
        '|mas noticias|noticias relacionadas|leggi anche|lesen sie auch|mehr zum thema|leia tambem|veja tambem|citeste si' +
        '|procitajte(?: i| jos)?|daha fazla|читайте также|также читайте|διαβαστε επισης|اقرأ أيضا|اقرا ايضا' +
        '|相关(?:新闻|阅读|文章|报道)|延伸阅读|관련 ?기사|함께 본 기사|story highlights)' +
        // a label, not a sentence: "RELATED: …", "Most read", never "Related parties of the deal met…"
        '(?:\\s*[:>»|]|\\s*$)',
      'u',
    ),
  },
  {
    reason: 'media-player',
    insert: true,
    maxLen: 60,
    pattern:
      /^(?:play live radio|next up:?|listen(?: live| now| to this (?:article|story))?\s*:?|watch(?: live| now| video)?\s*:?|video|embed more news videos|available on air stations|now playing|on air now|loading\.*|\d{1,2}:\d{2}(?:\s+\d{1,2}:\d{2})*|\d+\s+of\s+\d+|photos?|gallery|view gallery|image \d+ of \d+|\d+ min(?:ute)?s? read|\d+ min)$/u,
  },
  {
    reason: 'newsletter',
    insert: false,
    maxLen: 200,
    proseLen: 60,
    pattern:
      /(?:newsletters?|subscribe|subscription|sign up for|your inbox|unsubscribe|donate(?: now)?$|support (?:our|local|independent) journalism|become a (?:member|subscriber)|abonnez-vous|suscribete|abonnieren|iscriviti|assine)/u,
  },
  {
    reason: 'sign-in',
    insert: false,
    maxLen: 300,
    proseLen: 60,
    pattern: new RegExp(
      '(?:^|\\b)(?:sign (?:in|up|out)\\b|log ?(?:in|out)\\b|create (?:a |an |your )?(?:free )?account|forgot (?:your )?password' +
        '|reset (?:your )?password|password|username|user name|verification code|already have an account|already a subscriber' +
        '|welcome back$|my account|email verification|new to .{1,30}\\?$|se connecter|mot de passe|iniciar sesion' +
        '|registrate|anmelden|registrieren|accedi$|registrati$|cadastre-se|войти|регистрация|登录|注册|로그인|회원가입)',
      'u',
    ),
  },
  {
    // Legal and consent text is long and full of function words: no length limit of note.
    reason: 'legal',
    insert: false,
    maxLen: 1200,
    proseLen: 60,
    pattern:
      /(?:\bcookies?\b|privacy (?:policy|notice|settings)|terms (?:of (?:use|service)|and conditions)|by (?:submitting|signing up|clicking|continuing|registering)|\bcopyright\b|politique de confidentialite|utilizamos cookies|wir verwenden cookies)/u,
  },
  {
    // Agency and publisher notices that are chrome whatever their length.
    reason: 'legal',
    insert: false,
    maxLen: 1200,
    pattern:
      /(?:all rights reserved|©|is solely responsible for all content|receives support from|no part of this .{1,40} may be reproduced|this material may not be published)/u,
  },
  {
    reason: 'navigation',
    insert: false,
    maxLen: 60,
    pattern: new RegExp(
      '^(?:skip to (?:main )?(?:content|navigation)|main menu|home(?: page)?|open|back to top|top|more|next|previous|prev' +
        '|content|contents|navigation|sections?|all sections|accueil|inicio|portada|startseite|homepage' +
        '|x|首页|主页|홈|tag\\(?s\\)?\\s*:?|tags?\\s*:?|topics?\\s*:?|more news)$',
      'u',
    ),
  },
  {
    // "(Reporting by ...; Editing by ...)", "(Web editor: ...)", "(With inputs from PTI)", "Source: ...".
    reason: 'credit',
    insert: true,
    maxLen: 200,
    pattern: new RegExp(
      // "editor" but not "Editor's note: …", which opens the republisher's own paragraph.
      "^\\(?\\s*(?:(?:additional )?reporting by|editing by|writing by|compiled by|editor(?!['’]s)|redaccion|with inputs from|with agency inputs" +
        '|translated by|traducido por|edited from)\\b.*$' +
        '|^with (?:agency )?inputs(?: from .{1,40})?$' +
        '|^(?:source|fuente|quelle|fonte|sursa|izvor|kaynak|источник|πηγη|المصدر|来源|出处|출처|责任编辑|编辑)\\s*[:：].{0,80}$',
      'u',
    ),
  },
  {
    // Comment forms and anti-spam questions (the forms copydesk's normalize.ts already knows).
    reason: 'comment-form',
    insert: false,
    maxLen: 200,
    pattern:
      /^(?:leave a (?:reply|comment)|add (?:a )?new comment|post a comment|your email address will not be published\b.*|required fields are marked.*|save my name, email,? and website.*|notify me of (?:follow-up comments|new posts).*|you must be logged in to post a comment\.?|cancel reply|deja un comentario|dejar un comentario|anadir nuevo comentario|this question is for testing whether or not you are a human visitor.*|enter the characters shown in the image\.?|captcha|i'?m not a robot|verify you are human\.?)$/u,
  },
  {
    // Reader prompts of article pages ("Like this?", "Thanks for liking this story!", "Go Deeper.").
    reason: 'engagement',
    insert: true,
    maxLen: 120,
    pattern:
      /^(?:(?:did you )?(?:like|enjoy)(?:d)? this(?: story| article)?\s*\?|show me!?|go deeper\.?|was this (?:article|story) (?:helpful|useful)\s*\?|thanks? (?:you )?for (?:reading|liking|sharing|subscribing|signing up)\b.*|we(?: have|'ve) added (?:it|this story) to\b.*)$/u,
  },
  {
    reason: 'notice',
    insert: true,
    maxLen: 120,
    pattern:
      /^(?:this is a developing story\b.*|this story (?:has been|was) updated\b.*|check back (?:later )?for updates\.?|breaking news:?|developing story|update\s*\d*\s*:?|\(add(?:s|ed)? [^)]*\))$/u,
  },
  // ---- Written after reading web-multi pages (held-out set); see `origin`. ----
  {
    origin: 'web-multi',
    reason: 'share-prompt',
    insert: true,
    maxLen: 80,
    pattern: /^(?:partagez?(?: cet article)?(?: sur)?\s*:?|takip et)$/u,
  },
  {
    // Chinese share bars ("点击右上角微信好友", "朋友圈") and loading notices ("调查问题加载中,请稍候。").
    origin: 'web-multi',
    reason: 'share-prompt',
    insert: true,
    maxLen: 60,
    pattern: /(?:微信|朋友圈|分享到|点击.{0,12}(?:分享|好友|按钮)|加载中|请稍候|刷新本页|扫一扫|二维码)/u,
  },
  {
    origin: 'web-multi',
    reason: 'related',
    insert: true,
    maxLen: 200,
    pattern: /^(?:(?:>>\s*)?(?:a )?lire aussi|conseils de la redaction|vise|we suggest)(?:\s*[:>»|]|\s*$)/u,
  },
  {
    origin: 'web-multi',
    reason: 'navigation',
    insert: false,
    maxLen: 60,
    pattern: /^(?:menu|search|close|page d'accueil|fil d'ariane)$|^(?:您当前的位置|当前位置|正在阅读|现在位置)/u,
  },
  {
    origin: 'web-multi',
    reason: 'sign-in',
    insert: false,
    maxLen: 60,
    pattern: /^s'abonner$/u,
  },
  {
    origin: 'web-multi',
    reason: 'newsletter',
    insert: false,
    maxLen: 60,
    pattern: /e-?papers?/u,
  },
  {
    origin: 'web-multi',
    reason: 'media-player',
    insert: true,
    maxLen: 20,
    pattern: /^\d+ minutes?$/u,
  },
  {
    // "(Web editor: Felipe Chen)", "(Rédacteurs :Yishuang Liu, Wei SHAN)"
    origin: 'web-multi',
    reason: 'credit',
    insert: true,
    maxLen: 200,
    pattern: /^\(?\s*(?:web editor|redacteurs?)\b.*$/u,
  },
  {
    // Chinese source, editor and reporter lines: "2016年11月21日 04:23:00 来源: 浙江日报 新华社记者 霍小光".
    origin: 'web-multi',
    reason: 'credit',
    insert: true,
    maxLen: 60,
    pattern: /(?:来源|出处|责任编辑|编辑|作者)\s*[:：]/u,
  },
  {
    // Labels with nothing after them: "Publié le: Modifié:", "Next Up:", "Conseils de la rédaction :".
    origin: 'web-multi',
    reason: 'label',
    insert: true,
    maxLen: 60,
    pattern: /^(?:[\p{L}'’ ]{1,30}\s*[:：]\s*){1,3}$/u,
  },
  {
    // A short note in brackets on a line of its own: "(English follows the Italian at the 2:15 mark
    // below)", "(Agencies)", "($1 = 11.0826 Swedish crowns)".
    origin: 'web-multi',
    reason: 'note',
    insert: true,
    maxLen: 100,
    pattern: /^[([][^()[\]]*(?:\([^()]*\)[^()[\]]*)*[)\]]\.?$/u,
  },
]);

/** Agencies and bylines that stand alone on a line: "AP", "By AFP, Beijing", "Por: Infobae". */
export const BYLINE =
  /^(?:(?:by|por|par|von|di|od|pise|yazan|автор|του|της|بقلم)\s*:?\s+\S.{0,58}|(?:the )?(?:associated press|ap|afp|reuters|xinhua|pti|ians|ani|efe|dpa|ansa|tass|kuna|wam|cri|agencies|staff|wires?)(?:\s*[,|/-]\s*[^\s].{0,30})?|\((?:agencies|ap|afp|reuters|ians|pti)\))$/u;

// Month names and abbreviations (folded), for datelines and timestamps.
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  '|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre' +
  '|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre' +
  '|januar|februar|marz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre' +
  '|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie' +
  '|sijecnja|veljace|ozujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|prosinca|ocak|subat|nisan|mayis|haziran|temmuz|agustos|eylul|ekim|kasim|aralik' +
  '|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|ιανουαριου|φεβρουαριου|μαρτιου|απριλιου|μαιου|ιουνιου|ιουλιου|αυγουστου|σεπτεμβριου|οκτωβριου|νοεμβριου|δεκεμβριου';

/** Pieces of a timestamp line: dates, times, zones, and the labels around them. */
export const DATE_PIECES = new RegExp(
  [
    // CJK dates first: "2017년" must not lose its number to the plain-number piece
    '\\d{4}\\s*年|\\d{1,2}\\s*月|\\d{1,2}\\s*日|\\d{4}\\s*년|\\d{1,2}\\s*월|\\d{1,2}\\s*일',
    `\\b(?:${MONTHS})\\.?\\b`,
    '\\d{1,2}[:h]\\d{2}(?::\\d{2})?',
    '\\b\\d{1,4}(?:st|nd|rd|th)?\\b',
    '\\b(?:am|pm|a\\.m\\.|p\\.m\\.|gmt|utc|ist|est|edt|pst|pdt|cet|cest|bst|et|pt|hrs|ago|hours?|minutes?|days?)\\b',
    '\\b(?:published|updated|posted|created|modified|last|first|story|on|at|date|le|la|de|du|el|a|mise|jour|derniere|publie|modifie|actualizado|publicado|actualizacion|aktualisiert|veroffentlicht|aggiornato|pubblicato|atualizado|publicat|actualizat|objavljeno|azurirano|guncelleme|yayinlanma|обновлено|опубликовано|ενημερωθηκε|δημοσιευθηκε|views?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|today|yesterday)\\b',
    '发布时间|更新时间|时间|입력|수정|기사입력',
  ].join('|'),
  'gu',
);

/** A date or a time somewhere in the line (one of these must be there for a timestamp line). */
export const HAS_DATE = new RegExp(
  `(?:\\b(?:${MONTHS})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:${MONTHS})\\b|\\d{1,4}[-/.:]\\d{1,2}[-/.:]\\d{1,4}|\\d{1,2}[:h]\\d{2}|\\d{4}\\s*年|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}\\s*년|\\b(?:19|20)\\d{2}\\b)`,
  'u',
);

/**
 * Photo captions: a credit at the end of the line ("(Photo: AFP)", "(M. Kornmesser/ESO via AP)",
 * "REUTERS/Carlo Allegri", "Credit: AP", "© Stephane Mahe, Reuters", "[Photo/Xinhua]",
 * "新华社记者 黄敬文摄"), or a caption's usual opening ("This artist's illustration…", "FILE -").
 * Tested on the unfolded line: case matters for "REUTERS/Name".
 */
export const CAPTION_CREDIT_END = new RegExp(
  [
    // a bracketed credit at the very end (one nested bracket allowed: "(ALMA (ESO/NAOJ/NRAO)/Balsalobre-Ruza)").
    // It needs a slash or a picture word: a bare agency in brackets ("(Agencies)", "(com Reuters)")
    // is the sign-off of a paragraph, not a photo credit.
    '[([](?:[^()[\\]]|\\([^()]*\\))*(?:/|\\b(?:[Pp]hoto|PHOTO|[Ff]oto|[Cc]redit|[Ss]ource|[Ii]mage|[Pp]icture|via|Getty|iStock|istock|Shutterstock)\\b)(?:[^()[\\]]|\\([^()]*\\))*[)\\]]\\s*$',
    "\\b[A-Z]{2,}(?:\\s[A-Z]{2,})?/[\\p{Lu}][\\p{L}.'’ -]{1,40}$",
    '\\b(?:[Cc]redit|[Pp]hoto|[Ff]oto|[Ii]mage|[Pp]icture|[Ss]ource)\\s*:\\s*\\S[^.]{0,60}$',
    '©\\s*\\S[^.]{0,60}$',
    // a bare agency right after a word ("…in Kailahun … in February Reuters", "…Monrovia, Liberia Getty");
    // after a dash or a full stop it is a paragraph's sign-off ("… last Saturday. - REUTERS")
    '[\\p{L}\\p{N}](?:\\s+|/)(?:Getty(?: Images)?|AFP|AP Photo|Reuters|REUTERS|Shutterstock|iStock)\\s*$',
    '(?:新华社|中新社)?记者\\s*\\S{2,4}\\s*摄\\s*$|\\S{2,4}摄$',
    '사진\\s*=\\s*\\S.{0,30}$',
  ].join('|'),
  'u',
);

/** The agency names alternative 5 of `CAPTION_CREDIT_END` ends with ("Getty Images" and "AP Photo" by their last words). */
const CREDIT_END_WORDS = ['Getty', 'Images', 'AFP', 'Photo', 'Reuters', 'REUTERS', 'Shutterstock', 'iStock'];

/**
 * A test that every line `CAPTION_CREDIT_END` matches passes, and most lines fail, in a few
 * string look-ups: the pattern is anchored at the end but the regex engine tries it from every
 * position of every block (4.4 % of `index add`'s sketching, `node --cpu-prof`). `t` is trimmed
 * at its end, as `isCaption` passes it (`\s` is what `trimEnd` removes). What each alternative
 * needs, in order: a last `)` or `]`; a `/`; a `:`; a `©`; an agency name last; a last `摄`; `사진`.
 * Edit it with the pattern: a property test (test/core/text/creditEnd.test.ts) checks that no
 * line the pattern matches fails it.
 */
export function mayEndWithCredit(t: string): boolean {
  if (t.endsWith(')') || t.endsWith(']') || t.endsWith('摄')) return true;
  if (t.includes('/') || t.includes(':') || t.includes('©') || t.includes('사진')) return true;
  for (const w of CREDIT_END_WORDS) if (t.endsWith(w)) return true;
  return false;
}

export const CAPTION_OPENING =
  /^(?:file(?: photo| picture| image)?\s*[-–—:]|in this (?:image|photo|picture|file photo|undated photo|handout photo|photo illustration)\b|this (?:artist['’]s |undated |handout )?(?:image|photo|picture|illustration|rendering|rendition|chart|map|telescope image|satellite image|video grab)\b|an? (?:artist['’]s )?(?:illustration|map|graphic|rendering) (?:of|showing)\b|pictured\s*:|photo\s*:|foto\s*:|imagen\s*:|bild\s*:|representative image|file picture\b)/u;
