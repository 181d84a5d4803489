import type { ConversationRecord, EventRecord, PlatformStateRecord } from '../db';
import type { InboxRead, PlatformId, ThreadRow } from '../platforms/contract';
import { hashId } from '../dom/text';

/**
 * The snapshot merge, pure: what one tab of a platform shows, folded into the stored records.
 * store.ts runs it inside one IndexedDB transaction, so concurrent snapshots cannot interleave.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const conversationKey = (platform: PlatformId, threadId: string): string => `${platform}:${threadId}`;

export interface MergeContext {
  platform: PlatformId;
  now: number;
  /** settings.storePreviews: false drops snippets (and forgets stored ones). */
  storePreviews: boolean;
}

export interface ConversationMerge {
  record: ConversationRecord;
  /** A wait that ended with this snapshot, for the response-time medians. */
  response?: EventRecord;
  /** The conversation started waiting with this snapshot. */
  started: boolean;
}

/** Waiting for our reply, from what the row shows (done and snooze are the queue's business). */
export function rowWaits(row: Pick<ThreadRow, 'unread' | 'lastFromMe' | 'muted'>): boolean {
  return !row.muted && (row.unread || row.lastFromMe === false);
}

/** Which last message the row shows: preview text and who sent it (not when: labels drift). */
export function rowDigest(row: Pick<ThreadRow, 'snippet' | 'lastFromMe'>): string {
  return hashId(row.snippet ?? '', row.lastFromMe === undefined ? '?' : String(row.lastFromMe));
}

/**
 * Relative labels drift between reads ("59m" → "1h" → "2h") although nothing happened. When the
 * row's last message is unchanged, a new reading replaces the stored time only when it is later
 * by more than the label's resolution.
 */
export function mergeTime(previous: number | undefined, next: number | undefined, changed: boolean, now: number): number | undefined {
  if (next === undefined) return previous;
  const clamped = Math.min(next, now);
  if (previous === undefined || changed) return clamped;
  const age = now - clamped;
  const resolution = age < HOUR ? 2 * MINUTE : age < DAY ? HOUR + MINUTE : DAY + MINUTE;
  return clamped > previous + resolution ? clamped : previous;
}

export function mergeConversation(previous: ConversationRecord | undefined, row: ThreadRow, ctx: MergeContext): ConversationMerge {
  const { platform, now } = ctx;
  const key = conversationKey(platform, row.id);
  const digest = rowDigest(row);
  const changed = previous?.digest !== digest;
  const time = mergeTime(previous?.time, row.time, changed, now);

  // Done holds until newer activity: the row's time moves past it, it turns unread again, or the
  // other side wrote after our last message.
  let doneAt = previous?.doneAt;
  if (
    doneAt !== undefined &&
    previous &&
    ((row.unread && !previous.unread) ||
      (time !== undefined && time > doneAt) ||
      (row.lastFromMe === false && previous.lastFromMe === true))
  ) {
    doneAt = undefined;
  }
  const reopened = previous?.doneAt !== undefined && doneAt === undefined;

  let waitingSince = previous?.waitingSince ?? null;
  let started = false;
  let response: EventRecord | undefined;
  if (rowWaits(row)) {
    if (waitingSince === null || reopened) {
      // The wait began with the message the row shows when its time is new to us, else now.
      const fresh = time !== undefined && (previous === undefined || previous.time === undefined || time > previous.time);
      waitingSince = fresh ? time : now;
      started = true;
    }
  } else if (waitingSince !== null) {
    const start = waitingSince;
    waitingSince = null;
    if (!row.muted) {
      // Answered (our message is last: its time when known) or read. Marked done before that?
      // Then it was handled at the Done time.
      let at = row.lastFromMe === true && time !== undefined && time >= start ? time : now;
      const markedDone = previous?.doneAt;
      if (markedDone !== undefined && markedDone >= start) at = Math.min(at, markedDone);
      response = { type: 'response', platform, key, start, at: Math.max(at, start) };
    }
  }

  const record: ConversationRecord = {
    key,
    platform,
    threadId: row.id,
    name: row.name || previous?.name || '',
    unread: row.unread,
    firstSeen: previous?.firstSeen ?? now,
    lastSeen: now,
    waitingSince,
    digest,
  };
  if (row.handle !== undefined) record.handle = row.handle;
  if (ctx.storePreviews && row.snippet !== undefined) record.snippet = row.snippet;
  const url = row.url ?? previous?.url;
  if (url !== undefined) record.url = url;
  if (row.unreadCount !== undefined) record.unreadCount = row.unreadCount;
  if (row.lastFromMe !== undefined) record.lastFromMe = row.lastFromMe;
  if (row.muted !== undefined) record.muted = row.muted;
  if (time !== undefined) record.time = time;
  if (doneAt !== undefined) record.doneAt = doneAt;
  if (previous?.snoozedUntil !== undefined) record.snoozedUntil = previous.snoozedUntil;
  return { record, ...(response ? { response } : {}), started };
}

/** Unread rows the platform shows, for platforms without a counter of their own. */
export function unreadRows(read: InboxRead): number {
  return read.threads.filter((t) => t.unread && !t.muted).length;
}

/** The platform's state after one of its tabs reported `read`. Several tabs count once. */
export function mergePlatformState(
  previous: PlatformStateRecord | undefined,
  platform: PlatformId,
  tabId: number | undefined,
  url: string,
  read: InboxRead,
  now: number,
): PlatformStateRecord {
  const tabs = new Set(previous?.tabs ?? []);
  if (tabId !== undefined) tabs.add(tabId);
  return {
    platform,
    unreadTotal: read.unreadTotal,
    unreadRows: unreadRows(read),
    lastSeen: now,
    tabs: [...tabs].sort((a, b) => a - b),
    missing: [...read.missing],
    active: read.active,
    url,
  };
}

/** Rows of one snapshot, one per thread id (the first, i.e. topmost, wins). */
export function uniqueRows(read: InboxRead): ThreadRow[] {
  const seen = new Set<string>();
  const rows: ThreadRow[] = [];
  for (const row of read.threads) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  return rows;
}
