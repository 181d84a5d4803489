/**
 * The floor of the read budget: what reading a generated inbox costs a reader that knows its
 * markup exactly and does nothing else. Per row it takes the thread link or id, the name, the
 * preview, the time label and the unread marker with a few `querySelector` calls and
 * `textContent`, trimmed: no fallbacks, no cleaning, no time parsing, no checks. A real page with
 * other markup would defeat it, so DM Desk does not read this way (see README, "Performance": its
 * nearest is Instagram's direct read of rows whose whole text is their known elements, checked
 * row by row, with the general read for any other row); the figure says how much of a read's
 * cost is the DOM itself on the machine measured.
 */
import type { PlatformId, ThreadRow } from '@/utils/platforms/contract';

export interface FloorRow {
  id: string;
  name: string;
  snippet: string;
  time: string;
  unread: boolean;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').trim();
const href = (row: Element): string => row.querySelector('a[href]')?.getAttribute('href') ?? '';

type RowReader = (row: Element) => FloorRow;

const READERS: Record<PlatformId, { rows: string; row: RowReader }> = {
  instagram: {
    rows: '[role="list"] [role="listitem"]',
    row: (row) => {
      const spans = row.querySelectorAll('span[dir="auto"]');
      return { id: href(row), name: text(spans[0]), snippet: text(spans[1]), time: text(row.querySelector('abbr')), unread: !!row.querySelector('[aria-label="Unread"]') };
    },
  },
  messenger: {
    rows: '[role="grid"] [role="row"]',
    row: (row) => {
      const spans = row.querySelectorAll('span[dir="auto"]');
      return { id: href(row), name: text(spans[0]), snippet: text(spans[1]), time: text(row.querySelector('abbr')), unread: !!row.querySelector('[aria-label="Mark as read"]') };
    },
  },
  x: {
    rows: '[role="button"][data-testid^="dm-conversation-item-"]',
    row: (row) => {
      const ltr = row.querySelectorAll('[dir="ltr"]');
      return {
        id: row.getAttribute('data-testid') ?? '',
        name: text(ltr[0]),
        snippet: text(row.querySelector('[dir="auto"]')),
        time: text(ltr[1]),
        unread: !!row.querySelector('[data-testid="dm-conversation-item-unread-badge"]'),
      };
    },
  },
  linkedin: {
    rows: 'li.msg-conversation-listitem',
    row: (row) => ({
      id: href(row),
      name: text(row.querySelector('h3')),
      snippet: text(row.querySelector('.msg-conversation-card__message-snippet')),
      time: text(row.querySelector('time')),
      unread: !!row.querySelector('.notification-badge__count'),
    }),
  },
  tiktok: {
    rows: '[data-e2e="dm-new-conversation-item"]',
    row: (row) => ({
      id: row.querySelector('img')?.getAttribute('src') ?? '',
      name: text(row.querySelector('[data-e2e="dm-new-conversation-nickname"]')),
      snippet: text(row.querySelector('[class*="SpanInfoExtract"]')),
      time: text(row.querySelector('[class*="SpanInfoTime"]')),
      unread: !!row.querySelector('[data-e2e="dm-new-conversation-unread"]'),
    }),
  },
  whatsapp: {
    rows: '[role="listitem"]',
    row: (row) => {
      const titled = row.querySelectorAll('span[title]');
      return {
        id: row.querySelector('img')?.getAttribute('src') ?? '',
        name: text(titled[0]),
        snippet: text(titled[1]),
        time: text(row.querySelector('._ak8i')),
        unread: !!row.querySelector('[aria-label*="unread"]'),
      };
    },
  },
  snapchat: {
    rows: '[role="listitem"]:has([id^="title-"])',
    row: (row) => {
      const title = row.querySelector('[id^="title-"]');
      return {
        id: title?.id ?? '',
        name: text(title),
        snippet: text(row.querySelector('[id^="status-"]')),
        time: row.querySelector('time')?.getAttribute('datetime') ?? '',
        unread: !!row.querySelector('.PqVsZ'),
      };
    },
  },
};

/** The row elements of a generated inbox. */
export function floorRows(platform: PlatformId, doc: Document): NodeListOf<Element> {
  return doc.querySelectorAll(READERS[platform].rows);
}

/** Every row of this page the floor reader finds. */
export function floorRead(platform: PlatformId, doc: Document): FloorRow[] {
  const reader = READERS[platform];
  const rows = floorRows(platform, doc);
  const out: FloorRow[] = [];
  for (let i = 0; i < rows.length; i++) out.push(reader.row(rows[i]!));
  return out;
}

/**
 * '' when the floor reader reads what the adapter read (the same rows, names and unread rows,
 * and no empty field), else what differs: the floor must never be the time of reading nothing.
 */
export function floorMismatch(platform: PlatformId, doc: Document, threads: readonly ThreadRow[]): string {
  const floor = floorRead(platform, doc);
  if (floor.length !== threads.length) return `${floor.length} rows against the adapter's ${threads.length}`;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < floor.length; i++) {
    const [mine, theirs] = [floor[i]!, threads[i]!];
    if (squash(mine.name) !== theirs.name) return `row ${i}: name ${JSON.stringify(mine.name)} against ${JSON.stringify(theirs.name)}`;
    if (mine.unread !== theirs.unread) return `row ${i}: unread ${mine.unread} against ${theirs.unread}`;
    if (!mine.id || !mine.snippet || !mine.time) return `row ${i}: an empty field`;
  }
  return '';
}
