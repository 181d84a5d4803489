import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { cleanText, textOf, titleCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';
import { attempt, boldAmong, compact, firstOf, q, qa, qaFirst, qFirst } from '../dom/read-b';

/**
 * Snapchat for web (www.snapchat.com/web, web.snapchat.com). See PLATFORMS.md § Snapchat.
 * No test ids and hashed class names: rows are found by role and by the `title-<uuid>` /
 * `status-<uuid>` ids, which also give the conversation id. Status words are English only, so
 * unread also has a structural fallback.
 */
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

// Status words (English UI). "New Chat"/"New Snap" = unread; ours: Delivered/Opened/Sent…;
// "Received" = their message, seen.
const UNREAD_STATUS = /^new\b/i;
const OURS_STATUS = /^(delivered|opened|sent|sending|screenshotted|replayed|saved)\b/i;
const THEIRS_STATUS = /^(received|new\b)/i;

function listRows(doc: Document): { list: boolean; rows: Element[] } {
  const list = qFirst(doc, [
    '[role="list"][aria-label="Friends Feed"]', // 2023–2026 (English label)
    '[role="list"]:has([aria-labelledby^="title-"])',
  ]) ?? qa(doc, '[role="list"]').find((l) => !!q(l, '[id^="title-"]')) ?? null;
  const rows = qaFirst(list, ['[role="listitem"]']);
  // The first list item can be the carousel of friend buttons, not a chat: keep rows with a title- id.
  const chats = (rows.length ? rows : qa(doc, '[aria-labelledby^="title-"]')).filter((row) => !!q(row, '[id^="title-"]') || row.id.startsWith('title-'));
  return { list: !!list, rows: chats.slice(0, LIMITS.threads) };
}

function uuidOf(row: Element): string | null {
  return firstOf([
    () => q(row, '[id^="title-"]')?.id.match(UUID)?.[1],
    () => q(row, '[aria-labelledby^="title-"]')?.getAttribute('aria-labelledby')?.match(UUID)?.[1],
    () => q(row, '[id^="status-"]')?.id.match(UUID)?.[1],
  ]);
}

/** Status words without the time ("Received · 5m" → "Received"). */
function statusOf(row: Element, uuid: string): { element: Element | null; word: string } {
  const element = q(row, `[id="status-${uuid}"]`);
  if (!element) return { element: null, word: '' };
  const times = qa(element, 'time').map((t) => textOf(t));
  let text = textOf(element);
  for (const t of times) if (t) text = text.replace(t, ' ');
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

function readThreads(doc: Document, now: number): { list: boolean; threads: ThreadRow[] } {
  const { list, rows } = listRows(doc);
  const ids = rows.map((row) => attempt(() => uuidOf(row), null));
  const statuses = rows.map((row, i) => (ids[i] ? attempt(() => statusOf(row, ids[i]!), { element: null, word: '' }) : { element: null, word: '' }));
  const depths = statuses.map((s) => attempt(() => statusDepth(s.element), 0));
  const shallowest = depths.length ? Math.min(...depths) : 0;
  const bold = attempt(() => boldAmong(rows.map((row, i) => (ids[i] ? q(row, `[id="title-${ids[i]}"]`) : null))), rows.map(() => false));

  const threads: ThreadRow[] = [];
  rows.forEach((row, i) => {
    const thread = attempt((): ThreadRow | null => {
      const id = ids[i];
      if (!id) return null;
      const name = textOf(q(row, `[id="title-${id}"]`), LIMITS.name);
      const { word } = statuses[i]!;
      const known = UNREAD_STATUS.test(word) || OURS_STATUS.test(word) || THEIRS_STATUS.test(word);
      const unread = known
        ? UNREAD_STATUS.test(word) // English status words
        : // Other languages: an unread row's status words sit one wrapper deeper, or the name is bold.
          depths[i]! > shallowest || !!bold[i];
      const timeElement = q(row, 'time');
      const time = firstOf([
        () => parseTime(timeElement?.getAttribute('datetime'), now), // exact timestamp, 2024–2026
        () => parseTime(textOf(timeElement), now),
      ]);
      return compact({
        id,
        name,
        unread,
        lastFromMe: OURS_STATUS.test(word) ? true : THEIRS_STATUS.test(word) || unread ? false : undefined,
        time: time ?? undefined,
      });
    }, null);
    if (thread) threads.push(thread);
  });
  return { list, threads };
}

function readActive(doc: Document): Contact | null {
  const open = q(doc, '[id^="cv-"]');
  const uuid = open?.id.match(UUID)?.[1];
  if (!uuid) return null;
  const name = firstOf([
    // The list row of the open conversation.
    () => textOf(q(doc, `[id="title-${uuid}"]`), LIMITS.name),
    // Message group headers in the conversation that are not ours ("Me").
    () => qa(open, 'header').map((h) => textOf(h, LIMITS.name)).find((t) => t && !/^me$/i.test(t)),
  ]);
  return splitName(name);
}

function composer(doc: Document): HTMLElement | null {
  return qFirst<HTMLElement>(doc, [
    // "Send a chat" editor, 2023–2026; no aria-label seen.
    'div[role="textbox"][contenteditable="true"]',
    '[contenteditable="true"][placeholder]',
    'textarea[placeholder]',
  ]);
}

function isChatPage(url: URL): boolean {
  return url.hostname === 'web.snapchat.com' || /^\/web(\/|$)/.test(url.pathname);
}

export const snapchat: PlatformAdapter = {
  id: 'snapchat',
  label: 'Snapchat',
  matches: hostPatterns('snapchat'),
  maxLength: 5000,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      // Only the title carries a total: "(2) Snapchat" (first number).
      const unreadTotal = attempt(() => titleCount(doc.title), null);
      if (!isChatPage(url)) return { unreadTotal, threads: [], active: null, missing: [] };
      const missing: string[] = [];
      const { list, threads } = attempt(() => readThreads(doc, now), { list: false, threads: [] });
      if (!list) missing.push('conversation list');
      const chatOpen = !!attempt(() => q(doc, '[id^="cv-"]'), null);
      const active = chatOpen ? attempt(() => readActive(doc), null) : null;
      if (chatOpen && !active) missing.push('open conversation');
      if (chatOpen && !attempt(() => composer(doc), null)) missing.push('composer');
      return { unreadTotal, threads, active, missing };
    } catch {
      return emptyRead(['page']);
    }
  },
  composer: (doc) => attempt(() => composer(doc), null),
};
