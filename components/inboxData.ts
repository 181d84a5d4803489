import {
  conversationRecordSchema,
  eventRecordSchema,
  platformStateSchema,
  validConversations,
  validEvents,
  validPlatformStates,
} from '@/utils/inbox/records';
import { getDb, type ConversationRecord, type EventRecord, type PlatformStateRecord } from '@/utils/db';
import { PLATFORM_IDS, PLATFORM_LABELS, type PlatformId } from '@/utils/platforms/hosts';
import type { SlaState } from '@/utils/inbox/queue';
import { startOfDay } from '@/utils/inbox/actions';
import { takeFirstRead, takeHead, type RawInbox } from './firstRead';

// Records are checked on the way in with the worker's own schemas (utils/inbox/records.ts): a
// damaged record is skipped and logged, the others still show.

export interface InboxData {
  conversations: ConversationRecord[];
  platforms: PlatformStateRecord[];
  /** 'response' events since local midnight of the load time. */
  responsesToday: Pick<EventRecord, 'at' | 'key'>[];
  /**
   * Present while `conversations` hold only the head of the queue (components/firstRead.ts): the
   * queue built from them is the exact beginning of the whole queue, and `complete` says whether
   * it is all of it. Conversations that are not waiting are missing, so "handled today" is unknown.
   */
  head?: { complete: boolean };
}

async function readInbox(now: number): Promise<RawInbox> {
  const since = localMidnight(now);
  const db = await getDb();
  const tx = db.transaction(['conversations', 'platforms', 'events']);
  const [conversations, platforms, events] = await Promise.all([
    tx.objectStore('conversations').getAll(),
    tx.objectStore('platforms').getAll(),
    tx.objectStore('events').index('at').getAll(IDBKeyRange.lowerBound(since)),
  ]);
  await tx.done;
  return { conversations, platforms, events, since };
}

/**
 * One read of everything the popup shows. The popup's first call takes the read its preload
 * script started (components/firstRead.ts); every read is checked here.
 */
export async function loadInbox(now = Date.now()): Promise<InboxData> {
  const raw = (await takeFirstRead()) ?? (await readInbox(now));
  return {
    conversations: validConversations(raw.conversations),
    platforms: validPlatformStates(raw.platforms),
    responsesToday: validEvents(raw.events.filter((e) => (e as { type?: unknown } | null)?.type === 'response')),
  };
}

/**
 * The head of the queue the preload script read, checked, for the first rows; null without one.
 * Damaged records are skipped here without a word: the whole read follows at once and logs them.
 */
export async function loadQueueHead(): Promise<InboxData | null> {
  const raw = await takeHead();
  if (!raw) return null;
  const valid = <T,>(schema: { safeParse(row: unknown): { success: boolean; data?: unknown } }, rows: readonly unknown[]) =>
    rows.flatMap((row) => {
      const parsed = schema.safeParse(row);
      return parsed.success ? [parsed.data as T] : [];
    });
  return {
    conversations: valid<ConversationRecord>(conversationRecordSchema, raw.conversations),
    platforms: valid<PlatformStateRecord>(platformStateSchema, raw.platforms),
    responsesToday: valid<EventRecord>(eventRecordSchema, raw.events.filter((e) => (e as { type?: unknown } | null)?.type === 'response')),
    head: { complete: raw.complete },
  };
}

export const localMidnight = startOfDay;

/**
 * Conversations handled today: distinct conversations with a 'response' event since local midnight
 * (answered, recorded by the background) or marked Done since then (`doneAt`). A conversation both
 * answered and marked done counts once.
 */
export function handledToday(data: InboxData, now: number): number {
  const midnight = localMidnight(now);
  const keys = new Set<string>();
  let unkeyed = 0;
  for (const e of data.responsesToday) {
    if (e.at < midnight) continue;
    if (e.key) keys.add(e.key);
    else unkeyed++;
  }
  for (const c of data.conversations) if (c.doneAt !== undefined && c.doneAt >= midnight) keys.add(c.key);
  return keys.size + unkeyed;
}

export interface ChipCount {
  platform: PlatformId;
  label: string;
  count: number;
  /** No tab shows the platform now: these are its last known numbers. */
  stale: boolean;
  /** ms since the platform was last seen. */
  age: number;
}

/** Per-platform unread (its own total, else its unread rows), in the fixed platform order. */
export function chipCounts(states: readonly PlatformStateRecord[], now: number): ChipCount[] {
  const byId = new Map(states.map((s) => [s.platform, s]));
  const out: ChipCount[] = [];
  for (const id of PLATFORM_IDS) {
    const s = byId.get(id);
    if (!s) continue;
    out.push({
      platform: id,
      label: PLATFORM_LABELS[id],
      count: s.unreadTotal ?? s.unreadRows,
      stale: s.tabs.length === 0,
      age: Math.max(0, now - s.lastSeen),
    });
  }
  return out;
}

/** "LinkedIn: conversation list not found", one line per platform that could not be read fully. */
export function healthLines(states: readonly PlatformStateRecord[]): { platform: PlatformId; text: string }[] {
  return chipCounts(states, 0)
    .map(({ platform, label }) => ({ platform, label, missing: states.find((s) => s.platform === platform)?.missing ?? [] }))
    .filter((s) => s.missing.length > 0)
    .map(({ platform, label, missing }) => ({ platform, text: `${label}: ${missing.join(', ')} not found` }));
}

/** "just now", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatWait(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Compact age for stale chips: "5m", "2h", "3d". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 1)}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

export const SLA_TEXT: Record<SlaState, string> = { overdue: 'Overdue', soon: 'Due soon', ok: 'On time' };
