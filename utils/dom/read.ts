import { emptyRead, LIMITS, type Contact, type InboxRead, type ThreadRow } from '../platforms/contract';
import { absoluteUrl, cleanText, parseCount, titleCount, truncate } from './text';
import { readRows } from './row-memo';

/**
 * Small reading helpers shared by the adapters: ordered strategy lists that never throw, and the
 * computed-style checks (bold name, blue dot) that outlive class-name churn (PLATFORMS.md, lesson 5).
 */

// cleanText has its own fast path for text that is already clean (most page text). A char-code
// scan in front of it was tried: slower on two-byte page text (names with emoji), which V8 reads
// char by char far more slowly than its regular expressions do.
export { cleanText };
const clean = cleanText;

/** Whether a string is nothing but white space (\s): cleanText makes it ''. */
function blank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 0x80 || !WHITE.test(value[i]!)) return false;
  }
  return true;
}
const WHITE = /\s/;

/** The piece textBlocks makes of a group's text: '' for white space only, else cleaned and cut to 1,000. */
function pieceOf(text: string): string {
  return blank(text) ? '' : clean(text, 1000);
}

/** A time parser as the adapters pass it (parseTime of utils/dom/time.ts). */
export type ParseTime = (label: string, now: number) => number | undefined;

/**
 * `parse` remembering its answers for one read: time labels repeat across rows ("3h", "Yesterday")
 * and each parse runs a dozen regular expressions. Answers are kept per clock value.
 */
export function rememberTimes(parse: ParseTime): ParseTime {
  const known = new Map<string, number | undefined>();
  let clock = NaN;
  return (label, now) => {
    if (now !== clock) {
      known.clear();
      clock = now;
    }
    if (known.has(label)) return known.get(label);
    // Snippets are unique, so each would run every pattern of parseTime once per read.
    if (cannotBeTime(label)) return undefined;
    const time = parse(label, now);
    if (known.size < 5000) known.set(label, time);
    return time;
  };
}

// Characters no time label uses (parseTime of utils/dom/time.ts reads letters, digits, spaces and
// . : , / - ' only, apart from ISO dates, which start with a digit).
const NOT_IN_TIMES = /[^\p{L}\p{M}\p{N}\s.:,/'-]/u;

/**
 * Whether parseTime certainly gives undefined for a label, without running its dozen patterns:
 * the label is already clean, does not start with a digit or "·", and either holds a character no
 * time form uses ("Is it in stock?", "#5") or has its first digit past the 12th character (every
 * form with digits has them at the start, after a month name of at most 10 letters, or after
 * "hace " / "il y a " / "vor "; so too when more than one word comes before the first digit).
 * Anything else is left to parseTime.
 */
function cannotBeTime(label: string): boolean {
  if (!label || cleanText(label) !== label) return false;
  const first = label.search(DIGIT);
  if (first === 0 || label[0] === '·' || label[0] === '•') return false;
  if (NOT_IN_TIMES.test(label)) return true;
  if (first > 12) return true;
  // Before its first digit a time has nothing, one word (a month, "hace", "vor") or "il y a":
  // "New message 12" cannot be one.
  return first > 0 && !BEFORE_DIGITS.test(label.slice(0, first));
}

/** The text before the first digit of a time label: one word, or "il y a", and a space. */
const BEFORE_DIGITS = /^(?:\S+|il y a)\s*$/i;

/** ASCII, Arabic-Indic, Persian, Devanagari or full-width digit (the digits toAsciiDigits reads). */
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\uFF10-\uFF19]/;

// Root-relative paths the URL parser leaves as they are: no "//" start, no dot segments, no
// characters it would percent-encode, no query or fragment.
const PLAIN_PATH = /^\/[A-Za-z0-9_\-~][A-Za-z0-9_\-~/]*$|^\/$/;

/** The page URL for rowUrl, with the origin prefix computed once per read. */
export interface LinkBase {
  base: URL;
  /** The origin when plain paths can be appended to it (http(s), no credentials), else null. */
  prefix: string | null;
}

export function linkBase(base: URL): LinkBase {
  const plain = (base.protocol === 'https:' || base.protocol === 'http:') && !base.username && !base.password;
  return { base, prefix: plain ? base.origin : null };
}

/**
 * absoluteUrl (utils/dom/text.ts) for a row's link, without a URL parse per row when the href is
 * a plain root-relative path ("/direct/t/123/") on an http(s) page without credentials: then the
 * absolute URL is the page's origin plus the path (a URL parse per row was ~10 % of a read).
 * Anything else goes through absoluteUrl. Same result for every input.
 */
export function rowUrl(href: string | null | undefined, link: LinkBase): string | undefined {
  if (!href) return undefined;
  if (link.prefix !== null && PLAIN_PATH.test(href)) return (link.prefix + href).slice(0, 2048);
  return absoluteUrl(href, link.base);
}

/** One way of finding a part; returns null/undefined (or throws) when it does not apply. */
export type Strategy<T> = () => T | null | undefined;

/** The first strategy that yields a value, in order; a strategy that throws counts as a miss. */
export function firstOf<T>(strategies: readonly Strategy<T>[]): T | null {
  for (const strategy of strategies) {
    try {
      const value = strategy();
      if (value !== null && value !== undefined && !(typeof value === 'string' && value === '')) return value;
    } catch {
      // A detached node or an odd page: try the next strategy.
    }
  }
  return null;
}

/** Run `fn`, or return `fallback` when it throws: keeps one broken part from losing a whole read. */
export function attempt<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/**
 * el.closest('[role="a"], [role="b"], li') for roles and an optional tag, walked in script: a
 * closest() with a selector list cost ~0.45 µs per row (~7 % of a 500-row read), the walk a
 * getAttribute and a localName per level. Null when nothing matches; throws as closest would not
 * (callers wrap it in attempt).
 */
export function closestRole(el: Element, roles: readonly string[], tag?: string): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const role = node.getAttribute('role');
    if (role !== null && roles.includes(role)) return node;
    if (tag !== undefined && node.localName === tag) return node;
  }
  return null;
}

/** querySelector that never throws (bad selector, detached or hostile node). */
export function q<E extends Element = HTMLElement>(root: ParentNode | null | undefined, selector: string): E | null {
  if (!root) return null;
  try {
    return root.querySelector<E>(selector);
  } catch {
    return null;
  }
}

/** querySelectorAll as an array that never throws, cut to `limit` nodes. */
export function qa<E extends Element = HTMLElement>(root: ParentNode | null | undefined, selector: string, limit = 5000): E[] {
  if (!root) return [];
  try {
    const list = root.querySelectorAll<E>(selector);
    const out: E[] = [];
    for (let i = 0; i < list.length && i < limit; i++) out.push(list[i]!);
    return out;
  } catch {
    return [];
  }
}

/**
 * A muted conversation's bell label ("Muted", "Silenciada", "Stummgeschaltet", "Sourdine"…) in the
 * languages most of Meta's and X's users read; Vietnamese "Đã tắt thông báo" on Messenger. With a
 * label in a language not here, a muted row with new messages reads as unread, not as muted.
 */
export const MUTED_LABEL =
  /mute|silenci|stumm|sourdine|muet|disattivat|gedempt|wycisz|ztlumen|sessiz|dibisukan|senyap|без звука|заглуш|беззвуч|вимкнен|tystad|ljudlös|dæmpet|lydløs|mykistetty|σίγαση|מושתק|مكتوم|كتم|म्यूट|ミュート|静音|靜音|음소거|ปิดเสียง|đã tắt/i;

// "Write a comment…" / "Add a comment…" in the languages most of Meta's users read.
// The labels of the posts' editors: comments ("Add a comment…", "Napište komentář…", "Tulis
// komen…", "Hozzászólás…") and captions ("Write a caption...", Instagram's create-post dialog).
const POST_BOX_LABEL =
  /comment|coment|kommentar|komentar|koment|kommentti|\bkomen\b|komento|hozzászól|коммент|комент|yorum|opmerking|reactie|σχόλι|תגובה|تعليق|टिप्पणी|コメント|评论|評論|留言|댓글|ความคิดเห็น|bình luận|caption|légende|legenda|didascalia|bildunterschrift/i;

/**
 * Whether an editor is a post's comment box or caption rather than a message composer (Facebook's
 * and Instagram's feeds have editors that look like their composers): labelled as a comment or a
 * caption (a photo viewer's box, the create-post dialog's caption), or, with `inPosts` (pages with
 * posts: not the DM pages, where a message list might use the same roles), inside a post of a
 * feed, in any language.
 */
export function isCommentBox(editor: Element, { inPosts = true }: { inPosts?: boolean } = {}): boolean {
  try {
    if (inPosts && editor.closest('[role="feed"], [role="article"], article')) return true;
    return POST_BOX_LABEL.test(`${editor.getAttribute('aria-label') ?? ''} ${editor.getAttribute('placeholder') ?? ''} ${editor.getAttribute('aria-placeholder') ?? ''}`);
  } catch {
    return false;
  }
}

/**
 * A link's path on its site, as the page may write it relative or absolute:
 * "https://www.instagram.com/ana/?hl=en" and "/ana/" are both "/ana/". (Only the path: links of
 * these pages point within their own site.)
 */
export function hrefPath(href: string | null | undefined): string {
  if (!href) return '';
  return href.replace(/^(?:https?:)?\/\/[^/?#]+/i, '').replace(/[?#].*$/, '');
}

/** An attribute, cleaned; '' when missing. */
export function attr(element: Element | null | undefined, name: string, max = Infinity): string {
  if (!element) return '';
  try {
    return clean(element.getAttribute(name), max);
  } catch {
    return '';
  }
}

function styleOf(element: Element): CSSStyleDeclaration | null {
  try {
    const view = element.ownerDocument?.defaultView;
    return view ? view.getComputedStyle(element) : null;
  } catch {
    return null;
  }
}

/** Numeric font weight: "600" → 600, "bold" → 700, "normal" → 400. */
export function fontWeight(element: Element | null | undefined): number {
  if (!element) return 400;
  const value = styleOf(element)?.fontWeight ?? '';
  if (value === 'bold' || value === 'bolder') return 700;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 400;
}

/**
 * Whether the text is shown bold (≥ 600): the element or one of its ancestors up to `within`,
 * as unread rows show their name on Instagram and Messenger.
 */
export function isBold(element: Element | null | undefined, within?: Element | null): boolean {
  let node: Element | null | undefined = element;
  for (let depth = 0; node && depth < 4; depth++) {
    if (fontWeight(node) >= 600) return true;
    if (node === within) break;
    node = node.parentElement;
  }
  return false;
}

/** "rgb(0, 149, 246)" / "rgba(0,149,246,1)" → "0,149,246"; '' for transparent or unknown. */
export function rgbKey(color: string | null | undefined): string {
  const match = (color ?? '').match(/rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+))?\s*\)/);
  if (!match || match[4] === '0') return '';
  return `${match[1]},${match[2]},${match[3]}`;
}

/**
 * A small coloured dot under `root` (an empty element whose background is one of `colors`), as
 * the unread dot of Instagram (rgb(0, 149, 246)) or Facebook (rgb(0, 100, 209)). The green
 * "active now" presence dot has another colour and does not count. Looks at `limit` empty
 * elements at most, so a huge row stays cheap.
 */
export function hasDot(root: Element | null | undefined, colors: readonly string[], limit = 40): boolean {
  if (!root) return false;
  const wanted = new Set(colors.map(rgbKey));
  let seen = 0;
  for (const element of qa(root, 'div, span, i', 400)) {
    if (element.childElementCount > 0 || clean(element.textContent) !== '') continue;
    if (++seen > limit) break;
    const style = styleOf(element);
    if (style && wanted.has(rgbKey(style.backgroundColor))) return true;
  }
  return false;
}

/**
 * Strip a "You: " / "Tú: " / "Vous : " prefix (the platforms' UI languages); says whether it was
 * there. "You sent a photo" and its translations are ours too.
 */
const SELF_PREFIX =
  /^(you|vous|toi|tú|tu|usted|você|voce|sie|du|voi|jij|ty|siz|sen|вы|ты|bạn|أنت|אתה|आप|anda|kamu|คุณ|あなた|나|你|您|you sent|you replied)\s*[:：]\s*/i;
/**
 * The previews the platforms write for our own attachments, reactions, replies, shares and unsent
 * messages ("You sent an attachment.", "Du hast einen Anhang gesendet.", "Вы отреагировали…"), in
 * their main UI languages. A preview that asks something ("Hai inviato il pacco?") is the other
 * side's message; so is one that only starts like ours ("Du hast recht"): German and Dutch need
 * the verb too. Left out: languages whose form has no subject ("添付ファイルを送信しました").
 */
const SELF_SENT = new RegExp(
  [
    '^you (?:sent|replied|reacted|shared|liked|unsent|forwarded)\\b',
    '^(?:enviaste|respondiste|reaccionaste|compartiste|anulaste el envío|has (?:enviado|respondido|reaccionado|compartido))\\b',
    '^(?:você|voce) (?:enviou|respondeu|reagiu|compartilhou|curtiu|cancelou o envio)\\b',
    "^(?:vous avez|tu as) (?:envoyé|répondu|réagi|partagé|annulé l['’]envoi)",
    '^du hast\\b.*\\b(?:gesendet|geschickt|reagiert|geantwortet|geteilt|weitergeleitet|zurückgerufen)',
    "^hai (?:inviato|risposto|reagito|condiviso|annullato l['’]invio)\\b",
    '^je hebt\\b.*\\b(?:gestuurd|verstuurd|verzonden|gereageerd|geantwoord|gedeeld|ingetrokken)\\b',
    '^вы (?:отправили|ответили|отреагировали|поделились|отменили отправку)',
    '^(?:wysłałeś|wysłałaś|odpowiedziałeś|odpowiedziałaś|zareagowałeś|zareagowałaś|udostępniłeś|udostępniłaś)',
    '^anda (?:mengirim|membalas|bereaksi|membagikan|membatalkan pengiriman)',
    '^bạn đã (?:gửi|trả lời|bày tỏ|chia sẻ|thu hồi|thả)',
    '(?:gönderdin|yanıtladın|tepki verdin|paylaştın)\\.?$',
    '^[你您](?:发送|發送|传送|傳送|回复|回覆|分享|撤回)了',
  ].join('|'),
  'i',
);
const QUESTION = /[?¿؟？]/;

export function selfPrefix(snippet: string): { text: string; fromMe: boolean } {
  const match = snippet.match(SELF_PREFIX);
  if (match) return { text: snippet.slice(match[0].length), fromMe: true };
  if (SELF_SENT.test(snippet) && !QUESTION.test(snippet)) return { text: snippet, fromMe: true };
  return { text: snippet, fromMe: false };
}

/** The total from the page title "(3) …", as the last resort of every adapter. */
export function titleTotal(doc: Document): number | null {
  return attempt(() => titleCount(doc.title), null);
}

/** A count from the first of several labels/texts that holds one. */
export function countOf(...values: (string | null | undefined)[]): number | null {
  for (const value of values) {
    const n = parseCount(value);
    if (n !== null) return n;
  }
  return null;
}

const SEPARATOR = /^[·•|,–—-]$/;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);
const HANDLE = /^@[\p{L}\p{N}._]{1,50}$/u;

/**
 * The visible text pieces of a row, in document order: consecutive text of one parent element
 * (plus the `alt` of inline emoji images, as Facebook renders emoji) is one piece, so
 * "<span><span>Unread message:</span> Is the <img alt=💙> one back?</span>" gives
 * ["Unread message:", "Is the 💙 one back?"], as does an emoji image alone in its own span there.
 * Scripts, styles and SVG icons are skipped. Cheap and bounded: at most `limit` pieces, each cut
 * to 1,000 characters. `plain`: the caller knows the subtree holds no <img> with an emoji alt
 * (RowIndex.plain), so text nodes alone give the same pieces (skipped tags are told by their
 * text's parent, see hidesText).
 */
export function textBlocks(root: Element | null | undefined, limit = 40, plain = false): string[] {
  if (plain && root) return plainTextBlocks(root, limit);
  const out: string[] = [];
  if (!root) return out;
  let parent: Node | null = null;
  let text = '';
  const flush = () => {
    const piece = blank(text) ? '' : clean(text, 1000);
    if (piece) out.push(piece);
    text = '';
  };
  try {
    if (skippedTag(root.tagName)) return out;
    const leaf = leafText(root);
    if (leaf !== null) {
      const piece = clean(leaf, 1000);
      if (piece && limit > 0) out.push(piece);
      return out;
    }
    // A plain firstChild/nextSibling walk: a TreeWalker with a JS filter calls back into script for
    // every node and cost most of a read (profiled: ~55 % of Instagram's read at 500 rows).
    let node: Node | null = root.firstChild;
    while (node && out.length < limit) {
      let piece: string | null = null;
      let descend = false;
      const type = node.nodeType;
      if (type === 3) piece = node.nodeValue ?? '';
      else if (type === 1) {
        const tag = (node as Element).tagName;
        if (!skippedTag(tag)) {
          descend = true;
          if (tag === 'IMG') piece = emojiText((node as Element).getAttribute('alt'));
        }
      }
      if (piece !== null) {
        let from = node.parentNode;
        // An emoji image alone in its own element ("Is the <span><img alt=💙></span> one back?",
        // Facebook 2023–2026; or in nested ones) is text of the element around them.
        for (let only: Node = node; type === 1 && from && from !== root && from.firstChild === only && from.lastChild === only; from = from.parentNode) only = from;
        if (from !== parent) {
          flush();
          parent = from;
        }
        if (text.length < 4000) text += piece;
      }
      const child: Node | null = descend ? node.firstChild : null;
      if (child) {
        node = child;
        continue;
      }
      // Next in document order: the next sibling, else the next sibling of the nearest ancestor below root.
      let next: Node | null = null;
      for (let up: Node | null = node; up && up !== root; up = up.parentNode) {
        next = up.nextSibling;
        if (next) break;
      }
      node = next;
    }
  } catch {
    // Detached or hostile node: keep what was read.
  }
  if (out.length < limit) flush();
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Inline emoji images carry the emoji as alt, which textBlocks reads as text; avatars ("Ana's
 * profile picture") do not count, Facebook's "(Y)" does (read as 👍). Over 8 UTF-16 units is over
 * 4 code points: no need to count them.
 */
export function emojiAlt(alt: string | null): alt is string {
  return !!alt && ((alt.length <= 8 && Array.from(alt).length <= 4 && !LETTER_OR_DIGIT.test(alt)) || THUMBS_UP.test(alt));
}
// Facebook's thumbs-up image has the alt "(Y)" (Messenger; Caprine 2026 reads it as 👍).
const THUMBS_UP = /^\(y\)$/i;

/** The text of an inline emoji image, or null for any other image. */
function emojiText(alt: string | null): string | null {
  return emojiAlt(alt) ? (THUMBS_UP.test(alt) ? '👍' : alt) : null;
}

/**
 * The text of an element without element children (a name span, mostly) in one textContent call,
 * which is what textBlocks would join from its text nodes; null when it has element children or
 * so much text that textBlocks' 4,000-character cap could matter.
 */
function leafText(el: Element): string | null {
  if (el.childElementCount !== 0) return null;
  const text = el.textContent ?? '';
  return text.length < 4000 ? text : null;
}

/**
 * textBlocks for a subtree known to hold no image with an emoji alt (RowIndex.plain): a
 * TreeWalker over text nodes only, without a filter, runs in the browser without calling back
 * into script, ~2.5× faster than walking every node from script. Text of skipped elements is
 * told by its parent (hidesText).
 */
function plainTextBlocks(root: Element, limit: number): string[] {
  const out: string[] = [];
  let parent: Node | null = null;
  let text = '';
  try {
    if (skippedTag(root.tagName)) return out;
    const leaf = leafText(root);
    if (leaf !== null) {
      const piece = clean(leaf, 1000);
      if (piece && limit > 0) out.push(piece);
      return out;
    }
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node && out.length < limit; node = walker.nextNode()) {
      const piece = node.nodeValue ?? '';
      const from = node.parentNode;
      if (from !== parent) {
        if (from !== null && hidesText(from as Element)) continue;
        const done = blank(text) ? '' : clean(text, 1000);
        if (done) out.push(done);
        text = '';
        parent = from;
      }
      if (text.length < 4000) text += piece;
    }
  } catch {
    // Detached or hostile node: keep what was read.
  }
  if (out.length < limit) {
    const done = blank(text) ? '' : clean(text, 1000);
    if (done) out.push(done);
  }
  return out;
}

/** Whether a tag's subtree is skipped by textBlocks (tagName, any case). */
function skippedTag(tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // HTML elements have upper-case tag names; only others (svg, XML) need the case folded.
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    if (c >= 97 && c <= 122) return SKIPPED_TAGS.has(tag.toUpperCase());
  }
  return false;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Whether text directly inside `el` is text textBlocks would skip: the element is a script,
 * style, template or noscript (whose content is text), or an SVG element (an icon's <title>).
 * The plain text walks ask this of each group's parent instead of looking for such elements
 * first. Unlike textBlocks they read HTML inside an SVG <foreignObject>, and markup inside a
 * <noscript> of a document without scripting (neither is seen in a conversation row).
 */
function hidesText(el: Element): boolean {
  // A text node's parent is an element (or, at a walk's root, a document or fragment: no tag).
  const tag = el.tagName;
  if (tag === undefined) return false;
  if (SKIPPED_TAGS.has(tag)) return true;
  // HTML elements have upper-case tag names; a lower-case first letter means SVG or MathML.
  const c = tag.charCodeAt(0);
  return c >= 97 && c <= 122 && (el.namespaceURI === SVG_NS || skippedTag(tag));
}

export interface RowParts {
  name?: string;
  handle?: string;
  snippet?: string;
  time?: number;
}

/**
 * Split a row's text pieces into name, handle, snippet and time: the name comes first, an
 * "@handle" is the handle, the last short piece that reads as a time is the time, the first other
 * piece after the name is the snippet. Separators ("·") are skipped.
 */
export function rowParts(
  texts: readonly string[],
  now: number,
  parse: (label: string, now: number) => number | undefined,
  options: { named?: boolean } = {},
): RowParts {
  // Separators are one character; handles start with "@": the regular expressions run only then.
  let pieces = texts;
  for (let i = 0; i < texts.length; i++) {
    if (!isPiece(texts[i]!)) {
      pieces = texts.filter(isPiece);
      break;
    }
  }
  const parts: RowParts = {};
  let timeIndex = -1;
  // With `named`, the name was found elsewhere: the pieces are what follows it.
  const first = options.named ? 0 : 1;
  for (let i = pieces.length - 1; i >= first; i--) {
    const piece = pieces[i]!;
    if (piece.length > 24) continue;
    const time = parse(piece, now);
    if (time !== undefined) {
      parts.time = time;
      timeIndex = i;
      break;
    }
  }
  let named = !!options.named;
  for (let i = 0; i < pieces.length; i++) {
    if (i === timeIndex) continue;
    const piece = pieces[i]!;
    if (piece.charCodeAt(0) === 64 /* @ */ && HANDLE.test(piece)) {
      parts.handle ??= piece.slice(1);
      continue;
    }
    if (!named) {
      named = true;
      parts.name = piece;
    } else if (parts.snippet === undefined) {
      parts.snippet = piece;
      if (parts.handle !== undefined) break;
    }
  }
  return parts;
}

/** Not empty and not a separator ("·"). */
function isPiece(text: string): boolean {
  return !!text && !(text.length === 1 && SEPARATOR.test(text));
}

export interface RowInput {
  id: string;
  name?: string | null;
  handle?: string | null;
  snippet?: string | null;
  unread: boolean;
  unreadCount?: number | null;
  lastFromMe?: boolean;
  time?: number;
  url?: string;
  muted?: boolean;
}

/**
 * A ThreadRow within the contract's limits: strings cleaned and cut, optional fields left out
 * when unknown, and muted rows never unread (both adapter helpers follow this rule).
 * `cleaned`: the caller's name, handle and snippet are already what cleanText makes of them
 * (text pieces, or slices of one that cannot start or end with a space), so they are only cut
 * to their limits: cleanText's test of each was ~5 % of a 500-row read. Ids are cleaned always.
 */
export function makeRow(input: RowInput, cleaned = false): ThreadRow {
  const muted = input.muted === true;
  const fit = cleaned ? cut : clean;
  const row: ThreadRow = {
    id: clean(input.id, LIMITS.id),
    name: fit(input.name, LIMITS.name),
    unread: muted ? false : input.unread,
  };
  let handle = fit(input.handle, LIMITS.handle);
  // One leading "@" dropped (as .replace(/^@/, '') would).
  if (handle.charCodeAt(0) === 64) handle = handle.slice(1);
  if (handle) row.handle = handle;
  const snippet = fit(input.snippet, LIMITS.snippet);
  if (snippet) row.snippet = snippet;
  if (!muted && input.unreadCount !== null && input.unreadCount !== undefined && input.unreadCount > 0) {
    row.unreadCount = Math.min(input.unreadCount, 1_000_000);
  }
  if (input.lastFromMe !== undefined) row.lastFromMe = input.lastFromMe;
  if (input.time !== undefined && Number.isInteger(input.time) && input.time >= 0) row.time = input.time;
  if (input.url && input.url.length <= LIMITS.url) row.url = input.url;
  if (muted) row.muted = true;
  return row;
}

/** cleanText for a string that is already clean: only the cut to `max`. */
function cut(value: string | null | undefined, max: number): string {
  return value ? truncate(value, max) : '';
}

/** Rows with an id seen before are dropped (a row can match two strategies); at most LIMITS.threads. */
export function uniqueRows(rows: readonly ThreadRow[]): ThreadRow[] {
  const seen = new Set<string>();
  const out: ThreadRow[] = [];
  for (const row of rows) {
    if (!row.id) continue;
    // One hash lookup per row: the set grows only for an id not seen before.
    const size = seen.size;
    if (seen.add(row.id).size === size) continue;
    out.push(row);
    if (out.length >= LIMITS.threads) break;
  }
  return out;
}

/** A bounded, de-duplicated list of part names for `missing`. */
export function missingList(parts: (string | false | null | undefined)[]): string[] {
  return [...new Set(parts.filter((p): p is string => !!p))].slice(0, LIMITS.missing);
}

/** A row's time marks: the texts of its <time>/<abbr> elements and the first <time datetime>. */
export interface TimeMarks {
  /**
   * The texts of the row's first ten <time> and <abbr> elements: time labels even when they do
   * not parse ("٢٠ د", "3 時間"), so they are not taken for the snippet.
   */
  labels: Set<string>;
  /** The datetime attribute of the row's first time[datetime], cleaned; '' when none. */
  datetime: string;
}

/**
 * The row's time marks from one query (a query per part cost ~0.3 ms per 500 rows each); the
 * first time[datetime] is looked up on its own only when it may lie past the first ten matches.
 */
export function timeMarks(row: Element): TimeMarks {
  const found = qa(row, 'time, abbr', 10);
  const labels = new Set<string>();
  let dated: Element | null = null;
  for (const el of found) {
    const text = clean(el.textContent);
    if (text) labels.add(text);
    if (!dated && el.matches('time[datetime]')) dated = el;
  }
  if (!dated && found.length >= 10) dated = q(row, 'time[datetime]');
  return { labels, datetime: attr(dated, 'datetime') };
}

/** A row's time from <time datetime> (exact), else from its time/abbr labels; undefined if none parse. */
export function markedTime(
  marks: TimeMarks,
  now: number,
  parse: (label: string, now: number) => number | undefined,
): number | undefined {
  const exact = marks.datetime ? parse(marks.datetime, now) : undefined;
  if (exact !== undefined) return exact;
  for (const label of marks.labels) {
    const time = parse(label, now);
    if (time !== undefined) return time;
  }
  return undefined;
}

/**
 * The rows of one read, for per-row questions answered by one query over the list instead of one
 * query per row (each per-row query cost ~0.3 ms per 500 rows in Chromium). For a query matching
 * in about every other row or more, when the rows are in document order and none holds another
 * (every list seen), matches and rows are merged in one pass: a match belongs to the current row
 * when the row contains it (one native call that makes no node object; a cold read of the React
 * storm page was ~10 % faster so). Otherwise every match is mapped to the rows above it by a
 * parentElement walk that stops at the rows' common ancestor; a row inside another row gets the
 * matches of both, as row.querySelectorAll would. Selectors are
 * single selectors: Chromium answers a single tag or attribute selector several times faster
 * than a selector list ('time, abbr' cost 4× 'abbr'). Everything is looked up when the index is
 * built, before any row is read, so a row the page detaches during the read keeps its answers (as
 * its own subtree would give them). Without a common ancestor (rows in different trees) or when a
 * query throws, per-row queries answer.
 */
/** Rows up to this many are looked up one by one rather than by queries of the whole list. */
const FEW_ROWS = 16;

export class RowIndex {
  private readonly isRow: Set<Element>;
  private readonly scope: Element | null;
  private readonly found = new Map<string, Map<Element, Element[]> | null>();
  private readonly special: Set<Element> | null;

  /**
   * The rows in document order when none holds another, else null (matches are mapped by walks);
   * undefined until a query has enough matches to need it (checking the order is a call per row).
   */
  private ordered: Element[] | null | undefined;
  private readonly rows: readonly Element[];

  /**
   * `selectors`: the single selectors rows will be asked about (time marks are always indexed).
   * `fewRows`: up to this many rows are asked one by one (tests set it to test both ways).
   */
  constructor(
    rows: readonly Element[],
    selectors: readonly string[],
    private readonly fewRows = FEW_ROWS,
  ) {
    this.isRow = new Set(rows);
    this.scope = attempt(() => commonAncestor(rows), null);
    this.rows = rows;
    for (const selector of [...selectors, 'time', 'abbr']) this.found.set(selector, this.build(selector));
    this.special = this.buildSpecial();
  }

  /**
   * A few rows (the ones changed since the last read, see row-memo.ts) are asked one by one: a
   * query of the whole list for them would cost what it costs for every row.
   */
  private get few(): boolean {
    return this.rows.length <= this.fewRows;
  }

  private buildFew(selector: string): Map<Element, Element[]> {
    const out = new Map<Element, Element[]>();
    for (const row of this.rows) {
      const list = row.querySelectorAll(selector);
      if (!list.length) continue;
      const mine: Element[] = [];
      for (let i = 0; i < list.length; i++) mine.push(list[i]!);
      out.set(row, mine);
    }
    return out;
  }

  private build(selector: string): Map<Element, Element[]> | null {
    if (!this.scope) return null;
    try {
      if (this.few) return this.buildFew(selector);
      const list = this.scope.querySelectorAll(selector);
      const out = new Map<Element, Element[]>();
      // The merge pays for its order check when a query matches in about every other row at least
      // (as the time of every row does); a few matches are mapped by their walks.
      const ordered = list.length * 2 >= this.isRow.size ? this.orderedRows() : null;
      if (ordered) {
        // Matches come in document order too: each belongs to the current row or a later one.
        let r = 0;
        for (let i = 0; i < list.length; i++) {
          const match = list[i]!;
          while (r < ordered.length) {
            const row = ordered[r]!;
            if (row !== match && row.contains(match)) {
              const mine = out.get(row);
              if (mine) mine.push(match);
              else out.set(row, [match]);
              break;
            }
            // 4 = DOCUMENT_POSITION_FOLLOWING: the match comes after this row, so maybe in the next.
            // Else it is before the row, or the row itself or around it: in no row.
            if (row.compareDocumentPosition(match) & 4) r++;
            else break;
          }
        }
      } else {
        for (let i = 0; i < list.length; i++) this.add(out, list[i]!);
      }
      return out;
    } catch {
      return null;
    }
  }

  private orderedRows(): Element[] | null {
    if (this.ordered === undefined) this.ordered = attempt(() => disjointInOrder(this.rows), null);
    return this.ordered;
  }

  private add(out: Map<Element, Element[]>, match: Element): void {
    for (let up = match.parentElement; up && up !== this.scope; up = up.parentElement) {
      if (!this.isRow.has(up)) continue;
      const mine = out.get(up);
      if (mine) mine.push(match);
      else out.set(up, [match]);
    }
  }

  /**
   * Rows holding an image with an emoji alt, which textBlocks reads as text. (Skipped tags need
   * no look-up: the plain walks tell their text by its parent, see hidesText. Six queries for
   * them cost ~0.2 ms per 500 rows, and real rows with an SVG icon took the slow walk.)
   */
  private buildSpecial(): Set<Element> | null {
    if (!this.scope) return null;
    try {
      const out = new Set<Element>();
      if (this.few) {
        for (const row of this.rows) {
          const images = row.querySelectorAll('img');
          for (let i = 0; i < images.length; i++) if (emojiAlt(images[i]!.getAttribute('alt'))) out.add(row);
        }
        return out;
      }
      const list: NodeListOf<Element> = this.scope.querySelectorAll('img');
      for (let i = 0; i < list.length; i++) {
        const el = list[i]!;
        // Images whose alt cannot be an emoji (none, an avatar's "Ana's profile picture") are
        // passed over by textBlocks like any other element.
        if (!emojiAlt(el.getAttribute('alt'))) continue;
        for (let up = el.parentElement; up && up !== this.scope; up = up.parentElement) if (this.isRow.has(up)) out.add(up);
      }
      return out;
    } catch {
      return null;
    }
  }

  /** row.querySelector(selector) for a selector given to the constructor. */
  first<E extends Element = HTMLElement>(row: Element, selector: string): E | null {
    const map = this.found.get(selector);
    if (!map) return q<E>(row, selector);
    return (map.get(row)?.[0] as E | undefined) ?? null;
  }

  /** qa(row, selector, limit) for a selector given to the constructor. */
  all<E extends Element = HTMLElement>(row: Element, selector: string, limit = 5000): E[] {
    const map = this.found.get(selector);
    if (!map) return qa<E>(row, selector, limit);
    const mine = (map.get(row) ?? []) as E[];
    return mine.length > limit ? mine.slice(0, limit) : mine;
  }

  /** Whether the row's text can be read by the plain text walk (see textBlocks' `plain`). */
  plain(row: Element): boolean {
    return this.special !== null && !this.special.has(row);
  }

  /** One TreeWalker over the text nodes under the rows' common ancestor, shared by every row. */
  private walker: TreeWalker | null | undefined;

  private textWalker(): TreeWalker | null {
    if (this.walker === undefined) {
      this.walker = attempt(() => (this.scope ? this.scope.ownerDocument.createTreeWalker(this.scope, 4 /* SHOW_TEXT */) : null), null);
    }
    return this.walker;
  }

  /**
   * namedPieces(row, nameEl, exclude, this.plain(row)) for a name element inside the row, in one
   * pass over the row's text nodes with the walker shared by all rows (a TreeWalker per row, and a
   * second walk for the name, cost more than the walk itself at 500 rows). The name's pieces are
   * the row's pieces whose text sits in the name element: the same groups textBlocks(nameEl)
   * makes, since a group's text nodes share one parent.
   */
  namedPieces(row: Element, nameEl: Element | null, exclude: ReadonlySet<string>): NamedPieces {
    const plain = this.plain(row);
    const walker = plain ? this.textWalker() : null;
    if (!walker) return namedPieces(row, nameEl, exclude, plain);
    const rest: string[] = [];
    let own: string[] | null = null;
    let lead: string | null = null;
    let count = 0;
    // Where the walk is relative to the name element: 0 before it, 1 in it, 2 past it.
    let state = nameEl ? 0 : 2;
    try {
      if (skippedTag(row.tagName)) return namedPieces(row, nameEl, exclude, plain);
      const leafName = nameEl !== null && nameEl.childElementCount === 0;
      // A group of text nodes with one parent is one piece: the name's when its parent is in nameEl.
      const take = (piece: string, group: Node | null): void => {
        count++;
        const shown = !exclude.has(piece);
        if (shown) rest.push(piece);
        if (state === 2) return;
        if (group === nameEl || (!leafName && group !== null && nameEl!.contains(group))) {
          state = 1;
          if (!own) own = [piece];
          else if (own.length < 5) own.push(piece);
        } else if (state === 1) state = 2;
        else if (shown && lead === null) lead = piece;
      };
      // The row's last text node, in one call: the walker's lastChild is its deepest last text.
      walker.currentNode = row;
      const end = walker.lastChild();
      if (end) {
        walker.currentNode = row;
        let parent: Node | null = null;
        // The group's text; most groups are one text node, so no string is built for them.
        let text = '';
        for (let node = walker.nextNode(); node; node = node === end ? null : walker.nextNode()) {
          const up = node.parentNode;
          if (up === parent) {
            if (text.length < 4000) text += node.nodeValue ?? '';
            continue;
          }
          // Text of a script, style or SVG element is not shown (textBlocks skips those subtrees).
          if (up !== null && hidesText(up as Element)) continue;
          const piece = text ? pieceOf(text) : '';
          if (piece) {
            take(piece, parent);
            // 40 pieces: the rest of the row is not read, as textBlocks stops there.
            if (count >= 40) {
              text = '';
              // (`own` is set in `take`, which TypeScript's narrowing does not see.)
              if (state < 2 && ((own as string[] | null)?.length ?? 0) < 5) own = textBlocks(nameEl, 5, true);
              break;
            }
          }
          parent = up;
          text = node.nodeValue ?? '';
        }
        const piece = text ? pieceOf(text) : '';
        if (piece) take(piece, parent);
      }
    } catch {
      return namedPieces(row, nameEl, exclude, plain);
    }
    if (!nameEl) return { name: null, rest };
    const mine = own as string[] | null;
    if (!mine) {
      // No text in the name element, or an element outside the row.
      if (!row.contains(nameEl)) return namedPieces(row, nameEl, exclude, plain);
      return { name: '', rest };
    }
    for (const piece of mine) {
      const at = rest.indexOf(piece);
      if (at >= 0) rest.splice(at, 1);
    }
    const name = mine.length === 1 ? mine[0]! : mine.join(' ');
    return lead === null ? { name, rest } : { name, rest, lead };
  }

  /**
   * The row's time marks, as timeMarks(row) gives them: the texts of its first ten <time>/<abbr>
   * elements in document order and the datetime of its first time[datetime].
   */
  timeMarks(row: Element): TimeMarks {
    const times = this.all(row, 'time');
    const abbrs = this.all(row, 'abbr');
    const marks = !times.length ? abbrs : !abbrs.length ? times : inDocumentOrder(times, abbrs);
    const labels = new Set<string>();
    for (let i = 0; i < marks.length && i < 10; i++) {
      const text = clean(marks[i]!.textContent);
      if (text) labels.add(text);
    }
    const dated = times.find((el) => el.hasAttribute('datetime'));
    return { labels, datetime: attr(dated, 'datetime') };
  }
}

/** Two lists of elements, each in document order, merged into one. */
function inDocumentOrder(a: readonly Element[], b: readonly Element[]): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // 4 = DOCUMENT_POSITION_FOLLOWING: b[j] comes after a[i].
    if (a[i]!.compareDocumentPosition(b[j]!) & 4) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The rows without repeats (a row listed twice in a row, as for two links in one row), when they
 * are in document order and none holds another; else null.
 */
function disjointInOrder(rows: readonly Element[]): Element[] | null {
  const out: Element[] = [];
  let last: Element | null = null;
  for (const row of rows) {
    if (row === last) continue;
    // 4 = FOLLOWING, 16 = CONTAINED_BY: the row must come after the last one and not inside it.
    if (last !== null && (last.compareDocumentPosition(row) & 20) !== 4) return null;
    out.push(row);
    last = row;
  }
  return out;
}

/** The nearest element that contains every row, or null (no rows, or rows in different trees). */
function commonAncestor(rows: readonly Element[]): Element | null {
  if (!rows.length) return null;
  const chain: Element[] = [];
  for (let up = rows[0]!.parentElement; up; up = up.parentElement) chain.push(up);
  const position = new Map<Element, number>();
  chain.forEach((el, i) => position.set(el, i));
  let highest = 0;
  for (const row of rows) {
    let up = row.parentElement;
    while (up && !position.has(up)) up = up.parentElement;
    if (!up) return null;
    highest = Math.max(highest, position.get(up)!);
  }
  return chain[highest] ?? null;
}

/**
 * The row's name element and its text, found by structure (an empty name stays empty rather
 * than borrowing the snippet), and the row's other text pieces.
 */
export function namedPieces(row: Element, nameEl: Element | null, exclude: ReadonlySet<string>, plain = false): NamedPieces {
  const all = textBlocks(row, 40, plain).filter((t) => !exclude.has(t));
  if (!nameEl) return { name: null, rest: all };
  const own = textBlocks(nameEl, 5, plain);
  const name = own.join(' ');
  const rest = [...all];
  for (const piece of own) {
    const at = rest.indexOf(piece);
    if (at >= 0) rest.splice(at, 1);
  }
  // The row's first piece is not the name's: text comes before the name element.
  const first = all[0];
  return first !== undefined && own.length > 0 && first !== own[0] && !own.includes(first) ? { name, rest, lead: first } : { name, rest };
}

/** A row's text pieces, told apart from its name element's. */
export interface NamedPieces {
  /** The name element's text (its pieces joined); null without a name element. */
  name: string | null;
  /** The row's other pieces in order, without those in `exclude` (time labels). */
  rest: string[];
  /** The row's first piece when it comes before the name element (and is not excluded). */
  lead?: string;
}

let knownRows = true;
/** Turn the known layouts' direct reads (tiledTexts) off or on: tests compare both reads. */
export function setKnownRows(on: boolean): void {
  knownRows = on;
}

/**
 * Whether text[from, to) is white space, or one separator ("·", "•", "|", …) with white space
 * around it, once cleaned (invisible and control characters count as white space): what
 * `blank(gap) || SEPARATOR.test(clean(gap))` says, without making the gap's string.
 */
function gapOk(text: string, from: number, to: number): boolean {
  let separator = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Every character up to the space is white space or a control character, as are C1's.
    if (c <= 32 || (c >= 0x7f && c <= 0x9f)) continue;
    if (c === 0xb7 || c === 0x2022 || c === 0x7c || c === 0x2c || c === 0x2013 || c === 0x2014 || c === 0x2d) {
      if (separator) return false;
      separator = true;
      continue;
    }
    if (c < 0x80 || !GAP_SPACE.test(text[i]!)) return false;
  }
  return true;
}
// One character of a gap that cleaning makes white space or removes.
const GAP_SPACE = /^[\s\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]$/;

/**
 * A row's text pieces read from its known elements instead of a walk over its text: the raw
 * texts of `leaves` when the row is exactly them. Each leaf must have no element child, and the
 * row's textContent must be their texts in this order with nothing between, before or after but
 * white space or a one-character separator. Then nothing else in the row shows text (no other
 * element, no script or style, no SVG title: their text would be in the row's textContent), and
 * the pieces textBlocks would make of the row are these texts (a piece is the text of one
 * parent element), the separators, and nothing more, except for the alt of inline emoji images,
 * which the caller rules out (`emojiAlt` on each image's alt). Null when the row is anything else: the caller
 * reads it the general way.
 */
export function tiledTexts(row: Element, leaves: readonly (Element | null | undefined)[]): string[] | null {
  if (!knownRows) return null;
  const all = row.textContent ?? '';
  const out: string[] = [];
  let at = 0;
  for (const leaf of leaves) {
    if (!leaf || leaf.childElementCount !== 0) return miss();
    const text = leaf.textContent ?? '';
    const found = all.indexOf(text, at);
    if (found < 0 || !gapOk(all, at, found)) return miss();
    out.push(text);
    at = found + text.length;
  }
  if (!gapOk(all, at, all.length)) return miss();
  knownRowCounts.direct++;
  return out;
}

function miss(): null {
  knownRowCounts.missed++;
  return null;
}

/** Rows tiledTexts read directly, and rows it sent to the general read (tests and benchmarks). */
export const knownRowCounts = { direct: 0, missed: 0 };


/** Rows past this many get no computed-style checks (costly in big documents; lists are virtualised). */
export const STYLE_ROWS = 300;

/** What `readIndexedRows` needs of an adapter. */
export interface IndexedRows<R> {
  /** The row memo's name (one per adapter). */
  name: string;
  url: URL;
  now: number;
  rows: readonly R[];
  row: (found: R) => Element;
  /** The thread link a row was found by, when a row can hold two. */
  link?: (found: R) => Element | null;
  /** The page shows the durable unread marker: a row without it is read, and no style is read. */
  markerLive: boolean;
  /** The single selectors rows are asked about (see RowIndex). */
  selectors: readonly string[];
  /**
   * One row. `index()` builds the RowIndex over the rows to parse on its first call, so a read
   * whose rows all take a known layout's direct path builds none.
   */
  parse: (found: R, index: () => RowIndex, useStyle: boolean) => ThreadRow | null;
}

/**
 * The rows of a list read with a RowIndex, through the row memo (row-memo.ts): whether the page
 * shows the durable marker, and whether a row is among the first STYLE_ROWS whose styles are read,
 * are the list-wide facts a row's read depends on; the index is built over the rows to parse
 * only. Rows that throw or read as nothing are left out, and repeated ids (uniqueRows).
 */
export function readIndexedRows<R>(doc: Document, spec: IndexedRows<R>): ThreadRow[] {
  let styled = 0;
  const useStyle = spec.rows.map(() => !spec.markerLive && styled++ < STYLE_ROWS);
  let toParse: readonly R[] = [];
  let built: RowIndex | null = null;
  const index = () => (built ??= new RowIndex(toParse.map(spec.row), spec.selectors));
  const read = readRows(doc, {
    name: spec.name,
    pageKey: spec.url.href,
    now: spec.now,
    rows: spec.rows,
    element: spec.row,
    ...(spec.link ? { token: spec.link } : {}),
    key: (_, i) => (spec.markerLive ? 'm' : useStyle[i] ? 's' : ''),
    prepare: (stale) => {
      toParse = stale;
      built = null;
    },
    parse: (found, i) => attempt(() => spec.parse(found, index, useStyle[i]!), null),
  });
  return uniqueRows(read.filter((row): row is ThreadRow => row !== null));
}

/** The parts of a DM page an adapter reads; `assembleRead` puts them together the same way for each. */
export interface PageParts {
  /** Is this a DM page (list and threads), not the feed? On other pages only the total is read. */
  isDmPage(url: URL): boolean;
  /** The open thread's id from the URL, or null on the inbox. */
  threadIdOf(url: URL): string | null;
  readTotal(doc: Document): number | null;
  /**
   * A page where the platform shows no unread counter by design (the rows count instead): a null
   * total there is not reported missing.
   */
  totalOptional?(doc: Document): boolean;
  readThreads(doc: Document, url: URL, now: number): ThreadRow[];
  /**
   * Selectors of the conversation list's container: one that is there and holds no text is an
   * empty inbox, not a list DM Desk failed to find (one with text and no rows read is reported).
   */
  listContainers?: readonly string[];
  readActive(doc: Document, url: URL, threads: ThreadRow[]): Contact | null;
  findComposer(doc: Document): HTMLElement | null;
  /**
   * A thread the platform shows without a composer by design (a message request not yet
   * accepted): no composer there is not reported missing.
   */
  composerOptional?(url: URL): boolean;
}

/** Whether one of these list containers is on the page, empty of text (an empty inbox). */
function emptyList(doc: Document, containers: readonly string[] | undefined): boolean {
  for (const selector of containers ?? []) {
    const list = q(doc, selector);
    if (list) return !clean(list.textContent);
  }
  return false;
}

/**
 * One read of a DM page: each part on its own (a part that throws costs only itself), and the
 * parts expected here but not found named in `missing` for the health view.
 */
export function assembleRead(parts: PageParts, doc: Document, url: URL, now: number): InboxRead {
  try {
    const unreadTotal = attempt(() => parts.readTotal(doc), null);
    const totalMissing = unreadTotal === null && !attempt(() => parts.totalOptional?.(doc) ?? false, false);
    if (!parts.isDmPage(url)) {
      return { unreadTotal, threads: [], active: null, missing: missingList([totalMissing && 'unread total']) };
    }
    const threads = attempt(() => parts.readThreads(doc, url, now), []);
    const inThread = parts.threadIdOf(url) !== null;
    const active = inThread ? attempt(() => parts.readActive(doc, url, threads), null) : null;
    const composer = inThread ? attempt(() => parts.findComposer(doc), null) : null;
    return {
      unreadTotal,
      threads,
      active,
      missing: missingList([
        totalMissing && 'unread total',
        threads.length === 0 && !attempt(() => emptyList(doc, parts.listContainers), false) && 'conversation list',
        inThread && !active && 'open conversation',
        inThread && !composer && !attempt(() => parts.composerOptional?.(url) ?? false, false) && 'composer',
      ]),
    };
  } catch {
    return emptyRead(['page']);
  }
}
