import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { cleanText, leafTexts, parseCount, textOf, titleCount } from '../dom/text';
import { splitName } from '../dom/names';
import {
  attempt,
  boldAmong,
  commonRoot,
  firstOf,
  perRow,
  pickSelectors,
  q,
  qaFirst,
  qFirst,
  rowId,
  rowIndex,
  stripYou,
  timeReader,
} from '../dom/read-b';
import { PLATFORM_DM_LIMITS } from './limits';
import { readRows } from '../dom/row-memo';

/**
 * TikTok messages (www.tiktok.com/messages). See PLATFORMS.md § TikTok. data-e2e attributes
 * last for years but were renamed in the 2026 redesign (chat-list-item → dm-new-conversation-item):
 * both generations are read. Rows carry no thread id: ids hash the nickname and the avatar path.
 */

function readTotal(doc: Document): { total: number | null; nav: boolean } {
  // The header's inbox link: its data-e2e id, else (without the ids) its readable class suffix or
  // its link to /messages.
  const icon = qFirst(doc, ['[data-e2e="top-dm-icon"]', '[class*="DivMessageIconContainer"]', 'a[href^="/messages"]']);
  const own = q(doc, '[data-e2e="dm-total-unread-count"]');
  const total = firstOf([
    () => parseCount(textOf(own)), // total in the messages page, 2024–2026 ("99+" → 99)
    () => parseCount(textOf(q(icon, 'sup'))), // header inbox icon badge, 2021–2026
    () => parseCount(textOf(q(icon, '[class*="Badge"], [class*="Count"]'))), // badge that is not a <sup>
    // The inbox icon is there with no badge: nothing unread. Else the title, "(2) Messages | TikTok"
    // (as on X, a title's count on other pages may not be the messages').
    () => (icon || own ? 0 : titleCount(doc.title)),
  ]);
  return { total, nav: !!icon || !!own };
}

const GENERATIONS = [
  {
    // 2026 redesign.
    row: '[data-e2e="dm-new-conversation-item"]',
    name: '[data-e2e="dm-new-conversation-nickname"]',
    unread: '[data-e2e="dm-new-conversation-unread"]',
  },
  {
    // 2021–2025.
    row: '[data-e2e="chat-list-item"]',
    name: '[class*="PInfoNickname"]',
    unread: ['[class*="SpanNewMessage"]', '[class*="UnreadCount"]', '[class*="BadgeNum"]', 'sup'],
  },
  {
    // Either UI without its data-e2e ids: the generated class names' readable suffixes, which
    // both keep (css-d4bw7w-DivItemWrapper in the list container, PInfoNickname, SpanUnreadCount).
    // The list container by suffix (2022–2025), else the side drawer's scroll list (2025–2026),
    // whose message-request group is no DivItemWrapper.
    row: [
      '[class*="DivConversationListContainer"] [class*="DivItemWrapper"]',
      '[class*="DivScrollWrapper"] > [class*="DivItemWrapper"]',
      '[class*="DivDrawerContainer"] [class*="DivItemWrapper"]',
    ],
    name: '[class*="PInfoNickname"]',
    unread: ['[class*="UnreadCount"]', '[class*="SpanNewMessage"]', '[class*="BadgeNum"]', 'sup'],
  },
] as const;
type Generation = (typeof GENERATIONS)[number];

// Nickname: data-e2e (2026), readable class suffix (2021–2025), any nickname class.
const NAME = ['[data-e2e="dm-new-conversation-nickname"]', '[class*="PInfoNickname"]', '[class*="Nickname"]'] as const;
// Time: readable class suffix (2021–2026), a data-e2e or class naming time, a <time>.
const TIME = ['[class*="SpanInfoTime"]', '[data-e2e*="time"]', '[class*="Time"]', 'time'] as const;
const SNIPPET = [
  '[class*="SpanInfoExtract"]', // 2021–2025
  '[class*="LastMsg"], [class*="Extract"], [class*="Preview"]',
] as const;
// Mute icon (data-e2e, readable class suffixes): one pass over the list, not one per row.
const MUTED = '[data-e2e*="mute"], [class*="MuteIcon"], [class*="IconMute"]';

function listRows(doc: Document): { list: boolean; rows: Element[]; gen: Generation } {
  for (const gen of GENERATIONS) {
    const rows = qaFirst(doc, typeof gen.row === 'string' ? [gen.row] : gen.row);
    if (rows.length) return { list: true, rows: rows.slice(0, LIMITS.threads), gen };
  }
  const list = qFirst(doc, [
    '[data-e2e="dm-new-conversation-list"]', // 2026 list (may be empty)
    '[class*="DivConversationListContainer"]', // readable class suffix, 2022–2025
  ]);
  // Found with no row in it: an empty inbox only when it shows no text (else unknown row markup).
  return { list: !!list && !textOf(list), rows: [], gen: GENERATIONS[0] };
}

function nameOf(row: Element, gen: Generation, names: readonly string[] = [gen.name, ...NAME]): Element | null {
  return qFirst(row, names);
}

interface Parts {
  gen: Generation;
  time: (label: string | null | undefined) => number | undefined;
  name: readonly string[];
  timeAt: readonly string[];
  snippet: readonly string[];
}

function readRow(row: Element, parts: Parts, countElement: Element | null, muted: boolean, bold: boolean): ThreadRow | null {
  const nameElement = nameOf(row, parts.gen, parts.name);
  const nameText = textOf(nameElement);
  const img = q(row, 'img');
  // The row's texts, read only when a part has no element of its own (hashed classes without
  // their readable suffix): nickname first, then the preview and the time in either order.
  let leaves: string[] | null = null;
  const rowLeaves = () => (leaves ??= leafTexts(row, 10));
  const name = firstOf([
    () => cleanText(nameText, LIMITS.name),
    () => cleanText(img?.matches('[alt]') ? img.getAttribute('alt') : q(row, 'img[alt]')?.getAttribute('alt'), LIMITS.name),
    // (Not a count badge's number.)
    () => cleanText(rowLeaves().find((text) => !/^\d+\+?$/.test(text)), LIMITS.name),
  ]) ?? '';
  if (!name) return null;
  const id = rowId(name, img, { pathOnly: true });

  const timeElement = qFirst(row, parts.timeAt);
  let timeText = textOf(timeElement);
  let time = parts.time(timeElement?.getAttribute('datetime')) ?? parts.time(timeText);
  const countText = textOf(countElement);
  if (!timeElement) {
    // The last text after the name that reads as a time ("10:42", "Yesterday", "2d ago").
    const label = rowLeaves()
      .filter((text) => text !== name && text !== nameText && text !== countText)
      .reverse()
      .find((text) => parts.time(text) !== undefined);
    if (label) {
      timeText = label;
      time = parts.time(label);
    }
  }
  let snippetText = '';
  for (const selector of parts.snippet) if ((snippetText = textOf(q(row, selector)))) break;
  // The row's leaves that are not the name, the time or the count.
  if (!snippetText) {
    const skip = [name, nameText, timeText, countText];
    snippetText = rowLeaves().find((text) => !skip.includes(text)) ?? '';
  }
  const you = snippetText ? stripYou(snippetText) : null;
  const unread =
    !muted &&
    // Unread marker with a count (data-e2e, 2026; readable class suffix before), else a bold name.
    (!!countElement || bold);
  const unreadCount = countElement ? parseCount(textOf(countElement)) : null;

  // Fields in the order earlier reads had them, undefined ones left out (snapshots compare as JSON).
  const thread = { id, name } as ThreadRow;
  if (you?.text) thread.snippet = cleanText(you.text, LIMITS.snippet);
  thread.unread = unread;
  if (unread && unreadCount !== null) thread.unreadCount = unreadCount;
  // "You: …" is ours; an unread row's last message is theirs; otherwise unknown.
  const lastFromMe = you?.fromMe ? true : unread ? false : undefined;
  if (lastFromMe !== undefined) thread.lastFromMe = lastFromMe;
  if (time !== undefined) thread.time = time;
  if (muted) thread.muted = true;
  return thread;
}

function readThreads(doc: Document, now: number, pageKey: string): { list: boolean; threads: ThreadRow[] } {
  const { list, rows, gen } = listRows(doc);
  const index = rowIndex(rows);
  const root = commonRoot(rows);
  const none: (Element | null)[] = [];
  // The unread marker: one list-wide query instead of a miss per row (every row's is needed for
  // the bold fallback below).
  const counts = attempt(() => perRow(root, index, gen.unread), none);
  // Computed style is the last resort: only when no row of the list carries the unread marker
  // (marker renamed, or every row read): the bold nickname compared with the other rows.
  const bold = counts.some(Boolean) ? [] : attempt(() => boldAmong(rows.map((row) => nameOf(row, gen))), [] as boolean[]);
  const parts: Parts = {
    gen,
    time: timeReader(now),
    name: pickSelectors(rows, [gen.name, ...NAME]),
    timeAt: pickSelectors(rows, TIME),
    snippet: pickSelectors(rows, SNIPPET),
  };
  let muted = new Set<Element>();
  const choice = `${String(gen.row)}\u0001${parts.name[0]}\u0001${parts.timeAt[0]}\u0001${parts.snippet[0]}\u0001`;
  const threads = readRows(doc, {
    name: 'tiktok',
    pageKey,
    now,
    rows,
    element: (row) => row,
    token: (_, i) => counts[i] ?? null,
    key: (_, i) => `${choice}${bold[i] ? 1 : 0}`,
    // The mute icon of the rows to parse: one query of the list for many, one per row for a few.
    prepare: (stale) => {
      muted = new Set();
      const found = stale.length <= 16 ? stale.map((row) => q(row, MUTED)) : attempt(() => perRow(commonRoot(stale), rowIndex(stale), MUTED), none);
      stale.forEach((row, i) => found[i] && muted.add(row));
    },
    parse: (row, i) => attempt(() => readRow(row, parts, counts[i] ?? null, muted.has(row), bold[i] ?? false), null),
  });
  return { list, threads: threads.filter((row): row is ThreadRow => row !== null) };
}

// The chat header without data-e2e ids: its readable class suffixes (2021–2026).
const HEADER = '[class*="DivChatHeader"]';

function readActive(doc: Document): Contact | null {
  const name = firstOf([
    () => textOf(q(doc, '[data-e2e="dm-new-chat-nickname"]'), LIMITS.name), // 2026
    () => textOf(q(doc, '[data-e2e="chat-nickname"]'), LIMITS.name), // 2021–2025
    () => textOf(q(q(doc, HEADER), '[class*="PNickname"]'), LIMITS.name),
  ]);
  const handle = firstOf([
    () => textOf(q(doc, '[data-e2e="dm-new-chat-uniqueid"]'), LIMITS.handle),
    () => textOf(q(doc, '[data-e2e="chat-uniqueid"]'), LIMITS.handle), // "@ana.lopez"
    () => textOf(q(q(doc, HEADER), '[class*="PUniqueId"]'), LIMITS.handle),
  ]);
  return splitName(name, handle ?? undefined);
}

const EDITABLE = '[contenteditable]:not([contenteditable="false" i])';

function composer(doc: Document): HTMLElement | null {
  return (
    qFirst<HTMLElement>(doc, [
      `[data-e2e="dm-new-input-editor"] ${EDITABLE}`, // 2026
      `[data-e2e="message-input-area"] .public-DraftEditor-content${EDITABLE}`, // Draft.js, 2021–2025
      `[data-e2e="message-input-area"] ${EDITABLE}`,
      `[data-e2e="dm-new-chatbox"] ${EDITABLE}`,
    ]) ??
    // Without the ids: the input area and chat box by their readable class suffixes.
    (withoutIds(doc) ? qFirst<HTMLElement>(doc, [`[class*="DivInputAreaContainer"] ${EDITABLE}`, `[class*="DivChatBox"] ${EDITABLE}`]) : null)
  );
}

/**
 * A page without data-e2e ids (a build that dropped them): only then are the class-suffix
 * fallbacks of the chat searched, so a page with its ids and no chat open pays no page-wide
 * search for them (its first id is found at once).
 */
function withoutIds(doc: Document): boolean {
  return !q(doc, '[data-e2e]');
}

/** A conversation is open: its chat box or header (ids first, then readable class suffixes). */
function chatOpen(doc: Document): boolean {
  // Single selectors, one after the other: a selector list costs a scan of the page for each.
  return (
    !!qFirst(doc, ['[data-e2e="dm-new-chatbox"]', '[data-e2e="chat-nickname"]', '[data-e2e="message-input-area"]']) ||
    (withoutIds(doc) && !!qFirst(doc, ['[class*="DivChatBox"]', HEADER]))
  );
}

/**
 * A message request is open: Accept and Delete in place of the input (DivStrangerBox, 2025–2026),
 * so no composer is missing.
 */
function requestOpen(doc: Document): boolean {
  return !!q(doc, '[class*="DivStrangerBox"]');
}

/**
 * TikTok Business Suite (/business-suite/messages, business accounts and some personal ones,
 * 2025–2026): the DM app runs in a same-origin frame (/messages?…&scene=business) holding the
 * usual rows, chat and composer. Its document, once readable.
 */
const SUITE_PATH = /^\/business-suite\/messages(\/|$)/;
function suiteFrame(doc: Document): HTMLIFrameElement | null {
  return SUITE_PATH.test(doc.location?.pathname ?? '') ? q<HTMLIFrameElement>(doc, 'iframe[src*="/messages"]') : null;
}
function suiteDocument(doc: Document): Document | null {
  const frame = suiteFrame(doc);
  let inner: Document | null = null;
  try {
    inner = frame?.contentDocument ?? null;
  } catch {
    inner = null; // not same-origin after all
  }
  return inner?.body ? inner : null;
}

/** The messages page's parts: conversations, the open chat and its composer. */
function readMessages(doc: Document, pageKey: string, now: number, missing: string[]): Omit<InboxRead, 'unreadTotal' | 'missing'> {
  const { list, threads } = attempt(() => readThreads(doc, now, pageKey), { list: false, threads: [] as ThreadRow[] });
  if (!list) missing.push('conversation list');
  const open = attempt(() => chatOpen(doc), false);
  const active = open ? attempt(() => readActive(doc), null) : null;
  if (open && !active) missing.push('open conversation');
  if (open && !attempt(() => composer(doc), null) && !attempt(() => requestOpen(doc), false)) missing.push('composer');
  return { threads, active };
}

export const tiktok: PlatformAdapter = {
  id: 'tiktok',
  label: 'TikTok',
  matches: hostPatterns('tiktok'),
  maxLength: PLATFORM_DM_LIMITS.tiktok.max,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      const missing: string[] = [];
      const suite = SUITE_PATH.test(url.pathname);
      const inner = suite ? attempt(() => suiteDocument(doc), null) : null;
      // The suite's frame has its own counter when the suite's header shows none.
      const read = (from: Document) => attempt(() => readTotal(from), { total: null, nav: false });
      const top = read(doc);
      const { total, nav } = top.total === null && inner ? read(inner) : top;
      if (total === null && !nav && !top.nav) missing.push('unread total');
      if (suite && !inner) missing.push('conversation list');
      const messages = suite ? inner : /^\/messages(\/|$)/.test(url.pathname) ? doc : null;
      if (!messages) return { unreadTotal: total, threads: [], active: null, missing };
      const pageKey = messages === doc ? url.href : `${url.href} ${messages.location?.href ?? ''}`;
      return { unreadTotal: total, ...readMessages(messages, pageKey, now, missing), missing };
    } catch {
      return emptyRead(['page']);
    }
  },
  total: (doc) =>
    attempt(() => {
      const total = readTotal(doc).total;
      const inner = total === null ? suiteDocument(doc) : null;
      return inner ? readTotal(inner).total : total;
    }, null),
  composer: (doc) =>
    attempt(() => {
      const own = composer(doc);
      const inner = own ? null : suiteDocument(doc);
      return own ?? (inner ? composer(inner) : null);
    }, null),
  frames: (doc) => attempt(() => [suiteFrame(doc)].filter((frame): frame is HTMLIFrameElement => frame !== null), []),
};
