import { getDb } from '../db';

/** Bounds on what the inbox keeps (run from the alarm, not per snapshot). */
export const PRUNE = {
  /** Conversations not seen for this long go. */
  conversationMaxAgeMs: 30 * 24 * 60 * 60_000,
  /** At most this many conversations are kept, the least recently seen go first. */
  maxConversations: 10_000,
  /** Usage and response events older than this go. */
  eventMaxAgeMs: 90 * 24 * 60 * 60_000,
} as const;

export interface PruneResult {
  conversations: number;
  events: number;
}

export async function prune(now = Date.now(), limits: { maxConversations?: number } = {}): Promise<PruneResult> {
  const maxConversations = limits.maxConversations ?? PRUNE.maxConversations;
  const db = await getDb();
  const tx = db.transaction(['conversations', 'events'], 'readwrite');
  const conversations = tx.objectStore('conversations');
  const events = tx.objectStore('events');
  let removed = 0;

  // Unseen for 30 days: everything below the cut-off on the lastSeen index.
  let cursor = await conversations.index('lastSeen').openCursor(IDBKeyRange.upperBound(now - PRUNE.conversationMaxAgeMs, true));
  while (cursor) {
    await cursor.delete();
    removed++;
    cursor = await cursor.continue();
  }
  // Over the cap: the oldest lastSeen first.
  let excess = (await conversations.count()) - maxConversations;
  if (excess > 0) {
    let oldest = await conversations.index('lastSeen').openCursor();
    while (oldest && excess > 0) {
      await oldest.delete();
      removed++;
      excess--;
      oldest = await oldest.continue();
    }
  }

  let eventsRemoved = 0;
  let old = await events.index('at').openCursor(IDBKeyRange.upperBound(now - PRUNE.eventMaxAgeMs, true));
  while (old) {
    await old.delete();
    eventsRemoved++;
    old = await old.continue();
  }
  await tx.done;
  return { conversations: removed, events: eventsRemoved };
}
