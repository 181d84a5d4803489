import { type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { hashId, parseCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';
import {
  attempt,
  attr,
  firstOf,
  hasDot,
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
  MUTED_LABEL,
} from '../dom/read';
import { PLATFORM_DM_LIMITS } from './limits';

/**
 * X (Twitter) DMs: the legacy pane x.com/messages/<a>-<b> (2020–2025) and the "Chat" UI
 * x.com/i/chat/<a>-<b> (2025–2026), on x.com and twitter.com. data-testid attributes last for
 * years on X but were renamed in the Chat redesign: both names are kept. See PLATFORMS.md.
 */

// X blue (rgb(29, 155, 240)) is the unread dot of a conversation cell (2020–2026).
const BLUE_DOT = ['rgb(29, 155, 240)'];
const LEGACY_HREF = /\/messages\/(\d+-\d+|\d+)(?:[/?#]|$)/;
// Chat UI (2025–2026): /i/chat/<id>, and message requests at /i/chat/requests/<id> and
// /i/chat/requests/other/<id> (the id of the conversation the request becomes).
const CHAT_HREF = /\/i\/chat\/(?:requests\/(?:other\/)?)?([\w:-]+)(?:[/?#]|$)/;
// Chat ids are "A-B" (two user ids), a single number or "g…" for groups: all hold a digit. The
// route words beside them (requests, other, pin, settings, compose, new, search) hold none.
const CHAT_ID = /\d/;
const NOT_THREAD = /^(requests|other|compose|settings|new|pin)$/;
// Row test ids (Chat UI 2025–2026): conversations, and message requests (dm-message-requests).
// Both write the id with a colon ("A:B") where the URL has a dash ("A-B").
const CHAT_ROW = 'dm-conversation-item-';
const REQUEST_ROW = 'dm-message-request-item-';

function isDmPage(url: URL): boolean {
  // The Chat passcode page (/i/chat/pin/new, /i/chat/pin/recovery, 2025–2026) is a lock screen
  // with no inbox or thread: read as a non-DM page (only the total), not as a broken inbox.
  return /^\/(messages|i\/chat)(\/|$)/.test(url.pathname) && !/^\/i\/chat\/pin(\/|$)/.test(url.pathname);
}

// A conversation's info page, /i/chat/<id>/info (CircleMate opens it, 2026-10) and legacy
// /messages/<id>/info: details and members, no thread and no composer.
const INFO_PAGE = /^\/(?:i\/chat|messages)\/(?:[^/]+\/)+info(?:\/|$)/;

function threadIdOf(url: URL): string | null {
  return INFO_PAGE.test(url.pathname) ? null : threadIdOfHref(url.pathname);
}

// Group ids: "g…" in Chat (XDump, CircleMate /^g\d+$/, 2025–2026), a single number in legacy (1:1
// ids are "A-B" pairs).
const GROUP_ID = /^(?:g[\w-]*\d|\d+$)/;

/** A Chat id as the URL writes it ("A:B" of the row test ids becomes "A-B"). */
function dashed(id: string): string {
  return id.includes(':') ? id.replace(/:/g, '-') : id;
}

// X Chat (2026) is a Tailwind app of its own rendered into an open shadow root of
// [data-testid="xchatEmbedRoute"] (xctl, x-dm and other tools of 2026 read it there): queries of
// the document stop at its boundary. The inbox, conversation and composer are looked up in that
// root; the nav counter stays in the document.
const CHAT_HOST = '[data-testid="xchatEmbedRoute"]';
let lastHost: Element | null = null;

/** The Chat's host element (the last one found, while it is still in this document). */
function chatHost(doc: Document): Element | null {
  if (lastHost && lastHost.ownerDocument === doc && lastHost.isConnected) return lastHost;
  return (lastHost = q(doc, CHAT_HOST));
}

/** Where the Chat's parts are: its shadow root (2026), else the document. */
function chatRoot(doc: Document): Document | ShadowRoot {
  return attempt(() => chatHost(doc)?.shadowRoot ?? null, null) ?? doc;
}

function readTotal(doc: Document): number | null {
  const nav = attempt(
    () =>
      firstOf<Element>([
        // data-testid unchanged 2020–2026 (legacy and Chat UI).
        () => q(doc, '[data-testid="AppTabBar_DirectMessage_Link"]'),
        // The nav link by href when the test id is gone.
        () => q(doc, 'nav a[href="/messages"], nav a[href="/i/chat"]'),
      ]),
    null,
  );
  return firstOf<number>([
    // A descendant labelled "3 unread items" (any language: the number is what counts), 2020–2026.
    () => {
      if (!nav) return null;
      for (const el of qa(nav, '[aria-label]', 20)) {
        const n = parseCount(attr(el, 'aria-label'));
        if (n !== null) return n;
      }
      return null;
    },
    // The badge's text ("3", "20+").
    () => {
      if (!nav) return null;
      const badge = qa(nav, 'span, div', 40).find((el) => el.childElementCount === 0 && /^[\d,.]+\+?$/.test(cleanText(el.textContent)));
      return badge ? parseCount(badge.textContent) : null;
    },
    // The nav link is there with no badge: nothing unread. Else "(3) Messages / X": X counts
    // notifications in the title too ("(5) Home / X" with no DM badge), so only without the nav.
    () => (nav ? 0 : titleTotal(doc)),
  ]);
}

function rowElements(doc: Document | ShadowRoot, url: URL): Element[] {
  // Chat UI (2025–2026) message requests: rows data-testid="dm-message-request-item-<id>" in
  // dm-message-requests, with Accept/Delete parts of the same prefix. On the requests pages they
  // come first (in case the inbox's rows stay in the DOM beside them); elsewhere after the inbox's.
  const requests = () => nonEmpty(outermost(qa(doc, '[data-testid^="dm-message-request-item-"]')));
  const onRequests = /^\/i\/chat\/requests(\/|$)/.test(url.pathname);
  return (
    firstOf<Element[]>([
      ...(onRequests ? [requests] : []),
      // Chat UI (2025–2026): rows data-testid="dm-conversation-item-<id>".
      // Parts of a row have test ids with the same prefix ("…-unread-badge"): keep the outermost.
      () => nonEmpty(outermost(qa(doc, '[data-testid^="dm-conversation-item-"]'))),
      ...(onRequests ? [] : [requests]),
      // Legacy pane (2020–2025): data-testid="conversation".
      () => nonEmpty(qa(doc, '[data-testid="conversation"]')),
      // Without test ids: rows of the inbox timeline holding a thread link.
      () =>
        nonEmpty(
          qa<HTMLAnchorElement>(doc, 'a[href*="/messages/"], a[href*="/i/chat/"]')
            .filter((a) => threadIdOfHref(attr(a, 'href')))
            .map((a) => attempt(() => a.closest('[role="listitem"], [data-testid="cellInnerDiv"], [role="row"]'), null) ?? a),
        ),
    ]) ?? []
  );
}

/**
 * The matches that no other match contains. The list is in document order, so a match's enclosing
 * match comes before it and is the last one kept: one contains() per match instead of a closest()
 * that climbs to the document root for every row.
 */
function outermost(list: readonly Element[]): Element[] {
  const out: Element[] = [];
  let outer: Element | null = null;
  for (const el of list) {
    if (outer && attempt(() => outer!.contains(el), false)) continue;
    out.push(el);
    outer = el;
  }
  return out;
}

function nonEmpty<T>(list: T[]): T[] | null {
  return list.length ? list : null;
}

/** The thread id of a link or path: Chat (requests too) or legacy; null for other Chat pages. */
function threadIdOfHref(href: string): string | null {
  const chat = href.match(CHAT_HREF);
  if (chat) {
    const id = chat[1] ?? '';
    return CHAT_ID.test(id) && !NOT_THREAD.test(id) ? dashed(id) : null;
  }
  return href.match(LEGACY_HREF)?.[1] ?? null;
}

// A test id naming the unread state inside a row (Chat UI badge, 2025–2026). When the page shows
// one, rows without it are read and the computed-style checks are skipped.
const UNREAD_MARKER = '[data-testid*="unread" i]';
// The Chat UI's unread dot since May 2026: <svg data-icon="icon-circle-fill" role="img"
// aria-hidden="true" class="text-chat-accent shrink-0 text-[8px]">, coloured by fill, with no
// background and no label (the preview went from bold to weight 500). Durable like the badge.
const DOT_ICON = 'svg[data-icon="icon-circle-fill"]';
const ROW_DOT = `[data-testid^="${CHAT_ROW}"] ${DOT_ICON}, [data-testid^="${REQUEST_ROW}"] ${DOT_ICON}`;
// The same icon in another colour (a presence dot) is not the unread dot.
const OTHER_DOT = /green|success|online|presence/i;
// Tailwind Chat UI (2026): the name is a div.font-bold and dir may be on the preview only.
const BOLD_NAME = '.font-bold';
// "You" and ":" as pieces of their own before the preview (Chat UI, 2026).
const BARE_YOU = /^you$/i;
const LONE_COLON = /^[:：]$/;
// Chat rows (2025–2026) carry aria-description="Name, @handle, last message, time[, Unread]", the
// app's accessibilityDescription (XDump, a Selenium DM bot and x-dm read it): the handle the row
// does not show, and unread when no dot is drawn (x-dm: /no le[ií]d|unread/).
const DESC_HANDLE = /^@(\w{1,15})$/;
const DESC_UNREAD = /^(?:unread|no le[ií]d[oa])$/i;

/** The handle of a row's aria-description: its first comma-part after the name that is a lone @handle. */
function descHandle(parts: readonly string[]): string | undefined {
  for (let i = 1; i < parts.length; i++) {
    const m = DESC_HANDLE.exec(parts[i]!);
    if (m) return m[1];
  }
  return undefined;
}

/** The aria-description ends in "Unread" right after its time ("…, 3h, Unread"; "…, Jun 3, 2025, Unread"). */
function descUnread(parts: readonly string[], ctx: RowContext): boolean {
  const n = parts.length;
  if (n < 3 || !DESC_UNREAD.test(parts[n - 1]!)) return false;
  const time = (label: string) => label.length <= 24 && ctx.parse(label, ctx.now) !== undefined;
  return time(parts[n - 2]!) || time(`${parts[n - 3]}, ${parts[n - 2]}`);
}

function hasUnreadDot(row: Element, index: RowIndex): boolean {
  for (const icon of index.all(row, DOT_ICON, 5)) if (!OTHER_DOT.test(attr(icon, 'class'))) return true;
  return false;
}

interface RowContext {
  base: URL;
  /** The page URL for rowUrl, prepared once per read. */
  site: LinkBase;
  /** parseTime, remembering labels for this read. */
  parse: ParseTime;
  now: number;
  openId: string | null;
  markerLive: boolean;
  /** The rows are the Tailwind Chat UI's (2026): names may be div.font-bold (see readRow). */
  boldNames: boolean;
  /** Per-row lookups answered by one query per read. */
  index: RowIndex;
  useStyle: boolean;
}

function readRow(row: Element, ctx: RowContext): ThreadRow | null {
  const testid = attr(row, 'data-testid');
  const link = rowLink(row, ctx.index) ?? (row.matches('a[href]') ? (row as HTMLAnchorElement) : null);
  const href = attr(link, 'href');

  const marks = ctx.index.timeMarks(row);
  const labels = marks.labels;
  // Name: the first text container with a dir attribute (react-native-web sets dir on every Text;
  // legacy 2020–2025 and Chat 2025–2026), an empty one stays empty; else the first piece. The
  // Tailwind Chat UI (2026) puts the name in a div.font-bold and may set dir on the preview only
  // (span[dir="auto"].whitespace-pre-wrap): a font-bold element before the first [dir] is the name.
  let nameEl = q(row, '[dir]');
  const bold = ctx.boldNames ? ctx.index.first(row, BOLD_NAME) : null;
  if (bold && (!nameEl || bold.compareDocumentPosition(nameEl) & 4)) nameEl = bold;
  let pieces = ctx.index.namedPieces(row, nameEl, labels);
  // Text before the first [dir] element, which is then no name: the Tailwind rows set dir on the
  // preview only and tell the name by its font-bold class, which a build may rename. (react-native-
  // web sets dir on every Text: there nothing comes before it.) The first piece is the name, unless
  // it reads as a time.
  if (!bold && pieces.lead !== undefined && !(pieces.lead.length <= 24 && ctx.parse(pieces.lead, ctx.now) !== undefined)) {
    nameEl = null;
    pieces = ctx.index.namedPieces(row, null, labels);
  }
  const named = pieces.name !== null;
  const parts = rowParts(pieces.rest, ctx.now, ctx.parse, { named });
  const name = pieces.name ?? parts.name ?? '';
  const request = testid.startsWith(REQUEST_ROW);
  if (!name && !href && !request && !testid.startsWith(CHAT_ROW)) return null;

  // The exact time from <time datetime> (2020–2026), else the label ("3h", "Jun 3").
  const time = markedTime(marks, ctx.now, ctx.parse) ?? parts.time;

  // The snippet's piece as the row shows it, for the bold check below.
  let piece = parts.snippet;
  let snippet = parts.snippet;
  let lastFromMe: boolean | undefined;
  if (piece) {
    const own = piece;
    const self = selfPrefix(own);
    snippet = self.text;
    lastFromMe = self.fromMe;
    // "You:" (or "You" then ":") as its own span before the preview (Chat UI, 2026): the preview
    // is the next piece. A "You" without the colon after it is a message saying "You".
    const split = self.fromMe ? !snippet : BARE_YOU.test(snippet) && LONE_COLON.test(pieces.rest[pieces.rest.indexOf(own) + 1] ?? '');
    if (split) {
      const next = rowParts(pieces.rest.filter((p) => p !== own && !LONE_COLON.test(p)), ctx.now, ctx.parse, { named }).snippet;
      if (next) {
        piece = next;
        snippet = next;
        lastFromMe = true;
      }
    }
  }

  const desc = attr(row, 'aria-description');
  const descParts = desc ? desc.split(/,\s*/) : [];
  const muted = ctx.index.all(row, '[aria-label]', 20).some((el) => MUTED_LABEL.test(attr(el, 'aria-label')));
  let unreadCount: number | null = null;
  const unread = !!firstOf<boolean>([
    () => {
      const badge = ctx.index.first(row, UNREAD_MARKER);
      if (!badge) return null;
      unreadCount = parseCount(badge.textContent) ?? parseCount(attr(badge, 'aria-label'));
      return true;
    },
    // The svg dot (Chat UI, May 2026). With a durable marker on the page, a row without both is read.
    () => (hasUnreadDot(row, ctx.index) ? true : ctx.markerLive ? false : null),
    // "…, 3h, Unread" in the row's aria-description (Chat UI 2025–2026).
    () => (descUnread(descParts, ctx) ? true : null),
    // The blue dot of the legacy cell, by colour (2020–2025).
    () => (ctx.useStyle && hasDot(row, BLUE_DOT, 8) ? true : null),
    // The last message is bold (≥ 600) on unread rows; names are bold on every row, so not those.
    () => {
      if (!ctx.useStyle || !piece) return null;
      const el = qa(row, '[dir]', 20).find((e) => e !== nameEl && textBlocks(e, 1)[0] === piece);
      return el && isBold(el) ? true : null;
    },
  ]);

  // Legacy cells have no link and no id: a hash of name and avatar (looked up only then), the same
  // whichever thread is open. The selected cell (aria-selected="true") is the thread in the URL,
  // which gives its link.
  const linkFor = request ? requestUrl : threadUrl;
  const selected = () => attr(row, 'aria-selected') === 'true' || !!q(row, '[aria-selected="true"]');
  // The test id's "A:B" is the link's "A-B" (Chat UI 2025–2026): the same id with or without the link.
  const fromTestid = testid.startsWith(CHAT_ROW) ? testid.slice(CHAT_ROW.length) : request ? testid.slice(REQUEST_ROW.length) : '';
  const id = threadIdOfHref(href) ?? (fromTestid ? dashed(fromTestid) : null) ?? hashId(name, attr(q<HTMLImageElement>(row, 'img[src]'), 'src'));
  // Name, handle and snippet are text pieces (or slices of one): already clean.
  return makeRow(
    {
      id,
      name,
      // A group's row names no one member: no handle from its aria-description.
      handle: parts.handle ?? (descParts.length > 1 && !GROUP_ID.test(id) ? descHandle(descParts) : undefined),
      snippet,
      unread,
      unreadCount,
      lastFromMe,
      time,
      url: rowUrl(href, ctx.site) ?? linkFor(id, ctx.site) ?? (ctx.openId && selected() ? linkFor(ctx.openId, ctx.site) : undefined),
      muted,
    },
    true,
  );
}

// A Chat id a link can be made of: "A-B", or a group's single number or "g…" id (2025–2026).
const LINKABLE_ID = /^(?:\d+-\d+|\d+|g[\w-]*\d[\w-]*)$/;

/** A link for a thread id: the Chat UI's /i/chat/<id>, or the legacy /messages/<id> on legacy pages. */
function threadUrl(id: string, site: LinkBase): string | undefined {
  if (!LINKABLE_ID.test(id)) return undefined;
  return rowUrl(site.base.pathname.startsWith('/messages') ? `/messages/${id}` : `/i/chat/${id}`, site);
}

/** A message request's link in the folder the page shows: /i/chat/requests[/other]/<id> (2025–2026). */
function requestUrl(id: string, site: LinkBase): string | undefined {
  if (!LINKABLE_ID.test(id)) return undefined;
  const other = site.base.pathname.startsWith('/i/chat/requests/other');
  return rowUrl(`/i/chat/requests/${other ? 'other/' : ''}${id}`, site);
}

// The row's thread link, legacy (/messages/<id>, 2020–2025) or Chat (/i/chat/<id>, 2025–2026): two
// single selectors for RowIndex (a selector list is several times slower), the first in the row wins.
const LEGACY_LINK = 'a[href*="/messages/"]';
const CHAT_LINK = 'a[href*="/i/chat/"]';

/** q(row, 'a[href*="/messages/"], a[href*="/i/chat/"]') from the index. */
function rowLink(row: Element, index: RowIndex): HTMLAnchorElement | null {
  const legacy = index.first<HTMLAnchorElement>(row, LEGACY_LINK);
  const chat = index.first<HTMLAnchorElement>(row, CHAT_LINK);
  if (!legacy || !chat) return legacy ?? chat;
  // 4 = DOCUMENT_POSITION_FOLLOWING: the Chat link comes after the legacy one.
  return legacy.compareDocumentPosition(chat) & 4 ? legacy : chat;
}

function readThreads(doc: Document, url: URL, now: number): ThreadRow[] {
  const openId = threadIdOf(url);
  const site = linkBase(url);
  const parse = rememberTimes(parseTime);
  // The unread badge anywhere on the page, or the svg dot in a row, means its absence on a row
  // says read (one query each per read; the second only when the first finds nothing).
  const root = chatRoot(doc);
  const markerLive = attempt(() => q(root, UNREAD_MARKER) !== null || q(root, ROW_DOT) !== null, false);
  const rows = rowElements(root, url);
  // Tailwind rows (2026) are told by the first row, so react-native-web lists pay no query for them.
  const boldNames = attempt(() => !!rows[0] && q(rows[0], BOLD_NAME) !== null, false);
  return readIndexedRows(doc, {
    name: 'x',
    url,
    now,
    rows,
    row: (row) => row,
    markerLive,
    selectors: [UNREAD_MARKER, '[aria-label]', LEGACY_LINK, CHAT_LINK, DOT_ICON, ...(boldNames ? [BOLD_NAME] : [])],
    parse: (row, index, useStyle) =>
      readRow(row, { base: url, site, parse, now, openId, markerLive, boldNames, index: index(), useStyle }),
  });
}

// The header's link to the person's profile: "https://x.com/ana" or "/ana" (Chat UI, 2026).
const PROFILE_HREF = /^(?:https:\/\/(?:x|twitter)\.com)?\/(\w{1,15})\/?$/;

function readActive(doc: Document, url: URL, threads: ThreadRow[]): Contact | null {
  const openId = threadIdOf(url);
  if (!openId) return null;
  const root = chatRoot(doc);
  const header = firstOf<Element>([
    // Chat UI (2025–2026): the header of dm-conversation-panel.
    () => q(root, '[data-testid="dm-conversation-panel"] [data-testid="dm-conversation-header"]'),
    () => q(root, '[data-testid="dm-conversation-header"]'),
    () => q(root, '[data-testid="dm-conversation-panel"] h2, [data-testid="dm-conversation-panel"] [role="heading"]'),
    // Legacy pane (2020–2025): the detail column's heading, h2#detail-header.
    () => q(root, '#detail-header'),
    () => q(root, '[data-testid="DmActivityContainer"] h2, [data-testid="DMConversationHeader"]'),
  ]);
  const texts = textBlocks(header, 6);
  const handle = firstOf<string>([
    () => texts.find((t) => /^@[\w]{1,15}$/.test(t))?.slice(1),
    // Only a header with one profile link: a group's header links each member.
    () => {
      const links = qa(header, 'a[href]', 3).map((a) => PROFILE_HREF.exec(attr(a, 'href'))?.[1]).filter((h) => !!h);
      return links.length === 1 ? links[0] : null;
    },
  ]) ?? undefined;
  const name = firstOf<string>([
    // The name's own element (Chat UI, 2026).
    () => textBlocks(q(root, '[data-testid="dm-conversation-username"]'), 1)[0],
    () => texts.find((t) => !t.startsWith('@')),
    // The open thread's row by the id in the URL.
    () => threads.find((t) => t.id === openId)?.name,
  ]);
  // A group's title is no person's name: "Hi {firstName}" must not say "Hi Launch".
  if (GROUP_ID.test(openId)) return name ? { name } : null;
  return splitName(name, handle ?? threads.find((t) => t.id === openId)?.handle);
}

function findComposer(doc: Document): HTMLElement | null {
  const root = chatRoot(doc);
  return firstOf<HTMLElement>([
    // Chat UI (2025–2026): a textarea.
    () => q<HTMLElement>(root, 'textarea[data-testid="dm-composer-textarea"]'),
    // Legacy (2020–2025): Draft.js; the test id sits on the contenteditable or around it.
    () => {
      const el = q<HTMLElement>(root, '[data-testid="dmComposerTextInput"]');
      if (!el) return null;
      return el.isContentEditable || el.getAttribute('contenteditable') === 'true'
        ? el
        : (q<HTMLElement>(el, '[contenteditable]:not([contenteditable="false" i])') ?? el);
    },
    () => q<HTMLElement>(root, '[data-testid="dm-conversation-panel"] textarea, [data-testid="dm-conversation-panel"] [contenteditable]:not([contenteditable="false" i])'),
    // Any Draft.js editor, on the DM pages or in the DM drawer only: never the post box
    // (tweetTextarea_0, Draft.js too) of the timeline, a post's replies or the compose dialog.
    () => {
      const draft = qa<HTMLElement>(root, '.public-DraftEditor-content[contenteditable]:not([contenteditable="false" i])', 20).find(
        (el) => !el.closest('[data-testid^="tweetTextarea_"]'),
      );
      return draft && (isDmPage(new URL(doc.URL)) || draft.closest('[data-testid="DMDrawer"]')) ? draft : null;
    },
  ]);
}

// The Chat inbox and requests panels (2025–2026), the legacy list (English label): found empty,
// the inbox is empty.
const LIST_CONTAINERS = ['[data-testid="dm-inbox-panel"] [role="list"]', '[data-testid="dm-message-requests-scroller"]', '[aria-label="Timeline: Messages"]'];

const PAGE: PageParts = {
  isDmPage: isDmPage,
  threadIdOf,
  readTotal,
  readThreads,
  listContainers: LIST_CONTAINERS,
  readActive,
  findComposer,
  // A message request shows Accept and Delete, no composer, until it is accepted (Chat UI, 2025–2026).
  composerOptional: (url) => /^\/i\/chat\/requests\//.test(url.pathname),
};

// Pages that show no list, thread or composer by design, in the Chat's root (2025–2026): the
// passcode prompt, which XChat renders at any /i/chat path before it redirects to /i/chat/pin/…
// (xctl checks it whatever the path); the empty requests folder (xctl, a Playwright request bot);
// a request opened as a thread, where Accept/Delete replace the composer.
const LOCKED = '[data-testid="pin-code-input-container"]';
const EMPTY_REQUESTS = '[data-testid="dm-message-requests-empty"]';
const REQUEST_PROMPT = '[data-testid="dm-message-request-prompt"], [data-testid="dm-message-request-accept-button"]';
const DM_PARTS = ['conversation list', 'open conversation', 'composer'];

/** The read without the parts such a page lacks by design; looked up only when a part is missing. */
function settle(doc: Document, read: InboxRead): InboxRead {
  const { missing } = read;
  if (!missing.some((p) => DM_PARTS.includes(p))) return read;
  const root = chatRoot(doc);
  if (q(root, LOCKED)) return { ...read, missing: missing.filter((p) => !DM_PARTS.includes(p)) };
  const fine = (part: string) =>
    part === 'conversation list'
      ? // The shared check looks in the document only: the Chat's shadow root is looked at here.
        !!q(root, EMPTY_REQUESTS) || (root !== doc && emptyIn(root))
      : part === 'composer' && !!q(root, REQUEST_PROMPT);
  const kept = missing.filter((p) => !fine(p));
  return kept.length === missing.length ? read : { ...read, missing: kept };
}

/** The first list container found in the root holds no text: an empty inbox. */
function emptyIn(root: Document | ShadowRoot): boolean {
  for (const selector of LIST_CONTAINERS) {
    const list = q(root, selector);
    if (list) return !cleanText(list.textContent);
  }
  return false;
}

export const x: PlatformAdapter = {
  id: 'x',
  label: 'X',
  matches: hostPatterns('x'),
  maxLength: PLATFORM_DM_LIMITS.x.max,
  read(doc, url, now = Date.now()): InboxRead {
    const read = assembleRead(PAGE, doc, url, now);
    return attempt(() => settle(doc, read), read);
  },
  total(doc) {
    return attempt(() => readTotal(doc), null);
  },
  composer(doc) {
    return attempt(() => findComposer(doc), null);
  },
  shadowHosts(doc) {
    const host = attempt(() => chatHost(doc), null);
    return host ? [host] : [];
  },
};
