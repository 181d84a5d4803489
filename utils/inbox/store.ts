import { getDb, type ConversationRecord, type EventRecord, type PlatformStateRecord } from '../db';
import type { InboxRead, PlatformId } from '../platforms/contract';
import { platformOfUrl } from '../platforms/hosts';
import type { Settings } from '../settings';
import { conversationKey, mergeConversation, mergePlatformState, rowWaits, uniqueRows } from './merge';
import { conversationRecordSchema, platformStateSchema } from './records';

/**
 * The inbox's writes to IndexedDB. Each write is one readwrite transaction that reads what it
 * needs and writes back without awaiting anything else in between, so two snapshots arriving at
 * once (two tabs) are applied one after the other, never half over each other. Nothing is kept in
 * memory: the worker can stop between any two calls.
 */

export interface SnapshotInput {
  platform: PlatformId;
  tabId: number | undefined;
  url: string;
  read: InboxRead;
}

export interface SnapshotResult {
  accepted: boolean;
  /** Keys of conversations that started waiting with this snapshot. */
  started: string[];
  /** The platform had been seen before (a first read of a platform is an import, not news). */
  known: boolean;
}

type SnapshotSettings = Pick<Settings, 'storePreviews' | 'enabledPlatforms'>;

/** A stored record that fails its schema is treated as absent and overwritten. */
function validOrUndefined<T>(schema: { safeParse(v: unknown): { success: boolean } }, value: T | undefined): T | undefined {
  return value !== undefined && schema.safeParse(value).success ? value : undefined;
}

export async function applySnapshot(input: SnapshotInput, settings: SnapshotSettings, now = Date.now()): Promise<SnapshotResult> {
  const { platform, tabId, url, read } = input;
  if (!settings.enabledPlatforms.includes(platform)) return { accepted: false, started: [], known: false };

  const db = await getDb();
  const tx = db.transaction(['conversations', 'platforms', 'events'], 'readwrite');
  const conversations = tx.objectStore('conversations');
  const platforms = tx.objectStore('platforms');
  const events = tx.objectStore('events');
  const rows = uniqueRows(read);

  // Every read is issued at once, inside the transaction.
  const [previousRows, states] = await Promise.all([
    Promise.all(rows.map((row) => conversations.get(conversationKey(platform, row.id)))),
    platforms.getAll(),
  ]);

  const ctx = { platform, now, storePreviews: settings.storePreviews };
  const started: string[] = [];
  const writes: Promise<unknown>[] = [];
  rows.forEach((row, i) => {
    const previous = validOrUndefined(conversationRecordSchema, previousRows[i]);
    const merged = mergeConversation(previous, row, ctx);
    if (merged.started) started.push(merged.record.key);
    writes.push(conversations.put(merged.record));
    if (merged.response) writes.push(events.add(merged.response));
  });

  let known = false;
  for (const state of states) {
    if (state.platform === platform) {
      known = true;
      const previous = validOrUndefined(platformStateSchema, state);
      writes.push(platforms.put(mergePlatformState(previous, platform, tabId, url, read, now)));
    } else if (tabId !== undefined && state.tabs?.includes(tabId)) {
      // This tab moved to another platform.
      writes.push(platforms.put({ ...state, tabs: state.tabs.filter((t) => t !== tabId) }));
    }
  }
  if (!known) writes.push(platforms.put(mergePlatformState(undefined, platform, tabId, url, read, now)));

  await Promise.all(writes);
  await tx.done;
  return { accepted: true, started, known };
}

/**
 * A platform's unread counter from one of its tabs, between two full snapshots: only the counter
 * (and when it was seen) changes; the conversations wait for the next snapshot. A tab that has
 * not sent a snapshot yet, or a platform switched off, changes nothing. Returns whether the
 * stored counter changed.
 */
export async function applyTotal(
  input: { platform: PlatformId; tabId: number | undefined; unreadTotal: number },
  settings: Pick<Settings, 'enabledPlatforms'>,
  now = Date.now(),
): Promise<boolean> {
  const { platform, tabId, unreadTotal } = input;
  if (tabId === undefined || !settings.enabledPlatforms.includes(platform)) return false;
  const db = await getDb();
  const tx = db.transaction('platforms', 'readwrite');
  const state = validOrUndefined(platformStateSchema, await tx.store.get(platform));
  const changed = !!state && state.tabs.includes(tabId) && state.unreadTotal !== unreadTotal;
  if (state && changed) await tx.store.put({ ...state, unreadTotal, lastSeen: now });
  await tx.done;
  return changed;
}

/**
 * Forget a tab in every platform's list. `keepPlatform`: the tab still shows that platform (it
 * navigated within it), so it stays listed there.
 */
export async function removeTab(tabId: number, keepPlatform: PlatformId | null = null): Promise<boolean> {
  const db = await getDb();
  const tx = db.transaction('platforms', 'readwrite');
  let changed = false;
  for (const state of await tx.store.getAll()) {
    if (state.platform === keepPlatform || !state.tabs?.includes(tabId)) continue;
    changed = true;
    await tx.store.put({ ...state, tabs: state.tabs.filter((t) => t !== tabId) });
  }
  await tx.done;
  return changed;
}

/**
 * After the worker slept, tabs may have closed unseen: keep only tab ids that are still open and
 * still on their platform. `open` comes from `browser.tabs.query({})`.
 */
export async function reconcileTabs(open: readonly { id?: number; url?: string }[]): Promise<boolean> {
  const live = new Map<number, PlatformId | null>();
  // Without the "tabs" permission a tab's url is visible only on hosts we may read (the
  // platforms): a tab without one is on no platform.
  for (const tab of open) if (tab.id !== undefined) live.set(tab.id, tab.url ? platformOfUrl(tab.url) : null);
  const db = await getDb();
  const tx = db.transaction('platforms', 'readwrite');
  let changed = false;
  for (const state of await tx.store.getAll()) {
    const tabs = (state.tabs ?? []).filter((id) => live.get(id) === state.platform);
    if (tabs.length !== (state.tabs ?? []).length) {
      changed = true;
      await tx.store.put({ ...state, tabs });
    }
  }
  await tx.done;
  return changed;
}

/**
 * "Clear" a platform: forget its numbers (the platform state goes) and what we knew of its
 * unread rows (its conversations are kept, marked read, so done and snooze survive; a conversation
 * still waiting because the other side wrote last stays in the queue). Ending those waits records
 * no response event: nobody answered.
 */
export async function clearPlatform(platform: PlatformId): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['platforms', 'conversations'], 'readwrite');
  await tx.objectStore('platforms').delete(platform);
  const conversations = tx.objectStore('conversations');
  let cursor = await conversations.index('platform').openCursor(platform);
  while (cursor) {
    const record: ConversationRecord = { ...cursor.value, unread: false };
    delete record.unreadCount;
    if (!rowWaits(record)) record.waitingSince = null;
    await cursor.update(record);
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Previews were switched off: forget every stored one. */
export async function dropPreviews(): Promise<number> {
  const db = await getDb();
  const tx = db.transaction('conversations', 'readwrite');
  let dropped = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.snippet !== undefined) {
      const record = { ...cursor.value };
      delete record.snippet;
      await cursor.update(record);
      dropped++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return dropped;
}

/** Every store emptied, replies included ("Delete all data"). */
export async function clearAllStores(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['replies', 'conversations', 'platforms', 'events'], 'readwrite');
  await Promise.all([
    tx.objectStore('replies').clear(),
    tx.objectStore('conversations').clear(),
    tx.objectStore('platforms').clear(),
    tx.objectStore('events').clear(),
  ]);
  await tx.done;
}

export async function readInbox(): Promise<{ states: PlatformStateRecord[]; conversations: ConversationRecord[] }> {
  const db = await getDb();
  const tx = db.transaction(['platforms', 'conversations']);
  const [states, conversations] = await Promise.all([tx.objectStore('platforms').getAll(), tx.objectStore('conversations').getAll()]);
  await tx.done;
  return { states, conversations };
}

export type { EventRecord };
