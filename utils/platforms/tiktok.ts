import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { cleanText, hashId, leafTexts, parseCount, textOf, titleCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';
import { attempt, avatarKey, boldAmong, compact, firstOf, q, qaFirst, qFirst, stripYou } from '../dom/read-b';

/**
 * TikTok messages (www.tiktok.com/messages). See PLATFORMS.md § TikTok. data-e2e attributes
 * last for years but were renamed in the 2026 redesign (chat-list-item → dm-new-conversation-item):
 * both generations are read. Rows carry no thread id: ids hash the nickname and the avatar path.
 */

function readTotal(doc: Document): { total: number | null; nav: boolean } {
  const icon = q(doc, '[data-e2e="top-dm-icon"]');
  const own = q(doc, '[data-e2e="dm-total-unread-count"]');
  const total = firstOf([
    () => parseCount(textOf(own)), // total in the messages page, 2024–2026 ("99+" → 99)
    () => parseCount(textOf(q(icon, 'sup'))), // header inbox icon badge, 2021–2026
    () => parseCount(textOf(q(icon, '[class*="Badge"], [class*="Count"]'))), // badge that is not a <sup>
    () => titleCount(doc.title), // "(2) Messages | TikTok"
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
    unread: '[class*="SpanNewMessage"], [class*="UnreadCount"], [class*="BadgeNum"], sup',
  },
] as const;

function listRows(doc: Document): { list: boolean; rows: Element[]; gen: (typeof GENERATIONS)[number] } {
  for (const gen of GENERATIONS) {
    const rows = qaFirst(doc, [gen.row]);
    if (rows.length) return { list: true, rows: rows.slice(0, LIMITS.threads), gen };
  }
  const list = qFirst(doc, [
    '[data-e2e="dm-new-conversation-list"]', // 2026 list (may be empty)
    '[class*="DivConversationListContainer"]', // readable class suffix, 2022–2025
  ]);
  return { list: !!list, rows: [], gen: GENERATIONS[0] };
}

function nameOf(row: Element, gen: (typeof GENERATIONS)[number]): Element | null {
  return qFirst(row, [gen.name, '[data-e2e="dm-new-conversation-nickname"]', '[class*="PInfoNickname"]', '[class*="Nickname"]']);
}

function readRow(row: Element, gen: (typeof GENERATIONS)[number], now: number, bold: boolean): ThreadRow | null {
  const nameElement = nameOf(row, gen);
  const name = firstOf([
    () => textOf(nameElement, LIMITS.name),
    () => cleanText(q(row, 'img[alt]')?.getAttribute('alt'), LIMITS.name),
  ]) ?? '';
  if (!name) return null;
  const id = hashId(name, avatarKey(q(row, 'img'), { pathOnly: true }));

  const timeElement = qFirst(row, ['[class*="SpanInfoTime"]', '[data-e2e*="time"]', '[class*="Time"]', 'time']);
  const time = firstOf([
    () => parseTime(timeElement?.getAttribute('datetime'), now),
    () => parseTime(textOf(timeElement), now),
  ]);
  const countElement = qFirst(row, [gen.unread]);
  const snippetText = firstOf([
    () => textOf(q(row, '[class*="SpanInfoExtract"]')), // 2021–2025
    () => textOf(q(row, '[class*="LastMsg"], [class*="Extract"], [class*="Preview"]')),
    // The row's leaves that are not the name, the time or the count.
    () =>
      leafTexts(row, 10).find(
        (text) => text !== textOf(nameElement) && text !== textOf(timeElement) && text !== textOf(countElement),
      ),
  ]);
  const you = snippetText ? stripYou(snippetText) : null;
  const muted = !!q(row, '[data-e2e*="mute"], [class*="MuteIcon"], [class*="IconMute"]');
  const unread =
    !muted &&
    // Unread marker with a count (data-e2e, 2026; readable class suffix before), else a bold name.
    (!!countElement || bold);
  const unreadCount = countElement ? parseCount(textOf(countElement)) : null;

  return compact({
    id,
    name,
    ...(you?.text ? { snippet: cleanText(you.text, LIMITS.snippet) } : {}),
    unread,
    unreadCount: unread && unreadCount !== null ? unreadCount : undefined,
    // "You: …" is ours; an unread row's last message is theirs; otherwise unknown.
    lastFromMe: you?.fromMe ? true : unread ? false : undefined,
    time: time ?? undefined,
    muted: muted || undefined,
  });
}

function readActive(doc: Document): Contact | null {
  const name = firstOf([
    () => textOf(q(doc, '[data-e2e="dm-new-chat-nickname"]'), LIMITS.name), // 2026
    () => textOf(q(doc, '[data-e2e="chat-nickname"]'), LIMITS.name), // 2021–2025
  ]);
  const handle = firstOf([
    () => textOf(q(doc, '[data-e2e="dm-new-chat-uniqueid"]'), LIMITS.handle),
    () => textOf(q(doc, '[data-e2e="chat-uniqueid"]'), LIMITS.handle), // "@ana.lopez"
  ]);
  return splitName(name, handle ?? undefined);
}

function composer(doc: Document): HTMLElement | null {
  return qFirst<HTMLElement>(doc, [
    '[data-e2e="dm-new-input-editor"] [contenteditable="true"]', // 2026
    '[data-e2e="message-input-area"] .public-DraftEditor-content[contenteditable="true"]', // Draft.js, 2021–2025
    '[data-e2e="message-input-area"] [contenteditable="true"]',
    '[data-e2e="dm-new-chatbox"] [contenteditable="true"]',
  ]);
}

export const tiktok: PlatformAdapter = {
  id: 'tiktok',
  label: 'TikTok',
  matches: hostPatterns('tiktok'),
  maxLength: 6000,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      const missing: string[] = [];
      const { total, nav } = attempt(() => readTotal(doc), { total: null, nav: false });
      if (total === null && !nav) missing.push('unread total');
      if (!/^\/messages(\/|$)/.test(url.pathname)) return { unreadTotal: total, threads: [], active: null, missing };

      const { list, rows, gen } = attempt(() => listRows(doc), { list: false, rows: [] as Element[], gen: GENERATIONS[0] });
      if (!list) missing.push('conversation list');
      const bold = attempt(() => boldAmong(rows.map((row) => nameOf(row, gen))), rows.map(() => false));
      const threads: ThreadRow[] = [];
      rows.forEach((row, i) => {
        const thread = attempt(() => readRow(row, gen, now, bold[i] ?? false), null);
        if (thread) threads.push(thread);
      });
      const chatOpen = !!q(doc, '[data-e2e="dm-new-chatbox"], [data-e2e="chat-nickname"], [data-e2e="message-input-area"]');
      const active = chatOpen ? attempt(() => readActive(doc), null) : null;
      if (chatOpen && !active) missing.push('open conversation');
      if (chatOpen && !attempt(() => composer(doc), null)) missing.push('composer');
      return { unreadTotal: total, threads, active, missing };
    } catch {
      return emptyRead(['page']);
    }
  },
  composer: (doc) => attempt(() => composer(doc), null),
};
