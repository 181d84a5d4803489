import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { cleanText, firstTextLeaf, parseCount, textOf, titleCount, toAsciiDigits } from '../dom/text';
import { textBlocks } from '../dom/read';
import { splitName } from '../dom/names';
import {
  all,
  attempt,
  commonRoot,
  firstOf,
  labelledCount,
  ownerRow,
  perRow,
  q,
  qa,
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
 * WhatsApp Web (web.whatsapp.com). See PLATFORMS.md § WhatsApp. No per-thread URL and no nav
 * counter: ids are hashes of name + avatar path, the total is the title's "(n)" when shown.
 * data-testid attributes were removed from most of the UI in 2023–2024: each part keeps them
 * first and falls back to roles, `span[title]` and `data-icon`.
 */

function listRows(doc: Document): { pane: Element | null; rows: Element[] } {
  const pane = qFirst(doc, [
    '#pane-side', // side pane, 2019–2026
    '[aria-label="Chat list"]', // English label of the grid/list (localised elsewhere)
    // Without the pane's id, in any language: the chat list's grid, which counts its rows (the
    // open chat's messages are an application region, not a grid).
    '[role="grid"][aria-rowcount]',
  ]);
  const found = qaFirst(pane, [
    '[role="listitem"]', // 2024–2026
    '[role="row"]', // 2022–2023 grid
    '[data-testid="cell-frame-container"]', // until 2023
  ]);
  // Rows inside another row (the 2024 listitem holds a role=row) are parts of it. The walk up
  // stops at the pane; whether the pane itself sits in a row is asked once.
  const paneInRow = !!pane?.closest('[role="listitem"], [role="row"]');
  const rows = found.filter((row) => {
    for (let node = row.parentElement; node; node = node.parentElement) {
      if (node === pane) return !paneInRow;
      const role = node.getAttribute('role');
      if (role === 'listitem' || role === 'row') return false;
    }
    return true;
  });
  return { pane, rows: rows.slice(0, LIMITS.threads) };
}

/**
 * Test ids a row is read with: until 2023, and again 2025–2026 (cell-frame-primary-detail holds
 * the time; cell-frame-secondary, the time until 2023, is then the preview line with the badges).
 */
const TEST_IDS = ['cell-frame-title', 'cell-frame-primary-detail', 'cell-frame-secondary', 'last-msg-status', 'icon-unread-count'] as const;
type TestId = (typeof TEST_IDS)[number];

/** Row marks from icons (one pass over the list's data-icon, test ids and svg titles, not queries per row). */
interface Icons {
  // The "Archived" entry at the top of the list is not a chat.
  archived: boolean;
  muted: boolean;
  // Our last message shows delivery ticks next to the preview (status-check / status-dblcheck /
  // msg-dblcheck, and status-time while sending); media icons (status-image, status-ptt) are both sides'.
  ticks: boolean;
}

/**
 * Mute and tick marks by icon name, from a data-icon, a data-testid or (2025–2026, no data-icon
 * on them) an `<svg><title>`: the bell is muted / mute-notifications-refreshed / ic-notifications-off
 * (never unmute-…), the ticks wds-ic-read / wds-ic-delivered (seen), -sent / -pending (expected).
 * Other wds-ic-* icons (media, disappearing messages) are both sides'.
 */
const MUTE = /^mute|^(wds-)?ic-notifications-off/;
const TICK = /^(wds-)?ic-(read|delivered|sent|pending|msg-time|(msg-)?(dbl)?check)$/;
function nameMark(name: string): 'muted' | 'ticks' | null {
  return MUTE.test(name) ? 'muted' : TICK.test(name) ? 'ticks' : null;
}

interface Parts {
  testIds: Partial<Record<TestId, Element>>[];
  icons: Icons[];
  names: (Element | null)[];
  previews: (Element | null)[];
  badges: (Element | null)[];
  time: (label: string | null | undefined) => number | undefined;
}

// English aria-label of the unread count badge.
const ENGLISH_BADGE = 'span[aria-label*="unread message" i]';

/** Whether a row of the list carries the English badge (one page, one language). */
function anyEnglishBadge(rows: Element[]): boolean {
  const index = rowIndex(rows);
  const found = all(commonRoot(rows), ENGLISH_BADGE);
  for (let k = 0; k < found.length; k++) if (ownerRow(index, found[k]!) !== undefined) return true;
  return false;
}

const COUNT = /^\d{1,6}\+?$/;

/**
 * The unread badge of a row's aria-colindex="1" cell, whatever its aria-label says. The cell holds
 * one `span > div > span` per mark, 2022–2026: the pin and mute icons (`data-icon`) and the badge.
 * The badge is a span without data-icon whose text is a count; else (a chat marked unread by hand,
 * 2025–2026) an empty span in that place with nothing inside. Spans holding anything (an icon's
 * svg, an image, a nested icon), spans inside an icon, and the cell's empty placeholder spans (no
 * slot span around them) are never badges. Wrappers added around any of these change nothing.
 */
function cellBadge(cell: Element): Element | null {
  let empty: Element | null = null;
  // A walk down the cell (six levels at most), past icons whole, knowing whether a slot span is above.
  const visit = (parent: Element, slotted: boolean, depth: number): Element | null => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (el.hasAttribute('data-icon')) continue;
      const span = el.tagName === 'SPAN';
      if (el.firstElementChild) {
        const found = depth < 6 ? visit(el, slotted || span, depth + 1) : null;
        if (found) return found;
        continue;
      }
      if (!span || !slotted) continue;
      const text = cleanText(el.textContent);
      if (!text) empty ??= el;
      else if (COUNT.test(toAsciiDigits(text))) return el;
    }
    return null;
  };
  return visit(cell, false, 0) ?? empty;
}

/** The parts of these rows (all of the list's, or the ones changed since the last read). */
function readParts(rows: Element[], now: number, dateOrder: 'mdy' | 'dmy', anyEnglish: boolean): Parts {
  const index = rowIndex(rows);
  // One row is its own root (its look-ups stay inside it).
  const root = rows.length === 1 ? rows[0]! : commonRoot(rows);
  const testIds: Partial<Record<TestId, Element>>[] = rows.map(() => ({}));
  const icons: Icons[] = rows.map(() => ({ archived: false, muted: false, ticks: false }));
  const withTestId = all(root, '[data-testid]');
  for (let k = 0; k < withTestId.length; k++) {
    const element = withTestId[k]!;
    const id = element.getAttribute('data-testid') as TestId;
    const wanted = (TEST_IDS as readonly string[]).includes(id);
    const mark = wanted ? null : nameMark(id); // "muted" until 2023, mute-notifications-refreshed 2025–2026
    const row = wanted || mark ? ownerRow(index, element) : undefined;
    if (row === undefined) continue;
    if (mark) icons[row]![mark] = true;
    else testIds[row]![id] ??= element;
  }
  const withIcon = all(root, '[data-icon]');
  for (let k = 0; k < withIcon.length; k++) {
    const element = withIcon[k]!;
    const icon = element.getAttribute('data-icon') ?? '';
    const row = ownerRow(index, element);
    if (row === undefined) continue;
    const marks = icons[row]!;
    if (icon === 'archived' || icon === 'archive-refreshed') marks.archived = true;
    if (icon.includes('check') || icon === 'status-time' || icon === 'msg-time') marks.ticks = true;
    const mark = nameMark(icon);
    if (mark) marks[mark] = true;
  }
  // 2025–2026 icons are svgs named by their <title> alone (68 rows measured: ticks on our 6; the
  // media symbol beside the preview is both sides', and named otherwise).
  const titles = all(root, 'svg > title');
  for (let k = 0; k < titles.length; k++) {
    const mark = nameMark((titles[k]!.textContent ?? '').trim());
    const row = mark ? ownerRow(index, titles[k]!) : undefined;
    if (row !== undefined) icons[row]![mark!] = true;
  }

  // The name span: the first `span[title]` of the title cell (the preview is also a span[title]).
  const names = rows.map((_, i) => q<Element>(testIds[i]!['cell-frame-title'], 'span[title]')); // until 2023
  if (names.some((name) => !name)) {
    // 2023–2026 title cell: a descendant selector, so one query of the list rather than per row.
    const cells = perRow(root, index, '[role="gridcell"][aria-colindex="2"] span[title]');
    rows.forEach((row, i) => {
      // Else the first titled span of the row is the name; without titles, the row's first text
      // (the avatar before it has none).
      names[i] ??= cells[i] ?? q<Element>(row, 'span[dir="auto"][title]') ?? firstTextLeaf(row);
    });
  }

  // The preview: a titled span after the name (titles wrap it in bidi marks; cleanText drops them).
  const previews = rows.map((_, i) => q<Element>(testIds[i]!['last-msg-status'], 'span[title]')); // until 2023
  if (previews.some((preview) => !preview)) {
    const titled = perRow(root, index, 'span[title]', (span, i) => {
      const name = names[i];
      return span !== name && !name?.contains(span) && !span.contains(name ?? null);
    });
    previews.forEach((preview, i) => (previews[i] = preview ?? titled[i] ?? null));
  }

  const badges: (Element | null)[] = rows.map((_, i) => testIds[i]!['icon-unread-count'] ?? null); // until 2023
  const english = perRow(root, index, ENGLISH_BADGE);
  // Any language: a number whose aria-label repeats it ("2" / "2 mensajes no leídos"); not needed
  // when the English label is in the list (one page, one language).
  const labelled = anyEnglish ? [] : perRow(root, index, 'span[aria-label]', (span) => labelledCount(span) !== null);
  badges.forEach((badge, i) => (badges[i] = badge ?? english[i] ?? labelled[i] ?? null));
  // Any language, by place (2025–2026 builds label the badge "Unread" / "Não lidas" / "Da leggere"
  // with the number as text only, and a chat marked unread by hand shows it empty): the badge of
  // the row's aria-colindex="1" cell. One attribute query of the list, for the rows still without.
  if (badges.some((badge) => !badge)) {
    const cells = all(root, '[aria-colindex="1"]');
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!;
      const row = ownerRow(index, cell);
      if (row !== undefined && !badges[row]) badges[row] = cellBadge(cell);
    }
  }

  return { testIds, icons, names, previews, badges, time: timeReader(now, { dateOrder }) };
}

/**
 * The time on the name's line (2023–2026: [name cell][time cell]): the first cell after the name's
 * reading as a time. Cells after the name's own cell first, then after its wrappers', up to the
 * line: never past an element holding the preview (the row's second line).
 */
function lineTime(row: Element, nameSpan: Element, preview: Element | null, time: (label: string) => number | undefined): string | undefined {
  let from = nameSpan.parentElement;
  for (let depth = 0; from && from !== row && depth < 4; depth++, from = from.parentElement) {
    for (let cell = from.nextElementSibling; cell; cell = cell.nextElementSibling) {
      if (preview && cell.contains(preview)) break;
      const text = textOf(cell);
      if (text && time(text) !== undefined) return text;
    }
    if (preview && from.parentElement?.contains(preview)) break;
  }
  return undefined;
}

/**
 * The preview when no titled span holds it (titles dropped): the row's first text after the name
 * that is not the time or a count, with the pieces beside it ("Lena: " and the message), up to
 * the element that would also hold the name or the badges' cell.
 */
function untitledPreview(row: Element, nameSpan: Element | null, timeText: string | null | undefined): string {
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = cleanText(node.nodeValue);
    if (!parent || !text || nameSpan?.contains(parent) || parent.closest('script, style, svg, [aria-colindex="1"]')) continue;
    if (COUNT.test(toAsciiDigits(text)) || (timeText && textOf(parent) === timeText)) continue;
    let preview: Element = parent;
    for (let up = parent.parentElement; up && up !== row; up = up.parentElement) {
      if ((nameSpan && up.contains(nameSpan)) || up.querySelector('[aria-colindex="1"]')) break;
      preview = up;
    }
    return cleanText(textBlocks(preview, 20).join(' '));
  }
  return '';
}

function readRow(row: Element, i: number, parts: Parts): ThreadRow | null {
  const icons = parts.icons[i]!;
  if (icons.archived) return null;
  const nameSpan = parts.names[i] ?? null;
  const name = firstOf([
    () => cleanText(nameSpan?.getAttribute('title'), LIMITS.name),
    // An untitled name: its text, emoji images read as their alt (as the title has them).
    () => cleanText(textBlocks(nameSpan, 10).join(' '), LIMITS.name),
  ]) ?? '';
  if (!name) return null;
  const img = q(row, 'img');
  const preview = parts.previews[i] ?? null;
  // Search results (2026) head their sections ("Chats", "Groups in common") with rows too: text
  // alone, without an avatar (a photo, else a default svg), a title or cells.
  if (!img && !preview && !nameSpan?.hasAttribute('title') && !q(row, 'svg, [role="gridcell"], [data-testid^="cell-frame"]')) return null;
  const id = rowId(name, img);

  // The time's test id: cell-frame-primary-detail 2025–2026 (one scraper's notes swap the two),
  // cell-frame-secondary until 2023, which 2025–2026 is the preview's line: never one holding the preview.
  const ids = parts.testIds[i]!;
  const previewLine = (line: Element | undefined) => !line || [ids['last-msg-status'], preview].some((part) => part && line.contains(part));
  const detail = ids['cell-frame-primary-detail'];
  const secondary = ids['cell-frame-secondary'];
  const timeText = firstOf([
    () => (previewLine(detail) ? undefined : textOf(detail)),
    () => (previewLine(secondary) || parts.time(textOf(secondary)) === undefined ? undefined : textOf(secondary)),
    () => (nameSpan ? lineTime(row, nameSpan, preview, parts.time) : undefined),
  ]);
  const time = timeText ? parts.time(timeText) : undefined;

  const countBadge = parts.badges[i];
  const previewText = preview
    ? cleanText(preview.getAttribute('title') || textBlocks(preview, 20).join(' ')) // no svg <title> names
    : attempt(() => untitledPreview(row, nameSpan, timeText), '');
  const you = previewText ? stripYou(previewText) : null;

  const muted = icons.muted;
  const unreadCount = countBadge ? parseCount(textOf(countBadge)) : null;
  const unread = !!countBadge && !muted;

  // Fields in the order earlier reads had them, undefined ones left out (snapshots compare as JSON).
  const thread = { id, name } as ThreadRow;
  if (you?.text) thread.snippet = cleanText(you.text, LIMITS.snippet);
  thread.unread = unread;
  if (unread && unreadCount !== null) thread.unreadCount = unreadCount;
  // Ticks or "You: " (groups) mean ours; a visible preview without them is theirs.
  if (you) thread.lastFromMe = icons.ticks || you.fromMe;
  if (time !== undefined) thread.time = time;
  if (muted) thread.muted = true;
  return thread;
}

// "Ana, Bob, You" (also with the Arabic "،" and the ideographic "、"): two names or more. A status
// line ("last seen today at 14:02", "typing…") is none, and has no comma, or a clock time.
const LIST_SEPARATOR = /\s*[,،、]\s*/;
function isMemberList(text: string): boolean {
  const names = text.split(LIST_SEPARATOR);
  return names.length >= 2 && names.every((n) => n.length > 0 && n.length <= 60) && !/\d[:.]\d\d/.test(text);
}

/**
 * The open chat's pane: #main (2019–2026), else (a build without the ids) the nearest element
 * around the composer's footer that holds a header: the chat's, not the side pane's. With the side
 * pane's id on the page, no #main means no chat is open: two id look-ups, no page-wide search.
 */
function chatPane(doc: Document): Element | null {
  const main = q(doc, '#main');
  if (main || q(doc, '#pane-side')) return main;
  const footer = composer(doc)?.closest('footer');
  for (let up = footer?.parentElement; up; up = up.parentElement) if (q(up, 'header')) return up;
  return null;
}

/**
 * A group's subtitle while its member list is not there (WAWebHeader.react, 2025–2026: the group
 * subtitle's placeholder is "click here for group info", or "Only admins can send messages" /
 * "Announcements" for announcement groups; a community's subgroup shows the community's name,
 * which no string tells). A one-to-one chat's subtitle is its presence ("online", "last seen
 * today at 14:02", "typing…") or "click here for contact info". English only: the localised
 * strings are not known exactly.
 */
const GROUP_SUBTITLES = new Set(['click here for group info', 'only admins can send messages', 'announcements']);
// Someone named is typing or recording in a group ("Ana is typing…"); a one-to-one chat says
// "typing…" with no name.
const GROUP_TYPING = /^\S.*\s(?:is|are)\s(?:typing|recording audio)(?:…|\.{3})?$/i;
function isGroupSubtitle(text: string): boolean {
  return GROUP_SUBTITLES.has(text.toLowerCase().replace(/[.…]+$/, '')) || GROUP_TYPING.test(text);
}

/**
 * Whether the open chat's row in the list (the selected row, else the row of that name) shows a
 * group's preview: the sender's name in an element of its own before the message ("Lena: " +
 * "standup moved"; "Lena" + ": " in some builds), someone else than us. Any language. A one-to-one
 * chat's preview is the message alone, whose own colon ("Reminder: check-up") is inside its text.
 */
function rowShowsGroup(doc: Document, name: string): boolean {
  const pane = q(doc, '#pane-side') ?? q(doc, '[role="grid"][aria-rowcount]');
  if (!pane) return false;
  const rowName = (row: Element | null) => {
    const span = q(row, '[aria-colindex="2"] span[title]') ?? q(row, 'span[dir="auto"][title]');
    return span && cleanText(span.getAttribute('title'), LIMITS.name) === name ? span : null;
  };
  let row: Element | null = q(pane, '[aria-selected="true"]');
  let nameSpan: Element | null = rowName(row);
  if (!nameSpan) {
    // The row of that name: one query of the list's name spans (the list is virtualised).
    const spans = all(pane, 'span[dir="auto"][title]');
    for (let k = 0; k < spans.length && !nameSpan; k++) {
      if (cleanText(spans[k]!.getAttribute('title'), LIMITS.name) !== name) continue;
      nameSpan = spans[k]!;
      row = nameSpan.closest('[role="row"], [role="listitem"]');
    }
  }
  const own = nameSpan;
  if (!row || !own) return false;
  const preview = qa(row, 'span[title]').find((span) => span !== own && !span.contains(own) && !own.contains(span));
  const first = preview?.firstElementChild;
  const next = first?.nextElementSibling;
  if (!preview || !first || !next) return false;
  const sender = cleanText(preview.getAttribute('title') || preview.textContent).match(/^([^:：]{1,60})[:：]\s/)?.[1]?.trim();
  // Not our own ("You: ", localised) nor an unsent draft ("Draft: ", in a span of its own too).
  if (!sender || /^draft$/i.test(sender) || stripYou(`${sender}: x`).fromMe) return false;
  const head = cleanText(first.textContent);
  return head === `${sender}:` || head === `${sender}：` || (head === sender && /^[:：]/.test(cleanText(next.textContent)));
}

function readActive(doc: Document): Contact | null {
  const main = chatPane(doc);
  if (!main) return null;
  // The name span: the header's first span[dir=auto]. 2024–2026 it has no title (a titled span
  // beside it is a group's member list, "Ana, Bob, You") and shows emoji as <img alt>.
  // Without dir (renamed markup): the header's first element with text of its own, which is the
  // name (the avatar before it has none; a group's member list and "online" come after it).
  const nameSpan = qFirst(main, ['header [role="button"] span[dir="auto"]', 'header span[dir="auto"]']) ?? attempt(() => firstTextLeaf(q(main, 'header')), null);
  const name = firstOf([
    () => textOf(q(main, '[data-testid="conversation-info-header-chat-title"]'), LIMITS.name), // until 2023
    () => cleanText(nameSpan?.getAttribute('title'), LIMITS.name), // 2023: the name span is titled
    // 2024–2026: its text, emoji images read as their alt (the row's title has the raw emoji).
    () => cleanText(textBlocks(nameSpan, 10).join(' '), LIMITS.name),
    // No text in the name span: any titled span[dir=auto] of the header (the earlier read; last,
    // since a group's member list is one).
    () => cleanText(q(main, 'header span[dir="auto"][title]')?.getAttribute('title'), LIMITS.name),
  ]);
  // A group: the header lists its members under the name ("Ana, Bob, You"), or (before the list
  // loads, and always in announcement groups) a group's subtitle: no one to greet by first name
  // ("Weekend hikers" is no "Weekend"). The subtitle is a titled span (2023–2026), else (a build
  // without titles) a text of the header outside the name.
  const group = attempt(() => {
    const titles = qa(main, 'header span[title]')
      .filter((span) => span !== nameSpan)
      .map((span) => cleanText(span.getAttribute('title')))
      .filter((title) => title && title !== name);
    if (titles.some((title) => /,/.test(title) || isGroupSubtitle(title))) return true;
    const nameText = nameSpan?.textContent ?? '';
    const texts = textBlocks(q(main, 'header'), 12).filter((text) => text !== name && !nameText.includes(text));
    return texts.some((text) => isMemberList(text) || isGroupSubtitle(text));
  }, false);
  if (name && (group || attempt(() => rowShowsGroup(doc, name), false))) return { name };
  return splitName(name);
}

function composer(doc: Document): HTMLElement | null {
  return qFirst<HTMLElement>(doc, [
    // Lexical editor in the chat footer, 2023–2026 (data-tab="10").
    '#main footer div[contenteditable]:not([contenteditable="false" i])[role="textbox"]',
    'footer div[contenteditable]:not([contenteditable="false" i])[role="textbox"]',
    '#main footer [contenteditable]:not([contenteditable="false" i])',
    // Never the side pane's search box (also a Lexical contenteditable, data-tab="3").
    '#main div[contenteditable]:not([contenteditable="false" i])[data-tab="10"]',
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
  maxLength: PLATFORM_DM_LIMITS.whatsapp.max,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      const missing: string[] = [];
      // WhatsApp has no unread counter of its own; the title says "(3) WhatsApp" in some builds.
      const unreadTotal = attempt(() => titleCount(doc.title), null);
      const dateOrder = attempt(() => dateOrderOf(doc), 'mdy' as const);
      const { pane, rows } = attempt(() => listRows(doc), { pane: null, rows: [] as Element[] });
      if (!pane) missing.push('conversation list');
      const anyEnglish = attempt(() => anyEnglishBadge(rows), false);
      let parts = new Map<Element, { parts: Parts; i: number }>();
      const threads = readRows(doc, {
        name: 'whatsapp',
        pageKey: url.href,
        now,
        rows,
        element: (row) => row,
        key: () => `${dateOrder}${anyEnglish ? 1 : 0}`,
        // The list-wide look-ups over the rows to parse; a few rows are looked up one by one (a
        // query of the list for them would cost what it costs for every row).
        prepare: (stale) => {
          parts = new Map();
          for (const group of stale.length <= 16 ? stale.map((row) => [row]) : [[...stale]]) {
            const found = attempt(() => readParts(group, now, dateOrder, anyEnglish), null);
            if (found) group.forEach((row, i) => parts.set(row, { parts: found, i }));
          }
        },
        parse: (row) => {
          const at = parts.get(row);
          return at ? attempt(() => readRow(row, at.i, at.parts), null) : null;
        },
      }).filter((row): row is ThreadRow => row !== null);
      const chatOpen = !!attempt(() => chatPane(doc), null);
      const active = chatOpen ? attempt(() => readActive(doc), null) : null;
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
