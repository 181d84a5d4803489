import { type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { absoluteUrl, hashId, leafTexts, parseCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';
import {
  attempt,
  attr,
  firstOf,
  hasDot,
  hrefPath,
  isCommentBox,
  isBold,
  makeRow,
  q,
  qa,
  rowParts,
  selfPrefix,
  markedTime,
  RowIndex,
  rememberTimes,
  type ParseTime,
  textBlocks,
  titleTotal,
  linkBase,
  rowUrl,
  type LinkBase,
  cleanText,
  assembleRead,
  readIndexedRows,
  type PageParts,
  type RowParts,
  tiledTexts,
  emojiAlt,
  closestRole,
  MUTED_LABEL,
} from '../dom/read';
import { rowId } from '../dom/read-b';
import { PLATFORM_DM_LIMITS } from './limits';

/**
 * Instagram DMs: www.instagram.com/direct/inbox/ and /direct/t/<id>/.
 * Every part is an ordered list of strategies, most durable first; see PLATFORMS.md.
 */

// The unread dot of Instagram rows (2021–2026). The green "active now" dot is rgb(120, 222, 69).
const BLUE_DOT = ['rgb(0, 149, 246)'];
const THREAD_HREF = /\/direct\/t\/([^/?#]+)/;
// "Muted" bell in the row: aria-label is localised, so several languages (seen 2023–2026).
// "ana.lopez's profile picture": the username before the possessive. Not a Unicode (\p{L})
// pattern: those cost far more to compile, and a read during a storm recompiles its patterns.
const ALT_HANDLE = /^@?([A-Za-z0-9._]{1,30})['’]s\b/;
// Presence lines shown where the snippet would be ("Active 2h ago", "Activo hace 5 min", "Actif il
// y a 2 h", "Attivo 2 ore fa", "Ativo há 2 h", "Aktif 2 sa. önce", "В сети 2 ч назад"). A word,
// not a prefix: "Actively looking…" is a message. (\b knows no Cyrillic: a space or the end.)
// Whole lines: the Chinese and Japanese ones ("目前在線上", "10分鐘前在線上", "オンライン中"; 2026),
// and the typing indicator that replaces preview and time ("Typing...", English, 2026).
const PRESENCE =
  /^(?:(active|activ[oa]|actif|attiv[oa]|ativ[oa]|aktiv|aktif|en ligne|online|в сети|онлайн)(?=[\s.,]|$)|(?:目前在線上|目前在线|剛剛上線|在线|在線上|\d+\s*(?:分鐘|分钟|小時|小时|天)前(?:在線上|在线|上線)|オンライン中|typing(?:\.\.\.|…)?)$)/i;
// With two or more unread messages the preview is their count: "2 new messages", "4+ new
// messages" (English, 2026), "3 則新訊息" / "3 条新消息" / "3件の新しいメッセージ".
const NEW_MESSAGES = /^(\d{1,4})\+?\s*(?:new messages?|則新訊息|条新消息|件の新しいメッセージ)$/i;

function isDirectPage(url: URL): boolean {
  return url.pathname.startsWith('/direct/');
}

function threadIdOf(url: URL): string | null {
  return url.pathname.match(THREAD_HREF)?.[1] ?? null;
}

/** The nav link to the inbox (left rail 2020–2026, bottom bar on narrow windows). */
function navLink(doc: Document): Element | null {
  return firstOf<Element>([
    // Seen 2020–2026: the Messages / Direct link; the badge is a span inside it.
    () => q(doc, 'a[href^="/direct/inbox"]'),
    // The same link written absolute ("https://www.instagram.com/direct/inbox/").
    () => q(doc, 'a[href*="instagram.com/direct/inbox"]'),
    // 2016–2019 layout linked "/direct/" without "inbox".
    () => q(doc, 'a[href="/direct/"]'),
    // 2026, with something unread: the same link points at that thread ("/direct/t/<id>/").
    () => qa<HTMLAnchorElement>(doc, 'a[href*="/direct/t/"]').find((link) => !isThreadRowLink(link)),
  ]);
}

/**
 * The row around a thread link (role="listitem" 2023–2026, role="row" 2021–2022, or an li), or
 * the link itself when it holds an avatar; null for a link that is no row: the rail's Messages
 * link, which points at the unread thread in 2026.
 */
function threadLinkRow(link: HTMLAnchorElement): Element | null {
  return attempt(() => closestRole(link, ROW_ROLES, 'li') ?? (q(link, 'img') ? link : null), null);
}

function isThreadRowLink(link: HTMLAnchorElement): boolean {
  return threadLinkRow(link) !== null;
}

function readTotal(doc: Document): number | null {
  const nav = attempt(() => navLink(doc), null);
  return firstOf<number>([
    // A leaf of the nav link whose whole text is a count ("3", "9+"); seen 2020–2026.
    () => {
      if (!nav) return null;
      const badge = qa(nav, 'span, div', 50).find(
        (el) => el.childElementCount === 0 && /^[\d\u0660-\u0669\u06F0-\u06F9,.]+\+?$/.test(cleanText(el.textContent)),
      );
      return badge ? parseCount(badge.textContent) : null;
    },
    // Numbers in the nav link's aria-labels ("Direct messaging - 3 new notifications link"; any language).
    () => {
      if (!nav) return null;
      for (const el of [nav, ...qa(nav, '[aria-label]', 20)]) {
        const n = parseCount(attr(el, 'aria-label'));
        if (n !== null) return n;
      }
      return null;
    },
    // All generations: "(3) Instagram".
    () => titleTotal(doc),
    // Last: the nav link is there and no number anywhere: nothing unread.
    () => (nav ? 0 : null),
  ]);
}

// The row is the list item around the link (role="listitem" 2023–2026, role="row" 2021–2022, or an li).
const ROW_ROLES = ['listitem', 'row'];

/**
 * Rows with a thread link (2020–2025), else list items of the chat list (2024 builds), else the
 * buttons of the thread list (2026).
 */
function rowElements(doc: Document): { row: Element; link: HTMLAnchorElement | null }[] {
  const linked: { row: Element; link: HTMLAnchorElement | null }[] = [];
  for (const link of qa<HTMLAnchorElement>(doc, 'a[href*="/direct/t/"]')) {
    const row = threadLinkRow(link);
    if (row) linked.push({ row, link });
  }
  if (linked.length) return linked;
  // Rows as buttons without href inside the chat list (seen on some 2024 builds): id from a hash.
  // Only list items with an avatar, outside the open conversation (whose messages are rows too).
  const listed = qa(doc, '[role="list"] [role="listitem"]').filter(
    (row) => !attempt(() => row.closest('[role="main"]'), null) && q(row, 'img') !== null,
  );
  if (listed.length) return listed.map((row) => ({ row, link: null }));
  // 2026: buttons without href in the thread list (role="navigation", aria-label "Thread list"
  // in English), the open thread aria-pressed. A thread has an avatar and two texts or more
  // (name, then preview or presence); the account's own note has one. Buttons inside a row
  // (its menu) are not rows.
  return qa(doc, '[role="navigation"] [role="button"]')
    .filter((row) => attempt(() => isThreadButton(row), false))
    .map((row) => ({ row, link: null }));
}

function isThreadButton(row: Element): boolean {
  return (
    row.querySelector('img') !== null &&
    // User text is in span[dir="auto"] (2019–2026); without it, two texts of their own.
    (row.querySelectorAll('span[dir="auto"]').length >= 2 || leafTexts(row, 2).length >= 2) &&
    row.parentElement?.closest('[role="button"]') === null
  );
}

// aria-label="Unread" on the row's dot (English UI, 2022–2026): when a page shows it anywhere, rows
// without it are read, and the costlier computed-style checks are skipped.
interface RowContext {
  /** The page URL for rowUrl, prepared once per read. */
  site: LinkBase;
  /** parseTime, remembering labels for this read. */
  parse: ParseTime;
  now: number;
  /** The page uses the durable unread marker, so its absence means read. */
  markerLive: boolean;
  /** Per-row lookups answered by one query per read, built when a row first needs it. */
  index: () => RowIndex;
}

const NAMED = { named: true } as const;
const UNNAMED = { named: false } as const;

/**
 * One row. The unread strategies are written out rather than listed as closures, so one pass over
 * the row's labelled elements answers both the unread marker and the muted bell, and a row costs
 * no closure objects.
 */
function readRow(row: Element, link: HTMLAnchorElement | null, ctx: RowContext, useStyle: boolean): ThreadRow | null {
  const href = link ? attr(link, 'href') : '';
  // One pass over the row's images: the avatar (the first with an alt) and any inline emoji.
  const images = row.getElementsByTagName('img');
  let avatar: HTMLImageElement | null = null;
  let rawAlt: string | null = null;
  let emoji = false;
  for (let i = 0; i < images.length; i++) {
    const alt = images[i]!.getAttribute('alt');
    if (alt === null) continue;
    if (!avatar) (avatar = images[i]!), (rawAlt = alt);
    if (emojiAlt(alt)) emoji = true;
  }
  const alt = cleanText(rawAlt);
  // The avatar's alt names the account: "ana.lopez's profile picture" (English, 2020–2026).
  // Instagram usernames are ASCII letters, digits, periods and underscores, at most 30.
  const altHandle = alt ? ALT_HANDLE.exec(alt)?.[1] : undefined;

  // User text is wrapped in span[dir="auto"] (2019–2026); the first one is the name. The 2022
  // rows had no such span: there the name is the first text of the row.
  const known = emoji ? null : knownRow(row);
  let nameEl: Element | null;
  let name: string;
  let parts: RowParts;
  let time: number | undefined;
  let labelled: ArrayLike<Element>;
  let labelledUnread = false;
  // The "N new messages" summary in place of the preview: the row's unread count.
  let count: number | undefined;
  if (known) {
    // What the general read makes of the known row's pieces, without its sets and lists: the
    // time label is a time mark, not a piece; the snippet is the one piece after the name, unless
    // it is the avatar's alt or a presence line.
    nameEl = known.nameEl;
    name = known.name;
    const piece = known.snippet;
    // (The unread dot's clipped label and the unread summary, as below.)
    if (piece === 'Unread') labelledUnread = true;
    else if (piece !== known.time) count = newMessages(piece);
    const isPiece = !!piece && !labelledUnread && count === undefined && piece !== known.time && piece !== alt && !PRESENCE.test(piece);
    parts = isPiece ? rowParts([piece], ctx.now, ctx.parse, NAMED) : {};
    time = (known.time ? ctx.parse(known.time, ctx.now) : undefined) ?? parts.time;
    labelled = row.querySelectorAll('[aria-label]');
  } else {
    const index = ctx.index();
    const marks = index.timeMarks(row);
    nameEl = q(row, 'span[dir="auto"]');
    const pieces = index.namedPieces(row, nameEl, marks.labels);
    // One pass over the row's labelled elements (below) answers the unread dot and the muted bell.
    labelled = index.all(row, '[aria-label]');
    const texts: string[] = [];
    for (const text of pieces.rest) {
      // The unread dot's clipped "Unread" label (English, 2026) is no snippet.
      if (text === 'Unread') labelledUnread = true;
      else if (NEW_MESSAGES.test(text)) count ??= newMessages(text);
      else if (text !== alt && !PRESENCE.test(text)) texts.push(text);
    }
    parts = rowParts(texts, ctx.now, ctx.parse, pieces.name !== null ? NAMED : UNNAMED);
    name = pieces.name ?? parts.name ?? altHandle ?? '';
    if (!name && !href) return null;
    // The exact time when an <time datetime> is there (2019–2022 rows), else the "3h" label.
    time = markedTime(marks, ctx.now, ctx.parse) ?? parts.time;
  }

  let snippet = parts.snippet;
  let lastFromMe: boolean | undefined;
  if (snippet) {
    const self = selfPrefix(snippet);
    snippet = self.text;
    lastFromMe = self.fromMe;
  } else if (count !== undefined) lastFromMe = false; // "N new messages" are theirs.

  // One pass over the row's labelled elements: the unread dot's aria-label="Unread" (English UI,
  // 2022–2026) and the localised "Muted" bell (its first 20).
  let marked = labelledUnread || count !== undefined;
  let muted = false;
  for (let i = 0; i < labelled.length; i++) {
    const label = labelled[i]!.getAttribute('aria-label');
    if (label === 'Unread' || label === 'unread') marked = true;
    else if (i < 20 && !muted && label && MUTED_LABEL.test(cleanText(label))) muted = true;
  }
  // Without the marker on the page: the name in bold (font-weight ≥ 600) on unread rows, in every
  // language (2019–2026), else the blue dot by colour, for a localised label (2021–2026).
  let unread = marked;
  if (!marked && !ctx.markerLive && useStyle) {
    unread = attempt(() => isBold(nameEl ?? firstTextElement(row, name), row), false) || attempt(() => hasDot(row, BLUE_DOT, 8), false);
  }

  const threadId = href ? THREAD_HREF.exec(href)?.[1] : undefined;
  // Without a thread link: the name and the avatar's path (its query and CDN host change from
  // load to load: signed "oh"/"oe" parameters, scontent-iad3-1 / -lga3-2 shards).
  const id = threadId ?? rowId(name, avatar, { pathOnly: true });
  // Name, handle and snippet are text pieces (or slices of one): already clean.
  return makeRow(
    {
      id,
      name,
      handle: altHandle ?? parts.handle,
      snippet,
      unread,
      unreadCount: count,
      lastFromMe,
      time,
      url: rowUrl(href, ctx.site),
      muted,
    },
    true,
  );
}

/**
 * The 2023–2026 row read directly: two span[dir="auto"] without children (name, then snippet),
 * one <abbr> with the time label (in a span) and no <time>, and no other text in the row but
 * white space and the "·" between snippet and time (tiledTexts); the caller has ruled out inline
 * emoji images. Then the general read's walk finds exactly these texts (tests/unit/known-rows.test.ts
 * compares both reads), at a few queries per row. Anything else, null: the general read.
 */
function knownRow(row: Element): { nameEl: Element; name: string; snippet: string; time: string } | null {
  const spans = row.querySelectorAll('span[dir="auto"]');
  if (spans.length !== 2) return null;
  const abbr = row.querySelector('abbr');
  if (!abbr || row.querySelector('time') !== null) return null;
  const label = abbr.childElementCount === 1 ? abbr.firstElementChild : abbr;
  const nameEl = spans[0]!;
  const texts = tiledTexts(row, [nameEl, spans[1], label]);
  if (!texts) return null;
  const name = cleanText(texts[0]!, 1000);
  if (!name) return null;
  return { nameEl, name, snippet: cleanText(texts[1]!, 1000), time: cleanText(texts[2]!) };
}

function newMessages(text: string): number | undefined {
  const match = NEW_MESSAGES.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The first element under `row` whose own text is `text` (the name when no span[dir] marks it). */
function firstTextElement(row: Element, text: string): Element | null {
  if (!text) return null;
  return qa(row, 'div, span', 80).find((el) => el.childElementCount === 0 && cleanText(el.textContent) === text) ?? null;
}

function readThreads(doc: Document, url: URL, now: number): ThreadRow[] {
  const ctx: RowContext = { site: linkBase(url), parse: rememberTimes(parseTime), now, markerLive: false, index: () => new RowIndex([], []) };
  // The durable marker anywhere on the page means its absence on a row says read.
  // (Two single selectors: a selector list costs several times one.)
  ctx.markerLive = attempt(() => q(doc, '[aria-label="Unread"]') !== null || q(doc, '[aria-label="unread"]') !== null, false);
  return readIndexedRows(doc, {
    name: 'instagram',
    url,
    now,
    rows: rowElements(doc),
    row: (found) => found.row,
    link: (found) => found.link,
    markerLive: ctx.markerLive,
    // One '[aria-label]' query answers both the unread marker and the muted bell of every row read.
    selectors: ['[aria-label]'],
    parse: ({ row, link }, index, useStyle) => {
      ctx.index = index;
      return readRow(row, link, ctx, useStyle);
    },
  });
}

function readActive(doc: Document, url: URL, threads: ThreadRow[]): Contact | null {
  const openId = threadIdOf(url);
  if (!openId) return null;
  // A named group: "Messages in conversation titled Weekend crew" (English; Messenger's label,
  // 2025–2026, from the code both share): its name, and no one person's handle.
  const titled = attr(q(doc, '[aria-label^="Messages in conversation titled "]'), 'aria-label').replace(/^Messages in conversation titled\s+/, '');
  if (titled) return { name: titled };
  // The profile link in the conversation header ("/ana.lopez/"), for the handle (2019–2026); not
  // a link among the messages (a group member's avatar, a mention).
  // (Relative as rendered, or absolute: only the path counts.)
  const profilePath = (a: Element) => hrefPath(attr(a, 'href'));
  const inMessages = (a: Element) => attempt(() => a.closest('[aria-label^="Messages in conversation"]') !== null, false);
  const links = qa<HTMLAnchorElement>(doc, '[role="main"] a[href], main a[href]', 200);
  const profile = links.find(
    (a) => /^\/[\w.]{1,30}\/$/.test(profilePath(a)) && !/^\/(direct|explore|reels|accounts)\//.test(profilePath(a)) && !inMessages(a),
  );
  const handle = profile ? profilePath(profile).slice(1, -1) : undefined;
  const name = firstOf<string>([
    // "Messages in conversation with Ana López" (English, 2023–2026; role="grid" until 2026).
    () => attr(q(doc, '[aria-label^="Messages in conversation with "]'), 'aria-label').replace(/^Messages in conversation with\s+/, ''),
    // The open thread's row in the list (any language).
    () => threads.find((t) => t.id === openId)?.name,
    // Rows without thread links (2026): the open thread is the pressed row of the thread list.
    () => textBlocks(q(q(doc, '[role="navigation"] [role="button"][aria-pressed="true"]'), 'span[dir="auto"]'), 1)[0],
    // The header's profile link text: the first link to that profile with text (2026: an
    // avatar-only link, then the name link).
    () => {
      const path = profile ? profilePath(profile) : '';
      for (const a of path ? links : []) {
        const text = profilePath(a) === path && !inMessages(a) ? textBlocks(a, 1)[0] : undefined;
        if (text) return text;
      }
      return null;
    },
    () => handle,
  ]);
  return splitName(name, handle);
}

function findComposer(doc: Document): HTMLElement | null {
  // Posts of the feed and a post's page have comment boxes ("Add a comment…"): never those (by
  // place too outside the DM pages).
  const inPosts = !attempt(() => isDirectPage(new URL(doc.URL)), false);
  const notComment = (el: HTMLElement) => !isCommentBox(el, { inPosts });
  return firstOf<HTMLElement>([
    // Lexical editor (2023–2026): data-lexical-editor on the contenteditable.
    () => qa<HTMLElement>(doc, '[data-lexical-editor="true"][contenteditable]:not([contenteditable="false" i])', 50).find(notComment),
    // role="textbox" contenteditable, aria-label "Message" (localised), 2021–2026.
    () => qa<HTMLElement>(doc, 'div[role="textbox"][contenteditable]:not([contenteditable="false" i])', 50).find(notComment),
    // Textarea "Message..." of the 2016–2021 web DMs, on the DM pages only (the story viewer's
    // "Reply to …" box is a textarea too).
    () => (inPosts ? null : qa<HTMLElement>(doc, 'textarea[placeholder]', 50).find(notComment)),
  ]);
}

// The list of chats (2022–2026) and the 2026 thread list, by their English labels: found empty,
// the inbox is empty.
const LIST_CONTAINERS = ['[role="list"][aria-label="Chats"]', '[role="navigation"][aria-label="Thread list"]'];

const PAGE: PageParts = { isDmPage: isDirectPage, threadIdOf, readTotal, readThreads, listContainers: LIST_CONTAINERS, readActive, findComposer };

export const instagram: PlatformAdapter = {
  id: 'instagram',
  label: 'Instagram',
  matches: hostPatterns('instagram'),
  maxLength: PLATFORM_DM_LIMITS.instagram.max,
  read(doc, url, now = Date.now()): InboxRead {
    return assembleRead(PAGE, doc, url, now);
  },
  total(doc) {
    return attempt(() => readTotal(doc), null);
  },
  composer(doc) {
    return attempt(() => findComposer(doc), null);
  },
};
