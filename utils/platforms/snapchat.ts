import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { cleanText, textOf, titleCount } from '../dom/text';
import { splitName } from '../dom/names';
import { all, attempt, boldAmong, firstOf, perRow, q, qa, qaFirst, qFirst, rowIndex, timeReader } from '../dom/read-b';
import { attr, textBlocks } from '../dom/read';
import { PLATFORM_DM_LIMITS } from './limits';
import { readRows } from '../dom/row-memo';

/**
 * Snapchat for web (www.snapchat.com/web, web.snapchat.com). See PLATFORMS.md § Snapchat.
 * No test ids and hashed class names: rows are found by role and by the `title-<uuid>` /
 * `status-<uuid>` ids, which also give the conversation id. Status words are English only, so
 * unread also has a structural fallback.
 */
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

// Status words (English UI). "New Chat"/"New Snap" = unread; ours: Delivered/Opened/Sent…, and
// "Screenshot" / "Pending" (they took one of our chat; ours waits for them to add us); "Received" =
// their message, seen.
// ("2 New Snaps": a count may come first, as a bot of 2025–2026 matches them.)
const UNREAD_STATUS = /^(\d+\s*)?new\b/i;
const OURS_STATUS = /^(delivered|opened|sent|sending|screenshot(ted)?|replayed|saved|pending)\b/i;
const THEIRS_STATUS = /^(received|(\d+\s*)?new\b)/i;

function listRows(doc: Document): { list: boolean; rows: Element[]; titles: (Element | null)[] } {
  const list = qFirst(doc, [
    '[role="list"][aria-label="Friends Feed"]', // 2023–2026 (English label)
    '[role="list"]:has([aria-labelledby^="title-"])',
  ]) ?? qa(doc, '[role="list"]').find((l) => !!q(l, '[id^="title-"]')) ?? null;
  const items = qaFirst(list, ['[role="listitem"]']);
  const candidates = items.length ? items : qa(doc, '[aria-labelledby^="title-"]');
  // Each row's title-<uuid> element, from one query of the list instead of one per row.
  const index = rowIndex(candidates);
  const titles = perRow(items.length ? list : doc, index, '[id^="title-"]');
  // The first list item can be the carousel of friend buttons, not a chat: keep rows with a title- id.
  const rows: Element[] = [];
  const kept: (Element | null)[] = [];
  candidates.forEach((row, i) => {
    if (rows.length >= LIMITS.threads) return;
    if (titles[i] || row.id.startsWith('title-')) {
      rows.push(row);
      kept.push(titles[i] ?? null);
    }
  });
  // Rows found without the list (its role renamed) still say the list is there.
  return { list: !!list || rows.length > 0, rows, titles: kept };
}

function uuidOf(row: Element, title: Element | null): string | null {
  return firstOf([
    () => title?.id.match(UUID)?.[1],
    () => q(row, '[aria-labelledby^="title-"]')?.getAttribute('aria-labelledby')?.match(UUID)?.[1],
    () => q(row, '[id^="status-"]')?.id.match(UUID)?.[1],
  ]);
}

/** The element with this id inside the row: the document's id lookup, checked, else a query. */
function byId(doc: Document, row: Element, id: string): Element | null {
  const found = doc.getElementById(id);
  return found && row.contains(found) ? found : q(row, `[id="${id}"]`);
}

/** Status words without the time ("Received · 5m" → "Received"). */
function statusOf(doc: Document, row: Element, uuid: string): { element: Element | null; word: string } {
  const element = byId(doc, row, `status-${uuid}`);
  if (!element) return { element: null, word: '' };
  let text = textOf(element);
  const times = all(element, 'time');
  for (let k = 0; k < times.length; k++) {
    const t = textOf(times[k]);
    if (t) text = text.replace(t, ' ');
  }
  return { element, word: cleanText(text.replace(/[·•]/g, ' ')) };
}

/** How deep the status words sit under the status element (unread rows add a wrapper). */
function statusDepth(element: Element | null): number {
  if (!element) return 0;
  const leaves = qa(element, '*').filter((el) => el.childElementCount === 0 && textOf(el) && !el.closest('time'));
  const leaf = leaves[0];
  let depth = 0;
  for (let node: Element | null = leaf ?? null; node && node !== element; node = node.parentElement) depth++;
  return depth;
}

function isKnown(word: string): boolean {
  return UNREAD_STATUS.test(word) || OURS_STATUS.test(word) || THEIRS_STATUS.test(word);
}

function readThreads(doc: Document, now: number, pageKey: string): { list: boolean; threads: ThreadRow[] } {
  const { list, rows, titles } = listRows(doc);
  const none = { element: null, word: '' };
  // Each row's id and status words, parsed again only for rows changed since the last read.
  const facts = readRows(doc, {
    name: 'snapchat-status',
    pageKey,
    now,
    rows,
    element: (row) => row,
    token: (_, i) => titles[i] ?? null,
    parse: (row, i) => {
      const id = attempt(() => uuidOf(row, titles[i] ?? null), null);
      return { id, status: id ? attempt(() => statusOf(doc, row, id), none) : none };
    },
  });
  const ids = facts.map((fact) => fact.id);
  const statuses = facts.map((fact) => fact.status);
  // The structural and style fallbacks are for status words in other languages: computed only
  // when some row's words are not English ones (then over every row, to compare with its peers).
  const foreign = statuses.some((status) => !isKnown(status.word));
  const depths = foreign ? statuses.map((s) => attempt(() => statusDepth(s.element), 0)) : [];
  const shallowest = depths.length ? Math.min(...depths) : 0;
  const nameOf = (row: Element, i: number): Element | null => {
    const title = titles[i];
    if (!ids[i]) return null;
    return title && title.id === `title-${ids[i]}` ? title : byId(doc, row, `title-${ids[i]}`);
  };
  const bold = foreign ? attempt(() => boldAmong(rows.map(nameOf)), [] as boolean[]) : [];
  const time = timeReader(now);

  const threads = readRows(doc, {
    name: 'snapchat',
    pageKey,
    now,
    rows,
    element: (row) => row,
    token: (_, i) => titles[i] ?? null,
    key: (_, i) => (foreign ? `f${depths[i]! > shallowest ? 1 : 0}${bold[i] ? 1 : 0}` : ''),
    parse: (row, i) => attempt((): ThreadRow | null => {
      const id = ids[i];
      if (!id) return null;
      const name = textOf(nameOf(row, i), LIMITS.name);
      const { word } = statuses[i]!;
      const unread = isKnown(word)
        ? UNREAD_STATUS.test(word) // English status words
        : // Other languages: an unread row's status words sit one wrapper deeper, or the name is bold.
          depths[i]! > shallowest || !!bold[i];
      const timeElement = q(row, 'time');
      const at =
        time(timeElement?.getAttribute('datetime')) ?? // exact timestamp, 2024–2026
        time(textOf(timeElement));
      const lastFromMe = OURS_STATUS.test(word) ? true : THEIRS_STATUS.test(word) || unread ? false : undefined;
      // Fields in the order earlier reads had them, undefined ones left out (snapshots compare as JSON).
      const out = { id, name, unread } as ThreadRow;
      if (lastFromMe !== undefined) out.lastFromMe = lastFromMe;
      if (at !== undefined) out.time = at;
      return out;
    }, null),
  });
  return { list, threads: threads.filter((row): row is ThreadRow => row !== null) };
}

/**
 * The open conversation's message list (cv-<uuid>): the one the URL names (/web/<uuid>), since a
 * conversation opened before may stay mounted, hidden, beside it (bots pick "the visible one");
 * else the first.
 */
function openConversation(doc: Document, url: URL): Element | null {
  const uuid = url.pathname.match(UUID)?.[1];
  return (uuid ? q(doc, `[id="cv-${uuid}"]`) : null) ?? q(doc, '[id^="cv-"]');
}

/** The open conversation's contact; `open` is its cv-<uuid> element. */
function readActive(doc: Document, open: Element): Contact | null {
  const uuid = open.id.match(UUID)?.[1];
  if (!uuid) return null;
  const name = firstOf([
    // The list row of the open conversation.
    () => textOf(q(doc, `[id="title-${uuid}"]`), LIMITS.name),
    // Message group headers in the conversation that are not ours ("Me"): the sender's name,
    // without the time the header also holds (a <time datetime>, 2026).
    () => qa(open, 'header').map(senderOf).find((t) => t && !/^me$/i.test(t)),
  ]);
  return splitName(name);
}

/** A message group header's sender: its first text that is not its time. */
function senderOf(header: Element): string {
  const times = new Set(qa(header, 'time').map((time) => textOf(time)));
  return textBlocks(header, 4).map((text) => cleanText(text, LIMITS.name)).find((text) => text && !times.has(text)) ?? '';
}

const COMPOSERS = [
  // "Send a chat" editor, 2023–2026; no aria-label seen.
  'div[role="textbox"][contenteditable]:not([contenteditable="false" i])',
  '[contenteditable]:not([contenteditable="false" i])[placeholder]',
  'textarea[placeholder]',
];

function composer(doc: Document): HTMLElement | null {
  for (const selector of COMPOSERS) {
    // Never a snap's caption (textarea "Caption Input" in the snap preview, 2026).
    const found = qa<HTMLElement>(doc, selector).find((el) => attr(el, 'aria-label') !== 'Caption Input' && !el.closest('#snap-preview-container'));
    if (found) return found;
  }
  return null;
}

function isChatPage(url: URL): boolean {
  return url.hostname === 'web.snapchat.com' || /^\/web(\/|$)/.test(url.pathname);
}

export const snapchat: PlatformAdapter = {
  id: 'snapchat',
  label: 'Snapchat',
  matches: hostPatterns('snapchat'),
  maxLength: PLATFORM_DM_LIMITS.snapchat.max,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      // Only the title carries a total: "(2) Snapchat" (first number).
      const unreadTotal = attempt(() => titleCount(doc.title), null);
      if (!isChatPage(url)) return { unreadTotal, threads: [], active: null, missing: [] };
      const missing: string[] = [];
      const { list, threads } = attempt(() => readThreads(doc, now, url.href), { list: false, threads: [] });
      if (!list) missing.push('conversation list');
      const open = attempt(() => openConversation(doc, url), null);
      const chatOpen = !!open;
      const active = open ? attempt(() => readActive(doc, open), null) : null;
      if (chatOpen && !active) missing.push('open conversation');
      if (chatOpen && !attempt(() => composer(doc), null)) missing.push('composer');
      return { unreadTotal, threads, active, missing };
    } catch {
      return emptyRead(['page']);
    }
  },
  total: (doc) => attempt(() => titleCount(doc.title), null),
  composer: (doc) => attempt(() => composer(doc), null),
};
