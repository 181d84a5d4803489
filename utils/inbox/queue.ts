import type { ConversationRecord } from '../db';
import type { PlatformId } from '../platforms/contract';

/**
 * The cross-network queue, pure: which conversations wait for a reply, how long, how urgent.
 * A conversation is waiting when it is unread or its last message is not ours (lastFromMe ===
 * false; unknown counts as not waiting unless unread), it is not muted, not marked done since its
 * last activity, and not snoozed.
 */
export type SlaState = 'ok' | 'soon' | 'overdue';

export interface QueueItem {
  key: string;
  platform: PlatformId;
  name: string;
  snippet?: string;
  url?: string;
  unread: boolean;
  waitingSince: number;
  waitMs: number;
  sla: SlaState;
}

export interface QueueOptions {
  now: number;
  slaMinutes: number;
  platform?: PlatformId | null;
}

/** Due soon from half the target, overdue past it. */
export function slaState(waitMs: number, slaMinutes: number): SlaState {
  const target = slaMinutes * 60_000;
  if (waitMs >= target) return 'overdue';
  if (waitMs >= target / 2) return 'soon';
  return 'ok';
}

/** When the last activity we know of happened. */
export function lastActivity(c: ConversationRecord): number {
  return c.time ?? c.waitingSince ?? c.firstSeen;
}

export function isWaiting(c: ConversationRecord, now: number): boolean {
  if (c.muted) return false;
  if (!c.unread && c.lastFromMe !== false) return false;
  if (c.doneAt !== undefined && c.doneAt >= lastActivity(c)) return false;
  if (c.snoozedUntil !== undefined && c.snoozedUntil > now) return false;
  return true;
}

export function waitingSince(c: ConversationRecord): number {
  return c.waitingSince ?? c.time ?? c.firstSeen;
}

/** Waiting conversations, oldest waiting first, optionally of one platform. */
export function buildQueue(conversations: Iterable<ConversationRecord>, { now, slaMinutes, platform }: QueueOptions): QueueItem[] {
  const items: QueueItem[] = [];
  for (const c of conversations) {
    if (platform && c.platform !== platform) continue;
    if (!isWaiting(c, now)) continue;
    const since = waitingSince(c);
    const waitMs = Math.max(0, now - since);
    const item: QueueItem = {
      key: c.key,
      platform: c.platform,
      name: c.name,
      unread: c.unread,
      waitingSince: since,
      waitMs,
      sla: slaState(waitMs, slaMinutes),
    };
    if (c.snippet) item.snippet = c.snippet;
    if (c.url) item.url = c.url;
    items.push(item);
  }
  return items.sort((a, b) => a.waitingSince - b.waitingSince || a.key.localeCompare(b.key));
}

const RANK: Record<SlaState, number> = { ok: 0, soon: 1, overdue: 2 };

/** The most urgent state among the items, or null for an empty queue. */
export function mostUrgent(items: readonly QueueItem[]): SlaState | null {
  let worst: SlaState | null = null;
  for (const item of items) if (!worst || RANK[item.sla] > RANK[worst]) worst = item.sla;
  return worst;
}
