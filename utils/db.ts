import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Contact, PlatformId } from './platforms/contract';
import type { Reply } from './replies/model';
import { DB_NAME, DB_VERSION } from './db-name';

/** One conversation of the cross-network inbox, key `platform:threadId`. */
export interface ConversationRecord {
  key: string;
  platform: PlatformId;
  threadId: string;
  name: string;
  handle?: string;
  snippet?: string;
  url?: string;
  unread: boolean;
  unreadCount?: number;
  lastFromMe?: boolean;
  muted?: boolean;
  /** Last activity as the platform showed it (epoch ms, never in the future). */
  time?: number;
  /**
   * Fingerprint of the last message as the row showed it (a hash of preview + who sent it), so a
   * new message is told apart from a relative time label drifting ("3h" → "4h") without keeping
   * the preview itself when previews are off.
   */
  digest?: string;
  firstSeen: number;
  lastSeen: number;
  /** When it started waiting for our reply; null while it is not waiting. */
  waitingSince: number | null;
  /** Marked done at this time; holds until newer activity. */
  doneAt?: number;
  snoozedUntil?: number;
}

/** What is known of one platform: its own totals, its tabs, its health. */
export interface PlatformStateRecord {
  platform: PlatformId;
  /** The platform's own counter; null when it shows none. */
  unreadTotal: number | null;
  /** Unread rows seen, used when the platform has no counter. */
  unreadRows: number;
  lastSeen: number;
  /** Tabs currently showing this platform; empty = stale numbers (kept, shown with `lastSeen`). */
  tabs: number[];
  /** Parts the adapter expected but did not find on the last read. */
  missing: string[];
  active: Contact | null;
  url?: string;
}

/** Usage and response-time events (bounded, pruned with the inbox). */
export interface EventRecord {
  id?: number;
  type: 'reply-used' | 'response';
  at: number;
  platform?: PlatformId;
  key?: string;
  replyId?: string;
  /** For responses: when the wait started. */
  start?: number;
}

export interface DmDeskDB extends DBSchema {
  replies: { key: string; value: Reply; indexes: { updatedAt: number } };
  conversations: {
    key: string;
    value: ConversationRecord;
    /**
     * `waitingSince` orders the queue (queue.ts sorts by it). A record whose value is null is not
     * in that index (null is no IndexedDB key): merge.ts sets it whenever a row waits (unread, or
     * the other side wrote last, and not muted) and clears it when the wait ends, so every waiting
     * conversation is in it, in queue order, with done and snoozed ones among them.
     */
    indexes: { platform: PlatformId; lastSeen: number; waitingSince: number };
  };
  platforms: { key: PlatformId; value: PlatformStateRecord };
  events: { key: number; value: EventRecord; indexes: { at: number; type: EventRecord['type'] } };
}

export { DB_NAME, DB_VERSION };

/**
 * Versioned upgrades: each step brings a database from the version before it, in order, so any old
 * version reaches the current one (and a new database runs them all).
 */
export function upgrade(
  db: IDBPDatabase<DmDeskDB>,
  oldVersion: number,
  transaction: IDBPTransaction<DmDeskDB, StoreNames<DmDeskDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const replies = db.createObjectStore('replies', { keyPath: 'id' });
    replies.createIndex('updatedAt', 'updatedAt');
    const conversations = db.createObjectStore('conversations', { keyPath: 'key' });
    conversations.createIndex('platform', 'platform');
    conversations.createIndex('lastSeen', 'lastSeen');
    db.createObjectStore('platforms', { keyPath: 'platform' });
    const events = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
    events.createIndex('at', 'at');
    events.createIndex('type', 'type');
  }
  if (oldVersion < 2) {
    // Built by IndexedDB from the records already stored: nothing is rewritten.
    transaction.objectStore('conversations').createIndex('waitingSince', 'waitingSince');
  }
  // The next version's step goes here: if (oldVersion < 3) { … }
}

let opening: Promise<IDBPDatabase<DmDeskDB>> | null = null;

/** The extension's database (one connection per page or worker). */
export function getDb(): Promise<IDBPDatabase<DmDeskDB>> {
  opening ??= openDB<DmDeskDB>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, transaction) => upgrade(db, oldVersion, transaction),
    blocking: () => {
      // A newer version wants the database: close so it can upgrade, reopen on next use.
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

/** For tests and "Delete all data": forget the cached connection. */
export async function closeDb(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current).close();
}
