import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, DB_NAME, getDb, type ConversationRecord } from '@/utils/db';
import { startFirstRead, takeFirstRead } from '@/components/firstRead';
import { loadInbox } from '@/components/inboxData';

// The popup's preload script starts the inbox read before the page's bundle; loadInbox takes it
// once and checks it like any read.
const conversation = (key: string, patch: Partial<ConversationRecord> = {}): ConversationRecord => ({
  key, platform: 'x', threadId: key.slice(2), name: key, unread: true,
  firstSeen: 1, lastSeen: 2, waitingSince: 1, time: 1, ...patch,
});

async function seed(rows: unknown[]) {
  const db = await getDb();
  const tx = db.transaction('conversations', 'readwrite');
  for (const row of rows) void tx.objectStore('conversations').put(row as ConversationRecord);
  await tx.done;
}

afterEach(async () => {
  await takeFirstRead(); // never leave one behind for the next test
  await closeDb();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe('first read', () => {
  it('reads the stored rows once; loadInbox uses them and still skips damaged ones', async () => {
    await seed([conversation('x:a'), { ...conversation('x:b'), unread: 'yes' }]);
    startFirstRead();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = await loadInbox();
    expect(data.conversations.map((c) => c.key)).toEqual(['x:a']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped 1 damaged conversation'));
    expect(await takeFirstRead()).toBeNull(); // taken
  });

  it('never creates the database: with none yet, the page reads (and creates) it itself', async () => {
    startFirstRead();
    expect(await takeFirstRead()).toBeNull();
    expect((await indexedDB.databases()).some((d) => d.name === DB_NAME)).toBe(false);
    expect((await loadInbox()).conversations).toEqual([]);
  });
});
