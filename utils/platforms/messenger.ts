import { type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { absoluteUrl, hashId, parseCount } from '../dom/text';
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
  closestRole,
  MUTED_LABEL,
} from '../dom/read';
import { PLATFORM_DM_LIMITS } from './limits';

/**
 * Facebook Messenger, one platform on two hosts: www.facebook.com/messages/… (2026 on) and
 * www.messenger.com (until April 2026). Strategies are ordered most durable first; see PLATFORMS.md.
 */

// Unread dots: Facebook blue rgb(0, 100, 209) (2021–2026), messenger.com blue rgb(0, 132, 255)
// (2020–2026). The green presence dot rgb(49, 162, 76) is not one of them.
const BLUE_DOT = ['rgb(0, 100, 209)', 'rgb(0, 132, 255)'];
// Thread links: /t/<id>, /e2ee/t/<id>, /requests/t/, /marketplace/t/ (messenger.com) and the same
// under /messages/ on facebook.com.
const THREAD_HREF = /\/t\/([\w.-]+)\/?(?:[?#]|$)/;
// "Unread message:" is a visually hidden label before the preview (English 2022–2026); other
// languages ("Tin nhắn chưa đọc:", "Mensaje no leído:") are a short piece ending with a colon.
const HIDDEN_LABEL = /^[^:：]{1,40}[:：]$/;
const SEPARATOR = /^[·•|,–—-]$/;

function isMessagesPage(url: URL): boolean {
  if (url.hostname === 'www.messenger.com') return !/^\/(login|logout|help)/.test(url.pathname);
  return url.pathname.startsWith('/messages');
}

function threadIdOf(url: URL): string | null {
  if (!isMessagesPage(url)) return null;
  return url.pathname.match(/\/t\/([\w.-]+)\/?$/)?.[1] ?? null;
}

// Section links of the messages navigation, a[role="link"][aria-label] with one of these hrefs, by
// section: Chats ("Inbox"), and Marketplace and Message requests, whose numbers Ferdium's recipe
// (2023–25) and Caprine (#2133, 2024) add to the Chats one. (Not a bare "/marketplace/": that is
// Facebook's Marketplace in the feed's navigation.)
const SECTION_HREFS = new Map([
  ['/messages/t/', 'chats'],
  ['/messages/', 'chats'],
  ['/t/', 'chats'],
  ['/marketplace/t/', 'marketplace'],
  ['/messages/marketplace/', 'marketplace'],
  ['/messages/marketplace/t/', 'marketplace'],
  ['/requests/t/', 'requests'],
  ['/messages/requests/', 'requests'],
  ['/messages/requests/t/', 'requests'],
]);
interface SectionLink {
  link: Element;
  section: string;
}
// The Messenger button of the facebook.com top bar: labelled "Messenger" (English and most UI
// languages), else its link to /messages in any language ("Tin nhắn", 2025–2026).
const TOP_BAR_BUTTON = '[role="banner"] [aria-label^="Messenger" i], [role="navigation"] [aria-label^="Messenger" i], [role="banner"] a[href^="/messages"]';

/**
 * The first ten section links: one single selector and the hrefs compared in script, as a list of
 * three selectors over the whole page cost ~0.4 ms (~10 % of a 500-row read) against ~0.07 ms.
 */
function sectionLinks(doc: Document): SectionLink[] {
  const out: SectionLink[] = [];
  try {
    const links = doc.querySelectorAll('a[role="link"][aria-label]');
    for (let i = 0; i < links.length && out.length < 10; i++) {
      const href = links[i]!.getAttribute('href') ?? '';
      // Relative as rendered; an absolute href or one with a query only then is cut to its path
      // (every row's link is among these: no regular expression for them).
      const section = SECTION_HREFS.get(href) ?? (/[:?#]/.test(href) ? SECTION_HREFS.get(hrefPath(href)) : undefined);
      if (section) out.push({ link: links[i]!, section });
    }
  } catch {
    // A hostile page: no section links.
  }
  return out;
}

/** Which host the document is on, from its URL (readTotal gets only the document). */
type TotalPage = 'messenger.com' | 'facebook-messages' | 'other';
function totalPage(doc: Document): TotalPage {
  const href = attempt(() => doc.URL, '');
  if (/^https?:\/\/(?:www\.)?messenger\.com(?:[:/?#]|$)/i.test(href)) return 'messenger.com';
  if (/^https?:\/\/[^/?#]*facebook\.com\/messages(?:[/?#]|$)/i.test(href)) return 'facebook-messages';
  return 'other';
}

// A title naming Messenger: "(3) Messenger" / "(3) Messenger | Facebook".
const MESSENGER_TITLE = /\bMessenger\b/i;

/**
 * The unread total, only from a messaging-specific counter; null when none gives a number where
 * none is reliable, so the unread rows count (the store takes `unreadTotal ?? unreadRows`).
 */
function readTotal(doc: Document): number | null {
  const sections = sectionLinks(doc);
  const page = totalPage(doc);
  return firstOf<number>([
    // Section links ("Chats", "Inbox") carry the count in their aria-label, any language
    // (facebook.com/messages 2024–2026, messenger.com 2021–2026): the first number of each section,
    // added up. On facebook.com/messages an unnumbered Chats link says nothing (see below), so the
    // other sections' numbers alone are no total there.
    () => {
      const counts = new Map<string, number>();
      for (const { link, section } of sections) {
        const n = counts.has(section) ? null : parseCount(attr(link, 'aria-label'));
        if (n !== null) counts.set(section, n);
      }
      if (!counts.size || (page === 'facebook-messages' && !counts.has('chats'))) return null;
      let total = 0;
      for (const n of counts.values()) total += n;
      return total;
    },
    // The Messenger button of the facebook.com top bar: aria-label "Messenger, 3 unread" (on the
    // button, or on an aria-hidden badge of its own beside it, as a clean-up userscript of
    // ~2021–22 found it) and a badge (2020–2026).
    () => {
      const buttons = qa(doc, TOP_BAR_BUTTON, 10);
      for (const el of buttons) {
        const n = parseCount(attr(el, 'aria-label'));
        if (n !== null) return n;
      }
      const button = buttons[0];
      if (!button) return null;
      const badge = qa(button, 'span, div', 30).find((el) => el.childElementCount === 0 && /^\d+\+?$/.test(cleanText(el.textContent)));
      return badge ? parseCount(badge.textContent) : null;
    },
    // The title: "(3) Messenger" (messenger.com, 2020–2026, where every title is its own) and
    // "(3) Messenger | Facebook". On facebook.com a bare "(3) Facebook" counts Facebook's
    // notifications, not messages: only a title naming Messenger is taken there.
    () => (page === 'messenger.com' || MESSENGER_TITLE.test(attempt(() => doc.title, '')) ? titleTotal(doc) : null),
    // Last: the section links or the top-bar button are there and carry no number: nothing unread
    // (messenger.com 2021–2026; the top-bar badge of other facebook.com pages is hidden at zero).
    // Not on facebook.com/messages: since 2026 its Chats link and top-bar button can carry no
    // number with unread chats (the count moved to Facebook's notifications), so the total is
    // unknown there and the unread rows count.
    () => (page !== 'facebook-messages' && (sections.length || q(doc, TOP_BAR_BUTTON)) ? 0 : null),
  ]);
}

/** The list: the thread grid of the messages navigation (2022–2026), else the page. */
function listRoot(doc: Document): ParentNode {
  return (
    firstOf<Element>([
      // [role="navigation"] [role="grid"], seen 2022–2026 on both hosts.
      () => q(doc, '[role="navigation"] [role="grid"]'),
      // A grid labelled "Chats" / "Chats" in other languages, without the navigation wrapper.
      () => q(doc, '[role="grid"][aria-label]'),
    ]) ?? doc
  );
}

// A thread link's row: [role="row"] (2022–2026), else a list item (role or li).
const ROW_ROLES = ['row', 'listitem'];

function rowElements(doc: Document): { row: Element; link: HTMLAnchorElement | null }[] {
  const root = listRoot(doc);
  const out: { row: Element; link: HTMLAnchorElement | null }[] = [];
  // Older UI (2019–2021): [data-testid="mwthreadlist-item"] rows.
  const legacy = qa(root, '[data-testid="mwthreadlist-item"]');
  for (const row of legacy) out.push({ row, link: q<HTMLAnchorElement>(row, 'a[href*="/t/"]') });
  if (out.length) return out;
  // Rows hold a link to the thread; the row is its [role="row"] (2022–2026) or list item.
  for (const link of qa<HTMLAnchorElement>(root, 'a[href*="/t/"]')) {
    if (!THREAD_HREF.test(attr(link, 'href'))) continue;
    out.push({ row: attempt(() => closestRole(link, ROW_ROLES, 'li'), null) ?? link, link });
  }
  return out;
}

// A per-row "Mark as read" button exists only on unread rows (English, 2022–2026; some builds say
// "Mark as Read", as Caprine and other wrappers read it). When a page has one anywhere, rows
// without it are read and the costlier computed-style checks are skipped. One selector, matched
// case-insensitively: no second walk over the page when none is there.
const UNREAD_MARKER = '[aria-label="mark as read" i]';
const MARKER_LABEL = 'mark as read';
/** Whether an element with an aria-label matches UNREAD_MARKER (compared in script: one query less). */
function isUnreadMarker(el: Element): boolean {
  const label = el.getAttribute('aria-label');
  // The exact English label first; the length check keeps other labels off toLowerCase.
  return label === 'Mark as read' || (label !== null && label.length === MARKER_LABEL.length && label.toLowerCase() === MARKER_LABEL);
}

interface RowContext {
  base: URL;
  /** The page URL for rowUrl, prepared once per read. */
  site: LinkBase;
  /** parseTime, remembering labels for this read. */
  parse: ParseTime;
  now: number;
  markerLive: boolean;
  /** Per-row lookups answered by one query per read. */
  index: RowIndex;
  useStyle: boolean;
}

function readRow(row: Element, link: HTMLAnchorElement | null, ctx: RowContext): ThreadRow | null {
  const href = attr(link, 'href');
  const marks = ctx.index.timeMarks(row);
  const labels = marks.labels;
  // The name is the first span[dir="auto"] of the row (2019–2026, both hosts); an empty one stays
  // empty. Without it, the first text of the row.
  const nameEl = q(row, 'span[dir="auto"]');
  const pieces = ctx.index.namedPieces(row, nameEl, labels);
  const marked = ctx.index.all(row, '[aria-label]').some(isUnreadMarker);
  // A hidden "Unread message:" label before the preview marks an unread row, in any language
  // (2022–2026): a short piece ending with a colon, followed by the preview. A read row's last
  // message may end with a colon too ("Here is the address:"), followed only by "·" and the time
  // (Caprine 2026, a messenger.com script of 2025). Where the "Mark as read" button is live, a row
  // without it has no such label.
  let hiddenUnread = false;
  const texts =
    ctx.markerLive && !marked
      ? pieces.rest
      : pieces.rest.filter((t, i, all) => {
          if (hiddenUnread || !HIDDEN_LABEL.test(t) || selfPrefix(`${t} x`).fromMe || !all.slice(i + 1).some((p) => isPreview(p, ctx))) return true;
          hiddenUnread = true;
          return false;
        });
  const parts = rowParts(texts, ctx.now, ctx.parse, { named: pieces.name !== null });
  const name = pieces.name ?? parts.name ?? '';
  if (!name && !href) return null;

  let snippet = parts.snippet;
  let lastFromMe: boolean | undefined;
  if (snippet) {
    const self = selfPrefix(snippet);
    snippet = self.text;
    lastFromMe = self.fromMe;
  }

  // The bell's label; not the "More options for Muteb Alharbi" button of every row (2025), whose
  // contact's name may hold "mute" or "stumm".
  const muted = ctx.index.all(row, '[aria-label]', 20).some((el) => {
    const label = attr(el, 'aria-label');
    return MUTED_LABEL.test(label) && (!name || MUTED_LABEL.test(label.toLowerCase().replace(name.toLowerCase(), '')));
  });
  const unread = !!firstOf<boolean>([
    () => (marked ? true : null),
    // The hidden "Unread message:" label (2022–2026, any language by shape).
    () => (hiddenUnread ? true : ctx.markerLive ? false : null),
    // Bold name (≥ 600) on unread rows, 2019–2026.
    () => (ctx.useStyle && isBold(nameEl, row) ? true : null),
    // The blue dot, by colour.
    () => (ctx.useStyle && hasDot(row, BLUE_DOT, 8) ? true : null),
  ]);

  // Without a thread link, a hash of name and avatar (the avatar is looked up only then).
  const id = href.match(THREAD_HREF)?.[1] ?? hashId(name, attr(q<HTMLImageElement>(row, 'img[src]'), 'src'));
  // Name, handle and snippet are text pieces (or slices of one): already clean.
  return makeRow(
    {
      id,
      name,
      snippet,
      unread,
      lastFromMe,
      time: markedTime(marks, ctx.now, ctx.parse) ?? parts.time,
      url: rowUrl(href, ctx.site),
      muted,
    },
    true,
  );
}

/** Whether a row's text piece is a preview: no separator, no time. */
function isPreview(piece: string, ctx: RowContext): boolean {
  return !SEPARATOR.test(piece) && ctx.parse(piece, ctx.now) === undefined;
}

function readThreads(doc: Document, url: URL, now: number): ThreadRow[] {
  const site = linkBase(url);
  const parse = rememberTimes(parseTime);
  // The per-row "Mark as read" button anywhere on the page means its absence on a row says read.
  const markerLive = attempt(() => q(doc, UNREAD_MARKER) !== null, false);
  return readIndexedRows(doc, {
    name: 'messenger',
    url,
    now,
    rows: rowElements(doc),
    row: (found) => found.row,
    link: (found) => found.link,
    markerLive,
    // One '[aria-label]' query answers both the unread marker and the muted bell of every row read.
    selectors: ['[aria-label]'],
    parse: ({ row, link }, index, useStyle) => readRow(row, link, { base: url, site, parse, now, markerLive, index: index(), useStyle }),
  });
}

// The message list's labels (English, 2023–2026): "Messages in conversation with Ana López" (a
// person, or an unnamed group "with Ana, Bob") and "Messages in conversation titled Weekend
// hikers" (a named group, or a Marketplace thread "<buyer> · <listing>").
const WITH_LABEL = '[aria-label^="Messages in conversation with "]';
const TITLED_LABEL = '[aria-label^="Messages in conversation titled "]';
const withName = (root: ParentNode) => attr(q(root, WITH_LABEL), 'aria-label').replace(/^Messages in conversation with\s+/, '');
const titledName = (root: ParentNode) => attr(q(root, TITLED_LABEL), 'aria-label').replace(/^Messages in conversation titled\s+/, '');
// A listing's link: the banner above a Marketplace thread's messages (2025–2026).
const LISTING_LINK = 'a[href*="/marketplace/item/"]';

/**
 * A titled conversation: a named group ({ name } only, no one person to greet), or a Marketplace
 * thread, titled "<buyer> · <listing>" (a seller's bot reads it so, 2025–2026), whose buyer is the
 * person; only where the page shows it is Marketplace (`marketplace()`), since a group's own name
 * may hold " · ".
 */
function titledContact(title: string, marketplace: () => boolean): Contact {
  const at = title.indexOf(' · ');
  const buyer = at > 0 ? title.slice(0, at).trim() : '';
  return (buyer && attempt(marketplace, false) && splitName(buyer)) || { name: title };
}

/** Marketplace on the messages pages: the URL, the selected row's link, or the listing's banner. */
function marketplacePage(doc: Document, url: URL): boolean {
  if (url.pathname.includes('/marketplace/')) return true;
  if (attr(q(listRoot(doc), 'a[aria-current="page"][href*="/t/"]'), 'href').includes('/marketplace/')) return true;
  return q(doc, LISTING_LINK) !== null;
}

function readActive(doc: Document, url: URL, threads: ThreadRow[]): Contact | null {
  const openId = threadIdOf(url);
  if (!openId) return null;
  // A named group: "Messages in conversation titled Weekend hikers" (English, 2025–2026): its
  // name, and no one person to greet; a Marketplace thread's buyer.
  const titled = titledName(doc);
  if (titled) return titledContact(titled, () => marketplacePage(doc, url));
  const name = firstOf<string>([
    // "Messages in conversation with Ana López" on the message list (English, 2023–2026).
    () => withName(doc),
    // The selected row: aria-current="page" on its link (any language, 2022–2026).
    () => {
      const current = q(listRoot(doc), 'a[aria-current="page"][href*="/t/"]');
      const id = attr(current, 'href').match(THREAD_HREF)?.[1];
      return id ? threads.find((t) => t.id === id)?.name : null;
    },
    // The open thread's row by the id in the URL.
    () => threads.find((t) => t.id === openId)?.name,
    // The conversation header's heading (h2 in [role="main"], 2021–2026).
    () => textBlocks(q(doc, '[role="main"] h2, [role="main"] h1'), 1)[0],
  ]);
  return splitName(name);
}

// Where a walk up from a chat window's editor stops: the page's regions that are no chat window.
const PAGE_REGION = /^(?:main|feed|article|banner|navigation|complementary)$/;

/**
 * The chat window around an editor on other facebook.com pages: a non-modal dialog (as the
 * project's tests model it, "Chat with Ana"), else (chat boxes 2023–2025, no dialog role) the
 * nearest element holding one labelled message list and no other. Null outside one.
 */
function chatWindow(doc: Document, editor: Element): Element | null {
  const dialog = editor.closest('[role="dialog"]');
  if (dialog) return attr(dialog, 'aria-modal') === 'true' ? null : dialog;
  const lists = qa(doc, '[aria-label^="Messages in conversation "]', 10);
  if (!lists.length) return null;
  for (let up = editor.parentElement, depth = 0; up && up !== doc.body && depth < 16; up = up.parentElement, depth++) {
    if (PAGE_REGION.test(up.getAttribute('role') ?? '')) return null;
    const inside = lists.filter((list) => up!.contains(list)).length;
    if (inside) return inside === 1 ? up : null;
  }
  return null;
}

/**
 * The chat window's person (facebook.com pages other than the messages ones, where assembleRead
 * reads no conversation): the window's labelled message list ("Messages in conversation with
 * Ana López" / "… titled …", English), its aria-label "Chat with Ana López" (English), else its
 * heading, as a name only (a heading does not say whether it names a person or a group), and only
 * in a window holding a labelled message list (not another dialog with an editor).
 */
function windowContact(win: Element, url: URL): Contact | null {
  const titled = titledName(win);
  if (titled) return titledContact(titled, () => url.pathname.includes('/marketplace/') || q(win, LISTING_LINK) !== null);
  const person = firstOf<string>([() => withName(win), () => attr(win, 'aria-label').match(/^Chat with\s+(.+)$/i)?.[1]]);
  if (person) return splitName(person);
  if (!q(win, '[role="grid"][aria-label], [role="log"][aria-label]')) return null;
  const heading = cleanText(textBlocks(q(win, 'h1, h2, h3, h4'), 1)[0], 200);
  return heading ? { name: heading } : null;
}

/**
 * The open conversation of a chat window over another facebook.com page (the feed, a profile,
 * Marketplace): the focused editor's window when one is focused, else the composer's. Only when a
 * chat window may be there (one query): no search for the composer otherwise.
 */
function popupActive(doc: Document, url: URL): Contact | null {
  // One query first: a chat window is a dialog with an editor, or holds a labelled message list.
  if (!q(doc, '[role="dialog"] [contenteditable], [role="dialog"] textarea, [aria-label^="Messages in conversation "]')) return null;
  const focused = doc.activeElement;
  const editor =
    focused && focused.matches(EDITABLE) && !focused.closest(POST_EDITOR) && !isCommentBox(focused) && chatWindow(doc, focused) ? focused : findComposer(doc);
  const win = editor ? chatWindow(doc, editor) : null;
  return win ? windowContact(win, url) : null;
}
const EDITABLE = '[contenteditable]:not([contenteditable="false" i]), textarea';

// Other editors of facebook.com pages: the Create post dialog's (its form: '[role="dialog"]
// form[method="post"]', as Mask and posting bots find it, 2021–2025), those of a post opened in a
// modal dialog (chat windows are not modal), and reply boxes ("Reply to Ben Kim", "Responder a …").
const POST_EDITOR = '[role="dialog"] form[method="post" i], [role="dialog"][aria-modal="true"]';
const REPLY_LABEL = /^(?:reply to|responder a)\s/i;

function findComposer(doc: Document): HTMLElement | null {
  // Feed pages of facebook.com have comment boxes that look the same: skip those (by place too
  // outside the messages pages), and the editors of posts there.
  const inPosts = !attempt(() => isMessagesPage(new URL(doc.URL)), false);
  const notComment = (el: HTMLElement) =>
    !isCommentBox(el, { inPosts }) && !(inPosts && (el.closest(POST_EDITOR) || REPLY_LABEL.test(attr(el, 'aria-label'))));
  return firstOf<HTMLElement>([
    // Lexical composer (2023–2026): [data-lexical-editor] contenteditable, aria-label "Message" (localised).
    () => qa<HTMLElement>(doc, '[role="textbox"][contenteditable]:not([contenteditable="false" i])[data-lexical-editor="true"]', 50).find(notComment),
    // The same without the Lexical marker (2020–2023 builds).
    () => qa<HTMLElement>(doc, 'div[role="textbox"][contenteditable]:not([contenteditable="false" i])[aria-label]', 50).find(notComment),
    // On the messages pages (no post there, so no comment box or status box): an editor that lost
    // its textbox role or its label in a new build.
    ...(inPosts
      ? []
      : [
          () => qa<HTMLElement>(doc, '[data-lexical-editor="true"][contenteditable]:not([contenteditable="false" i])', 50).find(notComment),
          () => qa<HTMLElement>(doc, 'div[role="textbox"][contenteditable]:not([contenteditable="false" i])', 50).find(notComment),
          () => qa<HTMLElement>(doc, 'div[contenteditable]:not([contenteditable="false" i])[aria-label]', 50).find(notComment),
        ]),
    // Single-message popups on facebook.com used a textarea (2021–2024).
    () => q<HTMLElement>(doc, '[role="dialog"] textarea, textarea[name="message_body"]'),
  ]);
}

/**
 * facebook.com/messages with its section links (2026): they carry no number even with unread
 * chats, so no total is to be found there and the unread rows count; nothing is missing.
 */
function totalOptional(doc: Document): boolean {
  return totalPage(doc) === 'facebook-messages' && sectionLinks(doc).length > 0;
}

const PAGE: PageParts = {
  isDmPage: isMessagesPage,
  threadIdOf,
  readTotal,
  totalOptional,
  readThreads,
  // The thread grid of the messages navigation (2022–2026): found empty, the inbox is empty.
  listContainers: ['[role="navigation"] [role="grid"]'],
  readActive,
  findComposer,
};

export const messenger: PlatformAdapter = {
  id: 'messenger',
  label: 'Messenger',
  matches: hostPatterns('messenger'),
  maxLength: PLATFORM_DM_LIMITS.messenger.max,
  read(doc, url, now = Date.now()): InboxRead {
    const read = assembleRead(PAGE, doc, url, now);
    // Other facebook.com pages: the conversation of a chat window open over them, if any.
    if (read.active || attempt(() => isMessagesPage(url), true)) return read;
    const active = attempt(() => popupActive(doc, url), null);
    return active ? { ...read, active } : read;
  },
  total(doc) {
    return attempt(() => readTotal(doc), null);
  },
  composer(doc) {
    return attempt(() => findComposer(doc), null);
  },
};
