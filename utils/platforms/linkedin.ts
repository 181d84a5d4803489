import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { absoluteUrl, cleanText, hashId, leafTexts, parseCount, textOf, titleCount, toAsciiDigits } from '../dom/text';
import { splitName } from '../dom/names';
import {
  attempt,
  avatarKey,
  boldAmong,
  commonRoot,
  firstOf,
  idFromPath,
  perRow,
  pickSelectors,
  q,
  qa,
  qaFirst,
  qFirst,
  rowIndex,
  stripYou,
  timeReader,
} from '../dom/read-b';
import { isCommentBox, textBlocks } from '../dom/read';
import { PLATFORM_DM_LIMITS } from './limits';
import { readRows } from '../dom/row-memo';

/**
 * LinkedIn messaging (www.linkedin.com/messaging/…). See PLATFORMS.md § LinkedIn.
 * Two row generations: until 2026 rows link to /messaging/thread/<id>/ and unread rows carry
 * `--unread` modifier classes; the late-2026 rows have no href and only the unread count.
 */
const THREAD_PATH = /\/messaging\/thread\/([^/?#]+)/;

/** The global-nav link to messaging (not a thread link). */
function navLink(doc: Document): Element | null {
  return firstOf<Element>([
    // Global nav, 2019–2026: <a class="global-nav__primary-link" href="…/messaging/?">. The nav
    // first, then its link: a descendant selector over the whole page checks every row link.
    () => q(qFirst(doc, ['#global-nav', '.global-nav']), 'a[href*="/messaging"]'),
    // The 2026 nav with hashed classes: its items' view name (a selector test pairs it with
    // aria-label="消息，0 条新通知"). After #global-nav's link (the same link where both are there),
    // so the page-wide attribute look-up only runs on a page without the old nav.
    () => q(doc, '[data-view-name="navigation-messaging"]'),
    // Any messaging link that is not a thread (nav moved out of #global-nav in redesigns).
    () => qa(doc, 'a[href*="/messaging"]').find((a) => !THREAD_PATH.test(a.getAttribute('href') ?? '')),
  ]);
}

const BARE_COUNT = /^\d{1,6}\+?$/;

function readTotal(doc: Document): { total: number | null; nav: boolean } {
  const nav = navLink(doc);
  if (nav) {
    const count = firstOf([
      // Badge count in the nav link, seen 2019–2026.
      () => parseCount(textOf(q(nav, '.notification-badge__count'))),
      // Badge wrapper when the count span is renamed: "3" / "3 new messages" (any language).
      () => parseCount(textOf(q(nav, '[class*="notification-badge"], [class*="badge"]'))),
      // Without classes: the link's text that is a count alone ("3", "99+"; its screen-reader
      // text "3 new messages" and the label "Messaging" are not).
      () => parseCount(leafTexts(nav, 8).find((text) => BARE_COUNT.test(toAsciiDigits(cleanText(text))))),
      // The 2026 nav item's own label, any language: "消息，0 条新通知". Only the item's: any other
      // messaging link's label may hold a number that is no count ("Message Ana, 2nd degree").
      () => (nav.getAttribute('data-view-name') === 'navigation-messaging' ? parseCount(nav.getAttribute('aria-label')) : null),
    ]);
    // The nav is there without a number: LinkedIn hides the badge at zero, but the title's
    // count also includes notifications, so leave it unknown and let the rows speak.
    return { total: count, nav: true };
  }
  // Nav not rendered yet (page still loading): "(2) Messaging | LinkedIn".
  return { total: titleCount(doc.title), nav: false };
}

// The conversation list's label (English, late 2026): a hook that holds without the BEM classes.
const LABELLED_LIST = 'ul[aria-label="Conversation list" i]';
// The MESSAGES of the open thread (div.msg-s-event-listitem[data-view-name="message-list-item"],
// 2025–2026 extensions), not the list's rows.
const MESSAGE_ITEM = '[data-view-name="message-list-item"]';
const THREAD_LINK = 'a[href*="/messaging/thread/"]';
// The open thread and its messages: the fallbacks below take no row inside them. Bare /messaging/
// opens a thread before the list's rows attach (2026), and its messages carry a list-like markup.
const THREAD_AREA = '.msg-s-message-list, .msg-s-message-list-content, .msg-thread, .msg-overlay-conversation-bubble, .msg-s-event-listitem';

const some = <T>(list: T[]): T[] | null => (list.length ? list : null);

function listRows(doc: Document): { list: Element | null; rows: Element[] } {
  const list = qFirst(doc, [
    'ul.msg-conversations-container__conversations-list', // 2019–2026
    '[class*="msg-conversations-container__conversations-list"]', // modifier / element renamed
    '.msg-conversations-container', // container of the list
    LABELLED_LIST,
  ]);
  // The page-wide fallbacks keep no row of the open thread (the list's own rows, first, are under it).
  const outside = (found: Element[]) => some(found.filter((row) => !attempt(() => row.closest(THREAD_AREA) !== null, false)));
  const rows = firstOf<Element[]>([
    () => some(qaFirst(list, ['li.msg-conversation-listitem', '.msg-conversation-listitem'])),
    // Cards without the list item class: the card's list item, else the card.
    () => outside(qa(doc, '.msg-conversation-card').map((card) => card.closest('li') ?? card)),
    // A build without the BEM classes: the thread links' list items (a draft's /thread/new/ is
    // left out when read), the items of the labelled list.
    () => outside(qa(doc, THREAD_LINK).map((link) => link.closest('li') ?? link)),
    () => outside(qa(q(doc, LABELLED_LIST), ':scope > li')),
  ]);
  const unique = rows ? [...new Set(rows)].filter((row) => row.isConnected !== false) : [];
  return { list: list ?? (unique.length ? commonRoot(unique) : null), rows: unique.slice(0, LIMITS.threads) };
}

const NAME = [
  '.msg-conversation-listitem__participant-names', // h3, 2019–2026
  '.msg-conversation-card__participant-names', // card variant
  '[class*="participant-names"]',
  'h3', // the element the name has been in since 2019, without its classes
] as const;

const SNIPPET = [
  '.msg-conversation-card__message-snippet-body', // 2021–2024 inner body
  '.msg-conversation-card__message-snippet', // p, 2019–2026
  '[class*="message-snippet"]',
  'p', // the element the snippet has been in since 2019, without its classes
] as const;

const TIME = ['time.msg-conversation-card__time-stamp', '[class*="time-stamp"]', 'time'] as const;

/**
 * A snippet's text without its label pill, and the pill's: 2025–2026 rows put "InMail" /
 * "Sponsored" in a span.msg-conversation-card__pill child of the snippet paragraph (no
 * -snippet-body span), so the paragraph's text reads "InMail You: thanks". Plain-text snippets
 * (most rows) cost one child count; only a snippet holding a pill is walked.
 */
function snippetText(snippet: Element | null): { text: string; pill: string } {
  if (!snippet) return { text: '', pill: '' };
  const plain = () => ({ text: textOf(snippet), pill: '' });
  try {
    if (snippet.childElementCount === 0) return plain();
    let pills: ArrayLike<Element> = snippet.querySelectorAll('[class*="msg-conversation-card__pill"]');
    if (!pills.length) {
      const pill = plainPill(snippet);
      if (!pill) return plain();
      pills = [pill];
    }
    // The text nodes outside the pills (a pill may sit under wrappers of its own).
    const inPill = (node: Node) => Array.prototype.some.call(pills, (pill: Element) => pill.contains(node));
    const walker = snippet.ownerDocument.createTreeWalker(snippet, 4 /* NodeFilter.SHOW_TEXT */);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Pill and text are often adjacent without a space: keep the words apart.
      text += inPill(node) ? ' ' : (node.nodeValue ?? '');
    }
    return { text: cleanText(text), pill: textOf(pills[0], 40) };
  } catch {
    return plain();
  }
}

/**
 * The pill of a snippet without its classes: an element before any text of the snippet whose text
 * is one word ("InMail", "Sponsored", "Gesponsert"), with the snippet's text after it. Never a
 * sender ("You:", "Ana:"), which stripYou reads.
 */
function plainPill(snippet: Element): Element | null {
  for (let node = snippet.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      if (cleanText(node.nodeValue)) return null;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const text = textOf(node);
    if (!text) continue;
    if (!ONE_WORD.test(text)) return null;
    for (let after = node.nextSibling; after; after = after.nextSibling) if (cleanText(after.textContent)) return node as Element;
    return null;
  }
  return null;
}
// One word of at most 20 letters, not ending with a colon.
const ONE_WORD = /^[^\s:：]{1,20}$/;

/**
 * A row's unread count from its `.msg-conversation-card__unread-count` wrapper (2019–2026). The
 * wrapper holds the badge number and its screen-reader text with no space between ("2" + "2 new
 * messages"), so its whole text reads "22 new messages": the number's own span first.
 */
function rowCount(count: Element): number | null {
  return firstOf<number>([
    // <span class="notification-badge__count" aria-hidden="true">2</span>, 2019–2026.
    () => parseCount(textOf(q(count, '.notification-badge__count'))),
    // The visible number when its class is renamed: the aria-hidden part, not the a11y text.
    () => parseCount(textOf(q(count, '[aria-hidden="true"]'))),
    // A bare wrapper ("3" or "3 new messages").
    () => parseCount(textOf(count)),
  ]);
}

/**
 * Unread markers, in tiers. Exact class names are found with one fast list-wide query each; the
 * substring and aria-label forms cost a full pass over the list's attributes, so they run only
 * when no row carries an exact marker (renamed markup), and computed style only when no row
 * carries any marker.
 */
const MARKERS = {
  // Unread count badge, 2019–2026 (the only marker left in late 2026).
  count: ['.msg-conversation-card__unread-count', '[class*="unread-count"]'],
  // `--unread` modifiers on the card and its snippet, until 2026 (the row's own class is read per row).
  exact: ['.msg-conversation-card__convo-item-container--unread', '.msg-conversation-card__message-snippet--unread'],
  // Any other `--unread` modifier; the screen-reader label (English only) as the last word before style.
  loose: ['[class*="--unread"]', '[aria-label*="unread message" i]'],
} as const;

function rowName(row: Element, selectors: readonly string[] = NAME): Element | null {
  return qFirst(row, selectors);
}

/** The id and absolute URL of a thread link; pure in (page URL, href), so kept between reads. */
const links = new Map<string, { id: string | null; url: string | undefined }>();
function threadLink(href: string | null | undefined, url: URL): { id: string | null; url: string | undefined } {
  if (!href) return { id: null, url: undefined };
  const key = `${url.href}\u0001${href}`;
  let found = links.get(key);
  if (!found) {
    const id = idFromPath(href, THREAD_PATH);
    found = { id, url: id && id !== 'new' ? absoluteUrl(href, url) : undefined };
    if (links.size > 5000) links.clear();
    links.set(key, found);
  }
  return found;
}

interface Parts {
  url: URL;
  time: (label: string | null | undefined) => number | undefined;
  name: readonly string[];
  snippet: readonly string[];
  timeAt: readonly string[];
}

/** A row's read, with what tells apart two rows of the same person (see `distinct`). */
interface RowRead {
  thread: ThreadRow;
  /** The id is a hash of the name and avatar (no thread link). */
  hashed: boolean;
  /** The snippet's label pill ("InMail", "Sponsored"), '' without one. */
  pill: string;
}

function readRow(row: Element, parts: Parts, count: Element | null, marked: boolean, bold: boolean): RowRead | null {
  const nameElement = rowName(row, parts.name);
  const name = firstOf([
    () => textOf(nameElement, LIMITS.name),
    // Avatar alt is the person's name on LinkedIn ("Ana López").
    () => cleanText(q(row, 'img[alt]')?.getAttribute('alt'), LIMITS.name),
    () => cleanText(leafTexts(row, 1)[0], LIMITS.name),
  ]) ?? '';
  const link = threadLink(q<HTMLAnchorElement>(row, 'a[href*="/messaging/thread/"]')?.getAttribute('href'), parts.url);
  // /messaging/thread/new/ is an unsent draft, not a conversation.
  if (link.id === 'new') return null;
  const threadId = link.id;
  if (!name && !threadId) return null;
  // Late-2026 rows have no href: a hash of the name and the avatar path.
  const id = threadId ?? hashId(name, avatarKey(q(row, 'img')));

  let rawSnippet = '';
  let pill = '';
  for (const selector of parts.snippet) {
    ({ text: rawSnippet, pill } = snippetText(q(row, selector)));
    if (rawSnippet) break;
  }
  const you = rawSnippet ? stripYou(rawSnippet) : null;

  const timeElement = qFirst(row, parts.timeAt);
  const time = parts.time(timeElement?.getAttribute('datetime')) ?? parts.time(textOf(timeElement));

  const unreadCount = count ? rowCount(count) : null;
  const unread =
    !!count ||
    // `--unread` modifiers on the row, the card or inside it, or the aria-label (see MARKERS).
    marked ||
    // Bold name compared with the other rows (only computed when no row carries a marker).
    bold;

  // Fields in the order earlier reads had them, undefined ones left out (snapshots compare as JSON).
  const thread = { id: cleanText(id, LIMITS.id) || hashId(name), name } as ThreadRow;
  if (you?.text) thread.snippet = cleanText(you.text, LIMITS.snippet);
  thread.unread = unread;
  if (unread && unreadCount !== null) thread.unreadCount = unreadCount;
  // "You: …" is ours; any other snippet ("Ana: …" or bare) is theirs.
  if (you) thread.lastFromMe = you.fromMe;
  if (time !== undefined) thread.time = time;
  if (threadId && link.url !== undefined) thread.url = link.url;
  return { thread, hashed: !threadId, pill };
}

/**
 * Rows without a thread link that hash to the same id: one person's two threads (an organic 1:1
 * and an InMail, 2026 rows "without href, thread id or URN"). A row alone with its name and avatar
 * keeps its id; in a group, a row with a pill gets the pill in its key, and repeats a running
 * number. Computed over the whole list on every read, after the per-row parse the memo may reuse,
 * so a number never outlives the rows it told apart; a changed id makes a new object.
 */
function distinct(reads: readonly (RowRead | null)[]): ThreadRow[] {
  const hashed = new Map<string, number>();
  for (const read of reads) if (read?.hashed) hashed.set(read.thread.id, (hashed.get(read.thread.id) ?? 0) + 1);
  const out: ThreadRow[] = [];
  const taken = new Set<string>();
  for (const read of reads) {
    if (!read) continue;
    const { thread } = read;
    let id = thread.id;
    if (read.hashed && (hashed.get(id) ?? 0) > 1) {
      const key = read.pill ? hashId(id, read.pill) : id;
      id = key;
      for (let n = 2; taken.has(id); n++) id = hashId(key, String(n));
    }
    taken.add(id);
    out.push(id === thread.id ? thread : { ...thread, id });
  }
  return out;
}

function readThreads(doc: Document, url: URL, now: number): { list: boolean; threads: ThreadRow[] } {
  const { list, rows } = listRows(doc);
  const index = rowIndex(rows);
  const root = list ?? commonRoot(rows);
  const none: (Element | null)[] = [];
  let counts = attempt(() => perRow(root, index, MARKERS.count[0]), none);
  let marked = attempt(() => perRow(root, index, MARKERS.exact), none);
  const ownClass = rows.map((row) => /--unread\b/.test(row.getAttribute('class') ?? ''));
  let anyMarker = counts.some(Boolean) || marked.some(Boolean) || ownClass.some(Boolean);
  if (!anyMarker) {
    counts = attempt(() => perRow(root, index, MARKERS.count[1]), none);
    marked = attempt(() => perRow(root, index, MARKERS.loose), none);
    anyMarker = counts.some(Boolean) || marked.some(Boolean);
  }
  // Computed style is the last resort: only when no row of the list carries a marker (every
  // marker renamed, or every row read): the bold name compared with the other rows.
  const bold = anyMarker ? [] : attempt(() => boldAmong(rows.map((row) => rowName(row))), [] as boolean[]);
  const parts: Parts = {
    url,
    time: timeReader(now),
    name: pickSelectors(rows, NAME),
    snippet: pickSelectors(rows, SNIPPET),
    timeAt: pickSelectors(rows, TIME),
  };
  const choice = `${parts.name[0]}\u0001${parts.snippet[0]}\u0001${parts.timeAt[0]}\u0001`;
  const reads = readRows(doc, {
    name: 'linkedin',
    pageKey: url.href,
    now,
    rows,
    element: (row) => row,
    token: (_, i) => counts[i] ?? null,
    key: (_, i) => `${choice}${marked[i] || ownClass[i] ? 1 : 0}${bold[i] ? 1 : 0}`,
    parse: (row, i) => attempt(() => readRow(row, parts, counts[i] ?? null, !!marked[i] || !!ownClass[i], bold[i] ?? false), null),
  });
  // A list found with no row in it is an empty inbox only when it shows no text: one holding
  // something that reads as no row is markup DM Desk does not know (reported, not a silent zero).
  return { list: rows.length > 0 || (!!list && !textOf(list)), threads: distinct(reads) };
}

/**
 * Where the open conversation is: the thread pane's title bar (2020–2026), an open (not
 * minimised) messaging bubble, the thread pane. The conversation list reuses the header's lockup
 * classes in its rows (sponsored ones too), so nothing in the list is taken for the open thread.
 */
const THREAD_SCOPES = [
  '.scaffold-layout__detail .msg-title-bar',
  '.msg-thread .msg-title-bar',
  '.msg-overlay-conversation-bubble:not(.msg-overlay-conversation-bubble--is-minimized) .msg-overlay-bubble-header',
  '.scaffold-layout__detail .msg-thread',
  '.msg-conversations-container__thread-view',
  '.msg-thread',
];
const HEADER_TITLES = ['.msg-entity-lockup__entity-title', '.msg-overlay-bubble-header__title', '.msg-thread__link-to-profile', 'h2'];
const IN_LIST = '.msg-conversations-container__conversations-list, [data-test-id="conversation-list"]';
// Sponsored messages ("Sponsored Messaging", "Sponsored"): no one to greet by name.
const SPONSORED = /\bsponsored\b/i;
// An anonymous or deleted account ("LinkedIn Member", as the messages export names it): a name,
// but no one to greet by first name.
const MEMBER = /^linkedin member$/i;
const IN_PATH = /\/in\/([^/?#]+)/;

function person(name: string | null | undefined, handle?: string): Contact | null {
  const contact = splitName(name, handle);
  return contact && MEMBER.test(contact.name) ? { name: contact.name, ...(contact.handle ? { handle: contact.handle } : {}) } : contact;
}

function inList(el: Element): boolean {
  return attempt(() => el.closest(IN_LIST) !== null, true);
}

/** The open thread's header title: in the thread's scopes first, then anywhere outside the list. */
function threadTitle(doc: Document): Element | null {
  for (const scope of THREAD_SCOPES) {
    const root = q(doc, scope);
    if (!root || inList(root)) continue;
    for (const selector of HEADER_TITLES) {
      const title = q(root, selector);
      if (title && textOf(title)) return title;
    }
  }
  for (const selector of HEADER_TITLES.slice(0, 3)) {
    const title = qa(doc, selector).find((el) => !inList(el) && textOf(el));
    if (title) return title;
  }
  return null;
}

function readActive(doc: Document): Contact | null {
  const header = threadTitle(doc);
  const name = firstOf([
    // "Ana López · 1st" in some headers: the name before the separator.
    () => textOf(header, LIMITS.name).split(/\s+[·•|]\s+/)[0],
    // The other side's message group names (ours are marked --self / lack --other).
    () => textOf(q(doc, '.msg-s-event-listitem--other .msg-s-message-group__name'), LIMITS.name),
    // Selected row of the list.
    () => {
      const selected = q(doc, '.msg-conversations-container__convo-item-link--active');
      const row = selected?.closest('li') ?? selected;
      return row ? textOf(rowName(row), LIMITS.name) : null;
    },
  ]);
  if (name && SPONSORED.test(name)) return null;
  // Profile link in the thread header: /in/<handle>/ (not a row's of the list).
  const profile =
    qa(doc, '.msg-thread a[href*="/in/"], .msg-entity-lockup a[href*="/in/"], a.msg-thread__link-to-profile[href*="/in/"], .msg-title-bar a[href*="/in/"]').find((a) => !inList(a)) ??
    (name ? null : plainProfileLink(doc));
  const handle = idFromPath(profile?.getAttribute('href'), IN_PATH) ?? undefined;
  // Without the header's classes: the person's name is the profile link's first text.
  return person(name ?? (profile ? textBlocks(profile, 1)[0] : null), handle);
}

/**
 * The open thread's profile link in a build without the BEM classes: the first /in/ link of the
 * main region outside the conversation list's rows and the thread's messages (the header comes
 * before the messages).
 */
function plainProfileLink(doc: Document): Element | null {
  const scope = q(doc, 'main') ?? doc;
  return qa(scope, 'a[href*="/in/"]').slice(0, 50).find((a) => !attempt(() => a.closest(`${MESSAGE_ITEM}, ${LABELLED_LIST}`) !== null || a.closest('li')?.querySelector(THREAD_LINK) != null, true) && textOf(a)) ?? null;
}

// 2026: on the other pages the messaging overlay renders into the open shadow root of
// div#interop-outlet[data-testid="interop-shadowdom"] (bots and extensions of 2026 look up its
// bubbles, send button and text boxes there; one names the host DIV.theme--light). The /messaging/
// pages stay in the document.
const OVERLAY = '.msg-overlay-conversation-bubble, .msg-overlay-list-bubble, .msg-overlay-container';
let lastHost: Element | null = null;

/**
 * The overlay's shadow host (the last one found, while it is still in this document): the outlet
 * by its id, else among the body's children and the first .theme--light elements (not the whole
 * page) the one with the outlet's test id or an open shadow root holding the overlay.
 */
function overlayHost(doc: Document): Element | null {
  if (lastHost && lastHost.ownerDocument === doc && lastHost.isConnected) return lastHost;
  const outlet = doc.getElementById('interop-outlet');
  if (outlet) return (lastHost = outlet);
  const near = [...Array.from(doc.body?.children ?? []).slice(0, 60), ...Array.from(doc.getElementsByClassName('theme--light')).slice(0, 10)];
  return (lastHost = near.find((el) => el.getAttribute('data-testid') === 'interop-shadowdom' || (!!el.shadowRoot && !!q(el.shadowRoot, OVERLAY))) ?? null);
}

/** Where the overlay may be: the document, and the outlet's shadow root when there is one. */
function overlayRoots(doc: Document): (Document | ShadowRoot)[] {
  const root = attempt(() => overlayHost(doc)?.shadowRoot ?? null, null);
  return root ? [doc, root] : [doc];
}

/**
 * A conversation bubble open over any page (feed, profiles; 2019–2026): the one holding the
 * focus, else the first not minimised. The list bubble ("Messaging") is none.
 */
function openBubble(doc: Document): Element | null {
  let first: Element | null = null;
  for (const root of overlayRoots(doc)) {
    const open = qa(root, '.msg-overlay-conversation-bubble').filter((b) => !b.classList.contains('msg-overlay-conversation-bubble--is-minimized'));
    // Focus inside a shadow tree is its root's (the document's is the host).
    const focused = root.activeElement;
    const hit = open.find((b) => !!focused && b.contains(focused));
    if (hit) return hit;
    first ??= open[0] ?? null;
  }
  return first;
}

// A "New message" draft (2022–2026, also /messaging/thread/new/): its title says "New message" in
// the UI's language; the person is the recipient pill (button.artdeco-pill--dismiss "Remove <name>" >
// span.artdeco-pill__text), else the one-to-one profile card below it.
const RECIPIENTS = ['.msg-connections-typeahead .artdeco-pill__text', '.msg-connections-typeahead__recipient-token', '.msg-connections-typeahead .artdeco-pill'];
const PROFILE_CARD = 'a.profile-card-one-to-one__profile-link';

/** The recipient of a draft: null before one is picked; several make a group (no first name). */
function recipient(scope: ParentNode): Contact | null {
  const names = qaFirst(scope, RECIPIENTS).map((el) => textOf(el, LIMITS.name)).filter(Boolean);
  const card = q(scope, PROFILE_CARD) ?? q(scope, '.msg-s-profile-card a[href*="/in/"]');
  if (!names.length) names.push(textOf(card, LIMITS.name));
  if (!names[0]) return null;
  if (names.length > 1) return splitName(names.join(', '));
  return person(names[0], idFromPath(card?.getAttribute('href'), IN_PATH) ?? undefined);
}

/** The person of a conversation bubble, from its header (and its profile link, for the handle). */
function bubbleContact(bubble: Element): Contact | null {
  // A draft: the modifier, else a recipient typeahead and no messages (never a conversation's).
  if (bubble.classList.contains('msg-overlay-conversation-bubble--is-compose') || (q(bubble, '.msg-connections-typeahead') && !q(bubble, '.msg-s-message-list, .msg-s-message-list-content'))) {
    return recipient(bubble);
  }
  const name = textOf(q(bubble, '.msg-overlay-bubble-header__title'), LIMITS.name).split(/\s+[·•|]\s+/)[0];
  if (!name || SPONSORED.test(name)) return null;
  const profile = q(bubble, '.msg-overlay-bubble-header a[href*="/in/"]') ?? q(bubble, 'a[href*="/in/"]');
  return person(name, idFromPath(profile?.getAttribute('href'), IN_PATH) ?? undefined);
}

const COMPOSER = [
  // Plain contenteditable with <p> children, 2019–2026.
  'div.msg-form__contenteditable[contenteditable]:not([contenteditable="false" i])[role="textbox"]',
  '.msg-form__contenteditable[contenteditable]:not([contenteditable="false" i])',
  '.msg-form [contenteditable]:not([contenteditable="false" i])[role="textbox"]',
  'form[class*="msg-form"] [contenteditable]:not([contenteditable="false" i])',
];

function composer(doc: Document): HTMLElement | null {
  const messaging = attempt(() => isMessagingPath(new URL(doc.URL).pathname), false);
  if (!messaging) {
    // Elsewhere, the overlay: the open bubble's (the one the person is read from), in the document
    // or the overlay's shadow root (2026); minimised bubbles keep their drafts in the page.
    const bubble = attempt(() => openBubble(doc), null);
    const own = bubble ? qFirst<HTMLElement>(bubble, COMPOSER) : null;
    if (own) return own;
  }
  return (
    qFirst<HTMLElement>(doc, COMPOSER) ??
    (messaging
      ? // Without the classes, on the messaging pages (no post, so no comment box, is there): the
        // message form's text box.
        (qa<HTMLElement>(doc, 'form [contenteditable]:not([contenteditable="false" i])[role="textbox"]').find((el) => !isCommentBox(el, { inPosts: false })) ?? null)
      : (qFirst<HTMLElement>(overlayRoots(doc)[1], COMPOSER) ?? null))
  );
}

function isMessagingPath(path: string): boolean {
  return /^\/messaging(\/|$)/.test(path);
}

export const linkedin: PlatformAdapter = {
  id: 'linkedin',
  label: 'LinkedIn',
  matches: hostPatterns('linkedin'),
  maxLength: PLATFORM_DM_LIMITS.linkedin.max,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      const missing: string[] = [];
      const { total, nav } = attempt(() => readTotal(doc), { total: null, nav: false });
      if (total === null && !nav) missing.push('unread total');
      if (!isMessagingPath(url.pathname)) {
        // Elsewhere, a reply goes into a conversation bubble: its person is the one to greet.
        const bubble = attempt(() => openBubble(doc), null);
        const active = bubble ? attempt(() => bubbleContact(bubble), null) : null;
        return { unreadTotal: total, threads: [], active, missing };
      }

      const { list, threads } = attempt(() => readThreads(doc, url, now), { list: false, threads: [] });
      if (!list) missing.push('conversation list');
      const openId = idFromPath(url.pathname, THREAD_PATH);
      // A draft (/messaging/thread/new/; /messaging/compose/ while it shows the recipient
      // typeahead, not a thread it went on to): its recipient once picked, not the "New message"
      // title; a draft with no one picked yet lacks nothing.
      if (openId === 'new' || (/^\/messaging\/compose(\/|$)/.test(url.pathname) && q(doc, '.msg-connections-typeahead'))) {
        return { unreadTotal: total, threads, active: attempt(() => recipient(doc), null), missing };
      }
      const threadOpen = !!openId || !!qFirst(doc, ['.msg-s-message-list', '.msg-thread']);
      const active = threadOpen ? attempt(() => readActive(doc), null) : null;
      if (threadOpen && !active) missing.push('open conversation');
      if (threadOpen && !attempt(() => composer(doc), null)) missing.push('composer');
      return { unreadTotal: total, threads, active, missing };
    } catch {
      return emptyRead(['page']);
    }
  },
  total: (doc) => attempt(() => readTotal(doc).total, null),
  composer: (doc) => attempt(() => composer(doc), null),
  // The overlay's outlet on the other pages (2026), for the watcher to see bubbles open in it.
  shadowHosts(doc) {
    if (attempt(() => isMessagingPath(new URL(doc.URL).pathname), true)) return [];
    const host = attempt(() => overlayHost(doc), null);
    return host ? [host] : [];
  },
};
