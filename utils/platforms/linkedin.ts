import { emptyRead, LIMITS, type Contact, type InboxRead, type PlatformAdapter, type ThreadRow } from './contract';
import { hostPatterns } from './hosts';
import { absoluteUrl, cleanText, hashId, leafTexts, parseCount, textOf, titleCount } from '../dom/text';
import { parseTime } from '../dom/time';
import { splitName } from '../dom/names';
import { attempt, avatarKey, boldAmong, compact, firstOf, idFromPath, q, qa, qaFirst, qFirst, stripYou } from '../dom/read-b';

/**
 * LinkedIn messaging (www.linkedin.com/messaging/…). See PLATFORMS.md § LinkedIn.
 * Two row generations: until 2026 rows link to /messaging/thread/<id>/ and unread rows carry
 * `--unread` modifier classes; the late-2026 rows have no href and only the unread count.
 */
const THREAD_PATH = /\/messaging\/thread\/([^/?#]+)/;

/** The global-nav link to messaging (not a thread link). */
function navLink(doc: Document): Element | null {
  return firstOf<Element>([
    // Global nav, 2019–2026: <a class="global-nav__primary-link" href="…/messaging/?">.
    () => qa(doc, '#global-nav a[href*="/messaging"], .global-nav a[href*="/messaging"]')[0],
    // Any messaging link that is not a thread (nav moved out of #global-nav in redesigns).
    () => qa(doc, 'a[href*="/messaging"]').find((a) => !THREAD_PATH.test(a.getAttribute('href') ?? '')),
  ]);
}

function readTotal(doc: Document): { total: number | null; nav: boolean } {
  const nav = navLink(doc);
  if (nav) {
    const count = firstOf([
      // Badge count in the nav link, seen 2019–2026.
      () => parseCount(textOf(q(nav, '.notification-badge__count'))),
      // Badge wrapper when the count span is renamed: "3" / "3 new messages" (any language).
      () => parseCount(textOf(q(nav, '[class*="notification-badge"], [class*="badge"]'))),
    ]);
    // The nav is there without a number: LinkedIn hides the badge at zero, but the title's
    // count also includes notifications, so leave it unknown and let the rows speak.
    return { total: count, nav: true };
  }
  // Nav not rendered yet (page still loading): "(2) Messaging | LinkedIn".
  return { total: titleCount(doc.title), nav: false };
}

function listRows(doc: Document): { list: boolean; rows: Element[] } {
  const list = qFirst(doc, [
    'ul.msg-conversations-container__conversations-list', // 2019–2026
    '[class*="msg-conversations-container__conversations-list"]', // modifier / element renamed
    '.msg-conversations-container', // container of the list
  ]);
  const rows = firstOf<Element[]>([
    () => qaFirst(list, ['li.msg-conversation-listitem', '.msg-conversation-listitem']).filter(Boolean),
    // Cards without the list item class: the card's list item, else the card.
    () => qa(doc, '.msg-conversation-card').map((card) => card.closest('li') ?? card),
  ]);
  const unique = rows ? [...new Set(rows)].filter((row) => row.isConnected !== false) : [];
  return { list: !!list || unique.length > 0, rows: unique.slice(0, LIMITS.threads) };
}

function rowName(row: Element): Element | null {
  return qFirst(row, [
    '.msg-conversation-listitem__participant-names', // h3, 2019–2026
    '.msg-conversation-card__participant-names', // card variant
    '[class*="participant-names"]',
  ]);
}

function readRow(row: Element, url: URL, now: number, bold: boolean): ThreadRow | null {
  const nameElement = rowName(row);
  const name = firstOf([
    () => textOf(nameElement, LIMITS.name),
    // Avatar alt is the person's name on LinkedIn ("Ana López").
    () => cleanText(q(row, 'img[alt]')?.getAttribute('alt'), LIMITS.name),
    () => cleanText(leafTexts(row, 1)[0], LIMITS.name),
  ]) ?? '';
  const link = q<HTMLAnchorElement>(row, 'a[href*="/messaging/thread/"]');
  const linkId = idFromPath(link?.getAttribute('href'), THREAD_PATH);
  // /messaging/thread/new/ is an unsent draft, not a conversation.
  if (linkId === 'new') return null;
  const threadId = linkId;
  // Late-2026 rows have no href: a hash of the name and the avatar path.
  const id = threadId ?? hashId(name, avatarKey(q(row, 'img')));
  if (!name && !threadId) return null;

  const rawSnippet = firstOf([
    () => textOf(q(row, '.msg-conversation-card__message-snippet-body')), // 2021–2024 inner body
    () => textOf(q(row, '.msg-conversation-card__message-snippet')), // p, 2019–2026
    () => textOf(q(row, '[class*="message-snippet"]')),
  ]);
  const you = rawSnippet ? stripYou(rawSnippet) : null;

  const timeElement = qFirst(row, ['time.msg-conversation-card__time-stamp', '[class*="time-stamp"]', 'time']);
  const time = firstOf([
    () => parseTime(timeElement?.getAttribute('datetime'), now),
    () => parseTime(textOf(timeElement), now),
  ]);

  const countElement = q(row, '.msg-conversation-card__unread-count, [class*="unread-count"]');
  const unreadCount = countElement ? parseCount(textOf(countElement)) : null;
  const unread =
    // Unread count badge, 2019–2026 (the only marker left in late 2026).
    !!countElement ||
    // `--unread` modifiers on the card or item container, until 2026.
    /--unread\b/.test(row.getAttribute('class') ?? '') ||
    !!q(row, '[class*="--unread"]') ||
    // Screen-reader label (English only; a last word before style).
    !!q(row, '[aria-label*="unread message" i]') ||
    // Bold name compared with the other rows.
    bold;

  return compact({
    id: cleanText(id, LIMITS.id) || hashId(name),
    name,
    ...(you?.text ? { snippet: cleanText(you.text, LIMITS.snippet) } : {}),
    unread,
    unreadCount: unread && unreadCount !== null ? unreadCount : undefined,
    // "You: …" is ours; any other snippet ("Ana: …" or bare) is theirs.
    lastFromMe: you ? you.fromMe : undefined,
    time: time ?? undefined,
    url: threadId ? absoluteUrl(link?.getAttribute('href'), url) : undefined,
  });
}

function readThreads(doc: Document, url: URL, now: number): { list: boolean; threads: ThreadRow[] } {
  const { list, rows } = listRows(doc);
  const bold = attempt(() => boldAmong(rows.map(rowName)), rows.map(() => false));
  const threads: ThreadRow[] = [];
  rows.forEach((row, i) => {
    const thread = attempt(() => readRow(row, url, now, bold[i] ?? false), null);
    if (thread) threads.push(thread);
  });
  return { list, threads };
}

function readActive(doc: Document): Contact | null {
  const header = qFirst(doc, [
    '.msg-entity-lockup__entity-title', // thread header, 2020–2026
    '.msg-overlay-bubble-header__title', // messaging overlay bubble
    '.msg-thread__link-to-profile', // header link to the profile
  ]);
  const name = firstOf([
    () => textOf(header, LIMITS.name),
    // The other side's message group names (ours are marked --self / lack --other).
    () => textOf(q(doc, '.msg-s-event-listitem--other .msg-s-message-group__name'), LIMITS.name),
    // Selected row of the list.
    () => {
      const selected = q(doc, '.msg-conversations-container__convo-item-link--active');
      const row = selected?.closest('li') ?? selected;
      return row ? textOf(rowName(row), LIMITS.name) : null;
    },
  ]);
  // Profile link in the thread header: /in/<handle>/.
  const profile = qFirst(doc, ['.msg-thread a[href*="/in/"]', '.msg-entity-lockup a[href*="/in/"]', 'a.msg-thread__link-to-profile[href*="/in/"]']);
  const handle = idFromPath(profile?.getAttribute('href'), /\/in\/([^/?#]+)/) ?? undefined;
  return splitName(name, handle);
}

function composer(doc: Document): HTMLElement | null {
  return qFirst<HTMLElement>(doc, [
    // Plain contenteditable with <p> children, 2019–2026.
    'div.msg-form__contenteditable[contenteditable="true"][role="textbox"]',
    '.msg-form__contenteditable[contenteditable="true"]',
    '.msg-form [contenteditable="true"][role="textbox"]',
    'form[class*="msg-form"] [contenteditable="true"]',
  ]);
}

export const linkedin: PlatformAdapter = {
  id: 'linkedin',
  label: 'LinkedIn',
  matches: hostPatterns('linkedin'),
  maxLength: 8000,
  read(doc, url, now = Date.now()): InboxRead {
    try {
      const missing: string[] = [];
      const { total, nav } = attempt(() => readTotal(doc), { total: null, nav: false });
      if (total === null && !nav) missing.push('unread total');
      if (!/^\/messaging(\/|$)/.test(url.pathname)) return { unreadTotal: total, threads: [], active: null, missing };

      const { list, threads } = attempt(() => readThreads(doc, url, now), { list: false, threads: [] });
      if (!list) missing.push('conversation list');
      const openId = idFromPath(url.pathname, THREAD_PATH);
      const threadOpen = (!!openId && openId !== 'new') || !!q(doc, '.msg-s-message-list, .msg-thread');
      const active = threadOpen ? attempt(() => readActive(doc), null) : null;
      if (threadOpen && !active) missing.push('open conversation');
      if (threadOpen && !attempt(() => composer(doc), null)) missing.push('composer');
      return { unreadTotal: total, threads, active, missing };
    } catch {
      return emptyRead(['page']);
    }
  },
  composer: (doc) => attempt(() => composer(doc), null),
};
