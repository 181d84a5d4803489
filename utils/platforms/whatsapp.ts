import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { cleanText, hashId, parseCount, textOf, titleCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';
import { attempt, avatarKey, compact, firstOf, labelledCount, q, qa, qaFirst, qFirst, stripYou } from '../dom/read-b';

/**
 * WhatsApp Web (web.whatsapp.com). See PLATFORMS.md § WhatsApp. No per-thread URL and no nav
 * counter: ids are hashes of name + avatar path, the total is the title's "(n)" when shown.
 * data-testid attributes were removed from most of the UI in 2023–2024: each part keeps them
 * first and falls back to roles, `span[title]` and `data-icon`.
 */

function listRows(doc: Document): { list: boolean; rows: Element[] } {
  const pane = qFirst(doc, [
    '#pane-side', // side pane, 2019–2026
    '[aria-label="Chat list"]', // English label of the grid/list (localised elsewhere)
  ]);
  const rows = qaFirst(pane, [
    '[role="listitem"]', // 2024–2026
    '[role="row"]', // 2022–2023 grid
    '[data-testid="cell-frame-container"]', // until 2023
  ]).filter((row) => !row.parentElement?.closest('[role="listitem"], [role="row"]'));
  return { list: !!pane, rows: rows.slice(0, LIMITS.threads) };
}

/** The name span: the first `span[title]` of the title cell (the preview is also a span[title]). */
function nameElement(row: Element): Element | null {
  return qFirst(row, [
    '[data-testid="cell-frame-title"] span[title]', // until 2023
    '[role="gridcell"][aria-colindex="2"] span[title]', // 2023–2026 title cell
    'span[dir="auto"][title]', // first titled span of the row is the name
  ]);
}

function readRow(row: Element, now: number, dateOrder: 'mdy' | 'dmy'): ThreadRow | null {
  // The "Archived" entry at the top of the list is not a chat.
  if (q(row, '[data-icon="archived"], [data-icon="archive-refreshed"]')) return null;
  const nameSpan = nameElement(row);
  const name = firstOf([
    () => cleanText(nameSpan?.getAttribute('title'), LIMITS.name),
    () => textOf(nameSpan, LIMITS.name),
  ]) ?? '';
  if (!name) return null;
  const id = hashId(name, avatarKey(q(row, 'img')));

  // The name's line also holds the time: the cell after the name's cell.
  const nameLine = nameSpan?.parentElement?.parentElement ?? null;
  const timeText = firstOf([
    () => textOf(q(row, '[data-testid="cell-frame-secondary"]')), // until 2023
    () => {
      // 2023–2026: the name's line is [name cell][time cell].
      const cells = nameLine ? Array.from(nameLine.children) : [];
      const after = cells.slice(cells.findIndex((cell) => cell.contains(nameSpan)) + 1);
      return after.map((cell) => textOf(cell)).find((text) => text && parseTime(text, now, { dateOrder }) !== undefined);
    },
  ]);
  const time = timeText ? parseTime(timeText, now, { dateOrder }) : undefined;

  // The preview: a titled span after the name (titles wrap it in bidi marks; cleanText drops them).
  const preview = firstOf([
    () => q(row, '[data-testid="last-msg-status"] span[title]'), // until 2023
    () => qa(row, 'span[title]').find((span) => span !== nameSpan && !nameSpan?.contains(span) && !span.contains(nameSpan)),
  ]);
  const previewText = preview ? cleanText(preview.getAttribute('title') || preview.textContent) : '';
  const you = previewText ? stripYou(previewText) : null;
  // Our last message shows delivery ticks next to the preview (status-check / status-dblcheck /
  // msg-dblcheck, and status-time while sending); media icons (status-image, status-ptt) are both sides'.
  const ticks = !!q(row, '[data-icon*="check"], [data-icon="status-time"], [data-icon="msg-time"]');

  const muted = !!q(row, '[data-icon="muted"], [data-icon^="muted"], [data-testid="muted"]');
  const countBadge = firstOf([
    () => q(row, '[data-testid="icon-unread-count"]'), // until 2023
    () => q(row, 'span[aria-label*="unread message" i]'), // English aria-label
    // Any language: a number whose aria-label repeats it ("2" / "2 mensajes no leídos").
    () => qa(row, 'span[aria-label]').find((span) => labelledCount(span) !== null),
  ]);
  const unreadCount = countBadge ? parseCount(textOf(countBadge)) : null;
  const unread = !!countBadge && !muted;

  return compact({
    id,
    name,
    ...(you?.text ? { snippet: cleanText(you.text, LIMITS.snippet) } : {}),
    unread,
    unreadCount: unread && unreadCount !== null ? unreadCount : undefined,
    // Ticks or "You: " (groups) mean ours; a visible preview without them is theirs.
    lastFromMe: you ? ticks || you.fromMe : undefined,
    time,
    muted: muted || undefined,
  });
}

function readActive(doc: Document): Contact | null {
  const main = q(doc, '#main');
  if (!main) return null;
  const name = firstOf([
    () => textOf(q(main, '[data-testid="conversation-info-header-chat-title"]'), LIMITS.name), // until 2023
    () => cleanText(q(main, 'header span[dir="auto"][title]')?.getAttribute('title'), LIMITS.name),
    () => textOf(q(main, 'header span[dir="auto"]'), LIMITS.name), // 2024–2026
  ]);
  return splitName(name);
}

function composer(doc: Document): HTMLElement | null {
  return qFirst<HTMLElement>(doc, [
    // Lexical editor in the chat footer, 2023–2026 (data-tab="10").
    '#main footer div[contenteditable="true"][role="textbox"]',
    'footer div[contenteditable="true"][role="textbox"]',
    '#main footer [contenteditable="true"]',
    // Never the side pane's search box (also a Lexical contenteditable, data-tab="3").
    '#main div[contenteditable="true"][data-tab="10"]',
  ]);
}

/** Numeric dates follow the UI language: m/d/y for US English, d/m/y almost everywhere else. */
function dateOrderOf(doc: Document): 'mdy' | 'dmy' {
  const lang = (doc.documentElement.getAttribute('lang') || doc.defaultView?.navigator?.language || 'en').toLowerCase();
  return /^(en(-us)?|en-ph|fil|es-us)$/.test(lang) ? 'mdy' : 'dmy';
}

export const whatsapp: PlatformAdapter = {
  id: 'whatsapp',
  label: 'WhatsApp',
  matches: hostPatterns('whatsapp'),
  maxLength: 65536,
  read(doc, _url, now = Date.now()): InboxRead {
    try {
      const missing: string[] = [];
      // WhatsApp has no unread counter of its own; the title says "(3) WhatsApp" in some builds.
      const unreadTotal = attempt(() => titleCount(doc.title), null);
      const dateOrder = attempt(() => dateOrderOf(doc), 'mdy' as const);
      const { list, rows } = attempt(() => listRows(doc), { list: false, rows: [] as Element[] });
      if (!list) missing.push('conversation list');
      const threads: ThreadRow[] = [];
      for (const row of rows) {
        const thread = attempt(() => readRow(row, now, dateOrder), null);
        if (thread) threads.push(thread);
      }
      const chatOpen = !!attempt(() => q(doc, '#main'), null);
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
